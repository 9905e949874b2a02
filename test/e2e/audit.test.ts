/**
 * Revisionsspor in Chromium against the real backend: the Databeskyttelse screen shows the chain's
 * status and the whole log, filters it, pages it and exports it as CSV (the export then appears in
 * the log); a chain broken outside Ombud puts a banner on every screen until an adviser has read it,
 * and that reading is recorded. Both states pass axe.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../db/queries/audit';
import { caseInput } from '../fixtures/cases';
import { runAxe, seriousViolations, setupE2E } from './harness';

describe('revisionsspor, end to end', () => {
  const e2e = setupE2E();

  it('shows, filters, pages and exports the log with the chain’s status', async () => {
    const app = await e2e.open({
      seed: async (call) => {
        await call('cases:create', { input: caseInput({ summary: 'Klage over hjemmehjælp' }) });
      },
    });
    for (let i = 0; i < 55; i++) {
      appendAudit(app.backend.ctx.db, { at: '2025-03-14T08:00:00.000Z', actor: 'Ulla Ærø', entity: 'settings', entityId: null, caseId: null, action: 'Indstilling ændret', changes: [{ field: 'Navn', before: 'A', after: `B${i}` }] });
    }
    await app.backend.checkAuditChain();
    await app.goto('#/databeskyttelse');
    const section = app.page.getByRole('region', { name: 'Revisionsspor' });
    await section.getByText(/^Revisionssporet er helt: alle \d+ rækker er kontrolleret/).waitFor();
    await section.getByText(/^Række 1–50 af \d+, nyeste først\.$/).waitFor();
    expect(seriousViolations(await runAxe(app.page, { include: '#revisionsspor' }))).toEqual([]);

    await section.getByLabel('Hændelse').selectOption('Oprettet');
    await section.getByRole('button', { name: 'Vis' }).click();
    await section.getByText('Række 1–1 af 1, nyeste først.').waitFor();
    expect(await section.getByRole('row').nth(1).innerText()).toMatch(/Oprettet\s+\d{4}-\d{4}/);

    await section.getByLabel('Hændelse').selectOption('');
    await section.getByLabel('Rådgiver').selectOption('Ulla Ærø');
    await section.getByRole('button', { name: 'Vis' }).click();
    await section.getByText('Række 1–50 af 55, nyeste først.').waitFor();
    await section.getByRole('button', { name: 'Ældre' }).click();
    await section.getByText('Række 51–55 af 55, nyeste først.').waitFor();
    expect(await section.getByRole('button', { name: 'Ældre' }).isDisabled()).toBe(true);

    const download = app.page.waitForEvent('download');
    await section.getByRole('button', { name: 'Eksportér som CSV' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('ombud-revisionsspor-2025-03-14.csv');
    const csv = await readFile((await saved.path())!, 'utf8');
    expect(csv.split('\r\n').filter((l) => l.includes('Ulla Ærø'))).toHaveLength(55);
    await section.getByText(/Eksporten er noteret i revisionssporet\./).waitFor();
    const last = app.backend.ctx.db.prepare('SELECT action FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get();
    expect(last).toBe('Revisionsspor eksporteret som CSV');
    expect(app.errors).toEqual([]);
  });

  it('puts a broken chain in front of the adviser until it is read, and records the reading', async () => {
    const app = await e2e.open({ seed: async (call) => { await call('cases:create', { input: caseInput() }); } });
    app.backend.ctx.db.exec("DROP TRIGGER audit_log_only_anonymised; UPDATE audit_log SET actor = 'En anden' WHERE id = 1");
    await app.backend.checkAuditChain();
    await app.goto('#/sager');
    const banner = app.page.getByRole('alert').filter({ hasText: 'Revisionssporet er brudt' });
    await banner.getByText(/Række 1 er ændret/).waitFor();
    expect(seriousViolations(await runAxe(app.page))).toEqual([]);
    // Still there on another screen.
    await app.goto('#/databeskyttelse');
    await banner.waitFor();
    await banner.getByRole('button', { name: 'Jeg har læst advarslen' }).click();
    await banner.waitFor({ state: 'detached' });
    const entry = app.backend.ctx.db.prepare('SELECT action FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get();
    expect(entry).toBe('Advarsel om brudt revisionsspor læst');
    await app.page.reload();
    await app.page.getByRole('region', { name: 'Revisionsspor' }).getByText(/brudt \(første brudte række: 1\).*Advarslen er læst af/).waitFor();
    expect(await app.page.getByRole('button', { name: 'Jeg har læst advarslen' }).count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
