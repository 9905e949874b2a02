/**
 * Encryption at rest and safe opening (db/connection.ts, db/file-safety.ts, db/encrypt-existing.ts):
 * a file database needs its key; a wrong key, an empty file, a file of random bytes and a file with
 * one zeroed page are each refused with the file left exactly as it was; an unencrypted database
 * from before encryption is encrypted once, verified and backed up; every file is 0600.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureConnection, openDatabase } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { DbDamagedError, DbEmptyError, DbFromFutureError, DbKeyMissingError, DbKeyWrongError, DbUnreadableError } from '../../db/errors';
import { applyDbKey, generateDbKey } from '../../db/key';
import { migrate } from '../../db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../db/migrations';
import type { WritableDB } from '../../db/types';
import { TEST_DB_KEY } from '../setup/db-key';
import { ownerOnlyMode } from '../setup/file-mode';

const NAME = 'Bodil Hemmeligsen';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ombud-enc-'));
  file = path.join(dir, 'ombud.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A real database with enough rows to span many pages, closed (WAL checkpointed). */
function realDatabase(): void {
  const { db } = openDatabase(file, { key: TEST_DB_KEY });
  const insert = db.prepare("INSERT INTO settings (key, value) VALUES (?, ?)");
  db.transaction(() => {
    for (let i = 0; i < 400; i++) insert.run(`test.${i}`, `${NAME} ${'x'.repeat(200)}`);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Every file in the folder with its bytes, to compare before and after a refusal. */
function folder(): Map<string, string> {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(path.join(dir, f)).toString('base64')]));
}

function mode(f: string): number {
  return ownerOnlyMode(f);
}

