/**
 * Bulk import of henvendelser from CSV or XLSX (docs/reference/import-format.md), or from a JSON
 * export (shared/import/portable.ts), which restores everything an export holds.
 *
 * Every henvendelse is checked as the case form checks it (checkPortableCase → validateCaseInput),
 * with each problem placed at the file's line and column (CSV/XLSX) or the henvendelse's sagsnr and
 * field (JSON). Progress counts rows (henvendelser for a JSON file), never bytes.
 *
 * Three phases, reported through `onProgress`: reading the file, checking every row, and writing,
 * both in chunks with a yield to the event loop between them, so a status poll and a cancel
 * (`opts.signal`) are answered. The write is all or nothing: the database checks (sagsnr already
 * used, which catalogue entries are new) and every insert run under the backend's write lock, in ONE
 * transaction begun in the same tick as the checks, so nothing another request writes can slip
 * between the check and the write or into the transaction; a cancel or an error rolls it back.
 */
import { findAfdelingByName, findCompetenceReason, findForvaltningByName, findThemeByName, listCompetenceReasons } from '../../db/queries/catalog';
import { takenSagsnr } from '../../db/queries/cases';
import { exportHeadNotes } from '../../db/queries/restore';
import { ruleBreachFacts } from '../../db/queries/rules';
import { breachRefusal } from '../../shared/domain/rule';
import type { ReadableDB } from '../../db/types';
import { legacyReasonCode } from '../../shared/domain/competence';
import { copenhagenDate, type IsoDate } from '../../shared/domain/dates';
import type { ImportIssue, ImportReport } from '../../shared/domain/import-report';
import { COLUMN_NAMES, nameKey, type ColumnName } from '../../shared/import/columns';
import type { PortableExportHead } from '../../shared/import/portable';
import { HEAD_RECORD, createJsonCaseChecker, readJsonExportHead } from '../../shared/import/read-json';
import { createRowValidator, inFileOrder, type ImportedCase } from '../../shared/import/validate-rows';
import type { ServiceContext } from './context';
import { ImportFileError, checkFileSize, decodeUtf8, looksLikeJson, readImportTable } from './import-file';
import { capIssues } from '../../shared/import/limits';
import { afdelingLabel, type Created, type ImportWho } from '../../db/queries/bulk-import';
import { writeImportInChunks } from './import-write';
import type { WriteLock } from './write-lock';

export type ImportInput = Readonly<{ fileName: string; content: Uint8Array; dryRun: boolean }>;

export type ImportPhase = 'læser' | 'kontrollerer' | 'skriver';
/** `done` of `total` rows of a CSV/XLSX file, or henvendelser of a JSON file; `total` is 0 while unknown. */
export type ImportProgress = Readonly<{ phase: ImportPhase; done: number; total: number }>;

export type ImportOptions = Readonly<{
  /**
   * Stops the import at the next chunk boundary (checking or writing): runImport then rejects with
   * the signal's reason, and the write, if begun, rolls back — nothing is saved.
   */
  signal?: AbortSignal;
  /**
   * The backend's write lock (write-lock.ts), held from the database checks to the commit: the
   * write yields between chunks, and no other request may run inside its open transaction.
   */
  lock?: WriteLock;
}>;

/** Rows validated between two yields to the event loop. */
const CHUNK = 2_000;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function emptyCreated(): Created {
  return { forvaltninger: [], afdelinger: [], themes: [] };
}

/** The report; at most IMPORT_LIMITS.errors errors and warnings each, then how many more there were. */
function report(dryRun: boolean, errors: ImportIssue[], cases: ReadonlyArray<ImportedCase>, created: Created, warnings: ImportIssue[] = []): ImportReport {
  const ok = errors.length === 0;
  return {
    ok,
    dryRun,
    errors: capIssues(errors),
    warnings: capIssues(warnings),
    henvendelser: ok ? cases.length : 0,
    klagepunkter: ok ? cases.reduce((n, c) => n + c.value.points.length, 0) : 0,
    created: ok ? created : emptyCreated(),
  };
}

/** What checking a file gave: its henvendelser, every problem, the warnings, and a JSON export's catalogue. */
type Checked = Readonly<{ cases: ImportedCase[]; errors: ImportIssue[]; warnings: ImportIssue[]; head: PortableExportHead | null }>;

/**
 * Validate and (unless `dryRun`) import. Resolves with the report; data errors are in the report
 * (`ok: false`), never thrown. Throws only when the database itself fails (or `opts.signal` aborts).
 */
