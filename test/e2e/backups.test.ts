/**
 * Backups through the preview in Chromium, against the real backend process: the automatic backup at
 * start, "Tag sikkerhedskopi nu" on Databeskyttelse → Sikkerhedskopier, and "Gendan …" with its
 * confirmation naming the date, after which the page starts again on the restored database (the
 * henvendelse made after the backup is gone) and the state before is a backup of its own.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseInput } from '../fixtures/cases';
import { runAxe, seriousViolations } from './harness';
import { CaseListPage } from './pages/case-list-page';
import { setupPreviewE2E } from './preview-harness';

describe('backups through the preview', () => {
  let adviser: { adviserId: number };
  let automatic: Promise<{ ok: boolean; message: string }>;
  const preview = setupPreviewE2E({
    prefix: 'ombud-backup-e2e-',
    open: (dir) => ({ backupSettingsFile: path.join(dir, 'sikkerhedskopi.json'), automaticBackup: true }),
    beforeOpen: (backend) => {
      automatic = new Promise((resolve) => backend.onBackupResult((ok, message) => resolve({ ok, message })));
    },
    seed: async ({ call }) => {
      await automatic;
      const settings = await call('settings:get', {});
      adviser = { adviserId: settings.advisers[0]!.id };
      await call('cases:create', { input: caseInput({ summary: 'Før sikkerhedskopien' }) }, adviser);
    },
  });

  it('takes the automatic backup at start, then one on demand, and restores it from the page', async () => {
    expect((await automatic).ok).toBe(true);
    const folder = path.join(preview.dir, 'Sikkerhedskopier');
    expect((await readdir(folder)).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);

    const context = await preview.browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(preview.server.url);
      await page.getByRole('radio', { name: 'Borgerrådgiver (BR)' }).check();
      await page.getByRole('button', { name: 'Fortsæt', exact: true }).click();
      const list = new CaseListPage(page);
      await list.waitForLoaded();

      await page.evaluate(() => { window.location.hash = '#/databeskyttelse'; });
      const section = page.locator('section#sikkerhedskopier');
      await section.getByRole('heading', { name: 'Sikkerhedskopier' }).waitFor();
      await section.getByRole('button', { name: 'Tag sikkerhedskopi nu' }).click();
      await section.getByText('Sikkerhedskopien er taget og kontrolleret.').waitFor();
      const rows = section.getByRole('row').filter({ has: page.getByRole('cell') });
      // The automatic backup of today is replaced by the newer one of the same day (7 daily).
      await expect.poll(() => rows.count()).toBe(1);
      await expect.poll(() => rows.first().textContent()).toMatch(/\d\d\.\d\d\.\d{4} kl\. \d\d\.\d\d.*kB.*Kontrolleret/);
      expect(seriousViolations(await runAxe(page, { include: '#sikkerhedskopier' }))).toEqual([]);

      // A henvendelse made after the backup, which the restore takes away.
      await preview.call('cases:create', { input: caseInput({ summary: 'Efter sikkerhedskopien' }) }, adviser);

      await rows.first().getByRole('button', { name: /^Gendan sikkerhedskopien fra/ }).click();
      const confirm = section.getByRole('alertdialog');
      await expect.poll(() => confirm.getByRole('heading').textContent()).toMatch(/^Gendan sikkerhedskopien fra \d\d\.\d\d\.\d{4} kl\. \d\d\.\d\d\?$/);
      expect(seriousViolations(await runAxe(page, { include: '#sikkerhedskopier' }))).toEqual([]);
      await confirm.getByRole('button', { name: /^Gendan fra/ }).click();
      await section.getByText(/Databasen er gendannet fra sikkerhedskopien fra/).waitFor();

      // The page starts again on the restored database.
      await page.waitForEvent('load', { timeout: 15_000 });
      await page.evaluate(() => { window.location.hash = '#/sager'; });
      await list.waitForLoaded();
      await list.row('Før sikkerhedskopien').waitFor();
      expect(await list.row('Efter sikkerhedskopien').count()).toBe(0);
      // The state before the restore is a backup of its own, beside the one restored from.
      expect((await readdir(folder)).filter((f) => f.endsWith('.sqlite'))).toHaveLength(2);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
