/**
 * What the annual report counts (electron/services/report-stats.ts), read for one period at a time:
 * the henvendelser received in it with their klagepunkter (forvaltning, afdeling, outcome, handling,
 * competence reason, agreed), the klagepunkter's themes and rules assessed "ikke overholdt", the
 * henstillinger; the requests sent in it with their stored deadline in force; the henvendelser closed
 * in it. Plain rows: the counting itself is the service's, so each number and its drill-down are
 * made from the same rows. Served by cases_received, cases_closed and requests_sent (migration 0170).
 */
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';

export type ReportCaseRow = Readonly<{ id: number; received_on: string; type: string; channel: string | null }>;
export type ReportPointRow = Readonly<{
  id: number; case_id: number; forvaltning_id: number | null; forvaltning: string | null; afdeling: string | null;
  outcome: string | null; handling: string | null; competence: string | null; agreed: 0 | 1 | null;
}>;
export type ReportThemeRow = Readonly<{ point_id: number; name: string }>;
export type ReportBreachRow = Readonly<{ point_id: number; rule_id: string; title: string }>;
export type ReportRecommendationRow = Readonly<{ case_id: number; forvaltning_id: number; status: 'afventer' | 'fulgt' | 'ikke_fulgt' }>;
export type ReportRequestRow = Readonly<{
  id: number; case_id: number; received_on: string; type: string; forvaltning_id: number;
  sent_on: string; answered_on: string | null; due_on: string;
}>;
/** `forvaltning_ids`: the forvaltninger of its klagepunkter, comma-separated (0: a klagepunkt without). */
export type ReportClosedRow = Readonly<{ id: number; received_on: string; closed_on: string; type: string; forvaltning_ids: string | null }>;
/** A henvendelse for the trend: as a closed row, with one entry in `forvaltning_ids` per klagepunkt. */
export type ReportTrendRow = Readonly<{ id: number; received_on: string; type: string; forvaltning_ids: string | null }>;

export type ReportRows = Readonly<{
  cases: ReportCaseRow[];
  points: ReportPointRow[];
  themes: ReportThemeRow[];
  breaches: ReportBreachRow[];
  recommendations: ReportRecommendationRow[];
  requests: ReportRequestRow[];
  closed: ReportClosedRow[];
}>;

const RECEIVED = 'c.received_on BETWEEN @from AND @to';

/** The statements, by what they read (exported for the EXPLAIN QUERY PLAN test); parameters @from, @to. */
export const REPORT_SQL = {
  cases: `SELECT c.id, c.received_on, c.type, c.channel FROM cases c WHERE ${RECEIVED}`,
  points: `SELECT p.id, p.case_id, p.forvaltning_id, f.name AS forvaltning, a.name AS afdeling, p.outcome, p.handling,
      cr.name AS competence, p.forvaltning_agreed AS agreed
    FROM cases c
    JOIN complaint_points p ON p.case_id = c.id
    LEFT JOIN forvaltninger f ON f.id = p.forvaltning_id
    LEFT JOIN afdelinger a ON a.id = p.afdeling_id
    LEFT JOIN competence_reasons cr ON cr.id = p.competence_reason_id
    WHERE ${RECEIVED}`,
  themes: `SELECT t.point_id, th.name FROM cases c
    JOIN complaint_points p ON p.case_id = c.id
    JOIN complaint_point_themes t ON t.point_id = p.id
    JOIN themes th ON th.id = t.theme_id
    WHERE ${RECEIVED}`,
  breaches: `SELECT pr.point_id, pr.rule_id, r.title FROM cases c
    JOIN complaint_points p ON p.case_id = c.id
    JOIN point_rules pr ON pr.point_id = p.id
    JOIN rules r ON r.id = pr.rule_id
    WHERE ${RECEIVED} AND pr.assessment = 'ikke_overholdt'`,
  recommendations: `SELECT r.case_id, r.forvaltning_id, r.status FROM cases c JOIN recommendations r ON r.case_id = c.id WHERE ${RECEIVED}`,
  requests: `SELECT r.id, r.case_id, c.received_on, c.type, r.forvaltning_id, r.sent_on, r.answered_on, r.due_on
    FROM requests r JOIN cases c ON c.id = r.case_id
    WHERE r.sent_on BETWEEN @from AND @to`,
  closed: `SELECT c.id, c.received_on, c.closed_on, c.type,
      (SELECT group_concat(DISTINCT coalesce(p.forvaltning_id, 0)) FROM complaint_points p WHERE p.case_id = c.id) AS forvaltning_ids
    FROM cases c WHERE c.closed_on BETWEEN @from AND @to`,
  trend: `SELECT c.id, c.received_on, c.type,
      (SELECT group_concat(coalesce(p.forvaltning_id, 0)) FROM complaint_points p WHERE p.case_id = c.id) AS forvaltning_ids
    FROM cases c WHERE ${RECEIVED}`,
} as const;

/** Every row the statistics of one period are made from (both ends of the period included). */
export function loadReportRows(db: ReadableDB, period: Readonly<{ from: string; to: string }>): ReportRows {
  const p = { from: period.from, to: period.to };
  return {
    cases: cached(db, REPORT_SQL.cases).all(p) as ReportCaseRow[],
    points: cached(db, REPORT_SQL.points).all(p) as ReportPointRow[],
    themes: cached(db, REPORT_SQL.themes).all(p) as ReportThemeRow[],
    breaches: cached(db, REPORT_SQL.breaches).all(p) as ReportBreachRow[],
    recommendations: cached(db, REPORT_SQL.recommendations).all(p) as ReportRecommendationRow[],
    requests: cached(db, REPORT_SQL.requests).all(p) as ReportRequestRow[],
    closed: cached(db, REPORT_SQL.closed).all(p) as ReportClosedRow[],
  };
}

/** The henvendelser received from `from` to `to` with one forvaltning id per klagepunkt (the trend). */
export function loadTrendRows(db: ReadableDB, from: string, to: string): ReportTrendRow[] {
  return cached(db, REPORT_SQL.trend).all({ from, to }) as ReportTrendRow[];
}

export type ReportSettingsRow = Readonly<{ startMonth: number; minN: number; patternMin: number }>;

/** The report settings (migration 0170 inserts the one row; a missing row reads as the defaults). */
export function readReportSettings(db: ReadableDB): ReportSettingsRow {
  const row = cached(db, 'SELECT start_month AS startMonth, min_n AS minN, pattern_min AS patternMin FROM report_settings WHERE id = 1').get() as ReportSettingsRow | undefined;
  return row ?? { startMonth: 1, minN: 5, patternMin: 3 };
}

export function writeReportSettings(db: WritableDB, s: ReportSettingsRow, nowIso: string): void {
  cached(
    db,
    `INSERT INTO report_settings (id, start_month, min_n, pattern_min, updated_at) VALUES (1, @startMonth, @minN, @patternMin, @at)
     ON CONFLICT (id) DO UPDATE SET start_month = excluded.start_month, min_n = excluded.min_n, pattern_min = excluded.pattern_min, updated_at = excluded.updated_at`,
  ).run({ startMonth: s.startMonth, minN: s.minN, patternMin: s.patternMin, at: nowIso });
}
