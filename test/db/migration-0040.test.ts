/**
 * Migration 0040 adds deadline tracking: cases written under version 30 keep their data with no
 * klagefrist or target yet, and the new tables enforce the invariants the services rely on
 * (one reminder per level, a frozen verdict exactly when a request is answered or closed).
 */
import { describe, expect, it } from 'vitest';
import { configureConnection } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import type { WritableDB } from '../../db/types';

const AT = '2025-01-01T00:00:00.000Z';

function v30WithCase(): WritableDB {
  const db = new SqliteDriver(':memory:') as WritableDB;
  configureConnection(db, true);
  migrate(db, { file: null, list: MIGRATIONS.filter((m) => m.version <= 30) });
  db.prepare("INSERT INTO forvaltninger (id, name, name_key, created_at) VALUES (1, 'Social', 'social', ?)").run(AT);
  db.prepare(
    `INSERT INTO cases (id, sagsnr, sagsnr_key, received_on, type, summary, status, created_at, updated_at)
     VALUES (1, '2025-0001', '2025-0001', '2025-03-03', 'klage', 'Ingen svar', 'modtaget', ?, ?)`,
  ).run(AT, AT);
  migrate(db, { file: null });
  return db;
}

const addRequest = (db: WritableDB, extra: { answered?: string | null; closed?: string | null; onTime?: number | null } = {}) =>
  Number(
    db
      .prepare(
        `INSERT INTO requests (case_id, forvaltning_id, kind, sent_on, deadline_amount, deadline_unit, roll_forward, profile, due_on,
                               answered_on, closed_on, verdict_on_time, verdict_working_days, verdict_days_late, created_at, updated_at)
         VALUES (1, 1, 'redegoerelse', '2025-03-03', 10, 'arbejdsdage', 0, 'standard', '2025-03-17', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(extra.answered ?? null, extra.closed ?? null, extra.onTime ?? null, extra.onTime === undefined || extra.onTime === null ? null : 8, extra.onTime === undefined || extra.onTime === null ? null : 0, AT, AT).lastInsertRowid,
  );

describe('migration 0040: deadline tracking', () => {
  it('keeps a version-30 case, with no klagefrist or target yet', () => {
    const db = v30WithCase();
    expect(db.prepare('SELECT sagsnr, decision_notified_on, decision_notice, klagefrist_due, target_due FROM cases').get()).toEqual({
      sagsnr: '2025-0001', decision_notified_on: null, decision_notice: null, klagefrist_due: null, target_due: null,
    });
    db.close();
  });

  it('a verdict exists exactly when the request is answered or closed', () => {
    const db = v30WithCase();
    expect(() => addRequest(db)).not.toThrow();
    expect(() => addRequest(db, { answered: '2025-03-13', onTime: 1 })).not.toThrow();
    expect(() => addRequest(db, { answered: '2025-03-13' })).toThrow(/CHECK/);
    expect(() => addRequest(db, { onTime: 1 })).toThrow(/CHECK/);
    expect(() => addRequest(db, { answered: '2025-03-01', onTime: 1 })).toThrow(/CHECK/);
    expect(() => addRequest(db, { answered: '2025-03-13', closed: '2025-03-14', onTime: 1 })).toThrow(/CHECK/);
    db.close();
  });

  it('each reminder level is recorded once; an extension is a new date or more time, not both', () => {
    const db = v30WithCase();
    const id = addRequest(db);
    const event = (kind: string, level: number | null, newDue: string | null, addAmount: number | null) =>
      db
        .prepare(
          `INSERT INTO request_events (request_id, kind, on_date, level, new_due, add_amount, add_unit, created_at)
           VALUES (?, ?, '2025-03-18', ?, ?, ?, ?, ?)`,
        )
        .run(id, kind, level, newDue, addAmount, addAmount === null ? null : 'arbejdsdage', AT);
    expect(() => event('rykker', 1, null, null)).not.toThrow();
    expect(() => event('rykker', 1, null, null)).toThrow(/UNIQUE/);
    expect(() => event('rykker', 2, null, null)).not.toThrow();
    expect(() => event('forlaengelse', null, '2025-03-31', null)).not.toThrow();
    expect(() => event('forlaengelse', null, null, 5)).not.toThrow();
    expect(() => event('forlaengelse', null, '2025-03-31', 5)).toThrow(/CHECK/);
    expect(() => event('forlaengelse', null, null, null)).toThrow(/CHECK/);
    db.prepare('DELETE FROM requests WHERE id = ?').run(id);
    expect(db.prepare('SELECT count(*) AS n FROM request_events').get()).toEqual({ n: 0 });
    db.close();
  });
});
