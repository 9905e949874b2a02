/** electron/services/requests.ts: requests to a forvaltning, their states, rykkere, extensions, pauses and frozen verdicts. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestInput } from '../../../shared/domain/deadline-tracking';
import { saveDeadlineSettings, getDeadlineSettings } from '../../../electron/services/deadlines';
import { answerRequest, closeRequest, createRequest, extendRequest, listRequestsForCase, pauseRequest, remindRequest } from '../../../electron/services/requests';
import { createCase, getCase, getCaseHistory, updateCase } from '../../../electron/services/cases';
import { caseInput } from '../../db/helpers';
import { thrownAppError } from '../../db/helpers';
import { deadlineWorld, type DeadlineWorld } from './deadline-helpers';

let w: DeadlineWorld;
beforeEach(() => {
  w = deadlineWorld('2025-04-01');
});
afterEach(() => w.app.close());

/** A redegørelse from Social sent Monday 03.03.2025 (default: 10 arbejdsdage → Monday 17.03.2025). */
function request(o: Partial<RequestInput> = {}) {
  const k = w.klage('2025-03-01');
  const r = createRequest(w.ctx, { caseId: k.caseId, forvaltningId: w.forvaltning('Social'), kind: 'redegoerelse', sentOn: '2025-03-03', spec: null, note: '', ...o, ...(o.caseId ? {} : { caseId: k.caseId }) });
  return { k, r };
}

/** The same henvendelse with its status set by the adviser, so a request does not move it. */
function byHand<K extends { caseId: number }>(k: K): K {
  const c = getCase(w.ctx, k.caseId);
  updateCase(w.ctx, k.caseId, c.version, { ...c, citizen: { ...c.citizen, cpr: null }, statusManual: true } as never);
  return k;
}

describe('create', () => {
  it('uses the default spec from the settings, with its explanation, and logs the request', () => {
    const { k, r } = request();
    expect(r).toMatchObject({
      sagsnr: k.sagsnr, forvaltning: 'Social', kind: 'redegoerelse', sentOn: '2025-03-03', dueOn: '2025-03-17',
      spec: { amount: 10, unit: 'arbejdsdage', rollForward: false, profile: 'standard' }, state: 'laenge_overskredet', verdict: null, nextReminderLevel: 1,
    });
    expect(r.explanation.lines.at(-1)).toBe('Fristen udløber mandag 17.03.2025.');
    expect(w.actions(k.caseId)).toContain('Anmodning til Social (redegørelse): sendt 03.03.2025, svarfrist 17.03.2025');
    expect(listRequestsForCase(w.ctx, k.caseId)).toEqual([r]);
  });

  it('moves the henvendelse\'s "senest ændret" but not its version, when a request is added or answered', () => {
    // A status set by hand: the request itself leaves the case's fields alone (case-status.test.ts covers the status that follows).
    const k = byHand(w.klage('2025-03-01'));
    const before = getCase(w.ctx, k.caseId);
    w.setToday('2025-04-02');
    const r = createRequest(w.ctx, { caseId: k.caseId, forvaltningId: w.forvaltning('Social'), kind: 'redegoerelse', sentOn: '2025-03-03', spec: null, note: '' });
    const after = getCase(w.ctx, k.caseId);
    expect(after.updatedAt).toBe('2025-04-02T10:00:00.000Z');
    expect(after.updatedAt > before.updatedAt).toBe(true);
    expect(after.version).toBe(before.version);
    w.setToday('2025-04-03');
    answerRequest(w.ctx, r.id, { answeredOn: '2025-04-03', summary: '', agreed: [] });
    expect(getCase(w.ctx, k.caseId).updatedAt).toBe('2025-04-03T10:00:00.000Z');
  });

  it('takes a custom spec per request', () => {
    const { r } = request({ spec: { amount: 4, unit: 'uger', rollForward: true, profile: 'standard' }, kind: 'akter' });
    expect(r.dueOn).toBe('2025-03-31');
    expect(r.spec.unit).toBe('uger');
  });

  it('refuses a date before the henvendelse, in the future, and an unknown forvaltning, in Danish', () => {
    const k = w.klage('2025-03-10');
    const e = thrownAppError(() => createRequest(w.ctx, { caseId: k.caseId, forvaltningId: 9999, kind: 'udtalelse', sentOn: '2025-03-03', spec: null, note: '' }));
    expect(e.fields).toMatchObject({ forvaltningId: 'Forvaltningen findes ikke.', sentOn: 'Anmodningen kan ikke være sendt, før henvendelsen blev modtaget 10.03.2025.' });
    const f = thrownAppError(() => createRequest(w.ctx, { caseId: k.caseId, forvaltningId: w.forvaltning('Social'), kind: 'udtalelse', sentOn: '2025-04-02', spec: null, note: '' }));
    expect(f.fields?.['sentOn']).toBe('Afsendelsesdatoen kan ikke ligge i fremtiden.');
  });
});

