/**
 * Requests from the adviser to a forvaltning (redegørelse, akter, udtalelse) and their events
 * (rykker, forlængelse, pause), migration 0040/0050.
 *
 * This module stores what it is given; the due date, the frozen verdict, validation and the case
 * history are the service's (electron/services/requests.ts), which wraps these calls in one
 * transaction.
 */
import type { DeadlineUnitCode } from '../../shared/domain/rule';
import { workingDaysBetween, type CalendarSettings, type DeadlineSpec } from '../../shared/deadlines';
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';
import { REQUEST_EVENTS, REQUEST_POINTS, REQUESTS, requestEventRow, requestRow, type RequestEventTableRow, type RequestTableRow } from './tables/follow-up';

export type RequestKindCode = 'redegoerelse' | 'akter' | 'udtalelse';

/** A request as read: its table row (the registry in ./tables/follow-up.ts) with the case's sagsnr and the forvaltning's name. */
export type RequestRow = Omit<RequestTableRow, 'created_at' | 'updated_at'> & { sagsnr: string; forvaltning: string };

/** A request event as read (its table row without the creation time). */
export type RequestEventRow = Omit<RequestEventTableRow, 'created_at'>;

const SELECT = `SELECT r.id, r.case_id, c.sagsnr, r.forvaltning_id, f.name AS forvaltning, r.kind, r.sent_on,
    r.deadline_amount, r.deadline_unit, r.roll_forward, r.profile, r.due_on, r.explicit_due, r.answered_on, r.closed_on,
    r.verdict_on_time, r.verdict_working_days, r.verdict_days_late, r.note, r.answer_summary
  FROM requests r
  JOIN cases c ON c.id = r.case_id
  JOIN forvaltninger f ON f.id = r.forvaltning_id`;

export function specOf(r: Pick<RequestRow, 'deadline_amount' | 'deadline_unit' | 'roll_forward' | 'profile'>): DeadlineSpec {
  return { amount: r.deadline_amount, unit: r.deadline_unit, rollForward: r.roll_forward === 1, profile: r.profile };
}

export function getRequestRow(db: ReadableDB, id: number): RequestRow | null {
  return (cached(db, `${SELECT} WHERE r.id = ?`).get(id) as RequestRow | undefined) ?? null;
}

/** The requests of one henvendelse, in the order they were sent. */
export function requestRowsForCase(db: ReadableDB, caseId: number): RequestRow[] {
  return cached(db, `${SELECT} WHERE r.case_id = ? ORDER BY r.sent_on, r.id`).all(caseId) as RequestRow[];
}

/** Every request neither answered nor closed, by due date (served by requests_open_due). */
export function openRequestRows(db: ReadableDB): RequestRow[] {
  return cached(db, `${SELECT} WHERE r.answered_on IS NULL AND r.closed_on IS NULL ORDER BY r.due_on, r.id`).all() as RequestRow[];
}

/**
 * The open requests the Frister overview lists: those of open henvendelser only (a closed case is no
 * longer the adviser's concern), of one adviser's henvendelser when `adviserId` is given.
 */
export function fristRequestRows(db: ReadableDB, adviserId: number | null): RequestRow[] {
  return cached(
    db,
    `${SELECT} WHERE r.answered_on IS NULL AND r.closed_on IS NULL AND c.closed_on IS NULL AND (@adviser IS NULL OR c.adviser_id = @adviser)
      ORDER BY r.due_on, r.id`,
  ).all({ adviser: adviserId }) as RequestRow[];
}

/** Events of a request in the order they were recorded. */
export function requestEvents(db: ReadableDB, requestId: number): RequestEventRow[] {
  return cached(
    db,
    `SELECT id, request_id, kind, on_date, level, pause_to, new_due, add_amount, add_unit, old_due, reason
       FROM request_events WHERE request_id = ? ORDER BY id`,
  ).all(requestId) as RequestEventRow[];
}

export type NewRequest = Readonly<{
  caseId: number;
  forvaltningId: number;
  kind: RequestKindCode;
  sentOn: string;
  spec: DeadlineSpec;
  dueOn: string;
  explicitDue: string | null;
  note: string;
}>;

