/**
 * The case list's "Næste frist" and "Rådgiver" columns and its adviser filter ("Mine sager"):
 * db/queries/cases.ts listCases against a real in-memory database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertAdviser } from '../../db/queries/catalog';
import { setCaseKlagefrist, setCaseTargetDue } from '../../db/queries/case-deadlines';
import { listCases } from '../../db/queries/cases';
import { insertPointDeadline } from '../../db/queries/point-deadlines';
import { finishRequest, insertRequest } from '../../db/queries/requests';
import type { WritableDB } from '../../db/types';
import { defaultCaseListQuery, type CaseListQuery } from '../../shared/domain/case-list';
import { NOW, addCase, org, seededDb } from './helpers';

let db: WritableDB;
beforeEach(() => { db = seededDb(); });
afterEach(() => db.close());

const list = (q: Partial<CaseListQuery> = {}) => listCases(db, { ...defaultCaseListQuery(), sort: 'sagsnr', direction: 'asc', ...q });
const spec = { amount: 10, unit: 'arbejdsdage', rollForward: false, profile: 'standard' } as const;

function request(caseId: number, dueOn: string): number {
  return insertRequest(db, { caseId, forvaltningId: org(db).forvaltning('Social'), kind: 'redegoerelse', sentOn: '2025-05-01', spec, dueOn, explicitDue: null, note: '' }, NOW);
}
function pointId(caseId: number): number {
  return db.prepare('SELECT id FROM complaint_points WHERE case_id = ? ORDER BY position').pluck().get(caseId) as number;
}
function klagefrist(caseId: number, dueOn: string): void {
  setCaseKlagefrist(db, caseId, { notifiedOn: '2025-05-01', notice: 'digital_post', guidance: 'korrekt', basis: 'ingen', ruleId: null, manual: null, dueOn });
}

describe('the next deadline column', () => {
  it('is the earliest open due date among open requests, running statutory deadlines, klagefrist and target', () => {
    addCase(db, { sagsnr: '2025-0001' }); // nothing runs
    const req = addCase(db, { sagsnr: '2025-0002' });
    request(req, '2025-06-20');
    request(req, '2025-06-12');
    const answered = request(req, '2025-06-01');
    finishRequest(db, answered, { answeredOn: '2025-05-30', closedOn: null, answerSummary: '' }, { onTime: true, workingDaysUsed: 3, daysLate: 0 }, NOW);
    const point = addCase(db, { sagsnr: '2025-0003' });
    insertPointDeadline(db, { pointId: pointId(point), basis: 'svarpolitik', ruleId: null, startOn: '2025-05-01', dueOn: '2025-06-05', metOn: null, note: '' }, NOW);
    insertPointDeadline(db, { pointId: pointId(point), basis: 'svarpolitik', ruleId: null, startOn: '2025-05-01', dueOn: '2025-05-20', metOn: '2025-05-19', note: '' }, NOW);
    klagefrist(point, '2025-06-30');
    const target = addCase(db, { sagsnr: '2025-0004' });
    setCaseTargetDue(db, target, '2025-07-01');
    klagefrist(target, '2025-07-02');
    request(target, '2025-07-03');
    const passed = addCase(db, { sagsnr: '2025-0005' });
    klagefrist(passed, '2025-04-01'); // passed but the case is open: still the next (overdue) deadline, as in Frister
    setCaseTargetDue(db, passed, '2025-08-01');

    const rows = list().rows.map((r) => [r.sagsnr, r.nextDeadline]);
    expect(rows).toEqual([
      ['2025-0001', null],
      ['2025-0002', { dueOn: '2025-06-12', kind: 'anmodning' }],
      ['2025-0003', { dueOn: '2025-06-05', kind: 'lovfrist' }],
      ['2025-0004', { dueOn: '2025-07-01', kind: 'eget_maal' }],
      ['2025-0005', { dueOn: '2025-04-01', kind: 'klagefrist' }],
    ]);
  });

  it('is empty for a closed henvendelse, whatever is still stored on it', () => {
    const closed = addCase(db, { sagsnr: '2025-0001', status: 'afsluttet', closedOn: '2025-06-01' });
    request(closed, '2025-06-12');
    klagefrist(closed, '2025-06-30');
    expect(list().rows.map((r) => r.nextDeadline)).toEqual([null]);
  });
});

describe('the adviser column and "Mine sager"', () => {
  it("names each henvendelse's adviser and filters by one, in every list mode", () => {
    const mette = insertAdviser(db, { name: 'Mette Madsen', initials: 'MM', email: '' }, NOW);
    const jens = insertAdviser(db, { name: 'Jens Jensen', initials: 'JJ', email: '' }, NOW);
    addCase(db, { sagsnr: '2025-0001', adviserId: mette });
    addCase(db, { sagsnr: '2025-0002', adviserId: jens });
    addCase(db, { sagsnr: '2025-0003', adviserId: null });
    addCase(db, { sagsnr: '2025-0004', adviserId: mette, summary: 'Aktindsigt i journalen' });
    expect(list().rows.map((r) => [r.sagsnr, r.adviser])).toEqual([
      ['2025-0001', 'Mette Madsen'], ['2025-0002', 'Jens Jensen'], ['2025-0003', null], ['2025-0004', 'Mette Madsen'],
    ]);
    for (const mode of ['set', 'walk'] as const) {
      const mine = listCases(db, { ...defaultCaseListQuery(), adviserId: mette, sort: 'sagsnr', direction: 'asc' }, mode);
      expect(mine.total).toBe(2);
      expect(mine.rows.map((r) => r.sagsnr)).toEqual(['2025-0001', '2025-0004']);
      const searched = listCases(db, { ...defaultCaseListQuery(), adviserId: mette, search: 'aktindsigt' }, mode);
      expect(searched.rows.map((r) => r.sagsnr)).toEqual(['2025-0004']);
    }
    expect(list({ adviserId: null }).total).toBe(4);
  });
});
