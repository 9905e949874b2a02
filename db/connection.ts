/**
 * Opening the database: check the schema version before anything writes to the file, then set the
 * connection pragmas (architecture § 3.3) and migrate.
 */
import { existsSync } from 'node:fs';
import { trackCommits } from './queries/commits';
import { SqliteDriver, type SqliteDatabase, type SqliteOptions } from './driver';
import { applyDbKey, type DbKey } from './key';
import { DbFromFutureError, DbUnreadableError } from './errors';
import { migrate, type MigrateResult } from './migrate';
import { LATEST_VERSION } from './migrations';
import { foldMarks } from '../shared/domain/search-fold';
import type { WritableDB } from './types';

export type OpenOptions = Readonly<{
  /** Path to an Electron-ABI build of better-sqlite3 (see README, "npm start"). */
  nativeBinding?: string;
  /** Where the pre-migration backup goes; defaults to beside the database file. */
  backupDir?: string;
  /** Timestamp used in backup file names (injected for deterministic tests). */
  now?: () => Date;
  /** The database key (db/key.ts); null or absent: an unencrypted file (in-memory databases, old files). */
  key?: DbKey | null;
}>;

export type OpenedDatabase = Readonly<{ db: WritableDB; migration: MigrateResult }>;

function driverOptions(opts: OpenOptions, extra: SqliteOptions = {}): SqliteOptions {
  return opts.nativeBinding ? { ...extra, nativeBinding: opts.nativeBinding } : extra;
}

/** A connection with the key applied first, when there is one. */
function connect(file: string, opts: OpenOptions, extra: SqliteOptions = {}): SqliteDatabase {
  const db = new SqliteDriver(file, driverOptions(opts, extra));
  try {
    if (opts.key) applyDbKey(db, opts.key);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/** Read user_version without changing the file (no WAL switch, no -wal/-shm from our side). */
function peekVersion(file: string, opts: OpenOptions): number {
  const probe = connect(file, opts, { readonly: true, fileMustExist: true });
  try {
    return probe.pragma('user_version', { simple: true }) as number;
  } finally {
    probe.close();
  }
}

/** Open (creating if needed) and migrate. Refuses a database from a newer version untouched. */
export function openDatabase(file: string, opts: OpenOptions = {}): OpenedDatabase {
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory && existsSync(file)) {
    let version: number;
    try {
      version = peekVersion(file, opts);
    } catch (e) {
      throw new DbUnreadableError(file, e);
    }
    if (version > LATEST_VERSION) throw new DbFromFutureError(version, LATEST_VERSION);
  }
  const db = connect(file, opts) as WritableDB;
  try {
    configureConnection(db, inMemory);
    const migration = migrate(db, { file: inMemory ? null : file, backupDir: opts.backupDir, now: opts.now });
    return { db, migration };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Pragmas for every connection. */
export function configureConnection(db: WritableDB, inMemory: boolean): void {
  // Dispatch asks whether a failed request had already committed (db/queries/commits.ts).
  trackCommits(db);
  if (!inMemory) db.pragma('journal_mode = WAL');
  // A legal record is worth the fsync (Signal's choice).
  db.pragma('synchronous = FULL');
  // Foreign keys are off by default in SQLite.
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // SQLite's lower() folds only ASCII; casefold() handles Æ/Ø/Å and every other letter.
  db.function('casefold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? s.toLocaleLowerCase('da-DK') : s));
  // The search index holds text with diacritical marks removed, except Danish å (shared/domain/
  // search-fold.ts); migration 0100 and db/queries/search-index.ts call it, so it is registered
  // before migrations run.
  db.function('fold_marks', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? foldMarks(s) : s));
}
