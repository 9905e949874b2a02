/**
 * The status follows the case: while a request to the forvaltning is open, a henvendelse whose status
 * the adviser has not set by hand is "Afventer forvaltningen"; when the last open request is answered
 * or closed, it returns to the status it had (a "Modtaget" case has been worked on by then, so it
 * becomes "Under behandling"). Called by the request service inside the transaction of the request
 * change, so the status and the request never disagree; every automatic change is in the history.
 */
import { appendAudit } from '../../db/queries/audit';
import { caseStatusState, getCaseDetail, setCaseStatus } from '../../db/queries/cases';
import { requestRowsForCase } from '../../db/queries/requests';
import type { CaseDetail } from '../../shared/domain/case';
import { CaseStatus, type CaseStatusCode } from '../../shared/domain/vocab';
import { AppError } from '../../shared/ipc/result';
import type { ServiceContext } from './context';
import { nowIso } from './deadline-common';

const WAITING: CaseStatusCode = 'afventer_forvaltningen';

/** Why the status changed, in the history's words ("Status ændret automatisk: anmodning sendt"). */
export type StatusReason = 'anmodning sendt' | 'anmodning besvaret' | 'anmodning lukket' | 'status følger sagen igen';

function hasOpenRequest(ctx: ServiceContext, caseId: number): boolean {
  return requestRowsForCase(ctx.db, caseId).some((r) => r.answered_on === null && r.closed_on === null);
}

/**
 * Put the status where the case's requests say, unless the adviser set it by hand or the case is
 * closed. Runs in the caller's transaction.
 */
export function followRequests(ctx: ServiceContext, caseId: number, reason: StatusReason): void {
  const s = caseStatusState(ctx.db, caseId);
  if (s === null || s.status_manual === 1 || s.closed_on !== null || s.status === 'afsluttet') return;
  const open = hasOpenRequest(ctx, caseId);
  let next: { status: CaseStatusCode; resume: CaseStatusCode | null } | null = null;
  if (open && s.status !== WAITING) next = { status: WAITING, resume: s.status };
  else if (!open && s.status === WAITING) {
    const back = s.status_resume ?? 'under_behandling';
    next = { status: back === 'modtaget' ? 'under_behandling' : back, resume: null };
  }
  if (next === null) return;
  setCaseStatus(ctx.db, caseId, { status: next.status, status_manual: 0, status_resume: next.resume }, nowIso(ctx));
  appendAudit(ctx.db, {
    at: nowIso(ctx), actor: ctx.actor(), entity: 'case', entityId: caseId, caseId,
    action: `Status ændret automatisk: ${reason}`,
    changes: [{ field: 'Status', before: CaseStatus.label(s.status), after: CaseStatus.label(next.status) }],
  });
}

/** "Lad status følge sagen": the adviser's hand-set status gives way to what the requests say. */
export function letStatusFollow(ctx: ServiceContext, caseId: number, expectedVersion: number): CaseDetail {
  return ctx.db.transaction(() => {
    const s = caseStatusState(ctx.db, caseId);
    if (s === null) throw new AppError('not_found', 'Henvendelsen findes ikke. Den kan være slettet.');
    if (s.version !== expectedVersion) throw new AppError('conflict', 'Henvendelsen er ændret et andet sted, siden du åbnede den. Hent den nyeste version og prøv igen.');
    if (s.status === 'afsluttet') throw new AppError('conflict', 'En afsluttet henvendelse har sin status sat af rådgiveren. Genåbn den ved at vælge en anden status.');
    if (s.status_manual === 1) {
      // Waiting already (set by hand) keeps "Under behandling" as the status to return to.
      setCaseStatus(ctx.db, caseId, { status: s.status, status_manual: 0, status_resume: s.status === WAITING ? null : s.status_resume }, nowIso(ctx));
      appendAudit(ctx.db, {
        at: nowIso(ctx), actor: ctx.actor(), entity: 'case', entityId: caseId, caseId,
        action: 'Status følger sagen igen', changes: [{ field: 'Status sat af', before: 'rådgiveren', after: 'sagen' }],
      });
    }
    followRequests(ctx, caseId, 'status følger sagen igen');
    return getCaseDetail(ctx.db, caseId) as CaseDetail;
  })();
}
