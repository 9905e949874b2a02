/**
 * Where Ombud keeps its database outside Electron (CLI, preview server), computed the way Electron
 * computes `app.getPath('userData')` (Electron docs, app.getPath: appData is %APPDATA% on Windows,
 * ~/Library/Application Support on macOS, $XDG_CONFIG_HOME or ~/.config on Linux), so every entry
 * point opens the same file without importing 'electron'.
 */
import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Ombud';
export const DATABASE_FILE_NAME = 'ombud.sqlite';
/** Which adviser this OS user chose at start, per database (services/actor.ts `fileActorStore`). */
export const ACTOR_FILE_NAME = 'valgt-raadgiver.json';
/** The desktop app's database key, encrypted by the OS secret store (security/db-key.ts). */
export const DB_KEY_FILE_NAME = 'databasenoegle.bin';

type Env = Readonly<Record<string, string | undefined>>;

/** The userData folder Electron would use for Ombud on this platform. */
export function userDataDir(env: Env = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  // The same override electron/main.ts honours, so tests and power users can point all entry points elsewhere.
  const override = env['OMBUD_USER_DATA_DIR'];
  if (override) return path.resolve(override);
  if (platform === 'win32') {
    const appData = env['APPDATA'] ?? path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_DIR_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  const config = env['XDG_CONFIG_HOME'] || path.posix.join(home, '.config');
  return path.posix.join(config, APP_DIR_NAME);
}

/** `<userData>/ombud.sqlite`: the database the desktop app opens. */
export function defaultDatabasePath(env: Env = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  const dir = userDataDir(env, platform, home);
  return platform === 'win32' && !env['OMBUD_USER_DATA_DIR'] ? path.win32.join(dir, DATABASE_FILE_NAME) : path.join(dir, DATABASE_FILE_NAME);
}

/** `<userData>/valgt-raadgiver.json`: per OS user, like the folder itself, and never inside the (shareable) database. */
export function actorChoicePath(env: Env = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  const dir = userDataDir(env, platform, home);
  return platform === 'win32' && !env['OMBUD_USER_DATA_DIR'] ? path.win32.join(dir, ACTOR_FILE_NAME) : path.join(dir, ACTOR_FILE_NAME);
}

/** Where backups go and which folder the adviser chose: outside the database, so a restore works when it cannot be opened. */
export const BACKUP_SETTINGS_FILE_NAME = 'sikkerhedskopi.json';
/** The backup folder until the adviser chooses one. */
export const DEFAULT_BACKUP_DIR_NAME = 'Sikkerhedskopier';

/** `<userData>/sikkerhedskopi.json`. */
export function backupSettingsPath(env: Env = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  const dir = userDataDir(env, platform, home);
  return platform === 'win32' && !env['OMBUD_USER_DATA_DIR'] ? path.win32.join(dir, BACKUP_SETTINGS_FILE_NAME) : path.join(dir, BACKUP_SETTINGS_FILE_NAME);
}

/** `<userData>/Sikkerhedskopier`. */
export function defaultBackupDir(env: Env = process.env, platform: NodeJS.Platform = process.platform, home: string = os.homedir()): string {
  const dir = userDataDir(env, platform, home);
  return platform === 'win32' && !env['OMBUD_USER_DATA_DIR'] ? path.win32.join(dir, DEFAULT_BACKUP_DIR_NAME) : path.join(dir, DEFAULT_BACKUP_DIR_NAME);
}