export async function runImport(ctx: ServiceContext, input: ImportInput, onProgress?: (p: ImportProgress) => void, opts: ImportOptions = {}): Promise<ImportReport> {
  const progress = onProgress ?? (() => {});
  const today = copenhagenDate(ctx.clock.now());
  progress({ phase: 'læser', done: 0, total: 0 });
  let checked: Checked;
  try {
    checkFileSize(input.content);
    checked = looksLikeJson(input.fileName, input.content)
      ? await checkJsonFile(input, today, progress, opts.signal)
      : await checkTableFile(input, today, progress, opts.signal);
  } catch (e) {
    if (e instanceof ImportFileError) return report(input.dryRun, [{ line: e.line, column: null, message: e.message }], [], emptyCreated());
    throw e;
  }
  const { cases } = checked;
  // Progress of the write counts the rows the henvendelser came from.
  const rowsUpTo: number[] = [0];
  for (const c of cases) rowsUpTo.push((rowsUpTo[rowsUpTo.length - 1] as number) + c.rows);
  const totalRows = rowsUpTo[cases.length] as number;

  // From here on under the write lock: the database checks and the write see the same database state.
  if (!input.dryRun && checked.errors.length === 0) progress({ phase: 'skriver', done: 0, total: totalRows });
  const onWritten = (done: number) => progress({ phase: 'skriver', done: rowsUpTo[done] ?? totalRows, total: totalRows });
  const checkAndWriteNow = () => checkAndWrite(ctx, input, checked, onWritten, opts.signal);
  const outcome = await (opts.lock ? opts.lock.exclusive(checkAndWriteNow) : checkAndWriteNow());
  if (!input.dryRun && outcome.errors.length === 0) progress({ phase: 'skriver', done: totalRows, total: totalRows });
  return report(input.dryRun, outcome.errors, cases, outcome.created, outcome.warnings);
}

/** A CSV or XLSX file, row by row; a CSV quote never closed is reported after the errors of the rows before it. */
async function checkTableFile(input: ImportInput, today: IsoDate, progress: (p: ImportProgress) => void, signal: AbortSignal | undefined): Promise<Checked> {
  const table = await readImportTable(input.fileName, input.content);
  const total = table.rows.length;
  progress({ phase: 'læser', done: total, total });
  const validator = createRowValidator(table.header, table.headerLine, { today });
  progress({ phase: 'kontrollerer', done: 0, total });
  for (let i = 0; i < total; i += CHUNK) {
    const end = Math.min(total, i + CHUNK);
    for (let k = i; k < end; k++) validator.add(table.rows[k] as (typeof table.rows)[number]);
    progress({ phase: 'kontrollerer', done: end, total });
    await yieldToEventLoop();
    signal?.throwIfAborted();
  }
  const result = validator.finish();
  const errors = [...result.errors];
  if (table.problem !== null) errors.push({ line: table.problem.line, column: null, message: table.problem.message });
  else if (result.rows === 0 && validator.headerErrors.length === 0) {
    errors.push({ line: table.headerLine, column: null, message: 'filen indeholder ingen rækker under overskriften' });
  }
  return { cases: result.cases, errors: inFileOrder(errors), warnings: result.warnings, head: null };
}

/** A JSON export, henvendelse by henvendelse. */
async function checkJsonFile(input: ImportInput, today: IsoDate, progress: (p: ImportProgress) => void, signal: AbortSignal | undefined): Promise<Checked> {
  const read = readJsonExportHead(decodeUtf8(input.content));
  const total = read.rawCases.length;
  progress({ phase: 'læser', done: total, total });
  const checker = createJsonCaseChecker(today);
  progress({ phase: 'kontrollerer', done: 0, total });
  for (let i = 0; i < total; i += CHUNK) {
    const end = Math.min(total, i + CHUNK);
    for (let k = i; k < end; k++) checker.check(read.rawCases[k], k);
    progress({ phase: 'kontrollerer', done: end, total });
    await yieldToEventLoop();
    signal?.throwIfAborted();
  }
  const result = checker.finish();
  return { cases: result.cases, errors: [...read.errors, ...result.errors], warnings: [], head: read.head };
}

/**
 * Checks against the database, then (not dry run, no errors) the write: one transaction that
 * yields between chunks (import-write.ts), begun in the same tick as the checks.
 */
