/**
 * What a database file looks like from its size and first bytes, without SQLite (so the Electron
 * main process, which never loads the driver, can ask too: security/db-key.ts).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** The first 16 bytes of every unencrypted SQLite database (SQLite file format § 1.3.1). */
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export type FileKind = 'empty' | 'plain' | 'encrypted' | 'not-a-database';

/**
 * An encrypted file starts with a random salt, so "encrypted" only means "could be": the key
 * decides. Throws when the file cannot be read.
 */
export function fileKind(file: string): FileKind {
  const size = statSync(file).size;
  if (size === 0) return 'empty';
  // A database is a whole number of pages, and pages are at least 512 bytes.
  if (size % 512 !== 0) return 'not-a-database';
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(PLAIN_HEADER) ? 'plain' : 'encrypted';
}
