/**
 * From the rows of an import file to henvendelser with klagepunkter, collecting every problem as
 * `{ line, column, message }` (docs/reference/import-format.md § Behaviour: all or nothing, every error
 * listed with the file's own line numbers).
 *
 * The rows of one sagsnr become one PortableCase (./portable.ts), which is checked by
 * `checkPortableCase`: the validation the case form runs, with the same words. Its field paths
 * (`citizen.email`, `points.2.forvaltning`) are translated to the file's line and column. What only
 * a file can get wrong is checked here: a cell that cannot be read, an unknown column, rows of one
 * sagsnr that disagree. Every bad cell of a row is reported, and a henvendelse whose required cells
 * are bad is still checked for everything else (with stand-ins that cannot cause an error), so one
 * mistake never hides another.
 *
 * Incremental (`add` per row, then `finish`) so the service can yield to the event loop between
 * chunks of a large file. Checks that need the database (sagsnr already present, which rules and
 * competence reasons exist) are the service's.
 *
 * Besides errors, the result carries warnings: rows imported as written that the adviser should look
 * at. Above all a klagepunkt outside competence marked `undersøgt` — contradictory, but exactly what
 * historical files hold, and refusing them would lose the adviser's data.
 */
import { checkCpr } from '../domain/cpr';
import type { IsoDate } from '../domain/dates';
import type { ImportIssue } from '../domain/import-report';
import { CaseType, Handling, type CaseTypeCode, type HandlingCode } from '../domain/vocab';
import { COLUMNS, mapHeader, nameKey, type AnyColumnSpec, type ColumnName, type ColumnValues, type CompetenceCell } from './columns';
import { checkPortableCase, type PortableCase, type PortablePoint, type PortableRecommendation, type PortableRequest } from './portable';

/** Where a field of an imported henvendelse is in its file: a CSV/XLSX line and column, or a JSON record and field. */
export type IssueLocation = Omit<ImportIssue, 'message'>;

/** A henvendelse read from a file, with the way back from a field path to where the file says it. */
export type ImportedCase = Readonly<{
  value: PortableCase;
  /** The first line of the henvendelse (for the order of a report). */
  line: number;
  /** How many rows of the file it came from (1 for a JSON record): the unit of the import's progress. */
  rows: number;
  locate: (path: string) => IssueLocation;
}>;

/** What the bulk writer stores (db/queries/bulk-import.ts). */
export type ImportCase = PortableCase;

export type RowInput = Readonly<{ line: number; cells: ReadonlyArray<string> }>;

export type ValidationResult = Readonly<{
  /** Every henvendelse with a sagsnr, also those with errors (the service adds its database checks). */
  cases: ImportedCase[];
  errors: ImportIssue[];
  /** Imported as written, but worth a look (in file order). */
  warnings: ImportIssue[];
  /** Non-blank data rows seen. */
  rows: number;
  points: number;
}>;

export type ValidateOptions = Readonly<{ today: IsoDate }>;

const HENVENDELSE_COLUMNS = COLUMNS.filter((c) => c.level === 'henvendelse') as AnyColumnSpec[];
/**
 * The columns that make a row of a vejledning or vejvisning a klagepunkt. `kompetence` and
 * `behandling` belong to the row's klagepunkt but alone do not make one: on a row without a
 * klagepunkt they are the henvendelse's own (as the export writes such a henvendelse).
 */
const COMPETENCE_COLUMNS: ReadonlySet<ColumnName> = new Set(['kompetence', 'behandling']);
const POINT_COLUMNS = COLUMNS.filter((c) => c.level === 'klagepunkt' && !COMPETENCE_COLUMNS.has(c.name)) as AnyColumnSpec[];
const REQUEST_COLUMNS = COLUMNS.filter((c) => c.level === 'anmodning') as AnyColumnSpec[];
const COLUMN_ORDER = new Map<string, number>(COLUMNS.map((c, i) => [c.name, i]));

