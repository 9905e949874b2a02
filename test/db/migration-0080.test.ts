/**
 * Migration 0080 moves competence and handling from the henvendelse to each klagepunkt and makes the
 * reasons a municipal list (legal-rules.md § c.2–c.3). Data written under version 70 survives:
 * every klagepunkt gets its henvendelse's competence and handling, a henvendelse without
 * klagepunkter keeps its own, and "ikke forelagt forvaltningen" becomes the step it is.
 */
import { describe, expect, it } from 'vitest';
import { configureConnection } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import type { WritableDB } from '../../db/types';
import { DEFAULT_COMPETENCE_REASONS } from '../../shared/domain/competence';
import { normaliseToken } from '../../shared/domain/vocab';

const AT = '2025-01-01T00:00:00.000Z';

type OldCase = { id: number; type: string; competence: string; handling: string | null; points: number };

const OLD_CASES: OldCase[] = [
  { id: 1, type: 'klage', competence: 'afgoerelsens_indhold', handling: 'vejvist', points: 2 },
  { id: 2, type: 'klage', competence: 'inden_for', handling: 'undersoegt', points: 1 },
  { id: 3, type: 'klage', competence: 'ikke_forelagt', handling: null, points: 1 },
  { id: 4, type: 'klage', competence: 'ikke_forelagt', handling: 'afvist', points: 1 },
  { id: 5, type: 'vejvisning', competence: 'anden_klageinstans', handling: 'vejvist', points: 0 },
  { id: 6, type: 'vejledning', competence: 'inden_for', handling: null, points: 0 },
  { id: 7, type: 'vejledning', competence: 'ikke_forelagt', handling: null, points: 0 },
  { id: 8, type: 'klage', competence: 'over_1_aar', handling: 'undersoegt', points: 1 },
];

function v70WithCases(): WritableDB {
  const db = new SqliteDriver(':memory:') as WritableDB;
  configureConnection(db, true);
  migrate(db, { file: null, list: MIGRATIONS.filter((m) => m.version < 80) });
  db.prepare("INSERT INTO forvaltninger (id, name, name_key, created_at) VALUES (1, 'Social', 'social', ?)").run(AT);
  const insCase = db.prepare(
    `INSERT INTO cases (id, sagsnr, sagsnr_key, received_on, type, summary, status, competence, handling, created_at, updated_at)
     VALUES (@id, @sagsnr, @sagsnr, '2025-03-03', @type, 'Resumé', 'modtaget', @competence, @handling, @at, @at)`,
  );
  const insPoint = db.prepare(
    `INSERT INTO complaint_points (case_id, position, forvaltning_id, description, created_at, updated_at) VALUES (?, ?, 1, 'Punkt', ?, ?)`,
  );
  for (const c of OLD_CASES) {
    insCase.run({ id: c.id, sagsnr: `2025-000${c.id}`, type: c.type, competence: c.competence, handling: c.handling, at: AT });
    for (let p = 1; p <= c.points; p++) insPoint.run(c.id, p, AT, AT);
  }
  migrate(db, { file: null });
  return db;
}

const reasonByCode = (db: WritableDB) =>
  new Map((db.prepare('SELECT code, id FROM competence_reasons').all() as Array<{ code: string; id: number }>).map((r) => [r.code, r.id]));

describe('migration 0080: competence per klagepunkt', () => {
  it('seeds the default reasons with the names and codes the app knows, name_key folded like the catalogue', () => {
    const db = v70WithCases();
    const rows = db.prepare('SELECT code, name, name_key, retired_at FROM competence_reasons ORDER BY sort_order').all() as Array<{
      code: string; name: string; name_key: string; retired_at: string | null;
    }>;
    expect(rows.map((r) => ({ code: r.code, name: r.name }))).toEqual(DEFAULT_COMPETENCE_REASONS.map((r) => ({ code: r.code, name: r.name })));
    for (const r of rows) {
      expect(r.name_key).toBe(normaliseToken(r.name));
      expect(r.retired_at).toBeNull();
    }
    expect(rows.some((r) => r.name === 'Fuldmagt mangler')).toBe(true);
    db.close();
  });

  it("copies each henvendelse's competence and handling onto its klagepunkter and clears the henvendelse's own", () => {
    const db = v70WithCases();
    const reason = reasonByCode(db);
    const points = db.prepare('SELECT case_id, position, competence_reason_id AS reason, handling FROM complaint_points ORDER BY case_id, position').all();
    expect(points).toEqual([
      { case_id: 1, position: 1, reason: reason.get('afgoerelsens_indhold'), handling: 'vejvist' },
      { case_id: 1, position: 2, reason: reason.get('afgoerelsens_indhold'), handling: 'vejvist' },
      { case_id: 2, position: 1, reason: null, handling: 'undersoegt' },
      // Not yet put to the forvaltning: inside competence, forwarded (a step, not a reason) …
      { case_id: 3, position: 1, reason: null, handling: 'videresendt' },
      // … unless another handling was recorded, which is kept.
      { case_id: 4, position: 1, reason: null, handling: 'afvist' },
      // Outside competence yet undersøgt (historical data) survives as it was.
      { case_id: 8, position: 1, reason: reason.get('over_1_aar'), handling: 'undersoegt' },
    ]);
    const withPoints = db.prepare('SELECT id, competence_reason_id AS reason, handling FROM cases WHERE id IN (1, 2, 3, 4, 8) ORDER BY id').all();
    expect(withPoints).toEqual([1, 2, 3, 4, 8].map((id) => ({ id, reason: null, handling: null })));
    db.close();
  });

  it('keeps the competence and handling of a henvendelse without klagepunkter on the henvendelse', () => {
    const db = v70WithCases();
    const reason = reasonByCode(db);
    expect(db.prepare('SELECT id, competence_reason_id AS reason, handling FROM cases WHERE id IN (5, 6, 7) ORDER BY id').all()).toEqual([
      { id: 5, reason: reason.get('anden_klageinstans'), handling: 'vejvist' },
      { id: 6, reason: null, handling: null },
      { id: 7, reason: null, handling: 'videresendt' },
    ]);
    db.close();
  });

  it('drops the old fixed column, refuses an unknown handling, and keeps a used reason from being deleted', () => {
    const db = v70WithCases();
    const columns = (db.prepare('PRAGMA table_info(cases)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).not.toContain('competence');
    expect(columns).toContain('competence_reason_id');
    expect(() => db.prepare("UPDATE complaint_points SET handling = 'ukendt' WHERE case_id = 1").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("DELETE FROM competence_reasons WHERE code = 'afgoerelsens_indhold'").run()).toThrow(/FOREIGN KEY constraint failed/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
