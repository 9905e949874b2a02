/**
 * Migration 0030 adds the rule catalogue, klagepunkt assessments and flags, and the henstillinger
 * register: klagepunkter written under version 20 keep their data and get neutral flags, and the
 * new tables enforce what the application relies on.
 */
import { describe, expect, it } from 'vitest';
import { configureConnection } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import type { WritableDB } from '../../db/types';

const AT = '2025-01-01T00:00:00.000Z';

function v20WithOnePoint(): WritableDB {
  const db = new SqliteDriver(':memory:') as WritableDB;
  configureConnection(db, true);
  migrate(db, { file: null, list: MIGRATIONS.filter((m) => m.version <= 20) });
  db.prepare("INSERT INTO forvaltninger (id, name, name_key, created_at) VALUES (1, 'Social', 'social', ?)").run(AT);
  db.prepare(
    `INSERT INTO cases (id, sagsnr, sagsnr_key, received_on, type, summary, status, created_at, updated_at)
     VALUES (1, '2024-0001', '2024-0001', '2024-05-01', 'klage', 'Ingen svar', 'modtaget', ?, ?)`,
  ).run(AT, AT);
  db.prepare("INSERT INTO complaint_points (id, case_id, position, forvaltning_id, description, outcome, created_at, updated_at) VALUES (1, 1, 1, 1, 'Ingen svar på mail', 'kritik', ?, ?)").run(AT, AT);
  return db;
}

const insertRule = (db: WritableDB, id: string) =>
  db
    .prepare(
      `INSERT INTO rules (id, origin, law_short, law_full, paragraph, title, summary, category, verification, created_at, updated_at)
       VALUES (?, 'shipped', 'GFS', 'God forvaltningsskik', '–', 'Besvarelse', 'Svar på henvendelser', 'god forvaltningsskik', 'yes', ?, ?)`,
    )
    .run(id, AT, AT);

describe('migration 0030: rules, assessment and henstillinger', () => {
  it('keeps klagepunkter written under version 20 and gives them neutral flags', () => {
    const db = v20WithOnePoint();
    expect(migrate(db, { file: null })).toMatchObject({ from: 20 });
    expect(db.prepare('SELECT description, outcome, forvaltning_agreed, apologised, put_right FROM complaint_points WHERE id = 1').get()).toEqual({
      description: 'Ingen svar på mail', outcome: 'kritik', forvaltning_agreed: null, apologised: 0, put_right: 0,
    });
    db.close();
  });

  it('never lets a cited rule be deleted, and drops links with their klagepunkt', () => {
    const db = v20WithOnePoint();
    migrate(db, { file: null });
    insertRule(db, 'gfs-besvarelse');
    db.prepare("INSERT INTO point_rules (point_id, rule_id, position, assessment, reasoning) VALUES (1, 'gfs-besvarelse', 1, 'ikke_overholdt', 'Tre mails uden svar')").run();
    expect(() => db.prepare("DELETE FROM rules WHERE id = 'gfs-besvarelse'").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO point_rules (point_id, rule_id, position, assessment) VALUES (1, 'gfs-besvarelse', 2, 'maaske')").run()).toThrow();
    db.prepare('DELETE FROM complaint_points WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM point_rules').get()).toEqual({ n: 0 });
    db.close();
  });

  it('a henstilling has an answer date exactly when it is no longer awaiting, never before it was given', () => {
    const db = v20WithOnePoint();
    migrate(db, { file: null });
    const add = (status: string, statusOn: string | null) =>
      db
        .prepare(
          `INSERT INTO recommendations (case_id, point_id, forvaltning_id, text, given_on, status, status_on, created_at, updated_at)
           VALUES (1, 1, 1, 'Svar inden 14 dage', '2024-06-01', ?, ?, ?, ?)`,
        )
        .run(status, statusOn, AT, AT);
    expect(() => add('afventer', null)).not.toThrow();
    expect(() => add('fulgt', '2024-06-20')).not.toThrow();
    expect(() => add('fulgt', null)).toThrow(/CHECK/);
    expect(() => add('afventer', '2024-06-20')).toThrow(/CHECK/);
    expect(() => add('ikke_fulgt', '2024-05-01')).toThrow(/CHECK/);
    db.close();
  });

  it('a rule deadline has both amount and unit, or neither', () => {
    const db = v20WithOnePoint();
    migrate(db, { file: null });
    const withDeadline = (amount: number | null, unit: string | null) =>
      db
        .prepare(
          `INSERT INTO rules (id, origin, law_short, law_full, paragraph, title, summary, category, verification, deadline_amount, deadline_unit, created_at, updated_at)
           VALUES (?, 'own', 'KOM', 'Svarpolitik', 'pkt. 2', 'Svarfrist', 'Svar inden 10 arbejdsdage', 'svarpolitik', 'yes', ?, ?, ?, ?)`,
        )
        .run(`egen-${amount ?? 'x'}-${unit ?? 'x'}`, amount, unit, AT, AT);
    expect(() => withDeadline(10, 'arbejdsdage')).not.toThrow();
    expect(() => withDeadline(null, null)).not.toThrow();
    expect(() => withDeadline(10, null)).toThrow(/CHECK/);
    expect(() => withDeadline(null, 'uger')).toThrow(/CHECK/);
    db.close();
  });
});
