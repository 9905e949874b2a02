/**
 * Migration 0050 adds requests.explicit_due: requests written under version 40 keep their data and
 * count as computed (no explicit date); an explicit date before the sending date is refused.
 */
import { describe, expect, it } from 'vitest';
import { configureConnection } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import type { WritableDB } from '../../db/types';

const AT = '2025-01-01T00:00:00.000Z';

function v40WithRequest(): WritableDB {
  const db = new SqliteDriver(':memory:') as WritableDB;
  configureConnection(db, true);
  migrate(db, { file: null, list: MIGRATIONS.filter((m) => m.version <= 40) });
  db.prepare("INSERT INTO forvaltninger (id, name, name_key, created_at) VALUES (1, 'Social', 'social', ?)").run(AT);
  db.prepare(
    `INSERT INTO cases (id, sagsnr, sagsnr_key, received_on, type, summary, status, created_at, updated_at)
     VALUES (1, '2025-0001', '2025-0001', '2025-03-03', 'klage', 'Ingen svar', 'modtaget', ?, ?)`,
  ).run(AT, AT);
  db.prepare(
    `INSERT INTO requests (id, case_id, forvaltning_id, kind, sent_on, deadline_amount, deadline_unit, roll_forward, profile, due_on, created_at, updated_at)
     VALUES (1, 1, 1, 'redegoerelse', '2025-03-03', 10, 'arbejdsdage', 0, 'standard', '2025-03-17', ?, ?)`,
  ).run(AT, AT);
  migrate(db, { file: null });
  return db;
}

describe('migration 0050: explicit request due dates', () => {
  it('keeps a version-40 request as computed, and stores an explicit date', () => {
    const db = v40WithRequest();
    expect(db.prepare('SELECT due_on, explicit_due FROM requests WHERE id = 1').get()).toEqual({ due_on: '2025-03-17', explicit_due: null });
    db.prepare("UPDATE requests SET explicit_due = '2025-03-31', due_on = '2025-03-31' WHERE id = 1").run();
    expect(db.prepare('SELECT explicit_due FROM requests WHERE id = 1').pluck().get()).toBe('2025-03-31');
    db.close();
  });

  it('refuses an explicit date before the request was sent', () => {
    const db = v40WithRequest();
    expect(() => db.prepare("UPDATE requests SET explicit_due = '2025-03-01' WHERE id = 1").run()).toThrow(/CHECK constraint failed/);
    db.close();
  });
});
