/**
 * "Annullér importen" on the Import screen, against the real backend. The backend starts a job on
 * the next turn of the event loop (setImmediate) and yields with setImmediate between chunks; the
 * test holds those back (fake setImmediate only), so the job is certainly still running when the
 * adviser presses Annullér — no race with a fast machine. Then it lets the job run: it stops at its
 * first chunk boundary, the screen says it was cancelled, and nothing is in the database.
 */
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import type { RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
beforeEach(() => { real = freshBackend(); });
afterEach(() => {
  vi.useRealTimers();
  real.close();
});

test('a running import can be cancelled: the screen says so, and nothing is saved', async () => {
  const csv = ['sagsnr;modtaget;type', '2024-0300;05.02.2024;vejledning', '2024-0301;06.02.2024;vejledning'].join('\n');
  const { user } = renderAt('#/import');
  await user.upload(await screen.findByLabelText(/^Fil \(/), new File([csv], 'sager.csv', { type: 'text/csv' }));
  // From the moment the file reaches the backend (jsdom's FileReader needs setImmediate before that).
  const api = real.api as unknown as Record<string, (input: unknown, actor: unknown) => Promise<unknown>>; // the object on window
  const start = api['import:start']!;
  api['import:start'] = (input, actor) => {
    vi.useFakeTimers({ toFake: ['setImmediate'] });
    return start(input, actor);
  };
  await user.click(screen.getByRole('button', { name: 'Importér' }));
  const cancel = await screen.findByRole('button', { name: 'Annullér importen' });
  await user.click(cancel);
  expect(await screen.findByRole('button', { name: 'Annullerer …' })).toBeInTheDocument();
  // Let the job run: it sees the cancel at its first chunk boundary.
  await vi.runAllTimersAsync();
  vi.useRealTimers();
  expect(await screen.findByText('Importen blev annulleret. Intet er gemt.')).toBeInTheDocument();
  await waitFor(() => expect(screen.queryByRole('button', { name: /^Annull/ })).not.toBeInTheDocument());
  expect(screen.getByText(/^Annulleret/)).toBeInTheDocument();
  const list = await real.call('cases:list', { search: '', statuses: [], types: [], forvaltningId: null, themeId: null, receivedFrom: null, receivedTo: null, sort: 'sagsnr', direction: 'asc', offset: 0, limit: 10 });
  expect(list.total).toBe(0);
});
