/**
 * The municipality's svarpolitik: set in Kalender og frister (a local target, not law), and offered
 * as the basis of a deadline on a klagepunkt beside the rules with a computable deadline.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createCase, type RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => { real.close(); });

test('Kalender og frister: the svarpolitik defaults to 14 dage, is changed and switched off', async () => {
  const { user } = renderAt('#/indstillinger');
  const section = await screen.findByRole('region', { name: 'Kalender og frister' });
  const form = await within(section).findByRole('form', { name: 'Kalender og frister' });
  const policy = within(form).getByRole('group', { name: 'Kommunens svarpolitik (lokal målsætning)' });
  expect(policy).toHaveTextContent(/ikke en frist i loven/);
  expect(within(policy).getByLabelText('Kommunen har en svarpolitik')).toBeChecked();
  expect(within(policy).getByLabelText('Antal')).toHaveValue('14');
  expect(within(policy).getByLabelText('Enhed')).toHaveDisplayValue('dage');

  await user.clear(within(policy).getByLabelText('Antal'));
  await user.click(within(form).getByRole('button', { name: 'Gem kalender og frister' }));
  expect(within(policy).getByLabelText('Antal')).toHaveAccessibleDescription('Skriv et helt tal fra 1 til 365.');

  await user.type(within(policy).getByLabelText('Antal'), '8');
  await user.selectOptions(within(policy).getByLabelText('Enhed'), 'arbejdsdage');
  await user.clear(within(policy).getByLabelText('Svarpolitikken med kommunens egne ord'));
  await user.type(within(policy).getByLabelText('Svarpolitikken med kommunens egne ord'), 'Svar inden 8 arbejdsdage.');
  await user.click(within(form).getByRole('button', { name: 'Gem kalender og frister' }));
  await within(section).findByText(/^Kalender og frister er gemt\./);
  expect((await real.call('deadlines:settings', {})).answerPolicy).toEqual({ amount: 8, unit: 'arbejdsdage', text: 'Svar inden 8 arbejdsdage.' });

  await user.click(within(policy).getByLabelText('Kommunen har en svarpolitik'));
  expect(within(policy).queryByLabelText('Antal')).not.toBeInTheDocument();
  await user.click(within(form).getByRole('button', { name: 'Gem kalender og frister' }));
  await waitFor(async () => expect((await real.call('deadlines:settings', {})).answerPolicy).toBeNull());
});

test('a klagepunkt deadline may follow the svarpolitik, named as a local target', async () => {
  const created = await createCase(real, { receivedOn: '2025-03-03' });
  const { user } = renderAt(`#/sager/${created.id}/anmodninger`);
  const section = await screen.findByRole('region', { name: 'Lovbestemte frister' });
  await user.click(within(section).getByRole('button', { name: 'Tilføj lovbestemt frist' }));
  const form = within(section).getByRole('form', { name: 'Ny lovbestemt frist' });
  const basis = within(form).getByLabelText('Lovbestemt frist') as HTMLSelectElement;
  await waitFor(() => expect([...basis.options].map((o) => o.text)).toContain('Kommunens svarpolitik (lokal målsætning) (14 dage)'));
  await user.selectOptions(basis, 'Kommunens svarpolitik (lokal målsætning) (14 dage)');
  await user.type(within(form).getByLabelText('Fristen løber fra'), '03.03.2025');
  await user.click(within(form).getByRole('button', { name: 'Gem frist' }));
  await within(section).findByText('Fristen er gemt: 17.03.2025.');
  const list = within(section).getByRole('list', { name: 'Lovbestemte frister' });
  expect(list).toHaveTextContent('Klagepunkt 1 · Kommunens svarpolitik (lokal målsætning)');
  const [stored] = await real.call('point-deadlines:for-case', { caseId: created.id });
  expect(stored).toMatchObject({ basis: 'svarpolitik', ruleId: null, dueOn: '2025-03-17' });
});

test('a svarpolitik of one month is offered as "1 måned", never "1 måneder"', async () => {
  const settings = await real.call('deadlines:settings', {});
  await real.call('deadlines:save-settings', { settings: { ...settings, answerPolicy: { amount: 1, unit: 'maaneder', text: '' } } });
  const created = await createCase(real);
  const { user } = renderAt(`#/sager/${created.id}/anmodninger`);
  const section = await screen.findByRole('region', { name: 'Lovbestemte frister' });
  await user.click(within(section).getByRole('button', { name: 'Tilføj lovbestemt frist' }));
  const basis = within(section).getByLabelText('Lovbestemt frist') as HTMLSelectElement;
  await waitFor(() => expect([...basis.options].map((o) => o.text)).toContain('Kommunens svarpolitik (lokal målsætning) (1 måned)'));
});
