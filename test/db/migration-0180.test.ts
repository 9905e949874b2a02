/**
 * Migration 0180 adds `annual_reports`: one row per period, the five sections bounded, the chosen
 * findings a JSON array, and a period that runs backwards refused by the database itself.
 */
import { describe, expect, it } from 'vitest';
import { configureConnection } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import type { WritableDB } from '../../db/types';

function migrated(): WritableDB {
  const db = new SqliteDriver(':memory:') as WritableDB;
  configureConnection(db, true);
  migrate(db, { file: null, list: MIGRATIONS.filter((m) => m.version < 180) });
  migrate(db, { file: null });
  return db;
}

const insert = "INSERT INTO annual_reports (period_from, period_to, title, finding_version_ids, updated_at, updated_by) VALUES (?, ?, 'Årsberetning', ?, 'nu', 'Mette')";

describe('migration 0180: annual reports', () => {
  it('stores one row per period with empty sections by default', () => {
    const db = migrated();
    db.prepare(insert).run('2025-01-01', '2025-12-31', '[3,1]');
    expect(db.prepare('SELECT forord, status_sidste_aar, finding_version_ids FROM annual_reports').get()).toEqual({ forord: '', status_sidste_aar: '', finding_version_ids: '[3,1]' });
    expect(() => db.prepare(insert).run('2025-01-01', '2025-12-31', '[]')).toThrow(/UNIQUE/);
    db.prepare(insert).run('2025-04-01', '2026-03-31', '[]');
    db.close();
  });

  it('refuses a backwards period, findings that are not a JSON array and an overlong section', () => {
    const db = migrated();
    expect(() => db.prepare(insert).run('2025-12-31', '2025-01-01', '[]')).toThrow(/CHECK/);
    expect(() => db.prepare(insert).run('2025-01-01', '2025-12-31', '{"a":1}')).toThrow(/CHECK/);
    expect(() => db.prepare(insert).run('2025-01-01', '2025-12-31', 'ikke json')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO annual_reports (period_from, period_to, title, forord, updated_at, updated_by) VALUES ('2025-01-01', '2025-12-31', 'T', ?, 'nu', 'M')").run('x'.repeat(50_001))).toThrow(/CHECK/);
    db.close();
  });
});
