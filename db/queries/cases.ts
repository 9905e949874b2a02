/**
 * Henvendelser with their klagepunkter and themes: read, write, number and list.
 *
 * This module stores what it is given; validation (shared/domain/case.ts), the audit trail and the
 * search index are the service's job (electron/services/cases.ts), which wraps these calls in one
 * transaction. The exceptions are the rules the database itself must guarantee whoever writes:
 * a unique sagsnr and the optimistic-concurrency check on `version`.
 */
import type { CaseDetail, CaseInput, Point } from '../../shared/domain/case';
import type { PointRule } from '../../shared/domain/rule';
import type { CaseListQuery, CaseListResult, CaseListRow } from '../../shared/domain/case-list';
import { checkCpr } from '../../shared/domain/cpr';
import { yearOf, type IsoDate } from '../../shared/domain/dates';
import { formatSagsnr } from '../../shared/domain/sagsnr';
import { AppError, validationError } from '../../shared/ipc/result';
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';
import { ruleValidity } from './rules';
import { buildMatchQuery } from './search-index';
import {
  CASE_FORM_COLUMNS, CASES, NO_CASE_DEADLINES, caseDetailFromRow, caseFormValues, caseRow, sagsnrKey, type CaseRow,
} from './tables/cases';
import {
  POINT_CONTENT_COLUMNS, POINT_RULES, POINT_THEMES, POINTS, pointContentRow, pointFromRow, pointRow, pointRuleFromRow, pointRuleRow,
  type PointRow, type PointRuleRow,
} from './tables/complaint-points';

export { sagsnrKey, type CaseRow };

/**
 * What gets stored: the validated input, with `citizen.cpr` already resolved by the service to the
 * normalised `DDMMÅÅ-XXXX` to keep, or null for none (on update, "keep the stored CPR" is decided
 * before this point). `sagsnr` '' means "generate the next for the year of receipt".
 */
export type CaseWrite = CaseInput;

export const STALE_VERSION_MESSAGE = 'Sagen er ændret et andet sted, siden du åbnede den. Genindlæs og prøv igen.';

// ---------------------------------------------------------------------------------------------
// Sagsnr

/** The highest generated running number used in a year (0 when none). */
export function lastSagsnrSeq(db: ReadableDB, year: number): number {
  // Served by cases_year_seq (sagsnr_year, sagsnr_seq): a single index seek.
  const row = cached(db, 'SELECT max(sagsnr_seq) AS seq FROM cases WHERE sagsnr_year = ?').get(year) as { seq: number | null };
  return row.seq ?? 0;
}

/** The next generated ÅÅÅÅ-NNNN for the year of receipt: one above the highest number that year. */
export function nextSagsnr(db: ReadableDB, receivedOn: IsoDate): string {
  const year = yearOf(receivedOn);
  return formatSagsnr(year, lastSagsnrSeq(db, year) + 1);
}

/** Number of henvendelser in the register. */
export function countCases(db: ReadableDB): number {
  return (cached(db, 'SELECT count(*) AS n FROM cases').get() as { n: number }).n;
}

/** The henvendelse with this sagsnr (compared as the UNIQUE index does), or null. */
export function caseIdBySagsnr(db: ReadableDB, sagsnr: string): number | null {
  return (cached(db, 'SELECT id FROM cases WHERE sagsnr_key = ?').pluck().get(sagsnrKey(sagsnr)) as number | undefined) ?? null;
}

function sagsnrTaken(db: ReadableDB, sagsnr: string, exceptId: number | null): boolean {
  return cached(db, 'SELECT 1 FROM cases WHERE sagsnr_key = ? AND id IS NOT ?').get(sagsnrKey(sagsnr), exceptId) !== undefined;
}

function sagsnrConflict(sagsnr: string): AppError {
  const message = `Sagsnummeret ${sagsnr} er allerede brugt af en anden henvendelse.`;
  return new AppError('conflict', message, { sagsnr: message });
}

/**
 * Move a henvendelse's "senest ændret" when something recorded on it changes outside the case form
 * (a request, a henstilling, a deadline on a klagepunkt, the klagefrist). The version is left alone:
 * the case's own fields did not change, so a case form open elsewhere can still be saved. Runs in
 * the caller's transaction.
 */
