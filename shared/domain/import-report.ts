/** The row-by-row report of an import (docs/reference/import-format.md § Behaviour). */
import { z } from 'zod';

export const ImportIssueSchema = z.object({
  /**
   * The file's own line (CSV) or row (XLSX) number. In a JSON export: the henvendelse's number in
   * the file's list of cases (1 = the first; 0 for the catalogue and settings), with `record`.
   */
  line: z.number().int(),
  /** The column (CSV/XLSX), or the field path within the record (JSON: `points.2.forvaltning`). */
  column: z.string().nullable(),
  message: z.string(),
  /** JSON only: the record, by the henvendelse's sagsnr ("sag 2025-0007") or its place in the file. */
  record: z.string().optional(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

export const ImportReportSchema = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  errors: z.array(ImportIssueSchema),
  /**
   * Rows imported (or, in a dry run, importable) as written that the adviser should check, e.g. a
   * klagepunkt outside competence marked undersøgt. Never a reason to refuse the file.
   */
  warnings: z.array(ImportIssueSchema),
  henvendelser: z.number().int(),
  klagepunkter: z.number().int(),
  created: z.object({ forvaltninger: z.array(z.string()), afdelinger: z.array(z.string()), themes: z.array(z.string()) }),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** `linje N, kolonne X: …` exactly as the format document prescribes; a JSON record as `sag 2025-0007, felt points.1.forvaltning: …`. */
export function formatImportIssue(i: ImportIssue): string {
  // Line 0 without a record is about the report itself (how many more errors there were), not a line.
  if (i.line === 0 && i.record === undefined && i.column === null) return i.message.charAt(0).toLocaleUpperCase('da-DK') + i.message.slice(1);
  if (i.record !== undefined) return i.column ? `${i.record}, felt ${i.column}: ${i.message}` : `${i.record}: ${i.message}`;
  return i.column ? `linje ${i.line}, kolonne ${i.column}: ${i.message}` : `linje ${i.line}: ${i.message}`;
}

/** `annulleret`: the adviser stopped the job (import:cancel); nothing was written. */
export const ImportPhaseSchema = z.enum(['læser', 'kontrollerer', 'skriver', 'færdig', 'fejlet', 'annulleret']);
export const ImportStatusSchema = z.object({
  phase: ImportPhaseSchema,
  done: z.number().int(),
  total: z.number().int(),
  report: ImportReportSchema.nullable(),
  /** Set when the job failed for a reason other than invalid rows (e.g. unreadable file). */
  failure: z.string().nullable(),
});
export type ImportStatus = z.infer<typeof ImportStatusSchema>;
