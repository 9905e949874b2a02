import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { NOT_FULLY_VERIFIED } from '../../shared/domain/rule';
import { createCase, type RealApi } from './real-api';
import { renderEditor, showSection } from './case-workspace-helpers';
import { freshBackend, renderAt } from './render-app';
import { createOwnRule, themeId } from './rule-fixtures';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => { real.close(); });

test('a rule is added to a klagepunkt with the picker, assessed with reasoning, and saved with the flags', async () => {
  await createOwnRule(real);
  const created = await createCase(real);
  const { user } = await renderEditor(created.id, 'klagepunkter');
  const point = await screen.findByRole('group', { name: 'Klagepunkt 1' });
  const rules = within(point).getByRole('group', { name: 'Regler' });
  expect(within(rules).getByText('Ingen regler tilknyttet.')).toBeInTheDocument();

  const picker = within(rules).getByRole('combobox', { name: 'Tilføj regel' });
  await user.type(picker, 'kom-svarpol');
  const list = within(rules).getByRole('listbox', { name: 'Regler der matcher' });
  const option = within(list).getByRole('option', { name: /KOM Svarpolitik, pkt\. 2 – Svar på henvendelser/ });
  expect(option).toHaveAttribute('aria-selected', 'false');
  expect(option).toHaveTextContent(NOT_FULLY_VERIFIED);
  expect(picker).not.toHaveAttribute('aria-activedescendant');
  await user.keyboard('{ArrowDown}');
  expect(option).toHaveAttribute('aria-selected', 'true');
  expect(picker).toHaveAttribute('aria-activedescendant', option.id);
  await user.keyboard('{Enter}');
  // Enter added the rule and did not submit the case form.
  expect(picker).toHaveValue('');
  expect(picker).toHaveFocus();
  expect(screen.queryByText(/Ændringerne er gemt/)).not.toBeInTheDocument();

  const linked = within(rules).getByRole('group', { name: 'KOM Svarpolitik, pkt. 2 – Svar på henvendelser inden 10 arbejdsdage' });
  expect(linked).toHaveTextContent(NOT_FULLY_VERIFIED);
  expect(within(linked).getByLabelText('Vurdering')).toHaveDisplayValue('Ikke vurderet');
  await user.selectOptions(within(linked).getByLabelText('Vurdering'), 'Ikke overholdt');
  await user.type(within(linked).getByLabelText('Begrundelse'), 'Svaret kom efter 31 arbejdsdage.');
  // A linked rule is no longer offered.
  await user.type(picker, 'kom-svarpol');
  expect(within(rules).getByRole('status')).toHaveTextContent('Ingen regler matcher.');
  await user.keyboard('{Escape}{Escape}');

  await user.selectOptions(within(point).getByLabelText('Udfald'), 'Kritisabelt');
  await user.selectOptions(within(point).getByLabelText('Forvaltningen erkendte fejl'), 'Ja');
  await user.click(within(point).getByLabelText('Forvaltningen har beklaget'));
  await user.click(within(point).getByLabelText('Forholdet er rettet op'));
  await user.click(screen.getByRole('button', { name: 'Gem henvendelse' }));
  expect(await screen.findByText(/Ændringerne er gemt/)).toBeInTheDocument();

  const stored = (await real.call('cases:get', { id: created.id })).points[0];
  expect(stored).toMatchObject({
    outcome: 'kritik', forvaltningAgreed: true, apologised: true, putRight: true,
    rules: [{ ruleId: 'kom-svarpolitik', assessment: 'ikke_overholdt', reasoning: 'Svaret kom efter 31 arbejdsdage.' }],
  });
  // Read after the save: the rule by its heading, marked, with its assessment.
  const view = screen.getByRole('article', { name: /^Klagepunkt 1/ });
  // The catalogue arrives after the view: until then the rule is named by its id.
  await waitFor(() => expect(view).toHaveTextContent('KOM Svarpolitik, pkt. 2 – Svar på henvendelser inden 10 arbejdsdage'));
  expect(view).toHaveTextContent(NOT_FULLY_VERIFIED);
  expect(view).toHaveTextContent('Ikke overholdt');
  expect(view).toHaveTextContent('UdfaldKritisabelt');
  // The history names the rule by its heading, and an added value reads as added, not "(tom) → …".
  await showSection(user, 'Historik');
  const history = screen.getByRole('region', { name: 'Historik' });
  await waitFor(() => expect(history).toHaveTextContent('Klagepunkt 1: Regel KOM Svarpolitik, pkt. 2 – Svar på henvendelser inden 10 arbejdsdage: tilføjet (Ikke overholdt)'));
  expect(history).toHaveTextContent('Klagepunkt 1: Regel KOM Svarpolitik, pkt. 2 – Svar på henvendelser inden 10 arbejdsdage: Begrundelse: tilføjet: Svaret kom efter 31 arbejdsdage.');
  expect(history).not.toHaveTextContent('(tom)');
  expect(history).not.toHaveTextContent('Regel kom-svarpolitik');
  // Opened again, the form shows what was stored.
  await showSection(user, 'Klagepunkter');
  await user.click(screen.getByRole('button', { name: /^Rediger/ }));
  const again = await screen.findByRole('group', { name: /KOM Svarpolitik/ });
  expect(within(again).getByLabelText('Vurdering')).toHaveDisplayValue('Ikke overholdt');
  expect(within(again).getByLabelText('Begrundelse')).toHaveValue('Svaret kom efter 31 arbejdsdage.');

  await user.click(within(again).getByRole('button', { name: /^Fjern KOM Svarpolitik/ }));
  expect(screen.queryByRole('group', { name: /KOM Svarpolitik/ })).not.toBeInTheDocument();
  expect(within(screen.getByRole('group', { name: 'Klagepunkt 1' })).getByRole('combobox', { name: 'Tilføj regel' })).toHaveFocus();
});

