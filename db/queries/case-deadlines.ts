/**
 * The deadlines stored on a henvendelse itself (migrations 0040 and 0070): how and when the citizen
 * was notified of the decision, whether it gave correct klagevejledning, what the klagefrist rests on
 * (a rule, none, or a frist typed by hand with its source) and the date computed from it, and the
 * adviser's own target. Stored so lists and the Frister view can filter on them; computed by the
 * services.
 */
import type { DeadlineUnitCode } from '../../shared/domain/rule';
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';

export type DecisionNoticeCode = 'digital_post' | 'brev' | 'personligt';
export type KlagevejledningCode = 'korrekt' | 'mangelfuld' | 'ukendt';
export type KlagefristBasisCode = 'regel' | 'ingen' | 'manuel';

export type CaseDeadlineRow = {
  id: number;
  sagsnr: string;
  received_on: string;
  closed_on: string | null;
  decision_notified_on: string | null;
  decision_notice: DecisionNoticeCode | null;
  klagevejledning: KlagevejledningCode | null;
  klagefrist_basis: KlagefristBasisCode | null;
  klagefrist_rule_id: string | null;
  klagefrist_amount: number | null;
  klagefrist_unit: DeadlineUnitCode | null;
  klagefrist_source: string | null;
  klagefrist_due: string | null;
  target_due: string | null;
};

const COLUMNS = `id, sagsnr, received_on, closed_on, decision_notified_on, decision_notice, klagevejledning, klagefrist_basis,
  klagefrist_rule_id, klagefrist_amount, klagefrist_unit, klagefrist_source, klagefrist_due, target_due`;

export function caseDeadlineRow(db: ReadableDB, caseId: number): CaseDeadlineRow | null {
  return (cached(db, `SELECT ${COLUMNS} FROM cases WHERE id = ?`).get(caseId) as CaseDeadlineRow | undefined) ?? null;
}

/** Every open henvendelse (its target may need computing or recomputing). */
export function openCaseDeadlineRows(db: ReadableDB): CaseDeadlineRow[] {
  return cached(db, `SELECT ${COLUMNS} FROM cases WHERE closed_on IS NULL ORDER BY id`).all() as CaseDeadlineRow[];
}

/** The open henvendelser the Frister overview lists the klagefrist and target of; one adviser's when given. */
export function fristCaseDeadlineRows(db: ReadableDB, adviserId: number | null): CaseDeadlineRow[] {
  return cached(db, `SELECT ${COLUMNS} FROM cases WHERE closed_on IS NULL AND (@adviser IS NULL OR adviser_id = @adviser) ORDER BY id`).all({ adviser: adviserId }) as CaseDeadlineRow[];
}

export type KlagefristWrite = Readonly<{
  notifiedOn: string;
  notice: DecisionNoticeCode;
  guidance: KlagevejledningCode;
  basis: KlagefristBasisCode;
  /** For basis 'regel'. */
  ruleId: string | null;
  /** For basis 'manuel': the frist and where it comes from. */
  manual: Readonly<{ amount: number; unit: DeadlineUnitCode; source: string }> | null;
  /** null for basis 'ingen'. */
  dueOn: string | null;
}>;

/** Record the notice and the klagefrist; null clears every klagefrist column. */
export function setCaseKlagefrist(db: WritableDB, caseId: number, w: KlagefristWrite | null): void {
  cached(
    db,
    `UPDATE cases SET decision_notified_on = ?, decision_notice = ?, klagevejledning = ?, klagefrist_basis = ?, klagefrist_rule_id = ?,
       klagefrist_amount = ?, klagefrist_unit = ?, klagefrist_source = ?, klagefrist_due = ? WHERE id = ?`,
  ).run(
    w?.notifiedOn ?? null, w?.notice ?? null, w?.guidance ?? null, w?.basis ?? null, w?.ruleId ?? null,
    w?.manual?.amount ?? null, w?.manual?.unit ?? null, w?.manual?.source ?? null, w?.dueOn ?? null, caseId,
  );
}

export function setKlagefristDue(db: WritableDB, caseId: number, dueOn: string): void {
  cached(db, 'UPDATE cases SET klagefrist_due = ? WHERE id = ?').run(dueOn, caseId);
}

export function setCaseTargetDue(db: WritableDB, caseId: number, dueOn: string | null): void {
  cached(db, 'UPDATE cases SET target_due = ? WHERE id = ?').run(dueOn, caseId);
}
