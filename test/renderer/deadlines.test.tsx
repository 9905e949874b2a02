/**
 * The deadline UI against the real backend (fixed clock: Friday 14.03.2025): requests on the case
 * page through their whole life, the citizen's klagefrist at intake, Kalender og frister, the
 * Frister overview and the Beregning disclosure.
 */
import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { deadlineInWords, deadlineShort } from '../../renderer/src/features/rules/rule-text';
import { createCase, type RealApi } from './real-api';
import { showSection } from './case-workspace-helpers';
import { freshBackend, renderAt } from './render-app';
import { forvaltningId } from './rule-fixtures';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => { real.close(); });

const TEN_WORKING_DAYS = { amount: 10, unit: 'arbejdsdage', rollForward: true, profile: 'standard' } as const;

async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a request is recorded on the case page, reminded, extended with a reason, and answered with a frozen verdict', async () => {
  const social = await forvaltningId(real, 'Social');
  const created = await createCase(real, { points: [{ forvaltningId: social, afdelingId: null, themeIds: [], description: '', outcome: null }] });
  const { user } = renderAt(`#/sager/${created.id}/anmodninger`);
  const section = await screen.findByRole('region', { name: 'Anmodninger til forvaltningen' });
  await within(section).findByText('Der er ikke sendt anmodninger til forvaltningen.');

  await user.click(within(section).getByRole('button', { name: 'Registrér anmodning' }));
  const form = within(section).getByRole('form', { name: 'Ny anmodning' });
  expect(within(form).getByLabelText('Forvaltning')).toHaveDisplayValue('Social');
  expect(within(form).getByLabelText('Sendt den')).toHaveValue('14.03.2025');
  await user.click(within(form).getByLabelText('Anden frist'));
  await user.clear(within(form).getByLabelText('Antal'));
  await user.type(within(form).getByLabelText('Antal'), '10');
  await user.click(within(form).getByRole('button', { name: 'Gem anmodning' }));
  expect(await within(section).findByText('Anmodningen er registreret med frist 28.03.2025.')).toBeInTheDocument();
  expect(within(section).getByRole('button', { name: 'Registrér anmodning' })).toHaveFocus();

  const item = within(section).getByRole('article', { name: /Redegørelse · Social/ });
  expect(item).toHaveTextContent('Frist 28.03.2025 (10 arbejdsdage)');
  expect(item).toHaveTextContent(/Afventer|Snart/);

  // Beregning: the engine's sentences, hidden until asked for.
  const [stored] = await real.call('requests:for-case', { caseId: created.id });
  const beregning = within(item).getByRole('button', { name: /^Beregning/ });
  expect(beregning).toHaveAttribute('aria-expanded', 'false');
  await user.click(beregning);
  expect(beregning).toHaveAttribute('aria-expanded', 'true');
  const lines = within(item).getByRole('list', { name: /^Beregning af/ });
  expect(within(lines).getAllByRole('listitem').map((li) => li.textContent)).toEqual(stored?.explanation.lines);

  await user.click(within(item).getByRole('button', { name: /^Send rykker 1/ }));
  // The rykker's text to copy: the forvaltning, the sagsnr, what was asked and when, the svarfrist in letter form.
  const letter = within(item).getByLabelText('Rykkerbrev');
  expect((letter as HTMLTextAreaElement).value).toContain(`Den 14. marts 2025 bad borgerrådgiveren Social om en redegørelse i sag ${created.sagsnr} med svarfrist den 28. marts 2025.`);
  await user.click(within(item).getByRole('button', { name: 'Kopiér tekst' }));
  expect(await within(item).findByText(/Teksten er (kopieret|markeret)/)).toBeInTheDocument();
  expect(await axeViolations()).toEqual([]);
  await user.click(within(item).getByRole('button', { name: 'Send rykker 1' }));
  expect(await within(section).findByText('Rykker 1 er registreret.')).toBeInTheDocument();
  expect(within(section).getByRole('list', { name: /^Forløb/ })).toHaveTextContent('Rykker 1 sendt 14.03.2025');
  expect(within(section).getByRole('button', { name: /^Send rykker 2/ })).toBeInTheDocument();

  await user.click(within(section).getByRole('button', { name: /^Forlæng frist/ }));
  const extend = within(section).getByRole('form', { name: 'Forlæng frist' });
  await user.click(within(extend).getByLabelText('Forlæng med'));
  await user.type(within(extend).getByLabelText('Antal'), '5');
  await user.click(within(extend).getByRole('button', { name: 'Forlæng frist' }));
  expect(within(extend).getByLabelText('Begrundelse')).toHaveAccessibleDescription('Skriv begrundelsen.');
  await user.type(within(extend).getByLabelText('Begrundelse'), 'Forvaltningen har bedt om mere tid');
  await user.click(within(extend).getByRole('button', { name: 'Forlæng frist' }));
  expect(await within(section).findByText('Fristen er forlænget til 04.04.2025.')).toBeInTheDocument();
  const extended = within(section).getByRole('article', { name: /Redegørelse · Social/ });
  expect(extended).toHaveTextContent('Frist 04.04.2025');
  // The Beregning opened above stays open and now includes the extension.
  expect(within(extended).getByRole('button', { name: /^Beregning/ })).toHaveAttribute('aria-expanded', 'true');
  expect(within(extended).getByRole('list', { name: /^Beregning af/ })).toHaveTextContent('Forvaltningen har bedt om mere tid');

  await user.click(within(section).getByRole('button', { name: /^Registrér svar/ }));
  const answer = within(section).getByRole('form', { name: 'Registrér svar' });
  expect(within(answer).getByLabelText('Svar modtaget den')).toHaveValue('14.03.2025');
  await user.click(within(answer).getByRole('button', { name: 'Registrér svar' }));
  expect(await within(section).findByText('Svaret er registreret.')).toBeInTheDocument();
  const answered = within(section).getByRole('article', { name: /Redegørelse · Social/ });
  expect(answered).toHaveTextContent('Besvaret');
  expect(answered).toHaveTextContent(/Besvaret rettidigt/);
  expect(within(answered).queryByRole('button', { name: /^Send rykker/ })).not.toBeInTheDocument();
  expect((await real.call('requests:for-case', { caseId: created.id }))[0]).toMatchObject({ state: 'besvaret', answeredOn: '2025-03-14', dueOn: '2025-04-04' });
  expect(await axeViolations()).toEqual([]);
});

