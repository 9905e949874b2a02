/**
 * What the forvaltning owes and when: requests (redegørelse, akter, udtalelse) with reminders,
 * extensions and pauses; statutory deadlines on the municipality's own handling attached to a
 * klagepunkt; the citizen's klagefrist; the adviser's own target; the Frister overview; and the
 * deadline settings. Every due date travels with its explanation.
 */
import { z } from 'zod';
import { DeadlineExplanationSchema, DeadlineSpecSchema, ClosingDaySchema } from '../deadlines/types';
import { IsoDateSchema, TEXT_LIMITS } from './case';
import { AnswerDocumentSchema } from './records';
import { DeadlineUnitSchema, RuleIdSchema } from './rule';
import { vocab } from './vocab';

export const RequestKind = vocab([
  { code: 'redegoerelse', label: 'Redegørelse', importName: 'redegørelse' },
  { code: 'akter', label: 'Sagens akter', importName: 'akter' },
  { code: 'udtalelse', label: 'Udtalelse', importName: 'udtalelse' },
]);
export const RequestKindSchema = z.enum(RequestKind.codes);

/** Graded state of something owed (alaveteli's awaiting / overdue / very overdue, plus "snart"). */
export const DeadlineState = vocab([
  { code: 'afventer', label: 'Afventer', importName: 'afventer' },
  { code: 'snart', label: 'Snart', importName: 'snart' },
  { code: 'overskredet', label: 'Overskredet', importName: 'overskredet' },
  { code: 'laenge_overskredet', label: 'Længe overskredet', importName: 'længe overskredet' },
  { code: 'besvaret', label: 'Besvaret', importName: 'besvaret' },
  { code: 'lukket', label: 'Lukket uden svar', importName: 'lukket' },
]);
export const DeadlineStateSchema = z.enum(DeadlineState.codes);
export type DeadlineStateCode = z.infer<typeof DeadlineStateSchema>;

export const DecisionNotice = vocab([
  { code: 'digital_post', label: 'Digital Post', importName: 'digital post' },
  { code: 'brev', label: 'Brev med posten', importName: 'brev' },
  { code: 'personligt', label: 'Udleveret personligt', importName: 'personligt' },
]);
export const DecisionNoticeSchema = z.enum(DecisionNotice.codes);

/**
 * Did the decision give correct klagevejledning (FVL § 25)? Without it the klagefrist may not be
 * enforceable against the citizen (legal-rules.md, rsl-67-klagefrist and fvl-25-klagevejledning), so
 * the app never calls such a frist simply "udløbet". Unknown counts as not known to be correct.
 */
export const Klagevejledning = vocab([
  { code: 'korrekt', label: 'Ja, korrekt klagevejledning', importName: 'korrekt' },
  { code: 'mangelfuld', label: 'Nej, mangelfuld eller ingen klagevejledning', importName: 'mangelfuld' },
  { code: 'ukendt', label: 'Ved ikke', importName: 'ukendt' },
]);
export const KlagevejledningSchema = z.enum(Klagevejledning.codes);
export type KlagevejledningCode = z.infer<typeof KlagevejledningSchema>;

/** True when the klagefrist may not bind the citizen: the klagevejledning was faulty or is not known. */
export function klagefristMayNotBind(guidance: KlagevejledningCode): boolean {
  return guidance !== 'korrekt';
}

/**
 * What the klagefrist rests on: a catalogue rule that sets a deadline the citizen must meet (not only
 * RSL § 67, which covers the social and employment areas), no statutory klagefrist at all, or a frist
 * typed by hand with its source (e.g. the decision's own klagevejledning or a special law).
 */
export const KlagefristBasisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('regel'), ruleId: RuleIdSchema }),
  z.object({ kind: z.literal('ingen') }),
  z.object({ kind: z.literal('manuel'), amount: z.number().int().min(1).max(10000), unit: DeadlineUnitSchema, source: z.string().max(500) }),
]);
export type KlagefristBasis = z.infer<typeof KlagefristBasisSchema>;

