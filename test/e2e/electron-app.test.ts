/**
 * The real desktop app through Playwright's `_electron.launch`, on an EMPTY profile (a temporary
 * OMBUD_USER_DATA_DIR): it creates its encrypted database, and an adviser takes a henvendelse by
 * keyboard, issues the finding and saves it as PDF, and exports the annual report – the steps of
 * desk-journey.ts, which desk-journey.test.ts runs in Chromium in `npm test` – with the save dialog
 * stubbed in the main process; then the security promises (no navigation away, no new windows, no
 * Node in the page, and in the packaged build no DevTools).
 *
 * Which app:
 * - OMBUD_ELECTRON_EXECUTABLE set: the PACKAGED app (win-unpacked\Ombud.exe, linux-unpacked/ombud),
 *   launched without arguments and without the repository, as IT installs it;
 * - otherwise the development binary (node_modules/electron) on the repository after `npm run build`.
 * Where neither exists (these CI machines: electron ≥ 42 downloads its binary on first use, and
 * cannot) the suite is skipped with the reason printed. On Linux it needs a display (xvfb-run).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, DB_KEY_FILE_NAME } from '../../electron/services/paths';
import { CHANNELS } from '../../shared/ipc/channels';
import { caseInput } from '../fixtures/cases';
import { TEST_DB_KEY_TEXT } from '../setup/db-key';
import { chooseFirstAdviser, exportAnnualReport, issueAndSaveFinding, takeIntake, yearOf, type FileSaves } from './desk-journey';
import { drivableExecutable, type FuseWire } from './electron-fuses';
import { REPO_ROOT } from './harness';
import { CaseListPage } from './pages/case-list-page';

/**
 * The development executable, found the way node_modules/electron/index.js finds it but WITHOUT
 * requiring that file: requiring it from plain Node starts a download when the binary is missing.
 */
function devExecutable(): string | null {
  const pkg = path.join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const exe = override ? path.join(override, relative || 'electron') : relative ? path.join(pkg, 'dist', relative) : '';
  return exe && existsSync(exe) ? exe : null;
}

type Target = Readonly<{ packaged: boolean; executable: string }>;

/** The app under test, or why there is none. A set but wrong OMBUD_ELECTRON_EXECUTABLE fails, never skips. */
function target(): Target | string {
  const packaged = process.env.OMBUD_ELECTRON_EXECUTABLE;
  if (packaged) return { packaged: true, executable: path.resolve(packaged) };
  const dev = devExecutable();
  if (dev === null) return 'Springer Electron-test over: Electron-programfilen findes ikke på denne maskine (node_modules/electron/dist mangler, og den kan ikke hentes her), og OMBUD_ELECTRON_EXECUTABLE er ikke sat.';
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'electron', 'main.cjs'))) return 'Springer Electron-test over: dist/electron/main.cjs mangler – kør "npm run build" først.';
  return { packaged: false, executable: dev };
}

const app = target();
if (typeof app === 'string') console.log(app);
const packaged = typeof app !== 'string' && app.packaged;
if (typeof app !== 'string' && !packaged) console.log('Springer DevTools-kontrollen over: den gælder kun den pakkede app (sæt OMBUD_ELECTRON_EXECUTABLE).');

/**
 * The database key. Windows (DPAPI) and macOS (Keychain) have a secret store, so the app makes its own
 * key in databasenoegle.bin, as on an adviser's PC. A Linux CI runner has no keyring (safeStorage
 * falls back to `basic_text`, which security/db-key.ts refuses), so there the key is given as IT
 * gives it on such a machine, in OMBUD_DB_KEY, and no key file is written.
 */
const KEY_FROM_ENVIRONMENT = process.platform === 'linux';