/** The column of each henvendelse field of a PortableCase. */
const CASE_FIELD_COLUMN: Readonly<Record<string, ColumnName>> = {
  sagsnr: 'sagsnr', receivedOn: 'modtaget', type: 'type', channel: 'kanal', closedOn: 'afsluttet', status: 'afsluttet',
  'citizen.name': 'borger_navn', 'citizen.email': 'borger_email', 'citizen.phone': 'borger_telefon', 'citizen.address': 'borger_adresse',
  'citizen.cpr': 'borger_cpr', competenceReason: 'kompetence', handling: 'behandling',
};

/** The column of each klagepunkt field. */
const POINT_FIELD_COLUMN: Readonly<Record<string, ColumnName>> = {
  forvaltning: 'forvaltning', afdeling: 'afdeling', themes: 'tema', description: 'beskrivelse', outcome: 'udfald', rules: 'regler',
  forvaltningAgreed: 'forvaltning_enig', competenceReason: 'kompetence', handling: 'behandling',
};

/** The column of each henstilling field (the file gives no dates of its own: they follow afsluttet, else modtaget). */
const RECOMMENDATION_FIELD_COLUMN: Readonly<Record<string, ColumnName>> = { text: 'henstilling', status: 'henstilling_fulgt', statusOn: 'henstilling_fulgt' };

const REQUEST_FIELD_COLUMN: Readonly<Record<string, 'anmodet' | 'svarfrist' | 'besvaret'>> = {
  sentOn: 'anmodet', dueOn: 'svarfrist', explicitDue: 'svarfrist', answeredOn: 'besvaret',
};

type Values = Partial<ColumnValues>;

/** The competence cells of one klagepunkt's row (filled from a row without a klagepunkt where empty). */
type CompetenceCells = {
  line: number;
  kompetence: CompetenceCell | undefined;
  kompetenceLine: number;
  behandling: HandlingCode | undefined;
  behandlingLine: number;
  /** One of the two cells could not be parsed: its error is reported; nothing is filled in or warned. */
  bad: boolean;
};

/** The competence cells of a henvendelse's rows without a klagepunkt (its own values). */
type OwnCells = {
  kompetence?: { value: CompetenceCell; line: number };
  behandling?: { value: HandlingCode; line: number };
};

type Resolved = { competenceReason: string | null; handling: HandlingCode | null };

const KOMPETENCE_SPEC = COLUMNS.find((c) => c.name === 'kompetence') as AnyColumnSpec;
const BEHANDLING_SPEC = COLUMNS.find((c) => c.name === 'behandling') as AnyColumnSpec;

/** Shared empty set for the (usual) rows without a parse error. */
const NO_BAD: ReadonlySet<ColumnName> = new Set();
/** Bound on memoised distinct values per column, so a file of all-different cells cannot grow it without end. */
const MEMO_LIMIT = 50_000;

type Group = {
  /** null: rows without a (readable) sagsnr, each checked on its own and never imported. */
  sagsnr: string | null;
  line: number;
  values: Values;
  /** Line each henvendelse value was first given on (for messages about disagreement and order). */
  setOn: Partial<Record<ColumnName, number>>;
  /** Columns some row gave but could not be parsed: their error is reported; nothing more is said about them. */
  invalid: Set<ColumnName>;
  rows: Array<{ line: number; values: Values; bad: ReadonlySet<ColumnName> }>;
  /** Requests by forvaltning name key; created only when the file gives a request column. */
  requests: Map<string, RequestGroup> | null;
};

type RequestGroup = {
  forvaltning: string;
  line: number;
  values: Pick<Values, 'anmodet' | 'svarfrist' | 'besvaret'>;
  setOn: Partial<Record<'anmodet' | 'svarfrist' | 'besvaret', number>>;
  invalid: Set<ColumnName>;
};

/** A CPR number as it is stored: DDMMÅÅ-XXXX. */
const NORMALISED_CPR = /^\d{6}-\d{4}$/;

