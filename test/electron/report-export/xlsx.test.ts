import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REPORT_EXPORT_LEAVES_OUT } from '../../../electron/report-export/about';
import { ABOUT_SHEET, reportSheetNames, reportXlsx } from '../../../electron/report-export/xlsx';
import { reportTables, type ReportTable } from '../../../shared/report/tables';
import { REPORT_STATS_FIXTURE } from '../../fixtures/report-stats';

const CREATED = new Date('2026-01-15T09:30:00Z');

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

const EXPECTED_FORMAT = { count: '#,##0', share: '0.0 %', days: '0.0' } as const;

function allText(wb: ExcelJS.Workbook): string {
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => { out.push(String(c.value)); })));
  return out.join('\n');
}

describe('reportXlsx', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('has "Om tallene" and then one sheet per report table, in the tables\' order', async () => {
    const tables = reportTables(REPORT_STATS_FIXTURE);
    const wb = await load(await reportXlsx(REPORT_STATS_FIXTURE, { createdAt: CREATED }));
    expect(wb.worksheets.map((w) => w.name)).toEqual([ABOUT_SHEET, ...reportSheetNames(tables)]);
    expect(wb.worksheets).toHaveLength(tables.length + 1);
  });

  it('gives back every cell of every table: numbers as numbers with their format, empty for null, nothing else', async () => {
    const tables = reportTables(REPORT_STATS_FIXTURE);
    const names = reportSheetNames(tables);
    const wb = await load(await reportXlsx(REPORT_STATS_FIXTURE, { createdAt: CREATED }));
    let nulls = 0;
    let shares = 0;
    tables.forEach((t: ReportTable, ti) => {
      const ws = wb.getWorksheet(names[ti] as string);
      if (!ws) throw new Error(`arket ${names[ti]} mangler`);
      // Header in row 1, exactly the table's columns.
      expect(ws.getRow(1).cellCount, t.id).toBe(t.columns.length);
      t.columns.forEach((c, ci) => { expect(ws.getRow(1).getCell(ci + 1).value).toBe(c.label); });
      // No row more than the table has.
      expect(ws.actualRowCount, t.id).toBe(t.rows.length + 1);
      t.rows.forEach((r, ri) => {
        const row = ws.getRow(ri + 2);
        expect(row.cellCount, `${t.id} række ${ri + 2}`).toBeLessThanOrEqual(t.columns.length);
        t.columns.forEach((c, ci) => {
          const want = r.cells[ci] ?? null;
          const cell = row.getCell(ci + 1);
          if (want === null) {
            nulls++;
            expect(cell.value, `${t.id} ${cell.address}`).toBeNull();
            return;
          }
          // Exact: a share is stored as the fraction itself, only its format rounds.
          expect(cell.value, `${t.id} ${cell.address}`).toBe(want);
          if (typeof want === 'number' && c.kind !== 'text' && c.kind !== 'decimal') expect(cell.numFmt, `${t.id} ${cell.address}`).toBe(EXPECTED_FORMAT[c.kind]);
          if (c.kind === 'decimal' && typeof want === 'number') expect(cell.numFmt).toBe(Number.isInteger(want) ? '#,##0' : '#,##0.00');
          if (c.kind === 'share') shares++;
        });
      });
    });
    // The fixture exercises both: shares under minN and a null median are empty cells.
    expect(nulls).toBeGreaterThan(3);
    expect(shares).toBeGreaterThan(20);
  });

  it('styles the header, freezes row 1 and puts an autofilter over exactly the table', async () => {
    const tables = reportTables(REPORT_STATS_FIXTURE);
    const names = reportSheetNames(tables);
    const wb = await load(await reportXlsx(REPORT_STATS_FIXTURE, { createdAt: CREATED }));
    tables.forEach((t, ti) => {
      const ws = wb.getWorksheet(names[ti] as string) as ExcelJS.Worksheet;
      const head = ws.getRow(1).getCell(1);
      expect(head.font?.bold, t.id).toBe(true);
      expect(head.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
      expect(head.border?.bottom?.style).toBe('thin');
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const lastCol = String.fromCharCode(64 + t.columns.length);
      expect(ws.autoFilter, t.id).toBe(`A1:${lastCol}${t.rows.length + 1}`);
      for (let c = 1; c <= t.columns.length; c++) {
        const w = ws.getColumn(c).width ?? 0;
        expect(w).toBeGreaterThanOrEqual(10);
        expect(w).toBeLessThanOrEqual(60);
      }
    });
  });

  it('says on "Om tallene" the period, the previous period, the filters, the thresholds, each table\'s unit, the date and what it leaves out', async () => {
    const tables = reportTables(REPORT_STATS_FIXTURE);
    const wb = await load(await reportXlsx(REPORT_STATS_FIXTURE, { createdAt: CREATED }));
    const about = wb.getWorksheet(ABOUT_SHEET) as ExcelJS.Worksheet;
    const text: string[] = [];
    about.eachRow((row) => row.eachCell((c) => { text.push(String(c.value)); }));
    const all = text.join('\n');
    expect(all).toContain('2025 (01.01.2025–31.12.2025)');
    expect(all).toContain('2024 (01.01.2024–31.12.2024)');
    expect(all).toContain('Alle forvaltninger; alle typer henvendelser.');
    expect(all).toContain('10: en andel af færre end 10 står som en tom celle.');
    expect(all).toContain('mindst 5 gange');
    expect(all).toContain('15.01.2026');
    expect(all).toContain(REPORT_EXPORT_LEAVES_OUT);
    // The long statement sits in a merged cell, whose height Excel does not fit by itself.
    let leavesOutHeight = 0;
    about.eachRow((row) => { if (row.getCell(1).value === 'Udeladt') leavesOutHeight = row.height; });
    expect(leavesOutHeight).toBeGreaterThanOrEqual(45);
    expect(REPORT_EXPORT_LEAVES_OUT).toMatch(/navne/);
    expect(REPORT_EXPORT_LEAVES_OUT).toMatch(/forord/);
    const names = reportSheetNames(tables);
    for (const [i, t] of tables.entries()) {
      expect(text).toContain(names[i]);
      expect(text).toContain(t.title);
      expect(text).toContain(t.unit);
    }
  });

  it('names a chosen forvaltning and types in the filters', async () => {
    const stats = { ...REPORT_STATS_FIXTURE, filters: { forvaltningId: 3, types: ['klage', 'egen drift'] as Array<'klage' | 'egen drift'> } };
    const wb = await load(await reportXlsx(stats, { createdAt: CREATED, forvaltning: 'Socialforvaltningen' }));
    expect(allText(wb)).toContain('Kun forvaltningen Socialforvaltningen; kun henvendelser af typen klage, egen drift.');
    const noName = await load(await reportXlsx(stats, { createdAt: CREATED }));
    expect(allText(noName)).toContain('Kun forvaltningen nr. 3;');
  });

  it('holds none of the cases behind the numbers (the drill-down\'s case ids stay out)', async () => {
    const wb = await load(await reportXlsx(REPORT_STATS_FIXTURE, { createdAt: CREATED }));
    const all = allText(wb);
    for (const id of REPORT_STATS_FIXTURE.patterns.recurring.flatMap((r) => r.caseIds)) expect(all).not.toContain(String(id));
  });

  it('gives the same bytes for the same stats and date, whenever it is made', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T08:00:00Z'));
    const a = await reportXlsx(REPORT_STATS_FIXTURE, { createdAt: CREATED });
    vi.setSystemTime(new Date('2026-07-09T17:45:13Z'));
    const b = await reportXlsx(REPORT_STATS_FIXTURE, { createdAt: CREATED });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const later = await reportXlsx(REPORT_STATS_FIXTURE, { createdAt: new Date('2026-01-16T09:30:00Z') });
    expect(Buffer.from(a).equals(Buffer.from(later))).toBe(false);
    const wb = await load(a);
    expect(wb.created.toISOString()).toBe(CREATED.toISOString());
    expect(wb.modified.toISOString()).toBe(CREATED.toISOString());
  });
});

describe('reportSheetNames', () => {
  const table = (id: string, title: string): ReportTable => ({ id, title, unit: '', columns: [], rows: [] });

  it('keeps the fixture\'s names within Excel\'s rules: at most 31 characters, none forbidden, unique', () => {
    const names = reportSheetNames(reportTables(REPORT_STATS_FIXTURE));
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[\\/?*[\]:]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).toContain('Forvaltning og regel');
    expect(names).toContain('Gentagne mønstre');
    expect(names).toContain('Regler vurderet som ikke…');
  });

  it('removes forbidden characters, shortens at a word, and numbers duplicates (also against "Om tallene")', () => {
    expect(reportSheetNames([
      table('a', 'Svar: 1/2 [udvalgte]?*'),
      table('b', 'Om tallene'),
      table('c', 'En meget lang overskrift der bliver ved og ved'),
      table('d', 'En meget lang overskrift der bliver ved og ved igen'),
      table('e', "'citat'"),
    ])).toEqual([
      'Svar 1 2 udvalgte',
      'Om tallene (2)',
      'En meget lang overskrift der…',
      'En meget lang overskrift… (2)',
      'citat',
    ]);
  });
});
