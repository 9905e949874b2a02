/**
 * 0040: what the forvaltning owes and when. Requests from the adviser to a forvaltning with their
 * reminders, extensions and pauses; statutory deadlines on the municipality's own handling attached
 * to a klagepunkt; the citizen's klagefrist and the adviser's own target on the henvendelse; the
 * municipality's closing days.
 *
 * Computed due dates are stored (lists and the Frister view filter on them) and recomputed when the
 * calendar settings change; each recomputation is logged in the case history. A request's verdict
 * (on time, working days used, days late) is frozen when it is answered or closed, so statistics
 * stay stable if the calendar is corrected later (peers.md § 3.3 #8).
 *
 * Frozen in time: the vocabularies in the CHECK constraints are written out as shipped.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    CREATE TABLE closing_days (
      date       TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      reason     TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE requests (
      id              INTEGER PRIMARY KEY,
      case_id         INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      forvaltning_id  INTEGER NOT NULL REFERENCES forvaltninger(id) ON DELETE RESTRICT,
      kind            TEXT NOT NULL CHECK (kind IN ('redegoerelse','akter','udtalelse')),
      sent_on         TEXT NOT NULL,
      deadline_amount INTEGER NOT NULL CHECK (deadline_amount >= 0),
      deadline_unit   TEXT NOT NULL CHECK (deadline_unit IN ('arbejdsdage','dage','uger','maaneder')),
      roll_forward    INTEGER NOT NULL CHECK (roll_forward IN (0,1)),
      profile         TEXT NOT NULL CHECK (profile IN ('helligdage','standard','udvidet')),
      due_on          TEXT NOT NULL,
      answered_on     TEXT CHECK (answered_on IS NULL OR answered_on >= sent_on),
      closed_on       TEXT CHECK (closed_on IS NULL OR closed_on >= sent_on),
      verdict_on_time      INTEGER CHECK (verdict_on_time IN (0,1)),
      verdict_working_days INTEGER,
      verdict_days_late    INTEGER,
      note            TEXT NOT NULL DEFAULT '',
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      CHECK (answered_on IS NULL OR closed_on IS NULL),
      CHECK ((verdict_on_time IS NULL) = (answered_on IS NULL AND closed_on IS NULL))
    ) STRICT;
    CREATE INDEX requests_case ON requests (case_id);
    CREATE INDEX requests_open_due ON requests (due_on) WHERE answered_on IS NULL AND closed_on IS NULL;
    CREATE INDEX requests_forvaltning ON requests (forvaltning_id, sent_on);

    CREATE TABLE request_events (
      id         INTEGER PRIMARY KEY,
      request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
      kind       TEXT NOT NULL CHECK (kind IN ('rykker','forlaengelse','pause')),
      on_date    TEXT NOT NULL,
      level      INTEGER CHECK (level IS NULL OR level > 0),
      pause_to   TEXT,
      new_due    TEXT,
      add_amount INTEGER CHECK (add_amount IS NULL OR add_amount > 0),
      add_unit   TEXT CHECK (add_unit IN ('arbejdsdage','dage','uger','maaneder')),
      old_due    TEXT,
      reason     TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      CHECK ((kind = 'rykker') = (level IS NOT NULL)),
      CHECK ((kind = 'pause') = (pause_to IS NOT NULL)),
      CHECK (kind <> 'pause' OR pause_to >= on_date),
      CHECK (kind <> 'forlaengelse' OR (new_due IS NULL) <> (add_amount IS NULL)),
      CHECK ((add_amount IS NULL) = (add_unit IS NULL))
    ) STRICT;
    CREATE INDEX request_events_request ON request_events (request_id, id);
    -- Each reminder level is sent once per request.
    CREATE UNIQUE INDEX request_events_rykker ON request_events (request_id, level) WHERE kind = 'rykker';

    CREATE TABLE point_deadlines (
      id         INTEGER PRIMARY KEY,
      point_id   INTEGER NOT NULL REFERENCES complaint_points(id) ON DELETE CASCADE,
      rule_id    TEXT NOT NULL REFERENCES rules(id) ON DELETE RESTRICT,
      start_on   TEXT NOT NULL,
      due_on     TEXT NOT NULL,
      met_on     TEXT CHECK (met_on IS NULL OR met_on >= start_on),
      note       TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX point_deadlines_point ON point_deadlines (point_id);
    CREATE INDEX point_deadlines_rule ON point_deadlines (rule_id);

    ALTER TABLE cases ADD COLUMN decision_notified_on TEXT;
    ALTER TABLE cases ADD COLUMN decision_notice TEXT CHECK (decision_notice IN ('digital_post','brev','personligt'));
    ALTER TABLE cases ADD COLUMN klagefrist_rule_id TEXT REFERENCES rules(id) ON DELETE RESTRICT;
    ALTER TABLE cases ADD COLUMN klagefrist_due TEXT;
    ALTER TABLE cases ADD COLUMN target_due TEXT;
    CREATE INDEX cases_klagefrist ON cases (klagefrist_due) WHERE klagefrist_due IS NOT NULL;
    CREATE INDEX cases_target ON cases (target_due) WHERE target_due IS NOT NULL;
  `);
}
