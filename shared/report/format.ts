/**
 * Numbers of the report as Danish text – one place, so the screen, the PDF's tables and charts and the
 * charts' descriptions write "1.234", "42,5 %" and "8,5" the same way. Nothing is rounded for the
 * XLSX/CSV (they keep numbers as numbers); this is only what a reader sees.
 */
import { daysText } from './stats';
import type { ReportCell, ReportColumnKind } from './tables';

/** "1.234", "0,3", "1,42": at most `decimals` decimals, Danish separators. */
export function danishNumber(n: number, decimals = 0): string {
  return n.toLocaleString('da-DK', { maximumFractionDigits: decimals });
}

/** A fraction 0–1 as "42,5 %". */
export function danishPercent(fraction: number): string {
  return `${danishNumber(Math.round(fraction * 1000) / 10, 1)} %`;
}

/** A table cell as shown: counts with thousands separators, shares as percentages, medians of days. "–" for none. */
export function formatReportCell(cell: ReportCell, kind: ReportColumnKind): string {
  if (cell === null) return '–';
  if (typeof cell === 'string') return cell;
  switch (kind) {
    case 'count': return danishNumber(cell);
    case 'share': return danishPercent(cell);
    case 'days': return daysText(cell);
    case 'decimal': return danishNumber(cell, 2);
    case 'text': return String(cell);
  }
}
