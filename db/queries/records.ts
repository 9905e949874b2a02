/**
 * Akter og journal (migrations 0120, 0130): the documents of a henvendelse with their bytes and read
 * text, the adviser's journal notes, and their full-text indexes `document_fts` / `journal_fts`.
 *
 * This module stores what it is given; validation, text extraction and the history are the
 * service's (electron/services/documents.ts, journal.ts), which wraps these calls in one
 * transaction. Every write here keeps its index row in step in the same transaction.
 */
import type { CaseDocument, DocumentMeta, DocumentSearchHit, JournalNote, JournalNoteInput } from '../../shared/domain/records';
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';
import { buildMatchQuery } from './search-index';
import {
  CASE_DOCUMENTS,
  DOCUMENT_CONTENTS,
  documentFromRow,
  documentRow,
  JOURNAL_NOTES,
  journalNoteFromRow,
  journalNoteRow,
  type DocumentContentRow,
  type DocumentRow,
  type JournalNoteRow,
} from './tables/records';

const DOC_SELECT = `SELECT ${CASE_DOCUMENTS.select('d')} FROM case_documents d`;
/** The letter's date first, then the order they were added: the order of a paper case file. */
const DOC_ORDER = 'ORDER BY d.document_date, d.id';

// Folding in SQL (fold_marks, migration 0100) so the bulk import and a single add index alike.
const INDEX_DOCUMENTS = `INSERT INTO document_fts (rowid, title, party, body, case_id)
  SELECT d.id, fold_marks(d.title), fold_marks(d.party), fold_marks(c.extracted_text), d.case_id
    FROM case_documents d JOIN document_contents c ON c.document_id = d.id`;
const INDEX_NOTES = 'INSERT INTO journal_fts (rowid, text, case_id) SELECT n.id, fold_marks(n.text), n.case_id FROM journal_notes n';

/** One henvendelse's akter, served by case_documents_case (test/db/query-plans.test.ts). */
export const LIST_DOCUMENTS_SQL = `${DOC_SELECT} WHERE d.case_id = ? ${DOC_ORDER}`;

export function listDocuments(db: ReadableDB, caseId: number): CaseDocument[] {
  return (cached(db, LIST_DOCUMENTS_SQL).all(caseId) as DocumentRow[]).map(documentFromRow);
}

export function getDocument(db: ReadableDB, id: number): CaseDocument | null {
  const row = cached(db, `${DOC_SELECT} WHERE d.id = ?`).get(id) as DocumentRow | undefined;
  return row ? documentFromRow(row) : null;
}

/** The file's bytes, or null when the akt is gone. */
export function documentBytes(db: ReadableDB, id: number): Uint8Array | null {
  const row = cached(db, 'SELECT bytes FROM document_contents WHERE document_id = ?').get(id) as { bytes: Uint8Array } | undefined;
  return row ? row.bytes : null;
}

/** Stores an akt with its bytes and read text, and indexes it. */
export function insertDocument(db: WritableDB, doc: Omit<CaseDocument, 'id'>, bytes: Uint8Array, text: string): number {
  return db.transaction(() => {
    const id = Number(cached(db, CASE_DOCUMENTS.insertSql).run(...CASE_DOCUMENTS.insertValues(documentRow(doc))).lastInsertRowid);
    const content: DocumentContentRow = { document_id: id, bytes, extracted_text: text };
    cached(db, DOCUMENT_CONTENTS.insertSql).run(...DOCUMENT_CONTENTS.insertValues(content));
    cached(db, `${INDEX_DOCUMENTS} WHERE d.id = ?`).run(id);
    return id;
  })();
}

export function updateDocumentMeta(db: WritableDB, id: number, meta: DocumentMeta, updatedAt: string): void {
  db.transaction(() => {
    cached(db, 'UPDATE case_documents SET title = ?, document_date = ?, direction = ?, party = ?, request_id = ?, updated_at = ? WHERE id = ?').run(
      meta.title, meta.documentDate, meta.direction, meta.party, meta.requestId, updatedAt, id,
    );
    cached(db, 'DELETE FROM document_fts WHERE rowid = ?').run(id);
    cached(db, `${INDEX_DOCUMENTS} WHERE d.id = ?`).run(id);
  })();
}

export function deleteDocument(db: WritableDB, id: number): void {
  db.transaction(() => {
    cached(db, 'DELETE FROM document_fts WHERE rowid = ?').run(id);
    cached(db, 'DELETE FROM case_documents WHERE id = ?').run(id);
  })();
}

/**
 * Akter whose title, sender/recipient or text match what the adviser typed (folded as the index,
 * so "Sukru" finds "Şükrü"), in one henvendelse or all, best match first, with a snippet.
 */
