/**
 * E2E harness: the real renderer build in Debian's Chromium, talking to the REAL services on a
 * temporary database — no fake backend (ecosystem.md § 1).
 *
 * - `context.route` serves dist/renderer from disk on a fake origin with the app's CSP header, and
 *   aborts every other request, so a test can never reach the network;
 * - `window.api` is built by an init script from CHANNELS and calls a Playwright binding, which
 *   calls `dispatch` from `openApp({ key: TEST_DB_KEY, mode: 'test' })` — the same checker Electron IPC uses — with
 *   the input and who acts; an adviser is remembered as chosen (the first active one, or the
 *   database's current adviser when the seed sets one), so the app opens on its screens, and `call`
 *   acts as that adviser too;
 * - every test gets its own browser context (da-DK, Europe/Copenhagen) and its own database file.
 *
 * A spec stays short:
 *
 *   const e2e = setupE2E();
 *   it('…', async () => {
 *     const app = await e2e.open({ seed: [caseInput({ summary: 'Parkering' })] });
 *     await new CaseListPage(app.page).expectRow('Parkering');
 *   });
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { SECURITY_HEADERS } from '../../electron/security/csp';
import { readStaticFile } from '../../electron/security/static-files';
import { memoryActorStore } from '../../electron/services/actor';
import { openApp, type OpenedApp } from '../../electron/services/open-app';
import { getSettings } from '../../electron/services/settings';
import { fixedClock } from '../../shared/domain/dates';
import { CHANNELS } from '../../shared/ipc/channels';
import type { Channel, InputOf, OutputOf } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import { TEST_DB_KEY } from '../setup/db-key';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RENDERER_DIR = path.join(REPO_ROOT, 'dist', 'renderer');
export const CHROMIUM_PATH = process.env.OMBUD_CHROMIUM ?? '/usr/bin/chromium';
/**
 * A fake origin: nothing resolves it, every request is answered by context.route. https, so the
 * page is a secure context like app://ombud (registered `secure` in main.ts).
 */
