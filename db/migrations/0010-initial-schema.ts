/**
 * 0010: organisation, themes, advisers, henvendelser with klagepunkter, the append-only audit log,
 * settings and the full-text index.
 *
 * Frozen in time: this file never imports application code; the vocabularies in the CHECK
 * constraints are written out as they were when this migration shipped.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- name_key is the case-folded name (JS toLocaleLowerCase, so Æ/Ø/Å fold too): uniqueness ignores case.
    CREATE TABLE forvaltninger (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      name_key   TEXT NOT NULL UNIQUE,
      sort_order INTEGER NOT NULL DEFAULT 0,
      retired_at TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE afdelinger (
      id             INTEGER PRIMARY KEY,
      forvaltning_id INTEGER NOT NULL REFERENCES forvaltninger(id) ON DELETE RESTRICT,
      name           TEXT NOT NULL,
      name_key       TEXT NOT NULL,
      sort_order     INTEGER NOT NULL DEFAULT 0,
      retired_at     TEXT,
      created_at     TEXT NOT NULL,
      UNIQUE (forvaltning_id, name_key)
    ) STRICT;

    CREATE TABLE themes (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      name_key   TEXT NOT NULL UNIQUE,
      sort_order INTEGER NOT NULL DEFAULT 0,
      retired_at TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE advisers (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      name_key   TEXT NOT NULL UNIQUE,
      initials   TEXT NOT NULL DEFAULT '',
      email      TEXT NOT NULL DEFAULT '',
      retired_at TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE cases (
      id            INTEGER PRIMARY KEY,
      sagsnr        TEXT NOT NULL,
      sagsnr_key    TEXT NOT NULL UNIQUE,
      -- Year and running number when sagsnr has the generated form ÅÅÅÅ-NNNN; used to generate the next.
      sagsnr_year   INTEGER,
      sagsnr_seq    INTEGER,
      received_on   TEXT NOT NULL CHECK (received_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      channel       TEXT CHECK (channel IN ('telefon','email','brev','personligt','digital_formular')),
      type          TEXT NOT NULL CHECK (type IN ('klage','vejledning','vejvisning','egen_drift')),
      citizen_name    TEXT NOT NULL DEFAULT '',
      -- Danish sort key of citizen_name (æ, ø, å after z), computed by the application.
      citizen_sort    TEXT NOT NULL DEFAULT '',
      citizen_address TEXT NOT NULL DEFAULT '',
      citizen_phone   TEXT NOT NULL DEFAULT '',
      citizen_email   TEXT NOT NULL DEFAULT '',
      -- Normalised DDMMÅÅ-XXXX. Never copied into the full-text index.
      citizen_cpr     TEXT,
      rep_name        TEXT,
      rep_relation    TEXT,
      rep_phone       TEXT,
      rep_email       TEXT,
      rep_power_of_attorney INTEGER CHECK (rep_power_of_attorney IN (0,1)),
      summary       TEXT NOT NULL DEFAULT '',
      description   TEXT NOT NULL DEFAULT '',
      status        TEXT NOT NULL CHECK (status IN ('modtaget','under_behandling','afventer_forvaltningen','afsluttet')),
      competence    TEXT NOT NULL DEFAULT 'inden_for' CHECK (competence IN ('inden_for','afgoerelsens_indhold','politisk_beslutning','ansaettelsesforhold','over_1_aar','ikke_forelagt','anden_klageinstans')),
      handling      TEXT CHECK (handling IN ('undersoegt','videresendt','vejvist','afvist','maegling')),
      closed_on     TEXT CHECK (closed_on IS NULL OR closed_on >= received_on),
      adviser_id    INTEGER REFERENCES advisers(id) ON DELETE RESTRICT,
      -- Optimistic concurrency: an update names the version it edited.
      version       INTEGER NOT NULL DEFAULT 1,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX cases_received ON cases (received_on, id);
    CREATE INDEX cases_status ON cases (status, received_on);
    CREATE INDEX cases_type ON cases (type, received_on);
    CREATE INDEX cases_year_seq ON cases (sagsnr_year, sagsnr_seq);
    CREATE INDEX cases_updated ON cases (updated_at);
    CREATE INDEX cases_citizen_sort ON cases (citizen_sort);
    CREATE INDEX cases_cpr ON cases (citizen_cpr) WHERE citizen_cpr IS NOT NULL;

    CREATE TABLE complaint_points (
      id             INTEGER PRIMARY KEY,
      case_id        INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
      position       INTEGER NOT NULL,
      forvaltning_id INTEGER REFERENCES forvaltninger(id) ON DELETE RESTRICT,
      afdeling_id    INTEGER REFERENCES afdelinger(id) ON DELETE RESTRICT,
      description    TEXT NOT NULL DEFAULT '',
      outcome        TEXT CHECK (outcome IN ('ingen_kritik','bemaerkning','beklageligt','kritik','alvorlig_kritik','meget_alvorlig_kritik','afvist','videresendt')),
      created_at     TEXT NOT NULL,
      updated_at     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX points_case ON complaint_points (case_id, position);
    CREATE INDEX points_forvaltning ON complaint_points (forvaltning_id, case_id);
    CREATE INDEX points_afdeling ON complaint_points (afdeling_id);

    CREATE TABLE complaint_point_themes (
      point_id INTEGER NOT NULL REFERENCES complaint_points(id) ON DELETE CASCADE,
      theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE RESTRICT,
      PRIMARY KEY (point_id, theme_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX point_themes_theme ON complaint_point_themes (theme_id, point_id);

    -- Append-only record of every change (who, when, what). No foreign key: the trail outlives rows.
    CREATE TABLE audit_log (
      id        INTEGER PRIMARY KEY,
      at        TEXT NOT NULL,
      actor     TEXT NOT NULL,
      entity    TEXT NOT NULL,
      entity_id INTEGER,
      case_id   INTEGER,
      action    TEXT NOT NULL,
      changes   TEXT NOT NULL DEFAULT '[]'
    ) STRICT;
    CREATE INDEX audit_case ON audit_log (case_id, id) WHERE case_id IS NOT NULL;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log kan kun udvides, ikke ændres'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log kan kun udvides, ikke slettes'); END;

    -- One row per henvendelse (rowid = cases.id). unicode61 folds case for all letters, including
    -- Æ/Ø/Å; remove_diacritics 0 keeps å distinct from a. Prefix indexes serve search-as-you-type.
    CREATE VIRTUAL TABLE case_fts USING fts5 (
      sagsnr, citizen, summary, body,
      tokenize = "unicode61 remove_diacritics 0",
      prefix = '1 2 3'
    );
  `);
}
