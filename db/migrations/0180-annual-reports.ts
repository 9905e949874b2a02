/**
 * 0180: the adviser's own words in an annual report (årsberetning), one row per period.
 *
 * - `period_from`/`period_to`: the report's period, both ends included (shared/report/period.ts); one
 *   row per period, so the Årsberetning editor reopens what was written for exactly that period.
 * - the five narrative sections in the letters' section markup (shared/letters/section-text.ts), each
 *   at most 50 000 characters (REPORT_TEXT_MAX, written out so a later change of the limit never
 *   changes what this migration produced);
 * - `finding_version_ids`: a JSON array of issued finding versions whose anonymised summary the report
 *   includes, in the chosen order. Not a foreign key: an issued version can never be deleted (0150).
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    CREATE TABLE annual_reports (
      id INTEGER PRIMARY KEY,
      period_from TEXT NOT NULL CHECK (length(period_from) = 10),
      period_to TEXT NOT NULL CHECK (length(period_to) = 10 AND period_to >= period_from),
      title TEXT NOT NULL CHECK (length(title) <= 200),
      forord TEXT NOT NULL DEFAULT '' CHECK (length(forord) <= 50000),
      om_funktionen TEXT NOT NULL DEFAULT '' CHECK (length(om_funktionen) <= 50000),
      aarets_temaer TEXT NOT NULL DEFAULT '' CHECK (length(aarets_temaer) <= 50000),
      anbefalinger TEXT NOT NULL DEFAULT '' CHECK (length(anbefalinger) <= 50000),
      status_sidste_aar TEXT NOT NULL DEFAULT '' CHECK (length(status_sidste_aar) <= 50000),
      finding_version_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(finding_version_ids) AND json_type(finding_version_ids) = 'array'),
      updated_at TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      UNIQUE (period_from, period_to)
    ) STRICT;
  `);
}
