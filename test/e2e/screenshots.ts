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
import { launchBrowser, openTestApp, REPO_ROOT } from './harness';

const NOW = '2026-11-30T10:00:00+01:00';
const OUT = path.join(REPO_ROOT, 'build', 'resources');

const dir = await mkdtemp(path.join(tmpdir(), 'ombud-screenshots-'));
const databasePath = path.join(dir, 'ombud.sqlite');
// Made the way `ombud demo` makes it: as the command line.
const seeded = openApp({ file: databasePath, mode: 'cli', clock: fixedClock(NOW), log: () => {}, actor: () => CLI_ACTOR });
try {
  await createDemoData(seeded.ctx, { seed: 7, cases: 120 });
} finally {
  seeded.close();
}

const browser = await launchBrowser();
try {
  const app = await openTestApp(browser, { now: NOW, databasePath });
  try {
    await app.page.setViewportSize({ width: 1366, height: 768 });
    await app.goto('#/sager');
    await app.page.getByRole('grid').waitFor();
    await app.page.screenshot({ path: path.join(OUT, 'screenshot-sagsliste.png') });
    console.log('build/resources/screenshot-sagsliste.png');
  } finally {
    await app.close();
  }
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
