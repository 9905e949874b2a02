/**
 * The write half of the import: validated henvendelser into the database with a handful of prepared
 * statements, inside the caller's single transaction (electron/services/import.ts). Deliberately not a loop over the
 * one-case insert of db/queries/cases.ts: that opens a savepoint, re-checks the sagsnr and clears
 * theme links per case, which multiplies the cost of a 100,000-row import several times over. The
 * column values are the same as that insert stores (sagsnr_key, sagsnr_year/seq, citizen_sort).
 */
import type { WritableDB } from '../types';
import type { AuditChange } from './audit';
import { cached } from './cached';
import { findCompetenceReason, findOrCreateAfdeling, findOrCreateForvaltning, findOrCreateTheme } from './catalog';
import { reindexCases } from './search-index';
import type { ImportReport } from '../../shared/domain/import-report';
import { parseSagsnr } from '../../shared/domain/sagsnr';
import { danishSortKey } from '../../shared/domain/sort-key';
import { nameKey } from '../../shared/import/columns';
import type { ImportCase, ImportPoint, ImportReason, ImportRequest } from '../../shared/import/validate-rows';
import { computeDeadline } from '../../shared/deadlines';
import type { IsoDate } from '../../shared/domain/dates';
import { readDeadlineSettings } from './deadline-settings';
import { verdictOf } from './requests';

export type Created = ImportReport['created'];

/** The audit action of a henvendelse created by import (shown in its history). */
export const IMPORT_AUDIT_ACTION = 'Importeret';

/** Afdelinger are reported with their forvaltning: "Jobcenter" can exist under more than one. */
export function afdelingLabel(forvaltning: string, afdeling: string): string {
  return `${forvaltning} / ${afdeling}`;
}

const INSERT_CASE = `INSERT INTO cases (
    sagsnr, sagsnr_key, sagsnr_year, sagsnr_seq, received_on, channel, type,
    citizen_name, citizen_sort, citizen_address, citizen_phone, citizen_email, citizen_cpr,
    summary, description, status, competence_reason_id, handling, closed_on, target_due, version, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, 1, ?, ?)`;

