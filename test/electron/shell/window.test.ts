import { beforeEach, describe, expect, it } from 'vitest';
import { START_URL, createMainWindow, secureWebPreferences } from '../../../electron/window';
import { MockBrowserWindow, resetElectronMock } from '../../mocks/electron';

describe('createMainWindow', () => {
  beforeEach(() => resetElectronMock());

  it('creates the window with the security checklist webPreferences', () => {
    createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs' });
    expect(MockBrowserWindow.instances).toHaveLength(1);
    const prefs = MockBrowserWindow.instances[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    // Nothing that weakens the defaults sneaks in.
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('loads the app from app://ombud, not file://', () => {
    const win = createMainWindow({ preloadPath: '/p.cjs' }) as unknown as MockBrowserWindow;
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith(START_URL);
    expect(START_URL).toBe('app://ombud/index.html');
  });

  it('stays hidden until the first paint', () => {
    const win = createMainWindow({ preloadPath: '/p.cjs' }) as unknown as MockBrowserWindow;
    expect(win.options.show).toBe(false);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });

  it('secureWebPreferences is the single source of those options', () => {
    expect(secureWebPreferences('/x.cjs')).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
  });
});
