/**
 * The columns of the import/export format (docs/reference/import-format.md) and the mapping of a file's
 * header onto them.
 *
 * Each supported column is one entry in COLUMNS: its name, whether it describes the henvendelse (all
 * rows with the same sagsnr must agree) or the klagepunkt (one per row), whether it is required, how a
 * cell is parsed, and how a stored value is written back on export. Columns the format defines for
 * later features are listed in LATER_COLUMNS; while they are there, a file using them is refused with
 * a message naming the feature. Supporting one later = moving it into COLUMNS (and ColumnValues).
 */
import { INSIDE_COMPETENCE_LABEL, INSIDE_COMPETENCE_TOKEN, NOT_PRESENTED_TOKEN, legacyReasonCode } from '../domain/competence';
import { RecommendationStatus, type RecommendationStatusCode } from '../domain/recommendation';
import { impossibleDateMessage, isImpossibleDateText, parseDateText, type IsoDate } from '../domain/dates';
import { catalogNameProblem } from '../domain/settings';
import {
  CaseType, Channel, Handling, Outcome, normaliseToken,
  type CaseTypeCode, type ChannelCode, type HandlingCode, type OutcomeCode,
} from '../domain/vocab';

/**
 * A `kompetence` cell: inside competence, the old token for "not yet put to the forvaltning" (a
 * step, not a reason: legal-rules.md § c.3), or a reason by name. Reasons are the municipality's own
 * list, so the import service resolves the name against the database; `legacyCode` is the shipped
 * default an old token ("over 1 år") stands for, found even after the adviser renamed it.
 */
export type CompetenceCell =
  | Readonly<{ kind: 'inden_for' }>
  | Readonly<{ kind: 'ikke_forelagt' }>
  | Readonly<{ kind: 'reason'; name: string; legacyCode: string | null }>;

/** The typed value of each supported column after parsing. */
export type ColumnValues = {
  sagsnr: string;
  modtaget: IsoDate;
  type: CaseTypeCode;
  kanal: ChannelCode;
  borger_navn: string;
  borger_email: string;
  borger_telefon: string;
  borger_adresse: string;
  borger_cpr: string;
  kompetence: CompetenceCell;
  behandling: HandlingCode;
  afsluttet: IsoDate;
  forvaltning: string;
  afdeling: string;
  /** Shared between rows when memoised: never mutate. */
  tema: readonly string[];
  beskrivelse: string;
  /** Rule ids as written (lower-cased), each once; whether they exist is checked against the database. */
  regler: readonly string[];
  udfald: OutcomeCode;
  forvaltning_enig: boolean;
  henstilling: string;
  /** Only the answered statuses: an empty cell (not parsed) is the pending one. */
  henstilling_fulgt: Exclude<RecommendationStatusCode, 'afventer'>;
  anmodet: IsoDate;
  svarfrist: IsoDate;
  besvaret: IsoDate;
};
export type ColumnName = keyof ColumnValues;

/**
 * Henvendelse columns must agree across the rows of one sagsnr; klagepunkt columns belong to a row;
 * anmodning columns describe the request to the row's forvaltning and must agree across the rows of
 * one sagsnr and forvaltning.
 */
export type ColumnLevel = 'henvendelse' | 'klagepunkt' | 'anmodning';

export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

export type ColumnSpec<K extends ColumnName> = Readonly<{
  name: K;
  level: ColumnLevel;
  /** Must appear in the header and be filled in on every row. */
  required: boolean;
  /** `cell` is never empty here: empty (or blank) cells mean "not given" and are not parsed. */
  parse: (cell: string) => CellResult<ColumnValues[K]>;
  /** Text for the export, the inverse of parse. */
  format: (value: ColumnValues[K]) => string;
  /** Comparable form, for the agreement check of henvendelse columns. */
  key: (value: ColumnValues[K]) => string;
  /**
   * The column has few distinct values (vocabularies, dates, names), so parse results may be
   * memoised per cell text: a 100,000-row file then parses each distinct value once.
   */
  repeats?: boolean;
}>;

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (message: string): CellResult<never> => ({ ok: false, message });

