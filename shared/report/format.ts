/**
 * The Danish text of one cell of a report table (shared/report/tables.ts), by its column's kind: what
 * the Statistik screen and the PDF print, and what the XLSX's number formats show. The CSV writes plain
 * numbers instead (electron/report-export/csv.ts), so a spreadsheet reads them as numbers.
 */
import type { ReportCell, ReportColumnKind } from './tables';

/** What an empty cell shows: no share under minN, no median without anything to count, no value. */
export const EMPTY_CELL_TEXT = '–';

const da = (n: number, maxDecimals: number): string => n.toLocaleString('da-DK', { maximumFractionDigits: maxDecimals });

/**
 * count "1.234"; share (a fraction 0–1) "42,5 %"; days (a median of working days) "7,5"; decimal
 * "1,45" (at most two decimals: klagepunkter pr. klage beside whole counts); text as it is; null "–".
 * A share is rounded to one decimal like `shareText`, so the table and the running text agree.
 */
export function formatReportCell(cell: ReportCell, kind: ReportColumnKind): string {
  if (cell === null) return EMPTY_CELL_TEXT;
  if (typeof cell === 'string') return cell;
  switch (kind) {
    case 'count': return da(cell, 0);
    case 'share': return `${da(Math.round(cell * 1000) / 10, 1)} %`;
    case 'days': return da(cell, 1);
    case 'decimal': return da(cell, 2);
    case 'text': return String(cell);
  }
}
