/**
 * Types of the Danish deadline engine (pure; implemented in shared/deadlines/*.ts).
 *
 * Dates are calendar dates in Europe/Copenhagen (ISO `YYYY-MM-DD`), never timestamps. The start day
 * is not counted. Every computed date carries its explanation, so the UI, the CLI and documents can
 * show how it was reached (peers.md § 3.3 #9).
 */
import { z } from 'zod';
import { freeText } from '../domain/text-safety';
import { DeadlineUnitSchema } from '../domain/rule';
import type { DeadlineUnitCode } from '../domain/rule';
import type { IsoDate } from '../domain/dates';
import { DeadlineOwnerSchema, type DeadlineOwner } from './owner';

export { DeadlineOwnerSchema, type DeadlineOwner };

/**
 * Which days are not working days besides weekends:
 * - `helligdage`: public holidays only (store bededag up to and including 2023);
 * - `standard`: also grundlovsdag (5/6), juleaftensdag (24/12) and nytårsaftensdag (31/12);
 * - `udvidet`: standard plus the Friday after Kristi himmelfartsdag.
 * The municipality's own closing days count as non-working in every profile.
 */
export const CalendarProfileSchema = z.enum(['helligdage', 'standard', 'udvidet']);
export type CalendarProfile = z.infer<typeof CalendarProfileSchema>;


export const ClosingDaySchema = z.object({ date: z.string().max(10), reason: z.string().max(200) });
export type ClosingDay = z.infer<typeof ClosingDaySchema>;

/** How a deadline is counted: amount + unit, roll-forward, and the calendar profile. */
export const DeadlineSpecSchema = z.object({
  amount: z.number().int().min(0).max(10000),
  unit: DeadlineUnitSchema,
  rollForward: z.boolean(),
  profile: CalendarProfileSchema,
});
export type DeadlineSpec = z.infer<typeof DeadlineSpecSchema>;

/** A day passed over while counting or rolling forward, with the reason in Danish. */
export const SkippedDaySchema = z.object({ date: z.string(), reason: z.string() });
export type SkippedDay = z.infer<typeof SkippedDaySchema>;

/** The clock stopped from `from` to `to` (both included), with the adviser's reason. */
export const PauseSchema = z.object({ from: z.string(), to: z.string(), reason: z.string() });
export type Pause = z.infer<typeof PauseSchema>;

/** A new deadline granted: either a new date, or more time in the deadline's own unit. */
export const ExtensionSchema = z.object({
  granted: z.string().max(10),
  newDue: z.string().max(10).nullable(),
  add: z.object({ amount: z.number().int().positive(), unit: DeadlineUnitSchema }).nullable(),
  /** The same cap as a pause's or a close's reason (shared/ipc/contract.ts). */
  reason: freeText(2000),
});
export type Extension = z.infer<typeof ExtensionSchema>;

/**
 * How an explanation names its rule: `label` for the adviser ("FVL § 19 – Partshøring"), `citation`
 * the formal legal citation a letter may print (law name, §, stk., lovbekendtgørelse), never a web page.
 */
export const ExplainedRuleSchema = z.object({ id: z.string(), label: z.string(), citation: z.string() });
export type ExplainedRule = z.infer<typeof ExplainedRuleSchema>;

export const DeadlineExplanationSchema = z.object({
  /** The rule the deadline comes from, when it has one. */
  rule: ExplainedRuleSchema.nullable(),
  /** Whose deadline it is; decides the calendar it was counted with (see DeadlineOwnerSchema). */
  owner: DeadlineOwnerSchema,
  start: z.string(),
  spec: DeadlineSpecSchema,
  /** For arbejdsdage: the working days counted, in order (the last one is the raw due date). */
  counted: z.array(z.string()),
  /** Days passed over while counting working days. */
  skipped: z.array(SkippedDaySchema),
  /** The date reached by counting, before roll-forward, pauses and extensions. */
  counts: z.string(),
  /** For måneder: the day did not exist in the target month, so the last day of that month was used. */
  monthEndClamped: z.boolean(),
  /** Present when the date fell on a non-working day and the rule rolls forward. */
  rolledForward: z.object({ from: z.string(), to: z.string(), skipped: z.array(SkippedDaySchema) }).nullable(),
  /** Each pause and extension with the deadline before and after it, in order. */
  adjustments: z.array(
    z.object({ kind: z.enum(['pause', 'forlængelse']), reason: z.string(), before: z.string(), after: z.string(), detail: z.string() }),
  ),
  due: z.string(),
  /** The whole explanation as Danish sentences, one per step (what the UI and the CLI print). */
  lines: z.array(z.string()),
  /**
   * The same deadline for a letter to the citizen or the forvaltning: full sentences, no internal
   * ids or URLs, dates written "den 30. juni 2025", "hverdage" for the citizen's deadlines, and what
   * is due on the day.
   */
  letterLines: z.array(z.string()),
});
export type DeadlineExplanation = z.infer<typeof DeadlineExplanationSchema>;

export type CalendarSettings = Readonly<{ closingDays: ReadonlyArray<ClosingDay> }>;

export type ComputeInput = Readonly<{
  start: IsoDate;
  spec: DeadlineSpec;
  calendar: CalendarSettings;
  /** Whose deadline it is (decides which days count; see DeadlineOwnerSchema). */
  owner: DeadlineOwner;
  rule?: DeadlineExplanation['rule'];
  /** What starts the deadline, in words for a letter ("myndighedens modtagelse af anmodningen"). */
  startEvent?: string;
  /** What must have happened by the due date, for a letter ("en afgørelse eller besked om, hvornår den kommer"). */
  owes?: string;
  pauses?: ReadonlyArray<Pause>;
  extensions?: ReadonlyArray<Extension>;
}>;

export type { DeadlineUnitCode };