describe('a file database is encrypted', () => {
  it('holds none of its text in the clear, opens again with the key, and is 0600 with its -wal and -shm', () => {
    const { db } = openDatabase(file, { key: TEST_DB_KEY });
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('test.navn', NAME);
    // While open: the WAL holds the row and is encrypted too.
    expect(readdirSync(dir).sort()).toEqual(['ombud.sqlite', 'ombud.sqlite-shm', 'ombud.sqlite-wal']);
    for (const f of readdirSync(dir)) {
      expect(readFileSync(path.join(dir, f)).includes(NAME), f).toBe(false);
      expect(mode(path.join(dir, f)), f).toBe(0o600);
    }
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    db.close();
    expect(readFileSync(file).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    const again = openDatabase(file, { key: TEST_DB_KEY });
    expect(again.db.prepare("SELECT value FROM settings WHERE key = 'test.navn'").pluck().get()).toBe(NAME);
    again.db.close();
  });

  it('refuses a file database without a key, creating nothing', () => {
    expect(() => openDatabase(file)).toThrow(DbKeyMissingError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('needs no key in memory', () => {
    const { db } = openDatabase(':memory:');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('writes the pre-migration backup encrypted and 0600', () => {
    const old = new SqliteDriver(file) as WritableDB;
    applyDbKey(old, TEST_DB_KEY);
    configureConnection(old, false);
    const previous = MIGRATIONS[MIGRATIONS.length - 2]?.version ?? 0;
    migrate(old, { file: null, list: MIGRATIONS.filter((m) => m.version <= previous) });
    old.close();
    openDatabase(file, { key: TEST_DB_KEY }).db.close();
    const backups = readdirSync(dir).filter((f) => f.includes('før-migrering'));
    expect(backups).toHaveLength(1);
    const backup = path.join(dir, backups[0] as string);
    expect(mode(backup)).toBe(0o600);
    expect(readFileSync(backup).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });
});

describe('a refused file is left exactly as it was', () => {
  it('a wrong key', () => {
    realDatabase();
    const before = folder();
    expect(() => openDatabase(file, { key: generateDbKey() })).toThrow(DbKeyWrongError);
    expect(() => openDatabase(file, { key: generateDbKey() })).toThrow(/kan ikke låses op med nøglen/);
    expect(folder()).toEqual(before);
  });

  it('a 0-byte file is not made into a new database', () => {
    writeFileSync(file, '');
    const before = folder();
    expect(() => openDatabase(file, { key: TEST_DB_KEY })).toThrow(DbEmptyError);
    expect(folder()).toEqual(before);
  });

  it('a file of random bytes', () => {
    writeFileSync(file, randomBytes(64 * 1024));
    const before = folder();
    expect(() => openDatabase(file, { key: TEST_DB_KEY })).toThrow(DbKeyWrongError);
    writeFileSync(file, randomBytes(10_000));
    const odd = folder();
    expect(() => openDatabase(file, { key: TEST_DB_KEY })).toThrow(DbUnreadableError);
    expect(folder()).toEqual(odd);
    expect(before.size).toBe(1);
  });

  it('a database with one zeroed page in the middle: refused, never written, a copy kept aside', () => {
    realDatabase();
    const bytes = readFileSync(file);
    // The page size is in the header of an unencrypted file only; SQLCipher 4's is 4096 (db/key.ts).
    const pageSize = 4096;
    const pages = bytes.length / pageSize;
    expect(pages).toBeGreaterThan(10);
    const middle = Math.floor(pages / 2);
    bytes.fill(0, middle * pageSize, (middle + 1) * pageSize);
    writeFileSync(file, bytes);
    const before = folder();
    let error: unknown;
    try {
      openDatabase(file, { key: TEST_DB_KEY, now: () => new Date('2026-01-06T10:15:00Z') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DbDamagedError);
    expect((error as Error).message).toMatch(/beskadiget/);
    const after = folder();
    const aside = 'ombud.sqlite.beskadiget-20260106T101500Z';
    expect([...after.keys()]).toEqual([...before.keys(), aside].sort());
    expect(after.get('ombud.sqlite')).toBe(before.get('ombud.sqlite'));
    expect(after.get(aside)).toBe(before.get('ombud.sqlite'));
    expect(mode(path.join(dir, aside))).toBe(0o600);
  });

  it('a database from a newer version', () => {
    realDatabase();
    const db = new SqliteDriver(file);
    applyDbKey(db, TEST_DB_KEY);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = folder();
    expect(() => openDatabase(file, { key: TEST_DB_KEY })).toThrow(DbFromFutureError);
    expect(folder()).toEqual(before);
  });
});

describe('an unencrypted database from before encryption', () => {
  /** A plaintext database as an earlier Ombud left it: WAL mode, a row in the WAL not yet checkpointed. */
  function plainDatabase(): void {
    const db = new SqliteDriver(file) as WritableDB;
    configureConnection(db, false);
    migrate(db, { file: null });
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('test.navn', NAME);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('test.wal', `${NAME} i WAL`);
    // Closing the last connection would checkpoint; a copy of the files is what a crash leaves.
    const snapshot = new Map(['', '-wal', '-shm'].map((s) => [s, readFileSync(file + s)]));
    db.close();
    for (const [s, bytes] of snapshot) writeFileSync(file + s, bytes);
  }

  it('is encrypted once: data intact, no plaintext left, an encrypted 0600 backup beside it', () => {
    plainDatabase();
    expect(readFileSync(file + '-wal').includes(`${NAME} i WAL`)).toBe(true);
    const opened = openDatabase(file, { key: TEST_DB_KEY, now: () => new Date('2026-01-06T10:15:00Z') });
    const backup = path.join(dir, 'ombud.sqlite.foer-kryptering-20260106T101500Z.sqlite');
    expect(opened.encrypted).toEqual({ backupFile: backup });
    const values = opened.db.prepare("SELECT value FROM settings WHERE key LIKE 'test.%' ORDER BY key").pluck().all();
    expect(values).toEqual([NAME, `${NAME} i WAL`]);
    opened.db.close();
    expect(readdirSync(dir).sort()).toEqual(['ombud.sqlite', 'ombud.sqlite.foer-kryptering-20260106T101500Z.sqlite']);
    for (const f of [file, backup]) {
      const bytes = readFileSync(f);
      expect(bytes.includes(NAME), f).toBe(false);
      expect(bytes.subarray(0, 15).toString('latin1'), f).not.toBe('SQLite format 3');
      expect(mode(f), f).toBe(0o600);
    }
    // The backup opens with the same key and holds the same rows.
    const copy = new SqliteDriver(backup, { readonly: true });
    applyDbKey(copy, TEST_DB_KEY);
    expect(copy.prepare("SELECT count(*) FROM settings WHERE key LIKE 'test.%'").pluck().get()).toBe(2);
    copy.close();
    // Only once: the next open finds an encrypted file.
    const again = openDatabase(file, { key: TEST_DB_KEY });
    expect(again.encrypted).toBeNull();
    again.db.close();
  });

  it('a damaged unencrypted database is refused before it is encrypted', () => {
    plainDatabase();
    const db = new SqliteDriver(file);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
    const middle = Math.floor(bytes.length / pageSize / 2);
    bytes.fill(0, middle * pageSize, (middle + 1) * pageSize);
    writeFileSync(file, bytes);
    const before = folder();
    expect(() => openDatabase(file, { key: TEST_DB_KEY })).toThrow(DbDamagedError);
    const after = folder();
    expect(after.get('ombud.sqlite')).toBe(before.get('ombud.sqlite'));
    expect([...after.keys()].filter((f) => !before.has(f))).toEqual([expect.stringMatching(/^ombud\.sqlite\.beskadiget-/)]);
  });
});