/** Whether a row gives (or tried to give) a klagepunkt's column. A loop, not a closure per row: 100,000 rows. */
function hasPointColumn(values: Values, bad: ReadonlySet<ColumnName>): boolean {
  for (const spec of POINT_COLUMNS) if ((values as Record<string, unknown>)[spec.name] !== undefined || bad.has(spec.name)) return true;
  return false;
}

const NO_NAMES: readonly string[] = [];
const NO_DEADLINES: PortablePoint['deadlines'] = [];

/**
 * The format's `regler` are the rules breached: each is recorded as ikke overholdt, without
 * reasoning. The cell's value is memoised (one array per distinct cell text), and so is this.
 */
const breached = new WeakMap<readonly string[], PortablePoint['rules']>();
function breachedRules(ids: readonly string[] | undefined): PortablePoint['rules'] {
  if (ids === undefined) return NO_RULES;
  let rules = breached.get(ids);
  if (rules === undefined) {
    rules = ids.map((ruleId) => ({ ruleId, assessment: 'ikke_overholdt' as const, reasoning: '' }));
    breached.set(ids, rules);
  }
  return rules;
}
const NO_RULES: PortablePoint['rules'] = [];

/** Whitespace other than a single space between words. */
const SPACE_TO_COLLAPSE = /[^\S ]| {2}/;

/** The first klagepunkt's description that is not blank. */
function firstDescription(points: ReadonlyArray<PortablePoint>): string | undefined {
  for (const p of points) if (p.description.trim() !== '') return p.description;
  return undefined;
}

/** Summary of an imported henvendelse: the first klagepunkt's description, cut at a word near 120 characters. */
export function deriveSummary(description: string | undefined, type: CaseTypeCode): string {
  const d = description ?? '';
  // Most descriptions have only single spaces between words: a scan instead of a copy per henvendelse.
  const text = (SPACE_TO_COLLAPSE.test(d) ? d.replace(/\s+/g, ' ') : d).trim();
  if (text === '') return CaseType.label(type);
  if (text.length <= 120) return text;
  const cut = text.lastIndexOf(' ', 120);
  return `${text.slice(0, cut > 60 ? cut : 120).replace(/[\s,.;:–-]+$/, '')} …`;
}

function display(spec: AnyColumnSpec, value: unknown): string {
  return (spec.format as (v: unknown) => string)(value);
}

