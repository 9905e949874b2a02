/**
 * The citizen's klagefrist on the case page (fixed clock: 14.03.2025): the klagevejledning question,
 * "Ingen lovbestemt klagefrist", a frist typed by hand with its source, and a passed frist that may
 * not bind the citizen is not called "udløbet".
 */
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createCase, type RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => { real.close(); });

test('a passed klagefrist from a decision without correct klagevejledning says it may not bind the citizen', async () => {
  const created = await createCase(real);
  const { user } = renderAt(`#/sager/${created.id}/anmodninger`);
  const deadlines = await screen.findByRole('region', { name: 'Frister for henvendelsen' });
  await within(deadlines).findByText('Der er ikke registreret en afgørelse med klagefrist.');
  // Read first: the form opens on purpose.
  expect(within(deadlines).queryByLabelText('Afgørelsen blev meddelt den')).not.toBeInTheDocument();
  await user.click(await within(deadlines).findByRole('button', { name: 'Registrér klagefrist' }));
  expect(within(deadlines).getByLabelText('Gav afgørelsen korrekt klagevejledning?')).toHaveDisplayValue('Ved ikke');
  const basis = within(deadlines).getByLabelText('Klagefrist efter');
  const offered = within(basis).getAllByRole('option').map((o) => o.textContent);
  expect(offered).toEqual(expect.arrayContaining(['Ingen lovbestemt klagefrist', 'Anden frist – angiv selv']));
  expect(offered.some((o) => o?.includes('§ 13'))).toBe(true);
  expect(offered.some((o) => o?.includes('§ 36'))).toBe(false);

  await user.type(within(deadlines).getByLabelText('Afgørelsen blev meddelt den'), '03.02.2025');
  await user.selectOptions(within(deadlines).getByLabelText('Hvordan'), 'Digital Post');
  await user.selectOptions(within(deadlines).getByLabelText('Gav afgørelsen korrekt klagevejledning?'), 'Nej, mangelfuld eller ingen klagevejledning');
  await user.click(within(deadlines).getByRole('button', { name: 'Gem klagefrist' }));
  await within(deadlines).findByText('Klagefristen er gemt.');
  const alert = await within(deadlines).findByRole('alert');
  expect(alert).toHaveTextContent('Borgerens klagefrist var 03.03.2025 (for 11 dage siden)');
  expect(alert).toHaveTextContent('Afgørelsen gav ikke korrekt klagevejledning, så fristen kan muligvis ikke gøres gældende over for borgeren');
  expect(alert).not.toHaveTextContent('udløb');
});

test('"Ingen lovbestemt klagefrist" and a frist typed by hand that needs its source', async () => {
  const created = await createCase(real);
  const { user } = renderAt(`#/sager/${created.id}/anmodninger`);
  const deadlines = await screen.findByRole('region', { name: 'Frister for henvendelsen' });
  await user.click(await within(deadlines).findByRole('button', { name: 'Registrér klagefrist' }));
  await user.type(within(deadlines).getByLabelText('Afgørelsen blev meddelt den'), '10.03.2025');
  await user.selectOptions(within(deadlines).getByLabelText('Hvordan'), 'Udleveret personligt');
  await user.selectOptions(within(deadlines).getByLabelText('Klagefrist efter'), 'Ingen lovbestemt klagefrist');
  await user.click(within(deadlines).getByRole('button', { name: 'Gem klagefrist' }));
  await within(deadlines).findByText('Klagefristen er gemt.');
  expect(await within(deadlines).findByText('Afgørelsen har ingen lovbestemt klagefrist.')).toBeInTheDocument();
  expect((await real.call('klagefrist:get', { caseId: created.id })).notice?.basis).toEqual({ kind: 'ingen' });

  await user.click(await within(deadlines).findByRole('button', { name: 'Ret klagefrist' }));
  await user.selectOptions(within(deadlines).getByLabelText('Klagefrist efter'), 'Anden frist – angiv selv');
  await user.type(within(deadlines).getByLabelText('Fristens længde'), '3');
  await user.selectOptions(within(deadlines).getByLabelText('Enhed'), 'måneder');
  await user.click(within(deadlines).getByRole('button', { name: 'Gem klagefrist' }));
  expect(within(deadlines).getByLabelText('Hvor står fristen?')).toHaveAccessibleDescription(/Skriv, hvor fristen står/);
  await user.type(within(deadlines).getByLabelText('Hvor står fristen?'), 'Afgørelsens klagevejledning');
  await user.click(within(deadlines).getByRole('button', { name: 'Gem klagefrist' }));
  await within(deadlines).findByText('Klagefristen er gemt.');
  expect(deadlines).toHaveTextContent('Borgerens klagefrist udløber 10.06.2025');
  expect(deadlines).toHaveTextContent('Klagefrist efter: Angivet af borgerrådgiveren: 3 måneder (kilde: Afgørelsens klagevejledning)');
});
