/**
 * 0120: akter – the documents of a henvendelse, stored in the database itself so they are backed up
 * (and later encrypted) with it.
 *
 * The metadata (`case_documents`) and the bytes (`document_contents`) are separate tables: the list
 * of akter never reads a blob, and a later server backend can keep the bytes elsewhere (a bytea
 * table, object storage) without touching the metadata. The text read from the file for search is
 * kept beside the bytes (`extracted_text`): it is derived from them and can be as large.
 *
 * `document_fts` is the full-text index of the akter (title, sender/recipient, text), rowid =
 * case_documents.id, with `case_id` stored unindexed so a hit names its henvendelse. Text is folded
 * (`fold_marks`, migration 0100) as it is indexed. It keeps its content, unlike case_fts, because a
 * hit shows a snippet of the text.
 *
 * A request's answer may be an akt (the forvaltning's statement): `request_id`, cleared if the
 * request is ever removed.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    CREATE TABLE case_documents (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      request_id INTEGER REFERENCES requests(id) ON DELETE SET NULL,
      file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 260),
      media_type TEXT NOT NULL CHECK (length(media_type) BETWEEN 1 AND 120),
      size INTEGER NOT NULL CHECK (size BETWEEN 1 AND 52428800),
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
      document_date TEXT NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('ind', 'ud', 'intern')),
      party TEXT NOT NULL DEFAULT '' CHECK (length(party) <= 300),
      text_status TEXT NOT NULL CHECK (text_status IN ('laest', 'ulaeselig', 'ingen')),
      added_by TEXT NOT NULL,
      added_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX case_documents_case ON case_documents(case_id, document_date);
    CREATE INDEX case_documents_request ON case_documents(request_id) WHERE request_id IS NOT NULL;

    CREATE TABLE document_contents (
      document_id INTEGER PRIMARY KEY REFERENCES case_documents(id) ON DELETE CASCADE,
      bytes BLOB NOT NULL,
      extracted_text TEXT NOT NULL DEFAULT '' CHECK (length(extracted_text) <= 1048576)
    ) STRICT;

    CREATE VIRTUAL TABLE document_fts USING fts5 (
      title, party, body, case_id UNINDEXED,
      tokenize = "unicode61 remove_diacritics 0",
      prefix = '2'
    );
  `);
}
