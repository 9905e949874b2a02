/**
 * The only import of the SQLite driver. The data-protection issue swaps this for
 * better-sqlite3-multiple-ciphers (same API, SQLCipher encryption), so nothing else may import it.
 */
import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;
export type SqliteOptions = Database.Options;
export const SqliteDriver: typeof Database = Database;
