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
  const settings = await real.call('settings:get', {});
  const f = settings.forvaltninger[0]!;
  const created = await createCase(real, {
    citizenName: 'Åse Ørsted',
    points: [{ forvaltningId: f.id, afdelingId: null, themeIds: [], description: 'Jobcentret svarede ikke', outcome: 'beklageligt' }],
  });
  const { document: draft } = await real.call('findings:state', { caseId: created.id });
  const { user } = renderAt(`#/sager/${created.id}/udtalelse`);
  const letter = await screen.findByRole('article', { name: 'Udkast til udtalelse' });
  expect(letter).toHaveAttribute('lang', 'da');
  const dd = draft.letterhead.date.split('-').reverse().join('.');
  expect(screen.getByText(`Udkast dannet ud fra sagens oplysninger ${dd}`)).toBeInTheDocument();
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

/** A Blob's bytes through jsdom's own FileReader (its Blob is not Node's). */
function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });
}
