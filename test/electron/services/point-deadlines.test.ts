/** electron/services/point-deadlines.ts: statutory deadlines on a klagepunkt, from the rule catalogue. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PointDeadlineInput } from '../../../shared/domain/deadline-tracking';
import { createPointDeadline, listPointDeadlinesForCase, deletePointDeadline, updatePointDeadline } from '../../../electron/services/point-deadlines';
import { thrownAppError } from '../../db/helpers';
import { deadlineWorld, type DeadlineWorld } from './deadline-helpers';

let w: DeadlineWorld;
beforeEach(() => {
  w = deadlineWorld('2025-06-20');
});
afterEach(() => w.app.close());

const input = (pointId: number, o: Partial<PointDeadlineInput> = {}): PointDeadlineInput => ({
  pointId, ruleId: 'fvl-16-aktindsigt-frist', startOn: '2025-05-26', metOn: null, note: '', ...o,
});

describe('point deadlines', () => {
  it('computes the rule deadline with the standard calendar (legal-rules.md § b.2: 26.05.2025 + 7 arbejdsdage → 06.06.2025)', () => {
    const k = w.klage('2025-05-01');
    const d = createPointDeadline(w.ctx, input(k.pointId));
    expect(d).toMatchObject({ caseId: k.caseId, pointId: k.pointId, pointPosition: 1, dueOn: '2025-06-06', metOn: null, kept: false });
    expect(d.ruleLabel).toBe('FVL § 16, stk. 2 – Frist for svar på partsaktindsigt (fristbrev) (ikke fuldt verificeret)');
    expect(d.explanation.rule?.id).toBe('fvl-16-aktindsigt-frist');
    expect(listPointDeadlinesForCase(w.ctx, k.caseId)).toEqual([d]);
    expect(w.actions(k.caseId)).toContain(`Lovfrist tilføjet: ${d.ruleLabel}, frist 06.06.2025`);
  });

  it('kept: true when met on or before the due date, false when met late, null while running', () => {
    const k = w.klage('2025-05-01');
    expect(createPointDeadline(w.ctx, input(k.pointId, { metOn: '2025-06-06' })).kept).toBe(true);
    expect(createPointDeadline(w.ctx, input(k.pointId, { metOn: '2025-06-10' })).kept).toBe(false);
    expect(createPointDeadline(w.ctx, input(k.pointId, { startOn: '2025-06-18' })).kept).toBeNull();
    // GDPR: 1 måned from 31.01.2025 → 28.02.2025 (legal-rules.md § b.2).
    expect(createPointDeadline(w.ctx, input(k.pointId, { ruleId: 'gdpr-12-3-svarfrist', startOn: '2025-01-31' })).dueOn).toBe('2025-02-28');
  });

  it('refuses a rule without a computable deadline, an unknown rule and a met date before the start, in Danish', () => {
    const k = w.klage('2025-05-01');
    expect(thrownAppError(() => createPointDeadline(w.ctx, input(k.pointId, { ruleId: 'ksl-65e-borgerraadgiver' }))).fields?.['ruleId']).toMatch(/^Reglen KSL § 65 e – .* har ingen frist, der kan beregnes/);
    expect(thrownAppError(() => createPointDeadline(w.ctx, input(k.pointId, { ruleId: 'findes-ikke' }))).fields).toEqual({ ruleId: 'Reglen "findes-ikke" findes ikke i regelkataloget.' });
    expect(thrownAppError(() => createPointDeadline(w.ctx, input(k.pointId, { metOn: '2025-05-20' }))).fields).toEqual({ metOn: 'Fristen kan ikke være overholdt, før den begyndte at løbe 26.05.2025.' });
    expect(thrownAppError(() => createPointDeadline(w.ctx, input(9999))).fields?.['pointId']).toBe('Klagepunktet findes ikke. Det kan være slettet.');
    expect(listPointDeadlinesForCase(w.ctx, k.caseId)).toEqual([]);
  });

  it('update records the changes; remove deletes and logs', () => {
    const k = w.klage('2025-05-01');
    const d = createPointDeadline(w.ctx, input(k.pointId));
    const met = updatePointDeadline(w.ctx, d.id, input(k.pointId, { metOn: '2025-06-05', note: 'Svar sendt' }));
    expect(met).toMatchObject({ metOn: '2025-06-05', kept: true, note: 'Svar sendt' });
    const entry = w.ctx.db.prepare("SELECT changes FROM audit_log WHERE action LIKE 'Lovfrist ændret%'").pluck().get() as string;
    expect(JSON.parse(entry)).toEqual([
      { field: 'Overholdt', before: '', after: '05.06.2025' },
      { field: 'Note', before: '', after: 'Svar sendt' },
    ]);
    deletePointDeadline(w.ctx, d.id);
    expect(listPointDeadlinesForCase(w.ctx, k.caseId)).toEqual([]);
    expect(w.actions(k.caseId).at(-1)).toBe(`Lovfrist slettet: ${d.ruleLabel}`);
    expect(thrownAppError(() => deletePointDeadline(w.ctx, d.id)).code).toBe('not_found');
  });
});
