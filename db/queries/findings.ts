/**
 * The finding of a henvendelse (migration 0150): the draft's edited sections, the new version in
 * progress, the issued versions (insert and read only: triggers refuse UPDATE and DELETE) and the
 * adviser's extra anonymisation terms. Stores what it is given; the service
 * (electron/services/findings.ts) validates, renders and writes the history in one transaction.
 */
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';
import {
  FINDING_ANONYMISATION_TERMS,
  FINDING_DRAFTS,
  FINDING_SECTION_EDITS,
  FINDING_VERSIONS,
  type FindingDraftRow,
  type FindingSectionEditRow,
  type FindingVersionRow,
} from './tables/findings';

export type { FindingDraftRow, FindingSectionEditRow, FindingVersionRow };

/** A version without its PDFs: what lists and the state read. */
export type FindingVersionMetaRow = Omit<FindingVersionRow, 'pdf' | 'forvaltning_pdf'>;

const META_COLUMNS = FINDING_VERSIONS.columns.filter((c) => c !== 'pdf' && c !== 'forvaltning_pdf').map((c) => `v.${c}`).join(', ');

// ----- the draft's edited sections -----

/** The edited sections of a henvendelse's draft, in no particular order (the letter orders them). */
export function findingSectionEdits(db: ReadableDB, caseId: number): FindingSectionEditRow[] {
  return cached(db, `SELECT ${FINDING_SECTION_EDITS.select('e')} FROM finding_section_edits e WHERE e.case_id = ?`).all(caseId) as FindingSectionEditRow[];
}

/** Store one section's edited blocks (replacing an earlier edit of the same section). */
export function upsertFindingSectionEdit(db: WritableDB, row: FindingSectionEditRow): void {
  cached(
    db,
    `${FINDING_SECTION_EDITS.insertSql}
     ON CONFLICT (case_id, section) DO UPDATE SET blocks_json = excluded.blocks_json, edited_at = excluded.edited_at, edited_by = excluded.edited_by`,
  ).run(...FINDING_SECTION_EDITS.insertValues(row));
}

/** Drop one section's edit (back to the automatic text); true when there was one. */
export function deleteFindingSectionEdit(db: WritableDB, caseId: number, section: string): boolean {
  return cached(db, 'DELETE FROM finding_section_edits WHERE case_id = ? AND section = ?').run(caseId, section).changes > 0;
}

/** Drop every edit of a henvendelse's draft. */
export function deleteFindingSectionEdits(db: WritableDB, caseId: number): number {
  return cached(db, 'DELETE FROM finding_section_edits WHERE case_id = ?').run(caseId).changes;
}

// ----- a new version in progress -----

export function findingDraft(db: ReadableDB, caseId: number): FindingDraftRow | null {
  return (cached(db, `SELECT ${FINDING_DRAFTS.select('d')} FROM finding_drafts d WHERE d.case_id = ?`).get(caseId) as FindingDraftRow | undefined) ?? null;
}

export function insertFindingDraft(db: WritableDB, row: FindingDraftRow): void {
  cached(db, FINDING_DRAFTS.insertSql).run(...FINDING_DRAFTS.insertValues(row));
}

export function deleteFindingDraft(db: WritableDB, caseId: number): boolean {
  return cached(db, 'DELETE FROM finding_drafts WHERE case_id = ?').run(caseId).changes > 0;
}

// ----- issued versions -----

/** A henvendelse's issued versions without their PDFs, newest first. */
export function listFindingVersions(db: ReadableDB, caseId: number): FindingVersionMetaRow[] {
  return cached(db, `SELECT ${META_COLUMNS} FROM finding_versions v WHERE v.case_id = ? ORDER BY v.version DESC`).all(caseId) as FindingVersionMetaRow[];
}

/** One issued version without its PDFs. */
export function getFindingVersion(db: ReadableDB, id: number): FindingVersionMetaRow | null {
  return (cached(db, `SELECT ${META_COLUMNS} FROM finding_versions v WHERE v.id = ?`).get(id) as FindingVersionMetaRow | undefined) ?? null;
}

