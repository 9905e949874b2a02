/**
 * The write half of the import: validated henvendelser (PortableCase, shared/import/portable.ts) into
 * the database with a handful of prepared statements, inside the caller's single transaction
 * (electron/services/import.ts, import-write.ts). Deliberately not a loop over the one-case insert of
 * db/queries/cases.ts: that opens a savepoint, re-checks the sagsnr and clears theme links per case,
 * which multiplies the cost of a 100,000-row import several times over. The rows are built by the
 * same table mappers (./tables/) as the case form's insert and the export's read, so every column
 * the export writes is stored again, and a new column is one line in its mapper.
 *
 * A JSON export also carries the catalogue, the rules and the settings (`who.head`): see
 * applyExportHead.
 */
import { createHash } from 'node:crypto';
import { computeDeadline, type DeadlineSpec } from '../../shared/deadlines';
import { legacyReasonCode } from '../../shared/domain/competence';
import type { CaseInput } from '../../shared/domain/case';
import type { IsoDate } from '../../shared/domain/dates';
import type { ImportReport } from '../../shared/domain/import-report';
import { nameKey } from '../../shared/import/columns';
import type { PortableAnnualReport, PortableCase, PortableExportHead, PortableFinding, PortableRequest } from '../../shared/import/portable';
import type { WritableDB } from '../types';
import { appendAudit, appendAuditEntries, type AuditChange } from './audit';
import { cached } from './cached';
import {
  findAdviserByName, findCompetenceReason, findOrCreateAfdeling, findOrCreateForvaltning, findOrCreateTheme, insertAdviser,
} from './catalog';
import { readDeadlineSettings } from './deadline-settings';
import { insertFindingDraft, insertFindingVersion, replaceFindingAnonymisationTerms, upsertFindingSectionEdit } from './findings';
import { insertDocument, insertJournalNote } from './records';
import { verdictOf } from './requests';
import { findingVersionIdByRef, upsertAnnualReport } from './annual-reports';
import { applyExportHead } from './restore';
import { indexNewCases } from './search-index';
import { CASES, caseRow } from './tables/cases';
import { POINT_RULES, POINT_THEMES, POINTS, pointRow, pointRuleRow } from './tables/complaint-points';
import {
  POINT_DEADLINES, RECOMMENDATIONS, REQUEST_EVENTS, REQUEST_POINTS, REQUESTS, pointDeadlineRow, recommendationRow, requestEventRow, requestRow,
} from './tables/follow-up';

export type Created = ImportReport['created'];

/** The audit action of a henvendelse created by import (shown in its history). */
export const IMPORT_AUDIT_ACTION = 'Importeret';

/** Afdelinger are reported with their forvaltning: "Jobcenter" can exist under more than one. */
export function afdelingLabel(forvaltning: string, afdeling: string): string {
  return `${forvaltning} / ${afdeling}`;
}

/** Who imports what: the time and actor recorded, the file's name, and a JSON export's catalogue and settings. */
export type ImportWho = Readonly<{
  nowIso: string;
  actor: string;
  fileName: string;
  /** A JSON export's catalogue, rules and settings, applied before the cases (applyExportHead). */
  head?: PortableExportHead;
}>;

/** Insert every case; must run inside a transaction and never awaits. Returns the created catalogue entries. */
export function writeImportedCases(db: WritableDB, who: ImportWho, cases: ReadonlyArray<PortableCase>): Created {
  const writer = startImportedCases(db, who, cases.length);
  writer.write(cases);
  return writer.finish();
}

/** `write` inserts some of the cases; `finish` completes the import and returns the created catalogue entries. */
export type ImportWriter = Readonly<{ write: (cases: ReadonlyArray<PortableCase>) => void; finish: () => Created }>;

/**
 * The same insert in pieces, for a write that yields between chunks inside ONE transaction the
 * caller opened and holds (electron/services/import-write.ts), so a cancel can be answered and
 * rolls everything back. `expected` (all the cases) decides bulk-load mode up front; `finish`
 * writes the audit entries, puts the indexes back and indexes the new cases for search. Each call
 * is synchronous.
 */
