/**
 * Deterministic demo data in the import format (docs/reference/import-format.md): the same seed and the
 * same `today` give the same rows, so tests, the bench and a demonstration all see identical cases.
 *
 * The rows are what an adviser's spreadsheet would hold: klager with 1–4 klagepunkter against the
 * forvaltninger, and vejledning/vejvisning henvendelser that are usually a single row without a
 * klagepunkt. Everything is invented from the word lists in ./vocabulary.ts.
 *
 * Investigated klager also get their assessment: the breached rules from the shipped catalogue that
 * fit the klagepunkt's theme, whether the forvaltning agreed it erred, and for some criticised
 * klagepunkter a henstilling with the forvaltning's answer. Those draws come from a second random
 * stream, so the rest of the data is the same as before they existed.
 *
 * Competence and handling are per klagepunkt (legal-rules.md § c.2–c.3): a klage's points mostly
 * share its competence, but some henvendelser mix a point about the substance of a decision (outside
 * competence, vejvist to the klageinstans) with points about the handling that are investigated. The
 * mix is drawn from a third stream. A klage not yet put to the forvaltning is inside competence and
 * videresendt (a step, not a reason). Reasons are written by the names migration 0080 seeds.
 */
import { makeIsoDate, type IsoDate } from '../domain/dates';
import { formatSagsnr } from '../domain/sagsnr';
import { DEFAULT_COMPETENCE_REASONS, INSIDE_COMPETENCE_TOKEN } from '../domain/competence';
import {
  CaseType, Channel, Handling, Outcome,
  type CaseTypeCode, type ChannelCode, type HandlingCode, type OutcomeCode,
} from '../domain/vocab';
import { COLUMN_NAMES, type ColumnName } from '../import/columns';
import { breachRefusal } from '../domain/rule';
import { SHIPPED_RULES } from '../rules/catalog';
import { createRandom, type Random } from './random';
import {
  CONSEQUENCES, FIRST_NAMES, GUIDANCE, MONTHS, OPENINGS, ORGANISATION, REFERRALS, STREETS, SURNAMES, THEMES, TOWNS, YDELSER,
} from './vocabulary';

export type DemoOptions = Readonly<{
  seed: number;
  /** Number of henvendelser. Ignored when `klagepunkter` is given. */
  cases?: number;
  /** Generate henvendelser until exactly this many klagepunkter exist (the bench's unit). */
  klagepunkter?: number;
  /** The last possible date of receipt; cases spread over the `years` before it. */
  today: IsoDate;
  years?: number;
  /**
   * The highest running number already used per year (ÅÅÅÅ-NNNN), so demo data added to a database
   * that has cases continues the series instead of clashing. Default: none used.
   */
  lastSeq?: (year: number) => number;
}>;

export type DemoTable = Readonly<{ header: ColumnName[]; rows: string[][]; henvendelser: number; klagepunkter: number }>;

type Row = Partial<Record<ColumnName, string>>;

const DAY_MS = 86_400_000;

function isoToDays(iso: IsoDate): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

function daysToIso(days: number): IsoDate {
  const d = new Date(days * DAY_MS);
  return makeIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function fill(template: string, rnd: Random, afdeling: string): string {
  return template
    .replace(/\{afdeling\}/g, afdeling)
    .replace(/\{uger\}/g, String(rnd.int(6, 40)))
    .replace(/\{måned\}/g, rnd.pick(MONTHS))
    .replace(/\{ydelse\}/g, rnd.pick(YDELSER))
    .replace(/\{gange\}/g, String(rnd.int(3, 9)))
    .replace(/\{dage\}/g, String(rnd.int(2, 6)));
}

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('da-DK') + s.slice(1);
}

/** æ/ø/å spelled out, as Danish e-mail addresses usually are. */
function asciiName(s: string): string {
  return s.toLocaleLowerCase('da-DK').replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/[^a-z]/g, '');
}

