import type { SqliteDatabase } from './driver';

/*
 * Database handles, typed by what a function may do (Signal Desktop's ReadableDB/WritableDB in
 * ts/sql/Interface.std.ts). They are the same object at run time. The brands are required phantom
 * properties that never exist: a plain driver handle is neither, a WritableDB is also a ReadableDB,
 * and a ReadableDB cannot be passed where a WritableDB is expected, so a read-only handle (a report
 * connection, a future read replica) can never reach a writing query. Only `openDatabase` and
 * tests that build an old schema by hand cast a driver handle to these types.
 */
declare const readable: unique symbol;
declare const writable: unique symbol;

export type ReadableDB = SqliteDatabase & { readonly [readable]: true };
export type WritableDB = ReadableDB & { readonly [writable]: true };