test('an answer is recorded with a summary and, per klagepunkt of the forvaltning, whether it agrees an error was made', async () => {
  const social = await forvaltningId(real, 'Social');
  const besk = await forvaltningId(real, 'Beskæftigelse');
  const created = await createCase(real, {
    points: [
      { forvaltningId: social, afdelingId: null, themeIds: [], description: 'Ikke partshørt før afslaget', outcome: null },
      { forvaltningId: besk, afdelingId: null, themeIds: [], description: 'Lang sagsbehandlingstid', outcome: null },
    ],
  });
  await real.call('requests:create', { input: { caseId: created.id, forvaltningId: social, kind: 'redegoerelse', sentOn: '2025-03-10', spec: TEN_WORKING_DAYS, note: '' } });
  const { user } = renderAt(`#/sager/${created.id}/anmodninger`);
  const section = await screen.findByRole('region', { name: 'Anmodninger til forvaltningen' });
  await user.click(await within(section).findByRole('button', { name: /^Registrér svar/ }));
  const answer = within(section).getByRole('form', { name: 'Registrér svar' });
  // Only the klagepunkter of the request's forvaltning, by their labels, starting from what they say now.
  const agreed = within(answer).getByRole('group', { name: 'Erkender forvaltningen fejl?' });
  expect(within(agreed).getAllByRole('combobox')).toHaveLength(1);
  const first = within(agreed).getByLabelText('Klagepunkt 1 – Social: Ikke partshørt før afslaget');
  expect(first).toHaveDisplayValue('Ukendt');
  await user.type(within(answer).getByLabelText('Resumé af forvaltningens svar'), 'Forvaltningen erkender, at partshøring manglede.');
  await user.selectOptions(first, 'Ja');
  expect(await axeViolations()).toEqual([]);
  await user.click(within(answer).getByRole('button', { name: 'Registrér svar' }));
  expect(await within(section).findByText('Svaret er registreret.')).toBeInTheDocument();

  const answered = within(section).getByRole('article', { name: /Redegørelse · Social/ });
  expect(answered).toHaveTextContent('Forvaltningens svar');
  expect(answered).toHaveTextContent('Forvaltningen erkender, at partshøring manglede.');
  // The klagepunkt itself now says so, and the case form (without edits) shows it at once.
  const stored = await real.call('cases:get', { id: created.id });
  expect(stored.points.map((p) => p.forvaltningAgreed)).toEqual([true, null]);
  const points = await showSection(user, 'Klagepunkter');
  await waitFor(() => expect(within(points).getByRole('article', { name: /^Klagepunkt 1/ })).toHaveTextContent('Forvaltningen erkendte fejlja'));
  expect(within(points).getByRole('article', { name: /^Klagepunkt 2/ })).toHaveTextContent('Forvaltningen erkendte fejlukendt');
});

