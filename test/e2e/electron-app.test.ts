/**
 * The real desktop app: Playwright's `_electron.launch` on the built main process with a temporary
 * userData. Needs the Electron binary, which these CI machines cannot download (electron ≥ 42
 * fetches it on first use), so the suite is skipped — with the reason printed — where it is absent.
 * Run `npm run build` first on a machine that has it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/channels';
import { caseInput } from '../fixtures/cases';
import { REPO_ROOT } from './harness';
import { CaseListPage } from './pages/case-list-page';

/**
 * The executable, found the way node_modules/electron/index.js finds it but WITHOUT requiring that
 * file: requiring it from plain Node starts a download when the binary is missing.
 */
function electronExecutable(): string | null {
  const pkg = path.join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const exe = override ? path.join(override, relative || 'electron') : relative ? path.join(pkg, 'dist', relative) : '';
  return exe && existsSync(exe) ? exe : null;
}

const executable = electronExecutable();
const builtMain = path.join(REPO_ROOT, 'dist', 'electron', 'main.cjs');
const hasElectron = executable !== null && existsSync(builtMain);
if (!hasElectron) {
  console.log(
    executable === null
      ? 'Springer Electron-test over: Electron-programfilen findes ikke på denne maskine (node_modules/electron/dist mangler, og den kan ikke hentes her).'
      : 'Springer Electron-test over: dist/electron/main.cjs mangler – kør "npm run build" først.',
  );
}

describe.skipIf(!hasElectron)('the Electron app', () => {
  let userData: string;
  let electronApp: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    userData = await mkdtemp(path.join(tmpdir(), 'ombud-electron-'));
    const env = { ...process.env, OMBUD_USER_DATA_DIR: userData } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    electronApp = await _electron.launch({ executablePath: executable!, args: [REPO_ROOT], cwd: REPO_ROOT, env });
    page = await electronApp.firstWindow();
    // A fresh userData: nobody has chosen who they are, so Ombud starts on "Hvem er du?".
    await page.getByRole('heading', { level: 1, name: 'Hvem er du?' }).waitFor();
    await page.getByRole('button', { name: 'Fortsæt', exact: true }).click();
    await new CaseListPage(page).waitForLoaded();
  });

  afterAll(async () => {
    await electronApp?.close();
    await rm(userData, { recursive: true, force: true });
  });

  it('loads from app://ombud', () => {
    expect(page.url()).toMatch(/^app:\/\/ombud\/index\.html/);
  });

  it('gives the page no Node: no require, no process, no module, no Buffer', async () => {
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return ['require', 'process', 'module', 'Buffer', 'global', 'electron', 'ipcRenderer'].filter((k) => typeof w[k] !== 'undefined');
    });
    expect(globals).toEqual([]);
  });

  it('window.api has exactly the channels', async () => {
    const keys = await page.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort());
    expect(keys).toEqual([...CHANNELS].sort());
  });

  it('runs with sandbox and context isolation, and opens no new windows', async () => {
    const prefs = await electronApp.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.getAllWindows()[0]!;
      const wc = win.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> };
      return wc.getLastWebPreferences?.() ?? null;
    });
    if (prefs) expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    await page.evaluate(() => window.open('https://evil.example/', '_blank'));
    expect(electronApp.windows()).toHaveLength(1);
  });

  it('stays on app://ombud when the page tries to navigate away', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://evil.example/';
    });
    await page.waitForTimeout(300);
    expect(page.url()).toMatch(/^app:\/\/ombud\//);
  });

  it('creates a case through the real IPC path, as the chosen adviser, and shows it in the list', async () => {
    const result = await page.evaluate(async (input) => {
      const api = (window as unknown as { api: Record<string, (p: unknown, a: unknown) => Promise<{ value: { adviserId: number } }>> }).api;
      const chosen = await api['actor:get']!({}, null);
      return api['cases:create']!({ input }, { adviserId: chosen.value.adviserId });
    }, caseInput({ summary: 'Oprettet gennem Electron-IPC' }));
    expect(result).toMatchObject({ ok: true, value: { summary: 'Oprettet gennem Electron-IPC' } });
    await page.reload();
    const list = new CaseListPage(page);
    await list.waitForLoaded();
    await list.row('Oprettet gennem Electron-IPC').waitFor();
  });

  it('opens an akt in the system viewer from a private temp folder (documents:open answered by the main process)', async () => {
    // The OS viewer is replaced by a recorder: the test must not start Acrobat on the developer's desk.
    await electronApp.evaluate(({ shell }) => {
      Object.assign(shell, { openPath: async (file: string) => { (globalThis as Record<string, unknown>)['ombudOpened'] = file; return ''; } });
    });
    const result = await page.evaluate(async (input) => {
      const api = (window as unknown as { api: Record<string, (p: unknown, a: unknown) => Promise<{ ok: boolean; value: Record<string, unknown> }>> }).api;
      const chosen = await api['actor:get']!({}, null);
      const who = { adviserId: chosen.value['adviserId'] };
      const created = await api['cases:create']!({ input }, who);
      const doc = await api['documents:add']!({ caseId: created.value['id'], fileName: 'klage.txt', contentBase64: btoa('Klage over afslag'), direction: 'ind' }, who);
      return api['documents:open']!({ id: doc.value['id'] }, who);
    }, caseInput({ summary: 'Med en akt' }));
    expect(result).toEqual({ ok: true, value: { opened: true } });
    const opened = await electronApp.evaluate(() => (globalThis as Record<string, unknown>)['ombudOpened'] as string);
    expect(path.basename(opened)).toBe('klage.txt');
    expect(readFileSync(opened, 'utf8')).toBe('Klage over afslag');
  });
});
