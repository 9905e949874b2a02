/**
 * Every screen, every section of the case page read and in edit, and the forms that open in them,
 * pass axe-core in Chromium (colour contrast included, which jsdom cannot judge) on demo data – the
 * content a new user sees first, with every kind of deadline, request, akt, note and henstilling.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../electron/services/actor';
import { createDemoData } from '../../electron/services/demo';
import { openApp } from '../../electron/services/open-app';
import { fixedClock } from '../../shared/domain/dates';
import { pngImage, toBase64 } from '../fixtures/images';
import { runAxe, setupE2E, type AxeViolation, type TestApp } from './harness';
import { TEST_DB_KEY } from '../setup/db-key';

const NOW = '2026-11-30T10:00:00+01:00';

/** Every violation, of any impact: each screen passes axe-core outright, not only its serious rules. */
function listed(violations: readonly AxeViolation[]): string[] {
  return violations.map((v) => `${v.impact ?? 'ukendt'} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).join(', ')})`);
}

describe('axe on every screen, with demo data', () => {
  const e2e = setupE2E();
  let dir = '';
  let databasePath = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ombud-axe-'));
    databasePath = path.join(dir, 'ombud.sqlite');
    const seeded = openApp({ key: TEST_DB_KEY, file: databasePath, mode: 'cli', clock: fixedClock(NOW), log: () => {}, actor: () => CLI_ACTOR });
    try {
      await createDemoData(seeded.ctx, { seed: 11, cases: 60 });
    } finally {
      seeded.close();
    }
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  async function check(app: TestApp, where: string, findings: string[]): Promise<void> {
    for (const v of listed(await runAxe(app.page))) findings.push(`${where} – ${v}`);
  }

  it('the screens of the main navigation and a rule\'s page', async () => {
    const app = await e2e.open({ now: NOW, databasePath });
    const findings: string[] = [];
    const screens: ReadonlyArray<[string, string]> = [
      ['#/sager', 'Sager'], ['#/ny', 'Ny henvendelse'], ['#/import', 'Import/eksport'], ['#/indstillinger', 'Indstillinger'],
      ['#/regler', 'Regler'], ['#/regler/fvl-19-partshoering', 'FVL'], ['#/henstillinger', 'Henstillinger'], ['#/frister', 'Frister'],
    ];
    for (const [hash, title] of screens) {
      await app.goto(hash);
      await app.page.getByRole('heading', { level: 1, name: new RegExp(`^${title}`) }).waitFor();
      // Lists and tables have loaded when no "Henter …" status is left.
      await app.page.getByText(/^Henter /).first().waitFor({ state: 'detached' }).catch(() => undefined);
      await check(app, hash, findings);
    }
    expect(findings).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('Statistik with its tables and Årsberetning with a finding chosen and the preview', async () => {
    const app = await e2e.open({ now: NOW, databasePath });
    const findings: string[] = [];
    await app.goto('#/statistik');
    await app.page.getByRole('heading', { level: 1, name: 'Statistik' }).waitFor();
    await app.page.getByRole('table', { name: 'Hovedtal' }).waitFor();
    await app.page.getByRole('table', { name: 'Forvaltning og regel (ikke overholdt)' }).waitFor();
    await check(app, '#/statistik', findings);
    await app.goto('#/aarsberetning');
    await app.page.getByRole('heading', { level: 1, name: 'Årsberetning' }).waitFor();
    await app.page.getByLabel('Titel').waitFor();
    await app.page.getByLabel('Forord').fill('## Året\n\nEt **travlt** år.');
    const first = app.page.getByRole('group', { name: 'Udvalgte udtalelser (anonymiseret)' }).getByRole('checkbox').first();
    if (await first.count() > 0) await first.check();
    await app.page.getByRole('article', { name: /^Forhåndsvisning/ }).waitFor();
    await check(app, '#/aarsberetning', findings);
    expect(findings).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('the settings page with a logo, a phrase and an adviser in edit, and the refused new phrase', async () => {
    const app = await e2e.open({ now: NOW, databasePath });
    await app.call('letterhead:set-logo', { fileName: 'logo.png', contentBase64: toBase64(pngImage()) });
    const findings: string[] = [];
    await app.goto('#/indstillinger');
    await app.page.getByRole('img', { name: 'Det nuværende logo i brevene' }).waitFor();
    const phrases = app.page.getByRole('region', { name: 'Standardtekster' });
    await phrases.getByRole('button', { name: 'Redigér: standardteksten Kritisabelt', exact: true }).click();
    await phrases.getByRole('form', { name: 'Redigér standardteksten Kritisabelt' }).waitFor();
    await phrases.getByLabel('Hører til').selectOption('udfald');
    await phrases.getByRole('button', { name: 'Tilføj standardtekst' }).click();
    await phrases.getByText('Vælg det udfald, standardteksten hører til.').waitFor();
    const advisers = app.page.getByRole('region', { name: 'Rådgivere' });
    await advisers.getByRole('button', { name: /^Redigér: rådgiveren / }).first().click();
    await advisers.getByLabel(/^Titel \(under underskriften\) for /).waitFor();
    await check(app, 'Indstillinger (redigering)', findings);
    expect(findings).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('each section of an open klage, read and in edit, and the closing check', async () => {
    const app = await e2e.open({ now: NOW, databasePath });
    const list = await app.call('cases:list', {
      search: '', statuses: ['afventer_forvaltningen'], types: ['klage'], forvaltningId: null, themeId: null,
      receivedFrom: null, receivedTo: null, sort: 'receivedOn', direction: 'desc', offset: 0, limit: 1,
    });
    const caseId = list.rows[0]!.id;
    const findings: string[] = [];
    await app.goto(`#/sager/${caseId}`);
    await app.page.getByRole('tab', { name: 'Overblik' }).waitFor();
    const tabs = await app.page.getByRole('tab').allTextContents();
    expect(tabs.length).toBeGreaterThanOrEqual(7);
    for (const label of tabs) {
      await app.page.getByRole('tab', { name: label, exact: true }).click();
      const panel = app.page.getByRole('tabpanel', { name: label });
      await panel.waitFor();
      await app.page.getByText(/^Henter /).first().waitFor({ state: 'detached' }).catch(() => undefined);
      await check(app, label, findings);
      const edit = panel.getByRole('button', { name: /^Rediger/ });
      // Udtalelse edits its own sections (checked below), not the henvendelse's form.
      if (label !== 'Udtalelse' && (await edit.count()) > 0) {
        await edit.click();
        await app.page.getByRole('button', { name: 'Gem henvendelse' }).waitFor();
        await check(app, `${label} (Rediger)`, findings);
        await app.page.getByRole('button', { name: /^Annullér/ }).click();
        await edit.waitFor();
      }
    }
    // The finding: a section in edit with its phrases, the issue panel, the anonymised review.
    await app.page.getByRole('tab', { name: 'Udtalelse', exact: true }).click();
    const finding = app.page.getByRole('region', { name: 'Udtalelse' });
    await finding.getByRole('button', { name: /^Rediger Klagepunkt 1/ }).click();
    await finding.getByLabel('Afsnittets tekst').waitFor();
    await check(app, 'Udtalelse (afsnit i redigering)', findings);
    await app.page.keyboard.press('Escape');
    await finding.getByRole('button', { name: 'Udsend …' }).click();
    await finding.getByRole('heading', { name: /^Udsend udtalelsen som version/ }).waitFor();
    await check(app, 'Udsend udtalelsen', findings);
    await finding.getByRole('button', { name: 'Annullér' }).click();
    await finding.getByLabel('Anonymiseret udgave').check();
    await finding.getByRole('article', { name: 'Anonymiseret udgave' }).waitFor();
    await check(app, 'Udtalelse (anonymiseret)', findings);
    // The forms that open inside Anmodninger og frister: the klagefrist and a request's answer.
    await app.page.getByRole('tab', { name: 'Anmodninger og frister', exact: true }).click();
    await app.page.getByRole('button', { name: /^(Registrér|Ret) klagefrist$/ }).click();
    await app.page.getByRole('form', { name: 'Borgerens klagefrist' }).waitFor();
    await check(app, 'Klagefrist (Rediger)', findings);
    await app.page.getByRole('button', { name: /^Registrér svar/ }).first().click();
    await app.page.getByRole('form', { name: 'Registrér svar' }).waitFor();
    await check(app, 'Registrér svar', findings);
    // The letters: a request's anmodningsbrev, and the kvittering from Akter og journal.
    await app.page.getByRole('button', { name: /^Anmodningsbrev – / }).first().click();
    await app.page.locator('.letter-panel').getByRole('article').waitFor();
    await check(app, 'Anmodningsbrev', findings);
    await app.page.keyboard.press('Escape');
    await app.page.locator('.letter-panel').waitFor({ state: 'detached' });
    await app.page.getByRole('tab', { name: 'Akter og journal', exact: true }).click();
    await app.page.getByRole('button', { name: 'Dan kvittering' }).click();
    await app.page.locator('.letter-panel').getByRole('article').waitFor();
    await check(app, 'Kvittering', findings);
    await app.page.keyboard.press('Escape');
    await app.page.getByRole('button', { name: 'Luk sagen' }).click();
    await app.page.getByRole('button', { name: /Luk alligevel/ }).waitFor();
    await check(app, 'Luk sagen', findings);
    expect(findings).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});
