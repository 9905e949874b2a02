/**
 * Deterministic demo data in the import format (../shared/formats/import.md): the same seed and the
 * same `today` give the same rows, so tests, the bench and a demonstration all see identical cases.
 *
 * The rows are what an adviser's spreadsheet would hold: klager with 1–4 klagepunkter against the
 * forvaltninger, and vejledning/vejvisning henvendelser that are usually a single row without a
 * klagepunkt. Everything is invented from the word lists in ./vocabulary.ts.
 */
import { makeIsoDate, type IsoDate } from '../domain/dates';
import { formatSagsnr } from '../domain/sagsnr';
import {
  CaseType, Channel, Competence, Handling, Outcome,
  type CaseTypeCode, type ChannelCode, type CompetenceCode, type HandlingCode, type OutcomeCode,
} from '../domain/vocab';
import { COLUMN_NAMES, type ColumnName } from '../import/columns';
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

function pointDescription(rnd: Random, theme: (typeof THEMES)[number], afdeling: string): string {
  const core = fill(rnd.pick(theme.templates), rnd, afdeling);
  let text = `${rnd.pick(OPENINGS)} ${core}.`;
  if (rnd.chance(0.55)) text += ` ${rnd.pick(CONSEQUENCES)}`;
  return text;
}

export function generateDemoRows(opts: DemoOptions): DemoTable {
  const rnd = createRandom(opts.seed);
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

    let competence: CompetenceCode = 'inden_for';
    let handling: HandlingCode | null = null;
    if (sk.type === 'klage') {
      competence = rnd.weighted<CompetenceCode>([['inden_for', 86], ['afgoerelsens_indhold', 6], ['ikke_forelagt', 5], ['over_1_aar', 2], ['politisk_beslutning', 1]]);
      handling = competence === 'inden_for'
        ? rnd.weighted<HandlingCode>([['undersoegt', 70], ['videresendt', 22], ['maegling', 8]])
        : rnd.weighted<HandlingCode>([['afvist', 60], ['vejvist', 40]]);
    } else if (sk.type === 'vejvisning') {
      competence = rnd.weighted<CompetenceCode>([['anden_klageinstans', 50], ['afgoerelsens_indhold', 35], ['inden_for', 15]]);
      handling = 'vejvist';
    }

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
      kompetence: Competence.importName(competence),
      behandling: handling ? Handling.importName(handling) : '',
      afsluttet: closedOn,
    };

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
      const description = sk.type === 'klage'
        ? pointDescription(rnd, theme, afdeling || forv.name)
        : fill(rnd.pick(sk.type === 'vejvisning' ? REFERRALS : GUIDANCE), rnd, afdeling || forv.name);
      caseRows.push({
        forvaltning: forv.name,
        afdeling,
        tema: themeNames.join('|'),
        beskrivelse: capitalise(description),
        udfald: outcome ? Outcome.importName(outcome) : '',
      });
    }
    if (caseRows.length === 0) caseRows.push({});
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
