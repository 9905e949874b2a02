/**
 * Prepared-statement cache per connection. better-sqlite3 compiles a statement on every
 * `db.prepare()`; the bulk import and the list query run the same SQL thousands of times, so each
 * distinct SQL text is compiled once per handle (Signal keeps a cache for the same reason in
 * ts/sql/Server.node.ts). A WeakMap lets closed handles be collected.
 */
import type { ReadableDB } from '../types';

/**
 * The part of a prepared statement the queries use. Declared here rather than imported from
 * better-sqlite3, so only db/driver.ts names the driver (it is swapped for the SQLCipher build).
 */
export type Stmt = Readonly<{
  run: (...params: unknown[]) => { changes: number; lastInsertRowid: number | bigint };
  get: (...params: unknown[]) => unknown;
  all: (...params: unknown[]) => unknown[];
  iterate: (...params: unknown[]) => IterableIterator<unknown>;
  /** Return only the first column. Mutates the cached statement, so use one SQL text one way. */
  pluck: (toggle?: boolean) => Stmt;
  /** Return each row as an array of its columns (no object per row: the report reads tens of thousands). Mutates the cached statement like `pluck`. */
  raw: (toggle?: boolean) => Stmt;
}>;

const caches = new WeakMap<ReadableDB, Map<string, Stmt>>();

/** The prepared statement for `sql` on `db`, compiled on first use. Parameters are always bound. */
export function cached(db: ReadableDB, sql: string): Stmt {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql) as unknown as Stmt;
    cache.set(sql, stmt);
  }
  return stmt;
}
