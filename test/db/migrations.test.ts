/** The migration runner and the schema it produces (architecture § 3.3, rules 6 and 7). */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { DbFromFutureError } from '../../db/errors';
import { assertIncreasing, migrate } from '../../db/migrate';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../db/migrations';
import type { WritableDB } from '../../db/types';
import { TEST_DB_KEY } from '../setup/db-key';

const SNAPSHOT_FILE = path.join(__dirname, 'schema-snapshot.json');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ombud-migrations-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function rawDb(file: string): WritableDB {
  return new SqliteDriver(file) as WritableDB;
}

describe('migrate', () => {
  it('brings a fresh database to the latest version', () => {
    const { db, migration } = openDatabase(':memory:');
    expect(migration).toEqual({ from: 0, to: LATEST_VERSION, backupFile: null });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('is a no-op on a database that is already current', () => {
    const file = path.join(dir, 'ombud.sqlite');
    openDatabase(file, { key: TEST_DB_KEY }).db.close();
    const { db, migration } = openDatabase(file, { key: TEST_DB_KEY, backupDir: dir });
    expect(migration).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION, backupFile: null });
    db.close();
  });

  it('refuses a database from a newer Ombud and leaves its bytes untouched', () => {
    const file = path.join(dir, 'future.sqlite');
    const raw = rawDb(file);
    raw.exec('CREATE TABLE from_the_future (x TEXT)');
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    const before = sha256(file);

    expect(() => openDatabase(file, { key: TEST_DB_KEY })).toThrow(DbFromFutureError);
    try {
      openDatabase(file, { key: TEST_DB_KEY });
    } catch (e) {
      expect((e as DbFromFutureError).fileVersion).toBe(LATEST_VERSION + 10);
      expect((e as Error).message).toContain('nyere version af Ombud');
    }
    expect(sha256(file)).toBe(before);
    // Not even a WAL switch: no side files appear.
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('backs up an existing database before migrating it', () => {
    const file = path.join(dir, 'old.sqlite');
    const backupDir = path.join(dir, 'backups');
    const v1: Migration = { version: 1, name: 'one', up: (db) => db.exec("CREATE TABLE one (x TEXT); INSERT INTO one VALUES ('gammel')") };
    const v2: Migration = { version: 2, name: 'two', up: (db) => db.exec('CREATE TABLE two (y TEXT)') };

    const first = rawDb(file);
    expect(migrate(first, { file, list: [v1] })).toEqual({ from: 0, to: 1, backupFile: null });
    first.close();

    const second = rawDb(file);
    mkdirSync(backupDir);
    const result = migrate(second, { file, backupDir, list: [v1, v2], now: () => new Date('2025-01-02T03:04:05Z') });
    second.close();

    expect(result.from).toBe(1);
    expect(result.to).toBe(2);
    expect(result.backupFile).toBe(path.join(backupDir, 'old.sqlite.før-migrering-v1-20250102T030405.bak'));
    const backup = rawDb(result.backupFile as string);
    // The backup is the database as it was before v2: version 1, data present, no table from v2.
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT x FROM one').pluck().get()).toBe('gammel');
    expect(backup.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'two'").pluck().get()).toBe(0);
    backup.close();
  });

  it('rolls back every pending migration when one fails', () => {
    const file = path.join(dir, 'fail.sqlite');
    const db = rawDb(file);
    const ok: Migration = { version: 1, name: 'ok', up: (d) => d.exec('CREATE TABLE ok (x TEXT)') };
    const bad: Migration = { version: 2, name: 'bad', up: (d) => d.exec('CREATE TABLE broken (') };
    expect(() => migrate(db, { file: null, list: [ok, bad] })).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'ok'").pluck().get()).toBe(0);
    db.close();
  });
});

describe('the migration list', () => {
  it('is strictly increasing, in steps of 10, and ends at LATEST_VERSION', () => {
    expect(() => assertIncreasing(MIGRATIONS)).not.toThrow();
    MIGRATIONS.forEach((m, i) => {
      if (i > 0) expect(m.version).toBeGreaterThan((MIGRATIONS[i - 1] as Migration).version);
      expect(m.version % 10).toBe(0);
    });
    expect((MIGRATIONS[MIGRATIONS.length - 1] as Migration).version).toBe(LATEST_VERSION);
  });

  it('assertIncreasing refuses a list out of order or with a repeated version', () => {
    const m = (version: number): Migration => ({ version, name: `m${version}`, up: () => undefined });
    expect(() => assertIncreasing([m(10), m(30), m(20)])).toThrow(/stigende/);
    expect(() => assertIncreasing([m(10), m(10)])).toThrow(/stigende/);
  });
});

type Snapshot = Record<string, unknown>;

/** Tables with their columns, indexes and triggers, in a stable order. */
function schemaSnapshot(db: WritableDB): Snapshot {
  const objects = db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  const tables: Snapshot = {};
  for (const o of objects.filter((x) => x.type === 'table')) {
    const columns = db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid`).all(o.name);
    tables[o.name] = { columns, sql: o.sql?.replace(/\s+/g, ' ') ?? null };
  }
  const indexes = Object.fromEntries(
    (db.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all() as { name: string; tbl_name: string; sql: string | null }[]).map(
      (i) => [i.name, { table: i.tbl_name, columns: db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(i.name), sql: i.sql?.replace(/\s+/g, ' ') ?? null }],
    ),
  );
  const triggers = Object.fromEntries(objects.filter((x) => x.type === 'trigger').map((t) => [t.name, t.sql?.replace(/\s+/g, ' ') ?? null]));
  return { version: db.pragma('user_version', { simple: true }), tables, indexes, triggers };
}

describe('schema snapshot', () => {
  it('matches test/db/schema-snapshot.json (regenerate with OMBUD_UPDATE_SCHEMA_SNAPSHOT=1 after a reviewed migration)', () => {
    const { db } = openDatabase(':memory:');
    const actual = schemaSnapshot(db);
    db.close();
    if (process.env['OMBUD_UPDATE_SCHEMA_SNAPSHOT'] === '1') writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(actual, null, 2)}\n`);
    const expected = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Snapshot;
    expect(actual).toEqual(expected);
  });
});
