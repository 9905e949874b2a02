/** The row-by-row report of an import (../shared/formats/import.md § Behaviour). */
import { z } from 'zod';

export const ImportIssueSchema = z.object({
  /** The file's own line (CSV) or row (XLSX) number. */
  line: z.number().int(),
  column: z.string().nullable(),
  message: z.string(),
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

/** `linje N, kolonne X: …` exactly as the format document prescribes. */
export function formatImportIssue(i: ImportIssue): string {
  return i.column ? `linje ${i.line}, kolonne ${i.column}: ${i.message}` : `linje ${i.line}: ${i.message}`;
}

export const ImportPhaseSchema = z.enum(['læser', 'kontrollerer', 'skriver', 'færdig', 'fejlet']);
export const ImportStatusSchema = z.object({
  phase: ImportPhaseSchema,
  done: z.number().int(),
  total: z.number().int(),
  report: ImportReportSchema.nullable(),
  /** Set when the job failed for a reason other than invalid rows (e.g. unreadable file). */
  failure: z.string().nullable(),
});
export type ImportStatus = z.infer<typeof ImportStatusSchema>;