test('a request can take a fixed due date instead of a count', async () => {
  const created = await createCase(real);
  const { user } = renderAt(`#/sager/${created.id}/anmodninger`);
  const section = await screen.findByRole('region', { name: 'Anmodninger til forvaltningen' });
  await user.click(await within(section).findByRole('button', { name: 'Registrér anmodning' }));
  const form = within(section).getByRole('form', { name: 'Ny anmodning' });
  await user.click(within(form).getByLabelText('Fast dato'));
  await user.click(within(form).getByRole('button', { name: 'Gem anmodning' }));
  expect(within(form).getByLabelText('Svarfrist den')).toHaveAccessibleDescription(/Skriv svarfristens dato\./);
  await user.type(within(form).getByLabelText('Svarfrist den'), '04.04.2025');
  await user.click(within(form).getByRole('button', { name: 'Gem anmodning' }));
  expect(await within(section).findByText('Anmodningen er registreret med frist 04.04.2025.')).toBeInTheDocument();
  expect(within(section).getByRole('article', { name: /Redegørelse/ })).toHaveTextContent('Frist 04.04.2025 (fast dato)');
  expect((await real.call('requests:for-case', { caseId: created.id }))[0]).toMatchObject({ explicitDue: '2025-04-04', dueOn: '2025-04-04' });
});

test('a request names the klagepunkter it concerns, by default those of the chosen forvaltning', async () => {
  const social = await forvaltningId(real, 'Social');
  const besk = await forvaltningId(real, 'Beskæftigelse');
  const created = await createCase(real, {
    points: [
      { forvaltningId: social, afdelingId: null, themeIds: [], description: 'Ikke partshørt', outcome: null },
      { forvaltningId: besk, afdelingId: null, themeIds: [], description: 'Lang sagsbehandlingstid', outcome: null },
    ],
  });
  const { user } = renderAt(`#/sager/${created.id}/anmodninger`);
  const section = await screen.findByRole('region', { name: 'Anmodninger til forvaltningen' });
  await user.click(await within(section).findByRole('button', { name: 'Registrér anmodning' }));
  const form = within(section).getByRole('form', { name: 'Ny anmodning' });
  const first = within(form).getByLabelText('Klagepunkt 1 – Social: Ikke partshørt');
  const second = within(form).getByLabelText('Klagepunkt 2 – Beskæftigelse: Lang sagsbehandlingstid');
  expect(first).toBeChecked();
  expect(second).not.toBeChecked();
  await user.selectOptions(within(form).getByLabelText('Forvaltning'), 'Beskæftigelse');
  expect(first).not.toBeChecked();
  expect(second).toBeChecked();
  expect(await axeViolations()).toEqual([]);
  await user.click(within(form).getByRole('button', { name: 'Gem anmodning' }));
  await within(section).findByText(/Anmodningen er registreret/);
  expect(within(section).getByRole('article', { name: /Redegørelse · Beskæftigelse/ })).toHaveTextContent('Angår klagepunkt 2');
  const stored = await real.call('cases:get', { id: created.id });
  expect((await real.call('requests:for-case', { caseId: created.id }))[0]?.pointIds).toEqual([stored.points[1]?.id]);
});

test('a late answer shows how late it was, and a request can be closed without an answer', async () => {
  const created = await createCase(real, { receivedOn: '2025-02-03' });
  const f = created.points[0]!.forvaltningId!;
  await real.call('requests:create', { input: { caseId: created.id, forvaltningId: f, kind: 'akter', sentOn: '2025-02-10', spec: TEN_WORKING_DAYS, note: '' } });
  await real.call('requests:create', { input: { caseId: created.id, forvaltningId: f, kind: 'udtalelse', sentOn: '2025-02-10', spec: TEN_WORKING_DAYS, note: '' } });
  const { user } = renderAt(`#/sager/${created.id}/anmodninger`);
  const section = await screen.findByRole('region', { name: 'Anmodninger til forvaltningen' });
  const akter = await within(section).findByRole('article', { name: /Sagens akter/ });
  expect(akter).toHaveTextContent(/Overskredet|Længe overskredet/);
  expect(akter).toHaveTextContent('Frist 24.02.2025');

  await user.click(within(akter).getByRole('button', { name: /^Registrér svar/ }));
  await user.click(within(section).getByRole('button', { name: 'Registrér svar' }));
  await within(section).findByText('Svaret er registreret.');
  const verdict = (await real.call('requests:for-case', { caseId: created.id })).find((r) => r.kind === 'akter')!.verdict!;
  expect(verdict.onTime).toBe(false);
  expect(within(section).getByRole('article', { name: /Sagens akter/ })).toHaveTextContent(`Besvaret ${verdict.daysLate} arbejdsdage for sent`);

  await user.click(within(section).getByRole('button', { name: /^Luk uden svar/ }));
  const close = within(section).getByRole('form', { name: 'Luk uden svar' });
  await user.type(within(close).getByLabelText('Begrundelse'), 'Borgeren trak klagen tilbage');
  await user.click(within(close).getByRole('button', { name: 'Luk uden svar' }));
  await within(section).findByText('Anmodningen er lukket uden svar.');
  expect(within(section).getByRole('article', { name: /Udtalelse/ })).toHaveTextContent('Lukket uden svar');
});

