import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createCase, type RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
beforeEach(async () => {
  real = freshBackend();
  await createCase(real, { citizenName: 'Åse Ørsted', summary: 'Manglende svar på ansøgning', receivedOn: '2025-01-05' });
  await createCase(real, { citizenName: 'Bo Hansen', summary: 'Lang sagsbehandlingstid', receivedOn: '2025-02-10', status: 'under_behandling' });
  await createCase(real, { citizenName: 'Carl Andersen', summary: 'Uhøflig tone i telefonen', receivedOn: '2025-03-01', type: 'vejledning', points: [] });
});
afterEach(() => { real.close(); });

function bodyRows(): HTMLElement[] {
  return within(screen.getByRole('grid', { name: 'Henvendelser' })).getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1');
}
function citizenColumn(): string[] {
  return bodyRows().map((r) => within(r).getAllByRole('gridcell')[5]?.textContent ?? '');
}

test('renders rows from the backend with the total count, Danish dates and labels', async () => {
  renderAt('#/sager');
  expect(await screen.findByText('3 henvendelser')).toBeInTheDocument();
  await waitFor(() => expect(bodyRows()).toHaveLength(3));
  // Default sort: newest received first.
  expect(citizenColumn()).toEqual(['Carl Andersen', 'Bo Hansen', 'Åse Ørsted']);
  const first = bodyRows()[0] as HTMLElement;
  expect(first).toHaveTextContent('01.03.2025');
  expect(first).toHaveTextContent('Vejledning');
  expect(within(bodyRows()[1] as HTMLElement).getByText('Under behandling')).toBeInTheDocument();
  expect(screen.getByRole('grid', { name: 'Henvendelser' })).toHaveAttribute('aria-rowcount', '4');
  expect(document.title).toBe('Sager – Ombud');
});

test('the search box filters as you type, and "/" focuses it', async () => {
  const { user } = renderAt('#/sager');
  await screen.findByText('3 henvendelser');
  await user.click(document.body);
  await user.keyboard('/');
  const search = screen.getByRole('searchbox', { name: 'Søg' });
  expect(search).toHaveFocus();
  // The "/" hint is worded as on the Regler screen.
  expect(search).toHaveAccessibleDescription(/Tryk \/ for at søge\.$/);
  await user.keyboard('Hansen');
  expect(await screen.findByText('1 henvendelse')).toBeInTheDocument();
  await waitFor(() => expect(citizenColumn()).toEqual(['Bo Hansen']));

  await user.clear(search);
  await user.type(search, 'findes ikke');
  expect(await screen.findByText('0 henvendelser')).toBeInTheDocument();
  expect(screen.getByText(/Ingen henvendelser matcher søgningen/)).toBeInTheDocument();
  expect(screen.queryByRole('grid')).not.toBeInTheDocument();
});

test('filters by status', async () => {
  const { user } = renderAt('#/sager');
  await screen.findByText('3 henvendelser');
  await user.selectOptions(screen.getByLabelText('Status'), 'Under behandling');
  expect(await screen.findByText('1 henvendelse')).toBeInTheDocument();
  await waitFor(() => expect(citizenColumn()).toEqual(['Bo Hansen']));
});

test('a column header sorts, and clicking it again reverses the order (aria-sort follows)', async () => {
  const { user } = renderAt('#/sager');
  await screen.findByText('3 henvendelser');
  const header = screen.getByRole('columnheader', { name: 'Borger' });
  expect(header).not.toHaveAttribute('aria-sort');
  expect(screen.getByRole('columnheader', { name: 'Modtaget' })).toHaveAttribute('aria-sort', 'descending');

  await user.click(within(header).getByRole('button', { name: 'Borger' }));
  expect(header).toHaveAttribute('aria-sort', 'ascending');
  await waitFor(() => expect(citizenColumn()).toEqual(['Bo Hansen', 'Carl Andersen', 'Åse Ørsted']));

  await user.click(within(header).getByRole('button', { name: 'Borger' }));
  expect(header).toHaveAttribute('aria-sort', 'descending');
  await waitFor(() => expect(citizenColumn()).toEqual(['Åse Ørsted', 'Carl Andersen', 'Bo Hansen']));
});

