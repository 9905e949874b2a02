/**
 * The finding (udtalelse) end to end, in Chromium against the real backend: the adviser opens a
 * case, gets the auto-draft, edits a klagepunkt's section, inserts a phrase from the library with
 * one keystroke, previews, issues, finds the issued version again after leaving the tab, reads its
 * stored PDF (the SHA-256 the database keeps), and produces the anonymised version after reviewing
 * its highlighted replacements and adding a term of her own. The CLI then writes the same PDF as the
 * app for the same finding.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseInput, pointInput } from '../fixtures/cases';
import { cliFolder } from '../electron/cli/run-cli';
import { runAxe, seriousViolations, setupE2E } from './harness';

const CITIZEN = 'Şükrü Ærenlund';
const PERSONAL = ['Şükrü', 'Ærenlund', '010280', '12 34 56 78', 'sukru@example.dk', 'Østergade 7', 'Hinnerup'];

function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ombud-finding-e2e-'));
  try {
    const file = path.join(dir, 'f.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the finding, end to end', () => {
  const e2e = setupE2E();
  const cli = cliFolder('ombud-finding-e2e');

  it('drafts, edits, inserts a phrase, issues, reopens and anonymises a finding; the CLI gives the same PDF', async () => {
    let caseId = 0;
    let sagsnr = '';
    const app = await e2e.open({
      seed: async (call) => {
        const settings = await call('settings:get', {});
        const f = settings.forvaltninger[0]!;
        const created = await call('cases:create', { input: caseInput({
          type: 'klage',
          citizen: { name: CITIZEN, address: 'Østergade 7, 1. th\n8000 Aarhus C', phone: '12 34 56 78', email: 'sukru@example.dk', cpr: '010280-1234' },
          summary: 'Jobcentret aflyste et møde uden at sige det',
          points: [pointInput({
            forvaltningId: f.id,
            description: 'Mødet blev aflyst, uden at borgeren fik besked',
            outcome: 'kritik',
            rules: [{ ruleId: 'fvl-19-partshoering', assessment: 'ikke_overholdt', reasoning: `${CITIZEN} blev ikke hørt, før lægen i Hinnerup blev spurgt.` }],
          })],
        }) });
        caseId = created.id;
        sagsnr = created.sagsnr;
      },
    });
    const page = app.page;
    await app.goto(`#/sager/${caseId}/udtalelse`);
    const region = page.getByRole('region', { name: 'Udtalelse' });
    const draft = region.getByRole('article', { name: 'Udkast til udtalelse' });
    await draft.getByRole('heading', { name: 'Klagepunkt 1: Mødet blev aflyst, uden at borgeren fik besked' }).waitFor();
    await draft.getByText('Jeg finder det kritisabelt, at mødet blev aflyst, uden at borgeren fik besked.').waitFor();
    expect(seriousViolations(await runAxe(page, { include: '.finding' }))).toEqual([]);

    // Edit the klagepunkt's section: a sentence of her own, then the library's first phrase for "kritik" (Alt+1).
    const phrase = (await app.call('phrases:list', {})).find((p) => p.scope === 'udfald' && p.key === 'kritik');
    expect(phrase).toBeDefined();
    await region.getByRole('button', { name: 'Rediger Klagepunkt 1: Mødet blev aflyst, uden at borgeren fik besked' }).click();
    const editor = region.getByLabel('Afsnittets tekst');
    await expect.poll(() => editor.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n\nForvaltningen har beklaget forløbet over for dig. ');
    await page.keyboard.press('Alt+1');
    await expect.poll(() => editor.inputValue()).toContain(`Forvaltningen har beklaget forløbet over for dig. ${phrase!.text}`);
    // The preview follows the typing before anything is saved.
    await draft.getByText('Forvaltningen har beklaget forløbet over for dig.', { exact: false }).waitFor();
    expect(seriousViolations(await runAxe(page, { include: '.finding' }))).toEqual([]);
    await page.keyboard.press('Control+S');
    await region.getByText('Afsnittet «Klagepunkt 1: Mødet blev aflyst, uden at borgeren fik besked» er gemt i udkastet.').waitFor();
    await region.getByRole('navigation', { name: 'Afsnit' }).getByText('redigeret').waitFor();

    // Issue: the text is locked and both letters are stored.
    await region.getByRole('button', { name: 'Udsend …' }).click();
    await region.getByRole('button', { name: 'Udsend version 1' }).click();
    await region.getByText('Udtalelsen er udsendt som version 1.', { exact: false }).waitFor();
    const state = await app.call('findings:state', { caseId });
    expect(state.mode).toBe('udsendt');
    expect(state.versions).toHaveLength(1);

    // Reopen: away to another tab and back, the issued version with her text.
    await app.goto(`#/sager/${caseId}/overblik`);
    await app.goto(`#/sager/${caseId}/udtalelse`);
    const issued = region.getByRole('article', { name: 'Udtalelse, version 1' });
    await issued.getByText('Forvaltningen har beklaget forløbet over for dig.', { exact: false }).waitFor();
    await region.getByText(/Udsendt som version 1 den .* Teksten er låst\./u).waitFor();
    expect(await region.getByRole('button', { name: 'Rediger Klagepunkt 1: Mødet blev aflyst, uden at borgeren fik besked' }).count()).toBe(0);
    expect(seriousViolations(await runAxe(page, { include: '.finding' }))).toEqual([]);

    const download = page.waitForEvent('download');
    await region.getByRole('button', { name: 'Gem som PDF' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe(`Udtalelse ${sagsnr}.pdf`);
    const issuedBytes = await readFile(await saved.path());
    expect(createHash('sha256').update(issuedBytes).digest('hex')).toBe(state.versions[0]!.sha256);
    expect(pdfText(issuedBytes)).toContain(CITIZEN);

    // The anonymised version: reviewed with highlights, an extra term added, then saved.
    await region.getByLabel('Anonymiseret udgave').check();
    const anonymised = region.getByRole('article', { name: 'Anonymiseret udgave' });
    await anonymised.locator('mark', { hasText: '[borgeren]' }).first().waitFor();
    await region.getByRole('cell', { name: CITIZEN, exact: true }).waitFor();
    await region.getByLabel('Ekstra ord, der skal erstattes (ét pr. linje)').fill('Hinnerup');
    await region.getByRole('button', { name: 'Gem ord' }).click();
    await anonymised.locator('mark', { hasText: '[udeladt]' }).first().waitFor();
    const shownText = await anonymised.innerText();
    for (const p of PERSONAL) expect(shownText, p).not.toContain(p);
    expect(seriousViolations(await runAxe(page, { include: '.finding' }))).toEqual([]);

    const anonDownload = page.waitForEvent('download');
    await region.getByRole('button', { name: 'Gem som PDF' }).click();
    const anonBytes = await readFile(await (await anonDownload).path());
    const anonText = pdfText(anonBytes);
    expect(anonText).toContain('[borgeren]');
    for (const p of PERSONAL) {
      expect(anonText, p).not.toContain(p);
      expect(anonBytes.includes(Buffer.from(p, 'utf8')), `${p} in the PDF's bytes`).toBe(false);
    }

    // The CLI writes the same PDF as the app for the same finding.
    const run = await cli.ombud('finding', '--case', sagsnr, '--out', 'udtalelse.pdf', '--db', app.databasePath);
    expect(run.err).toBe('');
    expect(Buffer.compare(readFileSync(path.join(cli.dir, 'udtalelse.pdf')), issuedBytes)).toBe(0);
    const anon = await cli.ombud('finding', '--case', sagsnr, '--anonymised', '--out', 'anonym.pdf', '--db', app.databasePath);
    expect(anon.err).toBe('');
    expect(Buffer.compare(readFileSync(path.join(cli.dir, 'anonym.pdf')), anonBytes)).toBe(0);
  });
});

async function readFile(file: string | null): Promise<Buffer> {
  if (file === null) throw new Error('The download has no file.');
  return readFileSync(file);
}