function trimmed(cell: string): CellResult<string> {
  return ok(cell.trim());
}

function date(cell: string): CellResult<IsoDate> {
  const v = cell.trim();
  const iso = parseDateText(v);
  if (iso) return ok(iso);
  // Well-formed but impossible (31.02.2025) gets the form's own message; any other spelling gets the hint.
  return fail(isImpossibleDateText(v) ? impossibleDateMessage(v) : `"${v}" er ikke en gyldig dato (skriv ÅÅÅÅ-MM-DD, DD.MM.ÅÅÅÅ, DD-MM-ÅÅÅÅ eller DD/MM/ÅÅÅÅ)`);
}

type Vocab<C extends string> = Readonly<{ parse: (t: string) => C | undefined; importName: (c: C) => string; allowed: () => string }>;

function fromVocab<C extends string>(v: Vocab<C>): (cell: string) => CellResult<C> {
  return (cell) => {
    const code = v.parse(cell);
    return code !== undefined ? ok(code) : fail(`"${cell.trim()}" er ikke en gyldig værdi; brug en af: ${v.allowed()}`);
  };
}

function catalogName(cell: string): CellResult<string> {
  const v = cell.trim().replace(/\s+/g, ' ');
  const problem = catalogNameProblem(v);
  return problem ? fail(`"${v}": ${lowerFirst(problem)}`) : ok(v);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase('da-DK') + s.slice(1);
}

const INSIDE_LABEL_KEY = normaliseToken(INSIDE_COMPETENCE_LABEL);

function competence(cell: string): CellResult<CompetenceCell> {
  const token = normaliseToken(cell);
  // The form's wording ("Inden for kompetence") means the same as the token.
  if (token === INSIDE_COMPETENCE_TOKEN || token === INSIDE_LABEL_KEY) return ok({ kind: 'inden_for' });
  if (token === NOT_PRESENTED_TOKEN) return ok({ kind: 'ikke_forelagt' });
  const r = catalogName(cell);
  return r.ok ? ok({ kind: 'reason', name: r.value, legacyCode: legacyReasonCode(r.value) }) : r;
}

function competenceText(v: CompetenceCell): string {
  return v.kind === 'inden_for' ? INSIDE_COMPETENCE_TOKEN : v.kind === 'ikke_forelagt' ? NOT_PRESENTED_TOKEN : v.name;
}

/** `tema`: names separated by `|`; empty parts are ignored and repeats (ignoring case) kept once. */
function themes(cell: string): CellResult<readonly string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of cell.split('|')) {
    if (part.trim() === '') continue;
    const r = catalogName(part);
    if (!r.ok) return r;
    const k = nameKey(r.value);
    if (!seen.has(k)) { seen.add(k); out.push(r.value); }
  }
  return out.length ? ok(out) : fail('angiv mindst ét tema, eller lad cellen være tom');
}

/**
 * `regler`: rule ids separated by `|`. Ids are lower-case slugs, so the cell is lower-cased (an
 * adviser typing FVL-19-PARTSHOERING means the same rule); empty parts are ignored and repeats kept
 * once. Unknown ids are reported by the import service, which asks the database once for all of them.
 */
function ruleIds(cell: string): CellResult<readonly string[]> {
  const out: string[] = [];
  for (const part of cell.split('|')) {
    const v = part.trim().toLowerCase();
    if (v === '') continue;
    if (!out.includes(v)) out.push(v);
  }
  return out.length ? ok(out) : fail('angiv mindst én regel, eller lad cellen være tom');
}

function yesNo(cell: string): CellResult<boolean> {
  const v = normaliseToken(cell);
  if (v === 'ja') return ok(true);
  if (v === 'nej') return ok(false);
  return fail(`"${cell.trim()}" er ikke en gyldig værdi; brug ja eller nej`);
}

