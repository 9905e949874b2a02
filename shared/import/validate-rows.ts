/**
 * From the rows of an import file to henvendelser with klagepunkter, collecting every problem as
 * `{ line, column, message }` (../shared/formats/import.md § Behaviour: all or nothing, every error
 * listed with the file's own line numbers).
 *
 * Incremental (`add` per row, then `finish`) so the service can yield to the event loop between
 * chunks of a large file. Checks that need the database (sagsnr already present, which competence
 * reasons exist) are the service's.
 *
 * Besides errors, the result carries warnings: rows imported as written that the adviser should look
 * at. Above all a klagepunkt outside competence marked `undersøgt` — contradictory, but exactly what
 * historical files hold, and refusing them would lose the adviser's data.
 */
import type { IsoDate } from '../domain/dates';
import type { ImportIssue } from '../domain/import-report';
import type { RecommendationStatusCode } from '../domain/recommendation';
import { CaseType, Handling, type CaseStatusCode, type CaseTypeCode, type ChannelCode, type HandlingCode, type OutcomeCode } from '../domain/vocab';
import { COLUMNS, mapHeader, nameKey, type AnyColumnSpec, type ColumnName, type ColumnValues, type CompetenceCell } from './columns';

/** A competence reason named in the file, resolved against the municipality's list by the import service. */
export type ImportReason = Readonly<{
  name: string;
  /** The shipped default an old token stands for ("over 1 år" → over_1_aar), or null. */
  legacyCode: string | null;
  /** The row that named it. */
  line: number;
}>;

export type ImportPoint = {
  /** The row the klagepunkt came from. */
  line: number;
  forvaltning: string | null;
  afdeling: string | null;
  themes: readonly string[];
  description: string;
  outcome: OutcomeCode | null;
  /** Rule ids recorded as ikke overholdt, in the file's order (existence is checked against the database). */
  rules: readonly string[];
  forvaltningAgreed: boolean | null;
  /** A henstilling to the klagepunkt's forvaltning. */
  recommendation: ImportRecommendation | null;
  /** Why the klagepunkt is outside competence; null: inside. */
  competenceReason: ImportReason | null;
  handling: HandlingCode | null;
};

export type ImportRecommendation = {
  text: string;
  /** The henvendelse's afsluttet date, else its modtaget date: the file carries no date of its own. */
  givenOn: IsoDate;
  status: RecommendationStatusCode;
  /** The given date when answered (the file has no answer date either); null while pending. */
  statusOn: IsoDate | null;
};

/** The adviser's request to one forvaltning for a statement (one per henvendelse and forvaltning). */
export type ImportRequest = {
  /** The first row that gave the request. */
  line: number;
  forvaltning: string;
  sentOn: IsoDate;
  /** The deadline as given in the file; null: computed from the default in the settings. */
  dueOn: IsoDate | null;
  answeredOn: IsoDate | null;
};

export type ImportCase = {
  sagsnr: string;
  /** First row of the henvendelse. */
  line: number;
  receivedOn: IsoDate;
  type: CaseTypeCode;
  channel: ChannelCode | null;
  citizen: { name: string; email: string; phone: string; address: string; cpr: string | null };
  /** The henvendelse's own competence and handling: only when it has no klagepunkter (else null). */
  competenceReason: ImportReason | null;
  handling: HandlingCode | null;
  closedOn: IsoDate | null;
  status: CaseStatusCode;
  summary: string;
  points: ImportPoint[];
  requests: ImportRequest[];
};

export type RowInput = Readonly<{ line: number; cells: ReadonlyArray<string> }>;

