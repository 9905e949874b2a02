/**
 * Migration 0110 adds requests.answer_summary: a request answered under version 100 keeps its answer
 * and reads as answered without a summary; a summary is stored, and one over 20,000 characters refused.
 * And request_points: a version-100 request names no klagepunkt; a link goes with its klagepunkt.
 */
import { describe, expect, it } from 'vitest';
import { configureConnection } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import type { WritableDB } from '../../db/types';

const AT = '2025-01-01T00:00:00.000Z';

function v100WithAnsweredRequest(): WritableDB {
  const db = new SqliteDriver(':memory:') as WritableDB;
  configureConnection(db, true);
  migrate(db, { file: null, list: MIGRATIONS.filter((m) => m.version <= 100) });
  db.prepare("INSERT INTO forvaltninger (id, name, name_key, created_at) VALUES (1, 'Social', 'social', ?)").run(AT);
  db.prepare(
    `INSERT INTO cases (id, sagsnr, sagsnr_key, received_on, type, summary, status, created_at, updated_at)
     VALUES (1, '2025-0001', '2025-0001', '2025-03-03', 'klage', 'Ingen svar', 'modtaget', ?, ?)`,
  ).run(AT, AT);
  db.prepare(
    `INSERT INTO requests (id, case_id, forvaltning_id, kind, sent_on, deadline_amount, deadline_unit, roll_forward, profile, due_on,
       answered_on, verdict_on_time, verdict_working_days, verdict_days_late, created_at, updated_at)
     VALUES (1, 1, 1, 'redegoerelse', '2025-03-03', 10, 'arbejdsdage', 0, 'standard', '2025-03-17', '2025-03-14', 1, 9, 0, ?, ?)`,
  ).run(AT, AT);
  db.prepare(
    `INSERT INTO complaint_points (id, case_id, position, forvaltning_id, description, created_at, updated_at)
     VALUES (1, 1, 1, 1, 'Ingen partshøring', ?, ?)`,
  ).run(AT, AT);
  migrate(db, { file: null });
  return db;
}

describe('migration 0110: the summary of the forvaltning\'s answer', () => {
  it('keeps a version-100 answered request, without a summary, and stores one', () => {
    const db = v100WithAnsweredRequest();
    expect(db.prepare('SELECT answered_on, verdict_on_time, answer_summary FROM requests WHERE id = 1').get())
      .toEqual({ answered_on: '2025-03-14', verdict_on_time: 1, answer_summary: '' });
    db.prepare("UPDATE requests SET answer_summary = 'Forvaltningen erkender fejlen.' WHERE id = 1").run();
    expect(db.prepare('SELECT answer_summary FROM requests WHERE id = 1').pluck().get()).toBe('Forvaltningen erkender fejlen.');
    db.close();
  });

  it('refuses a summary longer than 20,000 characters', () => {
    const db = v100WithAnsweredRequest();
    expect(() => db.prepare('UPDATE requests SET answer_summary = ? WHERE id = 1').run('x'.repeat(20001))).toThrow(/CHECK constraint failed/);
    db.close();
  });

  it('links a request to its klagepunkter; a version-100 request names none, and a removed klagepunkt takes its link along', () => {
    const db = v100WithAnsweredRequest();
    expect(db.prepare('SELECT count(*) FROM request_points').pluck().get()).toBe(0);
    db.prepare('INSERT INTO request_points (request_id, point_id) VALUES (1, 1)').run();
    expect(() => db.prepare('INSERT INTO request_points (request_id, point_id) VALUES (1, 1)').run()).toThrow(/UNIQUE|PRIMARY KEY/);
    db.prepare('DELETE FROM complaint_points WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM request_points').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM requests').pluck().get()).toBe(1);
    db.close();
  });
});
