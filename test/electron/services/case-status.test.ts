/**
 * electron/services/case-status.ts: the status follows the case's requests ("Afventer forvaltningen"
 * while one is open, back again when the last is answered or closed), written in the same
 * transaction with a history entry – and stays put when the adviser set it by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { letStatusFollow } from '../../../electron/services/case-status';
import { getCase, getCaseHistory, updateCase } from '../../../electron/services/cases';
import { answerRequest, closeRequest, createRequest } from '../../../electron/services/requests';
import { thrownAppError } from '../../db/helpers';
import { deadlineWorld, type DeadlineWorld } from './deadline-helpers';

let w: DeadlineWorld;
beforeEach(() => {
  w = deadlineWorld('2025-04-01');
});
afterEach(() => w.app.close());

const send = (caseId: number, forvaltning = 'Social') =>
  createRequest(w.ctx, { caseId, forvaltningId: w.forvaltning(forvaltning), kind: 'redegoerelse', sentOn: '2025-03-03', spec: null, note: '' });

function setStatus(caseId: number, status: 'under_behandling' | 'modtaget') {
  const c = getCase(w.ctx, caseId);
  // As the form sends it: without statusManual, so the service sees the adviser changed the status.
  const { statusManual: _manual, ...form } = c;
  return updateCase(w.ctx, caseId, c.version, { ...form, citizen: { ...c.citizen, cpr: null }, status } as never);
}

describe('the status follows the requests', () => {
  it('waits while a request is open and returns to the status it had when the last one is answered or closed', () => {
    const k = w.klage('2025-03-01');
    expect(getCase(w.ctx, k.caseId)).toMatchObject({ status: 'modtaget', statusManual: false });
    setStatus(k.caseId, 'under_behandling');
    // Chosen in the form: set by hand. Following again is the adviser's choice.
    expect(getCase(w.ctx, k.caseId).statusManual).toBe(true);
    letStatusFollow(w.ctx, k.caseId, getCase(w.ctx, k.caseId).version);
    expect(getCase(w.ctx, k.caseId)).toMatchObject({ status: 'under_behandling', statusManual: false });

    const first = send(k.caseId);
    expect(getCase(w.ctx, k.caseId).status).toBe('afventer_forvaltningen');
    const second = send(k.caseId, 'Beskæftigelse');
    answerRequest(w.ctx, first.id, { answeredOn: '2025-03-14', summary: '', agreed: [] });
    expect(getCase(w.ctx, k.caseId).status).toBe('afventer_forvaltningen');
    closeRequest(w.ctx, second.id, '2025-03-20', 'Sagen blev løst i telefonen.');
    expect(getCase(w.ctx, k.caseId)).toMatchObject({ status: 'under_behandling', statusManual: false });

    const entries = getCaseHistory(w.ctx, k.caseId);
    const auto = entries.filter((h) => h.action.startsWith('Status ændret automatisk'));
    expect(auto.map((h) => h.action).reverse()).toEqual(['Status ændret automatisk: anmodning sendt', 'Status ændret automatisk: anmodning lukket']);
    expect(auto[0]?.changes).toEqual([{ field: 'Status', before: 'Afventer forvaltningen', after: 'Under behandling' }]);
  });

  it('turns a "Modtaget" case into "Under behandling" when the answer comes', () => {
    const k = w.klage('2025-03-01');
    const r = send(k.caseId);
    expect(getCase(w.ctx, k.caseId).status).toBe('afventer_forvaltningen');
    answerRequest(w.ctx, r.id, { answeredOn: '2025-03-14', summary: '', agreed: [] });
    expect(getCase(w.ctx, k.caseId).status).toBe('under_behandling');
  });

  it('leaves a status set by hand alone, until the adviser lets it follow the case again', () => {
    const k = w.klage('2025-03-01');
    setStatus(k.caseId, 'under_behandling');
    send(k.caseId);
    expect(getCase(w.ctx, k.caseId)).toMatchObject({ status: 'under_behandling', statusManual: true });
    expect(getCaseHistory(w.ctx, k.caseId).some((h) => h.action.startsWith('Status ændret automatisk'))).toBe(false);

    const followed = letStatusFollow(w.ctx, k.caseId, getCase(w.ctx, k.caseId).version);
    expect(followed).toMatchObject({ status: 'afventer_forvaltningen', statusManual: false });
    expect(getCaseHistory(w.ctx, k.caseId).map((h) => h.action).slice(0, 2)).toEqual(['Status ændret automatisk: status følger sagen igen', 'Status følger sagen igen']);
  });

  it('refuses to follow from a version the adviser did not see', () => {
    const k = w.klage('2025-03-01');
    const stale = getCase(w.ctx, k.caseId).version;
    setStatus(k.caseId, 'under_behandling');
    expect(thrownAppError(() => letStatusFollow(w.ctx, k.caseId, stale))?.code).toBe('conflict');
    expect(getCase(w.ctx, k.caseId).statusManual).toBe(true);
  });
});