function followed(cell: string): CellResult<Exclude<RecommendationStatusCode, 'afventer'>> {
  const code = RecommendationStatus.parse(cell);
  // '' (the pending status's token) never reaches here: an empty cell is not parsed.
  return code === undefined || code === 'afventer'
    ? fail(`"${cell.trim()}" er ikke en gyldig værdi; brug ja, nej eller lad cellen være tom, hvis forvaltningen ikke har svaret`)
    : ok(code);
}

/** How catalogue names and sagsnr are compared: the schema's name_key (db/queries/catalog.ts). */
export function nameKey(name: string): string {
  // Fast path with the same result: printable ASCII with single inner spaces folds like toLowerCase.
  return SIMPLE_ASCII.test(name) ? name.toLowerCase() : normaliseToken(name);
}
const SIMPLE_ASCII = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

const id = (s: string): string => s;

function col<K extends ColumnName>(spec: ColumnSpec<K>): ColumnSpec<K> {
  return spec;
}

/** The supported columns, in the order the export writes them (the format document's order). */
export const COLUMNS = [
  // Its shape and length are the case form's check (validateCaseInput), run on the whole henvendelse.
  col({ name: 'sagsnr', level: 'henvendelse', required: true, format: id, key: (v) => nameKey(v), parse: trimmed }),
  col({ name: 'modtaget', level: 'henvendelse', required: true, repeats: true, parse: date, format: id, key: id }),
  col({ name: 'type', level: 'henvendelse', required: true, repeats: true, parse: fromVocab(CaseType), format: CaseType.importName, key: id }),
  col({ name: 'kanal', level: 'henvendelse', required: false, repeats: true, parse: fromVocab(Channel), format: Channel.importName, key: id }),
  // The citizen's details are checked as the case form checks them (validateCaseInput: lengths, the
  // e-mail and telephone formats, the CPR number), with its words; the CPR is then stored normalised.
  col({ name: 'borger_navn', level: 'henvendelse', required: false, parse: trimmed, format: id, key: id }),
  col({ name: 'borger_email', level: 'henvendelse', required: false, parse: trimmed, format: id, key: id }),
  col({ name: 'borger_telefon', level: 'henvendelse', required: false, parse: trimmed, format: id, key: id }),
  col({ name: 'borger_adresse', level: 'henvendelse', required: false, parse: trimmed, format: id, key: id }),
  // Rows agree when the digits do: 0101901234 and 010190-1234 are the same number.
  col({ name: 'borger_cpr', level: 'henvendelse', required: false, parse: trimmed, format: id, key: (v) => v.replace(/\D/g, '') }),
  // The klagepunkt's own (a row without a klagepunkt: the henvendelse's); validate-rows.ts says how.
  col({
    name: 'kompetence', level: 'klagepunkt', required: false, repeats: true, parse: competence, format: competenceText,
    key: (v) => (v.kind === 'reason' ? nameKey(v.name) : v.kind),
  }),
  col({ name: 'behandling', level: 'klagepunkt', required: false, repeats: true, parse: fromVocab(Handling), format: Handling.importName, key: id }),
  col({ name: 'afsluttet', level: 'henvendelse', required: false, repeats: true, parse: date, format: id, key: id }),
  col({ name: 'forvaltning', level: 'klagepunkt', required: false, repeats: true, parse: catalogName, format: id, key: nameKey }),
  col({ name: 'afdeling', level: 'klagepunkt', required: false, repeats: true, parse: catalogName, format: id, key: nameKey }),
  col({ name: 'tema', level: 'klagepunkt', required: false, repeats: true, parse: themes, format: (v) => v.join('|'), key: (v) => v.map(nameKey).join('|') }),
  col({
    name: 'beskrivelse', level: 'klagepunkt', required: false, format: id, key: id,
    // Free text is kept as written (only a blank cell counts as empty), so export → import is exact;
    // its length is the case form's check.
    parse: ok,
  }),
  col({ name: 'regler', level: 'klagepunkt', required: false, repeats: true, parse: ruleIds, format: (v) => v.join('|'), key: (v) => v.join('|') }),
  col({ name: 'udfald', level: 'klagepunkt', required: false, repeats: true, parse: fromVocab(Outcome), format: Outcome.importName, key: id }),
  col({ name: 'forvaltning_enig', level: 'klagepunkt', required: false, repeats: true, parse: yesNo, format: (v) => (v ? 'ja' : 'nej'), key: String }),
  col({
    name: 'henstilling', level: 'klagepunkt', required: false, format: id, key: id,
    // Kept as written, like beskrivelse, so export → import is exact.
    parse: (cell) => (cell.length > 20000 ? fail(`teksten er ${cell.length} tegn; højst 20000 er tilladt`) : ok(cell)),
  }),
  col({ name: 'henstilling_fulgt', level: 'klagepunkt', required: false, repeats: true, parse: followed, format: RecommendationStatus.importName, key: id }),
  col({ name: 'anmodet', level: 'anmodning', required: false, repeats: true, parse: date, format: id, key: id }),
  col({ name: 'svarfrist', level: 'anmodning', required: false, repeats: true, parse: date, format: id, key: id }),
  col({ name: 'besvaret', level: 'anmodning', required: false, repeats: true, parse: date, format: id, key: id }),
] as const;

