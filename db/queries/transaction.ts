/**
 * A write transaction that spans awaits, for the one write that yields between chunks (the import,
 * electron/services/import-write.ts). `db.transaction(fn)` cannot: it is synchronous by design
 * (better-sqlite3 docs/api.md). Whoever opens one must hold the backend's write lock
 * (electron/services/write-lock.ts) until it commits or rolls back, or another request's statements
 * would run inside it. Query functions called meanwhile that open their own `db.transaction` get a
 * savepoint inside this one, as usual.
 */
import { noteCommit, noteRollback } from './commits';
import type { WritableDB } from '../types';

/** BEGIN IMMEDIATE: take SQLite's write lock now, so the first insert cannot fail with SQLITE_BUSY halfway. */
export function beginWrite(db: WritableDB): void {
  db.exec('BEGIN IMMEDIATE');
}

export function commitWrite(db: WritableDB): void {
  db.exec('COMMIT');
  noteCommit(db);
}

/** Roll back whatever the open transaction wrote; a no-op when none is open (SQLite may have ended it after an error). */
export function rollbackWrite(db: WritableDB): void {
  if (!db.inTransaction) return;
  db.exec('ROLLBACK');
  noteRollback(db);
}

/**
 * A transaction that only reads and is always rolled back: while the file is known to be damaged,
 * every request runs inside one, so whatever a read logs on the way (an export's audit entry) never
 * reaches the file (electron/services/integrity.ts).
 */
export function beginReadOnly(db: WritableDB): void {
  db.exec('BEGIN');
}
