/**
 * The other letters of a case in Chromium against the real backend: the kvittering from Akter og
 * journal and the anmodningsbrev from a request are previewed, sent and then listed as outgoing
 * akter; the same letter again the same day is refused with the akt it already is; Escape closes a
 * letter and gives focus back to the button that opened it.
 */
import { describe, expect, it } from 'vitest';
import { caseInput, pointInput } from '../fixtures/cases';
import { runAxe, seriousViolations, setupE2E } from './harness';

describe('case letters, end to end', () => {
  const e2e = setupE2E();

  it('sends a kvittering and an anmodningsbrev and shows them among the akter', async () => {
    let caseId = 0;
    const app = await e2e.open({
      now: '2025-03-20T10:00:00+01:00',
      seed: async (call) => {
        const s = await call('settings:get', {});
        const social = s.forvaltninger.find((f) => f.name === 'Social')!.id;
        const c = await call('cases:create', {
          input: caseInput({
            type: 'klage', status: 'afventer_forvaltningen', summary: 'Tilskud til merudgifter',
            points: [pointInput({ forvaltningId: social, description: 'Jeg blev ikke partshørt' }), pointInput({ forvaltningId: social, description: 'Afgørelsen kom for sent' })],
          }),
        });
        caseId = c.id;
        await call('requests:create', {
          input: { caseId, forvaltningId: social, kind: 'redegoerelse', sentOn: '2025-03-14', spec: null, note: 'Hvornår blev borgeren partshørt?' },
        });
      },
    });

    // The kvittering, from Akter og journal.
    await app.goto(`#/sager/${caseId}/akter`);
    const records = app.page.getByRole('region', { name: 'Akter og journal' });
    await records.getByText('Der er ingen akter eller notater i henvendelsen.').waitFor();
    const receiptButton = records.getByRole('button', { name: 'Dan kvittering' });
    await receiptButton.click();
    const receipt = app.page.getByRole('region', { name: 'Kvittering til borgeren' });
    const receiptPreview = receipt.getByRole('article', { name: 'Forhåndsvisning: Kvittering til borgeren' });
    await receiptPreview.getByRole('heading', { name: 'Kvittering for din henvendelse' }).waitFor();
    expect(await receipt.getByRole('heading', { name: 'Kvittering til borgeren' }).evaluate((h) => h === document.activeElement)).toBe(true);
    expect(await receiptPreview.textContent()).toContain('Jeg blev ikke partshørt');
    expect(seriousViolations(await runAxe(app.page, { include: '.letter-panel' }))).toEqual([]);
    // Escape closes it and gives focus back to the button.
    await app.page.keyboard.press('Escape');
    await receipt.waitFor({ state: 'detached' });
    expect(await receiptButton.evaluate((b) => b === document.activeElement)).toBe(true);

    await receiptButton.click();
    await receiptPreview.waitFor();
    await receipt.getByRole('button', { name: 'Send og gem som akt' }).click();
    await records.getByText('Kvitteringen er sendt og gemt som akten «Kvittering til borgeren».').waitFor();
    await records.getByRole('heading', { level: 3, name: /Kvittering til borgeren/ }).waitFor();

    // The same letter again today is refused, naming the akt.
    await receiptButton.click();
    await receiptPreview.waitFor();
    await receipt.getByRole('button', { name: 'Send og gem som akt' }).click();
    await receipt.getByRole('alert').getByText(/allerede sendt i dag og gemt som akten "Kvittering til borgeren" \(20\.03\.2025\)/).waitFor();
    await receipt.getByRole('button', { name: 'Luk' }).click();

    // The anmodningsbrev, from the request.
    await app.goto(`#/sager/${caseId}/anmodninger`);
    const requests = app.page.getByRole('region', { name: 'Anmodninger til forvaltningen' });
    await requests.getByRole('button', { name: 'Anmodningsbrev – redegørelse fra Social' }).click();
    const letter = app.page.getByRole('region', { name: 'Anmodningsbrev til Social' });
    const preview = letter.getByRole('article', { name: 'Forhåndsvisning: Anmodningsbrev til Social' });
    await preview.getByRole('heading', { name: 'Anmodning om redegørelse' }).waitFor();
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('Hvornår blev borgeren partshørt?');
    expect(text).toMatch(/Jeg beder om at modtage svaret senest (mandag|tirsdag|onsdag|torsdag|fredag) den \d{1,2}\. marts 2025\./);
    // Not yet overdue and no rykker recorded: no rykkerbrev.
    expect(await requests.getByRole('button', { name: /^Rykkerbrev/ }).count()).toBe(0);

    const download = app.page.waitForEvent('download');
    await letter.getByRole('button', { name: 'Gem som PDF' }).click();
    expect((await download).suggestedFilename()).toMatch(/^Anmodning om redegørelse .* anmodning 1 2025-03-20\.pdf$/);
    await letter.getByText(/er gemt\.$/).waitFor();

    await letter.getByRole('button', { name: 'Send og gem som akt' }).click();
    await requests.getByText('Brevet er sendt og gemt som akten «Anmodning om redegørelse til Social» under Akter og journal.').waitFor();

    await app.page.getByRole('tab', { name: 'Akter og journal', exact: true }).click();
    const akter = app.page.getByRole('region', { name: 'Akter og journal' });
    await akter.getByRole('heading', { level: 3, name: /Anmodning om redegørelse til Social/ }).waitFor();
    await akter.getByRole('heading', { level: 3, name: /Kvittering til borgeren/ }).waitFor();
    expect(app.errors).toEqual([]);
  });
});
