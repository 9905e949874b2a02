/**
 * Akter og journal in Chromium against the real backend: a PDF letter (made in code) added through
 * the file chooser is read by the backend (its text is then found by the search), "Gem som …" hands
 * the browser a download with the file's own name and bytes, "Åbn" shows the PDF in a new tab, and
 * the section passes axe with colour contrast.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { letterPdf } from '../../shared/demo/letter-files';
import { caseInput } from '../fixtures/cases';
import { runAxe, seriousViolations, setupE2E } from './harness';

describe('akter og journal, end to end', () => {
  const e2e = setupE2E();

  it('adds a PDF, finds it by its text, saves it and opens it', async () => {
    let caseId = 0;
    const app = await e2e.open({ seed: async (call) => { caseId = (await call('cases:create', { input: caseInput({ summary: 'Klage med akt' }) })).id; } });
    await app.goto(`#/sager/${caseId}/akter`);
    const section = app.page.getByRole('region', { name: 'Akter og journal' });
    await section.getByText('Der er ingen akter eller notater i henvendelsen.').waitFor();

    const pdf = Buffer.from(letterPdf(['Klage over hjemmehjælpen', '', 'Hjemmehjælperen er ikke kommet i tre uger, og ingen har svaret på mine opkald.']));
    const chooser = app.page.waitForEvent('filechooser');
    await section.getByRole('button', { name: 'Tilføj akt …' }).click();
    await (await chooser).setFiles({ name: 'Klage_fra_borgeren.pdf', mimeType: 'application/pdf', buffer: pdf });
    const form = section.getByRole('form', { name: 'Ny akt: Klage_fra_borgeren.pdf' });
    expect(await form.getByLabel('Titel').inputValue()).toBe('Klage fra borgeren');
    await form.getByLabel('Afsender/modtager').fill('Åse Ørsted');
    await form.getByRole('button', { name: 'Gem akt' }).click();
    await section.getByText('Akten «Klage fra borgeren» er gemt.').waitFor();

    await section.getByLabel('Søg i akter og journal').fill('hjemmehjælperen');
    await section.getByRole('heading', { level: 3, name: /Klage fra borgeren/ }).waitFor();
    expect(seriousViolations(await runAxe(app.page, { include: '.records' }))).toEqual([]);

    const download = app.page.waitForEvent('download');
    await section.getByRole('button', { name: 'Gem som … – akt «Klage fra borgeren»' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('Klage_fra_borgeren.pdf');
    expect(Buffer.compare(await readFile((await saved.path())!), pdf)).toBe(0);

    const popup = app.page.waitForEvent('popup');
    await section.getByRole('button', { name: 'Åbn akt «Klage fra borgeren»' }).click();
    expect((await popup).url()).toMatch(/^blob:/);
    expect(app.errors).toEqual([]);
  });
});