test('intake warns about the citizen\'s klagefrist as soon as date and channel are given, and stores it with the case', async () => {
  const { user } = renderAt('#/ny');
  await user.type(await screen.findByLabelText('Borgerens navn'), 'Åse Ørsted');
  const section = screen.getByRole('region', { name: 'Borgerens klagefrist' });
  expect(within(section).getByLabelText('Klagefrist efter')).toHaveValue('regel:rsl-67-klagefrist');
  await user.type(within(section).getByLabelText('Afgørelsen blev meddelt den'), '17.02.2025');
  expect(within(section).queryByRole('alert')).not.toBeInTheDocument();
  await user.selectOptions(within(section).getByLabelText('Hvordan'), 'Digital Post');
  const expected = await real.call('klagefrist:check', { notifiedOn: '2025-02-17', channel: 'digital_post', guidance: 'ukendt', basis: { kind: 'regel', ruleId: 'rsl-67-klagefrist' } });
  const alert = await within(section).findByRole('alert');
  expect(alert).toHaveTextContent(`Borgerens klagefrist udløber ${expected!.dueOn.split('-').reverse().join('.')}`);
  expect(alert).toHaveTextContent('borgerrådgiveren kan ikke forlænge den');

  await user.type(screen.getByLabelText('Resumé'), 'Afslag på hjælp');
  await user.selectOptions(within(screen.getByRole('group', { name: 'Klagepunkt 1' })).getByLabelText('Forvaltning'), 'Social');
  await user.click(screen.getByRole('button', { name: 'Gem henvendelse' }));
  await screen.findByRole('heading', { level: 1, name: /^Henvendelse 2025-/ });
  const caseId = Number(window.location.hash.replace('#/sager/', ''));
  expect((await real.call('klagefrist:get', { caseId })).notice).toMatchObject({ notifiedOn: '2025-02-17', channel: 'digital_post', guidance: 'ukendt', basis: { kind: 'regel', ruleId: 'rsl-67-klagefrist' } });
  // The case page's header says it on every section; the section with the deadlines has the rest.
  expect(await within(screen.getByRole('region', { name: 'Sagens hoved' })).findByRole('alert')).toHaveTextContent('Borgerens klagefrist udløber');
  await showSection(user, 'Anmodninger og frister');
  const deadlines = await screen.findByRole('region', { name: 'Frister for henvendelsen' });
  expect(await within(deadlines).findByRole('alert')).toHaveTextContent('Borgerens klagefrist udløber');
  expect(within(deadlines).getByRole('button', { name: 'Hent som kalenderfil (.ics)' })).toBeInTheDocument();
});

