/**
 * Indsigt (GDPR art. 15): the henvendelser that concern one person, by the stored CPR number
 * (cases_cpr) and by the citizen's or representative's name, folded as the search folds names
 * (casefold + fold_marks: "sukru" finds "Şükrü", Æ/Ø/Å fold to æ/ø/å).
 */
import type { ReadableDB } from '../types';
import { cached } from './cached';

export type InsightCaseRow = {
  id: number;
  sagsnr: string;
  received_on: string;
  closed_on: string | null;
  summary: string;
  citizen_name: string;
  rep_name: string | null;
};

const COLUMNS = 'c.id, c.sagsnr, c.received_on, c.closed_on, c.summary, c.citizen_name, c.rep_name';

/** Served by cases_cpr (test/db/retention-queries.test.ts). */
export const CASES_BY_CPR_SQL = `SELECT ${COLUMNS} FROM cases c WHERE c.citizen_cpr = ? ORDER BY c.received_on DESC, c.id DESC`;

/** Henvendelser whose stored (normalised) CPR number is `cpr`. */
export function casesByCpr(db: ReadableDB, cpr: string): InsightCaseRow[] {
  return cached(db, CASES_BY_CPR_SQL).all(cpr) as InsightCaseRow[];
}

/**
 * Henvendelser whose citizen or representative name contains `word` (already folded: casefold of
 * fold_marks); the caller checks the other words of the name. A scan of cases by design: the names
 * are folded by a function as they are read (the representative is not in the search index), and
 * an indsigt is a rare, deliberate request.
 */
export function casesByNameWord(db: ReadableDB, word: string): InsightCaseRow[] {
  const pattern = `%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  return cached(
    db,
    `SELECT ${COLUMNS} FROM cases c
      WHERE casefold(fold_marks(c.citizen_name)) LIKE @pattern ESCAPE '\\'
         OR casefold(fold_marks(coalesce(c.rep_name, ''))) LIKE @pattern ESCAPE '\\'
      ORDER BY c.received_on DESC, c.id DESC`,
  ).all({ pattern }) as InsightCaseRow[];
}
