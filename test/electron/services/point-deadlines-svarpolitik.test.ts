/**
 * A klagepunkt's deadline may follow the municipality's svarpolitik (a setting: 14 dage from the
 * municipality's receipt by default) instead of a rule: a local target (owner 'maal'), named as
 * such, recomputed when the policy changes, and refused when the municipality has none.
 * (gfs-14-dages-svar left the rule catalogue for this; legal-rules.md § b.5.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANSWER_POLICY, type PointDeadlineInput } from '../../../shared/domain/deadline-tracking';
import { getDeadlineSettings, getFristOverview, saveDeadlineSettings } from '../../../electron/services/deadlines';
import { createPointDeadline, listPointDeadlinesForCase, deletePointDeadline, updatePointDeadline } from '../../../electron/services/point-deadlines';
import { thrownAppError } from '../../db/helpers';
import { deadlineWorld, type DeadlineWorld } from './deadline-helpers';

let w: DeadlineWorld;
beforeEach(() => {
  w = deadlineWorld('2025-06-10');
});
afterEach(() => w.app.close());

const LABEL = 'Kommunens svarpolitik (lokal målsætning)';
const input = (pointId: number, o: Partial<PointDeadlineInput> = {}): PointDeadlineInput => ({
  pointId, basis: 'svarpolitik', ruleId: null, startOn: '2025-06-02', metOn: null, note: '', ...o,
});

describe('the svarpolitik setting', () => {
  it('defaults to 14 dage from the municipality’s receipt, described in Danish', () => {
    expect(getDeadlineSettings(w.ctx).answerPolicy).toEqual(DEFAULT_ANSWER_POLICY);
    expect(DEFAULT_ANSWER_POLICY).toMatchObject({ amount: 14, unit: 'dage' });
    expect(DEFAULT_ANSWER_POLICY.text).toMatch(/kvittering .* foreløbigt svar/);
  });

  it('is saved, switched off, and refused below 1, with a history entry', () => {
    const s = getDeadlineSettings(w.ctx);
    expect(saveDeadlineSettings(w.ctx, { ...s, answerPolicy: { amount: 8, unit: 'arbejdsdage', text: 'Svar inden 8 arbejdsdage.' } }).settings.answerPolicy).toEqual({
      amount: 8, unit: 'arbejdsdage', text: 'Svar inden 8 arbejdsdage.',
    });
    expect(saveDeadlineSettings(w.ctx, { ...s, answerPolicy: null }).settings.answerPolicy).toBeNull();
    expect(thrownAppError(() => saveDeadlineSettings(w.ctx, { ...s, answerPolicy: { amount: 0, unit: 'dage', text: '' } })).fields).toEqual({
      'answerPolicy.amount': 'Svarpolitikkens frist skal være mindst 1, eller slås fra.',
    });
    const audit = w.ctx.db.prepare("SELECT changes FROM audit_log WHERE action = 'Fristindstillinger ændret' ORDER BY id").pluck().all() as string[];
    expect(JSON.parse(audit[0] ?? '[]')).toContainEqual({ field: 'Svarpolitik', before: `14 dage – ${DEFAULT_ANSWER_POLICY.text}`, after: '8 arbejdsdage – Svar inden 8 arbejdsdage.' });
  });
});

describe('a klagepunkt deadline that follows the svarpolitik', () => {
  it('is computed as a local target from the receipt, with no rule, and named as the svarpolitik', () => {
    const k = w.klage('2025-06-02');
    const d = createPointDeadline(w.ctx, input(k.pointId, { ruleId: 'fvl-16-aktindsigt-frist' }));
    // 02.06.2025 + 14 dage; a rule id sent along is not stored.
    expect(d).toMatchObject({ basis: 'svarpolitik', ruleId: null, ruleLabel: LABEL, dueOn: '2025-06-16', kept: null });
    expect(d.explanation.owner).toBe('maal');
    expect(d.explanation.rule).toBeNull();
    expect(d.explanation.lines[0]).toMatch(/^Kommunens svarpolitik \(lokal målsætning\): en målsætning, kommunen selv har sat – ikke en frist i loven\./);
    expect(w.ctx.db.prepare('SELECT basis, rule_id FROM point_deadlines WHERE id = ?').get(d.id)).toEqual({ basis: 'svarpolitik', rule_id: null });
    expect(w.actions(k.caseId)).toContain(`Frist efter svarpolitikken tilføjet: ${LABEL}, frist 16.06.2025`);
    expect(listPointDeadlinesForCase(w.ctx, k.caseId)).toEqual([d]);
  });

  it('moves when the svarpolitik changes, and shows in the Frister overview', () => {
    // Frister looks 3 days ahead here, so the move brings the deadline into view.
    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), lookaheadDays: 3 });
    const k = w.klage('2025-06-02');
    const d = createPointDeadline(w.ctx, input(k.pointId));
    expect(getFristOverview(w.ctx).ahead.concat(getFristOverview(w.ctx).overdue, getFristOverview(w.ctx).dueToday).map((i) => i.title)).not.toContain(`Klagepunkt 1: ${LABEL}`);
    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), answerPolicy: { amount: 10, unit: 'dage', text: '' } });
    const moved = listPointDeadlinesForCase(w.ctx, k.caseId)[0];
    expect(moved?.dueOn).toBe('2025-06-12');
    expect(w.actions(k.caseId)).toContain('Frist genberegnet efter ændrede fristindstillinger: 16.06.2025 → 12.06.2025');
    expect(getFristOverview(w.ctx).ahead.map((i) => i.title)).toContain(`Klagepunkt 1: ${LABEL}`);
    expect(updatePointDeadline(w.ctx, d.id, input(k.pointId, { metOn: '2025-06-10' })).kept).toBe(true);
  });

  it('is refused while the municipality has no svarpolitik; one already stored keeps its date', () => {
    const k = w.klage('2025-06-02');
    const d = createPointDeadline(w.ctx, input(k.pointId));
    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), answerPolicy: null });
    expect(thrownAppError(() => createPointDeadline(w.ctx, input(k.pointId))).fields).toEqual({
      ruleId: 'Kommunen har ingen svarpolitik i indstillingerne (Kalender og frister). Angiv den der, eller vælg en regel.',
    });
    const kept = listPointDeadlinesForCase(w.ctx, k.caseId)[0];
    expect(kept).toMatchObject({ id: d.id, dueOn: '2025-06-16', ruleLabel: LABEL });
    expect(kept?.explanation.lines.join(' ')).toMatch(/ikke længere en svarpolitik i indstillingerne; den registrerede frist 16\.06\.2025 er bevaret/);
    deletePointDeadline(w.ctx, d.id);
    expect(w.actions(k.caseId)).toContain(`Frist efter svarpolitikken slettet: ${LABEL}`);
  });

  it('a rule deadline still needs its rule, and may be switched to the svarpolitik and back', () => {
    const k = w.klage('2025-06-02');
    expect(thrownAppError(() => createPointDeadline(w.ctx, input(k.pointId, { basis: 'regel', ruleId: null }))).fields).toEqual({ ruleId: 'Vælg den regel, fristen følger af.' });
    const d = createPointDeadline(w.ctx, input(k.pointId, { basis: undefined, ruleId: 'ofl-36-frist' }));
    expect(d).toMatchObject({ basis: 'regel', ruleId: 'ofl-36-frist' });
    expect(updatePointDeadline(w.ctx, d.id, input(k.pointId))).toMatchObject({ basis: 'svarpolitik', ruleId: null, ruleLabel: LABEL });
    expect(updatePointDeadline(w.ctx, d.id, input(k.pointId, { basis: 'regel', ruleId: 'ofl-36-frist' }))).toMatchObject({ basis: 'regel', ruleId: 'ofl-36-frist' });
  });
});
