/**
 * Migration 0140 adds cases.status_manual and cases.status_resume: a henvendelse from version 110
 * keeps its status and counts as set by hand (nothing moves under the adviser after the upgrade);
 * a status to return to outside the vocabulary is refused.
 */
import { describe, expect, it } from 'vitest';
import { configureConnection } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import type { WritableDB } from '../../db/types';

const AT = '2025-01-01T00:00:00.000Z';

function v110WithWaitingCase(): WritableDB {
  const db = new SqliteDriver(':memory:') as WritableDB;
  configureConnection(db, true);
  migrate(db, { file: null, list: MIGRATIONS.filter((m) => m.version <= 110) });
  db.prepare(
    `INSERT INTO cases (id, sagsnr, sagsnr_key, received_on, type, summary, status, created_at, updated_at)
     VALUES (1, '2025-0001', '2025-0001', '2025-03-03', 'klage', 'Venter på svar', 'afventer_forvaltningen', ?, ?)`,
  ).run(AT, AT);
  migrate(db, { file: null });
  return db;
}

describe('migration 0140: where the status comes from', () => {
  it('keeps a version-110 henvendelse\'s status, set by hand, with nothing to return to', () => {
    const db = v110WithWaitingCase();
    expect(db.prepare('SELECT status, status_manual, status_resume FROM cases WHERE id = 1').get())
      .toEqual({ status: 'afventer_forvaltningen', status_manual: 1, status_resume: null });
    db.close();
  });

  it('refuses a status to return to that is not a status', () => {
    const db = v110WithWaitingCase();
    expect(() => db.prepare("UPDATE cases SET status_resume = 'lukket' WHERE id = 1").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare('UPDATE cases SET status_manual = 2 WHERE id = 1').run()).toThrow(/CHECK constraint failed/);
    db.close();
  });
});
