/**
 * Whether a request's work reached the disk. Dispatch (electron/ipc/dispatch.ts) must never tell the
 * adviser "Intet er gemt" for a change that was committed: a failure after the commit (reading the
 * answer back, the output check) is reported as "Ændringen er gemt, men …". SQLite has no commit
 * hook in the driver's API, so the connection counts its own: every outermost `db.transaction(fn)`
 * that returns (its COMMIT ran), every `commitWrite` of the chunked import, and, for a single
 * statement outside a transaction (autocommit), SQLite's `total_changes()` – trusted only when no
 * transaction rolled back meanwhile, since a rolled-back change is counted there too.
 */
import type { SqliteDatabase } from '../driver';

type Counts = { commits: number; rollbacks: number };

const COUNTS = new WeakMap<object, Counts>();

function countsOf(db: object): Counts {
  let c = COUNTS.get(db);
  if (!c) {
    c = { commits: 0, rollbacks: 0 };
    COUNTS.set(db, c);
  }
  return c;
}

type TransactionFn = ((...args: unknown[]) => unknown) & Record<'deferred' | 'immediate' | 'exclusive', (...args: unknown[]) => unknown>;

/** Count commits and rollbacks of every transaction made with `db.transaction` on this connection. */
export function trackCommits(db: SqliteDatabase): void {
  const counts = countsOf(db);
  const original = db.transaction.bind(db) as unknown as (fn: (...args: unknown[]) => unknown) => TransactionFn;
  const watch = (run: (...args: unknown[]) => unknown) =>
    function watched(this: unknown, ...args: unknown[]): unknown {
      const outermost = !db.inTransaction;
      try {
        const result = run.apply(this, args);
        if (outermost) counts.commits += 1;
        return result;
      } catch (e) {
        counts.rollbacks += 1;
        throw e;
      }
    };
  const patched = (fn: (...args: unknown[]) => unknown): TransactionFn => {
    const t = original(fn);
    return Object.assign(watch(t), { deferred: watch(t.deferred), immediate: watch(t.immediate), exclusive: watch(t.exclusive), database: db });
  };
  (db as unknown as { transaction: unknown }).transaction = patched;
}

/** A COMMIT or ROLLBACK issued by hand (db/queries/transaction.ts). */
export function noteCommit(db: SqliteDatabase): void {
  countsOf(db).commits += 1;
}
export function noteRollback(db: SqliteDatabase): void {
  countsOf(db).rollbacks += 1;
}

export type CommitMark = Readonly<{ commits: number; rollbacks: number; changes: number }>;

function totalChanges(db: SqliteDatabase): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/** Where the connection stands now; compare later with `committedSince`. */
export function commitMark(db: SqliteDatabase): CommitMark {
  const c = countsOf(db);
  return { commits: c.commits, rollbacks: c.rollbacks, changes: totalChanges(db) };
}

/** True when something was committed on this connection after `mark` was taken. */
export function committedSince(db: SqliteDatabase, mark: CommitMark): boolean {
  const c = countsOf(db);
  if (c.commits > mark.commits) return true;
  // An autocommit statement changed rows; a rollback meanwhile makes the count ambiguous, and then
  // only counted commits are believed (a false "gemt" is as wrong as a false "intet gemt").
  if (db.inTransaction || c.rollbacks > mark.rollbacks) return false;
  try {
    return totalChanges(db) > mark.changes;
  } catch {
    return false;
  }
}
