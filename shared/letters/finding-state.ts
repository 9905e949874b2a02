/**
 * What the Udtalelse tab shows of a henvendelse's finding (findings:state): the draft with the
 * adviser's edits or the newest issued letter, the draft's sections as editable text, every issued
 * version and the extra anonymisation terms. Pure schemas; the backend fills them
 * (electron/services/findings.ts).
 *
 * Workflow: a draft is edited section by section; issuing freezes it as version 1 (its PDFs and
 * their SHA-256 stored, never changed again); a change after that is a new version that starts from
 * the issued text and supersedes it with a reason.
 */
import { z } from 'zod';
import { IsoDateSchema, OutcomeSchema } from '../domain/case';
import { LetterDocumentSchema } from './document';

/** Who a finding goes to: the citizen (name, then address lines) and the forvaltninger it concerns. */
export const FindingAddresseesSchema = z.object({ citizen: z.array(z.string()), forvaltninger: z.array(z.string()) });

/** The two letters of one finding: to the citizen (copy to the forvaltning) and to the forvaltning (copy to the citizen). */
export const LetterVariantSchema = z.enum(['borger', 'forvaltning']);

/** One issued version. Frozen: the database refuses any change (migration 0150). */
export const FindingVersionSchema = z.object({
  id: z.number().int().positive(),
  /** 1, 2, 3 … per henvendelse. */
  version: z.number().int().positive(),
  letterDate: IsoDateSchema,
  /** ISO timestamp of the issue. */
  issuedAt: z.string(),
  issuedBy: z.string(),
  /** The version number this one replaces; null for the first. */
  supersedes: z.number().int().positive().nullable(),
  /** Why it replaces the earlier one; '' for the first. */
  reason: z.string(),
  /** SHA-256 (hex) of the stored PDF to the citizen, and of the one to the forvaltning. */
  sha256: z.string(),
  forvaltningSha256: z.string(),
});
export type FindingVersion = z.infer<typeof FindingVersionSchema>;

/** One section of the draft as the adviser edits it. */
export const FindingSectionSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** The adviser's text replaces the automatic one (until "Nulstil"). */
  edited: z.boolean(),
  /** The section's current blocks as editable text (shared/letters/section-text.ts). */
  text: z.string(),
  /** For a klagepunkt's assessment: its outcome, so the phrase library can offer the matching wording. */
  outcome: OutcomeSchema.nullable(),
  /** For a klagepunkt's assessment: the ids of its rules. */
  ruleIds: z.array(z.string()),
});
export type FindingSection = z.infer<typeof FindingSectionSchema>;

export const FindingModeSchema = z.enum(['udkast', 'udsendt']);

export const FindingStateSchema = z.object({
  caseId: z.number().int().positive(),
  /** 'udsendt': the newest version is issued and no new version is in progress; else 'udkast'. */
  mode: FindingModeSchema,
  /** udkast: the draft with its edits, dated today; udsendt: the newest issued letter to the citizen. */
  document: LetterDocumentSchema,
  /** Who `document` goes to, so the preview can show the letter to the forvaltning as well. */
  addressees: FindingAddresseesSchema,
  /** The draft's sections in reading order (title and signature excluded); [] when udsendt. */
  sections: z.array(FindingSectionSchema),
  /** Every issued version, newest first. */
  versions: z.array(FindingVersionSchema),
  /** The version number the draft in progress will supersede; null when none is issued or none in progress. */
  draftSupersedes: z.number().int().positive().nullable(),
  /** The adviser's extra terms for the anonymised version. */
  anonymisationTerms: z.array(z.string()),
});
export type FindingState = z.infer<typeof FindingStateSchema>;

/** Limits of the extra anonymisation terms (findings:set-anonymisation-terms). */
export const ANONYMISATION_TERM_LIMITS = { maxLength: 200, maxCount: 100 } as const;

/** Limit of one section's editable text. */
export const FINDING_SECTION_TEXT_MAX = 100_000;

/** Limit of the reason a new version gives. */
export const FINDING_REASON_MAX = 2000;
