/**
 * Checking a database file before anything writes to it, and keeping files private.
 *
 * - A file that is refused (empty, not a database, wrong key, damaged, from a newer version) is left
 *   exactly as it was: the checks run on a read-only connection, and the -wal/-shm files SQLite
 *   creates beside a WAL database even for a read-only connection are removed again when they were
 *   not there before (no other connection can be using them: a WAL connection keeps its -wal).
 * - A damaged file is copied aside (`<file>.beskadiget-<timestamp>`) so a restore can replace the
 *   original without losing what is left in it.
 * - Every file Ombud writes that holds case data is readable by the user only (0600): the database
 *   (SQLite gives its -wal and -shm the database file's mode), backups and the key file. On Windows
 *   the mode bits mean nothing; the profile folder's ACL does that job there.
 */
import { chmodSync, closeSync, constants, copyFileSync, existsSync, openSync, rmSync } from 'node:fs';
import { SqliteDriver, type SqliteDatabase, type SqliteOptions } from './driver';
import { applyDbKey, type DbKey } from './key';
import { fileKind, type FileKind } from './file-kind';
import { DbDamagedError, DbEmptyError, DbFromFutureError, DbKeyWrongError, DbUnreadableError } from './errors';

/** Owner read/write only. */
export const PRIVATE_MODE = 0o600;

/** Files SQLite keeps beside a database while a connection is open or after a crash. */
export const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

/** A timestamp for file names: 20260106T101500Z style, sortable and free of ':' (Windows). */
export function fileStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '') + 'Z';
}

/** Make `file` private (0600); best effort on file systems without POSIX modes. */
export function makePrivate(file: string): void {
  try {
    chmodSync(file, PRIVATE_MODE);
  } catch {
    // A network share or FAT volume may refuse chmod; the file is still written.
  }
}

/** Create an empty private file; fails if it exists (SQLite's VACUUM INTO accepts an empty target). */
export function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', PRIVATE_MODE));
  // The umask can only remove bits from 0600, but a file system may have added some.
  makePrivate(file);
}

/** Copy `from` to a new file `to` (never over an existing one), readable by the user only. */
export function copyPrivate(from: string, to: string): void {
  copyFileSync(from, to, constants.COPYFILE_EXCL);
  makePrivate(to);
}

function sideFilesPresent(file: string): Set<string> {
  return new Set(SIDE_FILES.filter((s) => existsSync(file + s)));
}

/** Remove the side files that were not there before (`before` from sideFilesPresent). */
function removeNewSideFiles(file: string, before: ReadonlySet<string>): void {
  for (const s of SIDE_FILES) if (!before.has(s)) rmSync(file + s, { force: true });
}

/** Run `work` on a read-only connection, leaving no new file beside the database afterwards. */
export function withReadOnly<T>(file: string, key: DbKey | null, driver: SqliteOptions, work: (db: SqliteDatabase) => T): T {
  const before = sideFilesPresent(file);
  try {
    const db = new SqliteDriver(file, { ...driver, readonly: true, fileMustExist: true });
    try {
      if (key) applyDbKey(db, key);
      return work(db);
    } finally {
      db.close();
    }
  } finally {
    removeNewSideFiles(file, before);
  }
}

function sqliteCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : '';
}

export type CheckedFile = Readonly<{ kind: 'plain' | 'encrypted'; version: number }>;

export type CheckOptions = Readonly<{ key: DbKey; driver: SqliteOptions; latestVersion: number; now: () => Date }>;

/**
 * Every check an existing file must pass before Ombud writes to it: not empty, a database, opened by
 * the key (or unencrypted, to be encrypted next), `PRAGMA quick_check` clean (O(N), no index
 * cross-checks: fast enough for every start), and not from a newer version. Throws the Danish
 * error for the first that fails; the file is then exactly as it was (a damaged one also copied aside).
 */
export function checkExistingFile(file: string, opts: CheckOptions): CheckedFile {
  let kind: FileKind;
  try {
    kind = fileKind(file);
  } catch (e) {
    throw new DbUnreadableError(file, e);
  }
  if (kind === 'empty') throw new DbEmptyError(file);
  if (kind === 'not-a-database') throw new DbUnreadableError(file, new Error('size is not a whole number of pages'));
  const key = kind === 'plain' ? null : opts.key;
  const outcome = withReadOnly(file, key, opts.driver, (db): { version: number } | { damage: string } | { unreadable: unknown } => {
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (e) {
      // The first page does not decrypt (or, unencrypted, is not a database header).
      if (kind === 'encrypted' && sqliteCode(e) === 'SQLITE_NOTADB') throw new DbKeyWrongError(file);
      return { unreadable: e };
    }
    try {
      const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
      const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
      if (problems.length > 0) return { damage: `${problems.length} fejl i databasens struktur` };
    } catch (e) {
      const code = sqliteCode(e);
      if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return { damage: 'en side kan ikke læses' };
      return { unreadable: e };
    }
    return { version };
  });
  if ('unreadable' in outcome) throw new DbUnreadableError(file, outcome.unreadable);
  if ('damage' in outcome) throw new DbDamagedError(file, keepDamagedCopy(file, opts.now()), outcome.damage);
  if (outcome.version > opts.latestVersion) throw new DbFromFutureError(outcome.version, opts.latestVersion);
  return { kind, version: outcome.version };
}

/** Copy a damaged file (and its -wal, which may hold the newest work) aside; null if even that fails. */
function keepDamagedCopy(file: string, now: Date): string | null {
  const aside = `${file}.beskadiget-${fileStamp(now)}`;
  try {
    copyPrivate(file, aside);
    if (existsSync(`${file}-wal`)) copyPrivate(`${file}-wal`, `${aside}-wal`);
    return aside;
  } catch {
    return null;
  }
}