/** A CPR number of valid form: a real birth date and a 7th digit giving the right century. */
function cpr(rnd: Random, today: IsoDate): string {
  const latest = isoToDays(today) - 18 * 365;
  const earliest = isoToDays('1935-01-01');
  const birth = daysToIso(rnd.int(earliest, latest));
  const year = Number(birth.slice(0, 4));
  // CPR-kontoret: 7th digit 0–3 for 1900–1999; 4 for 2000–2036.
  const seventh = year < 2000 ? rnd.int(0, 3) : 4;
  const serial = `${seventh}${String(rnd.int(0, 999)).padStart(3, '0')}`;
  return `${birth.slice(8, 10)}${birth.slice(5, 7)}${birth.slice(2, 4)}-${serial}`;
}

function phone(rnd: Random): string {
  const first = rnd.int(2, 9);
  const rest = String(rnd.int(0, 9_999_999)).padStart(7, '0');
  const d = `${first}${rest}`;
  return `${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4, 6)} ${d.slice(6, 8)}`;
}

type Skeleton = { type: CaseTypeCode; points: number };

/** The demo's competence draws; `ikke_forelagt` is turned into the videresendt step below. */
type DrawnCompetence = 'inden_for' | 'afgoerelsens_indhold' | 'politisk_beslutning' | 'over_1_aar' | 'anden_klageinstans' | 'ikke_forelagt';

/** The `kompetence` cell: "inden for" or the seeded reason's name. */
function competenceToken(code: DrawnCompetence): string {
  if (code === 'inden_for' || code === 'ikke_forelagt') return INSIDE_COMPETENCE_TOKEN;
  return DEFAULT_COMPETENCE_REASONS.find((r) => r.code === code)?.name ?? INSIDE_COMPETENCE_TOKEN;
}

function skeleton(rnd: Random): Skeleton {
  const type = rnd.weighted<CaseTypeCode>([['klage', 70], ['vejledning', 17], ['vejvisning', 11], ['egen_drift', 2]]);
  if (type === 'klage') return { type, points: rnd.weighted([[1, 45], [2, 30], [3, 17], [4, 8]]) };
  // Guidance sometimes names the forvaltning and a theme (statistics count it), usually not.
  return { type, points: rnd.chance(type === 'egen_drift' ? 0.9 : 0.35) ? 1 : 0 };
}

function gradedOutcome(rnd: Random): OutcomeCode {
  return rnd.weighted<OutcomeCode>([
    ['ingen_kritik', 38], ['bemaerkning', 16], ['beklageligt', 16], ['kritik', 20], ['alvorlig_kritik', 7], ['meget_alvorlig_kritik', 3],
  ]);
}

/**
 * The catalogue rules a klagepunkt of each demo theme typically breaches, most typical first. Ids not
 * in the shipped catalogue, or that cannot be recorded as breached (background rules, breachRefusal),
 * are dropped, so a catalogue change cannot make the demo unimportable.
 */
const SHIPPED_IDS = new Set(SHIPPED_RULES.filter((r) => breachRefusal({ ...r, origin: 'shipped' }) === null).map((r) => r.id));
const RULES_BY_THEME: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    Sagsbehandlingstid: ['rsl-3-frister', 'gfs-rimelig-sagsbehandlingstid', 'gfs-underretning-forsinkelse'],
    'Manglende svar': ['gfs-besvarelse', 'gfs-14-dages-svar'],
    'Aflyste møder': ['gfs-aflysning-moeder'],
    'Lægelige oplysninger ikke indhentet': ['rsl-10-officialprincip', 'rsl-11a-11c-indhentning', 'gfs-officialprincip'],
    'Tone i indkaldelsesbreve': ['gfs-tone', 'gfs-klart-sprog'],
    'Telefonisk tilgængelighed': ['gfs-telefon'],
    'Mistede sagsakter': ['ofl-15-journalisering', 'ofl-13-notatpligt'],
    Vejledning: ['fvl-7-1-vejledning', 'rsl-5-helhedsvurdering'],
    'Skift af sagsbehandler': ['gfs-underretning-forsinkelse', 'ofl-13-notatpligt'],
    Partshøring: ['fvl-19-partshoering'],
    Begrundelse: ['fvl-22-begrundelse', 'fvl-24-begrundelsens-indhold'],
  }).map(([theme, ids]) => [theme, ids.filter((id) => SHIPPED_IDS.has(id))]),
);

