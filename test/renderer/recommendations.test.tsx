import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createCase, type RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';
import { forvaltningId } from './rule-fixtures';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => { real.close(); });

test('a henstilling is added on the case page with the klagepunkt\'s forvaltning, then edited and deleted', async () => {
  const social = await forvaltningId(real, 'Social');
  const created = await createCase(real, { points: [{ forvaltningId: social, afdelingId: null, themeIds: [], description: 'Borgeren har ikke fået svar på sin ansøgning om hjælp til medicin siden januar', outcome: null }] });
  const { user } = renderAt(`#/sager/${created.id}/henstillinger`);
  const section = await screen.findByRole('region', { name: 'Henstillinger' });
  await within(section).findByText('Der er ikke givet henstillinger i henvendelsen.');
  await user.click(within(section).getByRole('button', { name: 'Tilføj henstilling' }));

  const form = within(section).getByRole('form', { name: 'Ny henstilling' });
  // The picker says which point it is: its forvaltning and the first words of its description.
  expect(within(form).getByLabelText('Klagepunkt')).toHaveDisplayValue('Klagepunkt 1 – Social: Borgeren har ikke fået svar på sin ansøgning …');
  expect(within(form).getByLabelText('Forvaltning')).toHaveDisplayValue('Social');
  expect(within(form).getByLabelText('Givet den')).toHaveValue('14.03.2025');
  await user.click(within(form).getByRole('button', { name: 'Gem henstilling' }));
  expect(within(form).getByLabelText('Henstilling')).toHaveAccessibleDescription('Skriv henstillingens tekst.');

  await user.type(within(form).getByLabelText('Henstilling'), 'Forvaltningen bør svare inden for svarfristen.');
  await user.type(within(form).getByLabelText('Opfølgningsdato'), '01.04.2025');
  await user.click(within(form).getByRole('button', { name: 'Gem henstilling' }));
  expect(await within(section).findByText('Henstillingen er gemt.')).toBeInTheDocument();
  const list = within(section).getByRole('list', { name: 'Henstillinger i henvendelsen' });
  expect(list).toHaveTextContent('Forvaltningen bør svare inden for svarfristen.');
  expect(list).toHaveTextContent('Social · Klagepunkt 1 · givet 14.03.2025');
  expect(within(section).getByRole('button', { name: 'Tilføj henstilling' })).toHaveFocus();
  const [stored] = await real.call('recommendations:for-case', { caseId: created.id });
  expect(stored).toMatchObject({ forvaltningId: social, pointId: created.points[0]?.id, status: 'afventer', followUpOn: '2025-04-01' });

  await user.click(within(list).getByRole('button', { name: /^Ret henstilling/ }));
  const edit = within(section).getByRole('form', { name: 'Ret henstilling' });
  await user.selectOptions(within(edit).getByLabelText('Status'), 'Fulgt');
  await user.click(within(edit).getByRole('button', { name: 'Gem henstilling' }));
  expect(within(edit).getByLabelText('Svardato')).toHaveAccessibleDescription(/Angiv hvornår forvaltningen svarede/);
  await user.type(within(edit).getByLabelText('Svardato'), '14032025');
  await user.type(within(edit).getByLabelText('Forvaltningens svar'), 'Vi har indskærpet svarfristen.');
  await user.click(within(edit).getByRole('button', { name: 'Gem henstilling' }));
  await waitFor(() => expect(within(section).queryByRole('form')).not.toBeInTheDocument());
  expect(within(section).getByRole('list', { name: 'Henstillinger i henvendelsen' })).toHaveTextContent('Fulgt · svar 14.03.2025');
  expect((await real.call('recommendations:for-case', { caseId: created.id }))[0]).toMatchObject({ status: 'fulgt', statusOn: '2025-03-14', answer: 'Vi har indskærpet svarfristen.' });

  const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
  try {
    await user.click(within(section).getByRole('button', { name: /^Slet henstilling/ }));
    expect(confirm).toHaveBeenCalledWith('Vil du slette henstillingen? Det kan ikke fortrydes.');
  } finally {
    confirm.mockRestore();
  }
  expect(await within(section).findByText('Henstillingen er slettet.')).toBeInTheDocument();
  expect(await real.call('recommendations:for-case', { caseId: created.id })).toEqual([]);
});

