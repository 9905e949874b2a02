/**
 * 0130: the adviser's journal notes on a henvendelse (telefonnotat, møde, intern note): notatpligt
 * (offentlighedslovens § 13) applies to the borgerrådgiver too. `author` is the adviser who wrote
 * the note, by name as the history records it; edits are recorded in the history, not here.
 *
 * `journal_fts` indexes the text (folded by the writer, as document_fts in 0120), rowid =
 * journal_notes.id.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    CREATE TABLE journal_notes (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('telefonnotat', 'moede', 'intern_note')),
      noted_on TEXT NOT NULL,
      noted_at TEXT CHECK (noted_at IS NULL OR length(noted_at) = 5),
      text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 20000),
      author TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX journal_notes_case ON journal_notes(case_id, noted_on);

    CREATE VIRTUAL TABLE journal_fts USING fts5 (
      text, case_id UNINDEXED,
      tokenize = "unicode61 remove_diacritics 0",
      prefix = '2'
    );
  `);
}