async function checkAndWrite(
  ctx: ServiceContext, input: ImportInput, checked: Checked, onWritten: (done: number) => void, signal: AbortSignal | undefined,
): Promise<{ errors: ImportIssue[]; warnings: ImportIssue[]; created: Created }> {
  const db = ctx.db;
  const { cases, head } = checked;
  const errors = [...checked.errors, ...existingSagsnrErrors(db, cases), ...unknownRuleErrors(db, cases, head), ...unknownReasonErrors(db, cases, head)].sort(
    // File order, and within a line the format's column order, as the row validator reports.
    (a, b) => a.line - b.line || columnRank(a.column) - columnRank(b.column),
  );
  const warnings = head === null ? checked.warnings : [...exportHeadNotes(db, head).map((message) => ({ line: 0, column: null, record: HEAD_RECORD, message })), ...checked.warnings];
  if (errors.length > 0) return { errors, warnings, created: emptyCreated() };
  // The plan is only read by a dry run and a JSON export: a CSV/XLSX write reports what it created
  // itself, and a plan of 100,000 klagepunkter is a name lookup per klagepunkt for nothing.
  const planned = input.dryRun || head !== null ? plannedCatalogue(db, cases, head) : null;
  if (input.dryRun) return { errors, warnings, created: planned ?? emptyCreated() };
  const who: ImportWho = { nowIso: ctx.clock.now().toISOString(), actor: ctx.actor(), fileName: input.fileName, ...(head === null ? {} : { head }) };
  const created = await writeImportInChunks(db, who, cases.map((c) => c.value), onWritten, signal);
  // A JSON export's catalogue is created before its henvendelser name it: the plan says what is new.
  return { errors, warnings, created: planned ?? created };
}

function columnRank(column: string | null): number {
  return column === null ? -1 : COLUMN_NAMES.indexOf(column as ColumnName);
}

function existingSagsnrErrors(db: ReadableDB, cases: ReadonlyArray<ImportedCase>): ImportIssue[] {
  if (cases.length === 0) return [];
  // One statement for all numbers (a JSON array parameter, no placeholder limit): SQLite does the
  // index lookups itself, far cheaper than one call per henvendelse from JavaScript.
  const taken = takenSagsnr(db, cases.map((c) => nameKey(c.value.sagsnr)));
  if (taken.length === 0) return [];
  const byKey = new Map(taken.map((t) => [t.key, t.sagsnr]));
  const errors: ImportIssue[] = [];
  for (const c of cases) {
    const existing = byKey.get(nameKey(c.value.sagsnr));
    if (existing !== undefined) {
      errors.push({ ...c.locate('sagsnr'), message: `sagsnr ${c.value.sagsnr} findes allerede i databasen (som ${existing}); en import kan kun oprette nye henvendelser` });
    }
  }
  return errors;
}

/**
 * Rule ids not in the catalogue (nor among a JSON export's rules), one error per place and id. All
 * distinct ids of the file go to the database in one statement. A retired rule is accepted: an
 * import records past klager, which were assessed against the rules in force then.
 *
 * A CSV's `regler` records each rule as a new "ikke overholdt", which a background rule or an
 * unverified shipped one never is (breachRefusal, in the case form's wording). A JSON export
 * restores assessments as they were recorded, like a case stays editable with a breach stored before
 * that check existed.
 */
function unknownRuleErrors(db: ReadableDB, cases: ReadonlyArray<ImportedCase>, head: PortableExportHead | null): ImportIssue[] {
  // Where each use is, as numbers: the field path is only spelled out for a use with an error
  // (a 100,000-row file has tens of thousands of uses and usually none).
  type Use = { c: ImportedCase; at: 'rule' | 'deadline' | 'notice'; point: number; k: number; id: string };
  const uses: Use[] = [];
  for (const c of cases) {
    const v = c.value;
    for (let i = 0; i < v.points.length; i++) {
      const p = v.points[i] as (typeof v.points)[number];
      for (let k = 0; k < p.rules.length; k++) uses.push({ c, at: 'rule', point: i, k, id: (p.rules[k] as (typeof p.rules)[number]).ruleId });
      for (let k = 0; k < p.deadlines.length; k++) {
        const ruleId = (p.deadlines[k] as (typeof p.deadlines)[number]).ruleId;
        if (ruleId !== null) uses.push({ c, at: 'deadline', point: i, k, id: ruleId });
      }
    }
    if (v.decisionNotice?.basis.kind === 'regel') uses.push({ c, at: 'notice', point: 0, k: 0, id: v.decisionNotice.basis.ruleId });
  }
  if (uses.length === 0) return [];
  const pathOf = (u: Use): string =>
    u.at === 'notice' ? 'decisionNotice.basis.ruleId'
      : u.at === 'deadline' ? `points.${u.point}.deadlines.${u.k}.ruleId`
        : head === null ? `points.${u.point}.rules` : `points.${u.point}.rules.${u.k}.ruleId`;
  const known = ruleBreachFacts(db, new Set(uses.map((u) => u.id)));
  const brought = new Set(head?.rules.map((r) => r.id) ?? []);
  const errors: ImportIssue[] = [];
  for (const u of uses) {
    const facts = known.get(u.id);
    if (facts === undefined) {
      if (!brought.has(u.id)) errors.push({ ...u.c.locate(pathOf(u)), message: `reglen "${u.id}" findes ikke i regelkataloget` });
    } else if (u.at === 'rule' && head === null) {
      const refusal = breachRefusal(facts);
      if (refusal) errors.push({ ...u.c.locate(pathOf(u)), message: refusal });
    }
  }
  return errors;
}

