/**
 * Retention (migration 0200): the years a closed henvendelse keeps its personal data, the
 * henvendelser a run is due to anonymise, their free texts, and the writes a run makes. Stores what
 * it is given; the service (electron/services/retention.ts) builds the plan, anonymises the texts
 * and runs everything in one transaction with its audit entry.
 */
import { danishSortKey } from '../../shared/domain/sort-key';
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';
import { reindexCases } from './search-index';

/** What a name becomes: the same word everywhere, so the henvendelse still reads as one. */
export const ANONYMISED_NAME = '[anonymiseret]';

export function readRetentionYears(db: ReadableDB): number {
  return cached(db, 'SELECT years FROM retention_settings WHERE id = 1').pluck().get() as number;
}

export function writeRetentionYears(db: WritableDB, years: number, nowIso: string): void {
  cached(db, 'UPDATE retention_settings SET years = ?, updated_at = ? WHERE id = 1').run(years, nowIso);
}

/** A henvendelse a run would anonymise, with the personal data the anonymiser looks for. */
export type RetentionCaseRow = {
  id: number;
  sagsnr: string;
  closed_on: string;
  version: number;
  citizen_name: string;
  citizen_address: string;
  citizen_phone: string;
  citizen_email: string;
  citizen_cpr: string | null;
  rep_name: string | null;
  rep_phone: string | null;
  rep_email: string | null;
  points: number;
  notes: number;
  documents: number;
  files: number;
  findings: number;
  requests: number;
  recommendations: number;
  audit: number;
};

/** Served by cases_closed (test/db/retention-queries.test.ts): the closed henvendelser before the cutoff only. */
export const DUE_FOR_RETENTION_SQL = `SELECT c.id, c.sagsnr, c.closed_on, c.version, c.citizen_name, c.citizen_address, c.citizen_phone, c.citizen_email,
          c.citizen_cpr, c.rep_name, c.rep_phone, c.rep_email,
          (SELECT count(*) FROM complaint_points p WHERE p.case_id = c.id) AS points,
          (SELECT count(*) FROM journal_notes n WHERE n.case_id = c.id) AS notes,
          (SELECT count(*) FROM case_documents d WHERE d.case_id = c.id) AS documents,
          (SELECT count(*) FROM case_documents d JOIN document_contents x ON x.document_id = d.id
            WHERE d.case_id = c.id AND length(x.bytes) > 0) AS files,
          (SELECT count(*) FROM finding_versions v WHERE v.case_id = c.id) AS findings,
          (SELECT count(*) FROM requests r WHERE r.case_id = c.id) AS requests,
          (SELECT count(*) FROM recommendations h WHERE h.case_id = c.id) AS recommendations,
          (SELECT count(*) FROM audit_log a WHERE a.case_id = c.id) AS audit
     FROM cases c
    WHERE c.closed_on IS NOT NULL AND c.closed_on < ?
      AND NOT EXISTS (SELECT 1 FROM retention_run_cases rc WHERE rc.case_id = c.id)
    ORDER BY c.closed_on, c.id`;

/**
 * Henvendelser closed before `cutoff` (exclusive) that no earlier run anonymised, oldest closure
 * first. A henvendelse reopened after closure has no closed_on and is not due.
 */
export function casesDueForRetention(db: ReadableDB, cutoff: string): RetentionCaseRow[] {
  return cached(db, DUE_FOR_RETENTION_SQL).all(cutoff) as RetentionCaseRow[];
}

/** The date a retention run anonymised the henvendelse, or null when none has. */
export function caseRetainedOn(db: ReadableDB, caseId: number): string | null {
  const row = cached(
    db,
    `SELECT r.finished_at FROM retention_run_cases rc JOIN retention_runs r ON r.id = rc.run_id
      WHERE rc.case_id = ? AND r.finished_at IS NOT NULL ORDER BY r.id LIMIT 1`,
  ).get(caseId) as { finished_at: string } | undefined;
  return row?.finished_at ?? null;
}

/**
 * Where a free text of a henvendelse lives. A closed list, so a text column is named here once
 * and the write below can only touch these columns.
 */
