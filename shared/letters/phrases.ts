/**
 * The phrase library (standardtekster): short texts the adviser inserts into a finding with one
 * keystroke and then edits freely. A phrase belongs to one of three scopes:
 * - `udfald`: a graded conclusion for one outcome of a klagepunkt (key: the outcome's code, vocab.ts);
 * - `regel`: the assessment of one rule (key: the rule's id in the catalogue);
 * - `generel`: anything else ("Jeg har noteret mig, at forvaltningen …"; key: null).
 * The library lives in the database (migration 0160 seeds it), is edited under Indstillinger and is
 * ordered within its scope and key by the adviser.
 */
import { z } from 'zod';
import { RuleIdSchema } from '../domain/rule';
import { Outcome, type OutcomeCode } from '../domain/vocab';

export const PhraseScopeSchema = z.enum(['generel', 'udfald', 'regel']);
export type PhraseScope = z.infer<typeof PhraseScopeSchema>;

export const PHRASE_SCOPE_LABEL: Record<PhraseScope, string> = {
  generel: 'Generelle',
  udfald: 'Efter udfald',
  regel: 'Efter regel',
};

export const PHRASE_TITLE_MAX = 120;
export const PHRASE_TEXT_MAX = 4000;

export const PhraseSchema = z.object({
  id: z.number().int().positive(),
  scope: PhraseScopeSchema,
  /** The outcome code (udfald), the rule id (regel) or null (generel). */
  key: z.string().max(80).nullable(),
  title: z.string(),
  text: z.string(),
});
export type Phrase = z.infer<typeof PhraseSchema>;

/** What the settings page sends; the limits here only bound the payload, `phraseProblems` says what is wrong. */
export const PhraseInputSchema = z.object({
  scope: PhraseScopeSchema,
  key: z.string().max(200).nullable(),
  title: z.string().max(1000),
  text: z.string().max(40_000),
});
export type PhraseInput = z.infer<typeof PhraseInputSchema>;

export type PhraseProblems = Partial<Record<'key' | 'title' | 'text', string>>;

/**
 * Danish messages per field for a phrase the adviser wants to save; empty when it may be saved.
 * Whether a rule id names a rule in this database is the backend's question (phrases service).
 */
export function phraseProblems(input: PhraseInput): PhraseProblems {
  const problems: PhraseProblems = {};
  const title = input.title.trim();
  if (title === '') problems.title = 'Skriv en overskrift til standardteksten.';
  else if (title.length > PHRASE_TITLE_MAX) problems.title = `Overskriften må højst være ${PHRASE_TITLE_MAX} tegn (den er ${title.length}).`;
  const text = input.text.trim();
  if (text === '') problems.text = 'Skriv selve standardteksten.';
  else if (text.length > PHRASE_TEXT_MAX) problems.text = `Teksten må højst være ${PHRASE_TEXT_MAX.toLocaleString('da-DK')} tegn (den er ${text.length.toLocaleString('da-DK')}).`;
  const key = input.key?.trim() ?? '';
  switch (input.scope) {
    case 'generel':
      if (key !== '') problems.key = 'En generel standardtekst hører ikke til et udfald eller en regel.';
      break;
    case 'udfald':
      if (key === '') problems.key = 'Vælg det udfald, standardteksten hører til.';
      else if (!(Outcome.codes as readonly string[]).includes(key)) problems.key = 'Udfaldet findes ikke. Vælg et udfald på listen.';
      break;
    case 'regel':
      if (key === '') problems.key = 'Vælg den regel, standardteksten hører til.';
      else if (!RuleIdSchema.safeParse(key).success) problems.key = 'Reglen findes ikke. Vælg en regel på listen.';
      break;
  }
  return problems;
}

/** The input as it is stored: trimmed, key null for a general phrase. */
export function normalisePhraseInput(input: PhraseInput): PhraseInput {
  return { scope: input.scope, key: input.scope === 'generel' ? null : (input.key?.trim() ?? null), title: input.title.trim(), text: input.text.trim() };
}

/**
 * The phrases offered in one section of a finding, in the order they are offered: for a
 * klagepunkt, those of its outcome, then those of its rules in the klagepunkt's order, then the
 * general ones; for any other section (outcome null, no rules) the general ones. Within a group the
 * library's own order is kept (the list is expected as `phrases:list` gives it). A rule named twice
 * gives its phrases once.
 */
export function phrasesForSection(phrases: ReadonlyArray<Phrase>, section: Readonly<{ outcome: OutcomeCode | null; ruleIds: ReadonlyArray<string> }>): Phrase[] {
  const byOutcome = section.outcome === null ? [] : phrases.filter((p) => p.scope === 'udfald' && p.key === section.outcome);
  const byRule = [...new Set(section.ruleIds)].flatMap((ruleId) => phrases.filter((p) => p.scope === 'regel' && p.key === ruleId));
  const general = phrases.filter((p) => p.scope === 'generel');
  return [...byOutcome, ...byRule, ...general];
}
