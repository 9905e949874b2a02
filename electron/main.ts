/**
 * Composition root of the desktop app. Keeps Electron glue thin: it finds the paths, starts the
 * backend — services and database — in a utilityProcess (backend/: the same openApp the preview
 * server, the CLI and the tests use), registers IPC that forwards to it, and creates the hardened
 * window. This process keeps the windows, dialogs, notifications and the taskbar, so a 100,000-row
 * import, a report or a PDF never blocks the window. Every security decision lives in security/ and
 * is tested there.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Notification, protocol, safeStorage, session, shell, utilityProcess, type UtilityProcess } from 'electron';
import { dbKeyText } from '../db/key';
import { createBackendClient, importProgressFraction, type BackendClient, type BackendLink } from './backend/client';
import type { BackendOpenOptions, StartupNotice } from './backend/protocol';
import { registerIpc } from './ipc/register';
import { withFolderDialog } from './ipc/folder-dialog';
import { withSystemViewer } from './ipc/system-viewer';
import { createAppProtocolHandler } from './security/app-protocol';
import { desktopDbKey } from './security/db-key';
import { hardenAllWebContents, hardenSession } from './security/harden';
import { APP_SCHEME } from './security/sender';
import { backupOfferText } from '../shared/backup/manifest';
import { ACTOR_FILE_NAME, BACKUP_SETTINGS_FILE_NAME, DATABASE_FILE_NAME, DB_KEY_FILE_NAME, userDataDir } from './services/paths';
import { createMainWindow, installApplicationMenu } from './window';

// The same folder the CLI and the preview compute (services/paths.ts), so all entry points open one
// database; it also honours OMBUD_USER_DATA_DIR, which the Electron e2e test uses for a temp
// profile. Must be set before anything reads userData.
app.setPath('userData', userDataDir());

// Must run before 'ready'. `standard` gives app://ombud a real origin (so CSP 'self', relative URLs
// and module scripts work); `secure` makes it a secure context like https (checklist item 18).
// `corsEnabled` stays off on purpose: it would let other origins read app:// responses without any
// Access-Control-Allow-Origin check, and our own module scripts are same-origin.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/** The Electron-ABI build of the SQLite driver made by `npm run electron:native`, when it exists. */
function electronNativeBinding(appRoot: string): string | undefined {
  if (!process.versions.electron) return undefined;
  const file = path.join(appRoot, '.electron-native', 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}

/** The utilityProcess as the backend client sees it (backend/client.ts). */
function utilityLink(child: UtilityProcess): BackendLink {
  return {
    post: (message) => child.postMessage(message),
    onMessage: (listener) => {
      child.on('message', listener);
    },
    onExit: (listener) => {
      child.once('exit', listener);
    },
    kill: () => {
      child.kill();
    },
  };
}

/** Start the backend process (dist/electron/backend.cjs, built from backend/entry.ts). */
function startBackend(appRoot: string): BackendClient {
  const entry = path.join(appRoot, 'dist', 'electron', 'backend.cjs');
  return createBackendClient(utilityLink(utilityProcess.fork(entry, [], { serviceName: 'Ombud – database', stdio: 'inherit' })));
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath();
  const rendererDir = path.join(appRoot, 'dist', 'renderer');
  const preloadPath = path.join(appRoot, 'dist', 'electron', 'preload.cjs');
  const userData = app.getPath('userData');
  const nativeBinding = electronNativeBinding(appRoot);
  const file = path.join(userData, DATABASE_FILE_NAME);
  // Before the backend starts: only this process may use safeStorage (security/db-key.ts).
  const dbKey = desktopDbKey({ store: safeStorage, keyFile: path.join(userData, DB_KEY_FILE_NAME), databaseFile: file, env: process.env, platform: process.platform });
  if (!dbKey.ok) {
    console.error('Ombud har ingen databasenøgle', dbKey.message);
    dialog.showErrorBox('Ombud kan ikke starte', dbKey.message);
    app.exit(1);
    return;
  }
  const options: BackendOpenOptions = {
    file,
    key: dbKeyText(dbKey.key),
    mode: 'electron',
    appVersion: app.getVersion(),
    // The choice of adviser is remembered per Windows user, beside (never inside) the database.
    actorFile: path.join(userData, ACTOR_FILE_NAME),
    // The backup folder the adviser chose is kept beside (never inside) the database, so a restore
    // works when the database cannot be opened.
    backupSettingsFile: path.join(userData, BACKUP_SETTINGS_FILE_NAME),
    automaticBackup: true,
    ...(nativeBinding ? { nativeBinding } : {}),
  };

  hardenSession(session.defaultSession);
  hardenAllWebContents(app);
  // Our own Danish menu instead of Electron's default (no developer tools or reload when installed).
  installApplicationMenu();
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));

  const backend = startBackend(appRoot);
  let opened = await backend.open(options);
  // A damaged or emptied database: offer the newest good backup (the backend restores and opens it).
  if (!opened.ok && opened.offer) {
    const choice = dialog.showMessageBoxSync({
      type: 'warning',
      title: 'Ombud kan ikke åbne databasen',
      message: backupOfferText(opened.offer),
      detail: `${opened.message}\n\nSikkerhedskopien: ${opened.offer.file}\nDen nuværende fil gemmes ved siden af under et nyt navn.`,
      buttons: ['Gendan sikkerhedskopien', 'Luk Ombud'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (choice === 0) opened = await backend.open({ ...options, restoreFrom: opened.offer.file });
  }
  if (!opened.ok) {
    console.error('Ombud kunne ikke åbne databasen', opened.message);
    dialog.showErrorBox('Ombud kan ikke starte', opened.message);
    await backend.close();
    app.exit(1);
    return;
  }
  backend.onUnexpectedExit((code) => {
    console.error('Ombuds databaseproces stoppede uventet', code);
    dialog.showErrorBox(
      'Ombud stoppede',
      'Ombuds databaseproces stoppede uventet, og Ombud lukkes nu. Start programmet igen.\n\nDet, der var gemt, er bevaret; en ændring, der ikke nåede at blive gemt, er ikke skrevet halvt.',
    );
    app.exit(1);
  });
  // A failed automatic backup (a network drive that is gone) is told, never a crash; the next start tries again.
  backend.onBackupResult((ok, message) => {
    if (!ok) void dialog.showMessageBox({ type: 'warning', title: 'Sikkerhedskopi', message, buttons: ['OK'], noLink: true });
  });
  backend.onImportProgress((_jobId, status) => {
    for (const w of BrowserWindow.getAllWindows()) w.setProgressBar(importProgressFraction(status));
  });

  // "Åbn" on an akt: written to a private temp folder and opened in the system's viewer (removed at quit).
  // "Vælg mappe …" for the backup folder: the system's folder dialog, then backup:set-folder.
  const chooseFolder = async (): Promise<string | null> => {
    const focused = BrowserWindow.getFocusedWindow();
    const props: Electron.OpenDialogOptions = { title: 'Vælg mappe til sikkerhedskopier', properties: ['openDirectory', 'createDirectory'] };
    const r = focused ? await dialog.showOpenDialog(focused, props) : await dialog.showOpenDialog(props);
    return r.canceled || r.filePaths.length === 0 ? null : (r.filePaths[0] ?? null);
  };
  const viewer = withSystemViewer(withFolderDialog(backend.dispatch, chooseFolder), { tempRoot: app.getPath('temp'), openPath: (file) => shell.openPath(file) });
  const unregister = registerIpc(viewer.dispatch);
  // Quitting waits for the backend to close the database (WAL checkpointed), then quits for real.
  let backendClosed = false;
  let closing = false;
  app.on('will-quit', (event) => {
    if (backendClosed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    unregister();
    viewer.cleanUp();
    void backend.close().finally(() => {
      backendClosed = true;
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow({ preloadPath });
  });
  const win = createMainWindow({ preloadPath });
  // After the window is shown (createMainWindow shows it on the same event, registered first), so
  // the adviser sees Ombud behind the notification.
  win.once('ready-to-show', () => notifyDeadlines(opened.notice));
}

/** One desktop notification at start-up when deadlines run out today or have run out (computed by the backend). */
function notifyDeadlines(notice: StartupNotice | null): void {
  if (notice === null || !Notification.isSupported()) return;
  try {
    new Notification(notice).show();
  } catch (e) {
    // A reminder must never stop the app from starting.
    console.error('Ombud kunne ikke vise fristpåmindelsen', e);
  }
}

// One Ombud per user: two processes writing the same SQLite file through separate caches would
// race on the WAL, and the adviser would see two different lists.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      console.error('Ombud kunne ikke starte', e);
      dialog.showErrorBox('Ombud kan ikke starte', `Der opstod en uventet fejl under opstarten:\n\n${e instanceof Error ? e.message : String(e)}`);
      app.exit(1);
    });
}