test('arrow keys move the selection and Enter opens the case', async () => {
  const { user } = renderAt('#/sager');
  await screen.findByText('3 henvendelser');
  const grid = screen.getByRole('grid', { name: 'Henvendelser' });
  await waitFor(() => expect(bodyRows()).toHaveLength(3));
  grid.focus();
  expect(grid).toHaveAttribute('aria-activedescendant', 'case-row-0');
  await user.keyboard('{ArrowDown}');
  expect(grid).toHaveAttribute('aria-activedescendant', 'case-row-1');
  expect(bodyRows()[1]).toHaveAttribute('aria-selected', 'true');
  await user.keyboard('{Enter}');
  expect(await screen.findByRole('heading', { level: 1, name: /^Henvendelse 2025-/ })).toBeInTheDocument();
  expect(screen.getByRole('region', { name: 'Sagens hoved' })).toHaveTextContent('Bo Hansen');
});

test('pages of 100 rows are fetched as the list scrolls', async () => {
  for (let i = 0; i < 230; i++) await createCase(real, { citizenName: `Borger ${String(i).padStart(3, '0')}`, receivedOn: '2024-06-01' });
  renderAt('#/sager');
  expect(await screen.findByText('233 henvendelser')).toBeInTheDocument();
  const grid = screen.getByRole('grid', { name: 'Henvendelser' });
  await waitFor(() => expect(bodyRows().length).toBeGreaterThan(0));
  // Only the visible window is in the DOM.
  expect(bodyRows().length).toBeLessThan(60);
  // Scroll to the end as the adviser would; the rows there come from the third page (offset 200).
  grid.scrollTop = 233 * 36;
  await waitFor(() => expect(document.getElementById('case-row-232')).toBeInTheDocument());
  await waitFor(() => expect(document.getElementById('case-row-232')).toHaveTextContent(/Borger \d{3}|Åse Ørsted/));
  expect(document.getElementById('case-row-0')).not.toBeInTheDocument();
});

test('each row shows its next deadline and adviser; "Mine sager" keeps the henvendelser of the adviser at the desk', async () => {
  const mine = await createCase(real, { citizenName: 'Dorte Mikkelsen', summary: 'Min sag', receivedOn: '2025-02-20', adviserId: real.adviser.id });
  const f = mine.points[0]!.forvaltningId!;
  // Sent 28.02.2025 with 10 arbejdsdage: due 14.03.2025; a second one later is not the next.
  const spec = { amount: 10, unit: 'arbejdsdage', rollForward: false, profile: 'standard' } as const;
  await real.call('requests:create', { input: { caseId: mine.id, forvaltningId: f, kind: 'redegoerelse', sentOn: '2025-02-28', spec, note: '' } });
  await real.call('requests:create', { input: { caseId: mine.id, forvaltningId: f, kind: 'akter', sentOn: '2025-03-10', spec, note: '' } });
  const old = await createCase(real, { citizenName: 'Erik Olsen', summary: 'Gammel frist', receivedOn: '2025-01-02' });
  await real.call('requests:create', { input: { caseId: old.id, forvaltningId: f, kind: 'akter', sentOn: '2025-01-06', spec, note: '' } });

  const { user } = renderAt('#/sager');
  expect(await screen.findByText('5 henvendelser')).toBeInTheDocument();
  const grid = screen.getByRole('grid', { name: 'Henvendelser' });
  expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent?.replace(/[▲▼]/g, '').trim())).toEqual([
    'Sagsnr', 'Modtaget', 'Type', 'Status', 'Næste frist', 'Borger', 'Resumé', 'Forvaltninger', 'Rådgiver', 'Klagepunkter',
  ]);
  await waitFor(() => expect(bodyRows()).toHaveLength(5));
  const row = (citizen: string) => bodyRows().find((r) => r.textContent?.includes(citizen)) as HTMLElement;
  const cells = (citizen: string) => within(row(citizen)).getAllByRole('gridcell');
  expect(cells('Dorte Mikkelsen')[4]).toHaveTextContent(/^14\.03\.2025 Anmodning$/);
  expect(cells('Dorte Mikkelsen')[8]).toHaveTextContent(real.adviser.name);
  // Passed: said in words too, not only in colour.
  expect(cells('Erik Olsen')[4]).toHaveTextContent('20.01.2025 Anmodning, overskredet');
  expect(cells('Erik Olsen')[8]).toHaveTextContent('–');
  expect(cells('Carl Andersen')[4]).toHaveTextContent('–');

  await user.click(screen.getByRole('checkbox', { name: 'Mine sager' }));
  expect(await screen.findByText('1 henvendelse')).toBeInTheDocument();
  await waitFor(() => expect(citizenColumn()).toEqual(['Dorte Mikkelsen']));
  await user.click(screen.getByRole('button', { name: 'Nulstil filtre' }));
  expect(await screen.findByText('5 henvendelser')).toBeInTheDocument();
  expect(screen.getByRole('checkbox', { name: 'Mine sager' })).not.toBeChecked();
});
