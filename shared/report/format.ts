/**
 * Numbers of the report as Danish text – one place, so the Statistik screen, the PDF's tables, the
 * charts and their descriptions write "1.234", "42,5 %" and "7,5" the same way, and the XLSX's number
 * formats show the same. The CSV writes plain numbers instead (electron/report-export/csv.ts), so a
 * spreadsheet reads them as numbers.
 */
import type { ReportCell, ReportColumnKind } from './tables';

/** What an empty cell shows: no share under minN, no median without anything to count, no value. */
export const EMPTY_CELL_TEXT = '–';

/** "1.234", "0,3", "1,42": at most `decimals` decimals, Danish separators. */
export function danishNumber(n: number, decimals = 0): string {
  return n.toLocaleString('da-DK', { maximumFractionDigits: decimals });
}

/** A fraction 0–1 as "42,5 %", rounded to one decimal like `shareText`, so a table and the running text agree. */
export function danishPercent(fraction: number): string {
  return `${danishNumber(Math.round(fraction * 1000) / 10, 1)} %`;
}

/**
 * count "1.234"; share (a fraction 0–1) "42,5 %"; days (a median of working days) "7,5"; decimal
 * "1,45" (at most two decimals: klagepunkter pr. klage beside whole counts); text as it is; null "–".
 */
export function formatReportCell(cell: ReportCell, kind: ReportColumnKind): string {
  if (cell === null) return EMPTY_CELL_TEXT;
  if (typeof cell === 'string') return cell;
  switch (kind) {
    case 'count': return danishNumber(cell);
    case 'share': return danishPercent(cell);
    case 'days': return danishNumber(cell, 1);
    case 'decimal': return danishNumber(cell, 2);
    case 'text': return String(cell);
  }
}
