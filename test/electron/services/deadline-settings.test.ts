/** electron/services/deadlines.ts: the settings, their defaults, and the recomputation of open deadlines. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkClosing, getCase, updateCase } from '../../../electron/services/cases';
import { computeDeadlineFor, getDeadlineSettings, saveDeadlineSettings } from '../../../electron/services/deadlines';
import { getKlagefrist, setKlagefrist } from '../../../electron/services/klagefrist';
import { createPointDeadline, listPointDeadlinesForCase as pointDeadlinesFor } from '../../../electron/services/point-deadlines';
import { answerRequest, createRequest, listRequestsForCase as requestsFor } from '../../../electron/services/requests';
import { thrownAppError } from '../../db/helpers';
import { deadlineWorld, type DeadlineWorld } from './deadline-helpers';
import { DEFAULT_ANSWER_POLICY } from '../../../shared/domain/deadline-tracking';

let w: DeadlineWorld;
beforeEach(() => {
  w = deadlineWorld('2025-06-02');
});
afterEach(() => w.app.close());

const due = (caseId: number, column: 'klagefrist_due' | 'target_due') => w.ctx.db.prepare(`SELECT ${column} FROM cases WHERE id = ?`).pluck().get(caseId);

describe('settings', () => {
  it('has the documented defaults on first read, and keeps what is saved', () => {
    expect(getDeadlineSettings(w.ctx)).toEqual({
      requestDefault: { amount: 10, unit: 'arbejdsdage', rollForward: false, profile: 'standard' },
      soonWorkingDays: 2, longOverdueWorkingDays: 10, adviserTarget: null, letterPresumptionWorkingDays: 6, answerPolicy: DEFAULT_ANSWER_POLICY, lookaheadDays: 14, closingDays: [],
    });
    const next = { ...getDeadlineSettings(w.ctx), soonWorkingDays: 3, closingDays: [{ date: '2025-12-29', reason: 'Juleluk' }, { date: '2025-06-06', reason: '' }] };
    const saved = saveDeadlineSettings(w.ctx, next);
    expect(saved.settings.closingDays).toEqual([{ date: '2025-06-06', reason: '' }, { date: '2025-12-29', reason: 'Juleluk' }]);
    expect(getDeadlineSettings(w.ctx)).toEqual(saved.settings);
    expect(saveDeadlineSettings(w.ctx, { ...next, closingDays: [] }).settings.closingDays).toEqual([]);
    // The engine channel uses the municipality's calendar: a closing day moves a local target, never a
    // statutory deadline for the authority (FOB 2021-1, legal-rules.md § b.5).
    saveDeadlineSettings(w.ctx, { ...next, closingDays: [{ date: '2025-06-06', reason: 'Personaledag' }] });
    const statutory = computeDeadlineFor(w.ctx, { from: '2025-05-26', spec: null, ruleId: 'fvl-16-aktindsigt-frist', owner: null });
    expect(statutory).toMatchObject({ due: '2025-06-06', owner: 'myndighed' });
    expect(statutory.lines[0]).toBe('Det er ikke angivet, hvis frist det er, så reglens egen angivelse bruges: lovbestemt frist for myndigheden.');
    expect(statutory.lines).toContain('Kommunens lukkedag 06.06.2025 (Personaledag) ligger i fristens løbetid, men forlænger ikke en lovbestemt frist (FOB 2021-1). Fristen udløber på en lukkedag, 06.06.2025, og flyttes ikke af den grund.');
    expect(computeDeadlineFor(w.ctx, { from: '2025-05-26', spec: null, ruleId: 'fvl-16-aktindsigt-frist', owner: 'maal' }).due).toBe('2025-06-10');
    const seven = { amount: 7, unit: 'arbejdsdage', rollForward: false, profile: 'standard' } as const;
    const noRule = computeDeadlineFor(w.ctx, { from: '2025-05-26', spec: seven, ruleId: null, owner: null });
    expect(noRule).toMatchObject({ due: '2025-06-06', owner: 'myndighed' });
    expect(noRule.lines[0]).toBe('Det er ikke angivet, hvis frist det er, og uden en regel regnes fristen som en lovbestemt frist for myndigheden.');
    // A chosen owner is not announced: the Kalender line names it.
    expect(computeDeadlineFor(w.ctx, { from: '2025-05-26', spec: seven, ruleId: null, owner: 'borger' }).lines[0]).toMatch(/^Fristen er 7 arbejdsdage/);
  });

  it('refuses the same closing day twice and an impossible date, in Danish', () => {
    const e = thrownAppError(() => saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), closingDays: [{ date: '2025-06-06', reason: '' }, { date: '2025-06-06', reason: 'igen' }, { date: '2025-02-30', reason: '' }] }));
    expect(e.fields).toEqual({ 'closingDays.1.date': 'Lukkedagen 06.06.2025 står der allerede.', 'closingDays.2.date': '"2025-02-30" er ikke en gyldig dato.' });
    expect(getDeadlineSettings(w.ctx).closingDays).toEqual([]);
  });
});

describe('recompute on a calendar change', () => {
  it('moves every open local target and logs it on the case; statutory deadlines, the klagefrist, answered, met and closed ones stay', () => {
    const target = { amount: 3, unit: 'uger' as const, rollForward: true, profile: 'standard' as const };
    const first = saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), adviserTarget: target });
    expect(first.recomputed).toBe(0); // switching the target on is one settings change, not a move

    const k = w.klage('2025-05-16');
    const social = w.forvaltning('Social');
    const open = createRequest(w.ctx, { caseId: k.caseId, forvaltningId: social, kind: 'redegoerelse', sentOn: '2025-05-26', spec: null, note: '' });
    const done = createRequest(w.ctx, { caseId: k.caseId, forvaltningId: social, kind: 'akter', sentOn: '2025-05-26', spec: null, note: '' });
    answerRequest(w.ctx, done.id, { answeredOn: '2025-06-02', summary: '', agreed: [] });
    const unmet = createPointDeadline(w.ctx, { pointId: k.pointId, ruleId: 'fvl-16-aktindsigt-frist', startOn: '2025-05-26', metOn: null, note: '' });
    const met = createPointDeadline(w.ctx, { pointId: k.pointId, ruleId: 'ofl-36-frist', startOn: '2025-05-26', metOn: '2025-05-30', note: '' });
    setKlagefrist(w.ctx, k.caseId, { notifiedOn: '2025-05-09', channel: 'digital_post', guidance: 'korrekt', basis: { kind: 'regel', ruleId: 'rsl-67-klagefrist' } });
    // A closed henvendelse keeps its target.
    const closed = w.klage('2025-05-16');
    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), adviserTarget: { ...target, amount: 4 } });
    const c = getCase(w.ctx, closed.caseId);
    updateCase(w.ctx, closed.caseId, c.version, { ...c, citizen: { ...c.citizen, cpr: null }, status: 'afsluttet', closedOn: '2025-06-02' } as never, checkClosing(w.ctx, closed.caseId).map((i) => i.key));
    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), adviserTarget: target });

    expect([open.dueOn, unmet.dueOn, due(k.caseId, 'klagefrist_due'), due(k.caseId, 'target_due'), due(closed.caseId, 'target_due')]).toEqual([
      '2025-06-12', '2025-06-06', '2025-06-06', '2025-06-06', '2025-06-13',
    ]);

    // A closing day moves the local targets (the request's svarfrist, the own target); the statutory
    // deadline (owner myndighed, FOB 2021-1) and the citizen's klagefrist (owner borger) stay.
    const result = saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), closingDays: [{ date: '2025-06-06', reason: 'Personaledag' }] });
    expect(result.recomputed).toBe(2);
    const [openAfter, doneAfter] = requestsFor(w.ctx, k.caseId);
    expect(openAfter?.dueOn).toBe('2025-06-13');
    expect(doneAfter).toMatchObject({ dueOn: '2025-06-12', verdict: { onTime: true, workingDaysUsed: 4, daysLate: 0 } }); // 27, 28, 30.05 and 02.06 (29.05 Kristi himmelfartsdag)
    expect(pointDeadlinesFor(w.ctx, k.caseId).map((d) => [d.ruleId, d.dueOn, d.kept])).toEqual([
      ['fvl-16-aktindsigt-frist', '2025-06-06', null],
      ['ofl-36-frist', '2025-06-06', true],
    ]);
    expect(met.dueOn).toBe('2025-06-06');
    expect(due(k.caseId, 'klagefrist_due')).toBe('2025-06-06');
    expect(getKlagefrist(w.ctx, k.caseId).klagefrist?.dueOn).toBe('2025-06-06');
    expect(due(k.caseId, 'target_due')).toBe('2025-06-10');
    expect(due(closed.caseId, 'target_due')).toBe('2025-06-13');

    const log = w.ctx.db
      .prepare("SELECT action, changes FROM audit_log WHERE case_id = ? AND action LIKE 'Frist genberegnet%' ORDER BY id")
      .all(k.caseId) as Array<{ action: string; changes: string }>;
    expect(log.map((l) => [l.action, (JSON.parse(l.changes) as Array<{ field: string }>)[0]?.field])).toEqual([
      // The target is stored when the case is created, so changing it to 4 uger and back to 3 uger
      // while the case was open are both logged moves.
      ['Frist genberegnet efter ændrede fristindstillinger: 06.06.2025 → 13.06.2025', 'Eget mål'],
      ['Frist genberegnet efter ændrede fristindstillinger: 13.06.2025 → 06.06.2025', 'Eget mål'],
      ['Frist genberegnet efter ændret kalender: 12.06.2025 → 13.06.2025', 'Anmodning til Social (redegørelse)'],
      ['Frist genberegnet efter ændret kalender: 06.06.2025 → 10.06.2025', 'Eget mål'],
    ]);
    // The closed case's target moved once while it was still open (3 → 4 uger); after closing, never.
    expect(w.ctx.db.prepare("SELECT action FROM audit_log WHERE case_id = ? AND action LIKE 'Frist genberegnet%'").pluck().all(closed.caseId)).toEqual([
      'Frist genberegnet efter ændrede fristindstillinger: 06.06.2025 → 13.06.2025',
    ]);
    expect(w.ctx.db.prepare("SELECT action FROM audit_log WHERE entity = 'settings' ORDER BY id DESC LIMIT 1").pluck().get()).toBe('Fristindstillinger ændret');

    // Saving the same settings again moves nothing.
    expect(saveDeadlineSettings(w.ctx, getDeadlineSettings(w.ctx)).recomputed).toBe(0);
  });
});

describe('the stored own target follows the henvendelse', () => {
  it('is stored when a case is created and moves when its receipt date is edited', () => {
    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), adviserTarget: { amount: 15, unit: 'arbejdsdage', rollForward: false, profile: 'standard' } });
    const { caseId } = w.klage('2025-05-01');
    // 15 arbejdsdage after Thursday 01.05.2025 (weekends skipped): Thursday 22.05.2025.
    expect(due(caseId, 'target_due')).toBe('2025-05-22');
    const c = getCase(w.ctx, caseId);
    const { id: _i, version, createdAt: _c, updatedAt: _u, citizen, points, ...rest } = c;
    updateCase(w.ctx, caseId, version, {
      ...rest,
      receivedOn: '2025-05-02',
      citizen: { name: citizen.name, address: citizen.address, phone: citizen.phone, email: citizen.email, cpr: null },
      points: points.map((p) => ({ ...p })),
    });
    expect(due(caseId, 'target_due')).toBe('2025-05-23');
  });
});
