/**
 * The annual report's texts (migration 0180), one row per period, and the issued findings a report
 * may include: the newest issued version of each henvendelse whose letter date lies in the period.
 */
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';

export type AnnualReportRow = Readonly<{
  id: number;
  title: string;
  forord: string;
  omFunktionen: string;
  aaretsTemaer: string;
  anbefalinger: string;
  statusSidsteAar: string;
  findingVersionIds: number[];
  updatedAt: string;
  updatedBy: string;
}>;

type Raw = {
  id: number; title: string; forord: string; om_funktionen: string; aarets_temaer: string; anbefalinger: string;
  status_sidste_aar: string; finding_version_ids: string; updated_at: string; updated_by: string;
};

function ids(json: string): number[] {
  // The column is checked to be a JSON array (0180) and written only below; keep positive integers only.
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((x): x is number => Number.isSafeInteger(x) && (x as number) > 0) : [];
}

/** The texts stored for exactly this period, or null. */
export function getAnnualReport(db: ReadableDB, from: string, to: string): AnnualReportRow | null {
  const r = cached(db, 'SELECT * FROM annual_reports WHERE period_from = ? AND period_to = ?').get(from, to) as Raw | undefined;
  if (!r) return null;
  return {
    id: r.id, title: r.title, forord: r.forord, omFunktionen: r.om_funktionen, aaretsTemaer: r.aarets_temaer, anbefalinger: r.anbefalinger,
    statusSidsteAar: r.status_sidste_aar, findingVersionIds: ids(r.finding_version_ids), updatedAt: r.updated_at, updatedBy: r.updated_by,
  };
}

export type AnnualReportWrite = Omit<AnnualReportRow, 'id'>;

/** Insert or replace the period's texts; returns the row's id. */
export function upsertAnnualReport(db: WritableDB, from: string, to: string, w: AnnualReportWrite): number {
  cached(
    db,
    `INSERT INTO annual_reports (period_from, period_to, title, forord, om_funktionen, aarets_temaer, anbefalinger, status_sidste_aar, finding_version_ids, updated_at, updated_by)
     VALUES (@from, @to, @title, @forord, @omFunktionen, @aaretsTemaer, @anbefalinger, @statusSidsteAar, @ids, @updatedAt, @updatedBy)
     ON CONFLICT (period_from, period_to) DO UPDATE SET title = excluded.title, forord = excluded.forord, om_funktionen = excluded.om_funktionen,
       aarets_temaer = excluded.aarets_temaer, anbefalinger = excluded.anbefalinger, status_sidste_aar = excluded.status_sidste_aar,
       finding_version_ids = excluded.finding_version_ids, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run({
    from, to, title: w.title, forord: w.forord, omFunktionen: w.omFunktionen, aaretsTemaer: w.aaretsTemaer, anbefalinger: w.anbefalinger,
    statusSidsteAar: w.statusSidsteAar, ids: JSON.stringify(w.findingVersionIds), updatedAt: w.updatedAt, updatedBy: w.updatedBy,
  });
  return (cached(db, 'SELECT id FROM annual_reports WHERE period_from = ? AND period_to = ?').get(from, to) as { id: number }).id;
}

export type ReportFindingRow = Readonly<{ versionId: number; caseId: number; sagsnr: string; letterDate: string; summary: string }>;

/**
 * The newest issued version of each henvendelse's finding, when its letter date lies in the period
 * (both ends included); oldest letter first, then by sagsnr.
 */
export function newestFindingVersionsInPeriod(db: ReadableDB, from: string, to: string): ReportFindingRow[] {
  return cached(
    db,
    `SELECT v.id AS versionId, v.case_id AS caseId, c.sagsnr AS sagsnr, v.letter_date AS letterDate, c.summary AS summary
       FROM finding_versions v JOIN cases c ON c.id = v.case_id
      WHERE v.version = (SELECT MAX(w.version) FROM finding_versions w WHERE w.case_id = v.case_id)
        AND v.letter_date BETWEEN ? AND ?
      ORDER BY v.letter_date, c.sagsnr`,
  ).all(from, to) as ReportFindingRow[];
}

/** Every period's texts, oldest period first, with each chosen finding as its case's sagsnr and version (the JSON export). */
export function listAnnualReportsForExport(db: ReadableDB): Array<AnnualReportRow & { from: string; to: string; findings: Array<{ sagsnr: string; version: number }> }> {
  const rows = cached(db, 'SELECT period_from, period_to FROM annual_reports ORDER BY period_from, period_to').all() as Array<{ period_from: string; period_to: string }>;
  const ref = cached(db, 'SELECT c.sagsnr AS sagsnr, v.version AS version FROM finding_versions v JOIN cases c ON c.id = v.case_id WHERE v.id = ?');
  return rows.flatMap((r) => {
    const row = getAnnualReport(db, r.period_from, r.period_to);
    if (row === null) return [];
    const findings = row.findingVersionIds.flatMap((id) => {
      const f = ref.get(id) as { sagsnr: string; version: number } | undefined;
      return f === undefined ? [] : [f];
    });
    return [{ ...row, from: r.period_from, to: r.period_to, findings }];
  });
}

/** The id of a case's issued finding version by sagsnr and version number, or null (the JSON import). */
export function findingVersionIdByRef(db: ReadableDB, sagsnr: string, version: number): number | null {
  const r = cached(db, 'SELECT v.id AS id FROM finding_versions v JOIN cases c ON c.id = v.case_id WHERE c.sagsnr = ? AND v.version = ?').get(sagsnr, version) as { id: number } | undefined;
  return r?.id ?? null;
}
