/**
 * Migration 0070 adds what the klagefrist rests on: a notice recorded under version 50 becomes a
 * rule-based klagefrist whose klagevejledning is unknown (nobody was asked), and keeps its date.
 */
import { describe, expect, it } from 'vitest';
import { configureConnection } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import type { WritableDB } from '../../db/types';

const AT = '2025-01-01T00:00:00.000Z';

function v50WithNotice(): WritableDB {
  const db = new SqliteDriver(':memory:') as WritableDB;
  configureConnection(db, true);
  migrate(db, { file: null, list: MIGRATIONS.filter((m) => m.version <= 50) });
  const rule = db.prepare("SELECT count(*) FROM rules WHERE id = 'rsl-67-klagefrist'").pluck().get() as number;
  if (rule === 0) {
    db.prepare(
      `INSERT INTO rules (id, origin, law_short, law_full, paragraph, title, summary, category, deadline_amount, deadline_unit, deadline_roll_forward, verification, created_at, updated_at)
       VALUES ('rsl-67-klagefrist', 'shipped', 'RSL', 'Retssikkerhedsloven', '§ 67', 'Klagefrist', 'Fire uger.', 'klage', 4, 'uger', 1, 'yes', ?, ?)`,
    ).run(AT, AT);
  }
  const insert = db.prepare(
    `INSERT INTO cases (id, sagsnr, sagsnr_key, received_on, type, summary, status, created_at, updated_at, decision_notified_on, decision_notice, klagefrist_rule_id, klagefrist_due)
     VALUES (?, ?, ?, '2025-03-03', 'klage', 'Afslag', 'modtaget', ?, ?, ?, ?, ?, ?)`,
  );
  insert.run(1, '2025-0001', '2025-0001', AT, AT, '2025-06-03', 'digital_post', 'rsl-67-klagefrist', '2025-07-01');
  insert.run(2, '2025-0002', '2025-0002', AT, AT, null, null, null, null);
  migrate(db, { file: null });
  return db;
}

describe('migration 0070: what the klagefrist rests on', () => {
  it('keeps a version-50 notice as rule-based with unknown klagevejledning; a case without a notice stays empty', () => {
    const db = v50WithNotice();
    const cols = 'decision_notified_on, klagevejledning, klagefrist_basis, klagefrist_rule_id, klagefrist_amount, klagefrist_unit, klagefrist_source, klagefrist_due';
    expect(db.prepare(`SELECT ${cols} FROM cases WHERE id = 1`).get()).toEqual({
      decision_notified_on: '2025-06-03', klagevejledning: 'ukendt', klagefrist_basis: 'regel', klagefrist_rule_id: 'rsl-67-klagefrist',
      klagefrist_amount: null, klagefrist_unit: null, klagefrist_source: null, klagefrist_due: '2025-07-01',
    });
    expect(db.prepare('SELECT klagevejledning, klagefrist_basis FROM cases WHERE id = 2').get()).toEqual({ klagevejledning: null, klagefrist_basis: null });
    db.close();
  });

  it('refuses values outside the vocabularies', () => {
    const db = v50WithNotice();
    expect(() => db.prepare("UPDATE cases SET klagevejledning = 'måske' WHERE id = 1").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE cases SET klagefrist_basis = 'skøn' WHERE id = 1").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE cases SET klagefrist_unit = 'år' WHERE id = 1").run()).toThrow(/CHECK constraint failed/);
    db.close();
  });
});
