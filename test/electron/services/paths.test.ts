/** electron/services/paths.ts: the CLI and preview open the same file as the desktop app. */
import { describe, expect, it } from 'vitest';
import { actorChoicePath, defaultDatabasePath, userDataDir } from '../../../electron/services/paths';

describe('defaultDatabasePath', () => {
  it('follows Electron userData on each platform', () => {
    expect(defaultDatabasePath({ APPDATA: 'C:\\Users\\mette\\AppData\\Roaming' }, 'win32', 'C:\\Users\\mette')).toBe(
      'C:\\Users\\mette\\AppData\\Roaming\\Ombud\\ombud.sqlite',
    );
    expect(defaultDatabasePath({}, 'darwin', '/Users/mette')).toBe('/Users/mette/Library/Application Support/Ombud/ombud.sqlite');
    expect(defaultDatabasePath({}, 'linux', '/home/mette')).toBe('/home/mette/.config/Ombud/ombud.sqlite');
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: '/srv/cfg' }, 'linux', '/home/mette')).toBe('/srv/cfg/Ombud/ombud.sqlite');
  });

  it('honours OMBUD_USER_DATA_DIR like the Electron main process', () => {
    expect(userDataDir({ OMBUD_USER_DATA_DIR: '/tmp/profil' }, 'linux', '/home/x')).toBe('/tmp/profil');
    expect(defaultDatabasePath({ OMBUD_USER_DATA_DIR: '/tmp/profil' }, 'linux', '/home/x')).toBe('/tmp/profil/ombud.sqlite');
  });

  it('keeps the desk\'s choice of adviser in the per-user folder, never in the database', () => {
    expect(actorChoicePath({}, 'linux', '/home/mette')).toBe('/home/mette/.config/Ombud/valgt-raadgiver.json');
    expect(actorChoicePath({ APPDATA: 'C:\\Users\\mette\\AppData\\Roaming' }, 'win32', 'C:\\Users\\mette')).toBe(
      'C:\\Users\\mette\\AppData\\Roaming\\Ombud\\valgt-raadgiver.json',
    );
  });
});
