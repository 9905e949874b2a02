/**
 * A read-only connection to a database file that is not Ombud's open database: a backup being
 * verified, or the open database's own file seen from a second connection while a backup is taken.
 * Nothing is migrated or written; the key is applied first (db/key.ts), so a wrong key fails here.
 */
import { SqliteDriver } from './driver';
import { applyDbKey, type DbKey } from './key';
import type { ReadableDB } from './types';

export type ReadOnlyOptions = Readonly<{ key: DbKey | null; nativeBinding?: string }>;

export function openReadOnly(file: string, opts: ReadOnlyOptions): ReadableDB {
  const db = new SqliteDriver(file, { readonly: true, fileMustExist: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  try {
    if (opts.key) applyDbKey(db, opts.key);
    // The first statement that reads the file: a wrong key or a non-database fails here, not later.
    db.pragma('schema_version', { simple: true });
  } catch (e) {
    db.close();
    throw e;
  }
  return db as ReadableDB;
}
