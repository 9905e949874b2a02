/**
 * The case's letters in Anmodninger og frister against the real backend: "Rykkerbrev" appears once a
 * rykker is recorded, the letter takes focus, Escape closes it and gives focus back, and sending files
 * the rykker as an akt with the feedback naming it.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { createCase, TEST_TODAY, type RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => real.close());

test('Rykkerbrev follows a recorded rykker; Escape closes the letter; sending files it as an akt', async () => {
  const f = (await real.call('settings:get', {})).forvaltninger[0]!;
  const created = await createCase(real, {
    points: [{ forvaltningId: f.id, afdelingId: null, themeIds: [], description: 'Jobcentret svarede ikke', outcome: null }],
  });
  const request = await real.call('requests:create', { input: { caseId: created.id, forvaltningId: f.id, kind: 'redegoerelse', sentOn: '2025-03-11', spec: null, note: '' } });
  renderAt(`#/sager/${created.id}/anmodninger`);
  const about = `redegørelse fra ${f.name}`;
  await screen.findByRole('button', { name: `Anmodningsbrev – ${about}` });
  expect(screen.queryByRole('button', { name: `Rykkerbrev – ${about}` })).toBeNull();

  await real.call('requests:remind', { id: request.id, on: TEST_TODAY, note: '' });
  cleanup();
  const { user } = renderAt(`#/sager/${created.id}/anmodninger`);
  const rykker = await screen.findByRole('button', { name: `Rykkerbrev – ${about}` });
  await user.click(rykker);
  const panel = await screen.findByRole('region', { name: `Rykkerbrev til ${f.name}` });
  expect(within(panel).getByRole('heading', { level: 4, name: `Rykkerbrev til ${f.name}` })).toHaveFocus();
  const preview = await within(panel).findByRole('article', { name: `Forhåndsvisning: Rykkerbrev til ${f.name}` });
  expect(within(preview).getByRole('heading', { level: 5, name: 'Rykker 1' })).toBeInTheDocument();
  expect(within(preview).getByText('Jeg har endnu ikke modtaget svar.')).toBeInTheDocument();

  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('region', { name: `Rykkerbrev til ${f.name}` })).toBeNull());
  expect(rykker).toHaveFocus();

  await user.click(rykker);
  const again = await screen.findByRole('region', { name: `Rykkerbrev til ${f.name}` });
  await within(again).findByRole('article');
  await user.click(within(again).getByRole('button', { name: 'Send og gem som akt' }));
  expect(await screen.findByText(`Brevet er sendt og gemt som akten «Rykker 1 til ${f.name}» under Akter og journal.`)).toBeInTheDocument();
  const akter = await real.call('documents:list', { caseId: created.id });
  expect(akter).toEqual([expect.objectContaining({ title: `Rykker 1 til ${f.name}`, direction: 'ud', documentDate: TEST_TODAY, party: f.name })]);
});
