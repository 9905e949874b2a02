/**
 * Prepared-statement cache per connection. better-sqlite3 compiles a statement on every
 * `db.prepare()`; the bulk import and the list query run the same SQL thousands of times, so each
 * distinct SQL text is compiled once per handle (Signal keeps a cache for the same reason in
 * ts/sql/Server.node.ts). A WeakMap lets closed handles be collected.
 */
import type { ReadableDB } from '../types';

/** Typed through the driver re-export, so nothing here imports better-sqlite3 directly (db/driver.ts). */
export type Stmt = ReturnType<ReadableDB['prepare']>;

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
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
