/**
 * 0100: the search folds diacritical marks, so "Sukru" finds "Şükrü", "Jose" finds "José" and
 * "Muller" finds "Müller" (and the other way round): advisers type names as they hear them. Danish å
 * keeps its ring ("Ås" is not "As"); æ and ø have no marks.
 *
 * The folding is done before the text reaches the index, by the SQL function `fold_marks` that every
 * connection registers before migrating (db/connection.ts, shared/domain/search-fold.ts); the
 * tokenizer stays `unicode61 remove_diacritics 0`, which would fold å too. This migration re-fills
 * the index with folded documents; the table itself is unchanged.
 *
 * Frozen in time: the document SQL below is the one this version shipped with.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    INSERT INTO case_fts (case_fts) VALUES ('delete-all');
    INSERT INTO case_fts (rowid, sagsnr, citizen, summary, body)
    WITH pts AS (
           SELECT p.case_id,
                  group_concat(p.description, ' ' ORDER BY p.position, p.id) AS descriptions,
                  group_concat(DISTINCT f.name) AS forvaltninger,
                  group_concat(DISTINCT a.name) AS afdelinger
             FROM complaint_points p
             LEFT JOIN forvaltninger f ON f.id = p.forvaltning_id
             LEFT JOIN afdelinger a ON a.id = p.afdeling_id
            GROUP BY p.case_id),
         th AS (
           SELECT p.case_id, group_concat(DISTINCT t.name) AS themes
             FROM complaint_points p
             JOIN complaint_point_themes pt ON pt.point_id = p.id
             JOIN themes t ON t.id = pt.theme_id
            GROUP BY p.case_id)
    SELECT c.id, c.sagsnr,
           fold_marks(concat_ws(' ', c.citizen_name, c.citizen_address, c.citizen_phone,
                     nullif(replace(replace(c.citizen_phone, ' ', ''), '-', ''), c.citizen_phone),
                     c.citizen_email, c.rep_name)),
           fold_marks(c.summary),
           fold_marks(concat_ws(' ', c.description, pts.descriptions, pts.forvaltninger, pts.afdelinger, th.themes))
      FROM cases c LEFT JOIN pts ON pts.case_id = c.id LEFT JOIN th ON th.case_id = c.id;
    INSERT INTO case_fts (case_fts) VALUES ('optimize');
  `);
}
