/**
 * The app shell's banner when the database file is damaged (renderer/src/app/IntegrityBanner.tsx):
 * shown as an alert with the backend's Danish text once `system:integrity` says 'beskadiget', absent
 * while the file is in order, and axe-clean. The state comes from a real integrity monitor whose
 * check found damage; every other channel is the real backend.
 */
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, expect, test } from 'vitest';
import { createIntegrityMonitor } from '../../electron/services/integrity';
import { fixedClock } from '../../shared/domain/dates';
import type { RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';

let real: RealApi;
afterEach(() => { real.close(); });

test('no banner while the file is in order', async () => {
  real = freshBackend();
  renderAt('#/sager');
  await screen.findByRole('heading', { level: 1 });
  expect(screen.queryByText(/Databasefilen er beskadiget/)).not.toBeInTheDocument();
});

test('a damaged file: an alert says so, says changes are not saved and what to do', async () => {
  real = freshBackend();
  const monitor = createIntegrityMonitor({ file: '/ombud.sqlite', key: null, clock: fixedClock('2025-03-14T10:00:00Z'), log: () => {}, run: async () => ({ kind: 'damaged', problems: ['Tree 12 page 40: btreeInitPage() returns error code 11'] }) });
  await monitor.check();
  Object.assign(real.api, { 'system:integrity': async () => ({ ok: true, value: monitor.state() }) });
  renderAt('#/sager');
  const text = await screen.findByText(/Databasefilen er beskadiget/);
  const banner = text.closest('[role="alert"]')!;
  expect(banner).not.toBeNull();
  expect(banner.textContent).toMatch(/Databasefilen er beskadiget\. Ombud gemmer ikke flere ændringer i den.*eksportere.*sikkerhedskopi/);
  expect(banner.textContent).not.toMatch(/btree|error code/);
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => v.id)).toEqual([]);
});
