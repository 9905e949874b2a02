import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { NOT_FULLY_VERIFIED } from '../../shared/domain/rule';
import { createCase, type RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';
import { createOwnRule, themeId } from './rule-fixtures';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => { real.close(); });

test('a rule is added to a klagepunkt with the picker, assessed with reasoning, and saved with the flags', async () => {
  await createOwnRule(real);
  const created = await createCase(real);
  const { user } = renderAt(`#/sager/${created.id}`);
  const point = await screen.findByRole('group', { name: 'Klagepunkt 1' });
  const rules = within(point).getByRole('group', { name: 'Regler' });
  expect(within(rules).getByText('Ingen regler tilknyttet.')).toBeInTheDocument();

  const picker = within(rules).getByRole('combobox', { name: 'Tilføj regel' });
  await user.type(picker, 'kom-svarpol');
  const list = within(rules).getByRole('listbox', { name: 'Regler der matcher' });
  const option = within(list).getByRole('option', { name: /KOM Svarpolitik, pkt\. 2 – Svar på henvendelser/ });
  expect(option).toHaveAttribute('aria-selected', 'true');
  expect(option).toHaveTextContent(NOT_FULLY_VERIFIED);
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

  await user.selectOptions(within(point).getByLabelText('Udfald'), 'Kritik');
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
  // After the save the form shows what was stored.
  const again = screen.getByRole('group', { name: /KOM Svarpolitik/ });
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
  await user.keyboard('{ArrowDown}');
  expect(options[1]).toHaveAttribute('aria-selected', 'true');
  const name = options[1]?.querySelector('span')?.textContent ?? '';
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