/** How and when the citizen was notified of the decision, and what its klagefrist rests on. */
export const DecisionNoticeInputSchema = z.object({
  notifiedOn: IsoDateSchema,
  channel: DecisionNoticeSchema,
  guidance: KlagevejledningSchema,
  basis: KlagefristBasisSchema,
});
export type DecisionNoticeInput = z.infer<typeof DecisionNoticeInputSchema>;

/**
 * The municipality's svarpolitik: the answer (or receipt or interim answer) it promises a citizen
 * within a time counted from its receipt of a henvendelse. A local service target, not law, so it is
 * a setting rather than a catalogue rule, and a deadline computed from it is owned by 'maal'
 * (legal-rules.md, gfs-14-dages-svar; § b.5). `text` describes the promise in the municipality's words.
 */
export const AnswerPolicySchema = z.object({
  amount: z.number().int().min(1).max(365),
  unit: DeadlineUnitSchema,
  text: z.string().max(500),
});
export type AnswerPolicy = z.infer<typeof AnswerPolicySchema>;

/** Many municipalities promise an answer, a receipt or an interim answer within about 14 days. */
export const DEFAULT_ANSWER_POLICY: AnswerPolicy = {
  amount: 14,
  unit: 'dage',
  text: 'Kommunen svarer på en henvendelse – eller sender en kvittering eller et foreløbigt svar – senest 14 dage efter, at den er modtaget.',
};

/** The range of the Frister overview's look ahead, and its message (the form and the service say the same). */
export const LOOKAHEAD_MIN = 1;
export const LOOKAHEAD_MAX = 90;
export const DEFAULT_LOOKAHEAD_DAYS = 14;
export const LOOKAHEAD_MESSAGE = `Skriv et helt antal dage fra ${LOOKAHEAD_MIN} til ${LOOKAHEAD_MAX}.`;

export const DeadlineSettingsSchema = z.object({
  /** The default deadline of a request to a forvaltning (e.g. 10 arbejdsdage). */
  requestDefault: DeadlineSpecSchema,
  /** "Snart" this many working days before the deadline. */
  soonWorkingDays: z.number().int().min(0).max(60),
  /** "Længe overskredet" this many working days after the deadline. */
  longOverdueWorkingDays: z.number().int().min(1).max(250),
  /** The adviser's own target for closing a henvendelse, counted from receipt; null: none. */
  adviserTarget: DeadlineSpecSchema.nullable(),
  /**
   * Letter post: the decision is presumed received this many hverdage (weekdays that are not public
   * holidays) after its date. Justitsministeriets vejledning nr. 9533 af 26/06/2018 uses 6; PostNord
   * stopped delivering letters at the end of 2025, so the presumption is the municipality's setting
   * (legal-rules.md § b.1, § b.5).
   */
  letterPresumptionWorkingDays: z.number().int().min(0).max(30),
  /** The municipality's svarpolitik (a local target); null: the municipality has none. */
  answerPolicy: AnswerPolicySchema.nullable(),
  /** How many calendar days ahead the Frister overview looks, after today (default 14). */
  lookaheadDays: z.number().int().min(LOOKAHEAD_MIN).max(LOOKAHEAD_MAX),
  /** The municipality's own closing days (non-working in every calendar profile). */
  closingDays: z.array(ClosingDaySchema).max(500),
});
export type DeadlineSettings = z.infer<typeof DeadlineSettingsSchema>;

export const VerdictSchema = z.object({ onTime: z.boolean(), workingDaysUsed: z.number().int(), daysLate: z.number().int() });

export const RequestEventSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['rykker', 'forlaengelse', 'pause']),
  onDate: z.string(),
  level: z.number().int().nullable(),
  pauseTo: z.string().nullable(),
  newDue: z.string().nullable(),
  add: z.object({ amount: z.number().int(), unit: DeadlineUnitSchema }).nullable(),
  oldDue: z.string().nullable(),
  reason: z.string(),
});

