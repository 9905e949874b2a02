/**
 * Reading an import file into header + rows of text cells (../shared/formats/import.md § File): CSV
 * (UTF-8, with or without BOM) or XLSX (first worksheet, header in row 1, date cells as real Excel
 * dates or as text). Line numbers are the file's own: CSV text lines, XLSX sheet rows.
 */
import ExcelJS from 'exceljs';
import { makeIsoDate } from '../../shared/domain/dates';
import { readCsvRecords, type CsvSyntaxProblem } from '../../shared/import/csv';
import { restoreFormulaText } from '../../shared/import/formula-guard';
import { IMPORT_LIMITS, limitMessages, type ImportLimits } from '../../shared/import/limits';
import { ImportFileError } from './import-file-error';
import { checkXlsxLimits } from './xlsx-guard';
import type { RowInput } from '../../shared/import/validate-rows';

export type ImportTable = Readonly<{
  header: string[];
  headerLine: number;
  rows: RowInput[];
  /**
   * Where the file stops being readable (a CSV quote never closed): the rows before it are read and
   * checked as usual, so their errors are reported together with this one.
   */
  problem: CsvSyntaxProblem | null;
}>;

export { ImportFileError };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function looksLikeXlsx(fileName: string, content: Uint8Array): boolean {
  if (/\.xlsx$/i.test(fileName)) return true;
  return ZIP_MAGIC.every((b, i) => content[i] === b);
}

/** A JSON export (by name, or by content: the first character after an optional BOM and spaces is `{`). */
export function looksLikeJson(fileName: string, content: Uint8Array): boolean {
  if (/\.json$/i.test(fileName)) return true;
  let i = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? 3 : 0;
  while (i < content.length && (content[i] === 0x20 || content[i] === 0x0a || content[i] === 0x0d || content[i] === 0x09)) i++;
  return content[i] === 0x7b;
}

/** A file over the size limit is refused before it is decoded or unpacked (shared/import/limits.ts). */
export function checkFileSize(content: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): void {
  if (content.byteLength > limits.fileBytes) throw new ImportFileError(1, limitMessages.fileBytes(content.byteLength, limits.fileBytes));
}

