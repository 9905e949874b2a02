/**
 * Indsigt (GDPR art. 15, the data subject's right of access): what Ombud holds about one person,
 * found by CPR number and/or name, shown match by match so the adviser can leave out a namesake,
 * and exported as a versioned JSON file and as a letter to the citizen.
 *
 * The akter's files travel inside the JSON as base64 (not beside it in a zip): one file, one
 * schema that checks all of it, the same encoding every file already has on the IPC contract, and
 * nothing for the citizen to unpack. A file a retention run deleted is `null` with the reason.
 */
import { z } from 'zod';
import { CaseDetailSchema, IsoDateSchema } from '../domain/case';
import { HistoryEntrySchema } from '../domain/case-list';
import { DecisionNoticeInputSchema, KlagefristSchema, CaseDeadlineSchema, PointDeadlineSchema, RequestViewSchema } from '../domain/deadline-tracking';
import { RecommendationSchema } from '../domain/recommendation';
import { CaseDocumentSchema, JournalNoteSchema } from '../domain/records';
import { LetterDocumentSchema } from '../letters/document';
import { FindingVersionSchema } from '../letters/finding-state';

const id = z.number().int().positive();

export const INSIGHT_LIMITS = { cpr: 20, name: 200, cases: 500 } as const;

/** Who is asking: a CPR number, a name, or both (a henvendelse matching either is listed). */
export const InsightQuerySchema = z.object({
  cpr: z.string().max(INSIGHT_LIMITS.cpr).nullable(),
  name: z.string().max(INSIGHT_LIMITS.name).nullable(),
});
export type InsightQuery = z.infer<typeof InsightQuerySchema>;

/** One henvendelse that matched, and why – so a namesake can be left out before the export. */
export const InsightMatchSchema = z.object({
  caseId: id,
  sagsnr: z.string(),
  receivedOn: IsoDateSchema,
  closedOn: IsoDateSchema.nullable(),
  summary: z.string(),
  citizenName: z.string(),
  representativeName: z.string().nullable(),
  /** Danish, e.g. "Borgerens CPR-nummer", "Borgerens navn: Åse Ørsted". */
  reasons: z.array(z.string()).min(1),
});
export type InsightMatch = z.infer<typeof InsightMatchSchema>;

/** The export's input: the query again and the henvendelser the adviser kept (each must match it). */
export const InsightExportInputSchema = z.object({
  query: InsightQuerySchema,
  caseIds: z.array(id).min(1).max(INSIGHT_LIMITS.cases),
});
export type InsightExportInput = z.infer<typeof InsightExportInputSchema>;

export const InsightDocumentSchema = z.object({
  document: CaseDocumentSchema,
  /** The file as base64; null when it no longer exists (`missing` says why). */
  contentBase64: z.string().nullable(),
  missing: z.string().nullable(),
});

export const InsightCaseSchema = z.object({
  reasons: z.array(z.string()),
  /** The henvendelse with its klagepunkter and their assessments (rules, vurdering, begrundelse). */
  case: CaseDetailSchema,
  /** The full CPR number stored on the henvendelse (the citizen's own), or null. */
  cpr: z.string().nullable(),
  decision: z.object({ notice: DecisionNoticeInputSchema.nullable(), klagefrist: KlagefristSchema.nullable(), target: CaseDeadlineSchema.nullable() }),
  requests: z.array(RequestViewSchema),
  pointDeadlines: z.array(PointDeadlineSchema),
  recommendations: z.array(RecommendationSchema),
  documents: z.array(InsightDocumentSchema),
  journal: z.array(JournalNoteSchema),
  findings: z.array(z.object({ version: FindingVersionSchema, document: LetterDocumentSchema })),
  history: z.array(HistoryEntrySchema),
});
export type InsightCase = z.infer<typeof InsightCaseSchema>;

export const INSIGHT_FORMAT = 'ombud-indsigt';
export const INSIGHT_VERSION = 1;

/** The JSON file. A later change of shape is a new `version`. */
export const InsightExportSchema = z.object({
  format: z.literal(INSIGHT_FORMAT),
  version: z.literal(INSIGHT_VERSION),
  createdAt: z.string(),
  municipality: z.string(),
  /** What was searched for; the CPR number masked (the file is the citizen's, the search is not). */
  query: z.object({ cprMasked: z.string().nullable(), name: z.string().nullable() }),
  retentionYears: z.number().int(),
  cases: z.array(InsightCaseSchema),
});
export type InsightExport = z.infer<typeof InsightExportSchema>;

export const InsightFileSchema = z.object({ fileName: z.string(), mediaType: z.string(), contentBase64: z.string() });
