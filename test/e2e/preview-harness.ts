/**
 * `npm run preview` for a spec: Debian's Chromium, the real backend forked as its own process (as the
 * preview command and the app's utilityProcess run it) on a new database in a temporary folder, and
 * the preview server over loopback HTTP. One per test file; everything is closed after it.
 *
 *   const preview = setupPreviewE2E({ prefix: 'ombud-x-e2e-' });
 *   it('…', async () => { const page = await (await preview.browser.newContext()).newPage(); await page.goto(preview.server.url); });
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createBackendClient, type BackendClient } from '../../electron/backend/client';
import { forkBackend } from '../../electron/backend/fork';
import type { BackendOpenOptions } from '../../electron/backend/protocol';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/server';
import type { Channel, InputOf, OutputOf } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { RENDERER_DIR, launchBrowser } from './harness';

export type PreviewE2E = Readonly<{
  browser: Browser;
  /** The temporary folder holding ombud.sqlite and the files beside it. */
  dir: string;
  backend: BackendClient;
  server: PreviewServer;
  /** A channel on the backend, as `actor` (null: nobody chosen); throws on a refusal. */
  call: <C extends Channel>(channel: C, input: InputOf<C>, actor?: Readonly<{ adviserId: number }> | null) => Promise<OutputOf<C>>;
}>;

export type PreviewOptions = Readonly<{
  prefix: string;
  /** More open options for the temporary folder (a backup settings file, the automatic backup). */
  open?: (dir: string) => Partial<BackendOpenOptions>;
  /** Runs on the backend before it opens the database (to listen for its events). */
  beforeOpen?: (backend: BackendClient) => void;
  /** Runs after the database is open, before the server starts. */
  seed?: (preview: PreviewE2E) => Promise<void>;
}>;

export function setupPreviewE2E(opts: PreviewOptions): PreviewE2E {
  let browser: Browser | undefined;
  let dir: string | undefined;
  let backend: BackendClient | undefined;
  let server: PreviewServer | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`setupPreviewE2E(): ${what} er ikke startet (beforeAll fejlede).`);
    return value;
  };
  const preview: PreviewE2E = {
    get browser() { return started(browser, 'Chromium'); },
    get dir() { return started(dir, 'mappen'); },
    get backend() { return started(backend, 'backend'); },
    get server() { return started(server, 'preview-serveren'); },
    call: async (channel, input, actor = null) => {
      const result = (await started(backend, 'backend').dispatch(channel, input, actor)) as Result<OutputOf<typeof channel>>;
      if (!result.ok) throw new Error(`${channel} fejlede: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
  };
  beforeAll(async () => {
    browser = await launchBrowser();
    dir = await mkdtemp(path.join(tmpdir(), opts.prefix));
    backend = createBackendClient(forkBackend());
    opts.beforeOpen?.(backend);
    const opened = await backend.open({ file: path.join(dir, 'ombud.sqlite'), mode: 'preview', appVersion: '0.0.0-test', actorFile: path.join(dir, 'valgt-raadgiver.json'), ...opts.open?.(dir) });
    if (!opened.ok) throw new Error(opened.message);
    await opts.seed?.(preview);
    server = await startPreviewServer({ dispatch: backend.dispatch, rendererDir: RENDERER_DIR });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await backend?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return preview;
}
