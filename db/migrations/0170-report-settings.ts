/**
 * 0170: the annual report's settings, one row (id = 1): the month the municipality's reporting year
 * starts (1 = a calendar year; Copenhagen reports April–March), the smallest n a share or ranking is
 * shown on, and how often an afdeling + rule combination must recur to be shown as a pattern.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    CREATE TABLE report_settings (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      start_month INTEGER NOT NULL DEFAULT 1 CHECK (start_month BETWEEN 1 AND 12),
      min_n INTEGER NOT NULL DEFAULT 5 CHECK (min_n BETWEEN 1 AND 1000),
      pattern_min INTEGER NOT NULL DEFAULT 3 CHECK (pattern_min BETWEEN 2 AND 1000),
      updated_at TEXT NOT NULL DEFAULT ''
    ) STRICT;
    INSERT INTO report_settings (id) VALUES (1);
    CREATE INDEX cases_closed ON cases (closed_on) WHERE closed_on IS NOT NULL;
    CREATE INDEX requests_sent ON requests (sent_on);
  `);
}
