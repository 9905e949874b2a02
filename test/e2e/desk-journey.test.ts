/**
 * The desktop app's scenario (electron-app.test.ts) through `npm run preview`'s server in Chromium,
 * so it runs in `npm test` where no Electron binary exists: the backend in its own process on a new,
 * empty database, as the app's utilityProcess; the adviser chooses who she is, takes a henvendelse by
 * keyboard, issues the finding and saves it as PDF, and exports the annual report as PDF and XLSX.
 * The steps are desk-journey.ts's, the same the Electron suite drives.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { browserDownloads, chooseFirstAdviser, exportAnnualReport, issueAndSaveFinding, JOURNEY_CITIZEN, JOURNEY_SUMMARY, takeIntake, yearOf } from './desk-journey';
import { CaseListPage } from './pages/case-list-page';
import { setupPreviewE2E } from './preview-harness';

describe('an adviser\'s first day on a new Ombud (the desktop scenario through the preview server)', () => {
  const preview = setupPreviewE2E({ prefix: 'ombud-journey-' });
  const call = preview.call;

  it('chooses who she is, takes a henvendelse by keyboard, saves the issued finding as PDF and exports the annual report', async () => {
    const context = await preview.browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(preview.server.url);
      await chooseFirstAdviser(page);
      await new CaseListPage(page).waitForLoaded();
      // A new database: no henvendelser yet.
      await page.getByText('Der er endnu ingen henvendelser.', { exact: false }).waitFor();
      const actor = { adviserId: (await call('actor:get', {}, null)).adviserId! };
      const saves = browserDownloads(page);

      const sagsnr = await takeIntake(page);
      expect(sagsnr).toMatch(/^\d{4}-0001$/u);
      const found = await call('cases:list', { search: 'Ærenlund', statuses: [], types: [], forvaltningId: null, themeId: null, receivedFrom: null, receivedTo: null, sort: 'receivedOn', direction: 'desc', offset: 0, limit: 10 }, actor);
      expect(found.rows.map((r) => r.sagsnr)).toEqual([sagsnr]);
      const stored = await call('cases:get', { id: found.rows[0]!.id }, actor);
      expect(stored).toMatchObject({ summary: JOURNEY_SUMMARY, citizen: { name: JOURNEY_CITIZEN, cprMasked: '010280-••••' } });

      const pdf = await issueAndSaveFinding(page, sagsnr, saves);
      const state = await call('findings:state', { caseId: stored.id }, actor);
      expect(state.versions).toHaveLength(1);
      // What was saved is the issued, stored letter (its SHA-256 is the database's).
      expect(createHash('sha256').update(pdf.bytes).digest('hex')).toBe(state.versions[0]!.sha256);

      const reportPdf = await exportAnnualReport(page, yearOf(sagsnr), 'Gem som PDF', saves);
      expect(reportPdf.suggestedName).toBe(`Årsberetning ${yearOf(sagsnr)}.pdf`);
      expect(reportPdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const xlsx = await exportAnnualReport(page, yearOf(sagsnr), 'Gem som Excel (XLSX)', saves);
      expect(xlsx.suggestedName).toBe(`Statistik ${yearOf(sagsnr)}.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
      expect(wb.worksheets[0]!.name).toBe('Om tallene');
      // The database the backend made is encrypted (the preview has its key from OMBUD_DB_KEY).
      expect(existsSync(path.join(preview.dir, 'ombud.sqlite'))).toBe(true);
      expect((await readFile(path.join(preview.dir, 'ombud.sqlite'))).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
