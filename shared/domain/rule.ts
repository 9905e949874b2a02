/**
 * The rule catalogue: the administrative-law rules a klagepunkt is assessed against, and the
 * assessment of each rule on a klagepunkt. Facts come from a checked reference with a verification
 * level per rule; a rule that is not fully verified must carry a visible mark wherever it is shown
 * (`verificationMark`).
 */
import { z } from 'zod';
import { DeadlineOwnerSchema } from '../deadlines/owner';
import { vocab } from './vocab';

export const Assessment = vocab([
  { code: 'ikke_overholdt', label: 'Ikke overholdt', importName: 'ikke overholdt' },
  { code: 'overholdt', label: 'Overholdt', importName: 'overholdt' },
  { code: 'ikke_vurderet', label: 'Ikke vurderet', importName: 'ikke vurderet' },
]);
export type AssessmentCode = (typeof Assessment.codes)[number];

export const DeadlineUnit = vocab([
  { code: 'arbejdsdage', label: 'arbejdsdage', importName: 'arbejdsdage' },
  { code: 'dage', label: 'dage', importName: 'dage' },
  { code: 'uger', label: 'uger', importName: 'uger' },
  { code: 'maaneder', label: 'måneder', importName: 'måneder' },
]);
export type DeadlineUnitCode = (typeof DeadlineUnit.codes)[number];

export const Verification = vocab([
  { code: 'yes', label: 'Verificeret', importName: 'yes' },
  { code: 'partial', label: 'Delvist verificeret', importName: 'partial' },
  { code: 'no', label: 'Ikke verificeret', importName: 'no' },
]);
export type VerificationCode = (typeof Verification.codes)[number];

/** The text shown beside every rule that is not fully verified, in screens and documents. */
export const NOT_FULLY_VERIFIED = 'ikke fuldt verificeret';

/** The mark to show with a rule, or null when it is fully verified. */
export function verificationMark(v: VerificationCode): string | null {
  return v === 'yes' ? null : NOT_FULLY_VERIFIED;
}

/**
 * What a rule is for. A `norm` can be recorded as breached on a klagepunkt. A `baggrund` rule only
 * describes the background or the substance of decisions (a reform, the conditions for a benefit,
 * the borgerrådgiver's own legal basis): it is shown on the rules screen, never recorded as breached.
 */
export const RuleRole = vocab([
  { code: 'norm', label: 'Retsregel', importName: 'norm' },
  { code: 'baggrund', label: 'Baggrund', importName: 'baggrund' },
]);
export type RuleRoleCode = (typeof RuleRole.codes)[number];
export const RuleRoleSchema = z.enum(RuleRole.codes);

export const AssessmentSchema = z.enum(Assessment.codes);
export const DeadlineUnitSchema = z.enum(DeadlineUnit.codes);
export const VerificationSchema = z.enum(Verification.codes);

/** Rule ids are stable slugs: lower-case letters, digits and hyphens (e.g. `fvl-19-partshoering`). */
export const RuleIdSchema = z.string().max(80).regex(/^[a-z0-9][a-z0-9-]{1,79}$/);

export const RuleDeadlineSchema = z.object({
  /** Amount and unit when the deadline can be computed; both null for e.g. "snarest muligt". */
  amount: z.number().int().positive().nullable(),
  unit: DeadlineUnitSchema.nullable(),
  /** The deadline in words, e.g. "7 arbejdsdage" or "rimelig frist fastsat af myndigheden". */
  text: z.string().max(500),
  /** The event that starts it, e.g. "myndighedens modtagelse af anmodningen". */
  from: z.string().max(500),
  /** Whether a last day on a weekend or holiday moves to the next working day. */
  rollForward: z.boolean(),
  /** Whose deadline it is: the citizen's, the authority's statutory one, or a local target (legal-rules.md § b.5). */
  owner: DeadlineOwnerSchema,
  /** What must have happened by the due date, in letter words ("en afgørelse eller besked om, hvornår den kommer"); may be empty. */
  owes: z.string().max(500),
});
export type RuleDeadline = z.infer<typeof RuleDeadlineSchema>;