/** A new request is open: no answer, no closing, no verdict (the table's mapper: ./tables/follow-up.ts). */
export function insertRequest(db: WritableDB, r: NewRequest, nowIso: string): number {
  const row = requestRow(r.caseId, { ...r, answeredOn: null, closedOn: null, verdict: null, answerSummary: '' }, { createdAt: nowIso, updatedAt: nowIso });
  return Number(cached(db, REQUESTS.insertSql).run(...REQUESTS.insertValues(row)).lastInsertRowid);
}

export type NewRequestEvent = Readonly<{
  requestId: number;
  kind: RequestEventRow['kind'];
  onDate: string;
  level: number | null;
  pauseTo: string | null;
  newDue: string | null;
  add: Readonly<{ amount: number; unit: DeadlineUnitCode }> | null;
  oldDue: string | null;
  reason: string;
}>;

export function insertRequestEvent(db: WritableDB, e: NewRequestEvent, nowIso: string): number {
  return Number(cached(db, REQUEST_EVENTS.insertSql).run(...REQUEST_EVENTS.insertValues(requestEventRow(e.requestId, e, nowIso))).lastInsertRowid);
}

/** Whether a rykker of this level is already recorded (the unique index would refuse a second). */
export function reminderLevelExists(db: ReadableDB, requestId: number, level: number): boolean {
  return cached(db, "SELECT 1 FROM request_events WHERE request_id = ? AND kind = 'rykker' AND level = ?").get(requestId, level) !== undefined;
}

export function setRequestDue(db: WritableDB, id: number, dueOn: string, nowIso: string): void {
  cached(db, 'UPDATE requests SET due_on = ?, updated_at = ? WHERE id = ?').run(dueOn, nowIso, id);
}

export type Verdict = Readonly<{ onTime: boolean; workingDaysUsed: number; daysLate: number }>;

/**
 * The verdict frozen when a request ends on `endOn`: on time when on or before the due date; the
 * working days from sending to the end; the working days past the deadline (0 when on time). Here
 * rather than in the service because the bulk import freezes the verdicts of answered requests too.
 */
export function verdictOf(row: Pick<RequestRow, 'sent_on' | 'due_on' | 'profile'>, endOn: string, calendar: CalendarSettings): Verdict {
  const onTime = endOn <= row.due_on;
  return {
    onTime,
    workingDaysUsed: workingDaysBetween(row.sent_on, endOn, row.profile, calendar),
    daysLate: onTime ? 0 : workingDaysBetween(row.due_on, endOn, row.profile, calendar),
  };
}

/** Answer or close a request and freeze its verdict in the same row (migration 0040's CHECK pairs them). */
export function finishRequest(
  db: WritableDB,
  id: number,
  how: Readonly<{ answeredOn: string | null; closedOn: string | null; answerSummary: string }>,
  verdict: Verdict,
  nowIso: string,
): void {
  cached(
    db,
    `UPDATE requests SET answered_on = ?, closed_on = ?, answer_summary = ?, verdict_on_time = ?, verdict_working_days = ?, verdict_days_late = ?,
      updated_at = ? WHERE id = ?`,
  ).run(how.answeredOn, how.closedOn, how.answerSummary, verdict.onTime ? 1 : 0, verdict.workingDaysUsed, verdict.daysLate, nowIso, id);
}

/** Link a new request to the klagepunkter it concerns (migration 0110). */
export function insertRequestPoints(db: WritableDB, requestId: number, pointIds: ReadonlyArray<number>): void {
  const ins = cached(db, REQUEST_POINTS.insertOrIgnoreSql);
  for (const pointId of pointIds) ins.run(...REQUEST_POINTS.insertValues({ request_id: requestId, point_id: pointId }));
}

/** The klagepunkter a request names, in their order on the case; empty: it names none. */
export function requestPointIds(db: ReadableDB, requestId: number): number[] {
  return cached(
    db,
    'SELECT rp.point_id FROM request_points rp JOIN complaint_points p ON p.id = rp.point_id WHERE rp.request_id = ? ORDER BY p.position, p.id',
  ).pluck().all(requestId) as number[];
}
