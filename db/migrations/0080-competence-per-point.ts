/**
 * 0080: competence and handling per klagepunkt, with the municipality's own list of competence
 * reasons (legal-rules.md § c.2–c.3).
 *
 * One henvendelse often holds a klagepunkt the borgerrådgiver may not assess (the substance of a
 * decision, which is sent on to the klageinstans) next to points about how the case was handled,
 * which the borgerrådgiver investigates. So the competence check and the handling move from the
 * henvendelse to each klagepunkt:
 *
 * - `competence_reasons`: the reasons a klagepunkt is outside competence, as the municipality's
 *   vedtægt words them. A catalogue like themes (name, name_key, sort_order, retired_at): used
 *   reasons are retired, never deleted. The defaults are seeded here; `code` marks them, so the
 *   import keeps accepting the old tokens ("over 1 år", "politisk beslutning") after a rename.
 * - `complaint_points.competence_reason_id` (NULL = inside competence) and `.handling`.
 * - Each klagepunkt gets the competence and handling its henvendelse had.
 * - "ikke forelagt forvaltningen" is not a lack of competence but a step: the forvaltning must see
 *   the complaint first (legal-rules.md § c.3). Such points become inside competence, handled as
 *   `videresendt` (to the forvaltning) unless another handling was already recorded.
 * - A henvendelse WITHOUT klagepunkter (vejledning, vejvisning) keeps its own competence and handling
 *   on the case (`cases.competence_reason_id`, `cases.handling`), so nothing recorded is lost; a case
 *   with klagepunkter has them only on its points (its own columns are cleared).
 * - `cases.competence` (the fixed code list) is dropped.
 *
 * Frozen in time: this file never imports application code; the reason names, codes and the handling
 * vocabulary are written out as they were when this migration shipped.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    CREATE TABLE competence_reasons (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      name_key   TEXT NOT NULL UNIQUE,
      -- The shipped default a row started as (its old import token maps here); NULL for own reasons.
      code       TEXT UNIQUE,
      sort_order INTEGER NOT NULL DEFAULT 0,
      retired_at TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

    INSERT INTO competence_reasons (code, name, name_key, sort_order, created_at) VALUES
      ('afgoerelsens_indhold', 'Afgørelsens indhold (hører under klageinstansen)', 'afgørelsens indhold (hører under klageinstansen)', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      ('politisk_beslutning', 'Politisk beslutning eller serviceniveau', 'politisk beslutning eller serviceniveau', 2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      ('ansaettelsesforhold', 'Ansættelsesforhold', 'ansættelsesforhold', 3, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      ('over_1_aar', 'Afsluttet for over 1 år siden', 'afsluttet for over 1 år siden', 4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      ('anden_klageinstans', 'Anden klageinstans, ombudsmand eller domstol', 'anden klageinstans, ombudsmand eller domstol', 5, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      ('fuldmagt_mangler', 'Fuldmagt mangler', 'fuldmagt mangler', 6, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

    ALTER TABLE complaint_points ADD COLUMN competence_reason_id INTEGER REFERENCES competence_reasons(id) ON DELETE RESTRICT;
    ALTER TABLE complaint_points ADD COLUMN handling TEXT CHECK (handling IN ('undersoegt','videresendt','vejvist','afvist','maegling'));
    ALTER TABLE cases ADD COLUMN competence_reason_id INTEGER REFERENCES competence_reasons(id) ON DELETE RESTRICT;

    UPDATE complaint_points
       SET competence_reason_id = (SELECT r.id FROM cases c JOIN competence_reasons r ON r.code = c.competence WHERE c.id = complaint_points.case_id),
           handling = (SELECT CASE WHEN c.competence = 'ikke_forelagt' THEN coalesce(c.handling, 'videresendt') ELSE c.handling END
                         FROM cases c WHERE c.id = complaint_points.case_id);

    UPDATE cases
       SET competence_reason_id = (SELECT r.id FROM competence_reasons r WHERE r.code = cases.competence),
           handling = CASE WHEN competence = 'ikke_forelagt' THEN coalesce(handling, 'videresendt') ELSE handling END
     WHERE NOT EXISTS (SELECT 1 FROM complaint_points p WHERE p.case_id = cases.id);
    UPDATE cases SET handling = NULL WHERE EXISTS (SELECT 1 FROM complaint_points p WHERE p.case_id = cases.id);

    ALTER TABLE cases DROP COLUMN competence;

    -- Whether a reason is in use (Indstillinger asks on every catalogue change); few rows are outside.
    CREATE INDEX points_competence_reason ON complaint_points (competence_reason_id) WHERE competence_reason_id IS NOT NULL;
    CREATE INDEX cases_competence_reason ON cases (competence_reason_id) WHERE competence_reason_id IS NOT NULL;
  `);
}
