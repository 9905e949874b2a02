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
/**
 * A klagepunkt as its columns (read raw: no object per row). `themeIds`: its theme ids, comma-separated;
 * `breachedRuleIds`: the rules assessed "ikke overholdt", separated by RULE_ID_SEPARATOR; null: none.
 */
export type ReportPointRow = readonly [
  id: number, caseId: number, forvaltningId: number | null, afdelingId: number | null, outcome: string | null, handling: string | null,
  competenceReasonId: number | null, agreed: 0 | 1 | null, themeIds: string | null, breachedRuleIds: string | null,
];
/** Between the rule ids of a klagepunkt's breaches (a rule id may hold any character after its first). */
export const RULE_ID_SEPARATOR = '\u001f';
/** The names the rows refer to by id: the catalogue and the rules are small, so they are read whole. */
export type ReportNames = Readonly<{
  forvaltninger: ReadonlyMap<number, string>;
  afdelinger: ReadonlyMap<number, string>;
  competenceReasons: ReadonlyMap<number, string>;
  themes: ReadonlyMap<number, string>;
  ruleTitles: ReadonlyMap<string, string>;
}>;
export type ReportRecommendationRow = Readonly<{ case_id: number; forvaltning_id: number; status: 'afventer' | 'fulgt' | 'ikke_fulgt' }>;
export type ReportRequestRow = Readonly<{
  id: number; case_id: number; received_on: string; type: string; forvaltning_id: number;
  sent_on: string; answered_on: string | null; due_on: string;
}>;
/** `forvaltning_ids`: the forvaltninger of its klagepunkter, comma-separated (0: a klagepunkt without). */
export type ReportClosedRow = Readonly<{ id: number; received_on: string; closed_on: string; type: string; forvaltning_ids: string | null }>;
/** The trend: henvendelser received on a day of a type (with a klagepunkt of @forvaltning when given) and their klagepunkter (of it). */
export type ReportTrendRow = Readonly<{ day: string; type: string; henvendelser: number; klagepunkter: number }>;

export type ReportRows = Readonly<{
  names: ReportNames;
  cases: ReportCaseRow[];
  points: ReportPointRow[];
  recommendations: ReportRecommendationRow[];
  requests: ReportRequestRow[];
  closed: ReportClosedRow[];
}>;

const RECEIVED = 'c.received_on BETWEEN @from AND @to';

/** The statements, by what they read (exported for the EXPLAIN QUERY PLAN test); parameters @from, @to. */
export const REPORT_SQL = {
  cases: `SELECT c.id, c.received_on, c.type, c.channel FROM cases c WHERE ${RECEIVED}`,
  // Themes and breaches as correlated lists (PRIMARY KEY probes per klagepunkt) rather than joins of
  // their own: the period's henvendelser and klagepunkter are then walked once, not three times.
  points: `SELECT p.id, p.case_id, p.forvaltning_id, p.afdeling_id, p.outcome, p.handling, p.competence_reason_id, p.forvaltning_agreed,
      (SELECT group_concat(t.theme_id) FROM complaint_point_themes t WHERE t.point_id = p.id),
      (SELECT group_concat(pr.rule_id, char(31)) FROM point_rules pr WHERE pr.point_id = p.id AND pr.assessment = 'ikke_overholdt')
    FROM cases c JOIN complaint_points p ON p.case_id = c.id
    WHERE ${RECEIVED}`,
  recommendations: `SELECT r.case_id, r.forvaltning_id, r.status FROM cases c JOIN recommendations r ON r.case_id = c.id WHERE ${RECEIVED}`,
  requests: `SELECT r.id, r.case_id, c.received_on, c.type, r.forvaltning_id, r.sent_on, r.answered_on, r.due_on
    FROM requests r JOIN cases c ON c.id = r.case_id
    WHERE r.sent_on BETWEEN @from AND @to`,
  // The klagepunkter's forvaltninger only matter to a forvaltning filter (@forvaltning): without one
  // they are not read (NULL). A forvaltning may repeat: the filter only asks whether one is there.
  closed: `SELECT c.id, c.received_on, c.closed_on, c.type,
      CASE WHEN @forvaltning IS NULL THEN NULL
        ELSE (SELECT group_concat(coalesce(p.forvaltning_id, 0)) FROM complaint_points p WHERE p.case_id = c.id) END AS forvaltning_ids
    FROM cases c WHERE c.closed_on BETWEEN @from AND @to`,
  // With @forvaltning, the WHERE drops henvendelser without a klagepunkt of it (their rows are the
  // LEFT JOIN's NULLs) and counts only its klagepunkter; without, every henvendelse and klagepunkt.
  // INDEXED BY: a short trend reads its days, not the whole cases_type index SQLite would pick for the grouping.
  trend: `SELECT c.received_on AS day, c.type, count(DISTINCT c.id) AS henvendelser, count(p.id) AS klagepunkter
    FROM cases c INDEXED BY cases_received LEFT JOIN complaint_points p ON p.case_id = c.id
    WHERE ${RECEIVED} AND (@forvaltning IS NULL OR p.forvaltning_id = @forvaltning)
    GROUP BY c.received_on, c.type`,
} as const;

const idNames = (rows: unknown[]) => new Map((rows as Array<{ id: number; name: string }>).map((r) => [r.id, r.name]));

export function loadReportNames(db: ReadableDB): ReportNames {
  return {
    forvaltninger: idNames(cached(db, 'SELECT id, name FROM forvaltninger').all()),
    afdelinger: idNames(cached(db, 'SELECT id, name FROM afdelinger').all()),
    competenceReasons: idNames(cached(db, 'SELECT id, name FROM competence_reasons').all()),
    themes: idNames(cached(db, 'SELECT id, name FROM themes').all()),
    ruleTitles: new Map((cached(db, 'SELECT id, title FROM rules').all() as Array<{ id: string; title: string }>).map((r) => [r.id, r.title])),
  };
}

/**
 * Every row the statistics of one period are made from (both ends of the period included).
 * `forvaltningId`: the report's forvaltning filter, when the closed henvendelsers' forvaltninger are needed.
 */
export function loadReportRows(db: ReadableDB, period: Readonly<{ from: string; to: string }>, forvaltningId: number | null): ReportRows {
  const p = { from: period.from, to: period.to };
  return {
    names: loadReportNames(db),
    cases: cached(db, REPORT_SQL.cases).all(p) as ReportCaseRow[],
    points: cached(db, REPORT_SQL.points).raw(true).all(p) as ReportPointRow[],
    recommendations: cached(db, REPORT_SQL.recommendations).all(p) as ReportRecommendationRow[],
    requests: cached(db, REPORT_SQL.requests).all(p) as ReportRequestRow[],
    closed: cached(db, REPORT_SQL.closed).all({ ...p, forvaltning: forvaltningId }) as ReportClosedRow[],
  };
}

/** Henvendelser and klagepunkter received from `from` to `to`, per day and type; of one forvaltning when given (the trend). */
export function loadTrendRows(db: ReadableDB, from: string, to: string, forvaltningId: number | null): ReportTrendRow[] {
  return cached(db, REPORT_SQL.trend).all({ from, to, forvaltning: forvaltningId }) as ReportTrendRow[];
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
