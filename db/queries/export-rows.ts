/**
 * Everything the export reads (electron/services/export.ts turns it into the JSON export or the
 * CSV), whole tables through their registries (./tables/), in a fixed order so two databases holding
 * the same data export the same bytes.
 */
import type { ReadableDB } from '../types';
import { cached } from './cached';
import { CASES, type CaseRow } from './tables/cases';
import { POINT_DEADLINES, RECOMMENDATIONS, REQUEST_EVENTS, REQUESTS, type PointDeadlineTableRow, type RecommendationRow, type RequestEventTableRow, type RequestTableRow } from './tables/follow-up';
import { POINT_RULES, POINTS, type PointRow, type PointRuleRow } from './tables/complaint-points';

export type ExportHistoryEntry = { at: string; actor: string; action: string; changes: Array<{ field: string; before: string; after: string }> };

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Every henvendelse, in reading order: date of receipt, then sagsnr. */
export function loadExportCases(db: ReadableDB): CaseRow[] {
  return cached(db, `SELECT ${CASES.select('c')} FROM cases c ORDER BY c.received_on, c.sagsnr_key, c.id`).all() as CaseRow[];
}

/** Klagepunkter per case, in their order. */
export function loadExportPoints(db: ReadableDB): Map<number, PointRow[]> {
  const rows = cached(db, `SELECT ${POINTS.select('p')} FROM complaint_points p ORDER BY p.case_id, p.position, p.id`).all() as PointRow[];
  return groupBy(rows, (p) => p.case_id);
}

/** Theme names per klagepunkt, ordered by name so the `tema` cell does not depend on ids. */
export function loadExportThemes(db: ReadableDB): Map<number, string[]> {
  const rows = cached(
    db,
    `SELECT pt.point_id, t.name FROM complaint_point_themes pt JOIN themes t ON t.id = pt.theme_id
      ORDER BY pt.point_id, t.name_key`,
  ).all() as Array<{ point_id: number; name: string }>;
  const out = new Map<number, string[]>();
  for (const [point, list] of groupBy(rows, (r) => r.point_id)) out.set(point, list.map((r) => r.name));
  return out;
}

/** Rule links per klagepunkt, in link order. */
export function loadExportPointRules(db: ReadableDB): Map<number, PointRuleRow[]> {
  const rows = cached(db, `SELECT ${POINT_RULES.select('pr')} FROM point_rules pr ORDER BY pr.point_id, pr.position, pr.rule_id`).all() as PointRuleRow[];
  return groupBy(rows, (r) => r.point_id);
}

/** Statutory deadlines per klagepunkt, by start. */
export function loadExportPointDeadlines(db: ReadableDB): Map<number, PointDeadlineTableRow[]> {
  const rows = cached(db, `SELECT ${POINT_DEADLINES.select('d')} FROM point_deadlines d ORDER BY d.point_id, d.start_on, d.id`).all() as PointDeadlineTableRow[];
  return groupBy(rows, (r) => r.point_id);
}

/** Henstillinger per case, oldest first (the CSV carries the first of each klagepunkt: the earliest given). */
export function loadExportRecommendations(db: ReadableDB): Map<number, RecommendationRow[]> {
  const rows = cached(db, `SELECT ${RECOMMENDATIONS.select('r')} FROM recommendations r ORDER BY r.case_id, r.given_on, r.id`).all() as RecommendationRow[];
  return groupBy(rows, (r) => r.case_id);
}

/** Requests per case, oldest first (the CSV carries the first per forvaltning, like henstillinger). */
export function loadExportRequests(db: ReadableDB): Map<number, RequestTableRow[]> {
  const rows = cached(db, `SELECT ${REQUESTS.select('r')} FROM requests r ORDER BY r.case_id, r.sent_on, r.id`).all() as RequestTableRow[];
  return groupBy(rows, (r) => r.case_id);
}