export const RuleSchema = z.object({
  id: RuleIdSchema,
  origin: z.enum(['shipped', 'own']),
  lawShort: z.string(),
  lawFull: z.string(),
  paragraph: z.string(),
  title: z.string(),
  summary: z.string(),
  category: z.string(),
  /** The formal citation a letter prints: law name, §, stk. and the current lovbekendtgørelse. Never a web page. */
  citation: z.string(),
  role: RuleRoleSchema,
  deadline: RuleDeadlineSchema.nullable(),
  sources: z.array(z.string()),
  verification: VerificationSchema,
  note: z.string(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** The shipped catalogue version that last wrote this rule (null for the adviser's own). */
  catalogVersion: z.number().int().nullable(),
  /** A shipped rule the adviser has changed: newer catalogues leave it alone. */
  edited: z.boolean(),
  /** Number of klagepunkter citing the rule. */
  citedBy: z.number().int(),
});
export type Rule = z.infer<typeof RuleSchema>;

/** What the adviser can write: their own rule, or an edit of a shipped one. */
export const RuleInputSchema = z.object({
  id: RuleIdSchema,
  lawShort: z.string().max(40),
  lawFull: z.string().max(400),
  paragraph: z.string().max(120),
  title: z.string().max(200),
  summary: z.string().max(5000),
  category: z.string().max(80),
  citation: z.string().max(500),
  role: RuleRoleSchema,
  deadline: RuleDeadlineSchema.nullable(),
  sources: z.array(z.string().max(1000)).max(20),
  verification: VerificationSchema,
  note: z.string().max(2000),
});
export type RuleInput = z.infer<typeof RuleInputSchema>;

export const RuleQuerySchema = z.object({
  search: z.string().max(200),
  lawShort: z.string().max(40).nullable(),
  category: z.string().max(80).nullable(),
  includeRetired: z.boolean(),
});
export type RuleQuery = z.infer<typeof RuleQuerySchema>;

/** A rule linked to a klagepunkt, with the adviser's assessment and reasoning. */
export const PointRuleSchema = z.object({
  ruleId: RuleIdSchema,
  assessment: AssessmentSchema,
  reasoning: z.string().max(20000),
});
export type PointRule = z.infer<typeof PointRuleSchema>;

/** A klagepunkt that cites a rule, for the rule's page. */
export const RuleCitationSchema = z.object({
  caseId: z.number().int(),
  sagsnr: z.string(),
  receivedOn: z.string(),
  pointId: z.number().int(),
  position: z.number().int(),
  forvaltning: z.string().nullable(),
  assessment: AssessmentSchema,
  reasoning: z.string(),
});
export type RuleCitation = z.infer<typeof RuleCitationSchema>;

/** Danish messages per field for a rule the adviser writes, or {} when it is fine. */
export function validateRuleInput(input: RuleInput): Record<string, string> {
  const e: Record<string, string> = {};
  if (input.lawShort.trim() === '') e['lawShort'] = 'Skriv lovens forkortelse (fx FVL, eller KOM for kommunens egne regler).';
  if (input.lawFull.trim() === '') e['lawFull'] = 'Skriv lovens eller regelsættets fulde navn.';
  if (input.paragraph.trim() === '') e['paragraph'] = 'Skriv paragraf og stykke, eller fx "Svarpolitik, pkt. 2".';
  if (input.title.trim() === '') e['title'] = 'Giv reglen en titel.';
  if (input.summary.trim() === '') e['summary'] = 'Skriv et kort resumé af, hvad reglen kræver.';
  if (input.category.trim() === '') e['category'] = 'Vælg eller skriv en kategori.';
  // A letter cites the law, never the web page it was checked on (legal-rules.md § b.5).
  if (/https?:|www\./i.test(input.citation)) e['citation'] = 'Henvisningen i breve skal være lovens navn, paragraf og stykke – ikke en webadresse. Læg adressen under Kilder.';
  const d = input.deadline;
  if (d !== null) {
    if ((d.amount === null) !== (d.unit === null)) e['deadline.amount'] = 'Angiv både antal og enhed, eller ingen af dem.';
    if (d.amount === null && d.text.trim() === '') e['deadline.text'] = 'Beskriv fristen, eller fjern den.';
    // Whose deadline it is decides how it is counted (§ b.5); a draft may not have chosen yet.
    if (!DeadlineOwnerSchema.safeParse(d.owner).success) e['deadline.owner'] = 'Angiv, hvis frist det er: borgerens, myndighedens lovbestemte frist eller en lokal målsætning.';
  }
  input.sources.forEach((s, i) => {
    if (!/^https:\/\/[^\s/]+\.[^\s/]+/.test(s)) e[`sources.${i}`] = 'En kilde skal være en https-adresse (fx https://www.retsinformation.dk/…).';
  });
  return e;
}

/** "FVL § 19" – the paragraph already carries its § sign when the law uses one; "–" (no paragraph) is left out. */
export function ruleReference(rule: Pick<Rule, 'lawShort' | 'paragraph'>): string {
  const p = rule.paragraph.trim() === '–' ? '' : rule.paragraph.trim();
  const needsSign = /^\d/.test(p);
  return `${rule.lawShort} ${needsSign ? '§ ' : ''}${p}`.trim();
}

/** "FVL § 19 – Partshøring": how every screen, explanation and message names a rule. */
export function ruleHeading(rule: Pick<Rule, 'lawShort' | 'paragraph' | 'title'>): string {
  return `${ruleReference(rule)} – ${rule.title}`;
}

/**
 * Why a rule may not be recorded as breached ("ikke overholdt") on a klagepunkt, in Danish, or null
 * when it may. Background rules never; a shipped rule the reference could not verify (`no`) never,
 * since a letter would cite something that is not established law. The adviser's own rules are the
 * adviser's responsibility, so only their role counts (an adviser who wants to rely on an unverified
 * norm writes it as an own rule).
 */
export function breachRefusal(rule: Pick<Rule, 'origin' | 'role' | 'verification' | 'lawShort' | 'paragraph' | 'title'>): string | null {
  const name = ruleHeading(rule);
  if (rule.role === 'baggrund') {
    return `${name} beskriver baggrund og kan ikke registreres som »ikke overholdt«. Vil du bygge på normen, så skriv en egen regel under Regler og tag selv ansvar for den.`;
  }
  if (rule.origin === 'shipped' && rule.verification === 'no') {
    return `${name} er ikke verificeret og kan ikke registreres som »ikke overholdt«. Vil du bygge på normen, så skriv en egen regel under Regler og tag selv ansvar for den.`;
  }
  return null;
}

/**
 * The formal citation a letter prints for a rule: its `citation`, or – for an own rule written
 * without one – the law's full name and the paragraph. Never a source URL (legal-rules.md § b.5).
 */
export function formalCitation(rule: Pick<Rule, 'citation' | 'lawFull' | 'paragraph'>): string {
  const citation = rule.citation.trim();
  if (citation !== '') return citation;
  const paragraph = rule.paragraph.trim();
  return paragraph === '' || paragraph === '–' ? rule.lawFull.trim() : `${rule.lawFull.trim()}, ${paragraph}`;
}

/**
 * What a findings letter may say about a rule: always the formal citation; the summary only when
 * the rule is fully verified (`yes`). A `partial` rule's wording, paragraph or stk. is not checked
 * against the law, so a letter cites it without restating it (legal-rules.md, "Verificeringsniveau").
 */
export function letterCitation(rule: Pick<Rule, 'citation' | 'lawFull' | 'paragraph' | 'summary' | 'verification'>): Readonly<{ citation: string; summary: string | null }> {
  const summary = rule.summary.trim();
  return { citation: formalCitation(rule), summary: rule.verification === 'yes' && summary !== '' ? summary : null };
}