/**
 * Competence reasons the municipality's list does not have (by name, or for an old token by the
 * shipped default it stands for; a JSON export brings its own list), one error per place. Unlike
 * themes they are not created from a CSV: a reason is part of the vedtægt, and a typo must not
 * become one. A retired reason is accepted (past cases).
 */
function unknownReasonErrors(db: ReadableDB, cases: ReadonlyArray<ImportedCase>, head: PortableExportHead | null): ImportIssue[] {
  const found = new Map<string, boolean>();
  const brought = new Set(head?.competenceReasons.map((r) => nameKey(r.name)) ?? []);
  const errors: ImportIssue[] = [];
  let allowed: string | null = null;
  const check = (c: ImportedCase, name: string, path: string) => {
    const key = nameKey(name);
    let known = found.get(key);
    if (known === undefined) {
      known = brought.has(key) || findCompetenceReason(db, name, legacyReasonCode(name)) !== null;
      found.set(key, known);
    }
    if (known) return;
    allowed ??= ['inden for', ...listCompetenceReasons(db).filter((x) => !x.retired).map((x) => x.name)].join(', ');
    errors.push({
      ...c.locate(path),
      message: `kompetencegrunden "${name}" findes ikke; brug en af: ${allowed} (en ny grund tilføjes under Indstillinger → Kompetencegrunde)`,
    });
  };
  for (const c of cases) {
    if (c.value.competenceReason !== null) check(c, c.value.competenceReason, 'competenceReason');
    const points = c.value.points;
    for (let i = 0; i < points.length; i++) {
      const reason = (points[i] as (typeof points)[number]).competenceReason;
      if (reason !== null) check(c, reason, `points.${i}.competenceReason`);
    }
  }
  return errors;
}

/** Which catalogue entries an import would create, without writing (the dry run's report; a JSON export's own catalogue too). */
function plannedCatalogue(db: ReadableDB, cases: ReadonlyArray<ImportedCase>, head: PortableExportHead | null): Created {
  const created = emptyCreated();
  const forvaltninger = new Map<string, number | null>();
  const afdelinger = new Set<string>();
  const themes = new Set<string>();
  const forvaltning = (name: string): string => {
    const fk = nameKey(name);
    if (!forvaltninger.has(fk)) {
      const id = findForvaltningByName(db, name);
      forvaltninger.set(fk, id);
      if (id === null) created.forvaltninger.push(name);
    }
    return fk;
  };
  const afdeling = (f: string, name: string): void => {
    const fk = forvaltning(f);
    const ak = `${fk}\u0000${nameKey(name)}`;
    if (afdelinger.has(ak)) return;
    afdelinger.add(ak);
    const fid = forvaltninger.get(fk) ?? null;
    if (fid === null || findAfdelingByName(db, fid, name) === null) created.afdelinger.push(afdelingLabel(f, name));
  };
  const theme = (name: string): void => {
    const tk = nameKey(name);
    if (themes.has(tk)) return;
    themes.add(tk);
    if (findThemeByName(db, name) === null) created.themes.push(name);
  };
  for (const f of head?.organisation ?? []) {
    forvaltning(f.name);
    for (const a of f.afdelinger) afdeling(f.name, a.name);
  }
  for (const t of head?.themes ?? []) theme(t.name);
  for (const { value: c } of cases) {
    for (const p of c.points) {
      if (p.forvaltning !== null) {
        forvaltning(p.forvaltning);
        if (p.afdeling !== null) afdeling(p.forvaltning, p.afdeling);
      }
      for (const t of p.themes) theme(t);
    }
    for (const r of c.recommendations) forvaltning(r.forvaltning);
    for (const r of c.requests) forvaltning(r.forvaltning);
  }
  return created;
}