/** Competence and handling are the klagepunkt's own (migration 0080). */
const INSERT_POINT = `INSERT INTO complaint_points (case_id, position, forvaltning_id, afdeling_id, description, outcome, forvaltning_agreed,
    competence_reason_id, handling, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const INSERT_POINT_THEME = 'INSERT OR IGNORE INTO complaint_point_themes (point_id, theme_id) VALUES (?, ?)';

/** The format's `regler` are the rules breached: each is recorded as ikke overholdt, without reasoning. */
const INSERT_POINT_RULE = `INSERT INTO point_rules (point_id, rule_id, position, assessment, reasoning) VALUES (?, ?, ?, 'ikke_overholdt', '')`;

/**
 * The format's request columns: a redegørelse from the klagepunkt's forvaltning. An explicit
 * svarfrist is kept as `explicit_due` (migration 0050), so a later calendar change does not move a
 * date the file gave; the spec is the default, as for a request created in the app.
 */
const INSERT_REQUEST = `INSERT INTO requests (case_id, forvaltning_id, kind, sent_on, deadline_amount, deadline_unit, roll_forward, profile, due_on, explicit_due,
    answered_on, verdict_on_time, verdict_working_days, verdict_days_late, note, created_at, updated_at)
  VALUES (?, ?, 'redegoerelse', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?)`;

const INSERT_RECOMMENDATION = `INSERT INTO recommendations (case_id, point_id, forvaltning_id, text, given_on, status, status_on, answer, follow_up_on, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, '', NULL, ?, ?)`;

/**
 * The audit entry of every imported henvendelse in one statement: the same row appendAudit
 * (db/queries/audit.ts) writes per case (entity 'case', entity_id = case_id = the new id, changes
 * as JSON), in case order, without 70,000 round trips from JavaScript.
 */
const INSERT_AUDIT = `INSERT INTO audit_log (at, actor, entity, entity_id, case_id, action, changes)
  SELECT ?, ?, 'case', value, value, ?, ? FROM json_each(?) ORDER BY key`;

/** Insert every case; must run inside a transaction and never awaits. Returns the created catalogue entries. */
export function writeImportedCases(
  db: WritableDB,
  who: Readonly<{ nowIso: string; actor: string; fileName: string }>,
  cases: ReadonlyArray<ImportCase>,
): Created {
  const { nowIso, actor } = who;
  const created: Created = { forvaltninger: [], afdelinger: [], themes: [] };
  // Catalogue ids by name key, and (faster, no folding) by the exact spelling last seen: the
  // validator memoises cells, so a file's thousands of "Jobcenter" are usually one string.
  const forvaltningIds = new Map<string, number>();
  const afdelingIds = new Map<string, number>();
  const themeIds = new Map<string, number>();
  const forvaltningBySpelling = new Map<string, number>();
  const afdelingBySpelling = new Map<string, number>();
  const themeBySpelling = new Map<string, number>();

  const forvaltningId = (name: string): number => {
    let id = forvaltningBySpelling.get(name);
    if (id !== undefined) return id;
    const key = nameKey(name);
    id = forvaltningIds.get(key);
    if (id === undefined) {
      const r = findOrCreateForvaltning(db, name, nowIso);
      if (r.created) created.forvaltninger.push(name);
      id = r.id;
      forvaltningIds.set(key, id);
    }
    forvaltningBySpelling.set(name, id);
    return id;
  };
  const afdelingId = (forvaltning: string, fid: number, name: string): number => {
    const spelling = `${fid}\u0000${name}`;
    let id = afdelingBySpelling.get(spelling);
    if (id !== undefined) return id;
    const key = `${fid}\u0000${nameKey(name)}`;
    id = afdelingIds.get(key);
    if (id === undefined) {
      const r = findOrCreateAfdeling(db, fid, name, nowIso);
      if (r.created) created.afdelinger.push(afdelingLabel(forvaltning, name));
      id = r.id;
      afdelingIds.set(key, id);
    }
    afdelingBySpelling.set(spelling, id);
    return id;
  };
  // The import service has checked that every reason exists (unknown ones are errors, not created).
  const reasonIds = new Map<string, number | null>();
  const reasonId = (r: ImportReason | null): number | null => {
    if (r === null) return null;
    let id = reasonIds.get(r.name);
    if (id === undefined) {
      id = findCompetenceReason(db, r.name, r.legacyCode);
      reasonIds.set(r.name, id);
    }
    return id;
  };
  const themeId = (name: string): number => {
    let id = themeBySpelling.get(name);
    if (id !== undefined) return id;
    const key = nameKey(name);
    id = themeIds.get(key);
    if (id === undefined) {
      const r = findOrCreateTheme(db, name, nowIso);
      if (r.created) created.themes.push(name);
      id = r.id;
      themeIds.set(key, id);
    }
    themeBySpelling.set(name, id);
    return id;
  };

  // A large import into a (relatively) small database: drop the secondary indexes, insert, then
  // build each index once from sorted data (see dropSecondaryIndexes). Measured on 100,000
  // klagepunkter into an empty file: ~0.25 s less in total, and slightly smaller indexes.
  const restore = cases.length >= BULK_MIN && cases.length >= caseCount(db) ? dropSecondaryIndexes(db) : null;
  const insCase = cached(db, INSERT_CASE);
  const insPoint = cached(db, INSERT_POINT);
  const insTheme = cached(db, INSERT_POINT_THEME);
  const insRule = cached(db, INSERT_POINT_RULE);
  const insRecommendation = cached(db, INSERT_RECOMMENDATION);
  // Deadlines from the settings, each distinct start date computed once (a file has few dates).
  const settings = readDeadlineSettings(db);
  const calendar = { closingDays: settings.closingDays };
  const memo = (spec: typeof settings.requestDefault) => {
    const dues = new Map<IsoDate, IsoDate>();
    return (start: IsoDate): IsoDate => {
      let due = dues.get(start);
      if (due === undefined) {
        // The request svarfrist and the adviser's target are local targets (legal-rules.md § b.5).
        due = computeDeadline({ start, spec, calendar, owner: 'maal' }).due;
        dues.set(start, due);
      }
      return due;
    };
  };
  const requestDue = memo(settings.requestDefault);
  const target = settings.adviserTarget;
  const targetDue = target === null ? null : memo(target);
  const spec = settings.requestDefault;
  const insRequest = cached(db, INSERT_REQUEST);
  const writeRequest = (caseId: number, r: ImportRequest): void => {
    const due = r.dueOn ?? requestDue(r.sentOn);
    const verdict = r.answeredOn === null ? null : verdictOf({ sent_on: r.sentOn, due_on: due, profile: spec.profile }, r.answeredOn, calendar);
    insRequest.run(
      caseId, forvaltningId(r.forvaltning), r.sentOn, spec.amount, spec.unit, spec.rollForward ? 1 : 0, spec.profile, due, r.dueOn, r.answeredOn,
      verdict === null ? null : verdict.onTime ? 1 : 0, verdict?.workingDaysUsed ?? null, verdict?.daysLate ?? null, nowIso, nowIso,
    );
  };
  const ids: number[] = new Array<number>(cases.length);
  for (let n = 0; n < cases.length; n++) {
    const c = cases[n] as ImportCase;
    const parsed = parseSagsnr(c.sagsnr);
    const citizen = c.citizen;
    const id = Number(insCase.run(
      c.sagsnr, nameKey(c.sagsnr), parsed === null ? null : parsed.year, parsed === null ? null : parsed.seq, c.receivedOn, c.channel, c.type,
      citizen.name, danishSortKey(citizen.name), citizen.address, citizen.phone, citizen.email, citizen.cpr,
      c.summary, c.status, reasonId(c.competenceReason), c.handling, c.closedOn, targetDue === null ? null : targetDue(c.receivedOn), nowIso, nowIso,
    ).lastInsertRowid);
    ids[n] = id;
    const points = c.points;
    for (let i = 0; i < points.length; i++) {
      const p = points[i] as ImportPoint;
      const fid = p.forvaltning === null ? null : forvaltningId(p.forvaltning);
      const aid = fid === null || p.forvaltning === null || p.afdeling === null ? null : afdelingId(p.forvaltning, fid, p.afdeling);
      const agreed = p.forvaltningAgreed === null ? null : p.forvaltningAgreed ? 1 : 0;
      const pointId = Number(insPoint.run(id, i + 1, fid, aid, p.description, p.outcome, agreed, reasonId(p.competenceReason), p.handling, nowIso, nowIso).lastInsertRowid);
      for (const t of p.themes) insTheme.run(pointId, themeId(t));
      const rules = p.rules;
      for (let k = 0; k < rules.length; k++) insRule.run(pointId, rules[k], k + 1);
      const rec = p.recommendation;
      // The validator refuses a henstilling without a forvaltning; `fid` is checked for the types.
      if (rec !== null && fid !== null) insRecommendation.run(id, pointId, fid, rec.text, rec.givenOn, rec.status, rec.statusOn, nowIso, nowIso);
    }
    for (const r of c.requests) writeRequest(id, r);
  }
  const changes: AuditChange[] = [{ field: 'Importfil', before: '', after: who.fileName }];
  cached(db, INSERT_AUDIT).run(nowIso, actor, IMPORT_AUDIT_ACTION, JSON.stringify(changes), JSON.stringify(ids));
  // The indexes must be back before the search index is built: its document query reads the
  // klagepunkter by case (points_case).
  if (restore) restore();
  reindexCases(db, ids);
  return created;
}

/** Smallest import worth dropping and rebuilding indexes for (below it the schema churn buys nothing). */
const BULK_MIN = 1_000;
/** The tables an import inserts into in bulk. */
const BULK_TABLES = JSON.stringify(['cases', 'complaint_points', 'complaint_point_themes', 'point_rules', 'recommendations', 'requests']);

function caseCount(db: WritableDB): number {
  return (cached(db, 'SELECT count(*) AS n FROM cases').get() as { n: number }).n;
}

/**
 * Bulk-load mode, inside the caller's transaction: drop the secondary indexes of the import's
 * tables and return the function that re-creates them with their own stored CREATE INDEX text.
 *
 * Why it helps: each inserted row otherwise updates nine secondary b-trees at random places (status,
 * type, citizen_sort, forvaltning, theme …); CREATE INDEX instead sorts once and writes packed pages.
 * Only a win when the import is large relative to the table, since the rebuild covers every row
 * (hence the caller's test: at least BULK_MIN rows and at least as many as the table holds).
 *
 * Safe for all-or-nothing: DDL is transactional in SQLite, so a rollback brings the indexes back
 * untouched. Only indexes with stored SQL (`sql IS NOT NULL`) are dropped: the automatic indexes of
 * UNIQUE and PRIMARY KEY constraints (sagsnr_key, the theme-link key) cannot be and stay in place,
 * so duplicates are still refused row by row. Should a later migration add a CREATE UNIQUE INDEX,
 * its rebuild fails on a duplicate and that error aborts the transaction like an insert would.
 *
 * DROP INDEX also deletes the index's planner statistics (sqlite_stat1/sqlite_stat4); they are put
 * back as they were and reloaded, so queries after the import are planned exactly as without it.
 */
function dropSecondaryIndexes(db: WritableDB): () => void {
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_schema
    WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY rowid`).all(BULK_TABLES) as Array<{ name: string; sql: string }>;
  if (indexes.length === 0) return () => {};
  const names = JSON.stringify(indexes.map((i) => i.name));
  const statTables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('sqlite_stat1', 'sqlite_stat4')").all() as Array<{ name: string }>).map((t) => t.name);
  const saved = statTables.map((table) => ({ table, rows: db.prepare(`SELECT * FROM ${table} WHERE idx IN (SELECT value FROM json_each(?))`).raw().all(names) as unknown[][] }));
  for (const i of indexes) db.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);
  return () => {
    for (const i of indexes) db.exec(i.sql);
    let restored = false;
    for (const { table, rows } of saved) {
      if (rows.length === 0) continue;
      const width = (rows[0] as unknown[]).length;
      const ins = db.prepare(`INSERT INTO ${table} VALUES (${Array.from({ length: width }, () => '?').join(', ')})`);
      for (const r of rows) ins.run(r);
      restored = true;
    }
    // The planner reads the statistics tables when it loads the schema; this makes it re-read them.
    if (restored) db.exec('ANALYZE sqlite_schema');
  };
}
