/**
 * 0030: the rule catalogue, the assessment of each klagepunkt against rules, the klagepunkt's
 * flags (the forvaltning agreed it erred, apologised, put it right), the henstillinger register,
 * and the editable theme → rule suggestions.
 *
 * Rules are never deleted once referenced (ON DELETE RESTRICT from point_rules); a rule leaves the
 * catalogue by getting `valid_to`. Shipped rules carry the catalogue version that last wrote them;
 * `edited` marks a shipped rule the adviser changed, which a newer catalogue then leaves alone.
 *
 * Frozen in time: the vocabularies in the CHECK constraints are written out as shipped.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    CREATE TABLE rules (
      id              TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND length(id) BETWEEN 2 AND 80),
      origin          TEXT NOT NULL CHECK (origin IN ('shipped','own')),
      law_short       TEXT NOT NULL,
      law_full        TEXT NOT NULL,
      paragraph       TEXT NOT NULL,
      title           TEXT NOT NULL,
      summary         TEXT NOT NULL,
      category        TEXT NOT NULL,
      -- The deadline the rule sets, if any: amount + unit when it can be computed, otherwise only
      -- the text (e.g. "snarest muligt"); from_event says what starts it.
      deadline_amount       INTEGER CHECK (deadline_amount IS NULL OR deadline_amount > 0),
      deadline_unit         TEXT CHECK (deadline_unit IN ('arbejdsdage','dage','uger','maaneder')),
      deadline_text         TEXT NOT NULL DEFAULT '',
      deadline_from         TEXT NOT NULL DEFAULT '',
      deadline_roll_forward INTEGER NOT NULL DEFAULT 0 CHECK (deadline_roll_forward IN (0,1)),
      sources         TEXT NOT NULL DEFAULT '[]',
      verification    TEXT NOT NULL CHECK (verification IN ('yes','partial','no')),
      note            TEXT NOT NULL DEFAULT '',
      valid_from      TEXT,
      valid_to        TEXT,
      catalog_version INTEGER,
      edited          INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0,1)),
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      CHECK ((deadline_amount IS NULL) = (deadline_unit IS NULL))
    ) STRICT;
    CREATE INDEX rules_law ON rules (law_short, category);

    CREATE TABLE point_rules (
      point_id   INTEGER NOT NULL REFERENCES complaint_points(id) ON DELETE CASCADE,
      rule_id    TEXT NOT NULL REFERENCES rules(id) ON DELETE RESTRICT,
      position   INTEGER NOT NULL,
      assessment TEXT NOT NULL CHECK (assessment IN ('overholdt','ikke_overholdt','ikke_vurderet')),
      reasoning  TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (point_id, rule_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX point_rules_rule ON point_rules (rule_id, point_id);

    -- NULL: not known yet; 1/0: the forvaltning did / did not agree that it erred.
    ALTER TABLE complaint_points ADD COLUMN forvaltning_agreed INTEGER CHECK (forvaltning_agreed IN (0,1));
    ALTER TABLE complaint_points ADD COLUMN apologised INTEGER NOT NULL DEFAULT 0 CHECK (apologised IN (0,1));
    ALTER TABLE complaint_points ADD COLUMN put_right INTEGER NOT NULL DEFAULT 0 CHECK (put_right IN (0,1));

    CREATE TABLE recommendations (
      id             INTEGER PRIMARY KEY,
      case_id        INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      point_id       INTEGER REFERENCES complaint_points(id) ON DELETE SET NULL,
      forvaltning_id INTEGER NOT NULL REFERENCES forvaltninger(id) ON DELETE RESTRICT,
      text           TEXT NOT NULL CHECK (length(trim(text)) > 0),
      given_on       TEXT NOT NULL,
      status         TEXT NOT NULL CHECK (status IN ('afventer','fulgt','ikke_fulgt')),
      status_on      TEXT CHECK (status_on IS NULL OR status_on >= given_on),
      answer         TEXT NOT NULL DEFAULT '',
      follow_up_on   TEXT,
      created_at     TEXT NOT NULL,
      updated_at     TEXT NOT NULL,
      CHECK ((status = 'afventer') = (status_on IS NULL))
    ) STRICT;
    CREATE INDEX recommendations_case ON recommendations (case_id);
    CREATE INDEX recommendations_status ON recommendations (status, follow_up_on);
    CREATE INDEX recommendations_forvaltning ON recommendations (forvaltning_id, given_on);
    CREATE INDEX recommendations_point ON recommendations (point_id) WHERE point_id IS NOT NULL;

    -- Rules usually involved when a klagepunkt has a theme: suggestions, editable by the adviser.
    CREATE TABLE theme_rules (
      theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
      rule_id  TEXT NOT NULL REFERENCES rules(id) ON DELETE CASCADE,
      PRIMARY KEY (theme_id, rule_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX theme_rules_rule ON theme_rules (rule_id);
  `);
}
