/**
 * Everything the export reads (electron/services/export.ts turns it into the import format or the
 * JSON dump), in a fixed order so two databases holding the same data export the same bytes.
 */
import type { AssessmentCode } from '../../shared/domain/rule';
import type { HandlingCode, OutcomeCode } from '../../shared/domain/vocab';
import type { ReadableDB } from '../types';
import { cached } from './cached';
import type { RequestRow } from './requests';
import type { CaseDeadlineRow } from './case-deadlines';
import type { CaseRow } from './cases';

/** A case row with its adviser's name instead of the id, and the deadline columns of migrations 0040 and 0070. */
export type ExportCaseRow = Omit<CaseRow, 'adviser_id'> & { adviser: string | null; competence_reason: string | null } & Omit<CaseDeadlineRow, 'id' | 'sagsnr' | 'received_on' | 'closed_on'>;

export type ExportPointRow = {
  id: number;
  case_id: number;
  position: number;
  forvaltning: string | null;
  afdeling: string | null;
  description: string;
  outcome: OutcomeCode | null;
  forvaltning_agreed: 0 | 1 | null;
  apologised: 0 | 1;
  put_right: 0 | 1;
  /** The competence reason's name; null: inside competence (migration 0080). */
  competence_reason: string | null;
  handling: HandlingCode | null;
  created_at: string;
  updated_at: string;
};

export type ExportPointRuleRow = { point_id: number; rule_id: string; assessment: AssessmentCode; reasoning: string };


export type ExportHistoryEntry = { id: number; at: string; actor: string; action: string; changes: unknown };

/** Reading order: date of receipt, then sagsnr. */
export function loadExportCases(db: ReadableDB): ExportCaseRow[] {
  return cached(
    db,
    `SELECT c.*, a.name AS adviser, cr.name AS competence_reason
       FROM cases c LEFT JOIN advisers a ON a.id = c.adviser_id
       LEFT JOIN competence_reasons cr ON cr.id = c.competence_reason_id
      ORDER BY c.received_on, c.sagsnr_key, c.id`,
  ).all() as ExportCaseRow[];
}

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

/** Klagepunkter per case, in their order, with forvaltning and afdeling by name. */
export function loadExportPoints(db: ReadableDB): Map<number, ExportPointRow[]> {
  const rows = cached(
    db,
    `SELECT p.id, p.case_id, p.position, f.name AS forvaltning, d.name AS afdeling, p.description, p.outcome,
            p.forvaltning_agreed, p.apologised, p.put_right, r.name AS competence_reason, p.handling, p.created_at, p.updated_at
       FROM complaint_points p
       LEFT JOIN forvaltninger f ON f.id = p.forvaltning_id
       LEFT JOIN afdelinger d ON d.id = p.afdeling_id
       LEFT JOIN competence_reasons r ON r.id = p.competence_reason_id
      ORDER BY p.case_id, p.position, p.id`,
  ).all() as ExportPointRow[];
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
export function loadExportPointRules(db: ReadableDB): Map<number, ExportPointRuleRow[]> {
  const rows = cached(db, 'SELECT point_id, rule_id, assessment, reasoning FROM point_rules ORDER BY point_id, position, rule_id').all() as ExportPointRuleRow[];
  return groupBy(rows, (r) => r.point_id);
}

/** The audit trail of every case, oldest first. */
export function loadCaseHistories(db: ReadableDB): Map<number, ExportHistoryEntry[]> {
  const rows = cached(db, 'SELECT id, case_id, at, actor, action, changes FROM audit_log WHERE case_id IS NOT NULL ORDER BY case_id, id').all() as Array<{
    id: number; case_id: number; at: string; actor: string; action: string; changes: string;
  }>;
  const out = new Map<number, ExportHistoryEntry[]>();
  for (const [caseId, list] of groupBy(rows, (r) => r.case_id)) {
    out.set(
      caseId,
      list.map((a) => {
        let changes: unknown;
        try {
          changes = JSON.parse(a.changes);
        } catch {
          changes = a.changes; // keep a damaged entry as text rather than dropping it
        }
        return { id: a.id, at: a.at, actor: a.actor, action: a.action, changes };
      }),
    );
  }
  return out;
}

/** The catalogue, including retired entries, in display order. */
export function loadCatalogueForExport(db: ReadableDB) {
  return {
    forvaltninger: cached(db, 'SELECT id, name, retired_at FROM forvaltninger ORDER BY sort_order, name_key').all() as Array<{ id: number; name: string; retired_at: string | null }>,
    afdelinger: cached(db, 'SELECT forvaltning_id, name, retired_at FROM afdelinger ORDER BY sort_order, name_key').all() as Array<{ forvaltning_id: number; name: string; retired_at: string | null }>,
    themes: cached(db, 'SELECT name, retired_at FROM themes ORDER BY sort_order, name_key').all() as Array<{ name: string; retired_at: string | null }>,
    competenceReasons: cached(db, 'SELECT name, retired_at FROM competence_reasons ORDER BY sort_order, name_key').all() as Array<{ name: string; retired_at: string | null }>,
    advisers: cached(db, 'SELECT name, initials, email, retired_at FROM advisers ORDER BY name_key').all() as Array<{ name: string; initials: string; email: string; retired_at: string | null }>,
  };
}

/** A request as the export reads it: the stored row with the forvaltning's name and the number of events. */
export type ExportRequestRow = Omit<RequestRow, 'sagsnr' | 'forvaltning_id'> & {
  /** Rykkere, forlængelser and pauses recorded on the request. */
  events: number;
};

/** Requests per case, oldest first (the CSV carries the first per forvaltning, like henstillinger). */
export function loadExportRequests(db: ReadableDB): Map<number, ExportRequestRow[]> {
  const rows = cached(
    db,
    `SELECT r.id, r.case_id, f.name AS forvaltning, r.kind, r.sent_on, r.deadline_amount, r.deadline_unit, r.roll_forward, r.profile,
            r.due_on, r.explicit_due, r.answered_on, r.closed_on, r.verdict_on_time, r.verdict_working_days, r.verdict_days_late, r.note,
            (SELECT count(*) FROM request_events e WHERE e.request_id = r.id) AS events
       FROM requests r JOIN forvaltninger f ON f.id = r.forvaltning_id
      ORDER BY r.case_id, r.sent_on, r.id`,
  ).all() as ExportRequestRow[];
  return groupBy(rows, (r) => r.case_id);
}
