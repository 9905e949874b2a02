import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportCsvFiles, reportTableCsv } from '../../../electron/report-export/csv';
import { reportXlsx } from '../../../electron/report-export/xlsx';
import { parseCsv } from '../../../shared/import/csv';
import type { ReportStats } from '../../../shared/report/stats';
import { FORMULA_TEXTS, LIVE_FORMULA_FIELD } from '../../fixtures/formula-texts';
import { REPORT_STATS_FIXTURE } from '../../fixtures/report-stats';

const [cmd, hyperlink] = FORMULA_TEXTS;

/** The fixture with two forvaltninger named like formulas (a name is typed by the municipality). */
function hostileStats(): ReportStats {
  const stats = structuredClone(REPORT_STATS_FIXTURE);
  const [first, second, ...rest] = stats.byForvaltning;
  return { ...stats, byForvaltning: [{ ...first!, forvaltning: cmd }, { ...second!, forvaltning: hyperlink }, ...rest] };
}

describe('the report exports neutralise formulas (OWASP CSV injection)', () => {
  it('CSV: a text cell gets the quote, a negative number stays a number', () => {
    const csv = reportTableCsv({
      id: 't', title: 'T', unit: 'klagepunkter',
      columns: [{ key: 'a', label: 'Forvaltning', kind: 'text' }, { key: 'b', label: 'Ændring', kind: 'count' }],
      rows: [{ cells: [cmd, -2], drill: null }, { cells: ['-2', 3], drill: null }],
    });
    expect(csv).toBe(`\uFEFFForvaltning;Ændring\r\n'${cmd};-2\r\n'-2;3\r\n`);
    for (const f of reportCsvFiles(hostileStats())) expect(f.content.replace(/^\uFEFF/u, ''), f.fileName).not.toMatch(LIVE_FORMULA_FIELD);
    const all = reportCsvFiles(hostileStats()).flatMap((f) => parseCsv(f.content).records.flatMap((r) => r.fields));
    expect(all).toContain(cmd);
  });

  it('XLSX: a name is a string cell with the quote, never a formula; numbers stay numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await reportXlsx(hostileStats(), { createdAt: new Date('2026-01-15T09:30:00Z') })) as unknown as ExcelJS.Buffer);
    const cells: ExcelJS.Cell[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => { cells.push(c); })));
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
    const texts = cells.filter((c) => typeof c.value === 'string').map((c) => c.value as string);
    expect(texts).toContain(`'${cmd}`);
    expect(texts).toContain(`'${hyperlink}`);
    expect(texts.filter((t) => /^[=+\-@\t\r]/u.test(t))).toEqual([]);
    expect(cells.some((c) => typeof c.value === 'number')).toBe(true);
  });
});
