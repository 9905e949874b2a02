/**
 * electron/services/closing-check.ts and closing in cases.ts: each kind of open item is reported with
 * where it is resolved; none when all is done; closing is refused until every item is acknowledged,
 * and the acknowledged items are written to the history entry.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkClosing, getCase, getCaseHistory, updateCase } from '../../../electron/services/cases';
import { createPointDeadline, updatePointDeadline } from '../../../electron/services/point-deadlines';
import { createRecommendation, updateRecommendation } from '../../../electron/services/recommendations';
import { answerRequest, createRequest } from '../../../electron/services/requests';
import type { CaseDetail } from '../../../shared/domain/case';
import { thrownAppError } from '../../db/helpers';
import { deadlineWorld, type DeadlineWorld } from './deadline-helpers';

let w: DeadlineWorld;
beforeEach(() => {
  w = deadlineWorld('2025-04-01');
});
afterEach(() => w.app.close());

/** The form's input for the case with its klagepunkt changed. */
function withPoint(c: CaseDetail, point: Partial<CaseDetail['points'][number]>) {
  return { ...c, citizen: { ...c.citizen, cpr: null }, points: c.points.map((p) => ({ ...p, ...point })) } as never;
}

function closing(c: CaseDetail, point: Partial<CaseDetail['points'][number]> = {}) {
  return { ...(withPoint(c, point) as object), status: 'afsluttet', closedOn: '2025-04-01' } as never;
}

describe('closing check', () => {
  it('reports nothing when every klagepunkt has an outcome and nothing is running', () => {
    const k = w.klage('2025-03-01');
    const c = getCase(w.ctx, k.caseId);
    updateCase(w.ctx, k.caseId, c.version, withPoint(c, { outcome: 'kritik' }));
    expect(checkClosing(w.ctx, k.caseId)).toEqual([]);
    const closed = updateCase(w.ctx, k.caseId, getCase(w.ctx, k.caseId).version, closing(getCase(w.ctx, k.caseId)));
    expect(closed.status).toBe('afsluttet');
    expect(getCaseHistory(w.ctx, k.caseId)[0]?.changes.some((ch) => ch.field === 'Lukket med åbent punkt')).toBe(false);
  });

  it('reports each kind of open item with the section and element where it is resolved', () => {
    const k = w.klage('2025-03-01');
    const social = w.forvaltning('Social');
    const r = createRequest(w.ctx, { caseId: k.caseId, forvaltningId: social, kind: 'redegoerelse', sentOn: '2025-03-03', spec: null, note: '' });
    const d = createPointDeadline(w.ctx, { pointId: k.pointId, ruleId: 'fvl-16-aktindsigt-frist', startOn: '2025-03-24', metOn: null, note: '' });
    const h = createRecommendation(w.ctx, { caseId: k.caseId, pointId: null, forvaltningId: social, text: 'Svar borgeren inden for fristen.', givenOn: '2025-03-20', status: 'afventer', statusOn: null, answer: '', followUpOn: null });
    const items = checkClosing(w.ctx, k.caseId);
    expect(items).toEqual([
      { key: 'udfald:1', kind: 'udfald_mangler', text: 'Klagepunkt 1 har intet udfald.', section: 'klagepunkter', elementId: 'klagepunkt-1' },
      { key: `anmodning:${r.id}`, kind: 'anmodning', section: 'anmodninger', elementId: `anmodning-${r.id}`,
        text: 'Redegørelse fra Social er ikke besvaret (svarfrist 17.03.2025 – længe overskredet).' },
      { key: `lovfrist:${d.id}`, kind: 'lovfrist', section: 'anmodninger', elementId: `lovfrist-${d.id}`, text: expect.stringMatching(/^Klagepunkt 1: .+ løber stadig \(frist \d\d\.\d\d\.2025\)\.$/) as string },
      { key: `henstilling:${h.id}`, kind: 'henstilling', section: 'henstillinger', elementId: `henstilling-${h.id}`,
        text: 'Henstilling af 20.03.2025 afventer forvaltningens svar: Svar borgeren inden for fristen.' },
    ]);

    answerRequest(w.ctx, r.id, { answeredOn: '2025-03-31', summary: '', agreed: [] });
    updatePointDeadline(w.ctx, d.id, { pointId: k.pointId, ruleId: 'fvl-16-aktindsigt-frist', startOn: '2025-03-24', metOn: '2025-03-28', note: '' });
    updateRecommendation(w.ctx, h.id, { caseId: k.caseId, pointId: null, forvaltningId: social, text: 'Svar borgeren inden for fristen.', givenOn: '2025-03-20', status: 'fulgt', statusOn: '2025-03-31', answer: 'Ja.', followUpOn: null });
    expect(checkClosing(w.ctx, k.caseId).map((i) => i.key)).toEqual(['udfald:1']);
  });

  it('reports "ingen kritik" on a klagepunkt with a rule assessed "ikke overholdt", judged on the form being saved', () => {
    const k = w.klage('2025-03-01');
    const c = getCase(w.ctx, k.caseId);
    const breached = { outcome: 'ingen_kritik' as const, rules: [{ ruleId: 'fvl-19-partshoering', assessment: 'ikke_overholdt' as const, reasoning: '' }] };
    // The form's klagepunkter, before they are saved: an outcome set in the same save counts.
    expect(checkClosing(w.ctx, k.caseId, [breached]).map((i) => i.kind)).toEqual(['udfald_modstrid']);
    expect(checkClosing(w.ctx, k.caseId, [{ ...breached, outcome: 'kritik' }])).toEqual([]);
    expect(checkClosing(w.ctx, k.caseId).map((i) => i.kind)).toEqual(['udfald_mangler']);

    const e = thrownAppError(() => updateCase(w.ctx, k.caseId, c.version, closing(c, breached)));
    expect(e?.code).toBe('conflict');
    expect(e?.fields?.['status']).toMatch(/^Henvendelsen har et åbent punkt, som skal ses, før den lukkes: Klagepunkt 1 har udfaldet "Ingen kritik"/);
    expect(getCase(w.ctx, k.caseId)).toMatchObject({ status: 'modtaget', closedOn: null, version: c.version });

    const closed = updateCase(w.ctx, k.caseId, c.version, closing(c, breached), ['modstrid:1']);
    expect(closed.status).toBe('afsluttet');
    const entry = getCaseHistory(w.ctx, k.caseId)[0];
    expect(entry?.changes).toContainEqual({ field: 'Lukket med åbent punkt', before: '', after: 'Klagepunkt 1 har udfaldet "Ingen kritik", men en regel er vurderet "Ikke overholdt".' });
  });
});