export function startImportedCases(db: WritableDB, who: ImportWho, expected: number): ImportWriter {
  const { nowIso, actor } = who;
  // Into an empty database the file is restored whole (applyExportHead), the Årsberetning's texts too.
  const restoring = who.head !== undefined && caseCount(db) === 0;
  if (who.head !== undefined) applyExportHead(db, who.head, nowIso);
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
  // The import service has checked that every reason exists (unknown ones are errors, not created);
  // an old import token ("over 1 år") finds the shipped default it stands for.
  const reasonIds = new Map<string, number | null>();
  const reasonId = (name: string | null): number | null => {
    if (name === null) return null;
    let id = reasonIds.get(name);
    if (id === undefined) {
      id = findCompetenceReason(db, name, legacyReasonCode(name));
      reasonIds.set(name, id);
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
  // A JSON export names each case's adviser; one it does not list is created with the name alone.
  const adviserIds = new Map<string, number>();
  const adviserId = (name: string | null): number | null => {
    if (name === null) return null;
    let id = adviserIds.get(name);
    if (id === undefined) {
      id = findAdviserByName(db, name) ?? insertAdviser(db, { name, initials: '', email: '' }, nowIso);
      adviserIds.set(name, id);
    }
    return id;
  };

  // A large import into a (relatively) small database: drop the secondary indexes, insert, then
  // build each index once from sorted data (see dropSecondaryIndexes). Measured on 100,000
  // klagepunkter into an empty file: ~0.25 s less in total, and slightly smaller indexes.
  const restore = expected >= BULK_MIN && expected >= caseCount(db) ? dropSecondaryIndexes(db) : null;
  // Each row's values are bound as one array (better-sqlite3 takes it as the positional
  // parameters), not spread into up to 40 arguments 400,000 times.
  const insCase = cached(db, CASES.insertSql);
  const insPoint = cached(db, POINTS.insertSql);
  const insTheme = cached(db, POINT_THEMES.insertOrIgnoreSql);
  const insRule = cached(db, POINT_RULES.insertSql);
  const insDeadline = cached(db, POINT_DEADLINES.insertSql);
  const insRecommendation = cached(db, RECOMMENDATIONS.insertSql);
  const insRequest = cached(db, REQUESTS.insertSql);
  const insEvent = cached(db, REQUEST_EVENTS.insertSql);
  // Deadlines from the settings (after a JSON export's settings were applied), each distinct start
  // date computed once per spec (a file has few dates). The request svarfrist and the adviser's
  // target are local targets (legal-rules.md § b.5).
  const settings = readDeadlineSettings(db);
  const calendar = { closingDays: settings.closingDays };
  const dues = new Map<string, IsoDate>();
  const dueFrom = (spec: DeadlineSpec, start: IsoDate): IsoDate => {
    const key = `${spec.amount}|${spec.unit}|${spec.rollForward ? 1 : 0}|${spec.profile}|${start}`;
    let due = dues.get(key);
    if (due === undefined) {
      due = computeDeadline({ start, spec, calendar, owner: 'maal' }).due;
      dues.set(key, due);
    }
    return due;
  };
  const target = settings.adviserTarget;
  const insRequestPoint = cached(db, REQUEST_POINTS.insertOrIgnoreSql);
  const writeRequest = (caseId: number, r: PortableRequest, pointIds: ReadonlyArray<number>): number => {
    const spec = r.spec ?? settings.requestDefault;
    // A due date the file gives is kept as it is (explicit_due, migration 0050); an empty one is counted.
    const dueOn = r.dueOn ?? r.explicitDue ?? dueFrom(spec, r.sentOn);
    const endOn = r.answeredOn ?? r.closedOn;
    const verdict = r.verdict ?? (endOn === null ? null : verdictOf({ sent_on: r.sentOn, due_on: dueOn, profile: spec.profile }, endOn, calendar));
    const times = { createdAt: r.createdAt ?? nowIso, updatedAt: r.updatedAt ?? nowIso };
    const row = requestRow(caseId, { ...r, forvaltningId: forvaltningId(r.forvaltning), spec, dueOn, verdict }, times);
    const requestId = Number(insRequest.run(REQUESTS.insertValues(row)).lastInsertRowid);
    for (const n of r.points) {
      const pointId = pointIds[n - 1];
      if (pointId !== undefined) insRequestPoint.run(REQUEST_POINTS.insertValues({ request_id: requestId, point_id: pointId }));
    }
    for (const e of r.events) insEvent.run(REQUEST_EVENTS.insertValues(requestEventRow(requestId, e, e.createdAt ?? nowIso)));
    return requestId;
  };
  // Akter og journal (format 3): few per case, written through the same queries as the app (they index themselves).
  const writeRecords = (caseId: number, c: PortableCase, requestIds: ReadonlyArray<number>): void => {
    for (const d of c.documents) {
      const bytes = new Uint8Array(Buffer.from(d.contentBase64, 'base64'));
      const erased = bytes.length === 0 ? d.erased : undefined;
      insertDocument(db, {
        caseId, requestId: d.request === null ? null : (requestIds[d.request - 1] ?? null), fileName: d.fileName, mediaType: d.mediaType,
        // An akt whose file a retention run deleted keeps the size and checksum it had (migration 0200).
        size: erased?.size ?? bytes.length, sha256: erased?.sha256 ?? createHash('sha256').update(bytes).digest('hex'), title: d.title, documentDate: d.documentDate,
        direction: d.direction, party: d.party, textStatus: d.textStatus, addedBy: d.addedBy, addedAt: d.addedAt ?? nowIso, updatedAt: d.updatedAt ?? nowIso,
      }, bytes, d.extractedText);
    }
    for (const n of c.journal) {
      insertJournalNote(db, { ...n, caseId, createdAt: n.createdAt ?? nowIso, updatedAt: n.updatedAt ?? nowIso });
    }
  };
  // The finding (format 4): issued versions exactly as issued, oldest first so a version's
  // predecessor has its id; the SHA-256 stored as the file gives it (findings:pdf checks it on read).
  const writeFinding = (caseId: number, f: PortableFinding): void => {
    const ids = new Map<number, number>();
    for (const v of [...f.versions].sort((a, b) => a.version - b.version)) {
      ids.set(v.version, insertFindingVersion(db, {
        case_id: caseId, version: v.version, letter_date: v.letterDate, document_json: JSON.stringify(v.document), addressees_json: JSON.stringify(v.addressees),
        pdf: new Uint8Array(Buffer.from(v.pdfBase64, 'base64')), pdf_sha256: v.pdfSha256,
        forvaltning_pdf: new Uint8Array(Buffer.from(v.forvaltningPdfBase64, 'base64')), forvaltning_pdf_sha256: v.forvaltningPdfSha256,
        issued_at: v.issuedAt, issued_by: v.issuedBy, supersedes_id: v.supersedes === null ? null : (ids.get(v.supersedes) ?? null), reason: v.reason,
      }));
    }
    if (f.draft !== null) {
      const supersedes = f.draft.supersedes === null ? null : (ids.get(f.draft.supersedes) ?? null);
      insertFindingDraft(db, { case_id: caseId, supersedes_version_id: supersedes, started_at: f.draft.startedAt, started_by: f.draft.startedBy });
    }
    for (const e of f.edits) {
      upsertFindingSectionEdit(db, { case_id: caseId, section: e.section, blocks_json: JSON.stringify(e.blocks), edited_at: e.editedAt, edited_by: e.editedBy });
    }
    replaceFindingAnonymisationTerms(db, caseId, f.anonymisationTerms);
  };

  const ids: number[] = [];
  const write = (cases: ReadonlyArray<PortableCase>): void => {
    for (let n = 0; n < cases.length; n++) {
      const c = cases[n] as PortableCase;
      const form: Omit<CaseInput, 'points'> = {
        sagsnr: c.sagsnr, receivedOn: c.receivedOn, channel: c.channel, type: c.type, citizen: c.citizen, representative: c.representative,
        summary: c.summary, description: c.description, status: c.status, statusManual: c.statusManual, competenceReasonId: reasonId(c.competenceReason), handling: c.handling,
        closedOn: c.closedOn, adviserId: adviserId(c.adviser),
      };
      const targetDue = c.targetDue !== undefined ? c.targetDue : target === null ? null : dueFrom(target, c.receivedOn);
      const deadlines = { notice: c.decisionNotice, klagefristDue: c.klagefristDue, targetDue };
      const row = caseRow(form, c.sagsnr, deadlines, { version: 1, createdAt: c.createdAt ?? nowIso, updatedAt: c.updatedAt ?? nowIso, statusResume: c.statusResume });
      const id = Number(insCase.run(CASES.insertValues(row)).lastInsertRowid);
      ids.push(id);
      const points = c.points;
      const pointIds: number[] = [];
      for (let i = 0; i < points.length; i++) {
        const p = points[i] as PortableCase['points'][number];
        const fid = p.forvaltning === null ? null : forvaltningId(p.forvaltning);
        const aid = fid === null || p.forvaltning === null || p.afdeling === null ? null : afdelingId(p.forvaltning, fid, p.afdeling);
        const ids = { forvaltningId: fid, afdelingId: aid, competenceReasonId: reasonId(p.competenceReason) };
        const times = { createdAt: p.createdAt ?? nowIso, updatedAt: p.updatedAt ?? nowIso };
        const pointId = Number(insPoint.run(POINTS.insertValues(pointRow(id, i + 1, p, ids, times))).lastInsertRowid);
        pointIds.push(pointId);
        for (const t of p.themes) insTheme.run(pointId, themeId(t));
        const rules = p.rules;
        for (let k = 0; k < rules.length; k++) insRule.run(POINT_RULES.insertValues(pointRuleRow(pointId, k, rules[k] as (typeof rules)[number])));
        for (const d of p.deadlines) {
          insDeadline.run(POINT_DEADLINES.insertValues(pointDeadlineRow(pointId, d, { createdAt: d.createdAt ?? nowIso, updatedAt: d.updatedAt ?? nowIso })));
        }
      }
      for (const rec of c.recommendations) {
        const input = { ...rec, caseId: id, pointId: rec.point === null ? null : (pointIds[rec.point - 1] ?? null), forvaltningId: forvaltningId(rec.forvaltning) };
        insRecommendation.run(RECOMMENDATIONS.insertValues(recommendationRow(input, { createdAt: rec.createdAt ?? nowIso, updatedAt: rec.updatedAt ?? nowIso })));
      }
      const requestIds = c.requests.map((r) => writeRequest(id, r, pointIds));
      writeRecords(id, c, requestIds);
      if (c.finding !== undefined) writeFinding(id, c.finding);
      // A JSON export's history is appended to this log's chain in its order, received now; the
      // history keeps showing when the other database recorded each entry (original_at, migration 0190).
      for (const h of c.history ?? []) {
        appendAudit(db, { at: nowIso, actor: h.actor, entity: 'case', entityId: id, caseId: id, action: h.action, changes: h.changes, originalAt: h.at });
      }
    }
  };
  const finish = (): Created => {
    // One entry per imported henvendelse, in case order, each a link of the chain (db/queries/audit.ts).
    const changes: AuditChange[] = [{ field: 'Importfil', before: '', after: who.fileName }];
    appendAuditEntries(db, ids.map((id) => ({ at: nowIso, actor, entity: 'case', entityId: id, caseId: id, action: IMPORT_AUDIT_ACTION, changes })));
    // The indexes must be back before the search index is built: its document query reads the
    // klagepunkter by case (points_case).
    if (restore) restore();
    indexNewCases(db, ids);
    // After the henvendelser: a report's chosen findings are found again by sagsnr and version.
    if (restoring) for (const r of who.head?.annualReports ?? []) writeAnnualReport(db, r);
    return created;
  };
  return { write, finish };
}

/** Smallest import worth dropping and rebuilding indexes for (below it the schema churn buys nothing). */
const BULK_MIN = 1_000;
/** The tables an import inserts into in bulk. */
const BULK_TABLES = JSON.stringify(['cases', 'complaint_points', 'complaint_point_themes', 'point_rules', 'point_deadlines', 'recommendations', 'requests', 'request_points', 'request_events']);

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

function writeAnnualReport(db: WritableDB, r: PortableAnnualReport): void {
  const findingVersionIds = r.findings.flatMap((f) => {
    const id = findingVersionIdByRef(db, f.sagsnr, f.version);
    return id === null ? [] : [id];
  });
  upsertAnnualReport(db, r.from, r.to, {
    title: r.title, forord: r.forord, omFunktionen: r.omFunktionen, aaretsTemaer: r.aaretsTemaer, anbefalinger: r.anbefalinger,
    statusSidsteAar: r.statusSidsteAar, findingVersionIds, updatedAt: r.updatedAt, updatedBy: r.updatedBy,
  });
}