test('the picker finds rules by paragraph and moves with the arrow keys', async () => {
  const { user } = renderAt('#/ny');
  const point = await screen.findByRole('group', { name: 'Klagepunkt 1' });
  const picker = within(point).getByRole('combobox', { name: 'Tilføj regel' });
  await user.type(picker, 'fvl');
  const options = within(within(point).getByRole('listbox')).getAllByRole('option');
  expect(options.length).toBeGreaterThan(1);
  // Nothing is preselected, so the first ↓ lands on the first match rather than skipping it.
  expect(options.filter((o) => o.getAttribute('aria-selected') === 'true')).toHaveLength(0);
  await user.keyboard('{ArrowDown}');
  expect(options[0]).toHaveAttribute('aria-selected', 'true');
  await user.keyboard('{ArrowDown}');
  expect(options[1]).toHaveAttribute('aria-selected', 'true');
  const name = options[1]?.querySelector('span')?.textContent ?? '';
  await user.keyboard('{Enter}');
  expect(within(point).getByRole('group', { name })).toBeInTheDocument();
});

test('Enter with no option chosen adds the first match', async () => {
  const { user } = renderAt('#/ny');
  const point = await screen.findByRole('group', { name: 'Klagepunkt 1' });
  const picker = within(point).getByRole('combobox', { name: 'Tilføj regel' });
  await user.type(picker, 'fvl');
  const first = within(within(point).getByRole('listbox')).getAllByRole('option')[0];
  const name = first?.querySelector('span')?.textContent ?? '';
  await user.keyboard('{Enter}');
  expect(within(point).getByRole('group', { name })).toBeInTheDocument();
});

test('themes bring suggested rules; one click adds a suggestion', async () => {
  await createOwnRule(real);
  const manglendeSvar = await themeId(real, 'Manglende svar');
  await real.call('rules:set-theme-rules', { themeId: manglendeSvar, ruleIds: ['kom-svarpolitik', 'fvl-19-partshoering'] });
  const { user } = renderAt('#/ny');
  const point = await screen.findByRole('group', { name: 'Klagepunkt 1' });
  expect(within(point).queryByRole('heading', { name: 'Foreslåede regler' })).not.toBeInTheDocument();
  await user.click(within(point).getByRole('checkbox', { name: 'Manglende svar' }));

  const add = await within(point).findByRole('button', { name: 'Tilføj KOM Svarpolitik, pkt. 2 – Svar på henvendelser inden 10 arbejdsdage' });
  expect(within(point).getByRole('list', { name: 'Foreslåede regler' })).toHaveTextContent(NOT_FULLY_VERIFIED);
  await user.click(add);
  const linked = within(point).getByRole('group', { name: /^KOM Svarpolitik/ });
  expect(within(linked).getByLabelText('Vurdering')).toHaveFocus();
  // Only rules not yet linked are suggested.
  expect(within(point).queryByRole('button', { name: /^Tilføj KOM Svarpolitik/ })).not.toBeInTheDocument();
  await waitFor(() => expect(within(point).getByRole('list', { name: 'Foreslåede regler' }).querySelectorAll('li')).toHaveLength(1));
});

