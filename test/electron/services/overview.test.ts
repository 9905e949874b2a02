/** electron/services/deadlines.ts overview(): the Frister view across requests, klagefrister, lovfrister and targets. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertAdviser } from '../../../db/queries/catalog';
import { checkClosing, createCase, getCase, updateCase } from '../../../electron/services/cases';
import { thrownAppError } from '../../db/helpers';
import { createRecommendation, updateRecommendation } from '../../../electron/services/recommendations';
import { caseInput } from '../../db/helpers';
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
  it('sorts items into overdue, due today and the next 14 days, by due date, with counts per forvaltning', () => {
    const social = w.forvaltning('Social');
    const besk = w.forvaltning('Beskæftigelse');
    const a = w.klage('2025-05-01', '2025-0001');
    const b = w.klage('2025-05-01', '2025-0002');
    const req = (caseId: number, forvaltningId: number, sentOn: string) => createRequest(w.ctx, { caseId, forvaltningId, kind: 'redegoerelse', sentOn, spec: null, note: '' });
    req(a.caseId, social, '2025-06-02'); // → 18.06.2025 (grundlovsdag and 2. pinsedag skipped): due today
    req(b.caseId, social, '2025-05-19'); // → 03.06.2025: overdue
    req(a.caseId, besk, '2025-06-05'); // → 20.06.2025: within the 14 days
    req(b.caseId, besk, '2025-06-11'); // → 25.06.2025: next week, within the 14 days
    answerRequest(w.ctx, req(b.caseId, besk, '2025-05-19').id, { answeredOn: '2025-06-10', summary: '', agreed: [] }); // answered: not in the view
    setKlagefrist(w.ctx, a.caseId, { notifiedOn: '2025-05-22', channel: 'digital_post', guidance: 'korrekt', basis: { kind: 'regel', ruleId: 'rsl-67-klagefrist' } }); // → 19.06.2025
    createPointDeadline(w.ctx, { pointId: b.pointId, ruleId: 'fvl-16-aktindsigt-frist', startOn: '2025-06-10', metOn: null, note: '' }); // → 19.06.2025
    createPointDeadline(w.ctx, { pointId: b.pointId, ruleId: 'ofl-36-frist', startOn: '2025-06-02', metOn: '2025-06-05', note: '' }); // met: not shown
    // A closed case's klagefrist is no longer the adviser's concern.
    const closed = w.klage('2025-05-01', '2025-0003');
    setKlagefrist(w.ctx, closed.caseId, { notifiedOn: '2025-05-22', channel: 'digital_post', guidance: 'korrekt', basis: { kind: 'regel', ruleId: 'rsl-67-klagefrist' } });
    const c = getCase(w.ctx, closed.caseId);
    updateCase(w.ctx, closed.caseId, c.version, { ...c, citizen: { ...c.citizen, cpr: null }, status: 'afsluttet', closedOn: '2025-06-02' } as never, checkClosing(w.ctx, closed.caseId).map((i) => i.key));

    const o = getFristOverview(w.ctx);
    const line = (i: { kind: string; sagsnr: string; dueOn: string; state: string }) => `${i.dueOn} ${i.sagsnr} ${i.kind} ${i.state}`;
    expect(o.today).toBe('2025-06-18');
    expect(o.overdue.map(line)).toEqual(['2025-06-03 2025-0002 anmodning overskredet']);
    expect(o.dueToday.map(line)).toEqual(['2025-06-18 2025-0001 anmodning snart']);
    expect(o.lookaheadDays).toBe(14);
    expect(o.ahead.map(line)).toEqual([
      '2025-06-19 2025-0001 klagefrist snart',
      '2025-06-19 2025-0002 lovfrist snart',
      '2025-06-20 2025-0001 anmodning snart',
      '2025-06-25 2025-0002 anmodning afventer',
    ]);
    expect(o.ahead[1]).toMatchObject({ title: 'Klagepunkt 1: FVL § 16, stk. 2 – Frist for svar på partsaktindsigt (fristbrev) (ikke fuldt verificeret)', forvaltning: 'Beskæftigelse' });
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

  it('looks ahead 14 days by default: today + 14 is in, today + 15 is not; the setting changes it', () => {
    const k = w.klage('2025-05-01', '2025-0001');
    const social = w.forvaltning('Social');
    const req = (amount: number) =>
      createRequest(w.ctx, { caseId: k.caseId, forvaltningId: social, kind: 'redegoerelse', sentOn: '2025-06-18', spec: { amount, unit: 'dage', rollForward: false, profile: 'standard' }, note: '' }).dueOn;
    // Calendar days from today, Wednesday 18.06.2025: + 14 = 02.07.2025, + 15 = 03.07.2025.
    expect([req(14), req(15), req(30)]).toEqual(['2025-07-02', '2025-07-03', '2025-07-18']);
    const dues = () => getFristOverview(w.ctx).ahead.map((i) => i.dueOn);
    expect(dues()).toContain('2025-07-02');
    expect(dues()).not.toContain('2025-07-03');
    expect(dues()).not.toContain('2025-07-18');

    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), lookaheadDays: 30 });
    const o = getFristOverview(w.ctx);
    expect(o.lookaheadDays).toBe(30);
    expect(o.ahead.map((i) => i.dueOn)).toEqual(['2025-07-02', '2025-07-03', '2025-07-18']);
    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), lookaheadDays: 1 });
    expect(getFristOverview(w.ctx).ahead).toEqual([]);
  });

  it('refuses a lookahead outside 1–90 days in Danish, and logs a change', () => {
    for (const lookaheadDays of [0, 91, 2.5]) {
      expect(() => saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), lookaheadDays })).toThrow(
        expect.objectContaining({ fields: { lookaheadDays: 'Skriv et helt antal dage fra 1 til 90.' } }),
      );
    }
    expect(getDeadlineSettings(w.ctx).lookaheadDays).toBe(14);
    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), lookaheadDays: 90 });
    expect(getDeadlineSettings(w.ctx).lookaheadDays).toBe(90);
    const change = w.ctx.db.prepare("SELECT changes FROM audit_log WHERE action = 'Fristindstillinger ændret'").pluck().get() as string;
    expect(JSON.parse(change)).toContainEqual({ field: 'Frister: dage frem', before: '14', after: '90' });
  });

  it("lists a henstilling's follow-up date while it awaits an answer, as its own kind", () => {
    const k = w.klage('2025-05-01', '2025-0001');
    const social = w.forvaltning('Social');
    const input = {
      caseId: k.caseId, pointId: k.pointId, forvaltningId: social, text: 'Forvaltningen bør  genoptage sagen og træffe en ny afgørelse med en begrundelse, der opfylder forvaltningslovens krav.',
      givenOn: '2025-06-02', status: 'afventer' as const, statusOn: null, answer: '', followUpOn: '2025-06-23',
    };
    const r = createRecommendation(w.ctx, input);
    createRecommendation(w.ctx, { ...input, followUpOn: null }); // no follow-up date: nothing to list
    createRecommendation(w.ctx, { ...input, followUpOn: '2025-06-10', status: 'fulgt', statusOn: '2025-06-12' }); // answered
    const o = getFristOverview(w.ctx);
    expect(o.ahead).toEqual([{
      kind: 'henstilling', caseId: k.caseId, sagsnr: '2025-0001', forvaltning: 'Social', dueOn: '2025-06-23', state: 'afventer',
      title: 'Opfølgning på henstilling af 02.06.2025 (klagepunkt 1): Forvaltningen bør genoptage sagen og træffe en ny afgørelse …',
    }]);
    expect(o.byForvaltning).toEqual([{ forvaltningId: social, forvaltning: 'Social', open: 1, overdue: 0 }]);
    w.setToday('2025-06-24');
    expect(getFristOverview(w.ctx).overdue.map((i) => `${i.kind} ${i.state}`)).toEqual(['henstilling overskredet']);
    updateRecommendation(w.ctx, r.id, { ...input, status: 'ikke_fulgt', statusOn: '2025-06-24' });
    expect(getFristOverview(w.ctx).overdue).toEqual([]);
  });

  it('drops every item of a closed henvendelse: requests, statutory deadlines, klagefrist, target and follow-ups', () => {
    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), adviserTarget: { amount: 4, unit: 'uger', rollForward: false, profile: 'standard' } });
    const k = w.klage('2025-06-02', '2025-0001');
    const social = w.forvaltning('Social');
    createRequest(w.ctx, { caseId: k.caseId, forvaltningId: social, kind: 'redegoerelse', sentOn: '2025-06-02', spec: null, note: '' });
    createPointDeadline(w.ctx, { pointId: k.pointId, ruleId: 'fvl-16-aktindsigt-frist', startOn: '2025-06-10', metOn: null, note: '' });
    setKlagefrist(w.ctx, k.caseId, { notifiedOn: '2025-05-22', channel: 'digital_post', guidance: 'korrekt', basis: { kind: 'regel', ruleId: 'rsl-67-klagefrist' } });
    createRecommendation(w.ctx, { caseId: k.caseId, pointId: null, forvaltningId: social, text: 'Svar borgeren.', givenOn: '2025-06-02', status: 'afventer', statusOn: null, answer: '', followUpOn: '2025-06-20' });
    const all = () => { const o = getFristOverview(w.ctx); return [...o.overdue, ...o.dueToday, ...o.ahead].map((i) => i.kind).sort(); };
    expect(all()).toEqual(['anmodning', 'eget_maal', 'henstilling', 'klagefrist', 'lovfrist']);
    const c = getCase(w.ctx, k.caseId);
    const input = { ...c, citizen: { ...c.citizen, cpr: null }, status: 'afsluttet', closedOn: '2025-06-17' } as never;
    // Closing with the request, the deadline and the henstilling still open takes acknowledging each.
    const open = checkClosing(w.ctx, k.caseId);
    expect(open.map((i) => i.kind).sort()).toEqual(['anmodning', 'henstilling', 'lovfrist', 'udfald_mangler']);
    expect(thrownAppError(() => updateCase(w.ctx, k.caseId, c.version, input))?.code).toBe('conflict');
    expect(all()).toEqual(['anmodning', 'eget_maal', 'henstilling', 'klagefrist', 'lovfrist']);
    updateCase(w.ctx, k.caseId, c.version, input, open.map((i) => i.key));
    expect(all()).toEqual([]);
    expect(getFristOverview(w.ctx).byForvaltning).toEqual([]);
  });

  it("filters by adviser: only the henvendelser assigned to that adviser", () => {
    const at = '2025-06-01T00:00:00.000Z';
    const mette = insertAdviser(w.ctx.db, { name: 'Mette Madsen', initials: 'MM', email: '' }, at);
    const jens = insertAdviser(w.ctx.db, { name: 'Jens Jensen', initials: 'JJ', email: '' }, at);
    const social = w.forvaltning('Social');
    const make = (sagsnr: string, adviserId: number | null) => {
      const c = createCase(w.ctx, caseInput(w.ctx.db, { receivedOn: '2025-05-01', sagsnr, adviserId }));
      createRequest(w.ctx, { caseId: c.id, forvaltningId: social, kind: 'redegoerelse', sentOn: '2025-06-11', spec: null, note: '' });
      createRecommendation(w.ctx, { caseId: c.id, pointId: null, forvaltningId: social, text: 'Svar borgeren.', givenOn: '2025-06-02', status: 'afventer', statusOn: null, answer: '', followUpOn: '2025-06-16' });
    };
    make('2025-0001', mette);
    make('2025-0002', jens);
    make('2025-0003', null);
    const cases = (adviserId: number | null) => {
      const o = getFristOverview(w.ctx, { adviserId });
      return [...new Set([...o.overdue, ...o.dueToday, ...o.ahead].map((i) => i.sagsnr))];
    };
    expect(cases(null)).toEqual(['2025-0001', '2025-0002', '2025-0003']);
    expect(cases(mette)).toEqual(['2025-0001']);
    expect(cases(jens)).toEqual(['2025-0002']);
    expect(getFristOverview(w.ctx, { adviserId: mette }).byForvaltning).toEqual([{ forvaltningId: social, forvaltning: 'Social', open: 2, overdue: 1 }]);
  });
});
