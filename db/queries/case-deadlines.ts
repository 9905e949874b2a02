/**
 * The deadlines stored on a henvendelse itself (migration 0040): how and when the citizen was
 * notified of the decision and the klagefrist computed from it, and the adviser's own target.
 * Stored so lists and the Frister view can filter on them; computed by the services.
 */
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';

export type DecisionNoticeCode = 'digital_post' | 'brev' | 'personligt';

export type CaseDeadlineRow = {
  id: number;
  sagsnr: string;
  received_on: string;
  closed_on: string | null;
  decision_notified_on: string | null;
  decision_notice: DecisionNoticeCode | null;
  klagefrist_rule_id: string | null;
  klagefrist_due: string | null;
  target_due: string | null;
};

const COLUMNS = 'id, sagsnr, received_on, closed_on, decision_notified_on, decision_notice, klagefrist_rule_id, klagefrist_due, target_due';

export function caseDeadlineRow(db: ReadableDB, caseId: number): CaseDeadlineRow | null {
  return (cached(db, `SELECT ${COLUMNS} FROM cases WHERE id = ?`).get(caseId) as CaseDeadlineRow | undefined) ?? null;
}

/** Open henvendelser (not closed) with a recorded decision notice. */
export function openCasesWithKlagefrist(db: ReadableDB): CaseDeadlineRow[] {
  return cached(db, `SELECT ${COLUMNS} FROM cases WHERE klagefrist_due IS NOT NULL AND closed_on IS NULL ORDER BY klagefrist_due, id`).all() as CaseDeadlineRow[];
}

/** Every open henvendelse (its target may need computing or recomputing). */
export function openCaseDeadlineRows(db: ReadableDB): CaseDeadlineRow[] {
  return cached(db, `SELECT ${COLUMNS} FROM cases WHERE closed_on IS NULL ORDER BY id`).all() as CaseDeadlineRow[];
}

export type KlagefristWrite = Readonly<{ notifiedOn: string; notice: DecisionNoticeCode; ruleId: string; dueOn: string }>;

/** Record the notice and the klagefrist; null clears all four columns. */
export function setCaseKlagefrist(db: WritableDB, caseId: number, w: KlagefristWrite | null): void {
  cached(db, 'UPDATE cases SET decision_notified_on = ?, decision_notice = ?, klagefrist_rule_id = ?, klagefrist_due = ? WHERE id = ?').run(
    w?.notifiedOn ?? null, w?.notice ?? null, w?.ruleId ?? null, w?.dueOn ?? null, caseId,
  );
}

export function setKlagefristDue(db: WritableDB, caseId: number, dueOn: string): void {
  cached(db, 'UPDATE cases SET klagefrist_due = ? WHERE id = ?').run(dueOn, caseId);
}

export function setCaseTargetDue(db: WritableDB, caseId: number, dueOn: string | null): void {
  cached(db, 'UPDATE cases SET target_due = ? WHERE id = ?').run(dueOn, caseId);
}
