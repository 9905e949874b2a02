/**
 * The JSON, the PDF and the XLSX of one period agree on every number (the screen is checked against the
 * same tables in test/e2e/report.test.ts). All from the hand-counted world: `ombud report --json` is
 * `reportStats`; every cell of every `reportTables` table is in the XLSX as a number and in the PDF
 * as the text `formatReportCell` gives it; and the app's export writes the same files as the CLI.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSheetNames } from '../../../electron/report-export/xlsx';
import { exportReport } from '../../../electron/services/report-export';
import { reportStats } from '../../../electron/services/report-stats';
import { formatReportCell } from '../../../shared/report/format';
import type { ReportQuery, ReportStats } from '../../../shared/report/stats';
import { reportTables } from '../../../shared/report/tables';
import { cliFolder } from '../cli/run-cli';
import { buildReportWorld, type ReportWorld } from './fixture';

const cli = cliFolder('ombud-report-agree');
let w: ReportWorld;
let query: ReportQuery;
let stats: ReportStats;

beforeAll(() => {
  w = buildReportWorld(cli.db);
  // The CLI computes with the report settings and a trend of ten periods; so does this query.
  query = { period: { from: '2025-01-01', to: '2025-12-31' }, filters: { forvaltningId: null, types: [] }, minN: 5, patternMin: 3, trendPeriods: 10 };
  stats = reportStats(w.app.ctx, query);
});
afterAll(() => w.app.close());

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

describe('one period, every output', () => {
  it('the JSON of ombud report is the statistics the screen gets', async () => {
    const run = await cli.ombud('report', '--from', '2025-01-01', '--to', '2025-12-31', '--json', '--db', cli.db);
    expect(run.err).toBe('');
    expect(JSON.parse(run.out)).toEqual(stats);
  });

  it('the XLSX holds every cell of every table as the same number', async () => {
    const file = await exportReport(w.app.ctx, query, 'xlsx');
    const wb = await workbook(file.bytes);
    const tables = reportTables(stats);
    const names = reportSheetNames(tables);
    let numbers = 0;
    tables.forEach((t, ti) => {
      const ws = wb.getWorksheet(names[ti] as string);
      expect(ws, t.title).toBeDefined();
      t.rows.forEach((row, ri) => row.cells.forEach((cell, ci) => {
        const value = ws?.getRow(ri + 2).getCell(ci + 1).value ?? null;
        if (typeof cell === 'number') {
          numbers += 1;
          expect(value, `${t.id} ${ri}/${ci}`).toBe(cell);
        } else expect(value ?? null, `${t.id} ${ri}/${ci}`).toBe(cell === null ? null : cell);
      }));
    });
    expect(numbers).toBeGreaterThan(50);
  });

  it('the PDF prints every number of every table as the screen formats it', async () => {
    const file = await exportReport(w.app.ctx, query, 'pdf');
    const pdf = path.join(cli.dir, 'aarsberetning.pdf');
    writeFileSync(pdf, file.bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    for (const t of reportTables(stats)) {
      expect(text, t.title).toContain(t.title);
      t.rows.forEach((row) => row.cells.forEach((cell, ci) => {
        const kind = t.columns[ci]?.kind ?? 'text';
        if (typeof cell === 'number') expect(text, `${t.id}: ${String(cell)}`).toContain(formatReportCell(cell, kind));
      }));
    }
  });

  it('the CLI writes the same PDF, XLSX and CSV tables as the app exports that day', async () => {
    // The world's clock says 15.01.2026; the CLI is told the same day with --date.
    const [pdf, xlsx] = [await exportReport(w.app.ctx, query, 'pdf'), await exportReport(w.app.ctx, query, 'xlsx')];
    const run = await cli.ombud('report', '--from', '2025-01-01', '--to', '2025-12-31', '--date', '2026-01-15', '--pdf', 'a.pdf', '--xlsx', 'a.xlsx', '--csv', 'tabeller', '--db', cli.db);
    expect(run.err).toBe('');
    expect(Buffer.compare(readFileSync(path.join(cli.dir, 'a.pdf')), Buffer.from(pdf.bytes))).toBe(0);
    expect(Buffer.compare(readFileSync(path.join(cli.dir, 'a.xlsx')), Buffer.from(xlsx.bytes))).toBe(0);
    for (const t of reportTables(stats)) {
      expect(readFileSync(path.join(cli.dir, 'tabeller', `${t.id}.csv`), 'utf8')).toContain(t.columns[0]?.label ?? '');
    }
  });
});
