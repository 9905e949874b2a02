/**
 * Composition root of the desktop app. Keeps Electron glue thin: it finds the paths, opens the
 * backend with openApp (the same one the preview server, the CLI and the tests use), registers IPC,
 * and creates the hardened window. Every security decision lives in security/ and is tested there.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Notification, protocol, session } from 'electron';
import { DbFromFutureError, DbUnreadableError } from '../db/errors';
import { registerIpc } from './ipc/register';
import { createAppProtocolHandler } from './security/app-protocol';
import { hardenAllWebContents, hardenSession } from './security/harden';
import { APP_SCHEME } from './security/sender';
import { overview, startupNotice } from './services/deadlines';
import { openApp, type OpenedApp } from './services/open-app';
import { DATABASE_FILE_NAME, userDataDir } from './services/paths';
import { createMainWindow } from './window';

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

/** The Electron-ABI build of better-sqlite3 made by `npm run electron:native`, when it exists. */
function electronNativeBinding(appRoot: string): string | undefined {
  if (!process.versions.electron) return undefined;
  const file = path.join(appRoot, '.electron-native', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}

/** The Danish text shown when the database cannot be opened. */
function startupErrorText(e: unknown, file: string): string {
  if (e instanceof DbFromFutureError) return e.message;
  if (e instanceof DbUnreadableError) {
    return `${e.message}\n\nFilen er ikke ændret. Kontakt IT-supporten, eller flyt filen væk for at starte med en tom database.`;
  }
  const detail = e instanceof Error ? e.message : String(e);
  return `Databasen ${file} kunne ikke åbnes.\n\n${detail}\n\nIntet er ændret. Kontakt IT-supporten, hvis fejlen gentager sig.`;
}

function start(): void {
  const appRoot = app.getAppPath();
  const rendererDir = path.join(appRoot, 'dist', 'renderer');
  const preloadPath = path.join(appRoot, 'dist', 'electron', 'preload.cjs');
  const databaseFile = path.join(app.getPath('userData'), DATABASE_FILE_NAME);

  hardenSession(session.defaultSession);
  hardenAllWebContents(app);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));

  let opened: OpenedApp;
  try {
    opened = openApp({
      file: databaseFile,
      mode: 'electron',
      appVersion: app.getVersion(),
      nativeBinding: electronNativeBinding(appRoot),
    });
  } catch (e) {
    console.error('Ombud kunne ikke åbne databasen', e);
    dialog.showErrorBox('Ombud kan ikke starte', startupErrorText(e, databaseFile));
    app.exit(1);
    return;
  }

  const unregister = registerIpc(opened.dispatch);
  app.on('will-quit', () => {
    unregister();
    opened.close();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow({ preloadPath });
  });
  const win = createMainWindow({ preloadPath });
  // After the window is shown (createMainWindow shows it on the same event, registered first), so
  // the adviser sees Ombud behind the notification.
  win.once('ready-to-show', () => notifyDeadlines(opened));
}

/** One desktop notification at start-up when deadlines run out today or have run out. */
function notifyDeadlines(opened: OpenedApp): void {
  if (!Notification.isSupported()) return;
  try {
    const notice = startupNotice(overview(opened.ctx));
    if (notice !== null) new Notification(notice).show();
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
