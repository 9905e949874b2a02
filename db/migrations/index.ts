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
import m0060 from './0060-rule-citations-and-roles';
import m0070 from './0070-klagefrist-basis';
import m0080 from './0080-competence-per-point';
import m0090 from './0090-cases-by-adviser';
import m0100 from './0100-search-folds-diacritics';
import m0110 from './0110-request-answer-and-points';
import m0120 from './0120-case-documents';
import m0130 from './0130-journal-notes';
import m0140 from './0140-status-follows-requests';
import m0150 from './0150-findings';
import m0160 from './0160-letterhead-and-phrases';
import m0170 from './0170-report-settings';
import m0180 from './0180-annual-reports';
import m0190 from './0190-audit-chain';

export type Migration = Readonly<{ version: number; name: string; up: (db: WritableDB) => void }>;

export const MIGRATIONS: ReadonlyArray<Migration> = [
  { version: 10, name: 'initial-schema', up: m0010 },
  { version: 20, name: 'contentless-search-index', up: m0020 },
  { version: 30, name: 'rules-and-assessment', up: m0030 },
  { version: 40, name: 'deadline-tracking', up: m0040 },
  { version: 50, name: 'request-explicit-due', up: m0050 },
  { version: 60, name: 'rule-citations-and-roles', up: m0060 },
  { version: 70, name: 'klagefrist-basis', up: m0070 },
  { version: 80, name: 'competence-per-point', up: m0080 },
  { version: 90, name: 'cases-by-adviser', up: m0090 },
  { version: 100, name: 'search-folds-diacritics', up: m0100 },
  { version: 110, name: 'request-answer-and-points', up: m0110 },
  { version: 120, name: 'case-documents', up: m0120 },
  { version: 130, name: 'journal-notes', up: m0130 },
  { version: 140, name: 'status-follows-requests', up: m0140 },
  { version: 150, name: 'findings', up: m0150 },
  { version: 160, name: 'letterhead-and-phrases', up: m0160 },
  { version: 170, name: 'report-settings', up: m0170 },
  { version: 180, name: 'annual-reports', up: m0180 },
  { version: 190, name: 'audit-chain', up: m0190 },
];

export const LATEST_VERSION = (MIGRATIONS[MIGRATIONS.length - 1] as Migration).version;
