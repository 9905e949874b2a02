/**
 * `npm run preview` in a real browser: the bridge script, the token handshake through the URL
 * fragment and sessionStorage, the CSP and the real backend in its own child process (as the
 * preview command starts it), all over real loopback HTTP. Nobody has chosen who they are yet, so
 * the page opens on the start screen; the choice is remembered for the next visit.
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/channels';
import { caseInput } from '../fixtures/cases';
import { runAxe, seriousViolations } from './harness';
import { CaseListPage } from './pages/case-list-page';
import { setupPreviewE2E } from './preview-harness';

describe('preview server in Chromium', () => {
  // Seeded as the adviser; choosing is left to the page.
  const preview = setupPreviewE2E({
    prefix: 'ombud-preview-e2e-',
    seed: async ({ call }) => {
      const settings = await call('settings:get', {});
      await call('cases:create', { input: caseInput({ summary: 'Set gennem preview' }) }, { adviserId: settings.advisers[0]!.id });
    },
  });

  it('opens the printed URL, keeps the token out of the address bar and shows the real data', async () => {
    const context = await preview.browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen' });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(preview.server.url);
      await page.getByRole('heading', { level: 1, name: 'Hvem er du?' }).waitFor();
      expect(seriousViolations(await runAxe(page))).toEqual([]);
      await page.getByRole('radio', { name: 'Borgerrådgiver (BR)' }).check();
      await page.getByRole('button', { name: 'Fortsæt', exact: true }).click();
      const list = new CaseListPage(page);
      await list.waitForLoaded();
      await list.row('Set gennem preview').waitFor();
      expect(page.url()).not.toContain(preview.server.token);
      expect(await page.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())).toEqual([...CHANNELS].sort());
      // A reload still works: the token lives in sessionStorage for this tab, and the choice of
      // adviser is remembered by the backend, so the start screen is not asked again.
      await page.reload();
      await list.row('Set gennem preview').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('without the token the page loads but every call is refused', async () => {
    const context = await preview.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${preview.server.origin}/`);
      const result = await page.evaluate(() => (window as unknown as { api: Record<string, (p: unknown) => Promise<unknown>> }).api['app:info']!({}));
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      await context.close();
    }
  });

  it('a page on another origin cannot call the API, even knowing the token', async () => {
    const context = await preview.browser.newContext();
    try {
      await context.route('https://evil.test/**', (route) => route.fulfill({ body: '<!doctype html><title>evil</title>', contentType: 'text/html' }));
      const page = await context.newPage();
      await page.goto('https://evil.test/');
      const outcome = await page.evaluate(
        async ({ origin, token }) => {
          try {
            const res = await fetch(`${origin}/__ombud/api/app%3Ainfo`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-ombud-token': token },
              body: '{}',
            });
            return `status ${res.status}`;
          } catch {
            return 'blocked';
          }
        },
        { origin: preview.server.origin, token: preview.server.token },
      );
      expect(outcome).toBe('blocked');
    } finally {
      await context.close();
    }
  });
});