/** Installed in the main process: every native dialog recorded and answered, downloads saved to `dir`. */
async function stubDialogs(electronApp: ElectronApplication, dir: string): Promise<void> {
  await electronApp.evaluate(({ dialog, session }, { dir, sep }) => {
    const g = globalThis as unknown as { ombudDialogs: string[]; ombudSaved: Array<{ name: string; file: string; state: string }> };
    g.ombudDialogs = [];
    g.ombudSaved = [];
    // A native dialog would block the run and needs a person: record it and answer "cancel"/the first button.
    const answers: Record<string, unknown> = {
      showSaveDialog: Promise.resolve({ canceled: true, filePath: '' }),
      showSaveDialogSync: undefined,
      showOpenDialog: Promise.resolve({ canceled: true, filePaths: [] }),
      showOpenDialogSync: undefined,
      showMessageBox: Promise.resolve({ response: 0, checkboxChecked: false }),
      showMessageBoxSync: 0,
      showErrorBox: undefined,
    };
    for (const [name, answer] of Object.entries(answers)) {
      Object.assign(dialog, { [name]: () => { g.ombudDialogs.push(name); return answer; } });
    }
    // "Gem som …" is a download (renderer/src/features/import/read-file.ts), whose save dialog Electron
    // shows natively unless the path is set here (Electron docs, DownloadItem.setSavePath).
    session.defaultSession.on('will-download', (_event, item) => {
      const file = [dir, String(g.ombudSaved.length + 1), item.getFilename()].join(sep);
      item.setSavePath(file);
      item.once('done', (_e, state) => g.ombudSaved.push({ name: item.getFilename(), file, state }));
    });
  }, { dir, sep: path.sep });
}

/** What the app saved, through the will-download stub above. */
function electronSaves(electronApp: ElectronApplication): FileSaves {
  const saved = () => electronApp.evaluate(() => (globalThis as unknown as { ombudSaved: Array<{ name: string; file: string; state: string }> }).ombudSaved);
  return {
    capture: async (action) => {
      const before = (await saved()).length;
      await action();
      await expect.poll(async () => (await saved()).length, { timeout: 30_000 }).toBeGreaterThan(before);
      const done = (await saved())[before]!;
      expect(done.state).toBe('completed');
      return { suggestedName: done.name, bytes: await readFile(done.file) };
    },
  };
}

