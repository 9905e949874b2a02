/**
 * The annual report end to end, in Chromium against the real backend, on the hand-counted world of
 * test/electron/report/fixture.ts: Statistik for 2025 shows every table exactly as `reportStats` and
 * `reportTables` give it (the screen agrees with the JSON, and through outputs-agree.test.ts with the
 * PDF and XLSX); a number opens the case list with exactly the henvendelser behind it; Årsberetning
 * saves a text and exports the report as PDF and XLSX through the real UI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { TREND_MAX_PERIODS } from '../../shared/report/period';
import { formatReportCell } from '../../shared/report/format';
import { shareText, type ReportQuery } from '../../shared/report/stats';
import { reportTables } from '../../shared/report/tables';
import { buildReportWorld } from '../electron/report/fixture';
import { runAxe, seriousViolations, setupE2E } from './harness';

const dir = mkdtempSync(path.join(tmpdir(), 'ombud-report-e2e-'));
const databasePath = path.join(dir, 'ombud.sqlite');
buildReportWorld(databasePath).app.close();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the annual report, end to end', () => {
  const e2e = setupE2E();

  it('shows the statistics of a period, drills down to the cases behind a number and exports the report', async () => {
    const app = await e2e.open({ now: '2026-01-15T10:00:00+01:00', databasePath });
    const page = app.page;
    await app.goto('#/statistik');
    // The period: the calendar year 2025 (chosen in the picker, the default is the last whole year).
    await page.getByLabel('År', { exact: true }).selectOption('2025');
    await page.getByRole('table', { name: 'Hovedtal' }).waitFor();

    const settings = await app.call('report:settings', {});
    const query: ReportQuery = {
      period: { from: '2025-01-01', to: '2025-12-31' }, filters: { forvaltningId: null, types: [] },
      minN: settings.minN, patternMin: settings.patternMin, trendPeriods: TREND_MAX_PERIODS,
    };
    const stats = await app.call('report:stats', { query });
    // Every table on the screen, cell by cell, as the one definition gives it.
    for (const t of reportTables(stats)) {
      const table = page.getByRole('table', { name: t.title, exact: true });
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
      if (t.rows.length === 0) continue;
      expect(rows.length, t.title).toBe(t.rows.length);
      t.rows.forEach((row, r) => row.cells.forEach((cell, c) => {
        const col = t.columns[c]!;
        const at = (k: string) => row.cells[t.columns.findIndex((x) => x.key === k)];
        const n = at('n');
        const of = at('of');
        const expected = col.kind === 'share'
          ? (typeof n === 'number' && typeof of === 'number' ? shareText(n, of, stats.minN) : '–')
          : col.kind === 'text' ? String(cell ?? '') : formatReportCell(cell, col.kind);
        expect(rows[r]?.[c], `${t.title} ${r}/${c}`).toBe(expected);
      }));
    }
    expect(seriousViolations(await runAxe(page))).toEqual([]);

    // Drill down: the klager of 2025 are exactly the henvendelser behind the number.
    const behind = await app.call('report:drill', { query, drill: { metric: 'type', key: 'klage', key2: null, ruleId: null, which: 'current' } });
    expect(behind.caseIds.length).toBe(stats.henvendelser.byType['klage']);
    await page.getByRole('table', { name: 'Henvendelser efter type', exact: true }).getByRole('link', { name: /^\d+: Henvendelser efter type – Klage, vis sagerne$/u }).click();
    await page.getByText('Sager bag tallet: Henvendelser efter type – Klage (2025)').waitFor();
    const grid = page.getByRole('grid');
    await expect.poll(() => grid.locator('[role="row"][aria-rowindex]').count()).toBeGreaterThan(0);
    const sagsnumre = await Promise.all(behind.caseIds.map(async (id) => (await app.call('cases:get', { id })).sagsnr));
    for (const s of sagsnumre) await grid.getByText(s, { exact: true }).waitFor();
    expect(await grid.locator('[role="row"][aria-rowindex]').count()).toBe(behind.caseIds.length + 1);

    // Årsberetning: a foreword, saved, then the report as PDF and XLSX.
    await app.goto('#/aarsberetning');
    await page.getByLabel('Forord').fill('Året bød på **flere** klager over svartider.');
    await page.keyboard.press('Control+S');
    await page.getByRole('status').filter({ hasText: /gemt/u }).first().waitFor();
    await page.getByRole('article', { name: /^Forhåndsvisning/ }).getByRole('table', { name: 'Hovedtal' }).waitFor();

    const pdfDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Gem som PDF' }).click();
    const pdf = await pdfDownload;
    expect(pdf.suggestedFilename()).toBe('Årsberetning 2025.pdf');
    const pdfFile = path.join(dir, 'aarsberetning.pdf');
    writeFileSync(pdfFile, readFileSync((await pdf.path()) as string));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('Året bød på flere klager over svartider.');
    expect(text).toContain('Henvendelser efter type');

    const xlsxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Gem som Excel (XLSX)' }).click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toBe('Statistik 2025.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await xlsx.path()) as string) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.length).toBe(reportTables(stats).length + 1);
    expect(app.errors).toEqual([]);
  });
});
