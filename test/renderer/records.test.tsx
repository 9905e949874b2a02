/**
 * Akter og journal on the case page, against the real backend: a file added through "Tilføj akt …"
 * with the mail's own subject, sender and date prefilled; opened and saved; its metadata corrected
 * and the akt removed; a file refused before it is sent; journal notes written, corrected and found
 * by the search; every change in the history.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { plainMail } from '../../shared/demo/letter-files';
import { createCase, type RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
let createUrl: ReturnType<typeof vi.fn>;
beforeEach(() => {
  real = freshBackend();
  // jsdom has no Blob URLs; the file handed to them is what the tests look at.
  createUrl = vi.fn((_blob: Blob) => 'blob:akt');
  Object.assign(URL, { createObjectURL: createUrl, revokeObjectURL: vi.fn() });
});
afterEach(() => {
  real.close();
  vi.restoreAllMocks();
});

function mailFile(): File {
  const bytes = plainMail({
    from: 'Jobcenter Nord <post@jobcenter.dk>', to: 'borgerraadgiver@kommune.dk', subject: 'Redegørelse i sagen om sygedagpenge',
    date: new Date('2025-03-12T09:00:00Z'), body: 'Jobcenteret beklager den lange sagsbehandlingstid og genoptager sagen.',
  });
  return new File([new Uint8Array(bytes)], 'redegoerelse.eml', { type: 'message/rfc822' });
}

/** jsdom's Blob has no text(); FileReader reads it. */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

async function section() {
  return screen.findByRole('region', { name: 'Akter og journal' });
}

test('an e-mail is added with its subject, sender and date, opened, saved, corrected and removed', async () => {
  const created = await createCase(real);
  const { user } = renderAt(`#/sager/${created.id}/akter`);
  const s = await section();
  await within(s).findByText('Der er ingen akter eller notater i henvendelsen.');

  await user.upload(within(s).getByLabelText('Vælg filer til akter'), mailFile());
  const form = await within(s).findByRole('form', { name: 'Ny akt: redegoerelse.eml' });
  expect(within(form).getByLabelText('Titel')).toHaveValue('Redegørelse i sagen om sygedagpenge');
  expect(within(form).getByLabelText('Afsender/modtager')).toHaveValue('Jobcenter Nord <post@jobcenter.dk>');
  expect(within(form).getByLabelText('Aktens dato')).toHaveValue('12.03.2025');
  await user.clear(within(form).getByLabelText('Afsender/modtager'));
  await user.type(within(form).getByLabelText('Afsender/modtager'), 'Jobcenter Nord');
  await user.click(within(form).getByRole('button', { name: 'Gem akt' }));
  expect(await within(s).findByText('Akten «Redegørelse i sagen om sygedagpenge» er gemt.')).toBeInTheDocument();
  const list = within(s).getByRole('list', { name: 'Akter og notater' });
  expect(list).toHaveTextContent('12.03.2025 · Akt · Indgående · Redegørelse i sagen om sygedagpenge');
  expect(list).toHaveTextContent('Fra Jobcenter Nord · redegoerelse.eml');

  // Gem som …: the stored bytes go to the download with the file's name.
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  await user.click(within(list).getByRole('button', { name: 'Gem som … – akt «Redegørelse i sagen om sygedagpenge»' }));
  await waitFor(() => expect(click).toHaveBeenCalled());
  const saved = click.mock.instances[0] as unknown as HTMLAnchorElement;
  expect(saved.download).toBe('redegoerelse.eml');
  const blob = createUrl.mock.calls[0]?.[0] as Blob;
  expect(await blobText(blob)).toContain('genoptager sagen');
  // Åbn: a mail cannot be shown in a tab, so it is saved, and the adviser is told.
  await user.click(within(list).getByRole('button', { name: 'Åbn akt «Redegørelse i sagen om sygedagpenge»' }));
  expect(await within(s).findByText('«redegoerelse.eml» kan ikke vises her og er gemt som fil i stedet.')).toBeInTheDocument();

  // The text of the akt is searchable.
  await user.type(within(s).getByLabelText('Søg i akter og journal'), 'beklager');
  await waitFor(() => expect(within(s).getByRole('list', { name: 'Akter og notater' })).toHaveTextContent('Redegørelse'));
  await user.clear(within(s).getByLabelText('Søg i akter og journal'));
  await user.type(within(s).getByLabelText('Søg i akter og journal'), 'hjemmehjælp');
  expect(await within(s).findByText('Ingen akter eller notater passer til søgningen.')).toBeInTheDocument();
  await user.clear(within(s).getByLabelText('Søg i akter og journal'));

  await user.click(await within(s).findByRole('button', { name: 'Ret akt «Redegørelse i sagen om sygedagpenge»' }));
  const edit = within(s).getByRole('form', { name: 'Ret akt «Redegørelse i sagen om sygedagpenge»' });
  await user.clear(within(edit).getByLabelText('Titel'));
  await user.click(within(edit).getByRole('button', { name: 'Gem akt' }));
  expect(within(edit).getByLabelText('Titel')).toHaveAccessibleDescription('Skriv en titel på akten.');
  await user.type(within(edit).getByLabelText('Titel'), 'Jobcenterets redegørelse');
  await user.click(within(edit).getByRole('button', { name: 'Gem akt' }));
  expect(await within(s).findByText('Akten er gemt.')).toBeInTheDocument();
  const history = await real.call('cases:history', { id: created.id });
  expect(history[0]).toMatchObject({ action: 'Akt ændret', actor: real.adviser.name });
  expect(history[0]?.changes).toContainEqual({ field: 'Titel', before: 'Redegørelse i sagen om sygedagpenge', after: 'Jobcenterets redegørelse' });

  const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
  await user.click(within(s).getByRole('button', { name: 'Slet akt «Jobcenterets redegørelse»' }));
  expect(confirm).toHaveBeenCalledWith('Vil du slette akten «Jobcenterets redegørelse»? Filen slettes fra Ombud, og det kan ikke fortrydes.');
  expect(await within(s).findByText('Akten «Jobcenterets redegørelse» er slettet.')).toBeInTheDocument();
  expect(await real.call('documents:list', { caseId: created.id })).toEqual([]);
});

