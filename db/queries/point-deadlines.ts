/**
 * Statutory deadlines on the municipality's own handling, attached to a klagepunkt (migration
 * 0040), or the municipality's svarpolitik (basis 'svarpolitik', no rule; migration 0060). Stores
 * what it is given; the due date, validation and history are electron/services/point-deadlines.ts's.
 */
import type { PointDeadlineBasisCode } from '../../shared/domain/deadline-tracking';
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';
import { POINT_DEADLINES, pointDeadlineRow, type PointDeadlineTableRow } from './tables/follow-up';

/** A deadline as read: its table row (./tables/follow-up.ts) with its klagepunkt's case, number and forvaltning. */
export type PointDeadlineRow = Omit<PointDeadlineTableRow, 'created_at' | 'updated_at'> & {
  case_id: number;
  sagsnr: string;
  point_position: number;
  forvaltning_id: number | null;
  forvaltning: string | null;
};

const SELECT = `SELECT d.id, p.case_id, c.sagsnr, d.point_id, p.position AS point_position, p.forvaltning_id, f.name AS forvaltning,
    d.basis, d.rule_id, d.start_on, d.due_on, d.met_on, d.note
  FROM point_deadlines d
  JOIN complaint_points p ON p.id = d.point_id
  JOIN cases c ON c.id = p.case_id
  LEFT JOIN forvaltninger f ON f.id = p.forvaltning_id`;

export function getPointDeadlineRow(db: ReadableDB, id: number): PointDeadlineRow | null {
  return (cached(db, `${SELECT} WHERE d.id = ?`).get(id) as PointDeadlineRow | undefined) ?? null;
}

/** The deadlines of one henvendelse, by klagepunkt, then start. */
export function pointDeadlineRowsForCase(db: ReadableDB, caseId: number): PointDeadlineRow[] {
  return cached(db, `${SELECT} WHERE p.case_id = ? ORDER BY p.position, d.start_on, d.id`).all(caseId) as PointDeadlineRow[];
}

/** Every deadline not yet met, by due date. */
export function unmetPointDeadlineRows(db: ReadableDB): PointDeadlineRow[] {
  return cached(db, `${SELECT} WHERE d.met_on IS NULL ORDER BY d.due_on, d.id`).all() as PointDeadlineRow[];
}

/** The running deadlines the Frister overview lists: of open henvendelser, of one adviser's when given. */
export function fristPointDeadlineRows(db: ReadableDB, adviserId: number | null): PointDeadlineRow[] {
  return cached(
    db,
    `${SELECT} WHERE d.met_on IS NULL AND c.closed_on IS NULL AND (@adviser IS NULL OR c.adviser_id = @adviser) ORDER BY d.due_on, d.id`,
  ).all({ adviser: adviserId }) as PointDeadlineRow[];
}

/** `ruleId` null exactly for the svarpolitik (the table's CHECK refuses anything else). */
export type PointDeadlineWrite = Readonly<{
  pointId: number;
  basis: PointDeadlineBasisCode;
  ruleId: string | null;
  startOn: string;
  dueOn: string;
  metOn: string | null;
  note: string;
}>;

export function insertPointDeadline(db: WritableDB, w: PointDeadlineWrite, nowIso: string): number {
  const row = pointDeadlineRow(w.pointId, w, { createdAt: nowIso, updatedAt: nowIso });
  return Number(cached(db, POINT_DEADLINES.insertSql).run(...POINT_DEADLINES.insertValues(row)).lastInsertRowid);
}

export function updatePointDeadline(db: WritableDB, id: number, w: PointDeadlineWrite, nowIso: string): void {
  cached(db, 'UPDATE point_deadlines SET point_id = ?, basis = ?, rule_id = ?, start_on = ?, due_on = ?, met_on = ?, note = ?, updated_at = ? WHERE id = ?').run(
    w.pointId, w.basis, w.ruleId, w.startOn, w.dueOn, w.metOn, w.note, nowIso, id,
  );
}

export function setPointDeadlineDue(db: WritableDB, id: number, dueOn: string, nowIso: string): void {
  cached(db, 'UPDATE point_deadlines SET due_on = ?, updated_at = ? WHERE id = ?').run(dueOn, nowIso, id);
}

export function deletePointDeadline(db: WritableDB, id: number): void {
  cached(db, 'DELETE FROM point_deadlines WHERE id = ?').run(id);
}
