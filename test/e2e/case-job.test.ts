/**
 * The adviser's whole job on one complaint, through the real UI and the real backend: a jobcenter
 * complaint taken at intake with four klagepunkter, five rules and the citizen's klagefrist; the
 * citizen's letter kept as an akt and the first call as a telefonnotat; a request to the forvaltning
 * answered with what it said and its statement as a file; a statutory deadline; a henstilling; the klagefrist due in a few days
 * seen on Frister; the assessment; and closing the case with what is still open listed and
 * acknowledged. Afterwards the case is gone from Frister and the database holds all of it.
 *
 * Steps are counted in the page: each click, each choice in a list, and each command key (Enter,
 * Escape, arrows, Ctrl/Alt shortcuts). Typing text is not a step. Before the case page became a
 * workspace the same job took about 65 clicks; it must take fewer.
 */
import { describe, expect, it } from 'vitest';
import { letterPdf } from '../../shared/demo/letter-files';
import type { InputOf } from '../../shared/ipc/contract';
import { ruleHeading } from '../../renderer/src/features/rules/rule-text';
import { runAxe, seriousViolations, setupE2E, type TestApp } from './harness';
import { CaseFormPage } from './pages/case-form-page';
import { FristerPage, KlagefristIntake, RequestsSection } from './pages/deadlines';
import { PointAssessment } from './pages/point-assessment';
import { RecommendationsSection } from './pages/recommendations-section';

const FRIDAY = '2025-03-14T09:00:00+01:00';
const BEFORE_WORKSPACE_STEPS = 65;

/** Count the adviser's steps from now on (see the header). */
async function countSteps(app: TestApp): Promise<() => Promise<number>> {
  await app.page.evaluate(() => {
    const w = window as unknown as { __steps: number };
    w.__steps = 0;
    const count = (e: Event) => { if (e.isTrusted) w.__steps += 1; };
    window.addEventListener('click', count, true);
    window.addEventListener('change', (e) => { if (e.target instanceof HTMLSelectElement) count(e); }, true);
    window.addEventListener('keydown', (e) => {
      const command = e.ctrlKey || e.altKey || e.metaKey || ['Enter', 'Escape', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key);
      if (command && !['Control', 'Alt', 'Shift', 'Meta'].includes(e.key)) count(e);
    }, true);
  });
  return () => app.page.evaluate(() => (window as unknown as { __steps: number }).__steps);
}

