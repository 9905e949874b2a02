/**
 * What the finding's auto-draft is made from: plain data the backend gathers from the case
 * (electron/services/findings.ts), so the draft itself (finding-draft.ts) stays pure and testable.
 * Dates are ISO (ÅÅÅÅ-MM-DD); the draft formats them.
 */
import type { AssessmentCode, VerificationCode } from '../domain/rule';
import type { OutcomeCode } from '../domain/vocab';
import type { LetterheadSettings } from './letterhead-settings';

export type FindingRule = Readonly<{
  ruleId: string;
  assessment: AssessmentCode;
  reasoning: string;
  /** From the catalogue: the formal citation, the summary and how well it is verified. */
  citation: string;
  lawFull: string;
  paragraph: string;
  summary: string;
  verification: VerificationCode;
}>;

export type FindingPoint = Readonly<{
  position: number;
  description: string;
  forvaltning: string | null;
  afdeling: string | null;
  outcome: OutcomeCode | null;
  rules: ReadonlyArray<FindingRule>;
}>;

export type FindingRequest = Readonly<{
  forvaltning: string;
  kind: 'redegoerelse' | 'akter' | 'udtalelse';
  sentOn: string;
  reminders: ReadonlyArray<Readonly<{ onDate: string; level: number | null }>>;
  answeredOn: string | null;
  answerSummary: string;
}>;

export type FindingSource = Readonly<{
  sagsnr: string;
  receivedOn: string;
  citizen: Readonly<{ name: string; address: string }>;
  summary: string;
  description: string;
  points: ReadonlyArray<FindingPoint>;
  requests: ReadonlyArray<FindingRequest>;
  /** Meetings from the journal (notes of kind møde). */
  meetings: ReadonlyArray<Readonly<{ onDate: string; text: string }>>;
  recommendations: ReadonlyArray<Readonly<{ forvaltning: string; text: string; followUpOn: string | null }>>;
  /** The citizen's klagefrist when one is recorded; klageinstans null when not known. */
  klagefrist: Readonly<{ dueOn: string; klageinstans: string | null }> | null;
  /** The sender's letterhead (settings: Brevpapir). */
  letterhead: LetterheadSettings;
  adviser: Readonly<{ name: string; title: string }>;
  /** The letter's date. */
  date: string;
}>;