test('the Henstillinger register filters by status, forvaltning, overdue follow-up and period, and links to the case', async () => {
  const social = await forvaltningId(real, 'Social');
  const teknik = await forvaltningId(real, 'Teknik og Miljø');
  const a = await createCase(real, { receivedOn: '2025-01-06', points: [{ forvaltningId: social, afdelingId: null, themeIds: [], description: '', outcome: null }] });
  const b = await createCase(real, { receivedOn: '2025-01-06', points: [{ forvaltningId: teknik, afdelingId: null, themeIds: [], description: '', outcome: null }] });
  const base = { pointId: null, answer: '', statusOn: null, followUpOn: null, status: 'afventer' as const };
  await real.call('recommendations:create', { input: { ...base, caseId: a.id, forvaltningId: social, text: 'Svar borgerne til tiden.', givenOn: '2025-01-20', followUpOn: '2025-03-01' } });
  await real.call('recommendations:create', { input: { ...base, caseId: b.id, forvaltningId: teknik, text: 'Begrund afgørelserne.', givenOn: '2025-03-03', status: 'fulgt', statusOn: '2025-03-10' } });

  const { user } = renderAt('#/henstillinger');
  await screen.findByRole('heading', { level: 1, name: 'Henstillinger' });
  await screen.findByText('2 henstillinger');
  const table = screen.getByRole('table', { name: 'Henstillinger' });
  expect(within(table).getAllByRole('row')).toHaveLength(3);

  await user.click(screen.getByRole('checkbox', { name: 'Fulgt' }));
  await screen.findByText('1 henstilling');
  expect(screen.getByRole('table', { name: 'Henstillinger' })).toHaveTextContent('Begrund afgørelserne.');
  await user.click(screen.getByRole('checkbox', { name: 'Fulgt' }));
  await screen.findByText('2 henstillinger');

  await user.selectOptions(screen.getByLabelText('Forvaltning'), 'Social');
  await screen.findByText('1 henstilling');
  await user.selectOptions(screen.getByLabelText('Forvaltning'), 'Alle forvaltninger');
  await screen.findByText('2 henstillinger');

  await user.click(screen.getByRole('checkbox', { name: 'Opfølgning forfalden' }));
  await screen.findByText('1 henstilling');
  const due = screen.getByRole('table', { name: 'Henstillinger' });
  expect(due).toHaveTextContent('Svar borgerne til tiden.');
  expect(due).toHaveTextContent('forfalden');
  await user.click(screen.getByRole('checkbox', { name: 'Opfølgning forfalden' }));
  await screen.findByText('2 henstillinger');

  await user.type(screen.getByLabelText('Givet fra'), '01.03.2025');
  await screen.findByText('1 henstilling');
  const link = within(screen.getByRole('table', { name: 'Henstillinger' })).getByRole('link', { name: b.sagsnr });
  await user.click(link);
  expect(await screen.findByRole('heading', { level: 1, name: `Henvendelse ${b.sagsnr}` })).toBeInTheDocument();
});

test('adding a henstilling moves the case page\'s "senest ændret"', async () => {
  const created = await createCase(real);
  // The case was last changed the day before (the test clock stands still).
  real.ctx.db.prepare("UPDATE cases SET updated_at = '2025-03-13T09:00:00.000Z' WHERE id = ?").run(created.id);
  const { user } = renderAt(`#/sager/${created.id}/henstillinger`);
  const meta = () => document.querySelector('.page-meta')?.textContent ?? '';
  const section = await screen.findByRole('region', { name: 'Henstillinger' });
  await waitFor(() => expect(meta()).toMatch(/senest ændret 13\.03\.2025/));
  await user.click(within(section).getByRole('button', { name: 'Tilføj henstilling' }));
  const form = within(section).getByRole('form', { name: 'Ny henstilling' });
  await user.type(within(form).getByLabelText('Henstilling'), 'Forvaltningen bør svare inden for svarfristen.');
  await user.click(within(form).getByRole('button', { name: 'Gem henstilling' }));
  await within(section).findByText('Henstillingen er gemt.');
  await waitFor(() => expect(meta()).toMatch(/senest ændret 14\.03\.2025/));
});