const FREE_TEXTS = {
  'cases.summary': { sql: 'SELECT id, summary AS text FROM cases WHERE id = ?', update: 'UPDATE cases SET summary = ? WHERE id = ?' },
  'cases.description': { sql: 'SELECT id, description AS text FROM cases WHERE id = ?', update: 'UPDATE cases SET description = ? WHERE id = ?' },
  'cases.rep_relation': { sql: 'SELECT id, rep_relation AS text FROM cases WHERE id = ? AND rep_relation IS NOT NULL', update: 'UPDATE cases SET rep_relation = ? WHERE id = ?' },
  'complaint_points.description': { sql: 'SELECT id, description AS text FROM complaint_points WHERE case_id = ?', update: 'UPDATE complaint_points SET description = ? WHERE id = ?' },
  // A WITHOUT ROWID table: the row is the klagepunkt's id and the rule's (`key`).
  'point_rules.reasoning': {
    sql: 'SELECT r.point_id AS id, r.rule_id AS key, r.reasoning AS text FROM point_rules r JOIN complaint_points p ON p.id = r.point_id WHERE p.case_id = ?',
    update: 'UPDATE point_rules SET reasoning = ? WHERE point_id = ? AND rule_id = ?',
  },
  'journal_notes.text': { sql: 'SELECT id, text FROM journal_notes WHERE case_id = ?', update: 'UPDATE journal_notes SET text = ? WHERE id = ?' },
  'requests.note': { sql: 'SELECT id, note AS text FROM requests WHERE case_id = ?', update: 'UPDATE requests SET note = ? WHERE id = ?' },
  'requests.answer_summary': { sql: 'SELECT id, answer_summary AS text FROM requests WHERE case_id = ?', update: 'UPDATE requests SET answer_summary = ? WHERE id = ?' },
  'request_events.reason': {
    sql: 'SELECT e.id, e.reason AS text FROM request_events e JOIN requests r ON r.id = e.request_id WHERE r.case_id = ?',
    update: 'UPDATE request_events SET reason = ? WHERE id = ?',
  },
  'point_deadlines.note': {
    sql: 'SELECT d.id, d.note AS text FROM point_deadlines d JOIN complaint_points p ON p.id = d.point_id WHERE p.case_id = ?',
    update: 'UPDATE point_deadlines SET note = ? WHERE id = ?',
  },
  'recommendations.text': { sql: 'SELECT id, text FROM recommendations WHERE case_id = ?', update: 'UPDATE recommendations SET text = ? WHERE id = ?' },
  'recommendations.answer': { sql: 'SELECT id, answer AS text FROM recommendations WHERE case_id = ?', update: 'UPDATE recommendations SET answer = ? WHERE id = ?' },
  'case_documents.title': { sql: 'SELECT id, title AS text FROM case_documents WHERE case_id = ?', update: 'UPDATE case_documents SET title = substr(?, 1, 300) WHERE id = ?' },
  'case_documents.party': { sql: 'SELECT id, party AS text FROM case_documents WHERE case_id = ?', update: 'UPDATE case_documents SET party = substr(?, 1, 300) WHERE id = ?' },
  'case_documents.file_name': { sql: 'SELECT id, file_name AS text FROM case_documents WHERE case_id = ?', update: 'UPDATE case_documents SET file_name = substr(?, 1, 260) WHERE id = ?' },
  'finding_section_edits.blocks_json': {
    sql: 'SELECT rowid AS id, blocks_json AS text FROM finding_section_edits WHERE case_id = ?',
    update: 'UPDATE finding_section_edits SET blocks_json = ? WHERE rowid = ?',
  },
} as const;

export type FreeTextPlace = keyof typeof FREE_TEXTS;
export const FREE_TEXT_PLACES = Object.keys(FREE_TEXTS) as FreeTextPlace[];
/** `key`: the second part of the row's key where the id alone does not name it (point_rules), else null. */
export type FreeText = { place: FreeTextPlace; id: number; key: string | null; text: string };

/** Every non-empty free text of a henvendelse, in a fixed order. */
export function caseFreeTexts(db: ReadableDB, caseId: number): FreeText[] {
  const out: FreeText[] = [];
  for (const place of FREE_TEXT_PLACES) {
    for (const r of cached(db, `${FREE_TEXTS[place].sql} ORDER BY 1`).all(caseId) as Array<{ id: number; key?: string; text: string }>) {
      if (r.text.trim() !== '') out.push({ place, id: r.id, key: r.key ?? null, text: r.text });
    }
  }
  return out;
}

export function writeFreeText(db: WritableDB, t: Omit<FreeText, 'text'>, text: string): void {
  if (t.key === null) cached(db, FREE_TEXTS[t.place].update).run(text, t.id);
  else cached(db, FREE_TEXTS[t.place].update).run(text, t.id, t.key);
}

/** The issued finding versions of a henvendelse with the texts a run anonymises. */
export function findingVersionTexts(db: ReadableDB, caseId: number): Array<{ id: number; document_json: string; addressees_json: string; reason: string }> {
  return cached(db, 'SELECT id, document_json, addressees_json, reason FROM finding_versions WHERE case_id = ? ORDER BY version').all(caseId) as Array<{
    id: number;
    document_json: string;
    addressees_json: string;
    reason: string;
  }>;
}