/** The stored PDF of one version and variant with the SHA-256 stored beside it. */
export function findingVersionPdf(db: ReadableDB, id: number, variant: 'borger' | 'forvaltning'): { bytes: Uint8Array; sha256: string } | null {
  const sql = variant === 'borger'
    ? 'SELECT pdf AS bytes, pdf_sha256 AS sha256 FROM finding_versions WHERE id = ?'
    : 'SELECT forvaltning_pdf AS bytes, forvaltning_pdf_sha256 AS sha256 FROM finding_versions WHERE id = ?';
  const row = cached(db, sql).get(id) as { bytes: Uint8Array; sha256: string } | undefined;
  return row ?? null;
}

/** The number the next version of a henvendelse's finding gets (1 for the first). */
export function nextFindingVersionNumber(db: ReadableDB, caseId: number): number {
  return (cached(db, 'SELECT COALESCE(MAX(version), 0) + 1 FROM finding_versions WHERE case_id = ?').pluck().get(caseId) as number);
}

/** Store an issued version; returns its id. There is no update or delete: the triggers refuse both. */
export function insertFindingVersion(db: WritableDB, row: Omit<FindingVersionRow, 'id'>): number {
  return Number(cached(db, FINDING_VERSIONS.insertSql).run(...FINDING_VERSIONS.insertValues(row)).lastInsertRowid);
}

// ----- extra anonymisation terms -----

/** The adviser's extra terms for the anonymised finding, in the order they were given. */
export function findingAnonymisationTerms(db: ReadableDB, caseId: number): string[] {
  return cached(db, 'SELECT term FROM finding_anonymisation_terms WHERE case_id = ? ORDER BY rowid').pluck().all(caseId) as string[];
}

/** Replace the henvendelse's extra terms with `terms` (already cleaned by the service). */
export function replaceFindingAnonymisationTerms(db: WritableDB, caseId: number, terms: ReadonlyArray<string>): void {
  db.transaction(() => {
    cached(db, 'DELETE FROM finding_anonymisation_terms WHERE case_id = ?').run(caseId);
    const insert = cached(db, FINDING_ANONYMISATION_TERMS.insertSql);
    for (const term of terms) insert.run(...FINDING_ANONYMISATION_TERMS.insertValues({ case_id: caseId, term }));
  })();
}

// ----- the export -----

/** One henvendelse's finding as stored, for the JSON export. */
export type FindingExportRows = { edits: FindingSectionEditRow[]; draft: FindingDraftRow | null; versions: FindingVersionRow[]; terms: string[] };

/** Every henvendelse's finding, by case id; in a fixed order so the same data exports the same bytes. */
export function loadExportFindings(db: ReadableDB): Map<number, FindingExportRows> {
  const out = new Map<number, FindingExportRows>();
  const of = (caseId: number): FindingExportRows => {
    let f = out.get(caseId);
    if (f === undefined) {
      f = { edits: [], draft: null, versions: [], terms: [] };
      out.set(caseId, f);
    }
    return f;
  };
  for (const r of cached(db, `SELECT ${FINDING_VERSIONS.select('v')} FROM finding_versions v ORDER BY v.case_id, v.version`).all() as FindingVersionRow[]) of(r.case_id).versions.push(r);
  for (const r of cached(db, `SELECT ${FINDING_DRAFTS.select('d')} FROM finding_drafts d ORDER BY d.case_id`).all() as FindingDraftRow[]) of(r.case_id).draft = r;
  for (const r of cached(db, `SELECT ${FINDING_SECTION_EDITS.select('e')} FROM finding_section_edits e ORDER BY e.case_id, e.section`).all() as FindingSectionEditRow[]) {
    of(r.case_id).edits.push(r);
  }
  for (const r of cached(db, 'SELECT case_id, term FROM finding_anonymisation_terms ORDER BY case_id, rowid').all() as Array<{ case_id: number; term: string }>) {
    of(r.case_id).terms.push(r.term);
  }
  return out;
}
