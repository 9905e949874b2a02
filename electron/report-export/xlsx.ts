/**
 * The annual report's statistics as an Excel workbook: a first sheet "Om tallene" (period, previous
 * period, filters, thresholds, what each table counts, when it was made, and what the workbook leaves
 * out), then one sheet per table of `reportTables(stats)` – the same tables the screen, the PDF and the
 * CSV show, nothing else. Each table sheet is a clean range for Excel's tools: the header in row 1
 * (styled, frozen, with an autofilter over the table), the rows below, numbers stored as numbers with a
 * number format (counts as integers, shares as fractions shown "0,0 %", working days with one decimal),
 * an empty value as an empty cell. The same stats and `createdAt` give the same bytes.
 */
import ExcelJS from 'exceljs';
import { formatDanishDate, type IsoDate } from '../../shared/domain/dates';
import { CaseType } from '../../shared/domain/vocab';
import { neutraliseFormula } from '../../shared/import/formula-guard';
import { formatReportCell } from '../../shared/report/format';
import type { ReportPeriod } from '../../shared/report/period';
import type { ReportStats } from '../../shared/report/stats';
import { reportTables, type ReportColumnKind, type ReportTable } from '../../shared/report/tables';
import { REPORT_EXPORT_LEAVES_OUT } from './about';
import { redateZip } from './zip';

export const ABOUT_SHEET = 'Om tallene';

/** Excel's number format per column kind (format codes use "." and ","; Excel shows them in the user's locale). */
function numFmt(kind: ReportColumnKind, value: number): string | undefined {
  switch (kind) {
    case 'count': return '#,##0';
    case 'share': return '0.0 %';
    case 'days': return '0.0';
    case 'decimal': return Number.isInteger(value) ? '#,##0' : '#,##0.00';
    case 'text': return undefined;
  }
}

const SHEET_NAME_MAX = 31;

/**
 * Sheet names for the tables, in their order: the title without the characters Excel forbids
 * (\ / ? * [ ] :), at most 31 characters (a parenthesis dropped first, then cut at a word with "…"; the
 * full title stands beside the sheet name on "Om tallene"), unique ignoring case – also against
 * "Om tallene" – by a " (2)", " (3)" … suffix.
 */
export function reportSheetNames(tables: ReadonlyArray<ReportTable>): string[] {
  const taken = new Set([ABOUT_SHEET.toLocaleLowerCase('da-DK')]);
  return tables.map((t) => {
    const clean = t.title.replace(/[\\/?*[\]:]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '') || t.id;
    const short = clean.length <= SHEET_NAME_MAX ? clean : clean.replace(/\s*\([^)]*\)/g, '').trim() || clean;
    let name = fit(short, SHEET_NAME_MAX);
    for (let k = 2; taken.has(name.toLocaleLowerCase('da-DK')); k++) name = `${fit(short, SHEET_NAME_MAX - ` (${k})`.length)} (${k})`;
    taken.add(name.toLocaleLowerCase('da-DK'));
    return name;
  });
}

