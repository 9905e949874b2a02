/**
 * The composition root, run for real against the shared Electron mock: main.ts starts the backend
 * in a utilityProcess (the mock runs it as a real child process, test/mocks/electron.ts), which
 * opens a real database in a temporary userData; main registers IPC, the app:// protocol and the
 * window — and a call through the registered handler reaches the real services in that process,
 * carrying who acts. Also the Danish error dialog and clean exit for a database from a newer
 * version or an unreadable file, and quitting only after the backend has closed the database.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../shared/ipc/channels';
import type * as ElectronMockModule from '../../mocks/electron';
import { applyDbKey } from '../../../db/key';
import { TEST_DB_KEY } from '../../setup/db-key';
import { ownerOnlyMode } from '../../setup/file-mode';

type ElectronMock = typeof ElectronMockModule;

const trustedEvent = { senderFrame: { url: 'app://ombud/index.html', parent: null } };

describe('electron/main.ts', () => {
  let userData: string;
  let electron: ElectronMock;
  const savedEnv = process.env.OMBUD_USER_DATA_DIR;

  /** Load main.ts fresh (it runs on import, like Electron's entry script). */
  async function boot(): Promise<void> {
    vi.resetModules();
    electron = (await import('electron')) as unknown as ElectronMock;
    electron.resetElectronMock();
    await import('../../../electron/main');
    // vi.waitFor gives up after 1 s by default; a loaded machine can take longer to open the database.
    await vi.waitFor(() => {
      const done = electron.MockBrowserWindow.instances.length > 0 || electron.app.exit.mock.calls.length > 0;
      expect(done).toBe(true);
    }, { timeout: 15_000 });
  }

  /** Quit as Electron would: will-quit (main.ts defers it until the backend has closed), then wait for the backend to end. */
  async function quit(): Promise<void> {
    if (!electron) return;
    const { app, MockEvent, MockUtilityProcess } = electron;
    app.emit('will-quit', new MockEvent());
    await vi.waitFor(() => expect(MockUtilityProcess.instances.every((p) => p.exited)).toBe(true), { timeout: 15_000 });
  }

  /** The seeded adviser: `actor` as the renderer's chooser sends it with every call, and its name. */
  async function firstAdviser(): Promise<{ actor: { adviserId: number }; name: string }> {
    const settings = (await electron.ipcMain.invoke('settings:get', trustedEvent, {})) as { value: { advisers: Array<{ id: number; name: string }> } };
    const a = settings.value.advisers[0]!;
    return { actor: { adviserId: a.id }, name: a.name };
  }

  beforeEach(async () => {
    userData = await mkdtemp(path.join(tmpdir(), 'ombud-main-'));
    process.env.OMBUD_USER_DATA_DIR = userData;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  afterEach(async () => {
    await quit();
    if (savedEnv === undefined) delete process.env.OMBUD_USER_DATA_DIR;
    else process.env.OMBUD_USER_DATA_DIR = savedEnv;
    await rm(userData, { recursive: true, force: true });
  });

  it('wires the app: userData, protocol, hardening, IPC and one secure window', async () => {
    await boot();
    const { app, protocol, session, ipcMain, MockBrowserWindow, dialog } = electron;
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(app.setPath).toHaveBeenCalledWith('userData', userData);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(protocol.handlers.has('app')).toBe(true);
    expect(session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(app.listenerCount('web-contents-created')).toBe(1);
    // Our own Danish menu replaces Electron's default before the window opens.
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    expect((electron.Menu.buildFromTemplate.mock.calls[0]![0] as Array<{ label: string }>).map((m) => m.label)).toContain('Filer');
    expect(new Set(ipcMain.handlers.keys())).toEqual(new Set(CHANNELS));
    // The services and the database live in the backend process, not here.
    expect(electron.utilityProcess.fork).toHaveBeenCalledOnce();
    expect(electron.utilityProcess.fork.mock.calls[0]![0]).toBe(path.join('/tmp/ombud-mock-app', 'dist', 'electron', 'backend.cjs'));
    expect(MockBrowserWindow.instances).toHaveLength(1);
    const win = MockBrowserWindow.instances[0]!;
    expect((win.options.webPreferences as Record<string, unknown>).preload).toBe(path.join('/tmp/ombud-mock-app', 'dist', 'electron', 'preload.cjs'));
    expect(win.loadURL).toHaveBeenCalledWith('app://ombud/index.html');
  });

  it('answers IPC from the real services on <userData>/ombud.sqlite, and refuses strangers', async () => {
    await boot();
    const info = await electron.ipcMain.invoke('app:info', trustedEvent, {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'electron', databasePath: path.join(userData, 'ombud.sqlite'), version: '0.1.0-test' } });
    const refused = await electron.ipcMain.invoke('app:info', { senderFrame: { url: 'https://evil.example/', parent: null } }, {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('closes the database and removes the handlers on will-quit, and quits only once the backend has', async () => {
    await boot();
    const event = new electron.MockEvent();
    electron.app.emit('will-quit', event);
    expect(event.defaultPrevented).toBe(true);
    expect(electron.ipcMain.handlers.size).toBe(0);
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled(), { timeout: 15_000 });
    expect(electron.MockUtilityProcess.instances.every((p) => p.exited)).toBe(true);
    // The WAL was checkpointed and the file closed: another connection can open it exclusively.
    const db = new Database(path.join(userData, 'ombud.sqlite'));
    applyDbKey(db, TEST_DB_KEY);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('shows one desktop notification for deadlines due today once the window is shown, none when nothing is due', async () => {
    // The backend uses the system clock: pin it to a working day (Wednesday 11.06.2025), so the test
    // always checks the "due today" branch. Only Date is faked; timers and I/O run normally.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-06-11T08:00:00Z'));
    // The backend process has its own clock: the mock's child stands still at the same instant.
    process.env.OMBUD_MOCK_NOW = '2025-06-11T08:00:00Z';
    try {
      const { copenhagenDate } = await import('../../../shared/domain/dates');
      const { addWorkingDays } = await import('../../../shared/deadlines');
      const today = copenhagenDate(new Date());
      await boot();
      const { ipcMain, MockBrowserWindow, MockNotification } = electron;
      MockNotification.isSupported.mockImplementation(() => true);
      const win = MockBrowserWindow.instances[0]!;
      win.emit('ready-to-show');
      expect(win.show).toHaveBeenCalled();
      expect(MockNotification.instances).toHaveLength(0); // nothing owed yet

      const { actor } = await firstAdviser();
      const created = (await ipcMain.invoke('cases:create', trustedEvent, {
        input: {
          sagsnr: 'N-1', receivedOn: '2000-01-03', channel: null, type: 'vejledning',
          citizen: { name: '', address: '', phone: '', email: '', cpr: null }, representative: null, summary: 'Test', description: '',
          status: 'modtaget', competenceReasonId: null, handling: null, closedOn: null, adviserId: null, points: [],
        },
      }, actor)) as { ok: boolean; value: { id: number } };
      expect(created.ok).toBe(true);
      const forvaltninger = (await ipcMain.invoke('settings:get', trustedEvent, {})) as { value: { forvaltninger: Array<{ id: number }> } };
      // Find a sending date whose 10th working day is today (none exists when today is not a working day).
      let sentOn: string | null = null;
      for (let back = 10; back < 40 && sentOn === null; back++) {
        const d = new Date(`${today}T12:00:00Z`);
        d.setUTCDate(d.getUTCDate() - back);
        const candidate = d.toISOString().slice(0, 10);
        if (addWorkingDays(candidate, 10, 'standard', { closingDays: [] }) === today) sentOn = candidate;
      }
      const request = await ipcMain.invoke('requests:create', trustedEvent, {
        input: { caseId: created.value.id, forvaltningId: forvaltninger.value.forvaltninger[0]!.id, kind: 'redegoerelse', sentOn: sentOn ?? '2000-01-04', spec: null, note: '' },
      }, actor);
      expect(request).toMatchObject({ ok: true });

      // A second start sees the deadline: today's, or (on a weekend) an overdue one.
      await quit();
      await boot();
      electron.MockNotification.isSupported.mockImplementation(() => true);
      electron.MockBrowserWindow.instances[0]!.emit('ready-to-show');
      expect(electron.MockNotification.instances).toHaveLength(1);
      const n = electron.MockNotification.instances[0]!;
      expect(n.options).toMatchObject({ title: 'Ombud – frister i dag' });
      expect(sentOn).not.toBeNull();
      expect((n.options as { body: string }).body).toMatch(/1 frist udløber i dag\. I dag: N-1\./);
      expect(n.show).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
      delete process.env.OMBUD_MOCK_NOW;
    }
  });

  it('quits when another instance already runs', async () => {
    vi.resetModules();
    electron = (await import('electron')) as unknown as ElectronMock;
    electron.resetElectronMock();
    electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await import('../../../electron/main');
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });

  it('shows a Danish dialog and exits when the database is from a newer Ombud, leaving it untouched', async () => {
    const file = path.join(userData, 'ombud.sqlite');
    const future = new Database(file);
    future.pragma('user_version = 99999');
    future.close();
    await boot();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledOnce();
    const [title, text] = electron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('Ombud kan ikke starte');
    expect(text).toMatch(/nyere version af Ombud/);
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.MockBrowserWindow.instances).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(99999);
    check.close();
  });

  /** Run `work` without the test key in the environment, as the app runs on an adviser's PC. */
  async function withoutEnvKey(work: () => Promise<void>): Promise<void> {
    const saved = process.env.OMBUD_DB_KEY;
    delete process.env.OMBUD_DB_KEY;
    try {
      await work();
    } finally {
      process.env.OMBUD_DB_KEY = saved;
    }
  }

  it('makes the database key with safeStorage on first start, keeps it only encrypted (0600), and the backend opens the database with it', async () => {
    await withoutEnvKey(async () => {
      await boot();
      expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
      expect(electron.safeStorage.encryptString).toHaveBeenCalledOnce();
      const keyFile = path.join(userData, 'databasenoegle.bin');
      expect(ownerOnlyMode(keyFile)).toBe(0o600);
      const hex = electron.safeStorage.decryptString(await readFile(keyFile));
      expect(hex).toMatch(/^[0-9a-f]{64}$/);
      expect((await readFile(keyFile)).includes(hex)).toBe(false);
      await quit();
      // The backend process had no key of its own: the database is encrypted with the stored one.
      const db = new Database(path.join(userData, 'ombud.sqlite'), { readonly: true });
      applyDbKey(db, { kind: 'raw', hex });
      expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
      db.close();
    });
  });

  it('refuses to start, in Danish, when there is no secret store for the key', async () => {
    await withoutEnvKey(async () => {
      vi.resetModules();
      const mock = (await import('electron')) as unknown as ElectronMock;
      mock.safeStorage.isEncryptionAvailable.mockImplementation(() => false);
      try {
        await boot();
      } finally {
        mock.safeStorage.isEncryptionAvailable.mockImplementation(() => true);
      }
      const [title, text] = electron.dialog.showErrorBox.mock.calls[0] as [string, string];
      expect(title).toBe('Ombud kan ikke starte');
      expect(text).toMatch(/kan ikke beskytte databasenøglen.*OMBUD_DB_KEY/s);
      expect(electron.app.exit).toHaveBeenCalledWith(1);
      expect(electron.utilityProcess.fork).not.toHaveBeenCalled();
      expect(existsSync(path.join(userData, 'databasenoegle.bin'))).toBe(false);
    });
  });

  it('shows a Danish dialog and exits when the file is not a database', async () => {
    await writeFile(path.join(userData, 'ombud.sqlite'), 'dette er ikke en database '.repeat(100));
    await boot();
    const [, text] = electron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(text).toMatch(/kan ikke åbnes som en Ombud-database/);
    expect(text).toMatch(/Filen er ikke ændret/);
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.MockBrowserWindow.instances).toHaveLength(0);
  });

  it('offers the newest good backup when the database has been emptied, and opens it restored when the adviser accepts', async () => {
    // The first start takes the automatic backup (after the window is not held up by it).
    await boot();
    const folder = path.join(userData, 'Sikkerhedskopier');
    await vi.waitFor(async () => expect((await readdir(folder).catch(() => [])).some((f) => f.endsWith('.sqlite'))).toBe(true), { timeout: 15_000 });
    const { actor } = await firstAdviser();
    expect((await electron.ipcMain.invoke('backup:list', trustedEvent, {}, actor)) as { ok: boolean }).toMatchObject({ ok: true });
    await quit();

    await writeFile(path.join(userData, 'ombud.sqlite'), Buffer.alloc(0));
    vi.resetModules();
    electron = (await import('electron')) as unknown as ElectronMock;
    electron.resetElectronMock();
    electron.dialog.showMessageBoxSync.mockReturnValue(0);
    try {
      await import('../../../electron/main');
      await vi.waitFor(() => expect(electron.MockBrowserWindow.instances.length + electron.app.exit.mock.calls.length).toBeGreaterThan(0), { timeout: 15_000 });
    } finally {
      electron.dialog.showMessageBoxSync.mockReturnValue(1);
    }
    expect(electron.dialog.showMessageBoxSync).toHaveBeenCalledOnce();
    const [options] = electron.dialog.showMessageBoxSync.mock.calls[0] as [{ message: string; buttons: string[] }];
    expect(options.message).toMatch(/^Gendan den nyeste gode sikkerhedskopi fra \d\d\.\d\d\.\d{4} kl\. \d\d\.\d\d\?$/);
    expect(options.buttons).toEqual(['Gendan sikkerhedskopien', 'Luk Ombud']);
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(electron.MockBrowserWindow.instances).toHaveLength(1);
    // The restored database is open and answers.
    const restored = (await electron.ipcMain.invoke('settings:get', trustedEvent, {})) as { ok: boolean };
    expect(restored.ok).toBe(true);
  });

  it('every call carries who acts: a change without a chosen adviser is refused, and the history names the adviser, never the OS account', async () => {
    await boot();
    const { ipcMain } = electron;
    const input = {
      sagsnr: 'A-1', receivedOn: '2025-01-06', channel: null, type: 'vejledning',
      citizen: { name: '', address: '', phone: '', email: '', cpr: null }, representative: null, summary: 'Hvem', description: '',
      status: 'modtaget', competenceReasonId: null, handling: null, closedOn: null, adviserId: null, points: [],
    };
    const refused = await ipcMain.invoke('cases:create', trustedEvent, { input });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/^Vælg først, hvem du er/) } });
    const bogus = await ipcMain.invoke('cases:create', trustedEvent, { input }, { adviserId: 'root' });
    expect(bogus).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    const { actor, name } = await firstAdviser();
    const created = (await ipcMain.invoke('cases:create', trustedEvent, { input }, actor)) as { ok: true; value: { id: number } };
    expect(created.ok).toBe(true);
    const history = (await ipcMain.invoke('cases:history', trustedEvent, { id: created.value.id })) as { value: Array<{ actor: string }> };
    expect(history.value.map((h) => h.actor)).toEqual([name]);
  });

  it('remembers the chosen adviser per OS user in userData, outside the database, across a restart', async () => {
    await boot();
    expect(await electron.ipcMain.invoke('actor:get', trustedEvent, {})).toEqual({ ok: true, value: { adviserId: null } });
    const { adviserId } = (await firstAdviser()).actor;
    expect(await electron.ipcMain.invoke('actor:choose', trustedEvent, { adviserId })).toEqual({ ok: true, value: { adviserId } });
    const file = path.join(userData, 'valgt-raadgiver.json');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, databases: { [path.join(userData, 'ombud.sqlite')]: { adviserId } } });
    await quit();
    await boot();
    expect(await electron.ipcMain.invoke('actor:get', trustedEvent, {})).toEqual({ ok: true, value: { adviserId } });
  });

  it('shows a running import on the taskbar and clears it when the job ends', async () => {
    await boot();
    const { actor } = await firstAdviser();
    const csv = 'sagsnr;modtaget;type;forvaltning\nT-1;2025-01-06;klage;Social\nT-2;2025-01-07;vejledning;\n';
    const started = (await electron.ipcMain.invoke('import:start', trustedEvent, {
      fileName: 'lille.csv', contentBase64: Buffer.from(csv, 'utf8').toString('base64'), dryRun: false,
    }, actor)) as { ok: true; value: { jobId: string } };
    expect(started.ok).toBe(true);
    let phase = '';
    await vi.waitFor(async () => {
      const status = (await electron.ipcMain.invoke('import:status', trustedEvent, { jobId: started.value.jobId })) as { value: { phase: string } };
      phase = status.value.phase;
      expect(['færdig', 'fejlet']).toContain(phase);
    }, { timeout: 15_000 });
    expect(phase).toBe('færdig');
    const win = electron.MockBrowserWindow.instances[0]!;
    await vi.waitFor(() => expect(win.setProgressBar).toHaveBeenLastCalledWith(-1), { timeout: 5_000 });
    const fractions = win.setProgressBar.mock.calls.map(([f]) => f);
    expect(fractions.some((f) => f > 0 && f <= 1)).toBe(true);
  });
});