/** The klagepunkter each request names, as the klagepunkt's place on its case (1 = the first), in that order. */
export function loadExportRequestPoints(db: ReadableDB): Map<number, number[]> {
  const rows = cached(
    db,
    `SELECT rp.request_id, p.position FROM request_points rp JOIN complaint_points p ON p.id = rp.point_id ORDER BY rp.request_id, p.position`,
  ).all() as Array<{ request_id: number; position: number }>;
  const out = new Map<number, number[]>();
  for (const r of rows) out.set(r.request_id, [...(out.get(r.request_id) ?? []), r.position]);
  return out;
}

/** Rykkere, forlængelser and pauses per request, in the order they were recorded. */
export function loadExportRequestEvents(db: ReadableDB): Map<number, RequestEventTableRow[]> {
  const rows = cached(db, `SELECT ${REQUEST_EVENTS.select('e')} FROM request_events e ORDER BY e.request_id, e.id`).all() as RequestEventTableRow[];
  return groupBy(rows, (r) => r.request_id);
}

/** The audit trail of every case, oldest first; an imported entry with the time its own database recorded it. */
export function loadCaseHistories(db: ReadableDB): Map<number, ExportHistoryEntry[]> {
  const rows = cached(db, 'SELECT id, case_id, coalesce(original_at, at) AS at, actor, action, changes FROM audit_log WHERE case_id IS NOT NULL ORDER BY case_id, id').all() as Array<{
    id: number; case_id: number; at: string; actor: string; action: string; changes: string;
  }>;
  const out = new Map<number, ExportHistoryEntry[]>();
  for (const [caseId, list] of groupBy(rows, (r) => r.case_id)) {
    out.set(
      caseId,
      list.map((a) => {
        let changes: ExportHistoryEntry['changes'];
        try {
          const parsed: unknown = JSON.parse(a.changes);
          // Written only by appendAudit; a damaged entry keeps its text as one change rather than being dropped.
          changes = Array.isArray(parsed) ? (parsed as ExportHistoryEntry['changes']) : [{ field: '', before: '', after: a.changes }];
        } catch {
          changes = [{ field: '', before: '', after: a.changes }];
        }
        return { at: a.at, actor: a.actor, action: a.action, changes };
      }),
    );
  }
  return out;
}

type Entry = { id: number; name: string; sort_order: number; retired_at: string | null };

/** The catalogue, including retired entries, in display order, with the theme → rule suggestions. */
export function loadCatalogueForExport(db: ReadableDB) {
  const themeRules = groupBy(
    cached(db, 'SELECT theme_id, rule_id FROM theme_rules ORDER BY theme_id, rule_id').all() as Array<{ theme_id: number; rule_id: string }>,
    (r) => r.theme_id,
  );
  return {
    forvaltninger: cached(db, 'SELECT id, name, sort_order, retired_at FROM forvaltninger ORDER BY sort_order, name_key').all() as Entry[],
    afdelinger: cached(db, 'SELECT id, forvaltning_id, name, sort_order, retired_at FROM afdelinger ORDER BY sort_order, name_key').all() as Array<Entry & { forvaltning_id: number }>,
    themes: cached(db, 'SELECT id, name, sort_order, retired_at FROM themes ORDER BY sort_order, name_key').all() as Entry[],
    themeRules: new Map([...themeRules].map(([id, list]) => [id, list.map((r) => r.rule_id)])),
    competenceReasons: cached(db, 'SELECT id, name, code, sort_order, retired_at FROM competence_reasons ORDER BY sort_order, name_key').all() as Array<Entry & { code: string | null }>,
    advisers: cached(db, 'SELECT id, name, initials, email, title, retired_at FROM advisers ORDER BY name_key').all() as Array<{
      id: number; name: string; initials: string; email: string; title: string; retired_at: string | null;
    }>,
  };
}

/** Ids of the rules the data cites (klagepunkter, deadlines, klagefrister, theme suggestions). */
export function citedRuleIds(db: ReadableDB): Set<string> {
  return new Set(
    cached(
      db,
      `SELECT rule_id FROM point_rules UNION SELECT rule_id FROM point_deadlines WHERE rule_id IS NOT NULL
        UNION SELECT klagefrist_rule_id FROM cases WHERE klagefrist_rule_id IS NOT NULL UNION SELECT rule_id FROM theme_rules`,
    ).pluck().all() as string[],
  );
}