/** What the adviser recommends, by theme; `{afdeling}` is filled in. */
const RECOMMENDATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    Sagsbehandlingstid: 'Borgerrådgiveren henstiller, at {afdeling} fastsætter og offentliggør frister for sagsbehandlingen og orienterer borgeren, når en frist ikke kan holdes.',
    'Manglende svar': 'Borgerrådgiveren henstiller, at {afdeling} besvarer skriftlige henvendelser, og at borgeren inden 14 dage får besked om, hvornår svaret kommer.',
    'Aflyste møder': 'Borgerrådgiveren henstiller, at {afdeling} kun aflyser møder med god grund og i så fald straks tilbyder en ny tid.',
    'Lægelige oplysninger ikke indhentet': 'Borgerrådgiveren henstiller, at {afdeling} sikrer, at sagen er tilstrækkeligt oplyst, før der træffes afgørelse.',
    'Tone i indkaldelsesbreve': 'Borgerrådgiveren henstiller, at {afdeling} gennemgår sine standardbreve, så de er høflige og skrevet i et klart sprog.',
    'Telefonisk tilgængelighed': 'Borgerrådgiveren henstiller, at {afdeling} sikrer, at borgerne kan komme igennem på telefonen inden for rimelig tid.',
    'Mistede sagsakter': 'Borgerrådgiveren henstiller, at {afdeling} journaliserer alle dokumenter, der modtages eller sendes i en sag.',
    Vejledning: 'Borgerrådgiveren henstiller, at {afdeling} vejleder borgeren om muligheder og rettigheder, også når borgeren ikke selv spørger.',
    'Skift af sagsbehandler': 'Borgerrådgiveren henstiller, at {afdeling} orienterer borgeren ved skift af sagsbehandler og sikrer en ordentlig overdragelse af sagen.',
    Partshøring: 'Borgerrådgiveren henstiller, at {afdeling} partshører borgeren, før der træffes afgørelse på grundlag af nye oplysninger.',
    Begrundelse: 'Borgerrådgiveren henstiller, at {afdeling} begrunder sine afgørelser konkret med henvisning til borgerens egne oplysninger.',
  }),
);

/** The assessment columns of an investigated klagepunkt (all empty for the rest). */
function assessment(
  ar: Random,
  outcome: OutcomeCode | null,
  theme: string,
  afdeling: string,
  closedDaysAgo: number,
): Pick<Row, 'regler' | 'forvaltning_enig' | 'henstilling' | 'henstilling_fulgt'> {
  const graded = outcome !== null && outcome !== 'afvist' && outcome !== 'videresendt';
  if (!graded) return {};
  const criticised = outcome === 'kritik' || outcome === 'alvorlig_kritik' || outcome === 'meget_alvorlig_kritik';
  const candidates = RULES_BY_THEME.get(theme) ?? [];
  // Criticism almost always names the rules breached; a remark sometimes does; no criticism never.
  const breachChance = criticised || outcome === 'beklageligt' ? 0.85 : outcome === 'bemaerkning' ? 0.4 : 0;
  const breached: string[] = [];
  if (candidates.length > 0 && ar.chance(breachChance)) {
    breached.push(candidates[0] as string);
    const more = candidates.slice(1);
    if (more.length > 0 && ar.chance(0.35)) breached.push(ar.pick(more));
  }
  const agreed = breached.length > 0
    ? ar.weighted<string>([['ja', 55], ['nej', 25], ['', 20]])
    : ar.weighted<string>([['nej', 45], ['', 55]]);
  let henstilling = '';
  let fulgt = '';
  if (criticised && ar.chance(0.35)) {
    henstilling = fill(RECOMMENDATIONS.get(theme) ?? 'Borgerrådgiveren henstiller, at {afdeling} gennemgår sagsforløbet og retter op på de påpegede fejl.', ar, afdeling);
    // The forvaltning usually answers within a couple of months; recent ones are mostly pending.
    fulgt = closedDaysAgo > 60 ? ar.weighted<string>([['ja', 65], ['nej', 15], ['', 20]]) : ar.weighted<string>([['ja', 10], ['', 90]]);
  }
  return { regler: breached.join('|'), forvaltning_enig: agreed, henstilling, henstilling_fulgt: fulgt };
}

