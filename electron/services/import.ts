/**
 * Bulk import of henvendelser from CSV or XLSX (../shared/formats/import.md).
 *
 * Three phases, reported through `onProgress`: reading the file, checking every row (in chunks, with
 * a yield to the event loop between them so a status poll is answered), and writing. The write is
 * all or nothing: the database checks (sagsnr already used, which catalogue entries are new) and every
 * insert run in ONE synchronous better-sqlite3 transaction, with no await in between, so nothing
 * another request writes meanwhile can slip between the check and the write.
 */
import { findAfdelingByName, findCompetenceReason, findForvaltningByName, findThemeByName, listCompetenceReasons } from '../../db/queries/catalog';
import { takenSagsnr } from '../../db/queries/cases';
import { ruleBreachFacts } from '../../db/queries/rules';
import { breachRefusal } from '../../shared/domain/rule';
import type { WritableDB } from '../../db/types';
import { copenhagenDate } from '../../shared/domain/dates';
import type { ImportIssue, ImportReport } from '../../shared/domain/import-report';
import { COLUMN_NAMES, nameKey, type ColumnName } from '../../shared/import/columns';
import { createRowValidator, type ImportCase, type ImportReason } from '../../shared/import/validate-rows';
import type { ServiceContext } from './context';
import { ImportFileError, readImportTable } from './import-file';
import { afdelingLabel, writeImportedCases, type Created } from '../../db/queries/bulk-import';

export type ImportInput = Readonly<{ fileName: string; content: Uint8Array; dryRun: boolean }>;

export type ImportPhase = 'læser' | 'kontrollerer' | 'skriver';
export type ImportProgress = Readonly<{ phase: ImportPhase; done: number; total: number }>;

/** Rows validated between two yields to the event loop. */
const CHUNK = 2_000;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function emptyCreated(): Created {
  return { forvaltninger: [], afdelinger: [], themes: [] };
}

function report(dryRun: boolean, errors: ImportIssue[], cases: ImportCase[], created: Created, warnings: ImportIssue[] = []): ImportReport {
  const ok = errors.length === 0;
  return {
    ok,
    dryRun,
    errors,
    warnings,
    henvendelser: ok ? cases.length : 0,
    klagepunkter: ok ? cases.reduce((n, c) => n + c.points.length, 0) : 0,
    created: ok ? created : emptyCreated(),
  };
}

/**
 * Validate and (unless `dryRun`) import. Resolves with the report; data errors are in the report
 * (`ok: false`), never thrown. Throws only when the database itself fails.
 */
export async function runImport(ctx: ServiceContext, input: ImportInput, onProgress?: (p: ImportProgress) => void): Promise<ImportReport> {
  const progress = onProgress ?? (() => {});
  progress({ phase: 'læser', done: 0, total: input.content.byteLength });

  let table;
  try {
    table = await readImportTable(input.fileName, input.content);
  } catch (e) {
    if (e instanceof ImportFileError) return report(input.dryRun, [{ line: e.line, column: null, message: e.message }], [], emptyCreated());
    throw e;
  }
  progress({ phase: 'læser', done: input.content.byteLength, total: input.content.byteLength });

  const today = copenhagenDate(ctx.clock.now());
  const validator = createRowValidator(table.header, table.headerLine, { today });
  const total = table.rows.length;
  progress({ phase: 'kontrollerer', done: 0, total });
  for (let i = 0; i < total; i += CHUNK) {
    const end = Math.min(total, i + CHUNK);
    for (let k = i; k < end; k++) validator.add(table.rows[k] as (typeof table.rows)[number]);
    progress({ phase: 'kontrollerer', done: end, total });
    await yieldToEventLoop();
  }
  const result = validator.finish();
  if (result.rows === 0 && validator.headerErrors.length === 0) {
    result.errors.push({ line: table.headerLine, column: null, message: 'filen indeholder ingen rækker under overskriften' });
  }

  // From here on synchronous: database checks and the write see the same database state.
  if (!input.dryRun && result.errors.length === 0) progress({ phase: 'skriver', done: 0, total: result.cases.length });
  const outcome = checkAndWrite(ctx, input, result.cases, result.errors);
  if (!input.dryRun && outcome.errors.length === 0) progress({ phase: 'skriver', done: result.cases.length, total: result.cases.length });
  return report(input.dryRun, outcome.errors, result.cases, outcome.created, result.warnings);
}

/** Checks against the database, then (not dry run, no errors) the write, as one synchronous step. */
function checkAndWrite(ctx: ServiceContext, input: ImportInput, cases: ImportCase[], rowErrors: ImportIssue[]): { errors: ImportIssue[]; created: Created } {
  const db = ctx.db;
  // File order, and within a line the format's column order, as the row validator reports.
  const errors = [...rowErrors, ...existingSagsnrErrors(db, cases), ...unknownRuleErrors(db, cases), ...unknownReasonErrors(db, cases)].sort(
    (a, b) => a.line - b.line || columnRank(a.column) - columnRank(b.column),
  );
  if (errors.length > 0) return { errors, created: emptyCreated() };
  if (input.dryRun) return { errors, created: plannedCatalogue(db, cases) };
  const who = { nowIso: ctx.clock.now().toISOString(), actor: ctx.actor(), fileName: input.fileName };
  const created = db.transaction(() => writeImportedCases(db, who, cases))();
  return { errors, created };
}

