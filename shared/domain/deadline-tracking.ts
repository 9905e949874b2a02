/**
 * What the forvaltning owes and when: requests (redegørelse, akter, udtalelse) with reminders,
 * extensions and pauses; statutory deadlines on the municipality's own handling attached to a
 * klagepunkt; the citizen's klagefrist; the adviser's own target; the Frister overview; and the
 * deadline settings. Every due date travels with its explanation.
 */
import { z } from 'zod';
import { DeadlineExplanationSchema, DeadlineSpecSchema, ClosingDaySchema } from '../deadlines/types';
import { IsoDateSchema } from './case';
import { DeadlineUnitSchema } from './rule';
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

export const DeadlineSettingsSchema = z.object({
  /** The default deadline of a request to a forvaltning (e.g. 10 arbejdsdage). */
  requestDefault: DeadlineSpecSchema,
  /** "Snart" this many working days before the deadline. */
  soonWorkingDays: z.number().int().min(0).max(60),
  /** "Længe overskredet" this many working days after the deadline. */
  longOverdueWorkingDays: z.number().int().min(1).max(250),
  /** The adviser's own target for closing a henvendelse, counted from receipt; null: none. */
  adviserTarget: DeadlineSpecSchema.nullable(),
  /** Letter post: the decision is presumed received this many working days after its date. */
  letterPresumptionWorkingDays: z.number().int().min(0).max(30),
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
});
export type RequestView = z.infer<typeof RequestViewSchema>;

export const RequestInputSchema = z.object({
  caseId: z.number().int().positive(),
  forvaltningId: z.number().int().positive(),
  kind: RequestKindSchema,
  sentOn: IsoDateSchema,
  /** null: the default from the settings. */
  spec: DeadlineSpecSchema.nullable(),
  note: z.string().max(5000),
});
export type RequestInput = z.infer<typeof RequestInputSchema>;

/** A statutory deadline on the municipality's own handling, attached to a klagepunkt. */
export const PointDeadlineSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  pointId: z.number().int(),
  pointPosition: z.number().int(),
  ruleId: z.string(),
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
  ruleId: z.string().max(80),
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

/** One line of the Frister overview. */
export const FristItemSchema = z.object({
  kind: z.enum(['anmodning', 'klagefrist', 'lovfrist', 'eget_maal']),
  caseId: z.number().int(),
  sagsnr: z.string(),
  title: z.string(),
  forvaltning: z.string().nullable(),
  dueOn: z.string(),
  state: DeadlineStateSchema,
});
export type FristItem = z.infer<typeof FristItemSchema>;

export const FristOverviewSchema = z.object({
  today: z.string(),
  overdue: z.array(FristItemSchema),
  dueToday: z.array(FristItemSchema),
  thisWeek: z.array(FristItemSchema),
  byForvaltning: z.array(z.object({ forvaltningId: z.number().int(), forvaltning: z.string(), open: z.number().int(), overdue: z.number().int() })),
});
export type FristOverview = z.infer<typeof FristOverviewSchema>;
