/**
 * The BrowserWindow factory. The webPreferences are the Electron security checklist's baseline,
 * each set explicitly even where it is already Electron's default, so a future default change or a
 * copy-pasted template (the quick-start template sets sandbox: false) cannot weaken them silently.
 */
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions, type WebPreferences } from 'electron';
import { APP_ORIGIN } from './security/sender';

/** The page the window loads: the renderer build on our custom protocol (checklist item 18). */
export const START_URL = `${APP_ORIGIN}/index.html`;

/**
 * The webPreferences every Ombud window gets. DevTools only in a development build: in an installed
 * Ombud they would open a console into a page holding CPR numbers and health information.
 */
export function secureWebPreferences(preloadPath: string, devTools: boolean = !app.isPackaged): WebPreferences {
  return {
    preload: preloadPath,
    devTools,
    // Checklist item 2: no Node.js in content, not in workers or subframes either.
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // Checklist item 3: the preload's world is separate from the page's.
    contextIsolation: true,
    // Checklist item 4: the renderer runs in Chromium's OS-level sandbox.
    sandbox: true,
    // Checklist item 6: keep the same-origin policy.
    webSecurity: true,
    // Checklist item 8: never load http content into the https-equivalent app origin.
    allowRunningInsecureContent: false,
    // Checklist item 9: no experimental Blink features.
    experimentalFeatures: false,
    // Checklist item 12: no <webview>.
    webviewTag: false,
    // A file dropped on the window must not replace the app with that file.
    navigateOnDragDrop: false,
    // A page that spams alert() cannot lock the adviser out.
    safeDialogs: true,
    spellcheck: true,
  };
}

export type MainWindowOptions = Readonly<{ preloadPath: string; startUrl?: string }>;

/** Create the main window, show it once it has painted, and load the app. */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  // Electronegativity reads only the literal options here, not what secureWebPreferences() returns, so
  // it reports contextIsolation and sandbox as missing: both are set there (true) and window.test.ts
  // checks them. AUXCLICK: a middle-click opens a new window only through setWindowOpenHandler, which
  // hardenWebContents (security/harden.ts) answers 'deny' for every URL.
  const win = new BrowserWindow({ // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Ombud',
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(opts.preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  // loadURL rejects when the page fails to load; the window then shows Chromium's error page,
  // which is more useful to the adviser than an unhandled rejection in the main process.
  win.loadURL(opts.startUrl ?? START_URL).catch((e: unknown) => console.error('Ombud kunne ikke indlæse vinduet', e));
  return win;
}

// ---------------------------------------------------------------------------------------------
// The application menu

/**
 * Ombud's own application menu, in Danish (Filer, Rediger, Vis, Hjælp), with only what the adviser
 * needs. Electron's default menu offers "Toggle Developer Tools", "Reload" and "Force Reload": in an
 * installed Ombud the first opens a console into the page that shows CPR numbers, and a reload throws
 * away a form being filled in. Those are only in a development build (`packaged: false`). No `&`
 * mnemonics: Alt+digit is the app's own screen navigation.
 */
export type MenuOptions = Readonly<{
  /** `app.isPackaged`: an installed build has no developer tools and no reload. */
  packaged: boolean;
  /** macOS puts Om, Skjul and Afslut in a first menu named after the app. */
  mac: boolean;
  /** Hjælp → Om Ombud. */
  onAbout: () => void;
}>;

/** The roles a packaged build must never offer (test/electron/shell/menu.test.ts checks the whole tree). */
export const DEVELOPER_ROLES: ReadonlyArray<NonNullable<MenuItemConstructorOptions['role']>> = ['toggleDevTools', 'reload', 'forceReload'];

export function applicationMenuTemplate(opts: MenuOptions): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: 'Om Ombud', click: () => opts.onAbout() };
  const quit: MenuItemConstructorOptions = { label: 'Afslut Ombud', role: 'quit' };
  const developer: MenuItemConstructorOptions[] = opts.packaged
    ? []
    : [{ type: 'separator' }, { label: 'Genindlæs', role: 'reload' }, { label: 'Udviklerværktøjer', role: 'toggleDevTools' }];
  return [
    ...(opts.mac
      ? [{ label: 'Ombud', submenu: [about, { type: 'separator' }, { label: 'Skjul Ombud', role: 'hide' }, { label: 'Skjul andre', role: 'hideOthers' }, { label: 'Vis alle', role: 'unhide' }, { type: 'separator' }, quit] } satisfies MenuItemConstructorOptions]
      : []),
    { label: 'Filer', submenu: opts.mac ? [{ label: 'Luk vindue', role: 'close' }] : [{ label: 'Luk vindue', role: 'close' }, { type: 'separator' }, quit] },
    {
      label: 'Rediger',
      submenu: [
        { label: 'Fortryd', role: 'undo' },
        { label: 'Gentag', role: 'redo' },
        { type: 'separator' },
        { label: 'Klip', role: 'cut' },
        { label: 'Kopiér', role: 'copy' },
        { label: 'Sæt ind', role: 'paste' },
        { label: 'Markér alt', role: 'selectAll' },
      ],
    },
    {
      label: 'Vis',
      submenu: [
        { label: 'Zoom ind', role: 'zoomIn' },
        { label: 'Zoom ud', role: 'zoomOut' },
        { label: 'Faktisk størrelse', role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Fuld skærm', role: 'togglefullscreen' },
        ...developer,
      ],
    },
    { label: 'Hjælp', submenu: [about] },
  ];
}

/** Build and install the menu for this build (main.ts, before the first window). */
export function installApplicationMenu(): void {
  const onAbout = (): void => {
    void dialog.showMessageBox({ type: 'info', title: 'Om Ombud', message: `Ombud ${app.getVersion()}`, detail: 'Sagsbehandling for kommunale borgerrådgivere.', buttons: ['OK'] });
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ packaged: app.isPackaged, mac: process.platform === 'darwin', onAbout })));
}
