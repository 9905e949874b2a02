/**
 * What the adviser's other formal letters of a case are made from – the anmodning om redegørelse to
 * the forvaltning, the rykker and the kvittering to the citizen: plain data the backend gathers
 * (electron/services/case-letters.ts), so the drafts (request-letter.ts, reminder-letter.ts,
 * receipt-letter.ts) stay pure and testable. Dates are ISO (ÅÅÅÅ-MM-DD); the drafts format them.
 */
import { z } from 'zod';
import type { LetterheadSettings } from './letterhead-settings';

export const CaseLetterKindSchema = z.enum(['anmodning', 'rykker', 'kvittering']);
export type CaseLetterKind = z.infer<typeof CaseLetterKindSchema>;

/** Which letter of which case: the anmodning and the rykker name their request, the kvittering none. */
export const CaseLetterInputSchema = z.object({
  caseId: z.number().int().positive(),
  kind: CaseLetterKindSchema,
  requestId: z.number().int().positive().nullable(),
});
export type CaseLetterInput = z.infer<typeof CaseLetterInputSchema>;

/** A klagepunkt as the letters number it: its position in the case (Klagepunkt 1, 2 …). */
export type CaseLetterPoint = Readonly<{ position: number; description: string }>;

export type CaseLetterRequest = Readonly<{
  forvaltning: string;
  kind: 'redegoerelse' | 'akter' | 'udtalelse';
  sentOn: string;
  /** The deadline as first set, before any extension or pause. */
  firstDue: string;
  /** The deadline in force, extensions and pauses included. */
  dueOn: string;
  /** Reminders recorded on the request, oldest first. */
  reminders: ReadonlyArray<Readonly<{ onDate: string; level: number | null }>>;
  answeredOn: string | null;
  closedOn: string | null;
  /** The adviser's questions to the forvaltning (the request's note); '' when none were written. */
  questions: string;
  /** The klagepunkter the request concerns, in case order (the backend resolves "none named"). */
  points: ReadonlyArray<CaseLetterPoint>;
}>;

export type CaseLetterSource = Readonly<{
  sagsnr: string;
  receivedOn: string;
  citizen: Readonly<{ name: string; address: string }>;
  summary: string;
  /** Every klagepunkt of the case, in case order. */
  points: ReadonlyArray<CaseLetterPoint>;
  /** The request the letter is about (anmodning, rykker); null for the kvittering. */
  request: CaseLetterRequest | null;
  /** The citizen's klagefrist when one is recorded on the case. */
  klagefrist: Readonly<{ dueOn: string }> | null;
  /** The adviser's own target for the henvendelse (a local target, not law); null when none is set. */
  targetDue: string | null;
  letterhead: LetterheadSettings;
  adviser: Readonly<{ name: string; title: string }>;
  /** The letter's date. */
  date: string;
}>;
