/**
 * The desktop app's database key (electron/security/db-key.ts) with a fake secret store: created
 * once and kept encrypted in a 0600 file, read back on later starts, refused with a Danish message
 * when the store is missing or only obfuscates, when the key file no longer decrypts (another
 * Windows user) and when an encrypted database has lost its key file — never a new key over an
 * existing database; and on another PC the key IT kept opens the copied database through
 * OMBUD_DB_KEY / OMBUD_DB_KEY_FILE.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { dbKeyText } from '../../../db/key';
import { desktopDbKey, type DesktopKeyDeps, type SecretStore } from '../../../electron/security/db-key';
import { ownerOnlyMode } from '../../setup/file-mode';

/** A store bound to one "user": what another user's store encrypted does not decrypt. */
function fakeStore(user: string, opts: { available?: boolean; backend?: string } = {}): SecretStore {
  return {
    isEncryptionAvailable: () => opts.available ?? true,
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
    encryptString: (text) => Buffer.from(`${user}|${Buffer.from(text).toString('base64')}`),
    decryptString: (data) => {
      const [who, body] = data.toString().split('|');
      if (who !== user || body === undefined) throw new Error('decrypt failed');
      return Buffer.from(body, 'base64').toString();
    },
  };
}

let dir: string;
let deps: DesktopKeyDeps;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ombud-key-'));
  deps = { store: fakeStore('mette'), keyFile: path.join(dir, 'databasenoegle.bin'), databaseFile: path.join(dir, 'ombud.sqlite'), env: {}, platform: 'linux' };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the desktop key', () => {
  it('is created on first start, stored encrypted and 0600, and the same key is read on the next start', () => {
    const first = desktopDbKey(deps);
    if (!first.ok) throw new Error(first.message);
    expect(first.source).toBe('created');
    const stored = readFileSync(deps.keyFile);
    expect(stored.includes(dbKeyText(first.key))).toBe(false);
    expect(ownerOnlyMode(deps.keyFile)).toBe(0o600);
    const second = desktopDbKey(deps);
    expect(second).toEqual({ ok: true, key: first.key, source: 'stored' });
    expect(readFileSync(deps.keyFile)).toEqual(stored);
  });

  it('is refused without a secret store, and on Linux with the basic_text backend, unless the environment gives it', () => {
    for (const store of [fakeStore('mette', { available: false }), fakeStore('mette', { backend: 'basic_text' })]) {
      const outcome = desktopDbKey({ ...deps, store });
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.message).toMatch(/nøglering.*OMBUD_DB_KEY/s);
    }
    const hex = 'ab'.repeat(32);
    expect(desktopDbKey({ ...deps, store: fakeStore('mette', { available: false }), env: { OMBUD_DB_KEY: hex } })).toEqual({
      ok: true,
      key: { kind: 'raw', hex },
      source: 'environment',
    });
    // Nothing was written: the refusal makes no key file.
    expect(() => statSync(deps.keyFile)).toThrow();
  });

  it('is refused, never replaced, when the key file does not decrypt for this user', () => {
    const first = desktopDbKey(deps);
    expect(first.ok).toBe(true);
    const stored = readFileSync(deps.keyFile);
    const other = desktopDbKey({ ...deps, store: fakeStore('anden-bruger') });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.message).toMatch(/kan ikke låses op af denne bruger.*laver ikke en ny nøgle/s);
    expect(readFileSync(deps.keyFile)).toEqual(stored);
  });

  it('is refused when an encrypted database has lost its key file', () => {
    const first = desktopDbKey(deps);
    if (!first.ok) throw new Error(first.message);
    openDatabase(deps.databaseFile, { key: first.key }).db.close();
    rmSync(deps.keyFile);
    const again = desktopDbKey(deps);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.message).toMatch(/er krypteret, men nøglefilen .* mangler/);
    expect(() => statSync(deps.keyFile)).toThrow();
  });

  it('on another PC, the key IT kept (shown under Databeskyttelse → Databasenøgle) opens the copied database through OMBUD_DB_KEY', () => {
    // The old PC: a key from its store, an encrypted database with a henvendelse-sized row.
    const old = desktopDbKey(deps);
    if (!old.ok) throw new Error(old.message);
    const oldDb = openDatabase(deps.databaseFile, { key: old.key }).db;
    oldDb.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('fra den gamle pc')");
    oldDb.close();
    const keptByIt = dbKeyText(old.key);
    // The new PC: another Windows user whose store cannot open the old key file, or no key file at all.
    const newPc = { ...deps, store: fakeStore('ny-pc') };
    expect(desktopDbKey(newPc).ok).toBe(false);
    for (const keyFile of [deps.keyFile, path.join(dir, 'mangler.bin')]) {
      const moved = desktopDbKey({ ...newPc, keyFile, env: { OMBUD_DB_KEY: keptByIt } });
      if (!moved.ok) throw new Error(moved.message);
      expect(moved.source).toBe('environment');
      const db = openDatabase(deps.databaseFile, { key: moved.key }).db;
      expect(db.prepare('SELECT x FROM t').pluck().get()).toBe('fra den gamle pc');
      db.close();
    }
    // The same through a file only IT can read (OMBUD_DB_KEY_FILE).
    const keyText = path.join(dir, 'noegle.txt');
    writeFileSync(keyText, `${keptByIt}\n`);
    const fromFile = desktopDbKey({ ...newPc, env: { OMBUD_DB_KEY_FILE: keyText } });
    expect(fromFile).toEqual({ ok: true, key: old.key, source: 'environment' });
  });

  it('is made for a database from before encryption (openDatabase encrypts it with the new key)', () => {
    writeFileSync(deps.databaseFile, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4096 - 16)]));
    const outcome = desktopDbKey(deps);
    expect(outcome.ok && outcome.source).toBe('created');
  });
});
