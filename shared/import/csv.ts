/**
 * RFC 4180 CSV reading and writing for the import/export format (docs/reference/import-format.md § File).
 *
 * Pure: works on an already decoded string (the caller decodes UTF-8), so it runs in any runtime. A
 * leading BOM is dropped. The separator is `;` (Danish Excel's default) or `,`, detected from the
 * header line outside quotes. Quoted fields may hold separators, doubled quotes and line breaks; each
 * record remembers the file line it starts on, so errors can say `linje N` like a text editor would.
 *
 * Formulas (formula-guard.ts): the writer puts a quote before a text field a spreadsheet would run as a
 * formula (`=`, `+`, `-`, `@`, tab, CR first), and the parser takes that quote off again, so an export
 * read back gives the same text.
 */
import { neutraliseFormula, restoreFormulaText } from './formula-guard';

export type CsvSeparator = ';' | ',';

export type CsvRecord = Readonly<{
  /** 1-based line number in the file where the record starts. */
  line: number;
  fields: string[];
}>;

/** Where the text stops being readable CSV (an unterminated quote): the line the broken field starts on. */
export type CsvSyntaxProblem = Readonly<{ line: number; message: string }>;

export type CsvParseResult = Readonly<{
  separator: CsvSeparator;
  /** Every record before the problem, if there is one (so their errors can be reported too). */
  records: CsvRecord[];
  /** null: the whole text was read. */
  problem: CsvSyntaxProblem | null;
}>;

const QUOTE = 34; // "
const LF = 10;
const CR = 13;
const SEMI = 59;
const COMMA = 44;
const APOSTROPHE = 39;

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The separator used by the header line: whichever of `;` and `,` occurs more often outside quotes.
 * A header with neither (a single column) defaults to `;`.
 */
export function detectSeparator(text: string): CsvSeparator {
  let semis = 0;
  let commas = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes; // a doubled quote toggles twice, which is right
    else if (!inQuotes) {
      if (c === LF || c === CR) break;
      if (c === SEMI) semis++;
      else if (c === COMMA) commas++;
    }
  }
  return commas > semis ? ',' : ';';
}

/**
 * Parse the whole text. Blank lines (no characters at all) are skipped; they are not records. Lenient
 * where Excel is lenient: a quote inside an unquoted field is kept literally, and text after a closing
 * quote is appended to the field. An unterminated quote ends the reading (`problem`), but the records
 * before it are returned, so the import can report their errors as well.
 */
export function parseCsv(input: string, separator?: CsvSeparator): CsvParseResult {
  const records: CsvRecord[] = [];
  const read = readCsvRecords(input, (line, fields) => { records.push({ line, fields }); }, separator);
  return { separator: read.separator, records, problem: read.problem };
}

/**
 * parseCsv one record at a time: `onRecord` gets each record as it is read, so a caller keeps only
 * what it needs (the import its rows, not a second list) and can stop the reading by throwing.
 */
export function readCsvRecords(
  input: string, onRecord: (line: number, fields: string[]) => void, separator?: CsvSeparator,
): Readonly<{ separator: CsvSeparator; problem: CsvSyntaxProblem | null }> {
  const text = stripBom(input);
  const sep = separator ?? detectSeparator(text);
  const sepCode = sep.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;

  while (i < n) {
    const recordLine = line;
    const c0 = text.charCodeAt(i);
    // A blank line: skip it (also covers the final line break before end of file).
    if (c0 === LF) { i++; line++; continue; }
    if (c0 === CR) { i += text.charCodeAt(i + 1) === LF ? 2 : 1; line++; continue; }

    const fields: string[] = [];
    for (;;) {
      // One field starts at i.
      if (i < n && text.charCodeAt(i) === QUOTE) {
        const fieldLine = line;
        let value = '';
        let start = i + 1;
        i = start;
        for (;;) {
          const q = text.indexOf('"', i);
          // The rest of the text is one unfinished field: keep the records before it, drop this one.
          if (q < 0) return { separator: sep, problem: { line: fieldLine, message: `et felt, der begynder med anførselstegn i linje ${fieldLine}, bliver aldrig afsluttet; tjek anførselstegnene i den linje` } };
          // Count the line breaks inside the quoted part so later records keep the right line number.
          for (let k = i; k < q; k++) {
            const ck = text.charCodeAt(k);
            if (ck === LF) line++;
            else if (ck === CR && text.charCodeAt(k + 1) !== LF) line++;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(start, q + 1);
            i = q + 2;
            start = i;
            continue;
          }
          value += text.slice(start, q);
          i = q + 1;
          break;
        }
        // Anything up to the next separator or line end after the closing quote is kept.
        const rest = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === sepCode || c === LF || c === CR) break;
          i++;
        }
        if (i > rest) value += text.slice(rest, i);
        fields.push(value.charCodeAt(0) === APOSTROPHE ? restoreFormulaText(value) : value);
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === sepCode || c === LF || c === CR) break;
          i++;
        }
        fields.push(text.charCodeAt(start) === APOSTROPHE ? restoreFormulaText(text.slice(start, i)) : text.slice(start, i));
      }
      // After a field: separator → next field; line end or end of text → record done.
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === sepCode) { i++; continue; }
      if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
      else i++;
      line++;
      break;
    }
    onRecord(recordLine, fields);
  }
  return { separator: sep, problem: null };
}

export type CsvWriteOptions = Readonly<{
  separator?: CsvSeparator;
  /** Start with a UTF-8 byte order mark so Danish Excel reads æøå correctly. Default true. */
  bom?: boolean;
  /** RFC 4180 says CRLF; that is also what Excel writes. */
  newline?: '\r\n' | '\n';
}>;

/**
 * A cell to write: text (guarded against formulas), or a number already formatted as the reader
 * should see it (`{ number: '-2' }`), written as it is so the spreadsheet reads a number.
 */
export type CsvCell = string | Readonly<{ number: string }>;

/** Quote a field only when it must be: it holds the separator, a quote or a line break. */
export function csvField(value: string, separator: CsvSeparator = ';'): string {
  let needs = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === QUOTE || c === LF || c === CR || c === separator.charCodeAt(0)) { needs = true; break; }
  }
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One cell as a CSV field: a text through the formula guard, then quoted where it must be. */
export function csvCell(cell: CsvCell, separator: CsvSeparator = ';'): string {
  return csvField(typeof cell === 'string' ? neutraliseFormula(cell) : cell.number, separator);
}

export function writeCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>, opts: CsvWriteOptions = {}): string {
  const sep = opts.separator ?? ';';
  const nl = opts.newline ?? '\r\n';
  const parts: string[] = [];
  for (const row of rows) parts.push(row.map((f) => csvCell(f, sep)).join(sep));
  return ((opts.bom ?? true) ? '\uFEFF' : '') + parts.join(nl) + (parts.length ? nl : '');
}
