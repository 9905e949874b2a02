/**
 * db/queries/retention.ts and db/queries/insight.ts against a real database: which henvendelser a
 * run is due to anonymise (closed strictly before the cutoff, not reopened, not already done),
 * the name search treating % and _ as letters, and both list queries served by their indexes.
 */
import { describe, expect, it } from 'vitest';
import { CASES_BY_CPR_SQL, casesByCpr, casesByNameWord } from '../../db/queries/insight';
import { casesDueForRetention, DUE_FOR_RETENTION_SQL, finishRetentionRun, openRetentionRun } from '../../db/queries/retention';
import type { WritableDB } from '../../db/types';
import { NOW, seededDb } from './helpers';

function addCase(db: WritableDB, sagsnr: string, name: string, closedOn: string | null, cpr: string | null = null): number {
  return Number(db.prepare(
    `INSERT INTO cases (sagsnr, sagsnr_key, received_on, type, citizen_name, citizen_cpr, status, closed_on, created_at, updated_at)
     VALUES (?, ?, '2018-01-02', 'klage', ?, ?, ?, ?, ?, ?)`,
  ).run(sagsnr, sagsnr, name, cpr, closedOn === null ? 'under_behandling' : 'afsluttet', closedOn, NOW, NOW).lastInsertRowid);
}

const plan = (db: WritableDB, sql: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('2020-01-01') as Array<{ detail: string }>).map((r) => r.detail).join('\n');

describe('the henvendelser due for retention', () => {
  it('are those closed strictly before the cutoff, oldest first, never an open one or one already done', () => {
    const db = seededDb();
    const dayBefore = addCase(db, '2018-0001', 'A', '2019-12-31');
    addCase(db, '2018-0002', 'B', '2020-01-01');
    addCase(db, '2018-0003', 'C', null);
    const older = addCase(db, '2018-0004', 'D', '2018-06-01');
    const done = addCase(db, '2018-0005', 'E', '2018-05-01');
    expect(casesDueForRetention(db, '2020-01-01').map((r) => r.id)).toEqual([done, older, dayBefore]);
    const run = openRetentionRun(db, { token: 'a'.repeat(64), cutoff: '2020-01-01', years: 5, startedAt: NOW, runBy: 'Mette', caseIds: [done] });
    finishRetentionRun(db, run, NOW);
    expect(casesDueForRetention(db, '2020-01-01').map((r) => r.id)).toEqual([older, dayBefore]);
  });

  it('is read through cases_closed, and a CPR number through cases_cpr, never a scan of cases', () => {
    const db = seededDb();
    for (let i = 1; i <= 300; i++) addCase(db, `2018-${String(i).padStart(4, '0')}`, `Borger ${i}`, i % 3 === 0 ? '2019-03-01' : null, i % 7 === 0 ? '010190-1234' : null);
    const due = plan(db, DUE_FOR_RETENTION_SQL);
    expect(due).toMatch(/SEARCH c USING INDEX cases_closed/);
    expect(due).not.toMatch(/SCAN c\b/);
    const cpr = plan(db, CASES_BY_CPR_SQL);
    expect(cpr).toMatch(/SEARCH c USING INDEX cases_cpr/);
    expect(casesByCpr(db, '010190-1234')).toHaveLength(42);
  });
});

describe('the name search of indsigt', () => {
  it('folds case and marks, looks at the representative, and treats % and _ as letters', () => {
    const db = seededDb();
    const sukru = addCase(db, '2018-0001', 'Şükrü Ærø', null);
    const rep = addCase(db, '2018-0002', 'Anna', null);
    db.prepare("UPDATE cases SET rep_name = 'Jens ŞÜKRÜ' WHERE id = ?").run(rep);
    addCase(db, '2018-0003', 'Procent_navn', null);
    expect(casesByNameWord(db, 'sukru').map((r) => r.id).sort()).toEqual([sukru, rep].sort());
    expect(casesByNameWord(db, 'ærø').map((r) => r.id)).toEqual([sukru]);
    expect(casesByNameWord(db, '%')).toEqual([]);
    expect(casesByNameWord(db, 'a_n').map((r) => r.sagsnr)).toEqual([]); // "Anna" would match an unescaped _
    expect(casesByNameWord(db, 'procent_').map((r) => r.sagsnr)).toEqual(['2018-0003']);
  });
});
