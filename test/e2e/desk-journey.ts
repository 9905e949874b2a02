/**
 * One adviser's day on a new Ombud, as page-level steps shared by the preview-based test
 * (desk-journey.test.ts, Chromium against the real backend, in `npm test`) and the desktop app's
 * suite (electron-app.test.ts, the real or packaged Electron app): intake of a henvendelse by
 * keyboard, the finding issued and saved as PDF, and the annual report exported. Only how a saved
 * file is caught differs — a browser download there, Electron's download with the save path set in
 * the main process here — so both runs drive the very same screens through the same page objects.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { AarsberetningPage, type ReportExportButton } from './pages/aarsberetning-page';
import { CaseFormPage } from './pages/case-form-page';
import { FindingSection } from './pages/finding-section';

/** A file the app handed to the save dialog: the name it suggested and the bytes written. */
export type SavedFile = Readonly<{ suggestedName: string; bytes: Buffer }>;

/** How a run catches what `action` saves (a download in Chromium, a stubbed save dialog in Electron). */
export type FileSaves = Readonly<{ capture: (action: () => Promise<void>) => Promise<SavedFile> }>;

/** The browser's own download, as the preview and the e2e harness give it. */
export function browserDownloads(page: Page): FileSaves {
  return {
    capture: async (action) => {
      const download = page.waitForEvent('download');
      await action();
      const saved = await download;
      const file = await saved.path();
      if (file === null) throw new Error(`Filen ${saved.suggestedFilename()} blev ikke gemt.`);
      return { suggestedName: saved.suggestedFilename(), bytes: await readFile(file) };
    },
  };
}

export const JOURNEY_CITIZEN = 'Birthe Ærenlund';
export const JOURNEY_SUMMARY = 'Mødet i jobcentret blev aflyst uden besked';

/**
 * "Hvem er du?" on a new profile: the first adviser (the only one a new database has) is chosen
 * with the keyboard. The e2e harness chooses before the page loads, so only Electron and the
 * preview server meet this screen.
 */
export async function chooseFirstAdviser(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Hvem er du?' }).waitFor();
  await page.getByRole('button', { name: 'Fortsæt', exact: true }).focus();
  await page.keyboard.press('Enter');
}

/**
 * Ny henvendelse (Alt+2) during a phone call, from the keyboard: the citizen's name has focus on
 * arrival, Tab moves on, Ctrl+S saves. Resolves to the sagsnr the case page shows.
 */
export async function takeIntake(page: Page): Promise<string> {
  const form = new CaseFormPage(page);
  await page.keyboard.press('Alt+2');
  await form.waitForScreen('Ny henvendelse');
  await page.keyboard.type(JOURNEY_CITIZEN);
  await form.field('CPR-nummer').focus();
  await page.keyboard.type('010280-1234');
  await form.field('Resumé').focus();
  await page.keyboard.type(JOURNEY_SUMMARY);
  await form.pointField(1, 'Forvaltning').selectOption({ label: 'Beskæftigelse' });
  await form.pointField(1, 'Afdeling').selectOption({ label: 'Jobcenter' });
  await form.pointField(1, 'Beskrivelse af klagepunktet').focus();
  await page.keyboard.type('Borgeren mødte op til et møde, der var aflyst.');
  await page.keyboard.press('Control+s');
  const heading = form.heading(/^Henvendelse \d{4}-\d{4}$/u);
  await heading.waitFor();
  return ((await heading.textContent()) ?? '').replace('Henvendelse ', '').trim();
}

/** The case page's Udtalelse: the auto-draft issued as version 1, then "Gem som PDF". */
export async function issueAndSaveFinding(page: Page, sagsnr: string, saves: FileSaves): Promise<SavedFile> {
  await new CaseFormPage(page).openSection('Udtalelse');
  const finding = new FindingSection(page);
  await finding.draft.waitFor();
  await finding.issue(1);
  await finding.issued(1).waitFor();
  const saved = await saves.capture(() => finding.savePdfButton.click());
  expect(saved.suggestedName).toBe(`Udtalelse ${sagsnr}.pdf`);
  expect(saved.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return saved;
}

/** Årsberetning (Alt+9) for the year of the henvendelse, saved in one format. */
export async function exportAnnualReport(page: Page, year: string, button: ReportExportButton, saves: FileSaves): Promise<SavedFile> {
  const report = new AarsberetningPage(page);
  await page.keyboard.press('Alt+9');
  await report.waitForScreen(AarsberetningPage.TITLE);
  await report.year.selectOption(year);
  await report.preview.getByRole('table', { name: 'Hovedtal' }).waitFor();
  const saved = await saves.capture(() => report.exportButton(button).click());
  await page.getByRole('status').filter({ hasText: `${button}: færdig.` }).waitFor();
  return saved;
}

/** The year a sagsnr was given in ("2025-0001" → "2025"): the report's period holds the henvendelse. */
export function yearOf(sagsnr: string): string {
  return sagsnr.slice(0, 4);
}