describe('states across a fixed clock', () => {
  it('afventer → snart → overskredet → længe overskredet, per the settings', () => {
    const { k } = request();
    const state = (today: string) => {
      w.setToday(today);
      return listRequestsForCase(w.ctx, k.caseId)[0]?.state;
    };
    expect(state('2025-03-10')).toBe('afventer'); // 5 working days left
    expect(state('2025-03-13')).toBe('snart'); // 14.03 and 17.03: 2 working days left
    expect(state('2025-03-17')).toBe('snart');
    expect(state('2025-03-18')).toBe('overskredet');
    expect(state('2025-03-28')).toBe('overskredet'); // 9 working days after
    expect(state('2025-03-31')).toBe('laenge_overskredet'); // the 10th
    w.setToday('2025-04-01');
    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), soonWorkingDays: 5, longOverdueWorkingDays: 20 });
    expect(state('2025-03-10')).toBe('snart');
    expect(state('2025-03-31')).toBe('overskredet');
  });
});

describe('rykkere', () => {
  it('records each level once, in order, with a Danish error for an impossible date', () => {
    const { k, r } = request();
    expect(remindRequest(w.ctx, r.id, '2025-03-18', 'Første rykker').nextReminderLevel).toBe(2);
    const second = remindRequest(w.ctx, r.id, '2025-03-25', '');
    expect(second.events.map((e) => [e.kind, e.level, e.onDate])).toEqual([['rykker', 1, '2025-03-18'], ['rykker', 2, '2025-03-25']]);
    expect(second.nextReminderLevel).toBe(3);
    expect(thrownAppError(() => remindRequest(w.ctx, r.id, '2025-03-20', '')).fields?.['on']).toBe('Rykker 3 kan ikke være sendt før rykker 2 (25.03.2025).');
    // The unique index stands behind the service: a second level 1 is refused by the database too.
    expect(() => w.ctx.db.prepare("INSERT INTO request_events (request_id, kind, on_date, level, reason, created_at) VALUES (?, 'rykker', '2025-03-26', 1, '', 'x')").run(r.id)).toThrow(/UNIQUE/);
    expect(w.actions(k.caseId)).toContain('Anmodning til Social (redegørelse): rykker 1 sendt 18.03.2025 – Første rykker');
    // Recorded as old → new like every other change: nothing → the reminder's date and note.
    const changes = w.ctx.db.prepare("SELECT changes FROM audit_log WHERE action LIKE '%rykker 2 sendt%'").pluck().get() as string;
    expect(JSON.parse(changes)).toEqual([{ field: 'Rykker 2', before: '', after: '25.03.2025' }]);
  });
});

