/**
 * Retention (sletning efter opbevaringsperiode, GDPR art. 5(1)(e)): the setting and the plan a run
 * shows before it is confirmed. The plan's token is the fingerprint of exactly what it lists; a run
 * is only carried out for the token of a plan that still holds.
 */
import { z } from 'zod';
import { IsoDateSchema } from '../domain/case';
import { makeIsoDate } from '../domain/dates';

export const RETENTION_YEARS = { min: 1, max: 30, default: 5 } as const;

export const RetentionSettingsSchema = z.object({ years: z.number().int() });
export type RetentionSettings = z.infer<typeof RetentionSettingsSchema>;

/** The setting's Danish problem, or null when it is a whole number of years within the limits. */
export function retentionYearsProblem(years: unknown): string | null {
  if (typeof years !== 'number' || !Number.isInteger(years) || years < RETENTION_YEARS.min || years > RETENTION_YEARS.max) {
    return `Opbevaringsperioden skal være et helt antal år mellem ${RETENTION_YEARS.min} og ${RETENTION_YEARS.max}.`;
  }
  return null;
}

/**
 * The first closing date that is kept: a henvendelse closed before it was closed more than `years`
 * years before `today`. 29 February counts back to 28 February in a year without it.
 */
export function retentionCutoff(today: string, years: number): string {
  const y = Number(today.slice(0, 4)) - years;
  const m = Number(today.slice(5, 7));
  const d = Number(today.slice(8, 10));
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return makeIsoDate(y, m, Math.min(d, last));
}

/** One line of what happens to a henvendelse: a category of data, what is done, and how many. */
export const RetentionItemSchema = z.object({ category: z.string(), action: z.string(), count: z.number().int().nonnegative() });
export type RetentionItem = z.infer<typeof RetentionItemSchema>;

export const RetentionPlanCaseSchema = z.object({
  caseId: z.number().int().positive(),
  sagsnr: z.string(),
  closedOn: IsoDateSchema,
  items: z.array(RetentionItemSchema),
});
export type RetentionPlanCase = z.infer<typeof RetentionPlanCaseSchema>;

export const RetentionPlanSchema = z.object({
  years: z.number().int(),
  today: IsoDateSchema,
  /** Henvendelser closed before this date are anonymised. */
  cutoff: IsoDateSchema,
  cases: z.array(RetentionPlanCaseSchema),
  /** sha-256 hex of the plan: `retention:run` carries it back. */
  token: z.string().regex(/^[0-9a-f]{64}$/),
});
export type RetentionPlan = z.infer<typeof RetentionPlanSchema>;

export const RetentionResultSchema = z.object({
  runId: z.number().int().positive(),
  cases: z.number().int().nonnegative(),
  sagsnumre: z.array(z.string()),
  filesDeleted: z.number().int().nonnegative(),
  textsAnonymised: z.number().int().nonnegative(),
  findingVersions: z.number().int().nonnegative(),
  auditEntriesAnonymised: z.number().int().nonnegative(),
});
export type RetentionResult = z.infer<typeof RetentionResultSchema>;

/** What stands where a deleted file or PDF was asked for. */
export const RETAINED_MESSAGE = 'slettet ved sletning efter udløbet opbevaringsperiode';