export const RequestViewSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  sagsnr: z.string(),
  forvaltningId: z.number().int(),
  forvaltning: z.string(),
  kind: RequestKindSchema,
  sentOn: z.string(),
  spec: DeadlineSpecSchema,
  /** A due date given rather than counted; the spec then only records the default of the day. */
  explicitDue: z.string().nullable(),
  dueOn: z.string(),
  explanation: DeadlineExplanationSchema,
  state: DeadlineStateSchema,
  answeredOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  verdict: VerdictSchema.nullable(),
  events: z.array(RequestEventSchema),
  /** The reminder level the next rykker will have. */
  nextReminderLevel: z.number().int(),
  note: z.string(),
  /** The adviser's summary of what the forvaltning answered; empty when none was written. */
  answerSummary: z.string(),
  /** The klagepunkter the request names (migration 0110), in case order; empty: those of its forvaltning. */
  pointIds: z.array(z.number().int()),
});
export type RequestView = z.infer<typeof RequestViewSchema>;

/**
 * The svarfrist the request was sent with: the one in force before its first extension or pause,
 * else the current one (what a rykker refers to before it names an extended date).
 */
export function firstDueOf(r: Pick<RequestView, 'events' | 'dueOn'>): string {
  return r.events.find((e) => e.kind !== 'rykker' && e.oldDue !== null)?.oldDue ?? r.dueOn;
}

/** Whether the forvaltning agrees that an error was made on a klagepunkt, as its answer says. */
export const AgreedSchema = z.enum(['ja', 'nej', 'ukendt']);
export type AgreedCode = z.infer<typeof AgreedSchema>;

/**
 * What recording an answer takes: when it came, a summary of the statement, and per klagepunkt the
 * request concerns (those of the request's forvaltning) whether the forvaltning agrees; the
 * agreement is stored on the klagepunkt itself (`forvaltningAgreed`).
 */
export const RequestAnswerSchema = z.object({
  answeredOn: IsoDateSchema,
  summary: z.string().max(TEXT_LIMITS.answerSummary),
  agreed: z.array(z.object({ pointId: z.number().int().positive(), agreed: AgreedSchema })).max(500),
  /** The statement itself, kept as an akt with the answer (one transaction); absent: none attached. */
  document: AnswerDocumentSchema.optional(),
});
export type RequestAnswer = z.infer<typeof RequestAnswerSchema>;

export const RequestInputSchema = z.object({
  caseId: z.number().int().positive(),
  forvaltningId: z.number().int().positive(),
  kind: RequestKindSchema,
  sentOn: IsoDateSchema,
  /** null: the default from the settings. */
  spec: DeadlineSpecSchema.nullable(),
  /**
   * A fixed due date given instead of a count ("Frist: dato …"); a calendar change never moves it
   * (migration 0050). The spec is then kept only as the request's record of the default.
   */
  explicitDue: IsoDateSchema.nullable().optional(),
  /** The klagepunkter the request concerns; none given: those of its forvaltning. */
  pointIds: z.array(z.number().int().positive()).max(500).optional(),
  note: z.string().max(5000),
});
export type RequestInput = z.infer<typeof RequestInputSchema>;

/**
 * What a deadline on a klagepunkt follows from: a catalogue rule with a computable deadline, or the
 * municipality's svarpolitik from the settings (a local target, not law).
 */
export const PointDeadlineBasis = vocab([
  { code: 'regel', label: 'Regel', importName: 'regel' },
  { code: 'svarpolitik', label: 'Kommunens svarpolitik (lokal målsætning)', importName: 'svarpolitik' },
]);
export const PointDeadlineBasisSchema = z.enum(PointDeadlineBasis.codes);
export type PointDeadlineBasisCode = z.infer<typeof PointDeadlineBasisSchema>;

