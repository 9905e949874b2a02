import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => { real.close(); });

test('a file that is not an import file is reported row by row or refused, in Danish, and nothing is imported', async () => {
  const { user } = renderAt('#/import');
  await user.click(await screen.findByRole('button', { name: 'Kontrollér (prøvekørsel)' }));
  expect(screen.getByLabelText('Fil (CSV, XLSX eller JSON)')).toHaveAccessibleDescription('Vælg en CSV-, XLSX- eller JSON-fil først.');

  const file = new File(['sagsnr;noget\n2025-0001;x\n'], 'forkert.csv', { type: 'text/csv' });
  await user.upload(screen.getByLabelText('Fil (CSV, XLSX eller JSON)'), file);
  await user.click(screen.getByRole('button', { name: 'Kontrollér (prøvekørsel)' }));
  expect(screen.getByRole('progressbar')).toBeInTheDocument();
  await waitFor(() => expect(screen.queryByText(/Prøvekørslen fandt fejl|Prøvekørslen fandt ingen fejl/) ?? screen.queryByRole('alert')).not.toBeNull());
  expect(screen.queryByText('Prøvekørslen fandt ingen fejl')).not.toBeInTheDocument();
  const issues = screen.queryByRole('list', { name: 'Fejl i filen' });
  if (issues) expect(issues.textContent).toMatch(/linje \d+/);
  const list = await real.call('cases:list', { search: '', statuses: [], types: [], forvaltningId: null, themeId: null, receivedFrom: null, receivedTo: null, sort: 'sagsnr', direction: 'asc', offset: 0, limit: 1 });
  expect(list.total).toBe(0);
});

test('dry run then import of a valid CSV: progress, summary with created entries, cases stored', async () => {
  const csv = [
    'sagsnr;modtaget;type;kanal;borger_navn;forvaltning;afdeling;tema;udfald',
    '2024-0100;05.02.2024;klage;telefon;Åse Ørsted;Kultur og Fritid;Bibliotek;Aktindsigt|Nyt tema;kritik',
    '2024-0100;05.02.2024;klage;telefon;Åse Ørsted;Social;;;ingen kritik',
    '2024-0101;2024-03-01;vejledning;e-mail;Bo Berg;;;;',
  ].join('\n');
  const { user } = renderAt('#/import');
  await user.upload(await screen.findByLabelText('Fil (CSV, XLSX eller JSON)'), new File([csv], 'sager.csv', { type: 'text/csv' }));

  await user.click(screen.getByRole('button', { name: 'Kontrollér (prøvekørsel)' }));
  expect(await screen.findByRole('heading', { name: 'Prøvekørslen fandt ingen fejl' })).toBeInTheDocument();
  expect((await real.call('settings:get', {})).forvaltninger.some((f) => f.name === 'Kultur og Fritid')).toBe(false);

  await user.click(screen.getByRole('button', { name: 'Importér' }));
  expect(await screen.findByRole('heading', { name: 'Importen er gennemført' })).toBeInTheDocument();
  expect(screen.getByText('2 blev importeret')).toBeInTheDocument();
  expect(screen.getByText('1: Kultur og Fritid')).toBeInTheDocument();
  expect(screen.getByText('1: Kultur og Fritid / Bibliotek')).toBeInTheDocument();
  expect(screen.getByText(/Nyt tema/)).toBeInTheDocument();
  expect(screen.getByRole('progressbar')).toHaveAttribute('value');
  const list = await real.call('cases:list', { search: '', statuses: [], types: [], forvaltningId: null, themeId: null, receivedFrom: null, receivedTo: null, sort: 'sagsnr', direction: 'asc', offset: 0, limit: 10 });
  expect(list.rows.map((r) => r.sagsnr)).toEqual(['2024-0100', '2024-0101']);
  expect(list.rows[0]?.pointCount).toBe(2);
});

test('rows outside competence marked undersøgt are imported, and listed as warnings rather than errors', async () => {
  const csv = [
    'sagsnr;modtaget;type;kompetence;behandling;forvaltning;beskrivelse',
    '2024-0200;05.02.2024;klage;afgørelsens indhold;vejvist;Social;Afslaget er forkert',
    '2024-0200;05.02.2024;klage;inden for;undersøgt;Social;Ingen partshøring',
    '2024-0201;06.02.2024;klage;over 1 år;undersøgt;Social;Gammel sag',
  ].join('\n');
  const { user } = renderAt('#/import');
  await user.upload(await screen.findByLabelText('Fil (CSV, XLSX eller JSON)'), new File([csv], 'historik.csv', { type: 'text/csv' }));
  await user.click(screen.getByRole('button', { name: 'Importér' }));
  expect(await screen.findByRole('heading', { name: 'Importen er gennemført' })).toBeInTheDocument();
  expect(screen.getByRole('heading', { name: 'Advarsler (1)' })).toBeInTheDocument();
  expect(screen.getByRole('list', { name: 'Advarsler i filen' })).toHaveTextContent(
    'linje 4, kolonne behandling: klagepunktet er uden for kompetence (over 1 år), men markeret som undersøgt',
  );
  expect(screen.queryByRole('list', { name: 'Fejl i filen' })).not.toBeInTheDocument();
  const list = await real.call('cases:list', { search: '', statuses: [], types: [], forvaltningId: null, themeId: null, receivedFrom: null, receivedTo: null, sort: 'sagsnr', direction: 'asc', offset: 0, limit: 10 });
  expect(list.rows.map((r) => [r.sagsnr, r.pointCount])).toEqual([['2024-0200', 2], ['2024-0201', 1]]);
});

test('the progress counts rows of a CSV file, and a JSON export is imported from the same screen', async () => {
  const csv = [
    'sagsnr;modtaget;type;forvaltning;beskrivelse',
    '2024-0300;05.02.2024;klage;Social;"Første punkt\nover to linjer"',
    '2024-0300;;;Social;Andet punkt',
    '2024-0301;06.02.2024;klage;Social;Tredje punkt',
  ].join('\n');
  const { user } = renderAt('#/import');
  await user.upload(await screen.findByLabelText('Fil (CSV, XLSX eller JSON)'), new File([csv], 'sager.csv', { type: 'text/csv' }));
  await user.click(screen.getByRole('button', { name: 'Importér' }));
  expect(await screen.findByRole('heading', { name: 'Importen er gennemført' })).toBeInTheDocument();
  expect(screen.getByText(/3 af 3 rækker/)).toBeInTheDocument();

  const exported = await real.call('export:build', { format: 'json' });
  const json = atob(exported.contentBase64);
  cleanup();
  real.close();
  real = freshBackend();
  const second = renderAt('#/import');
  await second.user.upload(
    await screen.findByLabelText('Fil (CSV, XLSX eller JSON)'),
    new File([Uint8Array.from(json, (c) => c.charCodeAt(0))], 'ombud-eksport.json', { type: 'application/json' }),
  );
  await second.user.click(screen.getByRole('button', { name: 'Importér' }));
  expect(await screen.findByRole('heading', { name: 'Importen er gennemført' })).toBeInTheDocument();
  expect(screen.getByText(/2 af 2 henvendelser/)).toBeInTheDocument();
  const list = await real.call('cases:list', { search: '', statuses: [], types: [], forvaltningId: null, themeId: null, receivedFrom: null, receivedTo: null, sort: 'sagsnr', direction: 'asc', offset: 0, limit: 10 });
  expect(list.rows.map((r) => [r.sagsnr, r.pointCount])).toEqual([['2024-0300', 2], ['2024-0301', 1]]);
});
