/**
 * What a backup needs from SQLite: a copy with `VACUUM INTO` (an encrypted connection writes an
 * encrypted copy with the same key), the row count of every table, `PRAGMA integrity_check`, and
 * holding other writers off while the copy and the counts are taken from a second connection.
 */
import type { ReadableDB, WritableDB } from '../types';

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Rows per table, every ordinary table (a full-text index's shadow tables included; the virtual
 * tables themselves are read through them). Sorted by name, so two counts compare as JSON.
 */
export function tableCounts(db: ReadableDB): Record<string, number> {
  const names = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = db.prepare(`SELECT count(*) FROM ${quoteIdent(name)}`).pluck().get() as number;
  return counts;
}

/** `PRAGMA integrity_check`: ['ok'] for a sound file, else SQLite's list of problems. */
export function integrityCheck(db: ReadableDB): string[] {
  const rows = db.pragma('integrity_check', { simple: false }) as Array<Record<string, unknown>>;
  return rows.map((r) => String(Object.values(r)[0]));
}

/** Copy the whole database into `file` (which must not exist or be empty), in one read transaction. */
export function vacuumInto(db: ReadableDB, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}

/**
 * Take the write lock (BEGIN IMMEDIATE) so no connection, in this process or another, commits
 * while `work` reads from a second connection; always rolled back (nothing was written).
 */
export function withWritersHeld<T>(db: WritableDB, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    return work();
  } finally {
    db.exec('ROLLBACK');
  }
}
