/**
 * The database key and the cipher settings every connection uses. The settings are pinned here,
 * not left to the library's defaults, so a driver upgrade can never change the on-disk format:
 * SQLCipher 4 (AES-256, HMAC-SHA512 per page), which SQLCipher's own tools and "DB Browser for
 * SQLite" can also open when the municipality's IT needs to read a file without Ombud.
 *
 * The desktop app generates a random 256-bit key on first start and keeps it with the operating
 * system's secret store (electron/security/db-key.ts); the CLI, the preview and tests take it from
 * OMBUD_DB_KEY or the file OMBUD_DB_KEY_FILE names (electron/services/db-key-env.ts).
 */
import { randomBytes } from 'node:crypto';
import type { SqliteDatabase } from './driver';

/**
 * `raw`: 64 hex digits used directly as the AES key (no key derivation, so opening costs nothing);
 * `passphrase`: any other text, stretched by SQLCipher's PBKDF2 (256,000 iterations).
 */
export type DbKey = Readonly<{ kind: 'raw'; hex: string }> | Readonly<{ kind: 'passphrase'; text: string }>;

const RAW_KEY = /^[0-9a-fA-F]{64}$/;

/** A new random key (the desktop app's first start). */
export function generateDbKey(): DbKey {
  return { kind: 'raw', hex: randomBytes(32).toString('hex') };
}

/** Text as given by the adviser's IT (environment variable or key file): 64 hex digits are a raw key. */
export function parseDbKey(text: string): DbKey | null {
  const t = text.trim();
  if (t === '') return null;
  return RAW_KEY.test(t) ? { kind: 'raw', hex: t.toLowerCase() } : { kind: 'passphrase', text: t };
}

/** The key as stored or passed on (the inverse of parseDbKey). */
export function dbKeyText(key: DbKey): string {
  return key.kind === 'raw' ? key.hex : key.text;
}

/** The value of `PRAGMA key` / `ATTACH … KEY`: x'…' for a raw key, else the quoted passphrase. */
export function keyPragmaValue(key: DbKey): string {
  return key.kind === 'raw' ? `"x'${key.hex}'"` : `'${key.text.replaceAll("'", "''")}'`;
}

/**
 * Pin the cipher and give the key. Must be the first statements on a connection: SQLite reads
 * the first page with the first statement that touches the file.
 */
export function applyDbKey(db: SqliteDatabase, key: DbKey): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = ${keyPragmaValue(key)}`);
}

/**
 * Encrypt an unencrypted database in place (`PRAGMA rekey` on a connection opened without a key).
 * SQLite3 Multiple Ciphers cannot rekey in WAL mode, so the connection must use a rollback journal.
 */
export function encryptWithDbKey(db: SqliteDatabase, key: DbKey): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`rekey = ${keyPragmaValue(key)}`);
}
