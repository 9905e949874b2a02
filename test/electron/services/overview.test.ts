/** electron/services/deadlines.ts overview(): the Frister view across requests, klagefrister, lovfrister and targets. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCase, updateCase } from '../../../electron/services/cases';
import { getDeadlineSettings, getFristOverview, saveDeadlineSettings, startupNotice } from '../../../electron/services/deadlines';
import { setKlagefrist } from '../../../electron/services/klagefrist';
import { createPointDeadline } from '../../../electron/services/point-deadlines';
import { answerRequest, createRequest } from '../../../electron/services/requests';
import { deadlineWorld, type DeadlineWorld } from './deadline-helpers';

let w: DeadlineWorld;
// Wednesday 18.06.2025: the week runs through Sunday 22.06.2025.
beforeEach(() => {
  w = deadlineWorld('2025-06-18');
});
afterEach(() => w.app.close());

describe('overview', () => {
  it('sorts items into overdue, due today and this week, by due date, with counts per forvaltning', () => {
    const social = w.forvaltning('Social');
    const besk = w.forvaltning('Beskæftigelse');
    const a = w.klage('2025-05-01', '2025-0001');
    const b = w.klage('2025-05-01', '2025-0002');
    const req = (caseId: number, forvaltningId: number, sentOn: string) => createRequest(w.ctx, { caseId, forvaltningId, kind: 'redegoerelse', sentOn, spec: null, note: '' });
    req(a.caseId, social, '2025-06-02'); // → 18.06.2025 (grundlovsdag and 2. pinsedag skipped): due today
    req(b.caseId, social, '2025-05-19'); // → 03.06.2025: overdue
    req(a.caseId, besk, '2025-06-05'); // → 20.06.2025: this week
    req(b.caseId, besk, '2025-06-11'); // → 25.06.2025: next week, open only
    answerRequest(w.ctx, req(b.caseId, besk, '2025-05-19').id, '2025-06-10'); // answered: not in the view
    setKlagefrist(w.ctx, a.caseId, { notifiedOn: '2025-05-22', channel: 'digital_post', guidance: 'korrekt', basis: { kind: 'regel', ruleId: 'rsl-67-klagefrist' } }); // → 19.06.2025
    createPointDeadline(w.ctx, { pointId: b.pointId, ruleId: 'fvl-16-aktindsigt-frist', startOn: '2025-06-10', metOn: null, note: '' }); // → 19.06.2025
    createPointDeadline(w.ctx, { pointId: b.pointId, ruleId: 'ofl-36-frist', startOn: '2025-06-02', metOn: '2025-06-05', note: '' }); // met: not shown
    // A closed case's klagefrist is no longer the adviser's concern.
    const closed = w.klage('2025-05-01', '2025-0003');
    setKlagefrist(w.ctx, closed.caseId, { notifiedOn: '2025-05-22', channel: 'digital_post', guidance: 'korrekt', basis: { kind: 'regel', ruleId: 'rsl-67-klagefrist' } });
    const c = getCase(w.ctx, closed.caseId);
    updateCase(w.ctx, closed.caseId, c.version, { ...c, citizen: { ...c.citizen, cpr: null }, status: 'afsluttet', closedOn: '2025-06-02' } as never);

    const o = getFristOverview(w.ctx);
    const line = (i: { kind: string; sagsnr: string; dueOn: string; state: string }) => `${i.dueOn} ${i.sagsnr} ${i.kind} ${i.state}`;
    expect(o.today).toBe('2025-06-18');
    expect(o.overdue.map(line)).toEqual(['2025-06-03 2025-0002 anmodning overskredet']);
    expect(o.dueToday.map(line)).toEqual(['2025-06-18 2025-0001 anmodning snart']);
    expect(o.thisWeek.map(line)).toEqual([
      '2025-06-19 2025-0001 klagefrist snart',
      '2025-06-19 2025-0002 lovfrist snart',
      '2025-06-20 2025-0001 anmodning snart',
    ]);
    expect(o.thisWeek[1]).toMatchObject({ title: 'Klagepunkt 1: FVL § 16, stk. 2 – Frist for svar på partsaktindsigt (fristbrev) (ikke fuldt verificeret)', forvaltning: 'Beskæftigelse' });
    expect(o.byForvaltning).toEqual([
      { forvaltningId: social, forvaltning: 'Social', open: 2, overdue: 1 },
      { forvaltningId: besk, forvaltning: 'Beskæftigelse', open: 3, overdue: 0 },
    ]);
    expect(startupNotice(o)).toEqual({ title: 'Ombud – frister i dag', body: '1 frist udløber i dag, og 1 frist er overskredet. I dag: 2025-0001. Se Frister i Ombud.' });
  });

  it("includes the adviser's target of open cases, and nothing when nothing is due", () => {
    expect(startupNotice(getFristOverview(w.ctx))).toBeNull();
    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), adviserTarget: { amount: 4, unit: 'uger', rollForward: false, profile: 'standard' } });
    w.klage('2025-05-21', '2025-0009'); // target 18.06.2025, computed even though created after the setting
    const o = getFristOverview(w.ctx);
    expect(o.dueToday).toEqual([{ kind: 'eget_maal', caseId: expect.any(Number), sagsnr: '2025-0009', title: 'Eget mål for henvendelsen', forvaltning: null, dueOn: '2025-06-18', state: 'snart' }]);
  });
});
