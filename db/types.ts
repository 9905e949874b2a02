import type { SqliteDatabase } from './driver';

/**
 * Database handles, typed by what a function may do (Signal's ReadableDB/WritableDB). They are the
 * same object at run time; the brand keeps a read-only query from being handed a write job.
 */
export type ReadableDB = SqliteDatabase & { readonly __readable?: true };
export type WritableDB = SqliteDatabase & { readonly __writable?: true };