describe('extensions and pauses', () => {
  it('extends by a date and by units, logging old → new with the reason', () => {
    const { k, r } = request();
    const byDate = extendRequest(w.ctx, r.id, { granted: '2025-03-12', newDue: '2025-03-26', add: null, reason: 'Sagen er omfattende' });
    expect(byDate.dueOn).toBe('2025-03-26');
    const byUnits = extendRequest(w.ctx, r.id, { granted: '2025-03-20', newDue: null, add: { amount: 5, unit: 'arbejdsdage' }, reason: 'Sygdom' });
    expect(byUnits.dueOn).toBe('2025-04-02');
    expect(byUnits.events.map((e) => e.oldDue)).toEqual(['2025-03-17', '2025-03-26']);
    const actions = w.actions(k.caseId);
    expect(actions).toContain('Anmodning til Social (redegørelse): frist forlænget 17.03.2025 → 26.03.2025 – begrundelse: Sagen er omfattende');
    expect(actions).toContain('Anmodning til Social (redegørelse): frist forlænget 26.03.2025 → 02.04.2025 – begrundelse: Sygdom');
    const e = thrownAppError(() => extendRequest(w.ctx, r.id, { granted: '2025-03-21', newDue: '2025-03-20', add: null, reason: ' ' }));
    expect(e.fields).toEqual({ newDue: 'Den nye frist skal ligge efter den nuværende frist 02.04.2025.', reason: 'Skriv en begrundelse for forlængelsen.' });
  });

  it('a pause moves the deadline by the working days paused', () => {
    const { k, r } = request();
    const paused = pauseRequest(w.ctx, r.id, '2025-03-05', '2025-03-07', 'Afventer lægeerklæring');
    expect(paused.dueOn).toBe('2025-03-20');
    expect(paused.events[0]).toMatchObject({ kind: 'pause', onDate: '2025-03-05', pauseTo: '2025-03-07', oldDue: '2025-03-17' });
    expect(w.actions(k.caseId)).toContain('Anmodning til Social (redegørelse): pause 05.03.2025–07.03.2025, frist 17.03.2025 → 20.03.2025 – begrundelse: Afventer lægeerklæring');
    expect(thrownAppError(() => pauseRequest(w.ctx, r.id, '2025-03-07', '2025-03-05', 'x')).fields).toEqual({ to: 'Pausen kan ikke slutte, før den begynder.' });
  });
});

describe('answer and close', () => {
  it('freezes the verdict; a later closing day moves open requests but not the answered one', () => {
    const { k, r } = request();
    const late = answerRequest(w.ctx, r.id, { answeredOn: '2025-03-19', summary: '', agreed: [] });
    expect(late).toMatchObject({ state: 'besvaret', answeredOn: '2025-03-19', verdict: { onTime: false, workingDaysUsed: 12, daysLate: 2 } });
    const open = createRequest(w.ctx, { caseId: k.caseId, forvaltningId: w.forvaltning('Beskæftigelse'), kind: 'akter', sentOn: '2025-03-24', spec: null, note: '' });
    expect(open.dueOn).toBe('2025-04-07');

    const saved = saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), closingDays: [{ date: '2025-03-18', reason: 'Personaledag' }, { date: '2025-03-25', reason: 'Flytning' }] });
    expect(saved.recomputed).toBe(1);
    const [answered, moved] = listRequestsForCase(w.ctx, k.caseId);
    expect(answered).toMatchObject({ dueOn: '2025-03-17', verdict: { onTime: false, workingDaysUsed: 12, daysLate: 2 } });
    expect(moved?.dueOn).toBe('2025-04-08');
    expect(w.actions(k.caseId)).toContain('Frist genberegnet efter ændret kalender: 07.04.2025 → 08.04.2025');
    expect(thrownAppError(() => remindRequest(w.ctx, r.id, '2025-03-20', '')).message).toBe('Anmodningen er besvaret 19.03.2025 og kan ikke ændres.');
  });

  it('an answer on time has 0 days late; closing needs a reason and gives state lukket', () => {
    const { r } = request();
    expect(answerRequest(w.ctx, r.id, { answeredOn: '2025-03-14', summary: '', agreed: [] }).verdict).toEqual({ onTime: true, workingDaysUsed: 9, daysLate: 0 });
    const other = request().r;
    expect(thrownAppError(() => closeRequest(w.ctx, other.id, '2025-03-20', '')).fields).toEqual({ reason: 'Skriv hvorfor anmodningen lukkes uden svar.' });
    expect(closeRequest(w.ctx, other.id, '2025-03-20', 'Borgeren trak klagen')).toMatchObject({ state: 'lukket', closedOn: '2025-03-20', verdict: { onTime: false, daysLate: 3 } });
  });
});

