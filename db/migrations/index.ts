/**
 * The explicit, ordered list of migrations (no directory scan: it bundles and survives asar).
 * To add one: create NNNN-kebab-name.ts (next multiple of 10) exporting `up(db)`, import it here,
 * append it, and add a test in test/db/migrations.test.ts. Never edit a shipped migration.
 */
import type { WritableDB } from '../types';
import m0010 from './0010-initial-schema';
import m0020 from './0020-contentless-search-index';
import m0030 from './0030-rules-and-assessment';
import m0040 from './0040-deadline-tracking';
import m0050 from './0050-request-explicit-due';

export type Migration = Readonly<{ version: number; name: string; up: (db: WritableDB) => void }>;

export const MIGRATIONS: ReadonlyArray<Migration> = [
  { version: 10, name: 'initial-schema', up: m0010 },
  { version: 20, name: 'contentless-search-index', up: m0020 },
  { version: 30, name: 'rules-and-assessment', up: m0030 },
  { version: 40, name: 'deadline-tracking', up: m0040 },
  { version: 50, name: 'request-explicit-due', up: m0050 },
];

export const LATEST_VERSION = (MIGRATIONS[MIGRATIONS.length - 1] as Migration).version;