export function touchCase(db: WritableDB, caseId: number, nowIso: string): void {
  cached(db, 'UPDATE cases SET updated_at = ? WHERE id = ? AND updated_at < ?').run(nowIso, caseId, nowIso);
}

// ---------------------------------------------------------------------------------------------
// Read

/** The klagepunkter of a case in position order, with their theme ids and rule links (in link order). */
export function casePoints(db: ReadableDB, caseId: number): Point[] {
  const rows = cached(db, `SELECT ${POINTS.select('p')} FROM complaint_points p WHERE p.case_id = ? ORDER BY p.position, p.id`).all(caseId) as PointRow[];
  const themes = cached(
    db,
    `SELECT pt.point_id, pt.theme_id FROM complaint_point_themes pt JOIN complaint_points p ON p.id = pt.point_id
      WHERE p.case_id = ? ORDER BY pt.point_id, pt.theme_id`,
  ).all(caseId) as { point_id: number; theme_id: number }[];
  const byPoint = new Map<number, number[]>();
  for (const t of themes) byPoint.set(t.point_id, [...(byPoint.get(t.point_id) ?? []), t.theme_id]);
  const links = cached(
    db,
    `SELECT ${POINT_RULES.select('pr')} FROM point_rules pr JOIN complaint_points p ON p.id = pr.point_id
      WHERE p.case_id = ? ORDER BY pr.point_id, pr.position, pr.rule_id`,
  ).all(caseId) as PointRuleRow[];
  const rulesByPoint = new Map<number, PointRule[]>();
  for (const l of links) {
    const list = rulesByPoint.get(l.point_id);
    if (list) list.push(pointRuleFromRow(l));
    else rulesByPoint.set(l.point_id, [pointRuleFromRow(l)]);
  }
  return rows.map((r) => pointFromRow(r, byPoint.get(r.id) ?? [], rulesByPoint.get(r.id) ?? []));
}

/** Whether a henvendelse with this id exists. */
export function caseExists(db: ReadableDB, id: number): boolean {
  return cached(db, 'SELECT 1 FROM cases WHERE id = ?').get(id) !== undefined;
}

/** The henvendelse a klagepunkt belongs to, or null when the klagepunkt does not exist. */
export function pointCaseId(db: ReadableDB, pointId: number): number | null {
  const row = cached(db, 'SELECT case_id FROM complaint_points WHERE id = ?').get(pointId) as { case_id: number } | undefined;
  return row?.case_id ?? null;
}

/**
 * Record whether the forvaltning agreed that an error was made, per klagepunkt, as its answer to a
 * request says. Unlike `touchCase` this is a field of the case form, so the version moves too: a
 * case form opened before the answer then gets the conflict rather than saving the old value back.
 * Runs in the caller's transaction.
 */
export function setPointsAgreed(
  db: WritableDB,
  caseId: number,
  changes: ReadonlyArray<Readonly<{ pointId: number; agreed: boolean | null }>>,
  nowIso: string,
): void {
  if (changes.length === 0) return;
  const point = cached(db, 'UPDATE complaint_points SET forvaltning_agreed = ?, updated_at = ? WHERE id = ? AND case_id = ?');
  for (const c of changes) point.run(c.agreed === null ? null : c.agreed ? 1 : 0, nowIso, c.pointId, caseId);
  cached(db, 'UPDATE cases SET version = version + 1, updated_at = ? WHERE id = ?').run(nowIso, caseId);
}

/** Where a henvendelse's status comes from (migration 0140), for the services that let it follow the case. */
export type CaseStatusState = Readonly<Pick<CaseRow, 'status' | 'status_manual' | 'status_resume' | 'closed_on' | 'version'>>;

export function caseStatusState(db: ReadableDB, caseId: number): CaseStatusState | null {
  const row = cached(db, 'SELECT status, status_manual, status_resume, closed_on, version FROM cases WHERE id = ?').get(caseId) as CaseStatusState | undefined;
  return row ?? null;
}

