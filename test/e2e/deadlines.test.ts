/**
 * The acceptance test, through the real UI and the real backend with fixed clocks: an
 * adviser records a request to the forvaltning; two and a half weeks later (the same database
 * reopened with a later clock) it is Overskredet on the case page and listed under Overskredet in
 * Frister; the adviser extends it with a reason and sees the new date and the extension in
 * Beregning, then registers the answer and sees the frozen verdict. At intake the citizen's
 * klagefrist warning appears as soon as the decision's date and channel are given. The frist-beregner
 * shows the same date and explanation as the CLI's `ombud deadline --json`.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseInput, pointInput } from '../fixtures/cases';
import { REPO_ROOT, runAxe, seriousViolations, setupE2E } from './harness';
import { reopenAt } from './harness-clock';
import { CaseFormPage } from './pages/case-form-page';
import { CaseDeadlines, FristerPage, KlagefristIntake, RequestsSection } from './pages/deadlines';

const run = promisify(execFile);
const FRIDAY = '2025-03-14T09:00:00+01:00';
const LATER = '2025-04-02T09:00:00+02:00';

describe('deadlines, end to end', () => {
  const e2e = setupE2E();

  it('records a request, sees it go overdue, extends it, registers the answer, and warns about the klagefrist', async () => {
    let caseId = 0;
    const app = await e2e.open({
      now: FRIDAY,
      seed: async (call) => {
        const s = await call('settings:get', {});
        const social = s.forvaltninger.find((f) => f.name === 'Social')!.id;
        caseId = (await call('cases:create', { input: caseInput({ type: 'klage', summary: 'Manglende redegørelse', points: [pointInput({ forvaltningId: social })] }) })).id;
      },
    });
    await app.goto(`#/sager/${caseId}/anmodninger`);
    const form = new CaseFormPage(app.page);
    await form.waitForScreen('Henvendelse 2025-0001');

    // Friday 14.03.2025: the request goes to Social with the default 10 arbejdsdage.
    const requests = new RequestsSection(app.page);
    await requests.addButton.click();
    expect(await requests.newForm.getByLabel('Forvaltning', { exact: true }).locator('option:checked').textContent()).toBe('Social');
    await requests.newForm.getByRole('button', { name: 'Gem anmodning' }).click();
    await requests.notice('Anmodningen er registreret med frist 28.03.2025.').waitFor();
    const request = requests.request(/Redegørelse · Social/);
    expect(await request.textContent()).toContain('Afventer');
    expect(app.errors).toEqual([]);

    // Frister looks 14 days ahead: the request due 28.03.2025 is listed under "Næste 14 dage"; the
    // case has no adviser, so "Mine sager" shows nothing, and "Alle" brings it back.
    await app.page.keyboard.press('Alt+7');
    const ahead = new FristerPage(app.page);
    await ahead.waitForScreen(FristerPage.TITLE);
    await ahead.table('Næste 14 dage').getByRole('link', { name: '2025-0001' }).waitFor();
    expect(await ahead.table('Næste 14 dage').textContent()).toContain('28.03.2025');
    await ahead.adviserFilter.selectOption('mine');
    await app.page.getByText('Ingen frister de næste 14 dage.').waitFor();
    await ahead.adviserFilter.selectOption({ label: 'Alle' });
    await ahead.table('Næste 14 dage').getByRole('link', { name: '2025-0001' }).waitFor();

    // Wednesday 02.04.2025: the same database, a later clock.
    const later = await reopenAt(e2e, app, LATER, `#/sager/${caseId}/anmodninger`);
    await new CaseFormPage(later.page).waitForScreen('Henvendelse 2025-0001');
    const laterRequests = new RequestsSection(later.page);
    const overdue = laterRequests.request(/Redegørelse · Social/);
    await overdue.getByText('Overskredet', { exact: true }).waitFor();

    // Listed under Overskredet in Frister (Alt+7), linked to the case; the page is axe clean.
    await later.page.keyboard.press('Alt+7');
    const frister = new FristerPage(later.page);
    await frister.waitForScreen(FristerPage.TITLE);
    const overdueTable = frister.table('Overskredet');
    await overdueTable.getByRole('link', { name: '2025-0001' }).waitFor();
    expect(await overdueTable.textContent()).toContain('28.03.2025');
    expect(await frister.table('Pr. forvaltning').getByRole('row', { name: /Social/ }).textContent()).toMatch(/Social\s*1\s*1/);
    expect(seriousViolations(await runAxe(later.page))).toEqual([]);
    await overdueTable.getByRole('link', { name: '2025-0001' }).click();
    await new CaseFormPage(later.page).waitForScreen('Henvendelse 2025-0001');

    // Extend to a new date, with a reason; the new date and the extension show in Beregning.
    await laterRequests.action(overdue, 'Forlæng frist').click();
    const extend = laterRequests.actionForm('Forlæng frist');
    await extend.getByLabel('Ny frist', { exact: true }).fill('09.04.2025');
    await extend.getByLabel('Begrundelse', { exact: true }).fill('Forvaltningen venter på en lægeerklæring');
    await extend.getByRole('button', { name: 'Forlæng frist' }).click();
    await laterRequests.notice('Fristen er forlænget til 09.04.2025.').waitFor();
    const extended = laterRequests.request(/Redegørelse · Social/);
    expect(await extended.textContent()).toContain('Frist 09.04.2025');
    const lines = await laterRequests.openExplanation(extended);
    const stored = (await later.call('requests:for-case', { caseId }))[0]!;
    expect(lines).toEqual(stored.explanation.lines);
    expect(lines.join(' ')).toContain('Forvaltningen venter på en lægeerklæring');
    expect(lines.join(' ')).toContain('09.04.2025');

    // The answer arrives today: the verdict is frozen and shown.
    await laterRequests.action(extended, 'Registrér svar').click();
    await laterRequests.actionForm('Registrér svar').getByRole('button', { name: 'Registrér svar' }).click();
    await laterRequests.notice('Svaret er registreret.').waitFor();
    const answered = (await later.call('requests:for-case', { caseId }))[0]!;
    expect(answered).toMatchObject({ state: 'besvaret', answeredOn: '2025-04-02', verdict: { onTime: true } });
    await extended.getByText(`Besvaret rettidigt (${answered.verdict!.workingDaysUsed} arbejdsdage brugt)`).waitFor();
    expect(seriousViolations(await runAxe(later.page))).toEqual([]);

    // Intake: the klagefrist warning appears as soon as both fields are filled.
    await later.page.keyboard.press('Alt+2');
    const intakeForm = new CaseFormPage(later.page);
    await intakeForm.waitForScreen('Ny henvendelse');
    const intake = new KlagefristIntake(later.page);
    await intake.field('Afgørelsen blev meddelt den').fill('07.03.2025');
    expect(await intake.warning.count()).toBe(0);
    await intake.field('Hvordan').selectOption({ label: 'Digital Post' });
    const expected = await later.call('klagefrist:check', {
      notifiedOn: '2025-03-07', channel: 'digital_post', guidance: 'ukendt', basis: { kind: 'regel', ruleId: 'rsl-67-klagefrist' },
    });
    expect(expected).toMatchObject({ dueOn: '2025-04-04', state: 'snart' });
    await intake.warning.filter({ hasText: 'Borgerens klagefrist udløber 04.04.2025 (om 2 dage) – borgerrådgiveren kan ikke forlænge den' }).waitFor();

    await intakeForm.field('Borgerens navn').fill('Åse Ørsted');
    await intakeForm.field('Resumé').fill('Afslag på merudgifter');
    await intakeForm.pointField(1, 'Forvaltning').selectOption({ label: 'Social' });
    await intakeForm.saveButton.click();
    await intakeForm.waitForScreen('Henvendelse 2025-0002');
    // The case page's header says it on every section; the deadlines section has the banner with its Beregning.
    await later.page.getByRole('region', { name: 'Sagens hoved' }).getByRole('alert').filter({ hasText: 'Borgerens klagefrist udløber 04.04.2025' }).waitFor();
    await intakeForm.openSection('Anmodninger og frister');
    await new CaseDeadlines(later.page).warning.filter({ hasText: 'Borgerens klagefrist udløber 04.04.2025' }).waitFor();
    expect(seriousViolations(await runAxe(later.page))).toEqual([]);
    expect(later.errors).toEqual([]);
  });

  it('the frist-beregner shows the same due date and explanation as the CLI', async () => {
    const app = await e2e.open({ now: FRIDAY, hash: '#/frister' });
    const frister = new FristerPage(app.page);
    await frister.waitForScreen(FristerPage.TITLE);
    await frister.calculatorField('Fra dato').fill('26.05.2025');
    await frister.calculatorField('Antal').fill('7');
    await frister.calculatorField('Enhed').selectOption({ label: 'arbejdsdage' });
    await frister.calculatorField('Flyt til næste arbejdsdag, hvis fristen falder på en fridag').uncheck();
    await frister.calculator.getByRole('button', { name: 'Beregn frist' }).click();
    await frister.calculatorResult.getByText('Fristen udløber').waitFor();

    const { stdout } = await run(process.execPath, [
      path.join(REPO_ROOT, 'electron/cli/bin.mjs'), 'deadline', '--from', '2025-05-26', '--add', '7 arbejdsdage', '--profile', 'standard', '--owner', 'myndighed', '--json', '--db', app.databasePath,
    ], { cwd: REPO_ROOT });
    const cli = JSON.parse(stdout) as { due: string; dueDanish: string; explanation: { lines: string[] } };
    expect(cli.due).toBe('2025-06-06');
    expect(await frister.calculatorResult.textContent()).toBe(`Fristen udløber ${cli.dueDanish}`);
    expect(await frister.calculatorLines()).toEqual(cli.explanation.lines);
    expect(app.errors).toEqual([]);
  });
});