test('a file over 50 MB or of an unknown kind is refused with the reason, and nothing is stored', async () => {
  const created = await createCase(real);
  const { user } = renderAt(`#/sager/${created.id}/akter`);
  const s = await section();
  const big = new File(['x'], 'scanning.pdf', { type: 'application/pdf' });
  Object.defineProperty(big, 'size', { value: Math.round(73.2 * 1024 * 1024) });
  const exe = new File(['MZ'], 'program.exe');
  await user.upload(within(s).getByLabelText('Vælg filer til akter'), [big, exe]);
  const pending = await within(s).findByRole('list', { name: 'Nye akter' });
  await waitFor(() => expect(pending).toHaveTextContent('scanning.pdf kan ikke tilføjes: Filen er 73,2 MB – en akt må højst fylde 50 MB.'));
  await waitFor(() => expect(pending).toHaveTextContent('program.exe kan ikke tilføjes: Filtypen .exe kan ikke gemmes som akt.'));
  await user.click(within(pending).getByRole('button', { name: 'Fjern scanning.pdf fra listen' }));
  expect(within(s).getByRole('list', { name: 'Nye akter' })).not.toHaveTextContent('scanning.pdf');
  expect(await real.call('documents:list', { caseId: created.id })).toEqual([]);
});

test('the backend refuses an oversized file with the same Danish words, on its field', async () => {
  const created = await createCase(real);
  const contentBase64 = 'A'.repeat(Math.ceil((51 * 1024 * 1024) / 3) * 4);
  const result = await real.raw('documents:add', { caseId: created.id, fileName: 'stor.txt', contentBase64, direction: 'ind' });
  expect(result).toEqual({ ok: false, error: { code: 'validation', message: 'Filen er 51,0 MB – en akt må højst fylde 50 MB.', fields: { contentBase64: 'Filen er 51,0 MB – en akt må højst fylde 50 MB.' } } });
});

