/**
 * 0200: how long a closed henvendelse keeps its personal data, and the retention runs.
 *
 * `retention_settings` (one row, id = 1): the number of years after closure (default 5, between 1
 * and 30) after which a retention run anonymises a henvendelse (GDPR art. 5(1)(e), storage
 * limitation). `retention_runs` records each run (when, by whom, how many henvendelser, the
 * token of the plan that was confirmed) and `retention_run_cases` the henvendelser it anonymised.
 *
 * An issued finding is frozen (migration 0150); the one change its trigger now lets through is a
 * retention run's: inside the run's transaction (a run whose `finished_at` is still NULL and that
 * names the henvendelse), the two PDFs may be emptied and the letter's text replaced by its
 * anonymised text and nothing else – number, dates, checksums, who issued it stay as they were. The
 * run sets `finished_at` before its transaction commits, so no other writer ever finds an open run.
 *
 * `retention_run_cases.case_id` has no foreign key, as `audit_log.case_id` has none: the runs are
 * this database's own record of what it did, not part of a henvendelse, and a JSON export does not
 * carry them (only the setting).
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    CREATE TABLE retention_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      years INTEGER NOT NULL DEFAULT 5 CHECK (years BETWEEN 1 AND 30),
      updated_at TEXT NOT NULL DEFAULT ''
    ) STRICT;
    INSERT INTO retention_settings (id) VALUES (1);

    CREATE TABLE retention_runs (
      id INTEGER PRIMARY KEY,
      token TEXT NOT NULL CHECK (length(token) = 64),
      cutoff TEXT NOT NULL CHECK (length(cutoff) = 10),
      years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 30),
      started_at TEXT NOT NULL,
      finished_at TEXT,
      run_by TEXT NOT NULL,
      case_count INTEGER NOT NULL CHECK (case_count >= 0)
    ) STRICT;

    CREATE TABLE retention_run_cases (
      run_id INTEGER NOT NULL REFERENCES retention_runs(id) ON DELETE RESTRICT,
      case_id INTEGER NOT NULL,
      PRIMARY KEY (run_id, case_id)
    ) STRICT;
    CREATE INDEX retention_run_cases_case ON retention_run_cases (case_id);

    DROP TRIGGER finding_versions_no_update;
    CREATE TRIGGER finding_versions_no_update BEFORE UPDATE ON finding_versions
      WHEN NOT (
        EXISTS (SELECT 1 FROM retention_run_cases rc JOIN retention_runs r ON r.id = rc.run_id
                 WHERE rc.case_id = OLD.case_id AND r.finished_at IS NULL)
        AND NEW.id = OLD.id AND NEW.case_id = OLD.case_id AND NEW.version = OLD.version
        AND NEW.letter_date = OLD.letter_date AND NEW.issued_at = OLD.issued_at AND NEW.issued_by = OLD.issued_by
        AND NEW.supersedes_id IS OLD.supersedes_id
        AND NEW.pdf_sha256 = OLD.pdf_sha256 AND NEW.forvaltning_pdf_sha256 = OLD.forvaltning_pdf_sha256
        AND length(NEW.pdf) = 0 AND length(NEW.forvaltning_pdf) = 0
      )
      BEGIN SELECT RAISE(ABORT, 'En udsendt udtalelse kan aldrig ændres eller slettes. Lav en ny version, der afløser den.'); END;
  `);
}
