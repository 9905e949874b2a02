/**
 * Databeskyttelse in Chromium against the real backend: an indsigt found by CPR number, with why
 * it matched, saved as JSON that parses in the versioned schema; a retention run shown as a plan,
 * confirmed in a dialog that names the count, carried out, and the henvendelse anonymised; both
 * sections pass axe with colour contrast.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { InsightExportSchema } from '../../shared/gdpr/insight';
import { caseInput } from '../fixtures/cases';
import { runAxe, seriousViolations, setupE2E } from './harness';

describe('Databeskyttelse, end to end', () => {
  const e2e = setupE2E();

  it('hands out an indsigt and carries out a retention run', async () => {
    let current = 0;
    let old = { id: 0, sagsnr: '' };
    const app = await e2e.open({
      hash: '#/databeskyttelse',
      seed: async (call) => {
        const citizen = { name: 'Åse Ørsted', address: 'Åboulevarden 1, 8000 Aarhus C', phone: '', email: '', cpr: '010190-1234' };
        current = (await call('cases:create', { input: caseInput({ citizen, summary: 'Spørgsmål om hjemmehjælp' }) })).id;
        const c = await call('cases:create', { input: caseInput({ citizen, receivedOn: '2019-01-10', status: 'afsluttet', closedOn: '2019-02-01', summary: 'Åse Ørsted spurgte om partshøring' }) });
        old = { id: c.id, sagsnr: c.sagsnr };
      },
    });
    const page = app.page;

    const insight = page.getByRole('region', { name: 'Indsigt' });
    await insight.getByLabel('CPR-nummer').fill('0101901234');
    await insight.getByRole('button', { name: 'Søg' }).click();
    const matches = insight.getByRole('table', { name: 'Fundne henvendelser (2)' });
    await matches.waitFor();
    expect(await matches.getByRole('row').nth(1).textContent()).toContain('Borgerens CPR-nummer');
    // The old one is left out, as an adviser leaves out a namesake.
    await insight.getByRole('checkbox', { name: `Medtag ${old.sagsnr}` }).uncheck();
    const download = page.waitForEvent('download');
    await insight.getByRole('button', { name: 'Gem indsigt som JSON' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('Indsigt 2025-03-14.json');
    const data = InsightExportSchema.parse(JSON.parse(await readFile((await saved.path())!, 'utf8')));
    expect(data.cases.map((c) => c.case.id)).toEqual([current]);
    await insight.getByText('Indsigten (JSON) med 1 henvendelse er gemt').waitFor();
    expect(seriousViolations(await runAxe(page, { include: '#indsigt' }))).toEqual([]);

    const retention = page.getByRole('region', { name: 'Sletning' });
    expect(await retention.getByLabel('Opbevaringsperiode (år efter afslutning)').inputValue()).toBe('5');
    await retention.getByRole('button', { name: 'Vis plan for sletning' }).click();
    const plan = retention.getByRole('table', { name: 'Plan: 1 henvendelse afsluttet før 14.03.2020' });
    await plan.waitFor();
    expect(await plan.textContent()).toContain(old.sagsnr);
    expect(await plan.textContent()).toContain('01.02.2019');
    expect(seriousViolations(await runAxe(page, { include: '#sletning' }))).toEqual([]);

    let question = '';
    page.once('dialog', (d) => { question = d.message(); void d.accept(); });
    await retention.getByRole('button', { name: 'Udfør sletning (1 henvendelse)' }).click();
    await retention.getByText(`Sletningen er udført: 1 henvendelse er anonymiseret (${old.sagsnr}).`).waitFor();
    expect(question).toContain('1 henvendelse, der blev afsluttet før 14.03.2020');
    expect((await app.call('cases:get', { id: old.id })).citizen).toMatchObject({ name: '[anonymiseret]', cprMasked: null });
    expect((await app.call('cases:get', { id: current })).citizen.name).toBe('Åse Ørsted');
    expect(app.errors).toEqual([]);
  });
});