function pointDescription(rnd: Random, theme: (typeof THEMES)[number], afdeling: string): string {
  const core = fill(rnd.pick(theme.templates), rnd, afdeling);
  let text = `${rnd.pick(OPENINGS)} ${core}.`;
  if (rnd.chance(0.55)) text += ` ${rnd.pick(CONSEQUENCES)}`;
  return text;
}

export function generateDemoRows(opts: DemoOptions): DemoTable {
  const rnd = createRandom(opts.seed);
  // The assessment's own stream (see the module comment); any fixed derivation of the seed will do.
  const ar = createRandom((opts.seed ^ 0x5a5a5a5a) >>> 0);
  // The per-klagepunkt competence mix's own stream, likewise.
  const cr = createRandom((opts.seed ^ 0x3c3c3c3c) >>> 0);
  const years = opts.years ?? 4;

  // 1. How many henvendelser, and their shapes.
  const skeletons: Skeleton[] = [];
  if (opts.klagepunkter !== undefined) {
    let total = 0;
    while (total < opts.klagepunkter) {
      const s = skeleton(rnd);
      s.points = Math.min(s.points, opts.klagepunkter - total);
      if (s.type === 'klage' && s.points === 0) s.points = 1;
      total += s.points;
      skeletons.push(s);
    }
  } else {
    for (let i = 0; i < (opts.cases ?? 100); i++) skeletons.push(skeleton(rnd));
  }

  // 2. Dates of receipt spread over the period, sorted, so sagsnr run in order within each year.
  const end = isoToDays(opts.today);
  const start = end - Math.round(years * 365);
  const received = skeletons.map(() => rnd.int(start, end)).sort((a, b) => a - b);
  const seqByYear = new Map<number, number>();

  const rows: string[][] = [];
  let klagepunkter = 0;
  skeletons.forEach((sk, i) => {
    const receivedDays = received[i] as number;
    const receivedOn = daysToIso(receivedDays);
    const year = Number(receivedOn.slice(0, 4));
    const seq = (seqByYear.get(year) ?? opts.lastSeq?.(year) ?? 0) + 1;
    seqByYear.set(year, seq);

    const first = rnd.pick(FIRST_NAMES);
    const last = rnd.pick(SURNAMES);
    const [postcode, town] = rnd.pick(TOWNS);
    const channel = rnd.weighted<ChannelCode>([['telefon', 34], ['email', 30], ['digital_formular', 21], ['brev', 8], ['personligt', 7]]);

    let competence: DrawnCompetence = 'inden_for';
    let handling: HandlingCode | null = null;
    if (sk.type === 'klage') {
      competence = rnd.weighted<DrawnCompetence>([['inden_for', 86], ['afgoerelsens_indhold', 6], ['ikke_forelagt', 5], ['over_1_aar', 2], ['politisk_beslutning', 1]]);
      handling = competence === 'inden_for'
        ? rnd.weighted<HandlingCode>([['undersoegt', 70], ['videresendt', 22], ['maegling', 8]])
        : rnd.weighted<HandlingCode>([['afvist', 60], ['vejvist', 40]]);
      // Not yet put to the forvaltning: a step, not a lack of competence (legal-rules.md § c.3).
      if (competence === 'ikke_forelagt') handling = 'videresendt';
    } else if (sk.type === 'vejvisning') {
      competence = rnd.weighted<DrawnCompetence>([['anden_klageinstans', 50], ['afgoerelsens_indhold', 35], ['inden_for', 15]]);
      handling = 'vejvist';
    }
    // Some investigated klager with more than one klagepunkt also complain about the decision itself:
    // that point is outside competence and vejvist to the klageinstans.
    const substancePoint = sk.type === 'klage' && handling === 'undersoegt' && sk.points > 1 && cr.chance(0.25) ? sk.points - 1 : -1;

    // Older henvendelser are mostly closed; the last two months are mostly still open.
    const age = end - receivedDays;
    const closed = age > 60 ? rnd.chance(0.95) : rnd.chance(age / 90);
    const closedOn = closed ? daysToIso(Math.min(end, receivedDays + rnd.int(sk.type === 'klage' ? 7 : 0, sk.type === 'klage' ? 110 : 10))) : '';

    // About 3 % of callers stay anonymous: then no contact details or CPR either. The random draws
    // below are made regardless, so a seed keeps producing the same sequence.
    const named = rnd.chance(0.97);
    const known = (value: string) => (named ? value : '');
    const base: Row = {
      sagsnr: formatSagsnr(year, seq),
      modtaget: receivedOn,
      type: CaseType.importName(sk.type),
      kanal: Channel.importName(channel),
      borger_navn: known(`${first} ${last}`),
      borger_email: known(channel === 'email' || rnd.chance(0.3) ? `${asciiName(first)}.${asciiName(last)}${rnd.int(1, 99)}@eksempel.dk` : ''),
      borger_telefon: known(rnd.chance(0.75) ? phone(rnd) : ''),
      borger_adresse: known(rnd.chance(0.8) ? `${rnd.pick(STREETS)} ${rnd.int(1, 140)}, ${postcode} ${town}` : ''),
      borger_cpr: known(sk.type === 'klage' && rnd.chance(0.6) ? cpr(rnd, opts.today) : ''),
      afsluttet: closedOn,
    };
    // Competence is the klagepunkt's own; a henvendelse without klagepunkter writes its own on its row.
    const competenceCells = (c: DrawnCompetence, h: HandlingCode | null): Row => ({
      kompetence: competenceToken(c),
      behandling: h ? Handling.importName(h) : '',
    });

    const caseRows: Row[] = [];
    const forvaltning = rnd.weighted(ORGANISATION.map((o) => [o, o.weight] as const));
    for (let p = 0; p < sk.points; p++) {
      // Most klager are about one forvaltning; some spread over two.
      const forv = p > 0 && rnd.chance(0.2) ? rnd.weighted(ORGANISATION.map((o) => [o, o.weight] as const)) : forvaltning;
      const afdeling = rnd.chance(0.85) ? rnd.pick(forv.afdelinger) : '';
      const theme = rnd.weighted(THEMES.map((t) => [t, t.weight] as const));
      const themeNames = [theme.name];
      if (rnd.chance(0.25)) {
        const extra = rnd.pick(THEMES).name;
        if (extra !== theme.name) themeNames.push(extra);
      }
      let outcome: OutcomeCode | null = null;
      if (closedOn !== '' && sk.type === 'klage') {
        if (handling === 'undersoegt' || handling === 'maegling') outcome = gradedOutcome(rnd);
        else if (handling === 'videresendt') outcome = 'videresendt';
        else outcome = 'afvist';
      }
      const substance = p === substancePoint;
      // The decision's substance is not assessed: the point ends as afvist, like any point outside competence.
      if (substance && outcome !== null) outcome = 'afvist';
      const description = sk.type === 'klage'
        ? pointDescription(rnd, theme, afdeling || forv.name)
        : fill(rnd.pick(sk.type === 'vejvisning' ? REFERRALS : GUIDANCE), rnd, afdeling || forv.name);
      caseRows.push({
        forvaltning: forv.name,
        afdeling,
        tema: themeNames.join('|'),
        beskrivelse: capitalise(description),
        ...(substance ? competenceCells('afgoerelsens_indhold', 'vejvist') : competenceCells(competence, handling)),
        udfald: outcome ? Outcome.importName(outcome) : '',
        ...assessment(ar, outcome, theme.name, afdeling || forv.name, closedOn === '' ? 0 : end - isoToDays(closedOn)),
      });
    }
    if (caseRows.length === 0) caseRows.push(competenceCells(competence, handling));
    klagepunkter += sk.points;
    caseRows.forEach((pointRow, k) => {
      // Like a real spreadsheet, continuation rows often leave the henvendelse columns empty.
      const henv: Row = k === 0 || rnd.chance(0.5) ? base : { sagsnr: base.sagsnr };
      const row: Row = { ...henv, ...pointRow };
      rows.push(COLUMN_NAMES.map((c) => row[c] ?? ''));
    });
  });

  return { header: [...COLUMN_NAMES], rows, henvendelser: skeletons.length, klagepunkter };
}
