/**
 * Formula neutralisation for every spreadsheet file Ombud writes (OWASP "CSV injection"): a text cell
 * that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is read by Excel and LibreOffice as a
 * formula (`=cmd|' /C calc'!A0` starts a program, `=HYPERLINK(…)` sends data away). The writers put a
 * single quote in front, so the spreadsheet shows the text as text; the imports take it off again.
 *
 * The pair is exact: `restoreFormulaText(neutraliseFormula(s)) === s` for every string. A text that
 * already starts with quotes followed by one of those characters (`'=x`) gets one more quote too, so
 * the import removes a quote only where the writer added one.
 *
 * Only text: a number stored as a number (a count, a negative difference) is not passed through here.
 */

/** The first characters a spreadsheet treats as the start of a formula (OWASP, CSV Injection). */
const FORMULA_START = /^'*[=+\-@\t\r]/u;

/** Whether a text cell must be written with the quote in front. */
export function needsFormulaGuard(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The cell text as written to a CSV or XLSX file: `'=SUM(A1)` for `=SUM(A1)`, any other text unchanged. */
export function neutraliseFormula(text: string): string {
  return needsFormulaGuard(text) ? `'${text}` : text;
}

/** The text a neutralised cell stood for: the writer's quote removed, any other cell unchanged. */
export function restoreFormulaText(cell: string): string {
  return cell.charCodeAt(0) === 39 && needsFormulaGuard(cell.slice(1)) ? cell.slice(1) : cell;
}