export function searchDocuments(db: ReadableDB, text: string, caseId: number | null, limit: number): DocumentSearchHit[] {
  const match = buildMatchQuery(text);
  if (match === null) return [];
  const rows = cached(
    db,
    `SELECT d.case_id AS caseId, c.sagsnr, d.id AS documentId, d.title,
            snippet(document_fts, -1, '«', '»', '…', 12) AS snippet
       FROM document_fts
       JOIN case_documents d ON d.id = document_fts.rowid
       JOIN cases c ON c.id = d.case_id
      WHERE document_fts MATCH @match AND (@caseId IS NULL OR document_fts.case_id = @caseId)
      ORDER BY rank LIMIT @limit`,
  ).all({ match, caseId, limit }) as DocumentSearchHit[];
  return rows;
}

/** The journal notes of one henvendelse matching the text (folded), by id. */
export function searchJournalNoteIds(db: ReadableDB, text: string, caseId: number): number[] {
  const match = buildMatchQuery(text);
  if (match === null) return [];
  return cached(db, 'SELECT rowid FROM journal_fts WHERE journal_fts MATCH ? AND case_id = ?').pluck().all(match, caseId) as number[];
}

const NOTE_SELECT = `SELECT ${JOURNAL_NOTES.select('n')} FROM journal_notes n`;

/** One henvendelse's journal notes, served by journal_notes_case. */
export const LIST_NOTES_SQL = `${NOTE_SELECT} WHERE n.case_id = ? ORDER BY n.noted_on, n.noted_at, n.id`;

export function listJournalNotes(db: ReadableDB, caseId: number): JournalNote[] {
  return (cached(db, LIST_NOTES_SQL).all(caseId) as JournalNoteRow[]).map(journalNoteFromRow);
}

export function getJournalNote(db: ReadableDB, id: number): JournalNote | null {
  const row = cached(db, `${NOTE_SELECT} WHERE n.id = ?`).get(id) as JournalNoteRow | undefined;
  return row ? journalNoteFromRow(row) : null;
}

export function insertJournalNote(db: WritableDB, note: Omit<JournalNote, 'id'>): number {
  return db.transaction(() => {
    const id = Number(cached(db, JOURNAL_NOTES.insertSql).run(...JOURNAL_NOTES.insertValues(journalNoteRow(note))).lastInsertRowid);
    cached(db, `${INDEX_NOTES} WHERE n.id = ?`).run(id);
    return id;
  })();
}

export function updateJournalNote(db: WritableDB, id: number, input: JournalNoteInput, updatedAt: string): void {
  db.transaction(() => {
    cached(db, 'UPDATE journal_notes SET kind = ?, noted_on = ?, noted_at = ?, text = ?, updated_at = ? WHERE id = ?').run(
      input.kind, input.notedOn, input.notedAt, input.text, updatedAt, id,
    );
    cached(db, 'DELETE FROM journal_fts WHERE rowid = ?').run(id);
    cached(db, `${INDEX_NOTES} WHERE n.id = ?`).run(id);
  })();
}

export function deleteJournalNote(db: WritableDB, id: number): void {
  db.transaction(() => {
    cached(db, 'DELETE FROM journal_fts WHERE rowid = ?').run(id);
    cached(db, 'DELETE FROM journal_notes WHERE id = ?').run(id);
  })();
}

// ---------------------------------------------------------------------------------------------
// Export and restore: whole tables in a fixed order, and a bulk write keyed by the new case ids.

/** Every akt with its bytes and read text, per case in list order (the JSON export). */
export function allDocumentsWithContent(db: ReadableDB): Array<{ doc: CaseDocument; bytes: Uint8Array; text: string }> {
  const rows = cached(
    db,
    `SELECT ${CASE_DOCUMENTS.select('d')}, c.bytes, c.extracted_text FROM case_documents d JOIN document_contents c ON c.document_id = d.id
      ORDER BY d.case_id, d.document_date, d.id`,
  ).all() as Array<DocumentRow & { bytes: Uint8Array; extracted_text: string }>;
  return rows.map((r) => ({ doc: documentFromRow(r), bytes: r.bytes, text: r.extracted_text }));
}

export function allJournalNotes(db: ReadableDB): JournalNote[] {
  return (cached(db, `${NOTE_SELECT} ORDER BY n.case_id, n.noted_on, n.noted_at, n.id`).all() as JournalNoteRow[]).map(journalNoteFromRow);
}

/** How many akter and journal notes the database holds (what a CSV export leaves out). */
export function countRecords(db: ReadableDB): { documents: number; notes: number } {
  return {
    documents: cached(db, 'SELECT count(*) FROM case_documents').pluck().get() as number,
    notes: cached(db, 'SELECT count(*) FROM journal_notes').pluck().get() as number,
  };
}
