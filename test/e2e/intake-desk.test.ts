/**
 * The intake desk through the real UI and the real backend: take a henvendelse by keyboard during
 * a phone call, find it again, edit it, and import a spreadsheet — each checked in the database too.
 */
import { describe, expect, it } from 'vitest';
import { caseInput, pointInput } from '../fixtures/cases';
import { runAxe, seriousViolations, setupE2E, type TestApp } from './harness';
import { CaseFormPage } from './pages/case-form-page';
import { CaseListPage } from './pages/case-list-page';
import { ImportPage } from './pages/import-page';

async function forvaltningId(app: TestApp, name: string): Promise<number> {
  const s = await app.call('settings:get', {});
  const f = s.forvaltninger.find((x) => x.name === name);
  if (!f) throw new Error(`forvaltningen ${name} findes ikke i standardopsætningen`);
  return f.id;
}

describe('the intake desk, end to end', () => {
  const e2e = setupE2E();

  it('creates a henvendelse from the keyboard, with a CPR error shown next to the field first', async () => {
    const app = await e2e.open({ hash: '#/ny' });
    const form = new CaseFormPage(app.page);
    await form.waitForScreen('Ny henvendelse');
    // The citizen's name has focus on arrival: the adviser can start typing while the citizen talks.
    await app.page.keyboard.type('Birthe Ærenlund');
    await form.field('CPR-nummer').fill('310299-1234');
    await form.field('Resumé').fill('Mødet i jobcentret blev aflyst uden besked');
    await form.pointField(1, 'Forvaltning').selectOption({ label: 'Beskæftigelse' });
    await form.pointField(1, 'Afdeling').selectOption({ label: 'Jobcenter' });
    await form.point(1).getByRole('checkbox', { name: 'Aflyste møder' }).check();
    await form.pointField(1, 'Beskrivelse af klagepunktet').fill('Borgeren mødte op til et møde, der var aflyst.');
    await app.page.keyboard.press('Control+s');

    await expect.poll(() => form.errorOf('CPR-nummer')).toContain('ikke en gyldig dato');
    expect(await form.field('Borgerens navn').inputValue()).toBe('Birthe Ærenlund');

    await form.field('CPR-nummer').fill('010280-1234');
    await app.page.keyboard.press('Control+s');
    await form.waitForScreen('Henvendelse 2025-0001');

    const list = await app.call('cases:list', { search: 'Ærenlund', statuses: [], types: [], forvaltningId: null, themeId: null, receivedFrom: null, receivedTo: null, sort: 'receivedOn', direction: 'desc', offset: 0, limit: 10 });
    expect(list.total).toBe(1);
    const stored = await app.call('cases:get', { id: list.rows[0]!.id });
    expect(stored).toMatchObject({
      sagsnr: '2025-0001', receivedOn: '2025-03-14', type: 'klage', status: 'modtaget',
      citizen: { name: 'Birthe Ærenlund', cprMasked: '010280-••••' },
      summary: 'Mødet i jobcentret blev aflyst uden besked',
    });
    expect(stored.points).toHaveLength(1);
    expect(stored.points[0]!.forvaltningId).toBe(await forvaltningId(app, 'Beskæftigelse'));
    expect(stored.points[0]!.themeIds).toHaveLength(1);
    expect(seriousViolations(await runAxe(app.page))).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('finds henvendelser by searching as you type (case-insensitive æøå) and by filter, and opens one with Enter', async () => {
    const app = await e2e.open({
      seed: async (call) => {
        const s = await call('settings:get', {});
        const teknik = s.forvaltninger.find((f) => f.name === 'Teknik og Miljø')!.id;
        const social = s.forvaltninger.find((f) => f.name === 'Social')!.id;
        await call('cases:create', { input: caseInput({ type: 'klage', summary: 'Byggesag trækker ud', citizen: { name: 'Åse Møller', address: '', phone: '', email: '', cpr: null }, points: [pointInput({ forvaltningId: teknik })] }) });
        await call('cases:create', { input: caseInput({ type: 'klage', summary: 'Hjælpemiddel ikke leveret', citizen: { name: 'Jørgen Østergaard', address: '', phone: '', email: '', cpr: null }, points: [pointInput({ forvaltningId: social })] }) });
        await call('cases:create', { input: caseInput({ summary: 'Spørgsmål om aktindsigt', citizen: { name: 'Karen Holm', address: '', phone: '', email: '', cpr: null } }) });
      },
    });
    const list = new CaseListPage(app.page);
    await list.waitForLoaded();
    await expect.poll(() => list.resultCount.textContent()).toBe('3 henvendelser');

    // "/" focuses the search; a prefix in lower case finds the upper-case Ø.
    await app.page.keyboard.press('/');
    await app.page.keyboard.type('øster');
    await expect.poll(() => list.resultCount.textContent()).toBe('1 henvendelse');
    await list.row('Jørgen Østergaard').waitFor();

    await list.search.fill('');
    await expect.poll(() => list.resultCount.textContent()).toBe('3 henvendelser');
    await app.page.getByLabel('Forvaltning', { exact: true }).selectOption({ label: 'Teknik og Miljø' });
    await expect.poll(() => list.resultCount.textContent()).toBe('1 henvendelse');
    await list.row('Åse Møller').waitFor();

    await list.grid.focus();
    await app.page.keyboard.press('Enter');
    await list.waitForScreen(/^Henvendelse 2025-000\d$/);
    expect(await app.page.getByRole('tabpanel', { name: 'Overblik' }).textContent()).toContain('Byggesag trækker ud');
    expect(app.errors).toEqual([]);
  });

  it('edits a henvendelse on its case page, and the history shows who changed what', async () => {
    let id = 0;
    const app = await e2e.open({
      seed: async (call) => {
        await call('catalog:add', { kind: 'adviser', name: 'Mette Borgerrådgiver', parentId: null, initials: 'MB', email: '' });
        const s = await call('settings:get', {});
        await call('settings:set-current-adviser', { adviserId: s.advisers.find((a) => a.name === 'Mette Borgerrådgiver')!.id });
        const social = s.forvaltninger.find((f) => f.name === 'Social')!.id;
        id = (await call('cases:create', { input: caseInput({ type: 'klage', summary: 'Ingen svar på mails', points: [pointInput({ forvaltningId: social })] }) })).id;
      },
    });
    await app.goto(`#/sager/${id}/henvendelsen`);
    const form = new CaseFormPage(app.page);
    await form.waitForScreen('Henvendelse 2025-0001');
    await form.edit();
    await form.field('Status').selectOption({ label: 'Under behandling' });
    await form.saveButton.click();
    await app.page.getByRole('status').filter({ hasText: 'Ændringerne er gemt' }).waitFor();
    // The header says the adviser set the status.
    await app.page.getByRole('region', { name: 'Sagens hoved' }).getByText('sat af rådgiveren').waitFor();

    await form.openSection('Klagepunkter');
    await form.edit();
    await app.page.getByRole('button', { name: 'Tilføj klagepunkt' }).click();
    await form.pointField(2, 'Forvaltning').selectOption({ label: 'Borgerservice' });
    await form.pointField(2, 'Beskrivelse af klagepunktet').fill('Telefonen blev ikke taget i tre uger.');
    await form.saveButton.click();
    await app.page.getByRole('status').filter({ hasText: 'Ændringerne er gemt' }).waitFor();

    const stored = await app.call('cases:get', { id });
    expect(stored.status).toBe('under_behandling');
    expect(stored.points).toHaveLength(2);
    expect(stored.version).toBe(3);

    await form.openSection('Historik');
    const history = app.page.getByRole('region', { name: 'Historik' });
    await history.getByText('Mette Borgerrådgiver').first().waitFor();
    await expect.poll(() => history.textContent()).toMatch(/Modtaget\s*→\s*Under behandling/);
    expect(seriousViolations(await runAxe(app.page))).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('imports a CSV all or nothing: a dry run reports the bad line, the corrected file is imported with progress', async () => {
    const app = await e2e.open({ hash: '#/import' });
    const page = new ImportPage(app.page);
    await page.waitForScreen(ImportPage.TITLE);
    const header = 'sagsnr;modtaget;type;kanal;borger_navn;forvaltning;afdeling;tema;beskrivelse;udfald';
    const bad = [header,
      '2024-0101;03.02.2024;klage;telefon;Ib Ærø;Beskæftigelse;Jobcenter;Aflyste møder;Mødet blev aflyst;kritik',
      '2024-0101;03.02.2024;klage;telefon;Ib Ærø;Beskæftigelse;Ydelsescenter;Sagsbehandlingstid;Svar kom ikke;',
      '2024-0102;31.02.2024;klage;brev;Ole Bøg;Social;;Manglende svar;Ingen svar;',
    ].join('\n');
    await page.chooseFile('sager.csv', bad);
    await page.dryRunButton.click();
    await page.reportHeading('Prøvekørslen fandt fejl').waitFor();
    await expect.poll(() => page.errorList.textContent()).toContain('linje 4, kolonne modtaget');
    expect((await app.call('cases:list', { search: '', statuses: [], types: [], forvaltningId: null, themeId: null, receivedFrom: null, receivedTo: null, sort: 'receivedOn', direction: 'desc', offset: 0, limit: 10 })).total).toBe(0);

    await page.chooseFile('sager.csv', bad.replace('31.02.2024', '28.02.2024') + '\n2024-0103;2024-03-01;vejledning;e-mail;Lis Ås;;;;;\n');
    await page.importButton.click();
    await page.reportHeading('Importen er gennemført').waitFor();
    expect(await page.progress.getAttribute('value')).toBe(await page.progress.getAttribute('max'));
    await expect.poll(() => app.page.getByRole('main').textContent()).toMatch(/Henvendelser\s*3 blev importeret\s*Klagepunkter\s*3/);

    await page.openFromMenu(/^Sager/);
    const list = new CaseListPage(app.page);
    await list.waitForLoaded();
    await expect.poll(() => list.resultCount.textContent()).toBe('3 henvendelser');
    await list.row('2024-0101').waitFor();
    const found = await app.call('cases:list', { search: '2024-0101', statuses: [], types: [], forvaltningId: null, themeId: null, receivedFrom: null, receivedTo: null, sort: 'receivedOn', direction: 'desc', offset: 0, limit: 10 });
    expect(found.rows[0]!.pointCount).toBe(2);
    expect(app.errors).toEqual([]);
  });
});
