/** The case page's Udtalelse: the finding's auto-draft from the real backend, shown as a letter, made again on request. */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { today } from '../../electron/services/deadline-common';
import { renderFindingPdf } from '../../electron/services/findings';
import { createCase, type RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => real.close());

test('Udtalelse shows the auto-draft as a letter and makes it again with what was recorded since', async () => {
  const { f, created } = await complaintAgainstFirstForvaltning();
  const { document: draft } = await real.call('findings:state', { caseId: created.id });
  const { user } = renderAt(`#/sager/${created.id}/udtalelse`);
  const letter = await screen.findByRole('article', { name: 'Udkast til udtalelse' });
  expect(letter).toHaveAttribute('lang', 'da');
  const dd = draft.letterhead.date.split('-').reverse().join('.');
  expect(screen.getByText('Udkast – ikke udsendt')).toBeInTheDocument();
  expect(screen.getByText(`· dannet ud fra sagens oplysninger ${dd}`, { exact: false })).toBeInTheDocument();
  // The letter's title sits under the section's h2, so the page's outline stays in order.
  expect(within(letter).getByRole('heading', { level: 3, name: 'Udtalelse' })).toBeInTheDocument();
  expect(within(letter).getByRole('heading', { level: 4, name: 'Din klage' })).toBeInTheDocument();
  expect(within(letter).getByRole('heading', { level: 5, name: 'Klagepunkt 1: Jobcentret svarede ikke' })).toBeInTheDocument();
  expect(within(letter).getByText('Det er beklageligt, at jobcentret svarede ikke.').tagName).toBe('STRONG');
  expect(within(letter).getByText('Åse Ørsted').closest('address')).not.toBeNull();
  expect(within(letter).getByText(`Sagsnr. ${created.sagsnr}`)).toBeInTheDocument();
  expect(within(letter).queryByRole('heading', { name: 'Henstillinger' })).toBeNull();

  const point = (await real.call('cases:get', { id: created.id })).points[0]!;
  await real.call('recommendations:create', { input: {
    caseId: created.id, pointId: point.id, forvaltningId: f.id, text: 'Forvaltningen svarer inden for svarfristen', givenOn: '2025-03-12',
    status: 'afventer', statusOn: null, answer: '', followUpOn: null,
  } });
  await user.click(screen.getByRole('button', { name: 'Dan udkastet igen' }));
  await waitFor(() => expect(within(screen.getByRole('article', { name: 'Udkast til udtalelse' })).getByRole('heading', { name: 'Henstillinger' })).toBeInTheDocument());
  expect(screen.getByText(`Jeg henstiller til ${f.name}, at forvaltningen svarer inden for svarfristen.`)).toBeInTheDocument();
});

test('"Gem som PDF" saves the PDF the backend renders of the draft, named after the case, byte for byte what the CLI writes for the day', async () => {
  const created = await createCase(real, { citizenName: 'Şükrü Łukasz' });
  const createUrl = vi.fn((_blob: Blob) => 'blob:udtalelse');
  Object.assign(URL, { createObjectURL: createUrl, revokeObjectURL: vi.fn() });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  try {
    const { user } = renderAt(`#/sager/${created.id}/udtalelse`);
    await screen.findByRole('article', { name: 'Udkast til udtalelse' });
    await user.click(screen.getByRole('button', { name: 'Gem som PDF' }));
    expect(await screen.findByText(`Udtalelse ${created.sagsnr}.pdf er gemt.`)).toBeInTheDocument();
    const anchor = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(anchor.download).toBe(`Udtalelse ${created.sagsnr}.pdf`);
    const blob = createUrl.mock.calls[0]?.[0] as Blob;
    const saved = await blobBytes(blob);
    const { bytes } = await renderFindingPdf(real.ctx, created.id, { kind: 'draft', date: today(real.ctx) }, { variant: 'borger', anonymised: false });
    expect(Buffer.compare(Buffer.from(saved), Buffer.from(bytes))).toBe(0);
  } finally {
    vi.restoreAllMocks();
  }
});

test('the letter to the forvaltning has the forvaltning as recipient and the citizen in the copy line', async () => {
  const { f, created } = await complaintAgainstFirstForvaltning();
  const { user } = renderAt(`#/sager/${created.id}/udtalelse`);
  const letter = await screen.findByRole('article', { name: 'Udkast til udtalelse' });
  expect(within(letter).getByText(`Kopi til: ${f.name}`)).toBeInTheDocument();
  await user.click(screen.getByLabelText('Til forvaltningen (kopi til borgeren)'));
  expect(within(letter).getByText('Kopi til: Åse Ørsted')).toBeInTheDocument();
  expect(within(letter).getByText(f.name).closest('address')).not.toBeNull();
});

