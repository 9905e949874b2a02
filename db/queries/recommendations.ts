/**
 * Henstillinger: the adviser's recommendations to a forvaltning and the forvaltning's answer.
 *
 * This module stores what it is given; validation and the audit trail are the service's
 * (electron/services/recommendations.ts), which wraps these calls in one transaction.
 */
import type { IsoDate } from '../../shared/domain/dates';
import type { Recommendation, RecommendationInput, RecommendationQuery } from '../../shared/domain/recommendation';
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';
import { RECOMMENDATIONS, recommendationRow, type RecommendationRow as RecommendationTableRow } from './tables/follow-up';

/** A henstilling as read: its table row (./tables/follow-up.ts) with the sagsnr, the klagepunkt's number and the forvaltning's name. */
type RecommendationRow = RecommendationTableRow & { sagsnr: string; point_position: number | null; forvaltning: string };

const SELECT = `SELECT r.id, r.case_id, c.sagsnr, r.point_id, p.position AS point_position, r.forvaltning_id, f.name AS forvaltning,
    r.text, r.given_on, r.status, r.status_on, r.answer, r.follow_up_on, r.created_at, r.updated_at
  FROM recommendations r
  JOIN cases c ON c.id = r.case_id
  JOIN forvaltninger f ON f.id = r.forvaltning_id
  LEFT JOIN complaint_points p ON p.id = r.point_id`;

/** Newest first; id breaks ties so two henstillinger given the same day keep a stable order. */
const ORDER = 'ORDER BY r.given_on DESC, r.id DESC';

function toRecommendation(r: RecommendationRow): Recommendation {
  return {
    id: r.id,
    caseId: r.case_id,
    sagsnr: r.sagsnr,
    pointId: r.point_id,
    pointPosition: r.point_position,
    forvaltningId: r.forvaltning_id,
    forvaltning: r.forvaltning,
    text: r.text,
    givenOn: r.given_on,
    status: r.status,
    statusOn: r.status_on,
    answer: r.answer,
    followUpOn: r.follow_up_on,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Every henstilling, per case and oldest first (the export's order: "the first" is the earliest given). */
export function allRecommendationsOldestFirst(db: ReadableDB): Recommendation[] {
  return (cached(db, `${SELECT} ORDER BY r.case_id, r.given_on, r.id`).all() as RecommendationRow[]).map(toRecommendation);
}

export function getRecommendation(db: ReadableDB, id: number): Recommendation | null {
  const row = cached(db, `${SELECT} WHERE r.id = ?`).get(id) as RecommendationRow | undefined;
  return row ? toRecommendation(row) : null;
}

/** The henstillinger of one henvendelse, newest first. */
export function recommendationsForCase(db: ReadableDB, caseId: number): Recommendation[] {
  return (cached(db, `${SELECT} WHERE r.case_id = ? ${ORDER}`).all(caseId) as RecommendationRow[]).map(toRecommendation);
}

/**
 * The register, filtered, newest first. `today` decides which follow-ups are due: those still
 * awaiting an answer whose follow-up date is today or earlier.
 */
export function listRecommendations(db: ReadableDB, q: RecommendationQuery, today: IsoDate): Recommendation[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.statuses.length > 0) {
    where.push(`r.status IN (${q.statuses.map(() => '?').join(', ')})`);
    params.push(...q.statuses);
  }
  if (q.forvaltningId !== null) {
    where.push('r.forvaltning_id = ?');
    params.push(q.forvaltningId);
  }
  if (q.followUpDue) {
    // Served by recommendations_status (status, follow_up_on).
    where.push("r.status = 'afventer' AND r.follow_up_on <= ?");
    params.push(today);
  }
  if (q.givenFrom !== null) {
    where.push('r.given_on >= ?');
    params.push(q.givenFrom);
  }
  if (q.givenTo !== null) {
    where.push('r.given_on <= ?');
    params.push(q.givenTo);
  }
  const sql = `${SELECT} ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ${ORDER}`;
  // The statement text depends only on which filters are set, so the cache holds a handful.
  return (cached(db, sql).all(...params) as RecommendationRow[]).map(toRecommendation);
}

/**
 * The henstillinger whose follow-up date the Frister overview lists: still awaiting the forvaltning's
 * answer, with a follow-up date, on an open henvendelse (one adviser's when given); by that date.
 */
export function followUpRecommendations(db: ReadableDB, adviserId: number | null): Recommendation[] {
  return (
    cached(
      db,
      `${SELECT} WHERE r.status = 'afventer' AND r.follow_up_on IS NOT NULL AND c.closed_on IS NULL AND (@adviser IS NULL OR c.adviser_id = @adviser)
        ORDER BY r.follow_up_on, r.id`,
    ).all({ adviser: adviserId }) as RecommendationRow[]
  ).map(toRecommendation);
}

function values(input: RecommendationInput): unknown[] {
  return [
    input.caseId, input.pointId, input.forvaltningId, input.text.trim(), input.givenOn, input.status, input.statusOn, input.answer.trim(), input.followUpOn,
  ];
}

export function insertRecommendation(db: WritableDB, input: RecommendationInput, nowIso: string): number {
  const trimmed = { ...input, text: input.text.trim(), answer: input.answer.trim() };
  const info = cached(db, RECOMMENDATIONS.insertSql).run(...RECOMMENDATIONS.insertValues(recommendationRow(trimmed, { createdAt: nowIso, updatedAt: nowIso })));
  return Number(info.lastInsertRowid);
}

export function updateRecommendation(db: WritableDB, id: number, input: RecommendationInput, nowIso: string): void {
  cached(
    db,
    `UPDATE recommendations SET case_id = ?, point_id = ?, forvaltning_id = ?, text = ?, given_on = ?, status = ?, status_on = ?, answer = ?,
       follow_up_on = ?, updated_at = ? WHERE id = ?`,
  ).run(...values(input), nowIso, id);
}

export function deleteRecommendation(db: WritableDB, id: number): void {
  cached(db, 'DELETE FROM recommendations WHERE id = ?').run(id);
}
