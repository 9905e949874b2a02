/**
 * axe-core on every screen with real data. jsdom computes no layout or colours, so the colour
 * contrast rule is left to the e2e run in Chromium; everything structural (names, roles, ARIA,
 * landmarks, labels) is checked here.
 */
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createCase, type RealApi } from './real-api';
import { renderEditor, showSection } from './case-workspace-helpers';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
beforeEach(async () => {
  real = freshBackend();
  await createCase(real, { citizenName: 'Åse Ørsted', citizen: { name: 'Åse Ørsted', address: '', phone: '', email: '', cpr: '010190-1234' } });
});
afterEach(() => { real.close(); });

async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.each([
  ['#/sager', 'Sager'],
  ['#/ny', 'Ny henvendelse'],
  ['#/sager/1', 'Henvendelse 2025-0001'],
  ['#/sager/1/klagepunkter', 'Henvendelse 2025-0001'],
  ['#/sager/1/henvendelsen', 'Henvendelse 2025-0001'],
  ['#/sager/1/anmodninger', 'Henvendelse 2025-0001'],
  ['#/sager/1/henstillinger', 'Henvendelse 2025-0001'],
  ['#/sager/1/udtalelse', 'Henvendelse 2025-0001'],
  ['#/sager/1/historik', 'Henvendelse 2025-0001'],
  ['#/import', 'Import/eksport'],
  ['#/indstillinger', 'Indstillinger'],
  ['#/regler', 'Regler'],
  ['#/regler/fvl-19-partshoering', /Partshøring/i],
  ['#/henstillinger', 'Henstillinger'],
  ['#/frister', 'Frister'],
])('%s has no axe violations', async (hash, heading) => {
  renderAt(hash);
  await screen.findByRole('heading', { level: 1, name: heading });
  if (hash === '#/sager') await screen.findByText('1 henvendelse');
  // Each section of the case page once its data has arrived.
  if (hash === '#/sager/1') await screen.findByText('Der er ikke givet henstillinger.');
  if (hash === '#/sager/1/klagepunkter') await screen.findByRole('article', { name: /^Klagepunkt 1/ });
  if (hash === '#/sager/1/henvendelsen') await screen.findByRole('heading', { level: 2, name: 'Borgeren' });
  if (hash === '#/sager/1/anmodninger') await screen.findByText('Der er ikke knyttet lovbestemte frister til klagepunkterne.');
  if (hash === '#/sager/1/henstillinger') await screen.findByText('Der er ikke givet henstillinger i henvendelsen.');
  if (hash === '#/sager/1/udtalelse') await screen.findByRole('article', { name: 'Udkast til udtalelse' });
  if (hash === '#/sager/1/historik') await screen.findByRole('list', { name: 'Ændringer' });
  if (hash.startsWith('#/sager/1')) await screen.findByText(/Ingen åbne frister|Eget mål|Klagefrist|Anmodning|Lovfrist/, { selector: '.case-header dd, .case-header dd *' });
  if (hash === '#/regler') await screen.findByRole('table', { name: 'Regler' });
  if (hash === '#/henstillinger') await screen.findByText('0 henstillinger');
  if (hash === '#/frister') await screen.findByRole('heading', { level: 2, name: /^Overskredet/ });
  expect(await violations()).toEqual([]);
});

test('the klagepunkt assessment with an open rule picker and a linked rule has no axe violations', async () => {
  const { user } = await renderEditor(1, 'klagepunkter');
  const picker = await screen.findByRole('combobox', { name: 'Tilføj regel' });
  await user.type(picker, 'fvl');
  await screen.findAllByRole('option');
  expect(await violations()).toEqual([]);
  await user.keyboard('{Enter}');
  expect(await violations()).toEqual([]);
});

test('the henvendelse being edited, a new henstilling and the closing check have no axe violations', async () => {
  const { user } = await renderEditor(1, 'henvendelsen');
  await screen.findByLabelText('Borgerens navn');
  expect(await violations()).toEqual([]);
  await user.keyboard('{Escape}');
  await showSection(user, 'Henstillinger');
  await user.click(await screen.findByRole('button', { name: 'Tilføj henstilling' }));
  await screen.findByRole('form', { name: 'Ny henstilling' });
  expect(await violations()).toEqual([]);
  await user.click(screen.getByRole('button', { name: 'Luk sagen' }));
  await screen.findByRole('heading', { level: 2, name: /åbent punkt|åbne punkter|Luk sagen/ });
  expect(await violations()).toEqual([]);
});

test('the form with errors shown has no axe violations', async () => {
  const { user } = renderAt('#/ny');
  await screen.findByLabelText('Borgerens navn');
  await user.type(screen.getByLabelText('CPR-nummer'), '999999-9999');
  await user.click(screen.getByRole('button', { name: 'Gem henvendelse' }));
  await screen.findByRole('alert');
  expect(await violations()).toEqual([]);
});

test('Akter og journal with an akt, a note, a new-note form and a refused file has no axe violations', async () => {
  await real.call('documents:add', { caseId: 1, fileName: 'klage.txt', contentBase64: Buffer.from('Jeg klager over afslaget.').toString('base64'), direction: 'ind', party: 'Åse Ørsted' });
  await real.call('journal:add', { input: { caseId: 1, kind: 'telefonnotat', notedOn: '2025-03-14', notedAt: '09:15', text: 'Borgeren ringede.' } });
  const { user } = renderAt('#/sager/1/akter');
  const section = await screen.findByRole('region', { name: 'Akter og journal' });
  await screen.findByRole('heading', { level: 3, name: /Telefonnotat/ });
  await user.upload(screen.getByLabelText('Vælg filer til akter'), new File(['MZ'], 'program.exe'));
  expect(await screen.findByRole('list', { name: 'Nye akter' })).toHaveTextContent('program.exe kan ikke tilføjes');
  await user.click(screen.getByRole('button', { name: 'Skriv notat' }));
  await user.click(screen.getByRole('button', { name: 'Gem notat' }));
  await screen.findByText('Skriv notatets tekst.', { selector: '.field-error' });
  expect(section).toBeInTheDocument();
  expect(await violations()).toEqual([]);
});