/**
 * Store a status chosen by the case's requests (or the adviser's "følg sagen igen"). The status is a
 * field of the case form, so the version moves, as in setPointsAgreed. Runs in the caller's transaction.
 */
export function setCaseStatus(db: WritableDB, caseId: number, s: Readonly<Pick<CaseRow, 'status' | 'status_manual' | 'status_resume'>>, nowIso: string): void {
  cached(db, 'UPDATE cases SET status = ?, status_manual = ?, status_resume = ?, version = version + 1, updated_at = ? WHERE id = ?')
    .run(s.status, s.status_manual, s.status_resume, nowIso, caseId);
}

// ---------------------------------------------------------------------------------------------
// Rule links

/**
 * Field errors (`points.N.rules`) for rule ids that are not in the catalogue, or {} when all are.
 * The foreign key would refuse them too, but only with SQLite's "FOREIGN KEY constraint failed".
 */
export function unknownRuleErrors(db: ReadableDB, points: ReadonlyArray<Pick<CaseWrite['points'][number], 'rules'>>): Record<string, string> {
  const known = ruleValidity(db, points.flatMap((p) => (p.rules ?? []).map((r) => r.ruleId)));
  const errors: Record<string, string> = {};
  points.forEach((p, i) => {
    const missing = (p.rules ?? []).map((r) => r.ruleId).filter((id) => !known.has(id));
    if (missing.length === 0) return;
    const list = missing.map((id) => `"${id}"`).join(', ');
    errors[`points.${i}.rules`] =
      missing.length === 1
        ? `Klagepunkt ${i + 1}: reglen ${list} findes ikke i regelkataloget.`
        : `Klagepunkt ${i + 1}: reglerne ${list} findes ikke i regelkataloget.`;
  });
  return errors;
}

/** A henvendelse with its klagepunkter, CPR masked; null when it does not exist. */
export function getCaseDetail(db: ReadableDB, id: number): CaseDetail | null {
  const r = cached(db, `SELECT ${CASES.select('c')} FROM cases c WHERE c.id = ?`).get(id) as CaseRow | undefined;
  return r ? caseDetailFromRow(r, casePoints(db, r.id)) : null;
}

/** The stored (normalised) CPR of a case: undefined when the case does not exist, null when none. */
export function getCaseCpr(db: ReadableDB, id: number): string | null | undefined {
  const row = cached(db, 'SELECT citizen_cpr FROM cases WHERE id = ?').get(id) as { citizen_cpr: string | null } | undefined;
  return row === undefined ? undefined : row.citizen_cpr;
}

// ---------------------------------------------------------------------------------------------
// Write

const UPDATE_CASE = `UPDATE cases SET ${CASE_FORM_COLUMNS.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ?
  WHERE id = ? AND version = ?`;

/**
 * A klagepunkt's content columns are rewritten, but `updated_at` moves only when one of them (or
 * its rule links) changed.
 */
const UPDATE_POINT = `UPDATE complaint_points SET position = @position, ${POINT_CONTENT_COLUMNS.map((c) => `${c} = @${c}`).join(', ')},
  updated_at = CASE WHEN ${POINT_CONTENT_COLUMNS.map((c) => `${c} IS @${c}`).join(' AND ')} AND NOT @rulesChanged THEN updated_at ELSE @now END
  WHERE id = @id`;

/** Resolve '' to a generated number and refuse a sagsnr another case has (ignoring case). */
function resolveSagsnr(db: ReadableDB, w: CaseWrite, exceptId: number | null): string {
  const sagsnr = w.sagsnr.trim() === '' ? nextSagsnr(db, w.receivedOn) : w.sagsnr.trim();
  if (sagsnrTaken(db, sagsnr, exceptId)) throw sagsnrConflict(sagsnr);
  return sagsnr;
}

type PointWrite = CaseWrite['points'][number];

