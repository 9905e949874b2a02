/**
 * The desktop app's scenario (electron-app.test.ts) in Chromium against the real backend, so it runs
 * in `npm test` where no Electron binary exists: on a new, empty database the adviser takes a
 * henvendelse by keyboard, issues the finding and saves it as PDF, and exports the annual report as
 * PDF and XLSX. The steps are desk-journey.ts's, the same the Electron suite drives.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { browserDownloads, exportAnnualReport, issueAndSaveFinding, JOURNEY_CITIZEN, JOURNEY_SUMMARY, takeIntake, yearOf } from './desk-journey';
import { setupE2E } from './harness';

describe('an adviser\'s first day, end to end (the desktop scenario in Chromium)', () => {
  const e2e = setupE2E();

  it('takes a henvendelse by keyboard, saves the issued finding as PDF and exports the annual report', async () => {
    const app = await e2e.open();
    const saves = browserDownloads(app.page);
    // A new database: no henvendelser yet.
    await app.page.getByText('Der er endnu ingen henvendelser.', { exact: false }).waitFor();

    const sagsnr = await takeIntake(app.page);
    expect(sagsnr).toBe('2025-0001');
    const found = await app.call('cases:list', { search: 'Ærenlund', statuses: [], types: [], forvaltningId: null, themeId: null, receivedFrom: null, receivedTo: null, sort: 'receivedOn', direction: 'desc', offset: 0, limit: 10 });
    expect(found.rows.map((r) => r.sagsnr)).toEqual([sagsnr]);
    const stored = await app.call('cases:get', { id: found.rows[0]!.id });
    expect(stored).toMatchObject({ summary: JOURNEY_SUMMARY, citizen: { name: JOURNEY_CITIZEN, cprMasked: '010280-••••' } });

    const pdf = await issueAndSaveFinding(app.page, sagsnr, saves);
    const state = await app.call('findings:state', { caseId: stored.id });
    expect(state.versions).toHaveLength(1);
    // What was saved is the issued, stored letter (its SHA-256 is the database's).
    expect(createHash('sha256').update(pdf.bytes).digest('hex')).toBe(state.versions[0]!.sha256);

    const reportPdf = await exportAnnualReport(app.page, yearOf(sagsnr), 'Gem som PDF', saves);
    expect(reportPdf.suggestedName).toBe(`Årsberetning ${yearOf(sagsnr)}.pdf`);
    expect(reportPdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const xlsx = await exportAnnualReport(app.page, yearOf(sagsnr), 'Gem som Excel (XLSX)', saves);
    expect(xlsx.suggestedName).toBe(`Statistik ${yearOf(sagsnr)}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0]!.name).toBe('Om tallene');
    expect(app.errors).toEqual([]);
  });
});
