/**
 * Akter og journal (migrations 0120, 0130): the documents of a henvendelse with their bytes, and the
 * adviser's journal notes. Registry and row ↔ domain mapping per table, used by db/queries/records.ts,
 * the export and the JSON import.
 */
import type { CaseDocument, JournalNote, TextStatus } from '../../../shared/domain/records';
import type { DocumentDirectionCode, JournalKindCode } from '../../../shared/domain/vocab';
import { defineTable } from './table';

export type DocumentRow = {
  id: number;
  case_id: number;
  request_id: number | null;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  title: string;
  document_date: string;
  direction: DocumentDirectionCode;
  party: string;
  text_status: TextStatus;
  added_by: string;
  added_at: string;
  updated_at: string;
};

export const CASE_DOCUMENTS = defineTable<DocumentRow>(
  'case_documents',
  {
    id: true, case_id: true, request_id: true, file_name: true, media_type: true, size: true, sha256: true, title: true, document_date: true,
    direction: true, party: true, text_status: true, added_by: true, added_at: true, updated_at: true,
  },
  'id',
);

export type DocumentContentRow = { document_id: number; bytes: Uint8Array; extracted_text: string };

export const DOCUMENT_CONTENTS = defineTable<DocumentContentRow>('document_contents', { document_id: true, bytes: true, extracted_text: true }, null);

export function documentFromRow(r: DocumentRow): CaseDocument {
  return {
    id: r.id, caseId: r.case_id, requestId: r.request_id, fileName: r.file_name, mediaType: r.media_type, size: r.size, sha256: r.sha256,
    title: r.title, documentDate: r.document_date, direction: r.direction, party: r.party, textStatus: r.text_status, addedBy: r.added_by,
    addedAt: r.added_at, updatedAt: r.updated_at,
  };
}

export function documentRow(d: Omit<CaseDocument, 'id'>): Omit<DocumentRow, 'id'> {
  return {
    case_id: d.caseId, request_id: d.requestId, file_name: d.fileName, media_type: d.mediaType, size: d.size, sha256: d.sha256, title: d.title,
    document_date: d.documentDate, direction: d.direction, party: d.party, text_status: d.textStatus, added_by: d.addedBy, added_at: d.addedAt,
    updated_at: d.updatedAt,
  };
}

export type JournalNoteRow = {
  id: number;
  case_id: number;
  kind: JournalKindCode;
  noted_on: string;
  noted_at: string | null;
  text: string;
  author: string;
  created_at: string;
  updated_at: string;
};

export const JOURNAL_NOTES = defineTable<JournalNoteRow>(
  'journal_notes',
  { id: true, case_id: true, kind: true, noted_on: true, noted_at: true, text: true, author: true, created_at: true, updated_at: true },
  'id',
);

export function journalNoteFromRow(r: JournalNoteRow): JournalNote {
  return {
    id: r.id, caseId: r.case_id, kind: r.kind, notedOn: r.noted_on, notedAt: r.noted_at, text: r.text, author: r.author,
    createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export function journalNoteRow(n: Omit<JournalNote, 'id'>): Omit<JournalNoteRow, 'id'> {
  return {
    case_id: n.caseId, kind: n.kind, noted_on: n.notedOn, noted_at: n.notedAt, text: n.text, author: n.author, created_at: n.createdAt,
    updated_at: n.updatedAt,
  };
}
