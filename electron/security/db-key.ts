/**
 * The desktop app's database key (main process only; the only file that touches safeStorage).
 *
 * On first start a random 256-bit key is generated (db/key.ts) and kept in `<userData>/
 * databasenoegle.bin`, encrypted by Electron's safeStorage: Windows DPAPI (bound to the Windows
 * user), the macOS Keychain, or libsecret/kwallet on Linux. Later starts decrypt it. The database
 * itself is then unreadable without this Windows user's login, which is the point on a laptop that
 * can be lost (GDPR art. 32).
 *
 * Refusals, each a Danish message and never a new key over an existing database:
 * - no usable secret store (on Linux also the `basic_text` backend, which only obfuscates): unless
 *   the municipality's IT gives the key through OMBUD_DB_KEY / OMBUD_DB_KEY_FILE;
 * - a key file that no longer decrypts (another Windows user, a reinstalled PC, a copied profile);
 * - an encrypted database whose key file is gone.
 * The logic takes a small safeStorage-like interface, so it is tested with a fake.
 */
import { existsSync, linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileKind } from '../../db/file-kind';
import { dbKeyText, generateDbKey, parseDbKey, type DbKey } from '../../db/key';
import { dbKeyFromEnv, HOW_TO_SET_KEY } from '../services/db-key-env';

/** The part of Electron's safeStorage this module uses. */
export type SecretStore = Readonly<{
  isEncryptionAvailable: () => boolean;
  encryptString: (plainText: string) => Buffer;
  decryptString: (encrypted: Buffer) => string;
  /** Linux only (Electron docs: safeStorage.getSelectedStorageBackend). */
  getSelectedStorageBackend?: () => string;
}>;

export type DesktopKeyDeps = Readonly<{
  store: SecretStore;
  /** `<userData>/databasenoegle.bin`. */
  keyFile: string;
  /** The database the key is for (to never make a new key for an existing encrypted one). */
  databaseFile: string;
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
}>;

export type DesktopKey =
  | Readonly<{ ok: true; key: DbKey; source: 'environment' | 'stored' | 'created' }>
  | Readonly<{ ok: false; message: string }>;

/** Linux backends that do not really protect a secret (Electron docs: safeStorage). */
const WEAK_LINUX_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

function storeUsable(deps: DesktopKeyDeps): boolean {
  if (!deps.store.isEncryptionAvailable()) return false;
  if (deps.platform === 'linux' && deps.store.getSelectedStorageBackend) {
    return !WEAK_LINUX_BACKENDS.has(deps.store.getSelectedStorageBackend());
  }
  return true;
}

function databaseIsEncrypted(file: string): boolean {
  try {
    return existsSync(file) && fileKind(file) === 'encrypted';
  } catch {
    return false;
  }
}

/** Write the key file once: never over an existing one (a link fails if the name is taken). */
function writeKeyFile(keyFile: string, data: Buffer): void {
  const work = `${keyFile}.${process.pid}.tmp`;
  writeFileSync(work, data, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(work, keyFile);
  } finally {
    rmSync(work, { force: true });
  }
}

export function desktopDbKey(deps: DesktopKeyDeps): DesktopKey {
  // The municipality's IT may give the key itself (no secret store, or a shared setup).
  if (deps.env['OMBUD_DB_KEY'] || deps.env['OMBUD_DB_KEY_FILE']) {
    const fromEnv = dbKeyFromEnv(deps.env);
    return fromEnv.ok ? { ok: true, key: fromEnv.key, source: 'environment' } : { ok: false, message: fromEnv.problem };
  }
  if (!storeUsable(deps)) {
    return {
      ok: false,
      message:
        'Ombud kan ikke beskytte databasenøglen på denne computer: styresystemets nøglering (Windows-brugerens datasikring, macOS-nøgleringen eller GNOME-/KDE-nøgleringen) er ikke tilgængelig. ' +
        `Ombud gemmer ikke nøglen ubeskyttet. Bed IT-supporten om at give nøglen: ${HOW_TO_SET_KEY}`,
    };
  }
  if (existsSync(deps.keyFile)) {
    let key: DbKey | null;
    try {
      key = parseDbKey(deps.store.decryptString(readFileSync(deps.keyFile)));
    } catch {
      key = null;
    }
    if (key) return { ok: true, key, source: 'stored' };
    return {
      ok: false,
      message:
        `Databasenøglen i ${deps.keyFile} kan ikke låses op af denne bruger på denne computer. Det sker, når Ombuds mappe er kopieret fra en anden bruger eller computer, eller når computeren er geninstalleret. ` +
        'Ombud laver ikke en ny nøgle, for så kunne den eksisterende database ikke åbnes. Kontakt IT-supporten: databasen kan gendannes fra en sikkerhedskopi, eller nøglen kan gives med OMBUD_DB_KEY.',
    };
  }
  if (databaseIsEncrypted(deps.databaseFile)) {
    return {
      ok: false,
      message:
        `Databasen ${deps.databaseFile} er krypteret, men nøglefilen ${deps.keyFile} mangler. Ombud laver ikke en ny nøgle, for den kunne ikke åbne databasen. ` +
        'Kontakt IT-supporten: læg nøglefilen tilbage, eller giv nøglen med OMBUD_DB_KEY.',
    };
  }
  // First start (or a database from before encryption, which openDatabase encrypts with this key).
  const key = generateDbKey();
  writeKeyFile(deps.keyFile, deps.store.encryptString(dbKeyText(key)));
  return { ok: true, key, source: 'created' };
}