function insertPoint(db: WritableDB, caseId: number, position: number, p: PointWrite, nowIso: string): number {
  const ids = { forvaltningId: p.forvaltningId, afdelingId: p.afdelingId, competenceReasonId: p.competenceReasonId ?? null };
  const info = cached(db, POINTS.insertSql).run(...POINTS.insertValues(pointRow(caseId, position, p, ids, { createdAt: nowIso, updatedAt: nowIso })));
  const pointId = Number(info.lastInsertRowid);
  setPointThemes(db, pointId, p.themeIds);
  insertPointRules(db, pointId, p.rules ?? []);
  return pointId;
}

function insertPointRules(db: WritableDB, pointId: number, rules: readonly PointRule[]): void {
  const ins = cached(db, POINT_RULES.insertSql);
  rules.forEach((r, i) => ins.run(...POINT_RULES.insertValues(pointRuleRow(pointId, i, r))));
}

/** Replace the rule links of a klagepunkt; true when they differ from what was stored. */
function replacePointRules(db: WritableDB, pointId: number, rules: readonly PointRule[]): boolean {
  const stored = (cached(db, `SELECT ${POINT_RULES.select('pr')} FROM point_rules pr WHERE pr.point_id = ? ORDER BY pr.position, pr.rule_id`).all(pointId) as PointRuleRow[]).map(
    pointRuleFromRow,
  );
  const same =
    stored.length === rules.length &&
    stored.every((s, i) => {
      const r = rules[i] as PointRule;
      return s.ruleId === r.ruleId && s.assessment === r.assessment && s.reasoning === r.reasoning;
    });
  if (same) return false;
  cached(db, 'DELETE FROM point_rules WHERE point_id = ?').run(pointId);
  insertPointRules(db, pointId, rules);
  return true;
}

function setPointThemes(db: WritableDB, pointId: number, themeIds: readonly number[]): void {
  cached(db, 'DELETE FROM complaint_point_themes WHERE point_id = ?').run(pointId);
  const ins = cached(db, POINT_THEMES.insertOrIgnoreSql);
  for (const t of themeIds) ins.run(...POINT_THEMES.insertValues({ point_id: pointId, theme_id: t }));
}

/**
 * Insert a henvendelse and its klagepunkter. Returns the new id and the sagsnr it got. Runs as one
 * transaction (a savepoint when the caller already holds one, e.g. the bulk import).
 */
export function insertCase(db: WritableDB, w: CaseWrite, nowIso: string): { id: number; sagsnr: string } {
  return db.transaction(() => {
    refuseUnknownRules(db, w);
    const sagsnr = resolveSagsnr(db, w, null);
    const row = caseRow(w, sagsnr, NO_CASE_DEADLINES, { version: 1, createdAt: nowIso, updatedAt: nowIso });
    const info = cached(db, CASES.insertSql).run(...CASES.insertValues(row));
    const id = Number(info.lastInsertRowid);
    w.points.forEach((p, i) => insertPoint(db, id, i + 1, p, nowIso));
    return { id, sagsnr };
  })();
}

/**
 * Update a henvendelse if it is still at `expectedVersion` (optimistic concurrency: two advisers, or
 * two windows, editing the same case must not silently overwrite each other). Klagepunkter are
 * matched by id: listed ones are updated and renumbered, new ones inserted, missing ones deleted.
 */
export function updateCase(db: WritableDB, id: number, expectedVersion: number, w: CaseWrite, nowIso: string): void {
  db.transaction(() => {
    const current = cached(db, 'SELECT version FROM cases WHERE id = ?').get(id) as { version: number } | undefined;
    if (!current) throw new AppError('not_found', 'Henvendelsen findes ikke.');
    if (current.version !== expectedVersion) throw new AppError('conflict', STALE_VERSION_MESSAGE);
    refuseUnknownRules(db, w);
    const sagsnr = resolveSagsnr(db, w, id);
    const info = cached(db, UPDATE_CASE).run(...caseFormValues(w, sagsnr), nowIso, id, expectedVersion);
    if (info.changes !== 1) throw new AppError('conflict', STALE_VERSION_MESSAGE);

    const existing = new Set((cached(db, 'SELECT id FROM complaint_points WHERE case_id = ?').all(id) as { id: number }[]).map((r) => r.id));
    const kept = new Set<number>();
    for (const p of w.points) {
      if (p.id === undefined) continue;
      if (!existing.has(p.id) || kept.has(p.id)) {
        throw new AppError('bad_request', 'Et klagepunkt hører ikke til denne henvendelse. Genindlæs og prøv igen.');
      }
      kept.add(p.id);
    }
    const del = cached(db, 'DELETE FROM complaint_points WHERE id = ?');
    for (const old of existing) if (!kept.has(old)) del.run(old);
    w.points.forEach((p, i) => {
      if (p.id === undefined) {
        insertPoint(db, id, i + 1, p, nowIso);
        return;
      }
      // Only touch updated_at when something about the point changed (its rule links included).
      const rulesChanged = replacePointRules(db, p.id, p.rules ?? []);
      cached(db, UPDATE_POINT).run({ ...pointContentRow(p), position: i + 1, rulesChanged: rulesChanged ? 1 : 0, now: nowIso, id: p.id });
      setPointThemes(db, p.id, p.themeIds);
    });
  })();
}