export type ValidationResult = Readonly<{
  cases: ImportCase[];
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

type Resolved = { competenceReason: ImportReason | null; handling: HandlingCode | null };

const KOMPETENCE_SPEC = COLUMNS.find((c) => c.name === 'kompetence') as AnyColumnSpec;
const BEHANDLING_SPEC = COLUMNS.find((c) => c.name === 'behandling') as AnyColumnSpec;

/** Shared empty set for the (usual) rows without a parse error. */
const NO_BAD: ReadonlySet<ColumnName> = new Set();
/** Bound on memoised distinct values per column, so a file of all-different cells cannot grow it without end. */
const MEMO_LIMIT = 50_000;

type Group = {
  sagsnr: string;
  line: number;
  values: Values;
  /** Line each henvendelse value was first given on (for messages about disagreement and order). */
  setOn: Partial<Record<ColumnName, number>>;
  /** Columns some row gave but could not be parsed: no "skal udfyldes" on top of that error. */
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

/** Summary of an imported henvendelse: the first klagepunkt's description, cut at a word near 120 characters. */
export function deriveSummary(description: string | undefined, type: CaseTypeCode): string {
  const text = (description ?? '').replace(/\s+/g, ' ').trim();
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

    if (values.sagsnr === undefined) {
      if (!bad.has('sagsnr') && mapped.index.has('sagsnr')) errors.push({ line, column: 'sagsnr', message: 'sagsnr skal udfyldes' });
      return; // Without a sagsnr the row belongs to no henvendelse.
    }
    if (values.afdeling !== undefined && values.forvaltning === undefined && !bad.has('forvaltning')) {
      errors.push({ line, column: 'afdeling', message: 'en afdeling kræver, at kolonnen forvaltning også er udfyldt' });
    }
    // A henstilling is addressed to the klagepunkt's forvaltning; an answer needs a henstilling.
    if (values.henstilling !== undefined && values.forvaltning === undefined && !bad.has('forvaltning')) {
      errors.push({ line, column: 'henstilling', message: 'en henstilling gives til klagepunktets forvaltning, så kolonnen forvaltning skal også være udfyldt' });
    }
    if (values.henstilling_fulgt !== undefined && values.henstilling === undefined && !bad.has('henstilling')) {
      errors.push({ line, column: 'henstilling_fulgt', message: 'henstilling_fulgt kræver, at kolonnen henstilling også er udfyldt' });
    }

    const key = nameKey(values.sagsnr);
    let g = groups.get(key);
    if (!g) {
      g = { sagsnr: values.sagsnr, line, values: {}, setOn: {}, invalid: new Set(), rows: [], requests: null };
      groups.set(key, g);
    }
    for (const name of bad) g.invalid.add(name);
    // Henvendelse columns: the first row that gives a value sets it; later rows must agree or be empty.
    for (const spec of HENVENDELSE_COLUMNS) {
      const v = (values as Record<string, unknown>)[spec.name];
      if (v === undefined) continue;
      const have = (g.values as Record<string, unknown>)[spec.name];
      if (have === undefined) {
        (g.values as Record<string, unknown>)[spec.name] = v;
        g.setOn[spec.name] = line;
      } else {
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

  function finishRequests(g: Group, receivedOn: IsoDate | undefined): ImportRequest[] {
    if (g.requests === null) return [];
    const out: ImportRequest[] = [];
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
      let fine = r.invalid.size === 0;
      const at = (name: 'anmodet' | 'svarfrist' | 'besvaret') => r.setOn[name] ?? r.line;
      if (anmodet > opts.today) {
        errors.push({ line: at('anmodet'), column: 'anmodet', message: `anmodningsdatoen ${anmodet} ligger i fremtiden` });
        fine = false;
      } else if (receivedOn !== undefined && anmodet < receivedOn) {
        errors.push({ line: at('anmodet'), column: 'anmodet', message: `anmodningsdatoen ${anmodet} ligger før modtagelsesdatoen ${receivedOn}` });
        fine = false;
      }
      if (svarfrist !== undefined && svarfrist < anmodet) {
        errors.push({ line: at('svarfrist'), column: 'svarfrist', message: `svarfristen ${svarfrist} ligger før anmodningsdatoen ${anmodet}` });
        fine = false;
      }
      if (besvaret !== undefined) {
        if (besvaret < anmodet) {
          errors.push({ line: at('besvaret'), column: 'besvaret', message: `besvarelsesdatoen ${besvaret} ligger før anmodningsdatoen ${anmodet}` });
          fine = false;
        } else if (besvaret > opts.today) {
          errors.push({ line: at('besvaret'), column: 'besvaret', message: `besvarelsesdatoen ${besvaret} ligger i fremtiden` });
          fine = false;
        }
      }
      if (fine) out.push({ line: r.line, forvaltning: r.forvaltning, sentOn: anmodet, dueOn: svarfrist ?? null, answeredOn: besvaret ?? null });
    }
    return out;
  }

  /** A row without a klagepunkt gives the henvendelse's own competence; such rows must agree (or be empty). */
  function addOwn(own: OwnCells, sagsnr: string, line: number, kompetence: CompetenceCell | undefined, behandling: HandlingCode | undefined): void {
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
    const reason = kompetence?.kind === 'reason' ? { name: kompetence.name, legacyCode: kompetence.legacyCode, line: kompetenceLine } : null;
    if (reason !== null && behandling === 'undersoegt') {
      warnings.push({
        line: behandlingLine, column: 'behandling',
        message: `${subject} er uden for kompetence (${reason.name}), men markeret som undersøgt; det er importeret som angivet – tjek, om det er rigtigt`,
      });
    }
    return { competenceReason: reason, handling: behandling ?? null };
  }

  /**
   * Competence and handling of each klagepunkt from its own row; returns the henvendelse's own, which
   * only a henvendelse without klagepunkter keeps (migration 0080).
   */
  function competenceOfPoints(sagsnr: string, points: ImportPoint[], cells: CompetenceCells[], own: OwnCells): Resolved {
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
    const outside = cells.find((c) => c.kompetence?.kind === 'reason');
    points.forEach((p, i) => {
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
    });
    return { competenceReason: null, handling: null };
  }

  function finishGroup(g: Group): ImportCase | null {
    const v = g.values;
    let okCase = true;
    for (const name of ['modtaget', 'type'] as const) {
      if (v[name] === undefined) {
        okCase = false;
        if (!g.invalid.has(name) && mapped.index.has(name)) {
          errors.push({ line: g.line, column: name, message: `${name} skal udfyldes i mindst én række for sagsnr ${g.sagsnr}` });
        }
      }
    }
    if (v.modtaget !== undefined && v.modtaget > opts.today) {
      errors.push({ line: g.setOn.modtaget ?? g.line, column: 'modtaget', message: `modtagelsesdatoen ${v.modtaget} ligger i fremtiden` });
    }
    if (v.afsluttet !== undefined) {
      const at = g.setOn.afsluttet ?? g.line;
      if (v.modtaget !== undefined && v.afsluttet < v.modtaget) {
        errors.push({ line: at, column: 'afsluttet', message: `afslutningsdatoen ${v.afsluttet} ligger før modtagelsesdatoen ${v.modtaget}` });
      } else if (v.afsluttet > opts.today) {
        errors.push({ line: at, column: 'afsluttet', message: `afslutningsdatoen ${v.afsluttet} ligger i fremtiden` });
      }
    }
    const givenOn = v.afsluttet ?? v.modtaget;
    const points: ImportPoint[] = [];
    const cells: CompetenceCells[] = [];
    const own: OwnCells = {};
    for (const r of g.rows) {
      const pv = r.values;
      const anyPointColumn = POINT_COLUMNS.some((s) => (pv as Record<string, unknown>)[s.name] !== undefined || r.bad.has(s.name));
      // A klage's rows are its klagepunkter; other types get a klagepunkt only where the row has one.
      if (v.type !== 'klage' && !anyPointColumn) {
        addOwn(own, g.sagsnr, r.line, pv.kompetence, pv.behandling);
        continue;
      }
      cells.push({
        line: r.line, kompetence: pv.kompetence, kompetenceLine: r.line, behandling: pv.behandling, behandlingLine: r.line,
        bad: r.bad.has('kompetence') || r.bad.has('behandling'),
      });
      if (v.type === 'klage' && pv.forvaltning === undefined && !r.bad.has('forvaltning')) {
        errors.push({ line: r.line, column: 'forvaltning', message: 'forvaltning skal udfyldes, når type er klage' });
      }
      points.push({
        line: r.line,
        forvaltning: pv.forvaltning ?? null,
        afdeling: pv.afdeling ?? null,
        themes: pv.tema ?? [],
        description: pv.beskrivelse ?? '',
        outcome: pv.udfald ?? null,
        rules: pv.regler ?? [],
        forvaltningAgreed: pv.forvaltning_enig ?? null,
        recommendation:
          pv.henstilling === undefined || givenOn === undefined
            ? null
            : {
                text: pv.henstilling,
                givenOn,
                status: pv.henstilling_fulgt ?? 'afventer',
                statusOn: pv.henstilling_fulgt === undefined ? null : givenOn,
              },
        competenceReason: null,
        handling: null,
      });
    }
    const ownResolved = competenceOfPoints(g.sagsnr, points, cells, own);
    const requests = finishRequests(g, v.modtaget);
    if (!okCase || v.modtaget === undefined || v.type === undefined) return null;
    const closedOn = v.afsluttet ?? null;
    return {
      sagsnr: g.sagsnr,
      line: g.line,
      receivedOn: v.modtaget,
      type: v.type,
      channel: v.kanal ?? null,
      citizen: {
        name: v.borger_navn ?? '', email: v.borger_email ?? '', phone: v.borger_telefon ?? '', address: v.borger_adresse ?? '',
        cpr: v.borger_cpr ?? null,
      },
      competenceReason: ownResolved.competenceReason,
      handling: ownResolved.handling,
      closedOn,
      // import.md: no status column; a closed date means the henvendelse is finished.
      status: closedOn ? 'afsluttet' : 'modtaget',
      summary: deriveSummary(points.find((p) => p.description.trim() !== '')?.description, v.type),
      points,
      requests,
    };
  }

  function finish(): ValidationResult {
    const cases: ImportCase[] = [];
    let points = 0;
    for (const g of groups.values()) {
      const c = finishGroup(g);
      if (c) { cases.push(c); points += c.points.length; }
    }
    return { cases, errors: inFileOrder(errors), warnings: inFileOrder(warnings), rows, points };
  }

  return { headerErrors: mapped.errors, add, finish };
}

/** Report in file order; within a line, in the format's column order. */
function inFileOrder(issues: ImportIssue[]): ImportIssue[] {
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