function columnRank(column: string | null): number {
  return column === null ? -1 : COLUMN_NAMES.indexOf(column as ColumnName);
}

function existingSagsnrErrors(db: WritableDB, cases: ImportCase[]): ImportIssue[] {
  if (cases.length === 0) return [];
  // One statement for all numbers (a JSON array parameter, no placeholder limit): SQLite does the
  // index lookups itself, far cheaper than one call per henvendelse from JavaScript.
  const taken = takenSagsnr(db, cases.map((c) => nameKey(c.sagsnr)));
  if (taken.length === 0) return [];
  const byKey = new Map(taken.map((t) => [t.key, t.sagsnr]));
  const errors: ImportIssue[] = [];
  for (const c of cases) {
    const existing = byKey.get(nameKey(c.sagsnr));
    if (existing !== undefined) {
      errors.push({ line: c.line, column: 'sagsnr', message: `sagsnr ${c.sagsnr} findes allerede i databasen (som ${existing}); en import kan kun oprette nye henvendelser` });
    }
  }
  return errors;
}

/**
 * Rule ids not in the catalogue, or that cannot be recorded as breached (`regler` records each as
 * ikke overholdt; a background rule or an unverified shipped one never is: breachRefusal, in the
 * case form's wording), one error per klagepunkt and id. All distinct ids of the file go to the
 * database in one statement. A retired rule is accepted: an import records past klager, which were
 * assessed against the rules in force then.
 */
function unknownRuleErrors(db: WritableDB, cases: ImportCase[]): ImportIssue[] {
  const ids = new Set<string>();
  for (const c of cases) for (const p of c.points) for (const r of p.rules) ids.add(r);
  if (ids.size === 0) return [];
  const known = ruleBreachFacts(db, ids);
  const refusals = new Map([...known].map(([id, f]) => [id, breachRefusal(f)]));
  if (known.size === ids.size && [...refusals.values()].every((m) => m === null)) return [];
  const errors: ImportIssue[] = [];
  for (const c of cases) {
    for (const p of c.points) {
      for (const r of p.rules) {
        const refusal = refusals.get(r);
        if (!known.has(r)) errors.push({ line: p.line, column: 'regler', message: `reglen "${r}" findes ikke i regelkataloget` });
        else if (refusal) errors.push({ line: p.line, column: 'regler', message: refusal });
      }
    }
  }
  return errors;
}

/**
 * Competence reasons the municipality's list does not have (by name, or for an old token by the
 * shipped default it stands for), one error per row. Unlike themes they are not created: a reason is
 * part of the vedtægt, and a typo must not become one. A retired reason is accepted (past cases).
 */
function unknownReasonErrors(db: WritableDB, cases: ImportCase[]): ImportIssue[] {
  const found = new Map<string, boolean>();
  const errors: ImportIssue[] = [];
  let allowed: string | null = null;
  const check = (r: ImportReason | null) => {
    if (r === null) return;
    const key = nameKey(r.name);
    let known = found.get(key);
    if (known === undefined) {
      known = findCompetenceReason(db, r.name, r.legacyCode) !== null;
      found.set(key, known);
    }
    if (known) return;
    allowed ??= ['inden for', ...listCompetenceReasons(db).filter((x) => !x.retired).map((x) => x.name)].join(', ');
    errors.push({
      line: r.line, column: 'kompetence',
      message: `kompetencegrunden "${r.name}" findes ikke; brug en af: ${allowed} (en ny grund tilføjes under Indstillinger → Kompetencegrunde)`,
    });
  };
  for (const c of cases) {
    check(c.competenceReason);
    for (const p of c.points) check(p.competenceReason);
  }
  return errors;
}

/** Which catalogue entries an import would create, without writing (the dry run's report). */
function plannedCatalogue(db: WritableDB, cases: ImportCase[]): Created {
  const created = emptyCreated();
  const forvaltninger = new Map<string, number | null>();
  const afdelinger = new Set<string>();
  const themes = new Set<string>();
  for (const c of cases) {
    for (const p of c.points) {
      if (p.forvaltning !== null) {
        const fk = nameKey(p.forvaltning);
        if (!forvaltninger.has(fk)) {
          const id = findForvaltningByName(db, p.forvaltning);
          forvaltninger.set(fk, id);
          if (id === null) created.forvaltninger.push(p.forvaltning);
        }
        if (p.afdeling !== null) {
          const ak = `${fk}\u0000${nameKey(p.afdeling)}`;
          if (!afdelinger.has(ak)) {
            afdelinger.add(ak);
            const fid = forvaltninger.get(fk) ?? null;
            if (fid === null || findAfdelingByName(db, fid, p.afdeling) === null) created.afdelinger.push(afdelingLabel(p.forvaltning, p.afdeling));
          }
        }
      }
      for (const t of p.themes) {
        const tk = nameKey(t);
        if (!themes.has(tk)) {
          themes.add(tk);
          if (findThemeByName(db, t) === null) created.themes.push(t);
        }
      }
    }
  }
  return created;
}
