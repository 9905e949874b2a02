/**
 * Electron hardening: DevTools off in an installed (packaged) build, and our own Danish menu without
 * "Toggle Developer Tools" or reload there (electron/window.ts).
 */
import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEVELOPER_ROLES, applicationMenuTemplate, createMainWindow, installApplicationMenu, secureWebPreferences } from '../../../electron/window';
import { Menu, MockBrowserWindow, app, dialog, resetElectronMock } from '../../mocks/electron';

/** Every item of a menu tree, submenus included. */
function items(template: ReadonlyArray<MenuItemConstructorOptions>): MenuItemConstructorOptions[] {
  return template.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
}

describe('DevTools', () => {
  beforeEach(() => resetElectronMock());

  it('are off in a packaged build and on while developing', () => {
    app.isPackaged = true;
    createMainWindow({ preloadPath: '/p.cjs' });
    expect((MockBrowserWindow.instances[0]!.options.webPreferences as Record<string, unknown>)['devTools']).toBe(false);
    app.isPackaged = false;
    expect(secureWebPreferences('/p.cjs').devTools).toBe(true);
    expect(secureWebPreferences('/p.cjs', false).devTools).toBe(false);
  });
});

describe('the application menu', () => {
  beforeEach(() => resetElectronMock());

  for (const mac of [false, true]) {
    it(`is Danish, and a packaged build has no developer tools or reload (${mac ? 'macOS' : 'Windows/Linux'})`, () => {
      const packaged = applicationMenuTemplate({ packaged: true, mac, onAbout: () => {} });
      expect(packaged.map((m) => m.label)).toEqual([...(mac ? ['Ombud'] : []), 'Filer', 'Rediger', 'Vis', 'Hjælp']);
      const all = items(packaged);
      expect(all.filter((i) => i.role !== undefined && DEVELOPER_ROLES.includes(i.role))).toEqual([]);
      expect(all.map((i) => i.label ?? '').filter((l) => /Developer|Reload|Udviklerværktøjer|Genindlæs/u.test(l))).toEqual([]);
      // Every item the adviser sees has a Danish label (separators have none).
      expect(all.filter((i) => i.type !== 'separator' && i.label === undefined)).toEqual([]);
      expect(all.some((i) => i.role === 'quit' && i.label === 'Afslut Ombud')).toBe(true);
      expect(all.some((i) => i.role === 'copy' && i.label === 'Kopiér')).toBe(true);

      const developing = items(applicationMenuTemplate({ packaged: false, mac, onAbout: () => {} }));
      expect(developing.filter((i) => i.role !== undefined && ['toggleDevTools', 'reload'].includes(i.role)).map((i) => i.label)).toEqual(['Genindlæs', 'Udviklerværktøjer']);
    });
  }

  it('is installed from the template for this build, and Om Ombud tells the version', () => {
    app.isPackaged = true;
    installApplicationMenu();
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce();
    const built = Menu.buildFromTemplate.mock.calls[0]![0] as MenuItemConstructorOptions[];
    expect(items(built).filter((i) => i.role !== undefined && DEVELOPER_ROLES.includes(i.role))).toEqual([]);
    const about = items(built).find((i) => i.label === 'Om Ombud');
    (about?.click as unknown as () => void)();
    expect(dialog.showMessageBox).toHaveBeenCalledWith(expect.objectContaining({ title: 'Om Ombud', message: 'Ombud 0.1.0-test' }));
    vi.clearAllMocks();
  });
});