describe('answer content', () => {
  it('stores the summary on the request and the agreement on the klagepunkt, with a history line, in one write', () => {
    const k = byHand(w.klage('2025-03-01'));
    const besk = w.forvaltning('Beskæftigelse');
    const r = createRequest(w.ctx, { caseId: k.caseId, forvaltningId: besk, kind: 'redegoerelse', sentOn: '2025-03-03', spec: null, note: '' });
    const before = getCase(w.ctx, k.caseId);
    expect(before.points[0]?.forvaltningAgreed).toBeNull();
    const answered = answerRequest(w.ctx, r.id, {
      answeredOn: '2025-03-14', summary: '  Jobcentret erkender, at partshøring manglede.  ', agreed: [{ pointId: k.pointId, agreed: 'ja' }],
    });
    expect(answered.answerSummary).toBe('Jobcentret erkender, at partshøring manglede.');
    expect(listRequestsForCase(w.ctx, k.caseId)[0]?.answerSummary).toBe('Jobcentret erkender, at partshøring manglede.');
    const after = getCase(w.ctx, k.caseId);
    expect(after.points[0]?.forvaltningAgreed).toBe(true);
    // A field of the case form changed: a form opened before the answer must not save the old value back.
    expect(after.version).toBe(before.version + 1);
    const entry = getCaseHistory(w.ctx, k.caseId)[0];
    expect(entry?.action).toMatch(/^Anmodning til Beskæftigelse \(redegørelse\): besvaret 14\.03\.2025/);
    expect(entry?.changes).toEqual([
      { field: 'Forvaltningens svar', before: '', after: 'Jobcentret erkender, at partshøring manglede.' },
      { field: 'Klagepunkt 1: Forvaltningen erkendte fejl', before: 'ukendt', after: 'ja' },
    ]);
  });

  it('leaves the klagepunkt and the version alone when the agreement is unchanged ("ukendt" stays unknown)', () => {
    const k = byHand(w.klage('2025-03-01'));
    const r = createRequest(w.ctx, { caseId: k.caseId, forvaltningId: w.forvaltning('Beskæftigelse'), kind: 'redegoerelse', sentOn: '2025-03-03', spec: null, note: '' });
    const before = getCase(w.ctx, k.caseId);
    const answered = answerRequest(w.ctx, r.id, { answeredOn: '2025-03-14', summary: '', agreed: [{ pointId: k.pointId, agreed: 'ukendt' }] });
    expect(answered.answerSummary).toBe('');
    expect(getCase(w.ctx, k.caseId).version).toBe(before.version);
    expect(getCaseHistory(w.ctx, k.caseId)[0]?.changes).toEqual([]);
  });

  it('refuses an agreement on a klagepunkt of another forvaltning, and stores nothing', () => {
    const k = w.klage('2025-03-01');
    const r = createRequest(w.ctx, { caseId: k.caseId, forvaltningId: w.forvaltning('Social'), kind: 'redegoerelse', sentOn: '2025-03-03', spec: null, note: '' });
    const e = thrownAppError(() => answerRequest(w.ctx, r.id, { answeredOn: '2025-03-14', summary: 'Svar', agreed: [{ pointId: k.pointId, agreed: 'nej' }] }));
    expect(e.fields).toEqual({ 'agreed.0': 'Anmodningen til Social angår ikke dette klagepunkt.' });
    expect(listRequestsForCase(w.ctx, k.caseId)[0]).toMatchObject({ answeredOn: null, answerSummary: '' });
    expect(getCase(w.ctx, k.caseId).points[0]?.forvaltningAgreed).toBeNull();
  });

  it('a request closed without answer has no summary', () => {
    const { r } = request();
    expect(closeRequest(w.ctx, r.id, '2025-03-20', 'Sagen er genoptaget').answerSummary).toBe('');
  });
});