/** A statutory deadline on the municipality's own handling (or its svarpolitik), attached to a klagepunkt. */
export const PointDeadlineSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  pointId: z.number().int(),
  pointPosition: z.number().int(),
  basis: PointDeadlineBasisSchema,
  /** The rule, for basis 'regel'; null for the svarpolitik. */
  ruleId: z.string().nullable(),
  ruleLabel: z.string(),
  startOn: z.string(),
  dueOn: z.string(),
  metOn: z.string().nullable(),
  /** true kept, false not kept (met late, or not met and passed), null still running. */
  kept: z.boolean().nullable(),
  explanation: DeadlineExplanationSchema,
  note: z.string(),
});
export type PointDeadline = z.infer<typeof PointDeadlineSchema>;

export const PointDeadlineInputSchema = z.object({
  pointId: z.number().int().positive(),
  /** Absent: 'regel'. */
  basis: PointDeadlineBasisSchema.optional(),
  /** The rule for basis 'regel'; ignored (may be null) for the svarpolitik. */
  ruleId: z.string().max(80).nullable(),
  startOn: IsoDateSchema,
  metOn: IsoDateSchema.nullable(),
  note: z.string().max(5000),
});
export type PointDeadlineInput = z.infer<typeof PointDeadlineInputSchema>;

/** The citizen's own klagefrist, or the adviser's target, as shown on a case. */
export const CaseDeadlineSchema = z.object({
  dueOn: z.string(),
  state: DeadlineStateSchema,
  /** Calendar days left (negative when passed). */
  daysLeft: z.number().int(),
  explanation: DeadlineExplanationSchema,
});
export type CaseDeadline = z.infer<typeof CaseDeadlineSchema>;

/** The citizen's klagefrist as shown: the deadline, and whether it may not bind the citizen. */
export const KlagefristSchema = CaseDeadlineSchema.extend({
  guidance: KlagevejledningSchema,
  /** What the frist rests on, in words: "RSL § 67 – Klagefrist 4 uger" or "Angivet: 3 måneder (…)". */
  basisText: z.string(),
});
export type Klagefrist = z.infer<typeof KlagefristSchema>;

/**
 * What a line of the Frister overview is: a request, the citizen's klagefrist, a statutory deadline on
 * a klagepunkt, the adviser's own target, or the follow-up date of a henstilling still awaiting its
 * answer (a date the adviser chose, not a computed deadline).
 */
export const FristKind = vocab([
  { code: 'anmodning', label: 'Anmodning', importName: 'anmodning' },
  { code: 'klagefrist', label: 'Borgerens klagefrist', importName: 'klagefrist' },
  { code: 'lovfrist', label: 'Lovbestemt frist', importName: 'lovfrist' },
  { code: 'eget_maal', label: 'Eget mål', importName: 'eget mål' },
  { code: 'henstilling', label: 'Opfølgning på henstilling', importName: 'henstilling' },
]);
export const FristKindSchema = z.enum(FristKind.codes);
export type FristKindCode = z.infer<typeof FristKindSchema>;

/** One line of the Frister overview. */
export const FristItemSchema = z.object({
  kind: FristKindSchema,
  caseId: z.number().int(),
  sagsnr: z.string(),
  title: z.string(),
  forvaltning: z.string().nullable(),
  dueOn: z.string(),
  state: DeadlineStateSchema,
});
export type FristItem = z.infer<typeof FristItemSchema>;

/**
 * Whose henvendelser the overview covers: one adviser's (the cases assigned to them), or all (null;
 * also when absent, so a caller that never filters – the start-up notice – need not say so).
 */
export const FristOverviewQuerySchema = z.object({ adviserId: z.number().int().positive().nullable().default(null) });
export type FristOverviewQuery = z.infer<typeof FristOverviewQuerySchema>;

export const FristOverviewSchema = z.object({
  today: z.string(),
  /** The setting the `ahead` group was cut with: the days after today it covers. */
  lookaheadDays: z.number().int(),
  overdue: z.array(FristItemSchema),
  dueToday: z.array(FristItemSchema),
  /** Due after today, up to and including today + lookaheadDays. */
  ahead: z.array(FristItemSchema),
  byForvaltning: z.array(z.object({ forvaltningId: z.number().int(), forvaltning: z.string(), open: z.number().int(), overdue: z.number().int() })),
});
export type FristOverview = z.infer<typeof FristOverviewSchema>;