export type AnyColumnSpec = { [K in ColumnName]: ColumnSpec<K> }[ColumnName];

export const COLUMN_NAMES: ReadonlyArray<ColumnName> = COLUMNS.map((c) => c.name);

const BY_NAME = new Map<string, AnyColumnSpec>(COLUMNS.map((c) => [c.name, c as AnyColumnSpec]));

export function columnSpec<K extends ColumnName>(name: K): ColumnSpec<K> {
  return BY_NAME.get(name) as unknown as ColumnSpec<K>;
}

/**
 * Columns the format defines for features not yet in Ombud, with the feature each belongs to (said in
 * the error message so the adviser knows the column is right, just early).
 */
export const LATER_COLUMNS: Readonly<Record<string, string>> = {};

export type ImportIssueLike = { line: number; column: string | null; message: string };

export type HeaderMap = Readonly<{
  /** Field index in a record for each column present in the header. */
  index: ReadonlyMap<ColumnName, number>;
  errors: ImportIssueLike[];
}>;

/** Header names are case-insensitive and may come in any order (import.md § File). */
export function mapHeader(header: ReadonlyArray<string>, line: number): HeaderMap {
  const index = new Map<ColumnName, number>();
  const errors: ImportIssueLike[] = [];
  header.forEach((raw, i) => {
    const name = normaliseToken(raw);
    if (name === '') {
      errors.push({ line, column: null, message: `kolonne nr. ${i + 1} i overskriften har intet navn` });
      return;
    }
    const spec = BY_NAME.get(name);
    if (spec) {
      if (index.has(spec.name)) errors.push({ line, column: spec.name, message: 'kolonnen står mere end én gang i overskriften' });
      else index.set(spec.name, i);
      return;
    }
    // Own keys only: a column named e.g. "constructor" is unknown, not a later feature.
    const later = Object.hasOwn(LATER_COLUMNS, name) ? LATER_COLUMNS[name] : undefined;
    if (later !== undefined) {
      errors.push({
        line, column: raw.trim(),
        message: `kolonnen "${raw.trim()}" hører til ${later}, som endnu ikke findes i denne version af Ombud; fjern kolonnen fra filen og importér igen`,
      });
      return;
    }
    errors.push({ line, column: raw.trim(), message: `kolonnen "${raw.trim()}" kendes ikke; tilladte kolonner er ${COLUMN_NAMES.join(', ')}` });
  });
  for (const spec of COLUMNS) {
    if (spec.required && !index.has(spec.name)) errors.push({ line, column: spec.name, message: 'den obligatoriske kolonne mangler i overskriften' });
  }
  return { index, errors };
}