/** The database's own guarantee, whoever writes: every linked rule is in the catalogue. */
function refuseUnknownRules(db: ReadableDB, w: CaseWrite): void {
  if (!w.points.some((p) => (p.rules ?? []).length > 0)) return;
  const errors = unknownRuleErrors(db, w.points);
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

/**
 * Which of these sagsnr keys (`normaliseToken(sagsnr)`) are already used, with the stored spelling.
 * One statement for all numbers (a JSON array parameter, no placeholder limit), so an import of
 * 70,000 henvendelser checks them in one pass of index lookups.
 */
export function takenSagsnr(db: ReadableDB, keys: readonly string[]): Array<{ sagsnr: string; key: string }> {
  if (keys.length === 0) return [];
  return cached(db, 'SELECT sagsnr, sagsnr_key AS key FROM cases WHERE sagsnr_key IN (SELECT value FROM json_each(?))').all(JSON.stringify(keys)) as Array<{
    sagsnr: string;
    key: string;
  }>;
}

// ---------------------------------------------------------------------------------------------
// List

/**
 * ORDER BY per sort key, each matching an index so a page can be read in index order:
 * cases_received (received_on, id), cases_status (status, received_on), cases_type (type,
 * received_on), cases_citizen_sort and cases_updated (rowid is the implicit last column of every
 * index), and the UNIQUE index on sagsnr_key. `id` is the final tie-break so paging is stable.
 */
const ORDER: Record<CaseListQuery['sort'], readonly string[]> = {
  sagsnr: ['c.sagsnr_key'],
  receivedOn: ['c.received_on', 'c.id'],
  status: ['c.status', 'c.received_on', 'c.id'],
  type: ['c.type', 'c.received_on', 'c.id'],
  citizenName: ['c.citizen_sort', 'c.id'],
  updatedAt: ['c.updated_at', 'c.id'],
};

/** What the search box asks for: nothing, an exact CPR number, or full-text terms. */
export type ListSearch = { kind: 'none' } | { kind: 'cpr'; value: string } | { kind: 'fts'; match: string };

export function resolveSearch(text: string): ListSearch {
  const search = text.trim();
  if (search === '') return { kind: 'none' };
  // A CPR number is looked up exactly in its own column; it is never in the full-text index.
  if (/^\d{6}-?\d{4}$/.test(search.replace(/\s+/g, ''))) {
    const cpr = checkCpr(search);
    if (cpr.ok) return { kind: 'cpr', value: cpr.value };
  }
  const match = buildMatchQuery(search);
  return match === null ? { kind: 'none' } : { kind: 'fts', match };
}

/**
 * How the page is found (the list must stay fast at 100,000 henvendelser whatever is selected):
 * - `set`: collect the matching rows through the filter indexes, then sort them. Best when few
 *   rows match; also the form used for counting.
 * - `walk`: read the sort index in order and test each row against the filters, stopping as soon
 *   as the page is full. Best when many rows match, because the page is found after a few hundred
 *   rows instead of sorting tens of thousands. The unary `+` keeps SQLite from switching to a
 *   filter index (which would force a sort); the klagepunkt filters become per-row EXISTS probes on
 *   points_forvaltning / point_themes_theme.
 */
export type ListMode = 'set' | 'walk';

export type ListSql = Readonly<{ where: string; params: unknown[]; orderBy: string }>;

/**
 * WHERE and ORDER BY of the list query with bound parameters only. Full-text hits enter as a JSON
 * array of case ids (`ftsIdsJson`) in `set` mode; in `walk` mode they are tested by the caller.
 * `onlyIdsJson`: a JSON array of the only case ids to list (the annual report's drill-down).
 */
export function caseListSql(q: CaseListQuery, mode: ListMode = 'set', ftsIdsJson: string | null = null, onlyIdsJson: string | null = null): ListSql {
  const where: string[] = [];
  const params: unknown[] = [];
  if (onlyIdsJson !== null) {
    where.push('c.id IN (SELECT value FROM json_each(?))');
    params.push(onlyIdsJson);
  }
  const walk = mode === 'walk';
  const keep = (column: string, sortedBy: boolean) => (walk && !sortedBy ? `+${column}` : column);
  if (q.statuses.length > 0) {
    where.push(`${keep('c.status', q.sort === 'status')} IN (${q.statuses.map(() => '?').join(', ')})`);
    params.push(...q.statuses);
  }
  if (q.types.length > 0) {
    where.push(`${keep('c.type', q.sort === 'type')} IN (${q.types.map(() => '?').join(', ')})`);
    params.push(...q.types);
  }
  if (q.receivedFrom !== null) {
    where.push(`${keep('c.received_on', q.sort === 'receivedOn')} >= ?`);
    params.push(q.receivedFrom);
  }
  if (q.receivedTo !== null) {
    where.push(`${keep('c.received_on', q.sort === 'receivedOn')} <= ?`);
    params.push(q.receivedTo);
  }
  const adviserId = q.adviserId ?? null;
  if (adviserId !== null) {
    // `set`: one adviser's henvendelser through cases_adviser (migration 0090); `walk`: a per-row test.
    where.push(`${keep('c.adviser_id', false)} = ?`);
    params.push(adviserId);
  }
  if (q.forvaltningId !== null) {
    where.push(
      walk
        ? 'EXISTS (SELECT 1 FROM complaint_points p WHERE p.forvaltning_id = ? AND p.case_id = c.id)'
        : // IN (subquery): evaluated once into a set from points_forvaltning.
          'c.id IN (SELECT p.case_id FROM complaint_points p WHERE p.forvaltning_id = ?)',
    );
    params.push(q.forvaltningId);
  }
  if (q.themeId !== null) {
    where.push(
      walk
        ? 'EXISTS (SELECT 1 FROM complaint_point_themes pt JOIN complaint_points p ON p.id = pt.point_id WHERE pt.theme_id = ? AND p.case_id = c.id)'
        : 'c.id IN (SELECT p.case_id FROM complaint_point_themes pt JOIN complaint_points p ON p.id = pt.point_id WHERE pt.theme_id = ?)',
    );
    params.push(q.themeId);
  }
  const search = resolveSearch(q.search);
  if (search.kind === 'cpr') {
    where.push('c.citizen_cpr = ?');
    params.push(search.value);
  } else if (search.kind === 'fts' && ftsIdsJson !== null && !walk) {
    where.push('c.id IN (SELECT value FROM json_each(?))');
    params.push(ftsIdsJson);
  }
  const dir = q.direction === 'desc' ? 'DESC' : 'ASC';
  return {
    where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '',
    params,
    orderBy: `ORDER BY ${ORDER[q.sort].map((c) => `${c} ${dir}`).join(', ')}`,
  };
}

/**
 * Walk when reading the sort index until the page is full is expected to touch fewer rows than
 * collecting and sorting every match: with `matches` of `all` rows spread evenly, filling
 * offset + limit takes about (offset + limit) · all / matches index entries.
 */
export function chooseListMode(matches: number, all: number, offset: number, limit: number): ListMode {
  if (matches <= 0) return 'set';
  const walked = ((offset + limit) * all) / matches;
  return walked <= 2 * matches ? 'walk' : 'set';
}

type ListRow = Omit<CaseListRow, 'forvaltninger' | 'pointCount' | 'nextDeadline'>;

/**
 * One page of the case list and the number of matches. The full-text index is queried once; the
 * page is then found by `set` or `walk` (see ListMode), whichever touches fewer rows, and the
 * per-row aggregates (forvaltning names, number of klagepunkter) are computed for the page only.
 * `only`: list no other henvendelser than these (the cases behind a number of the annual report),
 * bound once as a JSON array; always `set`, since the ids are a period's at most.
 */
export function listCases(db: ReadableDB, q: CaseListQuery, force?: ListMode, only: readonly number[] | null = null): CaseListResult {
  if (only !== null && only.length === 0) return { total: 0, rows: [] };
  const onlyJson = only === null ? null : JSON.stringify(only);
  const search = resolveSearch(q.search);
  let hits: number[] | null = null;
  if (search.kind === 'fts') {
    hits = cached(db, 'SELECT rowid FROM case_fts WHERE case_fts MATCH ?').pluck().all(search.match) as number[];
    if (hits.length === 0) return { total: 0, rows: [] };
  }
  const filtered = hasFilters(q) || search.kind === 'cpr' || onlyJson !== null;
  // The hit ids go into SQL only when SQLite must combine them with other filters or sort them.
  const hitsJson = hits !== null && filtered ? JSON.stringify(hits) : null;
  const setSql = caseListSql(q, 'set', hitsJson, onlyJson);
  const total =
    hits !== null && !filtered
      ? hits.length
      : (cached(db, `SELECT count(*) AS n FROM cases c ${setSql.where}`).get(...setSql.params) as { n: number }).n;
  if (total === 0 || q.offset >= total) return { total, rows: [] };

  const all = (cached(db, 'SELECT max(id) AS n FROM cases').get() as { n: number | null }).n ?? 0;
  // `force` exists for the test that proves both ways give the same page.
  const mode = force ?? (search.kind === 'cpr' || onlyJson !== null ? 'set' : chooseListMode(total, all, q.offset, q.limit));
  let ids: number[];
  if (mode === 'set') {
    const sql = hits !== null && hitsJson === null ? caseListSql(q, 'set', JSON.stringify(hits), onlyJson) : setSql;
    ids = cached(db, `SELECT c.id FROM cases c ${sql.where} ${sql.orderBy} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...sql.params, q.limit, q.offset) as number[];
  } else {
    const walkSql = caseListSql(q, 'walk');
    if (hits === null) {
      ids = cached(db, `SELECT c.id FROM cases c ${walkSql.where} ${walkSql.orderBy} LIMIT ? OFFSET ?`)
        .pluck()
        .all(...walkSql.params, q.limit, q.offset) as number[];
    } else {
      const ordered = cached(db, `SELECT c.id FROM cases c ${walkSql.where} ${walkSql.orderBy}`).pluck();
      ids = walkHits(ordered.iterate(...walkSql.params) as IterableIterator<number>, new Set(hits), q.offset, q.limit);
    }
  }
  return { total, rows: pageRows(db, ids) };
}

function hasFilters(q: CaseListQuery): boolean {
  return (
    q.statuses.length > 0 || q.types.length > 0 || q.receivedFrom !== null || q.receivedTo !== null || q.forvaltningId !== null || q.themeId !== null ||
    (q.adviserId ?? null) !== null
  );
}

/** Take ids in index order that are full-text hits, skipping `offset` of them; stop when the page is full. */
function walkHits(ordered: IterableIterator<number>, hits: ReadonlySet<number>, offset: number, limit: number): number[] {
  const out: number[] = [];
  let skip = offset;
  for (const id of ordered) {
    if (!hits.has(id)) continue;
    if (skip > 0) {
      skip--;
      continue;
    }
    out.push(id);
    if (out.length === limit) {
      // Ends the statement early (better-sqlite3 resets it when the iterator is returned).
      ordered.return?.();
      break;
    }
  }
  return out;
}

/** The list rows for the given ids, in that order, with their per-case aggregates. */
function pageRows(db: ReadableDB, ids: number[]): CaseListRow[] {
  if (ids.length === 0) return [];
  const json = JSON.stringify(ids);
  const byId = new Map(
    (
      cached(
        db,
        `SELECT c.id, c.sagsnr, c.received_on AS receivedOn, c.type, c.status, c.citizen_name AS citizenName, c.summary,
                c.closed_on AS closedOn, a.name AS adviser
           FROM cases c LEFT JOIN advisers a ON a.id = c.adviser_id WHERE c.id IN (SELECT value FROM json_each(?))`,
      ).all(json) as ListRow[]
    ).map((r) => [r.id, r]),
  );
  const agg = pageAggregates(db, ids);
  const next = nextDeadlines(db, json);
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const a = agg.get(id);
    return [{ ...r, forvaltninger: a ? a.names.join(', ') : '', pointCount: a ? a.count : 0, nextDeadline: next.get(id) ?? null }];
  });
}

/**
 * The earliest open due date of each open henvendelse among the given ids (a JSON array): its open
 * requests (requests_case), running statutory deadlines (points_case → point_deadlines_point), the
 * citizen's klagefrist and the adviser's own target (both on the row). Only for the page's ids, so
 * the list's cost does not grow with the database. SQLite takes the bare `kind` from the row that
 * gave min(due_on); on a tie the order of the UNION decides.
 */
export const NEXT_DEADLINE_SQL = `
  WITH page(id) AS (SELECT c.id FROM cases c WHERE c.id IN (SELECT value FROM json_each(?)) AND c.closed_on IS NULL),
  due(case_id, kind, due_on) AS (
    SELECT c.id, 'klagefrist', c.klagefrist_due FROM cases c WHERE c.id IN page AND c.klagefrist_due IS NOT NULL
    UNION ALL
    SELECT r.case_id, 'anmodning', r.due_on FROM requests r WHERE r.case_id IN page AND r.answered_on IS NULL AND r.closed_on IS NULL
    UNION ALL
    SELECT p.case_id, 'lovfrist', d.due_on FROM complaint_points p JOIN point_deadlines d ON d.point_id = p.id WHERE p.case_id IN page AND d.met_on IS NULL
    UNION ALL
    SELECT c.id, 'eget_maal', c.target_due FROM cases c WHERE c.id IN page AND c.target_due IS NOT NULL
  )
  SELECT case_id, kind, min(due_on) AS due_on FROM due GROUP BY case_id`;

type NextDeadline = NonNullable<CaseListRow['nextDeadline']>;

function nextDeadlines(db: ReadableDB, idsJson: string): Map<number, NextDeadline> {
  const rows = cached(db, NEXT_DEADLINE_SQL).all(idsJson) as Array<{ case_id: number; kind: NextDeadline['kind']; due_on: string }>;
  return new Map(rows.map((r) => [r.case_id, { dueOn: r.due_on, kind: r.kind }]));
}

/** The next open deadline of one henvendelse, as the case list's "Næste frist" shows it; null when none or closed. */
export function caseNextDeadline(db: ReadableDB, caseId: number): NextDeadline | null {
  return nextDeadlines(db, JSON.stringify([caseId])).get(caseId) ?? null;
}

/** Distinct forvaltning names (in klagepunkt order) and klagepunkt count for each listed case. */
function pageAggregates(db: ReadableDB, ids: number[]): Map<number, { names: string[]; count: number }> {
  const rows = cached(
    db,
    `SELECT p.case_id, f.name FROM complaint_points p LEFT JOIN forvaltninger f ON f.id = p.forvaltning_id
      WHERE p.case_id IN (SELECT value FROM json_each(?)) ORDER BY p.case_id, p.position, p.id`,
  ).all(JSON.stringify(ids)) as { case_id: number; name: string | null }[];
  const out = new Map<number, { names: string[]; count: number }>();
  for (const r of rows) {
    let a = out.get(r.case_id);
    if (!a) {
      a = { names: [], count: 0 };
      out.set(r.case_id, a);
    }
    a.count++;
    if (r.name !== null && !a.names.includes(r.name)) a.names.push(r.name);
  }
  return out;
}
