/**
 * The BrowserWindow factory. The webPreferences are the Electron security checklist's baseline,
 * each set explicitly even where it is already Electron's default, so a future default change or a
 * copy-pasted template (the quick-start template sets sandbox: false) cannot weaken them silently.
 */
import { BrowserWindow, type WebPreferences } from 'electron';
import { APP_ORIGIN } from './security/sender';

/** The page the window loads: the renderer build on our custom protocol (checklist item 18). */
export const START_URL = `${APP_ORIGIN}/index.html`;

/** The webPreferences every Ombud window gets. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
  const win = new BrowserWindow({
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