/** The adviser's extra anonymisation terms of a henvendelse (also personal data: they go too). */
export function deleteAnonymisationTerms(db: WritableDB, caseId: number): void {
  cached(db, 'DELETE FROM finding_anonymisation_terms WHERE case_id = ?').run(caseId);
}

/** Opens a run: until `finishRetentionRun`, the finding trigger lets this run empty the henvendelser's PDFs. */
export function openRetentionRun(
  db: WritableDB,
  run: Readonly<{ token: string; cutoff: string; years: number; startedAt: string; runBy: string; caseIds: ReadonlyArray<number> }>,
): number {
  const id = Number(
    cached(db, 'INSERT INTO retention_runs (token, cutoff, years, started_at, finished_at, run_by, case_count) VALUES (?, ?, ?, ?, NULL, ?, ?)')
      .run(run.token, run.cutoff, run.years, run.startedAt, run.runBy, run.caseIds.length).lastInsertRowid,
  );
  const add = cached(db, 'INSERT INTO retention_run_cases (run_id, case_id) VALUES (?, ?)');
  for (const caseId of run.caseIds) add.run(id, caseId);
  return id;
}

export function finishRetentionRun(db: WritableDB, runId: number, finishedAt: string): void {
  cached(db, 'UPDATE retention_runs SET finished_at = ? WHERE id = ?').run(finishedAt, runId);
}

/** An issued version's PDFs emptied and its letter replaced by the anonymised letter (the trigger allows only this, only in an open run). */
export function eraseFindingVersion(db: WritableDB, versionId: number, documentJson: string, addresseesJson: string, reason: string): void {
  cached(db, "UPDATE finding_versions SET pdf = X'', forvaltning_pdf = X'', document_json = ?, addressees_json = ?, reason = ? WHERE id = ?").run(
    documentJson,
    addresseesJson,
    reason,
    versionId,
  );
}

/**
 * The henvendelse's own personal data removed: names become "[anonymiseret]", CPR, address, phone
 * and e-mail are cleared; the version moves, so a form still open elsewhere cannot save over it.
 */
export function clearCasePersonalData(db: WritableDB, caseId: number, nowIso: string): void {
  cached(
    db,
    `UPDATE cases SET citizen_name = @name, citizen_sort = @sort, citizen_address = '', citizen_phone = '', citizen_email = '',
            citizen_cpr = NULL,
            rep_name = CASE WHEN rep_name IS NULL THEN NULL ELSE @name END,
            rep_phone = CASE WHEN rep_phone IS NULL THEN NULL ELSE '' END,
            rep_email = CASE WHEN rep_email IS NULL THEN NULL ELSE '' END,
            version = version + 1, updated_at = @now
      WHERE id = @id`,
  ).run({ name: ANONYMISED_NAME, sort: danishSortKey(ANONYMISED_NAME), now: nowIso, id: caseId });
}

/** The akter's files and read text deleted; their metadata (date, direction, kind, size) stays. */
export function eraseCaseDocumentFiles(db: WritableDB, caseId: number): number {
  return cached(
    db,
    `UPDATE document_contents SET bytes = X'', extracted_text = ''
      WHERE document_id IN (SELECT id FROM case_documents WHERE case_id = ?) AND length(bytes) > 0`,
  ).run(caseId).changes;
}

/** The henvendelser's rows of the three search indexes written again from what is now stored. */
export function reindexRetainedCases(db: WritableDB, caseIds: ReadonlyArray<number>): void {
  const ids = JSON.stringify([...caseIds]);
  cached(db, 'DELETE FROM document_fts WHERE rowid IN (SELECT id FROM case_documents WHERE case_id IN (SELECT value FROM json_each(?)))').run(ids);
  cached(
    db,
    `INSERT INTO document_fts (rowid, title, party, body, case_id)
       SELECT d.id, fold_marks(d.title), fold_marks(d.party), fold_marks(c.extracted_text), d.case_id
         FROM case_documents d JOIN document_contents c ON c.document_id = d.id
        WHERE d.case_id IN (SELECT value FROM json_each(?))`,
  ).run(ids);
  cached(db, 'DELETE FROM journal_fts WHERE rowid IN (SELECT id FROM journal_notes WHERE case_id IN (SELECT value FROM json_each(?)))').run(ids);
  cached(
    db,
    `INSERT INTO journal_fts (rowid, text, case_id)
       SELECT n.id, fold_marks(n.text), n.case_id FROM journal_notes n WHERE n.case_id IN (SELECT value FROM json_each(?))`,
  ).run(ids);
  reindexCases(db, caseIds);
}
