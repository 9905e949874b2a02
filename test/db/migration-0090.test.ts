/**
 * Migration 0090 adds the index behind "Mine sager" and the Frister adviser filter: henvendelser
 * written under version 80 keep their adviser, and one adviser's are then found through the index.
 */
import { describe, expect, it } from 'vitest';
import { configureConnection } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import type { WritableDB } from '../../db/types';

const AT = '2025-01-01T00:00:00.000Z';

function v80WithAdvisers(): WritableDB {
  const db = new SqliteDriver(':memory:') as WritableDB;
  configureConnection(db, true);
  migrate(db, { file: null, list: MIGRATIONS.filter((m) => m.version <= 80) });
  db.prepare("INSERT INTO advisers (id, name, name_key, initials, email, created_at) VALUES (7, 'Mette Madsen', 'mette madsen', 'MM', '', ?)").run(AT);
  const insert = db.prepare(
    `INSERT INTO cases (id, sagsnr, sagsnr_key, received_on, type, summary, status, adviser_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'klage', 'Afslag', 'modtaget', ?, ?, ?)`,
  );
  insert.run(1, '2025-0001', '2025-0001', '2025-03-03', 7, AT, AT);
  insert.run(2, '2025-0002', '2025-0002', '2025-03-04', null, AT, AT);
  insert.run(3, '2025-0003', '2025-0003', '2025-03-05', 7, AT, AT);
  migrate(db, { file: null });
  return db;
}

describe('migration 0090: henvendelser by adviser', () => {
  it('keeps every henvendelse and its adviser, and finds one adviser\'s through cases_adviser, newest first', () => {
    const db = v80WithAdvisers();
    expect(db.prepare('SELECT id, adviser_id FROM cases ORDER BY id').all()).toEqual([
      { id: 1, adviser_id: 7 }, { id: 2, adviser_id: null }, { id: 3, adviser_id: 7 },
    ]);
    const sql = 'SELECT id FROM cases WHERE adviser_id = ? ORDER BY received_on DESC, id DESC';
    expect(db.prepare(sql).pluck().all(7)).toEqual([3, 1]);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(7) as { detail: string }[]).map((r) => r.detail).join('\n');
    expect(plan).toContain('cases_adviser');
    expect(plan).not.toContain('TEMP B-TREE');
    db.close();
  });
});
