/** The case list: filters, sort and one page of rows. */
import { z } from 'zod';
import { CaseStatusSchema, CaseTypeSchema, IsoDateSchema } from './case';
import { FristKindSchema } from './deadline-tracking';
import { ReportDrillSchema, ReportQuerySchema } from '../report/stats';

export const SortKeySchema = z.enum(['sagsnr', 'receivedOn', 'status', 'type', 'citizenName', 'updatedAt']);
export type SortKey = z.infer<typeof SortKeySchema>;

export const CaseListQuerySchema = z.object({
  search: z.string().max(200),
  statuses: z.array(CaseStatusSchema).max(10),
  types: z.array(CaseTypeSchema).max(10),
  forvaltningId: z.number().int().positive().nullable(),
  themeId: z.number().int().positive().nullable(),
  /**
   * Only the henvendelser of this adviser ("Mine sager": the adviser at the desk); null or absent:
   * everyone's. Optional so a caller that never filters by adviser need not say so.
   */
  adviserId: z.number().int().positive().nullable().optional(),
  receivedFrom: IsoDateSchema.nullable(),
  receivedTo: IsoDateSchema.nullable(),
  sort: SortKeySchema,
  direction: z.enum(['asc', 'desc']),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(500),
  /** Only the henvendelser behind one number of the annual report (report:drill), with the other filters. */
  report: z.object({ query: ReportQuerySchema, drill: ReportDrillSchema }).nullable().optional(),
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const CaseListRowSchema = z.object({
  id: z.number().int(),
  sagsnr: z.string(),
  receivedOn: z.string(),
  type: CaseTypeSchema,
  status: CaseStatusSchema,
  citizenName: z.string(),
  summary: z.string(),
  /** Distinct forvaltning names of the klagepunkter, comma separated. */
  forvaltninger: z.string(),
  pointCount: z.number().int(),
  closedOn: z.string().nullable(),
  /** The adviser's name; null when the henvendelse has none. */
  adviser: z.string().nullable(),
  /**
   * The earliest open due date of an open henvendelse: its open requests, running statutory
   * deadlines, the citizen's klagefrist and the adviser's own target (a passed one included, as in
   * Frister); null when nothing runs or the henvendelse is closed.
   */
  nextDeadline: z.object({ dueOn: IsoDateSchema, kind: FristKindSchema.exclude(['henstilling']) }).nullable(),
});
export type CaseListRow = z.infer<typeof CaseListRowSchema>;

export const CaseListResultSchema = z.object({ total: z.number().int(), rows: z.array(CaseListRowSchema) });
export type CaseListResult = z.infer<typeof CaseListResultSchema>;

export function defaultCaseListQuery(): CaseListQuery {
  return {
    search: '', statuses: [], types: [], forvaltningId: null, themeId: null, adviserId: null, receivedFrom: null, receivedTo: null,
    sort: 'receivedOn', direction: 'desc', offset: 0, limit: 100,
  };
}

export const HistoryEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  /** One line per changed field: "Status: Modtaget → Under behandling". */
  changes: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