test('a section that does not read says so at the field; a saved edit is marked and can be reset', async () => {
  const { created } = await complaintAgainstFirstForvaltning();
  const { user } = renderAt(`#/sager/${created.id}/udtalelse`);
  await screen.findByRole('article', { name: 'Udkast til udtalelse' });
  await user.click(screen.getByRole('button', { name: 'Rediger Indledning' }));
  const field = screen.getByLabelText('Afsnittets tekst');
  await waitFor(() => expect(field).toHaveFocus());
  await user.clear(field);
  await user.type(field, '# Ny titel');
  expect(await screen.findByText('Brevets titel kan ikke ændres i et afsnit (linje 1). Brug ## for en overskrift.')).toBeInTheDocument();
  expect(field).toHaveAttribute('aria-invalid', 'true');
  await user.click(screen.getByRole('button', { name: 'Gem afsnit' }));
  expect(await screen.findByText('Brevets titel kan ikke ændres i et afsnit (linje 1). Brug ## for en overskrift.')).toBeInTheDocument();

  await user.clear(field);
  await user.type(field, 'Tak for din henvendelse, som jeg har *færdigbehandlet*.');
  const letter = screen.getByRole('article', { name: 'Udkast til udtalelse' });
  expect(within(letter).getByText('færdigbehandlet').tagName).toBe('EM');
  await user.keyboard('{Control>}s{/Control}');
  expect(await screen.findByText('Afsnittet «Indledning» er gemt i udkastet.')).toBeInTheDocument();
  const sections = screen.getByRole('navigation', { name: 'Afsnit' });
  expect(within(sections).getByText('redigeret')).toBeInTheDocument();
  expect((await real.call('findings:state', { caseId: created.id })).sections.find((x) => x.key === 'indledning')?.edited).toBe(true);

  const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
  try {
    await user.click(screen.getByRole('button', { name: 'Rediger Indledning' }));
    await user.click(screen.getByRole('button', { name: 'Gendan automatisk tekst' }));
    expect(await screen.findByText('Afsnittet «Indledning» har fået den automatiske tekst igen.')).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Afsnit' })).queryByText('redigeret')).toBeNull();
  } finally {
    confirm.mockRestore();
  }
});

test('a new version starts from the issued text, needs a reason to be issued, and every version can be shown', async () => {
  const created = await createCase(real, { citizenName: 'Åse Ørsted' });
  await real.call('findings:issue', { caseId: created.id, reason: null });
  const { user } = renderAt(`#/sager/${created.id}/udtalelse`);
  expect(await screen.findByRole('article', { name: 'Udtalelse, version 1' })).toBeInTheDocument();
  expect(screen.getByText(/^Udsendt som version 1 den .*Teksten er låst\.$/u)).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Udsend …' })).toBeNull();

  await user.click(screen.getByRole('button', { name: 'Ny version' }));
  expect(await screen.findByText('Udkast til version 2, der skal erstatte version 1')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Rediger Indledning' }));
  const field = screen.getByLabelText('Afsnittets tekst');
  await user.clear(field);
  await user.type(field, 'Rettet indledning.');
  await user.click(screen.getByRole('button', { name: 'Gem afsnit' }));
  await screen.findByText('Afsnittet «Indledning» er gemt i udkastet.');

  await user.click(screen.getByRole('button', { name: 'Udsend …' }));
  expect(screen.getByRole('heading', { name: 'Udsend udtalelsen som version 2' })).toHaveFocus();
  await user.click(screen.getByRole('button', { name: 'Udsend version 2' }));
  expect(await screen.findByText('Skriv, hvorfor version 2 erstatter version 1.')).toBeInTheDocument();
  await user.type(screen.getByLabelText('Hvorfor erstatter version 2 version 1?'), 'Indledningen nævnte en forkert dato.');
  await user.click(screen.getByRole('button', { name: 'Udsend version 2' }));
  expect(await screen.findByText('Udtalelsen er udsendt som version 2. Brevene til borgeren og forvaltningen er gemt og kan ikke ændres.')).toBeInTheDocument();
  expect(within(screen.getByRole('article', { name: 'Udtalelse, version 2' })).getByText('Rettet indledning.')).toBeInTheDocument();

  const table = screen.getByRole('table', { name: 'Udsendte versioner' });
  expect(within(table).getByText('Indledningen nævnte en forkert dato.')).toBeInTheDocument();
  await user.click(within(table).getByRole('button', { name: 'Vis version 1' }));
  const old = await screen.findByRole('article', { name: 'Udtalelse, version 1' });
  expect(within(old).queryByText('Rettet indledning.')).toBeNull();
  expect(screen.getByText(/Du ser version 1 fra .*, som er erstattet af en nyere version\./u)).toBeInTheDocument();
});

/** Åse Ørsted's henvendelse with one klagepunkt against the first forvaltning, outcome "beklageligt". */
async function complaintAgainstFirstForvaltning() {
  const f = (await real.call('settings:get', {})).forvaltninger[0]!;
  const created = await createCase(real, {
    citizenName: 'Åse Ørsted',
    points: [{ forvaltningId: f.id, afdelingId: null, themeIds: [], description: 'Jobcentret svarede ikke', outcome: 'beklageligt' }],
  });
  return { f, created };
}

/** A Blob's bytes through jsdom's own FileReader (its Blob is not Node's). */
function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });
}