test('a half-filled klagefrist blocks the intake save with the message on the field', async () => {
  const { user } = renderAt('#/ny');
  await user.type(await screen.findByLabelText('Borgerens navn'), 'Bo Berg');
  await user.type(screen.getByLabelText('Resumé'), 'Afslag');
  await user.selectOptions(within(screen.getByRole('group', { name: 'Klagepunkt 1' })).getByLabelText('Forvaltning'), 'Social');
  await user.type(screen.getByLabelText('Afgørelsen blev meddelt den'), '03.03.2025');
  await user.click(screen.getByRole('button', { name: 'Gem henvendelse' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Vælg hvordan afgørelsen blev meddelt.');
  expect(screen.getByLabelText('Hvordan')).toHaveAccessibleDescription('Vælg hvordan afgørelsen blev meddelt.');
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Ny henvendelse');
});

test('Kalender og frister: saving says how many deadlines were recomputed; closing days are added and removed', async () => {
  const created = await createCase(real);
  await real.call('requests:create', { input: { caseId: created.id, forvaltningId: created.points[0]!.forvaltningId!, kind: 'redegoerelse', sentOn: '2025-03-14', spec: TEN_WORKING_DAYS, note: '' } });
  const { user } = renderAt('#/indstillinger');
  const section = await screen.findByRole('region', { name: 'Kalender og frister' });
  const form = await within(section).findByRole('form', { name: 'Kalender og frister' });
  const standard = within(form).getByRole('group', { name: 'Standardfrist for anmodninger til forvaltningen' });
  await user.clear(within(standard).getByLabelText('Antal'));
  await user.type(within(standard).getByLabelText('Antal'), '15');
  await user.clear(within(form).getByLabelText('”Snart” antal arbejdsdage før fristen'));
  await user.type(within(form).getByLabelText('”Snart” antal arbejdsdage før fristen'), '4');
  await user.click(within(form).getByLabelText('Brug et eget mål (regnet fra modtagelsen)'));
  const target = within(form).getByRole('group', { name: 'Eget mål for afslutning af en henvendelse' });
  await user.clear(within(target).getByLabelText('Antal'));
  await user.type(within(target).getByLabelText('Antal'), '30');
  await user.click(within(form).getByRole('button', { name: 'Gem kalender og frister' }));
  expect(await within(section).findByRole('status')).toHaveTextContent(/^Kalender og frister er gemt\. \d+ frist(er)? er genberegnet\.$/);
  expect(await real.call('deadlines:settings', {})).toMatchObject({
    requestDefault: { amount: 15, unit: 'arbejdsdage' }, soonWorkingDays: 4, adviserTarget: { amount: 30, unit: 'arbejdsdage' },
  });

  // A closing day moves both the request's deadline and the case's own target (30 arbejdsdage from 10.03).
  await user.type(within(section).getByLabelText('Lukkedag'), '24.03.2025');
  await user.type(within(section).getByLabelText('Årsag'), 'Flytning af rådhuset');
  await user.click(within(section).getByRole('button', { name: 'Tilføj lukkedag' }));
  await waitFor(() => expect(within(section).getByRole('status')).toHaveTextContent('Lukkedagen 24.03.2025 er tilføjet. 2 frister er genberegnet.'));
  expect((await real.call('requests:for-case', { caseId: created.id }))[0]?.dueOn).toBe('2025-03-31');
  expect(within(section).getByRole('list', { name: 'Kommunens lukkedage' })).toHaveTextContent('24.03.2025 – Flytning af rådhuset');

  await user.click(within(section).getByRole('button', { name: 'Fjern lukkedag 24.03.2025' }));
  await waitFor(() => expect(within(section).getByRole('status')).toHaveTextContent('Lukkedagen 24.03.2025 er fjernet. 2 frister er genberegnet.'));
  expect((await real.call('deadlines:settings', {})).closingDays).toEqual([]);
});

test('Frister lists what is overdue, due today and in the next 14 days, per forvaltning, linked to the case; Alt+7 opens it', async () => {
  const a = await createCase(real, { receivedOn: '2025-02-03', summary: 'Sag med overskredet frist' });
  const b = await createCase(real, { receivedOn: '2025-02-03', summary: 'Sag med frist i dag' });
  const f = a.points[0]!.forvaltningId!;
  await real.call('requests:create', { input: { caseId: a.id, forvaltningId: f, kind: 'akter', sentOn: '2025-02-10', spec: TEN_WORKING_DAYS, note: '' } });
  await real.call('requests:create', { input: { caseId: b.id, forvaltningId: f, kind: 'redegoerelse', sentOn: '2025-02-28', spec: TEN_WORKING_DAYS, note: '' } });

  const { user } = renderAt('#/sager');
  await screen.findByRole('heading', { level: 1, name: 'Sager' });
  await user.keyboard('{Alt>}7{/Alt}');
  await screen.findByRole('heading', { level: 1, name: 'Frister' });
  const overdue = await screen.findByRole('table', { name: 'Overskredet' });
  expect(within(overdue).getByRole('link', { name: a.sagsnr })).toBeInTheDocument();
  expect(overdue).toHaveTextContent('24.02.2025');
  const today = screen.getByRole('table', { name: 'Forfalder i dag' });
  expect(within(today).getByRole('link', { name: b.sagsnr })).toBeInTheDocument();
  const per = screen.getByRole('table', { name: 'Pr. forvaltning' });
  expect(within(per).getAllByRole('row')[1]).toHaveTextContent(/2\s*1$/);
  expect(screen.getByRole('heading', { level: 2, name: 'Næste 14 dage (0)' })).toBeInTheDocument();
  expect(screen.getByText('Ingen frister de næste 14 dage.')).toBeInTheDocument();

  const beregning = within(overdue).getByRole('button', { name: /^Beregning/ });
  await user.click(beregning);
  const stored = (await real.call('requests:for-case', { caseId: a.id }))[0]!;
  const lines = await within(overdue).findByRole('list', { name: /^Beregning af/ });
  expect(within(lines).getAllByRole('listitem').map((li) => li.textContent)).toEqual(stored.explanation.lines);
  expect(await axeViolations()).toEqual([]);

  await user.click(within(overdue).getByRole('link', { name: a.sagsnr }));
  expect(await screen.findByRole('heading', { level: 1, name: `Henvendelse ${a.sagsnr}` })).toBeInTheDocument();
});

test('the frist-beregner shows the due date, the same explanation as deadlines:compute, and the letter text; "Hvis frist?" follows the rule', async () => {
  const { user } = renderAt('#/frister');
  const calc = await screen.findByRole('form', { name: 'Frist-beregner' });
  expect(within(calc).getByLabelText('Fra dato')).toHaveValue('14.03.2025');
  // Without a rule, a deadline is the authority's unless another owner is chosen.
  expect(within(calc).getByLabelText('Hvis frist?')).toHaveDisplayValue('Lovbestemt frist for myndigheden');
  await user.click(within(calc).getByRole('button', { name: 'Beregn frist' }));
  const expected = await real.call('deadlines:compute', { from: '2025-03-14', spec: TEN_WORKING_DAYS, ruleId: null, owner: 'myndighed' });
  expect(await screen.findByText((_, el) => el?.className === 'calc-due' && el.textContent === `Fristen udløber ${expected.due.split('-').reverse().join('.')}`)).toBeInTheDocument();
  const lines = screen.getByRole('list', { name: 'Beregning' });
  expect(within(lines).getAllByRole('listitem').map((li) => li.textContent)).toEqual(expected.lines);
  const letter = screen.getByRole('region', { name: 'Brevtekst' });
  expect([...letter.querySelectorAll('p')].map((p) => p.textContent)).toEqual(expected.letterLines);

  await user.selectOptions(within(calc).getByLabelText('Hvis frist?'), 'Lokal målsætning');
  await user.click(within(calc).getByRole('button', { name: 'Beregn frist' }));
  const target = await real.call('deadlines:compute', { from: '2025-03-14', spec: TEN_WORKING_DAYS, ruleId: null, owner: 'maal' });
  await waitFor(() => expect(within(screen.getByRole('list', { name: 'Beregning' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(target.lines));

  await user.click(within(calc).getByLabelText('Efter en regel'));
  await user.click(within(calc).getByRole('button', { name: 'Beregn frist' }));
  expect(within(calc).getByLabelText('Regel')).toHaveAccessibleDescription('Vælg en regel.');
  await user.selectOptions(within(calc).getByLabelText('Regel'), 'rsl-67-klagefrist');
  // The klagefrist is the citizen's deadline: the choice follows the rule.
  expect(within(calc).getByLabelText('Hvis frist?')).toHaveDisplayValue('Borgerens frist');
  await user.click(within(calc).getByRole('button', { name: 'Beregn frist' }));
  const byRule = await real.call('deadlines:compute', { from: '2025-03-14', spec: null, ruleId: 'rsl-67-klagefrist', owner: 'borger' });
  await waitFor(() => expect(within(screen.getByRole('list', { name: 'Beregning' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(byRule.lines));
  expect(byRule.letterLines.join(' ')).not.toMatch(/http|rsl-67|arbejdsdag/);
  expect(await axeViolations()).toEqual([]);
});

test('the frist-beregner clears its result as soon as an input changes, so a stale due date is never shown', async () => {
  const { user } = renderAt('#/frister');
  const calc = await screen.findByRole('form', { name: 'Frist-beregner' });
  const due = () => document.querySelector('.calc-due');
  await user.click(within(calc).getByRole('button', { name: 'Beregn frist' }));
  await waitFor(() => expect(due()).not.toBeNull());
  await user.type(within(calc).getByLabelText('Fra dato'), '{Backspace}6');
  expect(due()).toBeNull();
  expect(screen.queryByRole('list', { name: 'Beregning' })).not.toBeInTheDocument();
  await user.click(within(calc).getByRole('button', { name: 'Beregn frist' }));
  await waitFor(() => expect(due()).not.toBeNull());
  await user.selectOptions(within(calc).getByLabelText('Hvis frist?'), 'Lokal målsætning');
  expect(due()).toBeNull();
  await user.click(within(calc).getByRole('button', { name: 'Beregn frist' }));
  await waitFor(() => expect(due()).not.toBeNull());
  await user.click(within(calc).getByLabelText('Efter en regel'));
  expect(due()).toBeNull();
});

test('a statutory deadline is attached to a klagepunkt and shows whether it was kept', async () => {
  const created = await createCase(real, { receivedOn: '2025-02-03' });
  const { user } = renderAt(`#/sager/${created.id}/anmodninger`);
  const section = await screen.findByRole('region', { name: 'Lovbestemte frister' });
  await user.click(within(section).getByRole('button', { name: 'Tilføj lovbestemt frist' }));
  const form = within(section).getByRole('form', { name: 'Ny lovbestemt frist' });
  const rule = within(form).getByLabelText('Lovbestemt frist') as HTMLSelectElement;
  await waitFor(() => expect(rule.options.length).toBeGreaterThan(1));
  // A klagepunkt without a description is named by its forvaltning.
  expect((within(form).getByLabelText('Klagepunkt') as HTMLSelectElement).selectedOptions[0]?.text).toMatch(/^Klagepunkt 1 – \S/);
  await user.selectOptions(rule, 'ofl-36-frist');
  await user.type(within(form).getByLabelText('Fristen løber fra'), '03.03.2025');
  await user.type(within(form).getByLabelText('Overholdt den'), '13.03.2025');
  await user.click(within(form).getByRole('button', { name: 'Gem frist' }));
  await within(section).findByText(/^Fristen er gemt/);
  const [stored] = await real.call('point-deadlines:for-case', { caseId: created.id });
  const list = within(section).getByRole('list', { name: 'Lovbestemte frister' });
  expect(list).toHaveTextContent(`Frist ${stored!.dueOn.split('-').reverse().join('.')}`);
  expect(list).toHaveTextContent(stored!.kept ? 'Overholdt' : 'Ikke overholdt');
  expect(within(list).getByRole('button', { name: /^Beregning/ })).toBeInTheDocument();
});

test('a pause needs a reason and moves the deadline; the klagefrist is set and cleared on the case page', async () => {
  const created = await createCase(real);
  await real.call('requests:create', { input: { caseId: created.id, forvaltningId: created.points[0]!.forvaltningId!, kind: 'redegoerelse', sentOn: '2025-03-14', spec: TEN_WORKING_DAYS, note: '' } });
  const { user } = renderAt(`#/sager/${created.id}/anmodninger`);
  const section = await screen.findByRole('region', { name: 'Anmodninger til forvaltningen' });
  await user.click(await within(section).findByRole('button', { name: /^Sæt på pause/ }));
  const pause = within(section).getByRole('form', { name: 'Sæt på pause' });
  await user.clear(within(pause).getByLabelText('Pause fra og med'));
  await user.type(within(pause).getByLabelText('Pause fra og med'), '17.03.2025');
  await user.type(within(pause).getByLabelText('Pause til og med'), '19.03.2025');
  await user.click(within(pause).getByRole('button', { name: 'Sæt på pause' }));
  expect(within(pause).getByLabelText('Begrundelse')).toHaveAccessibleDescription('Skriv begrundelsen.');
  await user.type(within(pause).getByLabelText('Begrundelse'), 'Afventer borgerens samtykke');
  await user.click(within(pause).getByRole('button', { name: 'Sæt på pause' }));
  const done = await within(section).findByText(/^Pausen er registreret\./);
  const [stored] = await real.call('requests:for-case', { caseId: created.id });
  expect(stored?.events).toHaveLength(1);
  expect(done).toHaveTextContent(`Pausen er registreret. Fristen er nu ${stored!.dueOn.split('-').reverse().join('.')}.`);
  expect(within(section).getByRole('list', { name: /^Forløb/ })).toHaveTextContent('Pause 17.03.2025–19.03.2025 – Afventer borgerens samtykke');

  const deadlines = screen.getByRole('region', { name: 'Frister for henvendelsen' });
  expect(within(deadlines).getByText('Der er ikke registreret en afgørelse med klagefrist.')).toBeInTheDocument();
  await user.click(await within(deadlines).findByRole('button', { name: 'Registrér klagefrist' }));
  await user.type(within(deadlines).getByLabelText('Afgørelsen blev meddelt den'), '03.03.2025');
  await user.selectOptions(within(deadlines).getByLabelText('Hvordan'), 'Brev med posten');
  await user.click(within(deadlines).getByRole('button', { name: 'Gem klagefrist' }));
  expect(await within(deadlines).findByText('Klagefristen er gemt.')).toBeInTheDocument();
  const got = await real.call('klagefrist:get', { caseId: created.id });
  expect(got.notice).toMatchObject({ notifiedOn: '2025-03-03', channel: 'brev' });
  expect(deadlines).toHaveTextContent(`Borgerens klagefrist udløber ${got.klagefrist!.dueOn.split('-').reverse().join('.')}`);
  await user.click(within(deadlines).getByRole('button', { name: /^Beregning – borgerens klagefrist/ }));
  expect(within(within(deadlines).getByRole('list', { name: 'Beregning af borgerens klagefrist' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(got.klagefrist!.explanation.lines);

  await user.click(await within(deadlines).findByRole('button', { name: 'Ret klagefrist' }));
  await user.clear(within(deadlines).getByLabelText('Afgørelsen blev meddelt den'));
  await user.selectOptions(within(deadlines).getByLabelText('Hvordan'), 'Vælg');
  await user.click(within(deadlines).getByRole('button', { name: 'Gem klagefrist' }));
  expect(await within(deadlines).findByText('Klagefristen er fjernet.')).toBeInTheDocument();
  expect((await real.call('klagefrist:get', { caseId: created.id })).notice).toBeNull();
});

test('a rule’s deadline is worded once and in the right number', () => {
  const month = { amount: 1, unit: 'maaneder', text: '1 måned (+ evt. 2 måneder)', from: 'modtagelsen af anmodningen', rollForward: false, owner: 'myndighed', owes: '' } as const;
  expect(deadlineShort(month)).toBe('1 måned');
  expect(deadlineInWords(month)).toBe('1 måned (+ evt. 2 måneder) fra modtagelsen af anmodningen');
  const answer = { ...month, amount: 14, unit: 'dage', text: '14 dage (myndighedens svarfrist)', from: 'partens anmodning' } as const;
  expect(deadlineShort(answer)).toBe('14 dage');
  expect(deadlineInWords(answer)).toBe('14 dage (myndighedens svarfrist) fra partens anmodning');
  expect(deadlineInWords({ ...answer, text: 'svar inden for fristen' })).toBe('14 dage (svar inden for fristen) fra partens anmodning');
  expect(deadlineInWords({ ...answer, amount: null, unit: null, text: 'snarest muligt', from: '' })).toBe('snarest muligt');
  expect(deadlineInWords(null)).toBe('Reglen fastsætter ingen frist.');
});

test('Frister filters by adviser in the backend: Alle, "Mine sager" and each adviser; henstilling follow-ups are listed', async () => {
  const mine = await createCase(real, { receivedOn: '2025-02-03', summary: 'Min sag', adviserId: real.adviser.id });
  const other = await createCase(real, { receivedOn: '2025-02-03', summary: 'Andres sag' });
  const f = mine.points[0]!.forvaltningId!;
  await real.call('requests:create', { input: { caseId: mine.id, forvaltningId: f, kind: 'akter', sentOn: '2025-03-10', spec: TEN_WORKING_DAYS, note: '' } });
  await real.call('requests:create', { input: { caseId: other.id, forvaltningId: f, kind: 'akter', sentOn: '2025-03-11', spec: TEN_WORKING_DAYS, note: '' } });
  await real.call('recommendations:create', {
    input: { caseId: other.id, pointId: null, forvaltningId: f, text: 'Svar borgeren skriftligt.', givenOn: '2025-03-03', status: 'afventer', statusOn: null, answer: '', followUpOn: '2025-03-20' },
  });

  const { user } = renderAt('#/frister');
  const ahead = await screen.findByRole('table', { name: 'Næste 14 dage' });
  expect(within(ahead).getAllByRole('link').map((a) => a.textContent)).toEqual([other.sagsnr, mine.sagsnr, other.sagsnr]);
  const followUp = within(ahead).getAllByRole('row').find((r) => r.textContent?.includes('Opfølgning på henstilling')) as HTMLElement;
  expect(followUp).toHaveTextContent('20.03.2025');
  expect(followUp).toHaveTextContent('Dato valgt af rådgiveren');

  const filter = screen.getByRole('combobox', { name: 'Rådgiver' });
  await user.selectOptions(filter, `Mine sager (${real.adviser.name})`);
  await waitFor(() => expect(within(screen.getByRole('table', { name: 'Næste 14 dage' })).getAllByRole('link').map((a) => a.textContent)).toEqual([mine.sagsnr]));
  expect(await axeViolations()).toEqual([]);
  await user.selectOptions(filter, 'Alle');
  await waitFor(() => expect(within(screen.getByRole('table', { name: 'Næste 14 dage' })).getAllByRole('link')).toHaveLength(3));
});

test('Kalender og frister: how many days Frister looks ahead, 1–90, refused in Danish otherwise', async () => {
  const { user } = renderAt('#/indstillinger');
  const section = await screen.findByRole('region', { name: 'Kalender og frister' });
  const form = await within(section).findByRole('form', { name: 'Kalender og frister' });
  const field = within(form).getByRole('textbox', { name: 'Frister viser antal dage frem' });
  expect(field).toHaveValue('14');
  await user.clear(field);
  await user.type(field, '91');
  await user.click(within(form).getByRole('button', { name: 'Gem kalender og frister' }));
  expect(await within(form).findByText('Skriv et helt antal dage fra 1 til 90.')).toBeInTheDocument();
  expect((await real.call('deadlines:settings', {})).lookaheadDays).toBe(14);
  await user.clear(field);
  await user.type(field, '30');
  await user.click(within(form).getByRole('button', { name: 'Gem kalender og frister' }));
  await waitFor(async () => expect((await real.call('deadlines:settings', {})).lookaheadDays).toBe(30));
  await user.keyboard('{Alt>}7{/Alt}');
  expect(await screen.findByRole('heading', { level: 2, name: 'Næste 30 dage (0)' })).toBeInTheDocument();
});
