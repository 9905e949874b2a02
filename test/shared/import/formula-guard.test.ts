import { describe, expect, it } from 'vitest';
import { parseCsv, writeCsv } from '../../../shared/import/csv';
import { needsFormulaGuard, neutraliseFormula, restoreFormulaText } from '../../../shared/import/formula-guard';
import { FORMULA_TEXTS } from '../../fixtures/formula-texts';

describe('the formula guard', () => {
  it('puts a quote before every text a spreadsheet would run as a formula', () => {
    for (const t of FORMULA_TEXTS) expect(neutraliseFormula(t), JSON.stringify(t)).toBe(`'${t}`);
    for (const t of ['Søren', '', '12', "'citat", 'a=b', ' =x']) expect(neutraliseFormula(t)).toBe(t);
  });

  it('reads back exactly what was written, also text that already starts with quotes', () => {
    for (const t of [...FORMULA_TEXTS, "'=x", "''+y", "'", "'abc", 'plain', '']) {
      expect(restoreFormulaText(neutraliseFormula(t)), JSON.stringify(t)).toBe(t);
    }
    // Only a quote the writer would have added is removed.
    expect(restoreFormulaText("'abc")).toBe("'abc");
    expect(needsFormulaGuard("'=x")).toBe(true);
  });

  it('writeCsv guards text cells but leaves numbers alone, and parseCsv restores the text', () => {
    const text = writeCsv([['a', 'b'], [...FORMULA_TEXTS.slice(0, 2), { number: '-2' }]], { bom: false });
    expect(text).toBe(`a;b\r\n'=cmd|' /C calc'!A0;"'=HYPERLINK(""http://x"",""y"")";-2\r\n`);
    const rows = [[...FORMULA_TEXTS], ["'=x", 'x']];
    expect(parseCsv(writeCsv(rows)).records.map((r) => r.fields)).toEqual(rows);
  });
});