describe.skipIf(typeof app === 'string')('the Electron app', () => {
  let userData: string;
  let saveDir: string;
  let copyDir: string | null = null;
  let shipped: FuseWire = {};
  let electronApp: ElectronApplication;
  let page: Page;

  beforeAll(async () => {
    const { executable } = app as Target;
    if (packaged && !existsSync(executable)) throw new Error(`OMBUD_ELECTRON_EXECUTABLE peger på ${executable}, som ikke findes.`);
    userData = await mkdtemp(path.join(tmpdir(), 'ombud-electron-'));
    saveDir = await mkdtemp(path.join(tmpdir(), 'ombud-electron-saved-'));
    const env = { ...process.env, OMBUD_USER_DATA_DIR: userData } as Record<string, string>;
    delete env.ELECTRON_RUN_AS_NODE;
    delete env.OMBUD_DB_KEY_FILE;
    if (KEY_FROM_ENVIRONMENT) env.OMBUD_DB_KEY = TEST_DB_KEY_TEXT;
    else delete env.OMBUD_DB_KEY;
    if (packaged) {
      const drivable = await drivableExecutable(executable);
      copyDir = drivable.copyDir;
      shipped = drivable.shipped;
      electronApp = await _electron.launch({ executablePath: drivable.executable, args: [], cwd: userData, env, timeout: 90_000 });
    } else {
      electronApp = await _electron.launch({ executablePath: executable, args: [REPO_ROOT], cwd: REPO_ROOT, env, timeout: 90_000 });
    }
    page = await electronApp.firstWindow();
    await stubDialogs(electronApp, saveDir);
    // A fresh userData: nobody has chosen who they are, so Ombud starts on "Hvem er du?".
    await chooseFirstAdviser(page);
    await new CaseListPage(page).waitForLoaded();
  }, 120_000);

  afterAll(async () => {
    await electronApp?.close();
    for (const dir of [userData, saveDir, copyDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('loads from app://ombud', () => {
    expect(page.url()).toMatch(/^app:\/\/ombud\/index\.html/);
  });

  it('created its database on the empty profile, encrypted', () => {
    const file = path.join(userData, DATABASE_FILE_NAME);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).size).toBeGreaterThan(0);
    expect(readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    // The key is the secret store's (a new key file) or, on Linux CI, the environment's (never written).
    expect(existsSync(path.join(userData, DB_KEY_FILE_NAME))).toBe(!KEY_FROM_ENVIRONMENT);
  });

  it('takes a henvendelse by keyboard, saves the issued finding as PDF and exports the annual report, with the save dialog stubbed', async () => {
    await page.getByText('Der er endnu ingen henvendelser.', { exact: false }).waitFor();
    const saves = electronSaves(electronApp);
    const sagsnr = await takeIntake(page);
    expect(sagsnr).toMatch(/^\d{4}-0001$/u);
    const pdf = await issueAndSaveFinding(page, sagsnr, saves);
    expect(pdf.bytes.length).toBeGreaterThan(1000);
    const report = await exportAnnualReport(page, yearOf(sagsnr), 'Gem som PDF', saves);
    expect(report.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const xlsx = await exportAnnualReport(page, yearOf(sagsnr), 'Gem som Excel (XLSX)', saves);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets[0]!.name).toBe('Om tallene');
    // Every file went through the download's save path: no native dialog was needed.
    expect(await electronApp.evaluate(() => (globalThis as unknown as { ombudDialogs: string[] }).ombudDialogs)).toEqual([]);
  }, 120_000);

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
    const opened = await page.evaluate(() => [window.open('https://example.org/', '_blank'), window.open('app://ombud/index.html', '_blank')].map((w) => w === null));
    expect(opened).toEqual([true, true]);
    await page.waitForTimeout(500);
    expect(electronApp.windows()).toHaveLength(1);
    expect(await electronApp.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  it('stays on app://ombud when the page tries to navigate away', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/ombud\//);
    await new CaseListPage(page).heading(/./u).waitFor();
  });

  it.skipIf(!packaged)('cannot open DevTools in the packaged build, and its menu offers neither them nor reload', async () => {
    const state = await electronApp.evaluate(async ({ app: electron, BrowserWindow, Menu }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents;
      wc.openDevTools({ mode: 'detach' });
      await new Promise((r) => setTimeout(r, 500));
      const roles: string[] = [];
      const walk = (menu: Electron.Menu | null | undefined): void => {
        for (const item of menu?.items ?? []) {
          if (item.role) roles.push(item.role.toLowerCase());
          walk(item.submenu);
        }
      };
      walk(Menu.getApplicationMenu());
      return { isPackaged: electron.isPackaged, devTools: wc.isDevToolsOpened(), roles };
    });
    expect(state.isPackaged).toBe(true);
    expect(state.devTools).toBe(false);
    expect(state.roles).not.toContain('toggledevtools');
    expect(state.roles).not.toContain('reload');
    expect(state.roles).not.toContain('forcereload');
    // The shipped executable's own fuses (the copy Playwright drives has only the inspect fuse turned on).
    expect(shipped).toMatchObject({ RunAsNode: 'off', EnableNodeOptionsEnvironmentVariable: 'off', EnableNodeCliInspectArguments: 'off', OnlyLoadAppFromAsar: 'on' });
  });

  it('creates a case through the real IPC path, as the chosen adviser, and shows it in the list', async () => {
    const result = await page.evaluate(async (input) => {
      const api = (window as unknown as { api: Record<string, (p: unknown, a: unknown) => Promise<{ value: { adviserId: number } }>> }).api;
      const chosen = await api['actor:get']!({}, null);
      return api['cases:create']!({ input }, { adviserId: chosen.value.adviserId });
    }, caseInput({ summary: 'Oprettet gennem Electron-IPC' }));
    expect(result).toMatchObject({ ok: true, value: { summary: 'Oprettet gennem Electron-IPC' } });
    await page.evaluate(() => { window.location.hash = '#/sager'; });
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
