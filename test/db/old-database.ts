/**
 * A database as an older version left it, for the migration tests: migrated up to `version`, given
 * one forvaltning, one henvendelse and one open request as that version stored them, then migrated
 * to the newest version – the data a real upgrade meets.
 */
import { configureConnection } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import type { WritableDB } from '../../db/types';

export const OLD_AT = '2025-01-01T00:00:00.000Z';

/** Version `version` with Social, henvendelse 2025-0001 and an open request to Social (ids 1), then upgraded. */
export function upgradedWithRequest(version: number): WritableDB {
  const db = new SqliteDriver(':memory:') as WritableDB;
  configureConnection(db, true);
  migrate(db, { file: null, list: MIGRATIONS.filter((m) => m.version <= version) });
  db.prepare("INSERT INTO forvaltninger (id, name, name_key, created_at) VALUES (1, 'Social', 'social', ?)").run(OLD_AT);
  db.prepare(
    `INSERT INTO cases (id, sagsnr, sagsnr_key, received_on, type, summary, status, created_at, updated_at)
     VALUES (1, '2025-0001', '2025-0001', '2025-03-03', 'klage', 'Ingen svar', 'modtaget', ?, ?)`,
  ).run(OLD_AT, OLD_AT);
  db.prepare(
    `INSERT INTO requests (id, case_id, forvaltning_id, kind, sent_on, deadline_amount, deadline_unit, roll_forward, profile, due_on, created_at, updated_at)
     VALUES (1, 1, 1, 'redegoerelse', '2025-03-03', 10, 'arbejdsdage', 0, 'standard', '2025-03-17', ?, ?)`,
  ).run(OLD_AT, OLD_AT);
  migrate(db, { file: null });
  return db;
}