test('journal notes are written, corrected by the adviser and found by the search', async () => {
  const created = await createCase(real);
  const { user } = renderAt(`#/sager/${created.id}/akter`);
  const s = await section();
  await user.click(within(s).getByRole('button', { name: 'Skriv notat' }));
  const form = within(s).getByRole('form', { name: 'Nyt notat' });
  expect(within(form).getByLabelText('Dato')).toHaveValue('14.03.2025');
  await user.type(within(form).getByLabelText('Klokkeslæt'), '9.5');
  await user.click(within(form).getByRole('button', { name: 'Gem notat' }));
  expect(within(form).getByLabelText('Tekst')).toHaveAccessibleDescription('Skriv notatets tekst.');
  expect(within(form).getByLabelText('Klokkeslæt')).toHaveAccessibleDescription(/Skriv klokkeslættet som tt.mm, fx 09.15./);
  await user.clear(within(form).getByLabelText('Klokkeslæt'));
  await user.type(within(form).getByLabelText('Klokkeslæt'), '9.15');
  await user.type(within(form).getByLabelText('Tekst'), 'Borgeren ringede: Şükrü fra Jobcenter Nord har lovet svar i næste uge.');
  await user.click(within(form).getByRole('button', { name: 'Gem notat' }));
  expect(await within(s).findByText('Notatet er gemt.')).toBeInTheDocument();
  const list = within(s).getByRole('list', { name: 'Akter og notater' });
  expect(list).toHaveTextContent(`14.03.2025 kl. 09.15 · Telefonnotat · ${real.adviser.name}`);

  await user.click(within(s).getByRole('button', { name: 'Skriv notat' }));
  const second = within(s).getByRole('form', { name: 'Nyt notat' });
  await user.selectOptions(within(second).getByLabelText('Art'), 'Intern note');
  await user.type(within(second).getByLabelText('Tekst'), 'Afventer forvaltningens redegørelse.');
  await user.click(within(second).getByRole('button', { name: 'Gem notat' }));
  await waitFor(() => expect(within(s).getAllByRole('article')).toHaveLength(2));

  await user.type(within(s).getByLabelText('Søg i akter og journal'), 'sukru');
  await waitFor(() => expect(within(s).getAllByRole('article')).toHaveLength(1));
  expect(within(s).getByRole('article')).toHaveTextContent('Şükrü');
  await user.clear(within(s).getByLabelText('Søg i akter og journal'));
  await waitFor(() => expect(within(s).getAllByRole('article')).toHaveLength(2));
  await user.selectOptions(within(s).getByLabelText('Vis'), 'Kun akter');
  expect(await within(s).findByText('Ingen akter eller notater passer til søgningen.')).toBeInTheDocument();
  await user.selectOptions(within(s).getByLabelText('Vis'), 'Akter og notater');

  await user.click(await within(s).findByRole('button', { name: 'Ret telefonnotat 14.03.2025 kl. 09.15' }));
  const edit = within(s).getByRole('form', { name: 'Ret notat' });
  await user.selectOptions(within(edit).getByLabelText('Art'), 'Møde');
  await user.click(within(edit).getByRole('button', { name: 'Gem notat' }));
  await waitFor(() => expect(within(s).queryByRole('form', { name: 'Ret notat' })).not.toBeInTheDocument());
  const history = await real.call('cases:history', { id: created.id });
  expect(history[0]).toMatchObject({ action: 'Notat ændret', changes: [{ field: 'Notat', before: 'Telefonnotat', after: 'Møde' }] });

  vi.spyOn(window, 'confirm').mockReturnValue(true);
  await user.click(within(s).getByRole('button', { name: 'Slet intern note 14.03.2025' }));
  expect(await within(s).findByText('Notatet er slettet.')).toBeInTheDocument();
  expect(await real.call('journal:list', { caseId: created.id })).toHaveLength(1);
});

test('the case list search also finds a henvendelse by the text of its akter, offered as links', async () => {
  const created = await createCase(real);
  const content = Buffer.from('Jobcenteret har stoppet Şükrüs sygedagpenge uden partshøring.', 'utf8').toString('base64');
  await real.call('documents:add', { caseId: created.id, fileName: 'notat.txt', contentBase64: content, direction: 'ind', title: 'Notat fra mødet' });
  const { user } = renderAt('#/sager');
  await user.type(await screen.findByLabelText('Søg'), 'sukrus sygedagpenge');
  const summary = await screen.findByText('Søgningen findes også i 1 akt');
  await user.click(summary);
  const hits = screen.getByRole('list', { name: 'Fundet i akter' });
  expect(within(hits).getByRole('link', { name: `${created.sagsnr} – Notat fra mødet` })).toHaveAttribute('href', `#/sager/${created.id}/akter`);
  expect(hits).toHaveTextContent('Sukrus sygedagpenge');
});

test('files dropped on the section each get their own form, and an empty one is refused there and then', async () => {
  const created = await createCase(real);
  renderAt(`#/sager/${created.id}/akter`);
  const s = await section();
  const zone = within(s).getByText(/^Træk filer hertil/).parentElement as HTMLElement;
  const letter = new File([new TextEncoder().encode('Borgeren klager over ventetiden.').buffer as ArrayBuffer], 'Klage.txt', { type: 'text/plain' });
  const empty = new File([], 'Tom.pdf', { type: 'application/pdf' });
  fireEvent.dragOver(zone, { dataTransfer: { files: [letter, empty] } });
  expect(zone).toHaveClass('drop-zone--active');
  fireEvent.drop(zone, { dataTransfer: { files: [letter, empty] } });
  expect(zone).not.toHaveClass('drop-zone--active');
  const form = await within(s).findByRole('form', { name: 'Ny akt: Klage.txt' });
  expect(within(form).getByLabelText('Titel')).toHaveValue('Klage');
  expect(await within(s).findByText(/Tom\.pdf/)).toBeInTheDocument();
  expect(s).toHaveTextContent('Filen er tom (0 byte) og kan ikke gemmes som akt.');
  expect(await real.call('documents:list', { caseId: created.id })).toEqual([]);
});
