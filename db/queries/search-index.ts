/**
 * The full-text index `case_fts` (migration 0010): one row per henvendelse, rowid = cases.id.
 *
 * It is a contentless FTS5 table (migration 0020) kept in sync by the application rather than by
 * triggers, because a row draws on four tables (cases, klagepunkter, organisation, themes) and a
 * rename of a forvaltning would otherwise need triggers fanning out to every case. Writers call
 * `reindexCases` for the cases they touched, inside the same transaction, so the index never
 * disagrees with committed data.
 *
 * The CPR number is never indexed (data minimisation, GDPR art. 5(1)(c)); CPR search matches
 * `cases.citizen_cpr` exactly instead (db/queries/cases.ts).
 */
import { foldMarks } from '../../shared/domain/search-fold';
import type { WritableDB } from '../types';
import { cached } from './cached';

/**
 * The indexed text of each case, built in one pass over the klagepunkter grouped by case (instead
 * of one correlated subquery per part per case: a bulk import indexes 70,000 cases at once).
 * `citizen` also carries the phone number without spaces and hyphens, so "12345678" finds
 * "12 34 56 78". concat_ws skips NULLs (no representative, no points). `fold_marks` removes
 * diacritical marks except on å (migration 0100), so "Sukru" finds "Şükrü". `{{only}}` limits it to
 * some cases.
 */
const SELECT_DOCUMENTS = `
  WITH pts AS (
         SELECT p.case_id,
                group_concat(p.description, ' ' ORDER BY p.position, p.id) AS descriptions,
                group_concat(DISTINCT f.name) AS forvaltninger,
                group_concat(DISTINCT a.name) AS afdelinger
           FROM complaint_points p
           LEFT JOIN forvaltninger f ON f.id = p.forvaltning_id
           LEFT JOIN afdelinger a ON a.id = p.afdeling_id
          WHERE {{only:p.case_id}}
          GROUP BY p.case_id),
       th AS (
         SELECT p.case_id, group_concat(DISTINCT t.name) AS themes
           FROM complaint_points p
           JOIN complaint_point_themes pt ON pt.point_id = p.id
           JOIN themes t ON t.id = pt.theme_id
          WHERE {{only:p.case_id}}
          GROUP BY p.case_id)
  SELECT c.id, c.sagsnr,
         fold_marks(concat_ws(' ', c.citizen_name, c.citizen_address, c.citizen_phone,
                   nullif(replace(replace(c.citizen_phone, ' ', ''), '-', ''), c.citizen_phone),
                   c.citizen_email, c.rep_name)),
         fold_marks(c.summary),
         fold_marks(concat_ws(' ', c.description, pts.descriptions, pts.forvaltninger, pts.afdelinger, th.themes))
    FROM cases c LEFT JOIN pts ON pts.case_id = c.id LEFT JOIN th ON th.case_id = c.id
   WHERE {{only:c.id}}`;

const ONLY_IDS = (column: string) => `${column} IN (SELECT value FROM json_each(@ids))`;
const documentsFor = (only: (column: string) => string) => SELECT_DOCUMENTS.replace(/\{\{only:([a-z_.]+)\}\}/g, (_m, column: string) => only(column));
const INSERT_SOME = `INSERT INTO case_fts (rowid, sagsnr, citizen, summary, body) ${documentsFor(ONLY_IDS)}`;
const INSERT_ALL = `INSERT INTO case_fts (rowid, sagsnr, citizen, summary, body) ${documentsFor(() => '1')}`;

/** Re-index the given cases (deleted cases simply drop out). Call inside the writing transaction. */
export function reindexCases(db: WritableDB, caseIds: readonly number[]): void {
  if (caseIds.length === 0) return;
  // One JSON array parameter instead of N placeholders: no SQLITE_MAX_VARIABLE_NUMBER limit.
  const ids = JSON.stringify([...new Set(caseIds)]);
  db.transaction(() => {
    // contentless_delete=1 (migration 0020) makes DELETE by rowid work on the contentless table.
    cached(db, 'DELETE FROM case_fts WHERE rowid IN (SELECT value FROM json_each(?))').run(ids);
    cached(db, INSERT_SOME).run({ ids });
  })();
}