export async function readImportTable(fileName: string, content: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Promise<ImportTable> {
  if (/\.xls$/i.test(fileName)) {
    throw new ImportFileError(1, 'det gamle Excel-format (.xls) kan ikke læses; gem filen som Excel-projektmappe (.xlsx) eller CSV UTF-8, og prøv igen');
  }
  checkFileSize(content, limits);
  return looksLikeXlsx(fileName, content) ? readXlsx(content, limits) : readCsv(content, limits);
}

/** A row over the cells-per-row or the cell-length limit: refused with the line it is on. */
function checkCells(line: number, cells: ReadonlyArray<string>, limits: ImportLimits): void {
  if (cells.length > limits.cellsPerRow) throw new ImportFileError(line, limitMessages.cellsPerRow(cells.length, limits.cellsPerRow));
  for (let i = 0; i < cells.length; i++) {
    const length = (cells[i] as string).length;
    if (length > limits.cellChars) throw new ImportFileError(line, limitMessages.cellChars(length, limits.cellChars));
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

/** The file's text; Windows-1252 (Danish Excel's plain CSV) is refused with the line of the first bad byte. */
export function decodeUtf8(content: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    // Danish Excel's plain "CSV" writes Windows-1252; name the line with the first bad byte.
    const lenient = new TextDecoder('utf-8').decode(content);
    const at = lenient.indexOf('\uFFFD');
    let line = 1;
    for (let i = 0; i < at; i++) if (lenient.charCodeAt(i) === 10) line++;
    throw new ImportFileError(
      line,
      'filen er ikke gemt som UTF-8 (fx bliver æ, ø og å forkerte); gem den i Excel som "CSV UTF-8 (kommasepareret)", og prøv igen',
    );
  }
}

/**
 * Record by record into the rows (no second list of records), each checked against the limits as it
 * is read, so a file of a million rows stops at the first row over the limit.
 */
function readCsv(content: Uint8Array, limits: ImportLimits): ImportTable {
  const text = decodeUtf8(content);
  let head: RowInput | null = null;
  const rows: RowInput[] = [];
  const { problem } = readCsvRecords(text, (line, cells) => {
    checkCells(line, cells, limits);
    if (head === null) head = { line, cells };
    else if (rows.length === limits.rows) throw new ImportFileError(line, limitMessages.rows(limits.rows));
    else rows.push({ line, cells });
  });
  const first = head as RowInput | null;
  if (first === null) throw new ImportFileError(problem?.line ?? 1, problem?.message ?? 'filen er tom; den første linje skal være overskriften med kolonnenavnene');
  return { header: [...first.cells], headerLine: first.line, rows, problem };
}

// ---------------------------------------------------------------------------------------------
// XLSX

const DAY_MS = 86_400_000;

/** exceljs returns date cells as a Date at UTC midnight of the serial day (1900 date system). */
function excelDateText(d: Date): string {
  // Round to the nearest whole day: serials stored as 45000.99999 (float noise, or a time of day) still name that day.
  const day = new Date(Math.round(d.getTime() / DAY_MS) * DAY_MS);
  if (Number.isNaN(day.getTime())) return '';
  return makeIsoDate(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
}

function cellText(value: ExcelJS.CellValue, column: string | undefined): string {
  if (value === null || value === undefined) return '';
  // A text cell our own export guarded against formulas (formula-guard.ts) reads back as the text it was.
  if (typeof value === 'string') return restoreFormulaText(value);
  if (typeof value === 'number') {
    // A CPR typed into Excel as a number loses its leading zero (0101901234 → 101901234).
    if (column === 'borger_cpr' && Number.isInteger(value) && value > 0 && value < 1e10) return String(value).padStart(10, '0');
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (value instanceof Date) return excelDateText(value);
  if ('richText' in value) return restoreFormulaText(value.richText.map((r) => r.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null, column);
  if ('hyperlink' in value) return String((value as { text?: unknown }).text ?? value.hyperlink);
  if ('error' in value) return String(value.error);
  return '';
}

async function readXlsx(content: Uint8Array, limits: ImportLimits): Promise<ImportTable> {
  // Sizes and rows from the zip itself, before exceljs unpacks the whole workbook (xlsx-guard.ts).
  await checkXlsxLimits(content, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Buffer being generic; the bytes are passed through unchanged.
    await workbook.xlsx.load(Buffer.from(content.buffer, content.byteOffset, content.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new ImportFileError(1, 'filen kan ikke læses som et Excel-regneark (.xlsx); den kan være beskadiget eller af en anden type');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError(1, 'regnearket har ingen ark');
  const headerRow = sheet.getRow(1);
  const width = headerRow.cellCount;
  if (width > limits.cellsPerRow) throw new ImportFileError(1, limitMessages.cellsPerRow(width, limits.cellsPerRow));
  const header: string[] = [];
  for (let c = 1; c <= width; c++) header.push(cellText(headerRow.getCell(c).value, undefined).trim());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  if (header.length === 0) throw new ImportFileError(1, 'række 1 skal være overskriften med kolonnenavnene, men den er tom');
  const names = header.map((h) => h.toLocaleLowerCase('da-DK'));

  const rows: RowInput[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    if (row.cellCount > limits.cellsPerRow) throw new ImportFileError(rowNumber, limitMessages.cellsPerRow(row.cellCount, limits.cellsPerRow));
    if (rows.length === limits.rows) throw new ImportFileError(rowNumber, limitMessages.rows(limits.rows));
    const cells: string[] = [];
    const n = Math.max(row.cellCount, header.length);
    for (let c = 1; c <= n; c++) cells.push(cellText(row.getCell(c).value, names[c - 1]));
    checkCells(rowNumber, cells, limits);
    rows.push({ line: rowNumber, cells });
  });
  return { header, headerLine: 1, rows, problem: null };
}
