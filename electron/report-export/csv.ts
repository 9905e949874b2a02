/**
 * The annual report's statistics as CSV: one file per table of `reportTables(stats)` (`<id>.csv`), the
 * same tables the screen, the PDF and the XLSX show, nothing else. Written like the import/export format
 * (shared/import/csv.ts): UTF-8 with a BOM, `;` between fields, CRLF, RFC 4180 quoting, so Danish Excel
 * opens it as it is. Numbers are plain numbers Danish Excel reads as numbers: counts without a thousands
 * separator, shares as percentages with a decimal comma (42,5 – the header says "(%)"), working days with
 * one decimal, an empty value as an empty field. A file holds the table's header and rows only; its title
 * and what it counts are in the ZIP's comment and the XLSX's "Om tallene".
 */
import { writeCsv, type CsvCell } from '../../shared/import/csv';
import type { ReportStats } from '../../shared/report/stats';
import { reportTables, type ReportCell, type ReportColumn, type ReportTable } from '../../shared/report/tables';
import { REPORT_EXPORT_LEAVES_OUT } from './about';
import { zipEntries } from './zip';

export type ReportCsvFile = Readonly<{ fileName: string; content: string }>;

const plain = (n: number, maxDecimals: number): string =>
  n.toLocaleString('da-DK', { maximumFractionDigits: maxDecimals, useGrouping: false });

/** A cell's text in the CSV: text as it is; shares in percent with one decimal; days one, decimals two. */
export function reportCsvField(cell: ReportCell, column: ReportColumn): string {
  const c = reportCsvCell(cell, column);
  return typeof c === 'string' ? c : c.number;
}

/**
 * A cell for the writer: a number stays a number (a negative difference is not text, so the formula
 * guard leaves it alone); text – a forvaltning's or a theme's name – goes through the guard.
 */
function reportCsvCell(cell: ReportCell, column: ReportColumn): CsvCell {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  switch (column.kind) {
    case 'count': return { number: plain(cell, 0) };
    case 'share': return { number: plain(Math.round(cell * 1000) / 10, 1) };
    case 'days': return { number: plain(cell, 1) };
    case 'decimal': return { number: plain(cell, 2) };
    case 'text': return { number: String(cell) };
  }
}

/** The header of a column: a share's says that the numbers are percentages. */
export function reportCsvHeader(column: ReportColumn): string {
  return column.kind === 'share' ? `${column.label} (%)` : column.label;
}

export function reportTableCsv(table: ReportTable): string {
  return writeCsv([
    table.columns.map(reportCsvHeader),
    ...table.rows.map((r) => table.columns.map((c, i) => reportCsvCell(r.cells[i] ?? null, c))),
  ], { separator: ';', bom: true, newline: '\r\n' });
}

export function reportCsvFiles(stats: ReportStats): ReportCsvFile[] {
  return reportTables(stats).map((t) => ({ fileName: `${t.id}.csv`, content: reportTableCsv(t) }));
}

/**
 * All the CSV files in one ZIP, in the tables' order, each dated `createdAt` (the same stats and date
 * give the same bytes). The archive's comment names the period, each file's table and unit, and what
 * the files leave out, since a CSV file has no place for them.
 */
export async function reportCsvZip(stats: ReportStats, opts: Readonly<{ createdAt: Date }>): Promise<Uint8Array> {
  const tables = reportTables(stats);
  const comment = [
    `Ombud – statistik ${stats.label} (${stats.period.from} til ${stats.period.to}), sammenlignet med ${stats.previous.label}.`,
    ...tables.map((t) => `${t.id}.csv: ${t.title}. ${t.unit}`),
    `Udeladt: ${REPORT_EXPORT_LEAVES_OUT}`,
  ].join('\r\n');
  return zipEntries(tables.map((t) => ({ name: `${t.id}.csv`, data: reportTableCsv(t) })), opts.createdAt, comment);
}
