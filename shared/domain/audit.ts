/**
 * The audit trail as the Databeskyttelse screen, `ombud audit` and the app shell see it: the
 * chain's status (migration 0190, verified at start-up), the filters of the whole log, one page of
 * entries, and the export.
 */
import { z } from 'zod';
import { IsoDateSchema } from './case';

/** The result of the last verification of the chain. */
export const AuditStatusSchema = z.discriminatedUnion('state', [
  /** Not verified yet (the start-up verification runs in the background). */
  z.object({ state: z.literal('checking'), rowsChecked: z.number().int() }),
  z.object({ state: z.literal('ok'), rows: z.number().int(), checkedAt: z.string() }),
  z.object({
    state: z.literal('broken'),
    rows: z.number().int(),
    firstBrokenId: z.number().int(),
    /** Danish, names the first broken row. */
    reason: z.string(),
    checkedAt: z.string(),
    /** Who has read the warning (it is then recorded in the log); null: nobody yet, the banner stays. */
    acknowledgedBy: z.string().nullable(),
  }),
]);
export type AuditStatus = z.infer<typeof AuditStatusSchema>;

/** Filters of the whole log; every one optional. Dates are Copenhagen days, both ends included. */
export const AuditFilterSchema = z.object({
  from: IsoDateSchema.nullable(),
  to: IsoDateSchema.nullable(),
  actor: z.string().max(200).nullable(),
  action: z.string().max(200).nullable(),
  sagsnr: z.string().max(60).nullable(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const NO_AUDIT_FILTER: AuditFilter = { from: null, to: null, actor: null, action: null, sagsnr: null };

export const AuditListRowSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  entity: z.string(),
  action: z.string(),
  sagsnr: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
  /** Anonymised by a retention run (its row's id). */
  redactedBy: z.number().int().nullable(),
});
export type AuditListRow = z.infer<typeof AuditListRowSchema>;

export const AuditPageSchema = z.object({
  rows: z.array(AuditListRowSchema),
  total: z.number().int(),
  /** Who and which actions occur, for the filters' choices. */
  actors: z.array(z.string()),
  actions: z.array(z.string()),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const AUDIT_PAGE_SIZE = 50;