const ONLY_RANGE = (column: string) => `${column} BETWEEN @first AND @last`;
const INSERT_RANGE = `INSERT INTO case_fts (rowid, sagsnr, citizen, summary, body) ${documentsFor(ONLY_RANGE)}`;

/** FTS5's own size of the in-memory index it fills before writing a segment (fts5 `hashsize`). */
const FTS5_DEFAULT_HASH_SIZE = 1024 * 1024;
/**
 * The size the bulk indexing lets it grow to. With the default 1 MiB, indexing the 37 MB of a
 * 100,000-klagepunkt import writes thousands of small segments and merges them again as it goes;
 * with 16 MiB it writes a few and merges less (measured: about a third of the indexing time).
 */
const BULK_HASH_SIZE = 16 * 1024 * 1024;

/** FTS5 takes the size as an integer literal only (a bound number is refused). */
function setHashSize(db: WritableDB, bytes: number): void {
  cached(db, `INSERT INTO case_fts (case_fts, rank) VALUES ('hashsize', ${Math.trunc(bytes)})`).run();
}

/**
 * Index the henvendelser a bulk import has just inserted (db/queries/bulk-import.ts), inside its
 * transaction; the documents are the same as reindexCases writes. New ids form one ascending run
 * (the import inserts them one after the other under the write lock), so the documents are selected
 * by a rowid range rather than a list, and the delete of an entry left under such an id — which
 * costs a lookup per id — only runs when there is one. Ids that are not one run go to reindexCases.
 */
export function indexNewCases(db: WritableDB, caseIds: readonly number[]): void {
  if (caseIds.length === 0) return;
  const first = caseIds[0] as number;
  const last = caseIds[caseIds.length - 1] as number;
  for (let i = 1; i < caseIds.length; i++) {
    if (caseIds[i] !== first + i) {
      reindexCases(db, caseIds);
      return;
    }
  }
  db.transaction(() => {
    if (cached(db, 'SELECT 1 FROM case_fts WHERE rowid BETWEEN ? AND ? LIMIT 1').get(first, last) !== undefined) {
      cached(db, 'DELETE FROM case_fts WHERE rowid BETWEEN ? AND ?').run(first, last);
    }
    // The hash size is a setting stored in the index (case_fts_config): put back as it was, even
    // when the insert fails, so only this insert uses the larger one.
    const before = (cached(db, "SELECT v FROM case_fts_config WHERE k = 'hashsize'").get() as { v: number } | undefined)?.v ?? FTS5_DEFAULT_HASH_SIZE;
    setHashSize(db, BULK_HASH_SIZE);
    try {
      cached(db, INSERT_RANGE).run({ first, last });
    } finally {
      setHashSize(db, before);
    }
  })();
}

/** Rebuild the whole index from the tables (after a bulk import or a repair). */
export function rebuildSearchIndex(db: WritableDB): void {
  db.transaction(() => {
    cached(db, "INSERT INTO case_fts (case_fts) VALUES ('delete-all')").run();
    cached(db, INSERT_ALL).run();
    // Merge the segments written by the bulk insert, so the first searches are fast.
    cached(db, "INSERT INTO case_fts (case_fts) VALUES ('optimize')").run();
  })();
}

/**
 * Turn what the adviser types into a safe FTS5 MATCH expression: every run of Unicode letters and
 * digits becomes a quoted prefix term (`"tok"*`), and the terms are ANDed. Quotes, parentheses,
 * `*`, `:`, `-`, NEAR/AND/OR keywords and the like can therefore never reach the FTS5 parser as
 * syntax. Returns null when there is nothing to search for.
 *
 * The text is NFC-normalised first so a decomposed "å" (a + ring) is one letter, as unicode61 sees it,
 * and folded like the index (`foldMarks`), so "Şükrü" and "Sukru" search alike.
 */
export function buildMatchQuery(userText: string): string | null {
  const tokens = foldMarks(userText.normalize('NFC')).split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '');
  if (tokens.length === 0) return null;
  return tokens.map((t) => `"${t}"*`).join(' AND ');
}
