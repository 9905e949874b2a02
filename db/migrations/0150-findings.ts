/**
 * 0150: the finding (udtalelse) of a henvendelse – its draft edits, the issued versions and the
 * adviser's extra anonymisation terms.
 *
 * The draft itself is not stored: it is the auto-draft made from the case's data, with the sections
 * the adviser edited replacing the automatic ones (`finding_section_edits`, one row per edited
 * section, the blocks as JSON). After an issue, a new version in progress is a `finding_drafts` row
 * naming the version it will supersede.
 *
 * An issued version (`finding_versions`) is frozen: the letter to the citizen as JSON, the
 * addressees, both PDFs (to the citizen, copy to the forvaltning; to the forvaltning, copy to the
 * citizen) with their SHA-256, who issued it and when. Triggers refuse every UPDATE and DELETE, so
 * not even a hand-written SQL statement changes what was sent; a correction is a new version that
 * supersedes the old one with a reason. The foreign keys to cases are RESTRICT for the same reason:
 * a henvendelse with an issued finding can never be deleted.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    CREATE TABLE finding_section_edits (
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      section TEXT NOT NULL CHECK (length(section) BETWEEN 1 AND 100),
      blocks_json TEXT NOT NULL CHECK (json_valid(blocks_json) AND json_type(blocks_json) = 'array'),
      edited_at TEXT NOT NULL,
      edited_by TEXT NOT NULL,
      PRIMARY KEY (case_id, section)
    ) STRICT;

    CREATE TABLE finding_versions (
      id INTEGER PRIMARY KEY,
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE RESTRICT,
      version INTEGER NOT NULL CHECK (version >= 1),
      letter_date TEXT NOT NULL CHECK (length(letter_date) = 10),
      document_json TEXT NOT NULL CHECK (json_valid(document_json)),
      addressees_json TEXT NOT NULL CHECK (json_valid(addressees_json)),
      pdf BLOB NOT NULL,
      pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64),
      forvaltning_pdf BLOB NOT NULL,
      forvaltning_pdf_sha256 TEXT NOT NULL CHECK (length(forvaltning_pdf_sha256) = 64),
      issued_at TEXT NOT NULL,
      issued_by TEXT NOT NULL,
      supersedes_id INTEGER REFERENCES finding_versions(id) ON DELETE RESTRICT,
      reason TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
      UNIQUE (case_id, version)
    ) STRICT;
    CREATE INDEX finding_versions_supersedes ON finding_versions(supersedes_id) WHERE supersedes_id IS NOT NULL;
    CREATE TRIGGER finding_versions_no_update BEFORE UPDATE ON finding_versions
      BEGIN SELECT RAISE(ABORT, 'En udsendt udtalelse kan aldrig ændres eller slettes. Lav en ny version, der afløser den.'); END;
    CREATE TRIGGER finding_versions_no_delete BEFORE DELETE ON finding_versions
      BEGIN SELECT RAISE(ABORT, 'En udsendt udtalelse kan aldrig ændres eller slettes. Lav en ny version, der afløser den.'); END;

    CREATE TABLE finding_drafts (
      case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
      supersedes_version_id INTEGER REFERENCES finding_versions(id) ON DELETE RESTRICT,
      started_at TEXT NOT NULL,
      started_by TEXT NOT NULL
    ) STRICT;

    CREATE TABLE finding_anonymisation_terms (
      case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      term TEXT NOT NULL CHECK (length(term) BETWEEN 1 AND 200),
      PRIMARY KEY (case_id, term)
    ) STRICT;
  `);
}
