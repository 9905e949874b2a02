/**
 * Proves the harness end to end: the built UI boots in Chromium under the production CSP, reaches
 * the real backend through window.api, shows the case list, and passes axe.
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/channels';
import { caseInput, pointInput } from '../fixtures/cases';
import { runAxe, seriousViolations, setupE2E } from './harness';
import { CaseListPage } from './pages/case-list-page';

describe('e2e smoke', () => {
  const e2e = setupE2E();

  it('loads the app with the list of henvendelser from the real database', async () => {
    const app = await e2e.open({
      seed: async (call) => {
        await call('cases:create', { input: caseInput({ summary: 'Manglende svar på ansøgning om boligstøtte' }) });
        const settings = await call('settings:get', {});
        const forvaltningId = settings.forvaltninger[0]!.id;
        await call('cases:create', {
          input: caseInput({ summary: 'Klage over sagsbehandlingstid', type: 'klage', receivedOn: '2025-03-12', points: [pointInput({ forvaltningId })] }),
        });
      },
    });
    const list = new CaseListPage(app.page);
    await list.waitForLoaded();
    await expect.poll(() => list.resultCount.textContent()).toMatch(/^2 henvendelser$/);
    await list.row('Manglende svar på ansøgning om boligstøtte').waitFor();
    await list.row('Klage over sagsbehandlingstid').waitFor();
    expect(await list.rows.count()).toBe(2);
    expect(await app.page.title()).toBe('Sager – Ombud');
    expect(app.errors).toEqual([]);
  });

  it('window.api in the page is exactly the channel list, backed by the real services', async () => {
    const app = await e2e.open();
    const keys = await app.page.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort());
    expect(keys).toEqual([...CHANNELS].sort());
    const info = await app.page.evaluate(() => (window as unknown as { api: Record<string, (p: unknown) => Promise<unknown>> }).api['app:info']!({}));
    expect(info).toMatchObject({ ok: true, value: { mode: 'test', today: '2025-03-14', databasePath: app.databasePath } });
  });

  it('runs under the production CSP: inline script and remote requests are refused', async () => {
    const app = await e2e.open();
    await new CaseListPage(app.page).waitForLoaded();
    const csp = await app.page.evaluate(async () => {
      const res = await fetch('/index.html');
      return res.headers.get('content-security-policy');
    });
    expect(csp).toContain("script-src 'self'");
    const inlineRan = await app.page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.append(s);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(inlineRan).toBe(false);
    const remote = await app.page.evaluate(() => fetch('https://example.com/').then(() => 'loaded', () => 'refused'));
    expect(remote).toBe('refused');
  });

  it('the case list has no serious or critical accessibility violations', async () => {
    const app = await e2e.open({
      seed: async (call) => {
        await call('cases:create', { input: caseInput({ summary: 'Vejledning om aktindsigt' }) });
      },
    });
    const list = new CaseListPage(app.page);
    await list.waitForLoaded();
    await list.row('Vejledning om aktindsigt').waitFor();
    const violations = await runAxe(app.page);
    expect(seriousViolations(violations)).toEqual([]);
  });

  it('an empty database shows the empty list and no axe violations', async () => {
    const app = await e2e.open();
    const list = new CaseListPage(app.page);
    await list.waitForLoaded();
    await expect.poll(() => list.resultCount.textContent()).toMatch(/^0 henvendelser$/);
    expect(seriousViolations(await runAxe(app.page))).toEqual([]);
  });

  it('runAxe really reports problems (negative control)', async () => {
    const app = await e2e.open();
    await new CaseListPage(app.page).waitForLoaded();
    await app.page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      document.querySelector('main')?.append(img);
    });
    const ids = seriousViolations(await runAxe(app.page)).map((v) => v.id);
    expect(ids).toContain('image-alt');
  });
});