function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,(–-]+$/, '')}…`;
}

const periodText = (label: string, p: ReportPeriod): string =>
  `${label} (${formatDanishDate(p.from as IsoDate)}–${formatDanishDate(p.to as IsoDate)})`;

function filterText(stats: ReportStats, forvaltning: string | null | undefined): string {
  const f = stats.filters;
  const who = f.forvaltningId === null ? 'Alle forvaltninger' : `Kun forvaltningen ${forvaltning ?? `nr. ${f.forvaltningId}`}`;
  const types = f.types.length === 0
    ? 'alle typer henvendelser'
    : `kun henvendelser af typen ${f.types.map((t) => CaseType.entries.find((e) => e.importName === t)?.label.toLocaleLowerCase('da-DK') ?? t).join(', ')}`;
  return `${who}; ${types}.`;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF7F7F7F' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'top', wrapText: true };
  });
}

function addAboutSheet(wb: ExcelJS.Workbook, stats: ReportStats, tables: ReadonlyArray<ReportTable>, names: ReadonlyArray<string>, createdAt: Date, forvaltning: string | null | undefined): void {
  const ws = wb.addWorksheet(ABOUT_SHEET);
  ws.columns = [{ width: 34 }, { width: 44 }, { width: 90 }]; // Ark, Tabel, Hvad tælles
  const made = formatDanishDate(createdAt.toISOString().slice(0, 10) as IsoDate);
  const facts: Array<[string, string]> = [
    ['Periode', periodText(stats.label, stats.period)],
    ['Forrige periode', periodText(stats.previous.label, stats.previous.period)],
    ['Filtre', filterText(stats, forvaltning)],
    ['Mindste antal for en andel', `${stats.minN}: en andel af færre end ${stats.minN} står som en tom celle.`],
    ['Gentagne mønstre', `En afdeling og en regel, der går igen mindst ${stats.patternMin} gange i perioden.`],
    ['Lavet', made],
    ['Indhold', 'Projektmappen indeholder beretningens tabeller med de samme tal som skærmen og PDF\'en: ét ark pr. tabel, overskriften i række 1.'],
    ['Udeladt', REPORT_EXPORT_LEAVES_OUT],
    ['Tal', 'Antal er hele tal, andele er tal med procentformat (0,0 %), arbejdsdage er tal med én decimal. En tom celle: ingen værdi, eller for få til en andel.'],
  ];
  // The value spans B:C; Excel does not fit a merged cell's row height to wrapped text, so it is set here.
  const mergedWidth = 44 + 90;
  for (const [k, v] of facts) {
    const row = ws.addRow([k, neutraliseFormula(v)]);
    ws.mergeCells(row.number, 2, row.number, 3);
    row.height = 15 * Math.max(1, Math.ceil((v.length * 1.1) / mergedWidth));
    row.getCell(1).font = { bold: true };
    row.getCell(2).alignment = { vertical: 'top', wrapText: true };
    row.getCell(1).alignment = { vertical: 'top' };
  }
  ws.addRow([]);
  const head = ws.addRow(['Ark', 'Tabel', 'Hvad tælles']);
  styleHeader(head);
  tables.forEach((t, i) => {
    const row = ws.addRow([names[i], t.title, t.unit].map((text) => neutraliseFormula(text ?? '')));
    row.eachCell((c) => { c.alignment = { vertical: 'top', wrapText: true }; });
  });
}

function addTableSheet(wb: ExcelJS.Workbook, table: ReportTable, name: string): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }] });
  const header = ws.addRow(table.columns.map((c) => neutraliseFormula(c.label)));
  styleHeader(header);
  for (const r of table.rows) {
    const row = ws.addRow([]);
    table.columns.forEach((col, i) => {
      const v = r.cells[i] ?? null;
      if (v === null) return;
      const cell = row.getCell(i + 1);
      // Text is a string cell, never a formula, and carries the formula guard's quote too, so the
      // sheet saved again as CSV stays safe (formula-guard.ts); a number stays a number.
      cell.value = typeof v === 'string' ? neutraliseFormula(v) : v;
      if (typeof v === 'number') {
        const fmt = numFmt(col.kind, v);
        if (fmt !== undefined) cell.numFmt = fmt;
      }
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.columns.length } };
  table.columns.forEach((col, i) => {
    // Wide enough for the header and the widest value as the screen writes it, plus the filter button.
    const longest = Math.max(col.label.length + 3, ...table.rows.map((r) => formatReportCell(r.cells[i] ?? null, col.kind).length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
  });
}

export type ReportXlsxOptions = Readonly<{
  /** When the workbook was made: its document dates, every ZIP entry's date and "Lavet" on the first sheet. */
  createdAt: Date;
  /** The name of `stats.filters.forvaltningId`, when the caller knows it (the stats carry only the id). */
  forvaltning?: string | null;
}>;

export async function reportXlsx(stats: ReportStats, opts: ReportXlsxOptions): Promise<Uint8Array> {
  const tables = reportTables(stats);
  const names = reportSheetNames(tables);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ombud';
  wb.lastModifiedBy = 'Ombud';
  wb.title = `Statistik ${stats.label}`;
  wb.created = opts.createdAt;
  wb.modified = opts.createdAt;
  addAboutSheet(wb, stats, tables, names, opts.createdAt, opts.forvaltning);
  tables.forEach((t, i) => addTableSheet(wb, t, names[i] as string));
  const written = await wb.xlsx.writeBuffer();
  return redateZip(new Uint8Array(written as ArrayBuffer), opts.createdAt);
}