export const APP_ORIGIN = 'https://ombud.test';
/** The default "now" for tests: a Friday morning in Copenhagen. */
export const DEFAULT_NOW = '2025-03-14T09:00:00+01:00';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launch Debian's Chromium. Fails loudly (never skips) when it or the renderer build is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium mangler: ${CHROMIUM_PATH} findes ikke. Installér Debian-pakken med "apt-get install -y chromium" ` +
        '(.ci/run gør det), eller peg OMBUD_CHROMIUM på en Chromium-programfil.',
    );
  }
  if (!existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`Brugerfladen er ikke bygget: ${RENDERER_DIR}/index.html mangler. Kør "npm run build:renderer" (npm run test:e2e gør det).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export type OpenedBackend = OpenedApp;

export type TestApp = Readonly<{
  page: Page;
  context: BrowserContext;
  backend: OpenedBackend;
  databasePath: string;
  /** Call a channel on the same backend the page uses (for seeding and for asserting on the DB). */
  call: <C extends Channel>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;
  /** Console errors, uncaught page errors and CSP violations seen so far. */
  errors: string[];
  /** Navigate within the app, e.g. goto('#/ny'). */
  goto: (hash?: string) => Promise<void>;
  close: () => Promise<void>;
}>;

export type OpenOptions = Readonly<{
  /** ISO timestamp the backend's clock is fixed at. */
  now?: string;
  /** Runs against the backend before the page loads (e.g. create cases). */
  seed?: (call: TestApp['call']) => Promise<void>;
  /** Hash route to open first; default the case list. */
  hash?: string;
  /**
   * An existing database file to open instead of a new temporary one (harness-clock.ts reopens a
   * copy with a later clock). The caller owns the file: close() leaves it in place.
   */
  databasePath?: string;
}>;

function unwrap<T>(channel: string, result: Result<T>): T {
  if (result.ok) return result.value;
  throw new Error(`${channel} fejlede i testopsætningen: ${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`);
}

/** Open the app in a new context on a new temporary database. */
export async function openTestApp(browser: Browser, opts: OpenOptions = {}): Promise<TestApp> {
  const ownsFile = opts.databasePath === undefined;
  const dir = ownsFile ? await mkdtemp(path.join(tmpdir(), 'ombud-e2e-')) : path.dirname(opts.databasePath);
  const databasePath = opts.databasePath ?? path.join(dir, 'ombud.sqlite');
  const removeDir = async () => { if (ownsFile) await rm(dir, { recursive: true, force: true }); };
  const actorStore = memoryActorStore();
  const backend = openApp({ key: TEST_DB_KEY, file: databasePath, mode: 'test', clock: fixedClock(opts.now ?? DEFAULT_NOW), actorStore });
  /** Who the page and `call` act as: the first active adviser, or (after the seed) the database's current adviser if it set one. */
  const chooseActor = (): { adviserId: number } => {
    const s = getSettings(backend.ctx);
    const adviser = s.advisers.find((a) => !a.retired && a.id === s.currentAdviserId) ?? s.advisers.find((a) => !a.retired);
    if (!adviser) throw new Error('Testdatabasen har ingen aktiv rådgiver at handle som.');
    actorStore.set(backend.ctx.databasePath, adviser.id);
    return { adviserId: adviser.id };
  };
  let actor = chooseActor();
  const call: TestApp['call'] = async (channel, input) =>
    unwrap(channel, (await backend.dispatch(channel, input, actor)) as Result<OutputOf<typeof channel>>);

  const context = await browser.newContext({ locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1280, height: 860 } });
  const errors: string[] = [];
  try {
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== APP_ORIGIN || route.request().method() !== 'GET') return route.abort('blockedbyclient');
      const found = await readStaticFile(RENDERER_DIR, url.pathname);
      if (found.status !== 200) return route.fulfill({ status: found.status, body: '', headers: { ...SECURITY_HEADERS } });
      return route.fulfill({
        status: 200,
        body: found.file.body,
        headers: { ...SECURITY_HEADERS, 'Content-Type': found.file.contentType },
      });
    });
    // The only way from the page to Node: the same dispatch Electron IPC uses.
    await context.exposeBinding('__ombudInvoke', (_source, channel: string, payload: unknown, who: unknown) => backend.dispatch(channel, payload, who));
    await context.addInitScript((channels: string[]) => {
      const w = window as unknown as Record<string, unknown> & { __ombudInvoke: (c: string, p: unknown, a: unknown) => Promise<unknown> };
      const api: Record<string, (payload?: unknown, actor?: unknown) => Promise<unknown>> = {};
      for (const channel of channels) api[channel] = (payload?: unknown, actor?: unknown) => w.__ombudInvoke(channel, payload ?? {}, actor ?? null);
      Object.defineProperty(window, 'api', { value: Object.freeze(api), enumerable: true, configurable: false, writable: false });
    }, [...CHANNELS]);

    if (opts.seed) {
      await opts.seed(call);
      actor = chooseActor();
    }

    const page = await context.newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    const goto = async (hash = '#/sager') => {
      await page.goto(`${APP_ORIGIN}/index.html${hash}`);
    };
    await goto(opts.hash);

    const close = async () => {
      await context.close().catch(() => undefined);
      backend.close();
      await removeDir();
    };
    return { page, context, backend, databasePath, call, errors, goto, close };
  } catch (e) {
    await context.close().catch(() => undefined);
    backend.close();
    await removeDir();
    throw e;
  }
}

/**
 * Vitest wiring: one Chromium per test file, one context + database per `open()`, all closed
 * after each test even when it fails.
 */
export function setupE2E(): { open: (opts?: OpenOptions) => Promise<TestApp> } {
  let browser: Browser | undefined;
  const opened: TestApp[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((app) => app.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    open: async (opts) => {
      if (!browser) throw new Error('setupE2E(): Chromium er ikke startet (beforeAll fejlede).');
      const app = await openTestApp(browser, opts);
      opened.push(app);
      return app;
    },
  };
}

export type AxeViolation = Readonly<{ id: string; impact: string | null; help: string; nodes: string[] }>;

let axeSource: Promise<string> | undefined;

/**
 * Run axe-core in the page and return its violations. The source is evaluated through the
 * DevTools protocol rather than added as a <script>, so the app's CSP stays fully in force.
 */
export async function runAxe(page: Page, options: Readonly<{ include?: string }> = {}): Promise<AxeViolation[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const source = await axeSource;
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(source);
  return page.evaluate(async (include) => {
    type AxeNode = { target: unknown[] };
    type AxeResult = { id: string; impact?: string | null; help: string; nodes: AxeNode[] };
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: AxeResult[] }> } }).axe;
    const result = await axe.run(include ? { include: [include] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, options.include ?? null);
}

/** Only the violations a user would be blocked by. */
export function seriousViolations(violations: readonly AxeViolation[]): AxeViolation[] {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
