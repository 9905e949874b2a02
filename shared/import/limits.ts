/**
 * What an import file may be (docs/reference/import-format.md § Limits). A file over a limit is
 * refused before it is read further, with a Danish message that says how big it is and what the limit
 * is: a 20 MB XLSX of a million rows once took 77 s and 3.6 GB, and a 414 KB zip bomb that inflated
 * to a 400 MB cell was read as it came.
 *
 * The limits sit well above a real municipality's history (the bench imports 100,000 klagepunkter, a
 * large office has a few thousand a year) and well below what exhausts the laptop.
 */
import { TEXT_LIMITS } from '../domain/case';
import type { ImportIssue } from '../domain/import-report';

export const IMPORT_LIMITS = {
  /** The file as picked (the contract carries at most 80 MB of base64, i.e. 60 MB). */
  fileBytes: 60 * 1024 * 1024,
  /** Everything an XLSX holds, unpacked: read from the zip's central directory before anything is inflated. */
  xlsxUnpackedBytes: 256 * 1024 * 1024,
  /** Data rows (klagepunkter) below the header. */
  rows: 250_000,
  /** Cells in one row: the format has 24 columns; room for the adviser's own extra columns. */
  cellsPerRow: 200,
  /** Characters in one cell: the longest text the format has (a henvendelse's description). */
  cellChars: TEXT_LIMITS.description,
  /** Errors reported; the rest are counted. */
  errors: 1_000,
} as const;

export type ImportLimits = typeof IMPORT_LIMITS;

const number = (n: number): string => n.toLocaleString('da-DK');
const megabytes = (bytes: number): string => (bytes / (1024 * 1024)).toLocaleString('da-DK', { maximumFractionDigits: 1 });

export const limitMessages = {
  fileBytes: (size: number, max: number): string =>
    `filen fylder ${megabytes(size)} MB; en import kan højst være ${megabytes(max)} MB. Del filen i flere, og importér dem hver for sig`,
  xlsxUnpacked: (size: number, max: number): string =>
    `regnearket fylder ${megabytes(size)} MB, når det pakkes ud; en import kan højst fylde ${megabytes(max)} MB udpakket. Del regnearket i flere, eller gem det som CSV UTF-8`,
  rows: (max: number): string =>
    `filen har mere end ${number(max)} rækker under overskriften; en import kan højst have ${number(max)}. Del filen i flere, og importér dem hver for sig`,
  cellsPerRow: (count: number, max: number): string =>
    `rækken har ${number(count)} felter; en række kan højst have ${number(max)}. Tjek skilletegn og anførselstegn`,
  cellChars: (length: number, max: number): string =>
    `feltet er ${number(length)} tegn langt; et felt kan højst være ${number(max)} tegn. Tjek anførselstegnene i rækken`,
  moreErrors: (shown: number, more: number): string =>
    `der er ${number(more)} fejl mere, som ikke er vist; de første ${number(shown)} står ovenfor. Ret dem, og prøv igen`,
} as const;

/**
 * At most `max` issues, in the order given, and when there were more, one last issue saying how many
 * more there were (line 0: it belongs to the file, not to a row).
 */
export function capIssues(issues: ReadonlyArray<ImportIssue>, max: number = IMPORT_LIMITS.errors): ImportIssue[] {
  if (issues.length <= max) return [...issues];
  return [...issues.slice(0, max), { line: 0, column: null, message: limitMessages.moreErrors(max, issues.length - max) }];
}
