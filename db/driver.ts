/**
 * The only import of the SQLite driver: better-sqlite3-multiple-ciphers, better-sqlite3's API with
 * SQLite3 Multiple Ciphers compiled in, so the database, its WAL and every copy made with
 * `VACUUM INTO` are encrypted (db/key.ts). Nothing else may import the driver (lint).
 */
import Database from 'better-sqlite3-multiple-ciphers';

export type SqliteDatabase = Database.Database;
export type SqliteOptions = Database.Options;
export const SqliteDriver: typeof Database = Database;
