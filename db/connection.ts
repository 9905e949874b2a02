/**
 * Opening the database: check the file before anything writes to it (file-safety.ts: empty,
 * not a database, wrong key, damaged, from a newer version — each refused with the file left as it
 * was), encrypt a database from before encryption once (encrypt-existing.ts), then set the
 * connection pragmas (architecture § 3.3) and migrate.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { SqliteDriver, type SqliteDatabase, type SqliteOptions } from './driver';
import { applyDbKey, type DbKey } from './key';
import { DbKeyMissingError } from './errors';
import { encryptExisting, type EncryptedExisting } from './encrypt-existing';
import { checkExistingFile, createPrivateFile, fileStamp, makePrivate, SIDE_FILES } from './file-safety';
import { migrate, type MigrateResult } from './migrate';
import { LATEST_VERSION } from './migrations';
import { foldMarks } from '../shared/domain/search-fold';
import type { WritableDB } from './types';

export type OpenOptions = Readonly<{
  /** Path to an Electron-ABI build of the driver (see README, "npm start"). */
  nativeBinding?: string;
  /** Where the pre-migration backup goes; defaults to beside the database file. */
  backupDir?: string;
  /** Timestamp used in backup file names (injected for deterministic tests). */
  now?: () => Date;
  /** The database key (db/key.ts): required for a file, ignored for ':memory:'. */
  key?: DbKey | null;
}>;

export type OpenedDatabase = Readonly<{
  db: WritableDB;
  migration: MigrateResult;
  /** Set when this open encrypted a database from before encryption (the caller logs it once). */
  encrypted: EncryptedExisting | null;
}>;

function driverOptions(opts: OpenOptions): SqliteOptions {
  return opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {};
}

/** A connection with the key applied first. */
function connect(file: string, key: DbKey | null, driver: SqliteOptions): SqliteDatabase {
  const db = new SqliteDriver(file, driver);
  try {
    if (key) applyDbKey(db, key);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/**
 * A new database is built under a temporary name and renamed into place once its first page is
 * written, so a crash during the first start can never leave a 0-byte file that the next start
 * must refuse. It is created 0600 before SQLite opens it: SQLite gives -wal and -shm the mode of
 * the database file.
 */
function createEncrypted(file: string, key: DbKey, driver: SqliteOptions, now: Date): void {
  const work = `${file}.ny-${fileStamp(now)}-${process.pid}.tmp`;
  createPrivateFile(work);
  try {
    const db = connect(work, key, driver);
    try {
      // Any write makes SQLite write page 1 (encrypted); the table is gone again at commit.
      db.exec('BEGIN IMMEDIATE; CREATE TABLE ombud_ny (x); DROP TABLE ombud_ny; COMMIT');
    } finally {
      db.close();
    }
    renameSync(work, file);
  } finally {
    for (const f of [work, ...SIDE_FILES.map((s) => work + s)]) rmSync(f, { force: true });
  }
}

/** Open (creating if needed) and migrate. Refuses a file that fails a check, leaving it untouched. */
export function openDatabase(file: string, opts: OpenOptions = {}): OpenedDatabase {
  const inMemory = file === ':memory:' || file === '';
  const driver = driverOptions(opts);
  const now = opts.now ?? (() => new Date());
  let encrypted: EncryptedExisting | null = null;
  if (!inMemory) {
    const key = opts.key;
    if (!key) throw new DbKeyMissingError(file);
    if (!existsSync(file)) createEncrypted(file, key, driver, now());
    const checked = checkExistingFile(file, { key, driver, latestVersion: LATEST_VERSION, now });
    if (checked.kind === 'plain') encrypted = encryptExisting(file, key, driver, now());
    // Also for files from before 0600 (the WAL and SHM created next take the file's mode).
    makePrivate(file);
    for (const s of SIDE_FILES) if (existsSync(file + s)) makePrivate(file + s);
  }
  const db = connect(file, inMemory ? null : (opts.key ?? null), driver) as WritableDB;
  try {
    configureConnection(db, inMemory);
    const migration = migrate(db, { file: inMemory ? null : file, backupDir: opts.backupDir, now: opts.now });
    return { db, migration, encrypted };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Pragmas for every connection. */
export function configureConnection(db: WritableDB, inMemory: boolean): void {
  if (!inMemory) db.pragma('journal_mode = WAL');
  // A legal record is worth the fsync (Signal's choice).
  db.pragma('synchronous = FULL');
  // Foreign keys are off by default in SQLite.
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Sorts, temporary indexes and VACUUM's scratch data stay in memory: SQLite's temp files are not
  // encrypted, and would put case data in the temp folder.
  db.pragma('temp_store = MEMORY');
  // SQLite's lower() folds only ASCII; casefold() handles Æ/Ø/Å and every other letter.
  db.function('casefold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? s.toLocaleLowerCase('da-DK') : s));
  // The search index holds text with diacritical marks removed, except Danish å (shared/domain/
  // search-fold.ts); migration 0100 and db/queries/search-index.ts call it, so it is registered
  // before migrations run.
  db.function('fold_marks', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? foldMarks(s) : s));
}