describe('the case workspace, end to end', () => {
  const e2e = setupE2E();

  it('takes a complaint from intake to closing in fewer steps than before', async () => {
    const app = await e2e.open({ now: FRIDAY, hash: '#/ny' });
    const page = app.page;
    const steps = await countSteps(app);
    const heading = async (id: string) => ruleHeading((await app.call('rules:get', { id })).rule);
    const partshoering = await heading('fvl-19-partshoering');
    const begrundelse = await heading('fvl-22-begrundelse');
    const notatpligt = await heading('ofl-13-notatpligt');
    const vejledning = await heading('fvl-7-1-vejledning');
    const klagevejledning = await heading('fvl-25-klagevejledning');

    // Intake: the citizen, the decision's notice (the klagefrist runs to 18.03.2025) and four klagepunkter.
    const form = new CaseFormPage(page);
    await form.waitForScreen('Ny henvendelse');
    await page.keyboard.type('Şükrü Ærenlund');
    await form.field('CPR-nummer').fill('010280-1234');
    await form.field('Resumé').fill('Jobcentret aflyste et møde uden at sige det og svarede ikke på opkald');
    const notice = new KlagefristIntake(page);
    await notice.field('Afgørelsen blev meddelt den').fill('18.02.2025');
    await notice.field('Hvordan').selectOption({ label: 'Digital Post' });
    await notice.warning.filter({ hasText: 'Borgerens klagefrist udløber 18.03.2025 (om 4 dage)' }).waitFor();

    const points: ReadonlyArray<{ text: string; rules: ReadonlyArray<[string, string]> }> = [
      { text: 'Mødet blev aflyst, uden at borgeren fik besked.', rules: [['notatpligt', notatpligt]] },
      { text: 'Afgørelsen om sygedagpenge kom uden partshøring.', rules: [['partshøring', partshoering], ['begrundelse', begrundelse]] },
      { text: 'Den lovede lægeattest blev aldrig indhentet.', rules: [['vejledningspligt', vejledning]] },
      { text: 'Afgørelsen manglede klagevejledning.', rules: [['klagevejledning', klagevejledning]] },
    ];
    for (const [i, p] of points.entries()) {
      if (i > 0) await page.keyboard.press('Alt+k');
      await form.pointField(i + 1, 'Forvaltning').selectOption({ label: 'Beskæftigelse' });
      await form.pointField(i + 1, 'Beskrivelse af klagepunktet').fill(p.text);
      const assessment = new PointAssessment(page, i + 1);
      for (const [search, name] of p.rules) {
        await assessment.addByPicker(search, new RegExp(`^${escapeRegExp(name)}`));
        await assessment.linked(name).waitFor();
      }
    }
    await page.keyboard.press('Control+s');
    await form.waitForScreen('Henvendelse 2025-0001');
    const caseId = (await app.call('cases:list', listQuery('Ærenlund'))).rows[0]!.id;
    const header = page.getByRole('region', { name: 'Sagens hoved' });
    expect(await header.textContent()).toContain('010280-••••');
    await header.getByText('Borgerens klagefrist udløber 18.03.2025').waitFor();
    expect(seriousViolations(await runAxe(page))).toEqual([]);

    // Akter og journal: the citizen's letter as a PDF, and a note of the first call.
    await page.keyboard.press('Alt+Shift+4');
    const records = page.getByRole('region', { name: 'Akter og journal' });
    const chooser = page.waitForEvent('filechooser');
    await records.getByRole('button', { name: 'Tilføj akt …' }).click();
    await (await chooser).setFiles({
      name: 'Klage_fra_borgeren.pdf', mimeType: 'application/pdf',
      buffer: Buffer.from(letterPdf(['Klage over jobcentret', '', 'Mødet den 3. februar blev aflyst, og ingen gav mig besked.'])),
    });
    const akt = records.getByRole('form', { name: 'Ny akt: Klage_fra_borgeren.pdf' });
    await akt.getByLabel('Afsender/modtager').fill('Şükrü Ærenlund');
    await akt.getByRole('button', { name: 'Gem akt' }).click();
    await records.getByText('Akten «Klage fra borgeren» er gemt.').waitFor();
    await records.getByRole('button', { name: /^Skriv notat/ }).click();
    const note = records.getByRole('form', { name: /notat/i });
    await note.getByLabel('Art', { exact: true }).selectOption({ label: 'Telefonnotat' });
    await note.getByLabel('Tekst', { exact: true }).fill('Borgeren ringede og fortalte om det aflyste møde. Lovede at sende brevet.');
    await note.getByRole('button', { name: 'Gem notat' }).click();
    await records.getByText('Borgeren ringede og fortalte om det aflyste møde.', { exact: false }).waitFor();
    expect(seriousViolations(await runAxe(page))).toEqual([]);

    // Anmodninger og frister: a request for a statement, its answer, and a statutory deadline.
    await page.keyboard.press('Alt+Shift+5');
    const requests = new RequestsSection(page);
    await requests.addButton.click();
    await requests.newForm.getByRole('button', { name: 'Gem anmodning' }).click();
    await requests.notice('Anmodningen er registreret med frist 28.03.2025.').waitFor();
    expect((await app.call('cases:get', { id: caseId })).status).toBe('afventer_forvaltningen');
    const request = requests.request(/Redegørelse · Beskæftigelse/);
    await requests.action(request, 'Registrér svar').click();
    const answer = requests.actionForm('Registrér svar');
    await answer.getByLabel('Resumé af forvaltningens svar').fill('Jobcentret erkender, at borgeren ikke fik besked om aflysningen, og har beklaget.');
    await answer.getByLabel(/^Klagepunkt 1\b/).selectOption({ label: 'Ja' });
    await answer.getByLabel('Forvaltningens svar som fil').setInputFiles({
      name: 'Redegørelse fra jobcentret.pdf', mimeType: 'application/pdf',
      buffer: Buffer.from(letterPdf(['Redegørelse', '', 'Jobcentret beklager, at borgeren ikke fik besked om aflysningen.'])),
    });
    await answer.getByRole('button', { name: 'Registrér svar' }).click();
    await requests.notice('Svaret er registreret.').waitFor();

    const statutory = page.getByRole('region', { name: 'Lovbestemte frister' });
    await statutory.getByRole('button', { name: 'Tilføj lovbestemt frist' }).click();
    const deadline = statutory.getByRole('form', { name: 'Ny lovbestemt frist' });
    await deadline.getByLabel('Klagepunkt', { exact: true }).selectOption({ index: 2 });
    const offered = await deadline.getByLabel('Lovbestemt frist', { exact: true }).locator('option').allTextContents();
    await deadline.getByLabel('Lovbestemt frist', { exact: true }).selectOption({ label: offered.find((o) => o.trim() !== '' && !o.startsWith('Vælg'))! });
    await deadline.getByLabel('Fristen løber fra', { exact: true }).fill('14.03.2025');
    await deadline.getByRole('button', { name: 'Gem frist' }).click();
    await statutory.getByRole('list', { name: 'Lovbestemte frister' }).getByRole('listitem').first().waitFor();
    expect(seriousViolations(await runAxe(page))).toEqual([]);

    // Henstillinger: one, with a follow-up date.
    await page.keyboard.press('Alt+Shift+6');
    const henstilling = new RecommendationsSection(page);
    await henstilling.addButton.click();
    await henstilling.field('Henstilling').fill('Jobcentret bør give borgeren besked, når et møde aflyses.');
    await henstilling.field('Opfølgningsdato').fill('01.06.2025');
    await henstilling.saveButton.click();
    await henstilling.list.getByText('Jobcentret bør give borgeren besked').waitFor();

    // Frister: the klagefrist due in four days is listed among the next 14 days; back to the case.
    await page.keyboard.press('Alt+7');
    const frister = new FristerPage(page);
    await frister.waitForScreen(FristerPage.TITLE);
    const ahead = frister.table('Næste 14 dage');
    await ahead.getByRole('row', { name: /18\.03\.2025/ }).getByRole('link', { name: '2025-0001' }).click();
    await form.waitForScreen('Henvendelse 2025-0001');

    // Klagepunkter: the assessment. Klagepunkt 4 keeps no outcome, and klagepunkt 1 says "Ingen
    // kritik" while its rule is "Ikke overholdt" – both must be caught when closing.
    await page.keyboard.press('Alt+Shift+2');
    await page.getByRole('tabpanel', { name: 'Klagepunkter' }).waitFor();
    await page.keyboard.press('r');
    await form.saveButton.waitFor();
    const assess = async (n: number, rule: string, verdict: string, outcome: string | null) => {
      const p = new PointAssessment(page, n);
      await p.assess(rule, verdict, 'Fremgår af sagens akter og forvaltningens svar.');
      if (outcome) await p.field('Udfald').selectOption({ label: outcome });
    };
    await assess(1, notatpligt, 'Ikke overholdt', 'Ingen kritik');
    await assess(2, partshoering, 'Ikke overholdt', 'Kritisabelt');
    await assess(2, begrundelse, 'Overholdt', null);
    await assess(3, vejledning, 'Ikke overholdt', 'Meget kritisabelt');
    await assess(4, klagevejledning, 'Ikke overholdt', null);
    await page.keyboard.press('Control+s');
    await page.getByRole('status').filter({ hasText: 'Ændringerne er gemt' }).waitFor();

    // Closing: what is still open is listed; the adviser acknowledges it and closes.
    await header.getByRole('button', { name: 'Luk sagen' }).click();
    const closing = page.getByRole('region', { name: /åbent|åbne|Luk/i }).filter({ has: page.getByRole('button', { name: /Luk alligevel/ }) });
    const listed = await closing.textContent();
    expect(listed).toMatch(/Klagepunkt 4/);
    expect(listed).toMatch(/Ingen kritik/);
    expect(listed).toMatch(/henstilling/i);
    expect(listed).toMatch(/lovbestemt|frist/i);
    expect(seriousViolations(await runAxe(page))).toEqual([]);
    await closing.getByRole('button', { name: /Luk alligevel/ }).click();
    await header.getByText('Afsluttet').waitFor();

    const taken = await steps();
    console.log(`Hele sagen fra modtagelse til lukning: ${taken} trin (før arbejdsområdet: ca. ${BEFORE_WORKSPACE_STEPS}).`);
    expect(taken).toBeLessThan(BEFORE_WORKSPACE_STEPS);

    // The database holds the job; the closed case has left Frister.
    const stored = await app.call('cases:get', { id: caseId });
    expect(stored).toMatchObject({ status: 'afsluttet', citizen: { name: 'Şükrü Ærenlund' } });
    expect(stored.points.map((p) => p.outcome)).toEqual(['ingen_kritik', 'kritik', 'alvorlig_kritik', null]);
    expect(stored.points.flatMap((p) => p.rules)).toHaveLength(5);
    const [answered] = await app.call('requests:for-case', { caseId });
    expect(answered).toMatchObject({ state: 'besvaret', answerSummary: expect.stringContaining('erkender') });
    // The citizen's letter, and the statement kept with the answer.
    const documents = await app.call('documents:list', { caseId });
    expect(documents).toHaveLength(2);
    expect(documents).toEqual(expect.arrayContaining([
      expect.objectContaining({ title: 'Klage fra borgeren', direction: 'ind', requestId: null }),
      expect.objectContaining({ title: 'Redegørelse fra jobcentret', direction: 'ind', party: 'Beskæftigelse', requestId: answered!.id }),
    ]));
    expect(await app.call('journal:list', { caseId })).toMatchObject([{ kind: 'telefonnotat' }]);
    await page.keyboard.press('Alt+7');
    await frister.waitForScreen(FristerPage.TITLE);
    expect(await page.getByRole('link', { name: '2025-0001' }).count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function listQuery(search: string): InputOf<'cases:list'> {
  return { search, statuses: [], types: [], forvaltningId: null, themeId: null, receivedFrom: null, receivedTo: null, sort: 'receivedOn', direction: 'desc', offset: 0, limit: 10 };
}