test('the picker and the theme suggestions never offer a background rule', async () => {
  const aflyste = await themeId(real, 'Aflyste møder');
  // A mapping stored by an older catalogue still links the background rule; it is not suggested.
  real.ctx.db.prepare("INSERT OR IGNORE INTO theme_rules (theme_id, rule_id) VALUES (?, 'gfs-aflysning-moeder')").run(aflyste);
  const { user } = renderAt('#/ny');
  const point = await screen.findByRole('group', { name: 'Klagepunkt 1' });
  const rules = within(point).getByRole('group', { name: 'Regler' });
  const picker = within(rules).getByRole('combobox', { name: 'Tilføj regel' });
  await user.type(picker, 'aflysning');
  expect(within(rules).getByRole('status')).toHaveTextContent('Ingen regler matcher.');
  await user.clear(picker);
  await user.type(picker, 'lab-reform');
  expect(within(rules).getByRole('status')).toHaveTextContent('Ingen regler matcher.');
  await user.keyboard('{Escape}{Escape}');

  await user.click(within(point).getByRole('checkbox', { name: 'Aflyste møder' }));
  const suggested = await within(point).findByRole('list', { name: 'Foreslåede regler' });
  await waitFor(() => expect(suggested.querySelectorAll('li')).toHaveLength(2));
  expect(suggested).toHaveTextContent(/Venlig og hensynsfuld optræden/);
  expect(suggested).not.toHaveTextContent(/Aflysning af møder/);
});

test('a breach of a background rule stored earlier is kept and flagged; "Ikke overholdt" is not offered anew', async () => {
  const created = await createCase(real);
  const pointId = created.points[0]!.id;
  // Recorded before gfs-aflysning-moeder became background (written past the service, as then).
  real.ctx.db.prepare("INSERT INTO point_rules (point_id, rule_id, position, assessment, reasoning) VALUES (?, 'gfs-aflysning-moeder', 1, 'ikke_overholdt', 'Aflyst samme dag.')").run(pointId);
  const { user } = await renderEditor(created.id, 'klagepunkter');
  const point = await screen.findByRole('group', { name: 'Klagepunkt 1' });
  const linked = await within(point).findByRole('group', { name: 'GFS – Aflysning af møder / varsling' });
  expect(linked).toHaveTextContent(/Registreringen bevares, men den kan ikke gives igen/);
  expect(linked).toHaveTextContent(NOT_FULLY_VERIFIED);
  const assessment = within(linked).getByLabelText('Vurdering') as HTMLSelectElement;
  expect(assessment).toHaveDisplayValue('Ikke overholdt');

  // The case stays editable: saving something else keeps the breach.
  await user.type(within(point).getByLabelText('Beskrivelse af klagepunktet'), 'Mødet blev aflyst.');
  await user.click(screen.getByRole('button', { name: 'Gem henvendelse' }));
  expect(await screen.findByText(/Ændringerne er gemt/)).toBeInTheDocument();
  expect((await real.call('cases:get', { id: created.id })).points[0]?.rules).toEqual([
    { ruleId: 'gfs-aflysning-moeder', assessment: 'ikke_overholdt', reasoning: 'Aflyst samme dag.' },
  ]);

  // Once reassessed, "Ikke overholdt" is no longer offered for it.
  await user.click(screen.getByRole('button', { name: /^Rediger/ }));
  const again = within(await screen.findByRole('group', { name: 'Klagepunkt 1' })).getByRole('group', { name: /Aflysning af møder/ });
  await user.selectOptions(within(again).getByLabelText('Vurdering'), 'Ikke vurderet');
  const options = [...(within(again).getByLabelText('Vurdering') as HTMLSelectElement).options].map((o) => o.text);
  expect(options).toEqual(['Overholdt', 'Ikke vurderet']);
});