describe('a fixed due date', () => {
  it('takes the date instead of a count, says so in the Beregning and the history, and a calendar change never moves it', () => {
    const { k, r } = request({ explicitDue: '2025-03-31' });
    expect(r).toMatchObject({ dueOn: '2025-03-31', explicitDue: '2025-03-31' });
    expect(r.explanation.lines.join(' ')).toContain('svarfristen er angivet som en dato');
    const entry = getCaseHistory(w.ctx, k.caseId)[0];
    expect(entry?.changes).toContainEqual({ field: 'Frist', before: '', after: 'dato 31.03.2025' });
    // A closing day inside the period would move a counted deadline; the given date stays.
    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), closingDays: [{ date: '2025-03-18', reason: 'Personaledag' }] });
    expect(listRequestsForCase(w.ctx, k.caseId)[0]?.dueOn).toBe('2025-03-31');
  });

  it('refuses a fixed date before the request was sent, in Danish', () => {
    const k = w.klage('2025-03-01');
    const e = thrownAppError(() => createRequest(w.ctx, {
      caseId: k.caseId, forvaltningId: w.forvaltning('Social'), kind: 'akter', sentOn: '2025-03-10', spec: null, explicitDue: '2025-03-07', note: '',
    }));
    expect(e.fields).toEqual({ explicitDue: 'Svarfristen kan ikke ligge før anmodningen blev sendt 10.03.2025.' });
  });
});

describe('the klagepunkter a request concerns', () => {
  /** A klage with two klagepunkter against Beskæftigelse and one against Social. */
  function threePoints() {
    const besk = w.forvaltning('Beskæftigelse');
    const social = w.forvaltning('Social');
    const point = (forvaltningId: number, description: string) => ({ forvaltningId, afdelingId: null, themeIds: [], description, outcome: null });
    const c = createCase(w.ctx, caseInput(w.ctx.db, {
      receivedOn: '2025-03-01', points: [point(besk, 'Ingen partshøring'), point(social, 'Forkert vejledning'), point(besk, 'Lang sagsbehandlingstid')],
    }));
    return { c, besk, social, ids: c.points.map((p) => p.id) };
  }

  it('names them, in case order, with a history line; the answer is asked about those only', () => {
    const { c, besk, ids } = threePoints();
    const r = createRequest(w.ctx, { caseId: c.id, forvaltningId: besk, kind: 'redegoerelse', sentOn: '2025-03-03', spec: null, pointIds: [ids[2]!, ids[0]!], note: '' });
    expect(r.pointIds).toEqual([ids[0], ids[2]]);
    expect(getCaseHistory(w.ctx, c.id)[0]?.changes).toContainEqual({ field: 'Angår', before: '', after: 'Klagepunkt 1, Klagepunkt 3' });
    // Klagepunkt 2 is Social's, not named: refused.
    const e = thrownAppError(() => answerRequest(w.ctx, r.id, { answeredOn: '2025-03-14', summary: '', agreed: [{ pointId: ids[1]!, agreed: 'ja' }] }));
    expect(e.fields).toEqual({ 'agreed.0': 'Anmodningen til Beskæftigelse angår ikke dette klagepunkt.' });
    answerRequest(w.ctx, r.id, { answeredOn: '2025-03-14', summary: 'Delvist enig', agreed: [{ pointId: ids[0]!, agreed: 'nej' }, { pointId: ids[2]!, agreed: 'ja' }] });
    expect(getCase(w.ctx, c.id).points.map((p) => p.forvaltningAgreed)).toEqual([false, null, true]);
  });

  it('refuses a klagepunkt of another henvendelse', () => {
    const { c, besk } = threePoints();
    const other = w.klage('2025-03-01');
    const e = thrownAppError(() => createRequest(w.ctx, { caseId: c.id, forvaltningId: besk, kind: 'akter', sentOn: '2025-03-03', spec: null, pointIds: [other.pointId], note: '' }));
    expect(e.fields).toEqual({ pointIds: 'Et af klagepunkterne hører ikke til henvendelsen.' });
  });

  it('a request naming none concerns the klagepunkter of its forvaltning', () => {
    const { c, social, ids } = threePoints();
    const r = createRequest(w.ctx, { caseId: c.id, forvaltningId: social, kind: 'udtalelse', sentOn: '2025-03-03', spec: null, note: '' });
    expect(r.pointIds).toEqual([]);
    answerRequest(w.ctx, r.id, { answeredOn: '2025-03-14', summary: '', agreed: [{ pointId: ids[1]!, agreed: 'ja' }] });
    expect(getCase(w.ctx, c.id).points[1]?.forvaltningAgreed).toBe(true);
  });
});
