/**
 * 0020: the full-text index becomes contentless and keeps only a 2-character prefix index.
 *
 * Measured on 100,000 klagepunkter: the stored copy of every indexed text (case_fts_content) was
 * 33 MB that nothing reads — search only needs the rowids. The 1- and 3-character prefix indexes
 * together cost about 40 % of the indexing time of a bulk import, while the term index alone
 * answers such prefixes fast enough for search as you type ("sag"* over 34,000 hits: 7 ms instead
 * of 4 ms; "s"*: 25 ms either way). `contentless_delete=1` (SQLite ≥ 3.43) keeps DELETE by rowid
 * working, so cases can still be re-indexed one by one.
 *
 * Frozen in time: the document SQL below is the one this version shipped with.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    DROP TABLE case_fts;
    CREATE VIRTUAL TABLE case_fts USING fts5 (
      sagsnr, citizen, summary, body,
      content = '',
      contentless_delete = 1,
      tokenize = "unicode61 remove_diacritics 0",
      prefix = '2'
    );
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
           concat_ws(' ', c.citizen_name, c.citizen_address, c.citizen_phone,
                     nullif(replace(replace(c.citizen_phone, ' ', ''), '-', ''), c.citizen_phone),
                     c.citizen_email, c.rep_name),
           c.summary,
           concat_ws(' ', c.description, pts.descriptions, pts.forvaltninger, pts.afdelinger, th.themes)
      FROM cases c LEFT JOIN pts ON pts.case_id = c.id LEFT JOIN th ON th.case_id = c.id;
  `);
}