export function createRowValidator(header: ReadonlyArray<string>, headerLine: number, opts: ValidateOptions) {
  const mapped = mapHeader(header, headerLine);
  const errors: ImportIssue[] = [...mapped.errors];
  const warnings: ImportIssue[] = [];
  const present = [...mapped.index.entries()].map(([name, i]) => ({
    spec: COLUMNS[COLUMN_ORDER.get(name) as number] as AnyColumnSpec,
    i,
    memo: new Map<string, ReturnType<AnyColumnSpec['parse']>>(),
  }));
  const groups = new Map<string, Group>();
  const headerWidth = header.length;
  // Most files have no request columns: then no row pays for the request bookkeeping.
  const hasRequestColumns = REQUEST_COLUMNS.some((c) => mapped.index.has(c.name));
  // The henvendelse columns a row can give: those in the header.
  const henvendelseColumns = HENVENDELSE_COLUMNS.filter((c) => mapped.index.has(c.name));
  let rows = 0;

  function add(row: RowInput): void {
    const { line, cells } = row;
    let blank = true;
    for (const c of cells) if (c.trim() !== '') { blank = false; break; }
    if (blank) return; // Excel often leaves rows of empty cells at the end of a sheet.
    rows++;
    for (let i = headerWidth; i < cells.length; i++) {
      if ((cells[i] as string).trim() !== '') {
        errors.push({ line, column: null, message: `rækken har flere felter (${cells.length}) end overskriften (${headerWidth}); tjek skilletegn og anførselstegn` });
        break;
      }
    }

    const values: Values = {};
    let bad: ReadonlySet<ColumnName> = NO_BAD;
    // Every cell is read, so every bad cell of the row is reported, not only the first.
    for (const { spec, i, memo } of present) {
      const cell = cells[i] ?? '';
      if (cell === '' || cell.trim() === '') continue;
      let r = spec.repeats ? memo.get(cell) : undefined;
      if (r === undefined) {
        r = spec.parse(cell);
        if (spec.repeats && memo.size < MEMO_LIMIT) memo.set(cell, r);
      }
      if (r.ok) (values as Record<string, unknown>)[spec.name] = r.value;
      else {
        bad = new Set([...bad, spec.name]);
        errors.push({ line, column: spec.name, message: r.message });
      }
    }

    if (values.sagsnr === undefined && !bad.has('sagsnr') && mapped.index.has('sagsnr')) errors.push({ line, column: 'sagsnr', message: 'sagsnr skal udfyldes' });
    // A henstilling is addressed to the klagepunkt's forvaltning; an answer needs a henstilling.
    if (values.henstilling !== undefined && values.forvaltning === undefined && !bad.has('forvaltning')) {
      errors.push({ line, column: 'henstilling', message: 'en henstilling gives til klagepunktets forvaltning, så kolonnen forvaltning skal også være udfyldt' });
    }
    if (values.henstilling_fulgt !== undefined && values.henstilling === undefined && !bad.has('henstilling')) {
      errors.push({ line, column: 'henstilling_fulgt', message: 'henstilling_fulgt kræver, at kolonnen henstilling også er udfyldt' });
    }

    // A row without a sagsnr belongs to no henvendelse, but its other cells are still checked on their own.
    const key = values.sagsnr === undefined ? `\u0000${line}` : nameKey(values.sagsnr);
    let g = groups.get(key);
    if (!g) {
      g = { sagsnr: values.sagsnr ?? null, line, values: {}, setOn: {}, invalid: new Set(), rows: [], requests: null };
      groups.set(key, g);
    }
    for (const name of bad) g.invalid.add(name);
    // Henvendelse columns: the first row that gives a value sets it; later rows must agree or be empty.
    for (const spec of henvendelseColumns) {
      const v = (values as Record<string, unknown>)[spec.name];
      if (v === undefined) continue;
      const have = (g.values as Record<string, unknown>)[spec.name];
      if (have === undefined) {
        (g.values as Record<string, unknown>)[spec.name] = v;
        g.setOn[spec.name] = line;
      } else if (have !== v) {
        // The same value (a memoised cell is one object for every row) agrees without its key.
        const keyOf = spec.key as (x: unknown) => string;
        if (keyOf(have) !== keyOf(v)) {
          errors.push({
            line, column: spec.name,
            message: `"${display(spec, v)}" passer ikke med "${display(spec, have)}" i linje ${g.setOn[spec.name]} for samme sagsnr ${g.sagsnr}; alle rækker i en henvendelse skal have samme værdi (eller en tom celle)`,
          });
        }
      }
    }
    g.rows.push({ line, values, bad });
    if (hasRequestColumns) addRequestValues(g, line, values, bad);
  }

  /** Request columns: one request per sagsnr and forvaltning; its rows must agree (or be empty). */
  function addRequestValues(g: Group, line: number, values: Values, bad: ReadonlySet<ColumnName>): void {
    const given = REQUEST_COLUMNS.filter((c) => (values as Record<string, unknown>)[c.name] !== undefined || bad.has(c.name));
    if (given.length === 0) return;
    if (values.forvaltning === undefined) {
      if (!bad.has('forvaltning')) {
        const first = given[0] as AnyColumnSpec;
        errors.push({ line, column: first.name, message: `${first.name} hører til anmodningen til klagepunktets forvaltning, så kolonnen forvaltning skal også være udfyldt` });
      }
      return;
    }
    const key = nameKey(values.forvaltning);
    g.requests ??= new Map();
    let r = g.requests.get(key);
    if (!r) {
      r = { forvaltning: values.forvaltning, line, values: {}, setOn: {}, invalid: new Set() };
      g.requests.set(key, r);
    }
    for (const spec of given) {
      const name = spec.name as 'anmodet' | 'svarfrist' | 'besvaret';
      if (bad.has(name)) { r.invalid.add(name); continue; }
      const v = values[name] as IsoDate;
      const have = r.values[name];
      if (have === undefined) {
        r.values[name] = v;
        r.setOn[name] = line;
      } else if (have !== v) {
        errors.push({
          line, column: name,
          message: `"${v}" passer ikke med "${have}" i linje ${r.setOn[name]} for samme sagsnr ${g.sagsnr} og forvaltning ${r.forvaltning}; der er én anmodning pr. henvendelse og forvaltning, så rækkerne skal have samme værdi (eller en tom celle)`,
        });
      }
    }
  }

  /** The requests of a henvendelse, with the group each came from (for locating its errors). */
  function finishRequests(g: Group): Array<{ request: PortableRequest; from: RequestGroup }> {
    if (g.requests === null) return [];
    const out: Array<{ request: PortableRequest; from: RequestGroup }> = [];
    for (const r of g.requests.values()) {
      const { anmodet, svarfrist, besvaret } = r.values;
      if (anmodet === undefined) {
        if (!r.invalid.has('anmodet')) {
          for (const name of ['svarfrist', 'besvaret'] as const) {
            if (r.values[name] !== undefined) {
              errors.push({ line: r.setOn[name] ?? r.line, column: name, message: `${name} kræver, at anmodet er udfyldt for sagsnr ${g.sagsnr} og forvaltning ${r.forvaltning}` });
            }
          }
        }
        continue;
      }
      out.push({
        from: r,
        request: {
          forvaltning: r.forvaltning, kind: 'redegoerelse', sentOn: anmodet, spec: null, dueOn: null, explicitDue: svarfrist ?? null,
          answeredOn: besvaret ?? null, closedOn: null, verdict: null, note: '', answerSummary: '', points: [], events: [],
        },
      });
    }
    return out;
  }

  /** A row without a klagepunkt gives the henvendelse's own competence; such rows must agree (or be empty). */
  function addOwn(own: OwnCells, sagsnr: string | null, line: number, kompetence: CompetenceCell | undefined, behandling: HandlingCode | undefined): void {
    const disagree = (spec: AnyColumnSpec, v: unknown, have: unknown, at: number) => {
      const keyOf = spec.key as (x: unknown) => string;
      if (keyOf(v) === keyOf(have)) return;
      errors.push({
        line, column: spec.name,
        message: `"${display(spec, v)}" passer ikke med "${display(spec, have)}" i linje ${at} for samme sagsnr ${sagsnr}; en række uden klagepunkt angiver henvendelsens egen ${spec.name}, og de rækker skal have samme værdi (eller en tom celle)`,
      });
    };
    if (kompetence !== undefined) {
      if (own.kompetence === undefined) own.kompetence = { value: kompetence, line };
      else disagree(KOMPETENCE_SPEC, kompetence, own.kompetence.value, own.kompetence.line);
    }
    if (behandling !== undefined) {
      if (own.behandling === undefined) own.behandling = { value: behandling, line };
      else disagree(BEHANDLING_SPEC, behandling, own.behandling.value, own.behandling.line);
    }
  }

  /**
   * A klagepunkt's (or a henvendelse's own) competence and handling from its cells. The old token
   * "ikke forelagt forvaltningen" becomes the step it is (inside competence, videresendt); outside
   * competence yet undersøgt is imported as written, with a warning (never an error).
   */
  function resolveCompetence(
    subject: 'klagepunktet' | 'henvendelsen',
    kompetence: CompetenceCell | undefined, kompetenceLine: number,
    behandling: HandlingCode | undefined, behandlingLine: number,
  ): Resolved {
    if (kompetence?.kind === 'ikke_forelagt') {
      const how = behandling === undefined ? 'og videresendt til forvaltningen' : `med behandlingen ${Handling.importName(behandling)}`;
      warnings.push({
        line: kompetenceLine, column: 'kompetence',
        message: `"ikke forelagt forvaltningen" er ikke en kompetencegrund, men et trin (forvaltningen skal se klagen først): ${subject} er importeret som inden for kompetence ${how}`,
      });
      return { competenceReason: null, handling: behandling ?? 'videresendt' };
    }
    const reason = kompetence?.kind === 'reason' ? kompetence.name : null;
    if (reason !== null && behandling === 'undersoegt') {
      warnings.push({
        line: behandlingLine, column: 'behandling',
        message: `${subject} er uden for kompetence (${reason}), men markeret som undersøgt; det er importeret som angivet – tjek, om det er rigtigt`,
      });
    }
    return { competenceReason: reason, handling: behandling ?? null };
  }

  /**
   * Competence and handling of each klagepunkt from its own row; returns the henvendelse's own, which
   * only a henvendelse without klagepunkter keeps (migration 0080).
   */
  function competenceOfPoints(sagsnr: string | null, points: PortablePoint[], cells: CompetenceCells[], own: OwnCells): Resolved {
    if (points.length === 0) {
      return resolveCompetence('henvendelsen', own.kompetence?.value, own.kompetence?.line ?? 0, own.behandling?.value, own.behandling?.line ?? 0);
    }
    if (own.kompetence !== undefined || own.behandling !== undefined) {
      // Rows without a klagepunkt beside rows with one: their values fill the klagepunkter's empty cells.
      const filled: number[] = [];
      for (const c of cells) {
        if (c.bad) continue;
        let used = false;
        if (c.kompetence === undefined && own.kompetence !== undefined) {
          c.kompetence = own.kompetence.value;
          c.kompetenceLine = own.kompetence.line;
          used = true;
        }
        if (c.behandling === undefined && own.behandling !== undefined) {
          c.behandling = own.behandling.value;
          c.behandlingLine = own.behandling.line;
          used = true;
        }
        if (used) filled.push(c.line);
      }
      warnings.push({
        line: Math.min(own.kompetence?.line ?? Infinity, own.behandling?.line ?? Infinity), column: own.kompetence ? 'kompetence' : 'behandling',
        message: filled.length > 0
          ? `rækken har intet klagepunkt, men sagsnr ${sagsnr} har klagepunkter; kompetence og behandling gælder det enkelte klagepunkt, så rækkens værdier er brugt for klagepunkterne i linje ${filled.join(', ')}, hvor cellerne er tomme`
          : `rækken har intet klagepunkt, men sagsnr ${sagsnr} har klagepunkter, som selv angiver kompetence og behandling; rækkens værdier er ikke brugt`,
      });
    }
    // Before competence was per klagepunkt, continuation rows often left it empty: say what that means now.
    let outside: CompetenceCells | undefined;
    for (const c of cells) {
      if (c.kompetence?.kind === 'reason') {
        outside = c;
        break;
      }
    }
    for (let i = 0; i < points.length; i++) {
      const p = points[i] as PortablePoint;
      const c = cells[i] as CompetenceCells;
      if (outside !== undefined && c.kompetence === undefined && !c.bad) {
        warnings.push({
          line: c.line, column: 'kompetence',
          message: `kompetence er tom, men linje ${outside.kompetenceLine} for samme sagsnr ${sagsnr} er uden for kompetence (${display(KOMPETENCE_SPEC, outside.kompetence)}); kompetence gælder hvert klagepunkt for sig, så dette klagepunkt er importeret som inden for kompetence`,
        });
      }
      const r = resolveCompetence('klagepunktet', c.kompetence, c.kompetenceLine, c.behandling, c.behandlingLine);
      p.competenceReason = r.competenceReason;
      p.handling = r.handling;
    }
    return { competenceReason: null, handling: null };
  }

  function finishGroup(g: Group): ImportedCase | null {
    const v = g.values;
    for (const name of ['modtaget', 'type'] as const) {
      if (v[name] === undefined && g.sagsnr !== null && !g.invalid.has(name) && mapped.index.has(name)) {
        errors.push({ line: g.line, column: name, message: `${name} skal udfyldes i mindst én række for sagsnr ${g.sagsnr}` });
      }
    }
    // Stand-ins for a missing or unreadable date of receipt or type, chosen so they cannot cause an
    // error of their own: the rest of the henvendelse is still checked.
    const closedOn = v.afsluttet ?? null;
    const requests = finishRequests(g);
    let receivedOn = v.modtaget;
    if (receivedOn === undefined) {
      receivedOn = opts.today;
      for (const d of [closedOn, ...requests.map((r) => r.request.sentOn)]) if (d !== null && d < receivedOn) receivedOn = d;
    }
    const type = v.type ?? 'vejledning';
    const givenOn = closedOn ?? receivedOn;
    const points: PortablePoint[] = [];
    const pointLines: number[] = [];
    const cells: CompetenceCells[] = [];
    const recommendations: PortableRecommendation[] = [];
    const recommendationLines: number[] = [];
    const own: OwnCells = {};
    for (const r of g.rows) {
      const pv = r.values;
      // A klage's rows are its klagepunkter; other types get a klagepunkt only where the row has one.
      if (type !== 'klage' && !hasPointColumn(pv, r.bad)) {
        addOwn(own, g.sagsnr, r.line, pv.kompetence, pv.behandling);
        continue;
      }
      cells.push({
        line: r.line, kompetence: pv.kompetence, kompetenceLine: r.line, behandling: pv.behandling, behandlingLine: r.line,
        bad: r.bad.has('kompetence') || r.bad.has('behandling'),
      });
      points.push({
        forvaltning: pv.forvaltning ?? null,
        afdeling: pv.afdeling ?? null,
        // Memoised cell values are shared between rows: never mutated after this point.
        themes: (pv.tema ?? NO_NAMES) as string[],
        description: pv.beskrivelse ?? '',
        outcome: pv.udfald ?? null,
        // The format's `regler` are the rules breached: each is recorded as ikke overholdt, without reasoning.
        rules: breachedRules(pv.regler),
        forvaltningAgreed: pv.forvaltning_enig ?? null,
        apologised: false,
        putRight: false,
        competenceReason: null,
        handling: null,
        deadlines: NO_DEADLINES,
      });
      pointLines.push(r.line);
      if (pv.henstilling !== undefined && pv.forvaltning !== undefined) {
        // The file has no dates of a henstilling: it is given when the henvendelse closed (else when received).
        recommendations.push({
          point: points.length, forvaltning: pv.forvaltning, text: pv.henstilling, givenOn, status: pv.henstilling_fulgt ?? 'afventer',
          statusOn: pv.henstilling_fulgt === undefined ? null : givenOn, answer: '', followUpOn: null,
        });
        recommendationLines.push(r.line);
      }
    }
    const ownResolved = competenceOfPoints(g.sagsnr, points, cells, own);
    const value: PortableCase = {
      sagsnr: g.sagsnr ?? '',
      receivedOn,
      channel: v.kanal ?? null,
      type,
      citizen: { name: v.borger_navn ?? '', address: v.borger_adresse ?? '', phone: v.borger_telefon ?? '', email: v.borger_email ?? '', cpr: v.borger_cpr ?? null },
      representative: null,
      summary: deriveSummary(firstDescription(points), type),
      description: '',
      // import.md: no status column; a closed date means the henvendelse is finished.
      status: closedOn ? 'afsluttet' : 'modtaget',
      competenceReason: ownResolved.competenceReason,
      handling: ownResolved.handling,
      closedOn,
      adviser: null,
      points,
      decisionNotice: null,
      klagefristDue: null,
      recommendations,
      requests: requests.map((r) => r.request),
      // The CSV carries no akter or journal notes (README § Import and export format).
      documents: [],
      journal: [],
    };

    // What `locate` needs, and no more: a closure over the group would keep every parsed row of
    // the file alive until the write is done.
    const firstLine = g.line;
    const setOn = g.setOn;
    const locate = (path: string): IssueLocation => {
      const parts = path.split('.');
      const head = parts[0] as string;
      const index = Number(parts[1]);
      const field = parts[2] ?? '';
      if (head === 'points' && parts.length > 1) {
        const c = cells[index];
        if (field === 'competenceReason') return { line: c?.kompetenceLine ?? firstLine, column: 'kompetence' };
        if (field === 'handling') return { line: c?.behandlingLine ?? firstLine, column: 'behandling' };
        return { line: pointLines[index] ?? firstLine, column: POINT_FIELD_COLUMN[field] ?? null };
      }
      if (head === 'recommendations' && parts.length > 1) {
        const column = RECOMMENDATION_FIELD_COLUMN[field] ?? (field === 'givenOn' ? (closedOn !== null ? 'afsluttet' : 'modtaget') : null);
        return { line: recommendationLines[index] ?? firstLine, column };
      }
      if (head === 'requests' && parts.length > 1) {
        const from = requests[index]?.from;
        const column = REQUEST_FIELD_COLUMN[field] ?? 'anmodet';
        return { line: from?.setOn[column] ?? from?.line ?? firstLine, column };
      }
      const column = CASE_FIELD_COLUMN[parts.length > 1 && head === 'citizen' ? path : head] ?? null;
      if (column === 'kompetence') return { line: own.kompetence?.line ?? firstLine, column };
      if (column === 'behandling') return { line: own.behandling?.line ?? firstLine, column };
      return { line: column === null ? firstLine : (setOn[column] ?? firstLine), column };
    };

    const problems = checkPortableCase(value, opts.today);
    for (const path in problems) {
      const message = problems[path] as string;
      const at = locate(path);
      // An unreadable cell has had its error; what follows from its stand-in is not news.
      if (at.column !== null && g.invalid.has(at.column as ColumnName)) continue;
      if (at.column !== null && requests.some((r) => r.from.invalid.has(at.column as ColumnName))) continue;
      errors.push({ ...at, message });
    }
    // Stored normalised (DDMMÅÅ-XXXX), as the case form stores it; an invalid number has its error
    // above. A number already written so (as an export writes it) is left as it is, not read twice.
    const cpr = value.citizen.cpr === null || NORMALISED_CPR.test(value.citizen.cpr) ? null : checkCpr(value.citizen.cpr);
    if (cpr?.ok) value.citizen.cpr = cpr.value;
    if (g.sagsnr === null) return null;
    return { value, line: g.line, rows: g.rows.length, locate };
  }

  function finish(): ValidationResult {
    const cases: ImportedCase[] = [];
    let points = 0;
    for (const g of groups.values()) {
      const c = finishGroup(g);
      if (c) { cases.push(c); points += c.value.points.length; }
    }
    return { cases, errors: inFileOrder(errors), warnings: inFileOrder(warnings), rows, points };
  }

  return { headerErrors: mapped.errors, add, finish };
}

/** Report in file order; within a line, in the format's column order. */
export function inFileOrder(issues: ImportIssue[]): ImportIssue[] {
  return issues
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.line - b.e.line || colRank(a.e.column) - colRank(b.e.column) || a.i - b.i)
    .map((x) => x.e);
}

function colRank(column: string | null): number {
  if (column === null) return -1;
  return COLUMN_ORDER.get(column) ?? -1;
}

export type RowValidator = ReturnType<typeof createRowValidator>;

/** Convenience for whole tables (tests, the demo generator's self-check). */
export function validateRows(header: ReadonlyArray<string>, headerLine: number, rows: ReadonlyArray<RowInput>, opts: ValidateOptions): ValidationResult {
  const v = createRowValidator(header, headerLine, opts);
  for (const r of rows) v.add(r);
  return v.finish();
}
