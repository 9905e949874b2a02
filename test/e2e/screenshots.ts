/**
 * The README's screenshots, made from demo data through the real UI at 1366 × 768 (the advisers'
 * common laptop screen), so they show what a new user sees on first start and can be made again
 * after any change to the screens:
 *
 *   npm run screenshots
 *
 * Writes build/resources/screenshot-*.png. Not a test (no assertions); the same harness as the e2e
 * suite, so the pictures come from the real backend on a temporary database.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI_ACTOR } from '../../electron/services/actor';
import { createDemoData } from '../../electron/services/demo';
import { openApp } from '../../electron/services/open-app';
import { fixedClock } from '../../shared/domain/dates';
import type { Page } from 'playwright-core';
import { launchBrowser, openTestApp, REPO_ROOT } from './harness';
import { TEST_DB_KEY } from '../setup/db-key';

const NOW = '2026-11-30T10:00:00+01:00';
const OUT = path.join(REPO_ROOT, 'build', 'resources');

const dir = await mkdtemp(path.join(tmpdir(), 'ombud-screenshots-'));
const databasePath = path.join(dir, 'ombud.sqlite');
// Made the way `ombud demo` makes it: as the command line.
const seeded = openApp({ key: TEST_DB_KEY, file: databasePath, mode: 'cli', clock: fixedClock(NOW), log: () => {}, actor: () => CLI_ACTOR });
try {
  await createDemoData(seeded.ctx, { seed: 7, cases: 120 });
} finally {
  seeded.close();
}

async function shoot(page: Page, name: string): Promise<void> {
  // Fonts and lazy parts settle before the picture is taken.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(OUT, `screenshot-${name}.png`) });
  console.log(`build/resources/screenshot-${name}.png`);
}

const browser = await launchBrowser();
try {
  const app = await openTestApp(browser, { now: NOW, databasePath });
  try {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.goto('#/sager');
    await app.page.getByRole('grid').waitFor();
    await shoot(app.page, 'sagsliste');

    // The workspace of the newest open klage with a request; Akter og journal of the
    // newest with both an akt and a note.
    const list = await app.call('cases:list', {
      search: '', statuses: ['afventer_forvaltningen', 'under_behandling'], types: ['klage'], forvaltningId: null, themeId: null,
      receivedFrom: null, receivedTo: null, sort: 'receivedOn', direction: 'desc', offset: 0, limit: 50,
    });
    let overview: number | null = null;
    let records: number | null = null;
    for (const row of list.rows) {
      const [requests, documents, notes] = await Promise.all([
        app.call('requests:for-case', { caseId: row.id }), app.call('documents:list', { caseId: row.id }), app.call('journal:list', { caseId: row.id }),
      ]);
      if (overview === null && requests.length > 0) overview = row.id;
      if (records === null && documents.length > 0 && notes.length > 0) records = row.id;
    }
    if (overview === null || records === null) throw new Error('Demodata har ingen åben klage med anmodning, akt og notat at vise.');
    await app.goto(`#/sager/${overview}/overblik`);
    await app.page.getByRole('tabpanel', { name: 'Overblik' }).waitFor();
    await app.page.getByRole('region', { name: 'Sagens hoved' }).waitFor();
    await shoot(app.page, 'sag-overblik');
    await app.goto(`#/sager/${records}/akter`);
    await app.page.getByRole('region', { name: 'Akter og journal' }).getByRole('heading', { level: 3 }).first().waitFor();
    await shoot(app.page, 'sag-akter');
    // Udtalelse: a klagepunkt's section in edit, its standard texts beside the preview.
    await app.goto(`#/sager/${overview}/udtalelse`);
    const finding = app.page.getByRole('region', { name: 'Udtalelse' });
    await finding.getByRole('button', { name: /^Rediger Klagepunkt 1/ }).click();
    await finding.getByLabel('Afsnittets tekst').waitFor();
    await shoot(app.page, 'sag-udtalelse');
    // Statistik for the last whole year: the charts above every table.
    await app.goto('#/statistik');
    await app.page.getByRole('table', { name: 'Hovedtal' }).waitFor();
    await shoot(app.page, 'statistik');
  } finally {
    await app.close();
  }
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
