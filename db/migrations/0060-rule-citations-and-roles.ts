/**
 * 0060: what a letter may say about a rule, and deadlines that follow the svarpolitik.
 *
 * rules:
 * - `citation`: the formal reference a letter prints (law name, §, stk., lovbekendtgørelse), never
 *   a web page; '' lets the app fall back to the law's full name and the paragraph.
 * - `role`: 'norm' can be recorded as breached; 'baggrund' only describes background or the
 *   substance of decisions. The shipped background rules of catalogue version 2 are written out
 *   here, so a shipped rule the adviser edited (which the catalogue sync leaves alone) is still
 *   background; un-edited shipped rules are rewritten by the sync anyway.
 * - `deadline_owner`: whose deadline it is, which decides how it is counted (legal-rules.md § b.5).
 *   Existing rows: 'borger' where the deadline moved to the next weekday (only the citizen's
 *   klagefrist did, § b.3), else 'myndighed'. Meaningless while the rule sets no deadline.
 * - `deadline_owes`: what must have happened by the due date, in letter words; may be empty.
 *
 * point_deadlines is rebuilt so that `rule_id` may be NULL: `basis` says whether the deadline
 * follows a rule or the municipality's svarpolitik (a setting, not a rule). Existing rows follow a
 * rule and keep their ids.
 *
 * Frozen in time: the vocabularies and the rule ids are written out as shipped.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    ALTER TABLE rules ADD COLUMN citation TEXT NOT NULL DEFAULT '';
    ALTER TABLE rules ADD COLUMN role TEXT NOT NULL DEFAULT 'norm' CHECK (role IN ('norm','baggrund'));
    ALTER TABLE rules ADD COLUMN deadline_owner TEXT NOT NULL DEFAULT 'myndighed' CHECK (deadline_owner IN ('borger','myndighed','maal'));
    ALTER TABLE rules ADD COLUMN deadline_owes TEXT NOT NULL DEFAULT '';

    UPDATE rules SET deadline_owner = 'borger' WHERE deadline_roll_forward = 1;
    UPDATE rules SET role = 'baggrund'
     WHERE origin = 'shipped'
       AND id IN ('lab-reform-2026', 'pension-16-betingelser', 'sdp-24-varighed', 'sdp-25-pensionister', 'sdp-27-forlaengelse',
                  'ksl-65e-borgerraadgiver', 'dbl-opbevaring-borgerraadgiver', 'gfs-aflysning-moeder');

    CREATE TABLE point_deadlines_0060 (
      id         INTEGER PRIMARY KEY,
      point_id   INTEGER NOT NULL REFERENCES complaint_points(id) ON DELETE CASCADE,
      basis      TEXT NOT NULL DEFAULT 'regel' CHECK (basis IN ('regel','svarpolitik')),
      rule_id    TEXT REFERENCES rules(id) ON DELETE RESTRICT,
      start_on   TEXT NOT NULL,
      due_on     TEXT NOT NULL,
      met_on     TEXT CHECK (met_on IS NULL OR met_on >= start_on),
      note       TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((basis = 'regel') = (rule_id IS NOT NULL))
    ) STRICT;
    INSERT INTO point_deadlines_0060 (id, point_id, basis, rule_id, start_on, due_on, met_on, note, created_at, updated_at)
      SELECT id, point_id, 'regel', rule_id, start_on, due_on, met_on, note, created_at, updated_at FROM point_deadlines;
    DROP TABLE point_deadlines;
    ALTER TABLE point_deadlines_0060 RENAME TO point_deadlines;
    CREATE INDEX point_deadlines_point ON point_deadlines (point_id);
    CREATE INDEX point_deadlines_rule ON point_deadlines (rule_id);
  `);
}
