/**
 * The letter form of a deadline (`DeadlineExplanation.letterLines`): what a letter to the citizen or
 * the forvaltning may say about a date. Full Danish sentences without internal ids, URLs or the
 * adviser's notes; dates written "mandag den 30. juni 2025"; the formal citation of the rule, never
 * a web page (legal-rules.md § b.5, "Formelle henvisninger"); the citizen's working days called
 * "hverdage"; what is due on the day when the rule says (`owes`); a local target phrased as a target.
 *
 * `owes` may be written three ways, and each gets a sentence that fits it:
 * - a noun phrase: borger "Senest <dag> skal klagen være modtaget hos myndigheden."; myndighed
 *   "Senest <dag> skal myndigheden have sørget for en afgørelse eller besked om, hvornår den kommer.";
 *   maal "Forvaltningens redegørelse til borgerrådgiveren bør foreligge senest <dag>.";
 * - an "at"-clause: "at klagen er modtaget af myndigheden" → "Fristen er overholdt, hvis klagen er
 *   modtaget af myndigheden senest <dag>." (a target: "Målet er nået, hvis …");
 * - the whole predicate after "skal" (it has "være", "have" or "blive"): "klagen være modtaget" →
 *   "Senest <dag> skal klagen være modtaget." (a target: "Senest <dag> bør …").
 * `startEvent` gets a sentence of its own ("Fristen er på 4 uger og regnes fra …"), so any wording
 * of it reads.
 */
import type { IsoDate } from '../domain/dates';
import { capitalize, danishList, formatDanishLetterDate, formatDanishLetterDateWithWeekday as day, MONTHS_DA, PROFILE_EXTRA_DAYS, unitWord } from './text';
import type { DeadlineExplanation, DeadlineOwner, DeadlineSpec, DeadlineUnitCode, ExplainedRule } from './types';

/** A pause (the clock stopped from `from` to `to`) or an extension granted on `granted`. */
export type LetterChange = Readonly<
  { kind: 'pause'; from: IsoDate; to: IsoDate; before: IsoDate; after: IsoDate } | { kind: 'forlængelse'; granted: IsoDate; before: IsoDate; after: IsoDate }
>;

/** "den 30. juni 2025". */
function den(date: IsoDate): string {
  return `den ${formatDanishLetterDate(date)}`;
}

export type LetterFacts = Readonly<{
  owner: DeadlineOwner;
  rule: ExplainedRule | null;
  start: IsoDate;
  /** The spec as counted (for the citizen: the `helligdage` profile). */
  spec: DeadlineSpec;
  counts: IsoDate;
  /** Why `counts` is not a working day (calendar.ts nonWorkingReason), or null. */
  countsReason: string | null;
  monthEndClamped: boolean;
  rolledForward: DeadlineExplanation['rolledForward'];
  /** Each pause and extension in the order applied, with the deadline before and after it. */
  changes: ReadonlyArray<LetterChange>;
  due: IsoDate;
  /** What starts the deadline, in words ('' when not given). */
  startEvent: string;
  /** What must have happened by the due date ('' when not given). */
  owes: string;
  /** myndighed: a municipal closing day fell within the deadline (it does not extend it). */
  closingWithin: boolean;
  /** maal: closing days were passed over while counting. */
  closingSkipped: boolean;
  /** borger: the last day is a closing day or a profile day off, so offices may be closed. */
  officesMayBeClosed: boolean;
}>;

/** "4 uger", "10 hverdage" for the citizen (legal-rules.md § b.3 speaks of hverdage), "10 arbejdsdage" otherwise. */
function amount(n: number, unit: DeadlineUnitCode, owner: DeadlineOwner): string {
  if (owner === 'borger' && unit === 'arbejdsdage') return `${n} ${n === 1 ? 'hverdag' : 'hverdage'}`;
  return `${n} ${unitWord(n, unit)}`;
}

/**
 * A non-working day's reason (calendar.ts: "lørdag", "påskedag (helligdag)", "grundlovsdag
 * (standard-kalenderen)", "lukkedag: juleluk") as a letter says it: "en lørdag", "påskedag",
 * "grundlovsdag", "en af kommunens lukkedage" (the closing day's own note is internal).
 */
function dayKind(reason: string): string {
  if (reason === 'lørdag' || reason === 'søndag') return `en ${reason}`;
  if (reason === 'lukkedag' || reason.startsWith('lukkedag:')) return 'en af kommunens lukkedage';
  return reason.replace(/ \((helligdag|[a-z]+-kalenderen)\)$/, '');
}

/** How `owes` is written (see the module comment). */
function owesForm(owes: string): 'none' | 'at' | 'predicate' | 'noun' {
  if (owes === '') return 'none';
  if (/^at\s/.test(owes)) return 'at';
  return /(^|\s)(være|have|blive)(\s|$)/.test(owes) ? 'predicate' : 'noun';
}

/** The sentence saying what is due on the day, in the form `owes` is written in. */
function dueSentence(owner: DeadlineOwner, owes: string, due: IsoDate): string {
  const on = day(due);
  const must = owner === 'maal' ? 'bør' : 'skal';
  switch (owesForm(owes)) {
    case 'none':
      return owner === 'maal' ? `Måldatoen er ${on}.` : `Fristen udløber ${on}.`;
    case 'at': {
      const clause = owes.replace(/^at\s+/, '');
      // A clause with its own comma (a relative clause) is closed by one before "senest".
      return `${owner === 'maal' ? 'Målet er nået' : 'Fristen er overholdt'}, hvis ${clause}${clause.includes(',') ? ',' : ''} senest ${on}.`;
    }
    case 'predicate':
      return `Senest ${on} ${must} ${owes}.`;
    case 'noun':
      if (owner === 'borger') return `Senest ${on} skal ${owes} være modtaget hos myndigheden.`;
      if (owner === 'myndighed') return `Senest ${on} skal myndigheden have sørget for ${owes}.`;
      return `${capitalize(owes)} bør foreligge senest ${on}.`;
  }
}

function sentence(text: string): string {
  const t = text.trim().replace(/[.\s]+$/, '');
  return t === '' ? '' : `${t}.`;
}

export function deadlineLetterLines(f: LetterFacts): string[] {
  const out: string[] = [];
  const target = f.owner === 'maal';
  const noun = target ? 'måldatoen' : 'fristen';
  const owes = f.owes.trim().replace(/[.\s]+$/, '');
  const event = f.startEvent.trim().replace(/[.\s]+$/, '');

  // The basis: the formal citation (a target's own basis, e.g. the svarpolitik, is not law).
  const citation = f.rule?.citation.trim().replace(/[.\s]+$/, '') ?? '';
  if (citation !== '') out.push(sentence(target ? `Målet følger af ${citation}` : `Fristen følger af ${citation}`));

  // The length and the start.
  const length = amount(f.spec.amount, f.spec.unit, f.owner);
  const what = target ? `Kommunens mål er ${length}` : `Fristen er på ${length}`;
  if (event === '') out.push(`${what} regnet fra ${day(f.start)}. Den dag tæller ikke med.`);
  else out.push(`${what} og regnes fra ${event}.`, `Startdagen er ${day(f.start)}; den tæller ikke med.`);
  if (f.monthEndClamped) {
    const month = MONTHS_DA[Number(f.counts.slice(5, 7)) - 1] ?? '';
    out.push(`Da ${month} ikke har nogen ${Number(f.start.slice(8))}., er det månedens sidste dag, der gælder.`);
  }

  // Which days count, when the unit counts days off.
  if (f.spec.unit === 'arbejdsdage' && f.spec.amount > 0) {
    const off = ['lørdage', 'søndage', 'helligdage', ...PROFILE_EXTRA_DAYS[f.spec.profile]];
    if (f.owner === 'borger') out.push('Lørdage, søndage og helligdage tæller ikke med som hverdage.');
    else if (f.owner === 'myndighed') out.push(`Loven fastlægger ikke præcist, hvilke dage der er arbejdsdage; her tæller ${danishList(off)} ikke med.`);
    else out.push(`${capitalize(danishList(f.closingSkipped ? [...off, 'kommunens lukkedage'] : off))} tæller ikke med.`);
  }

  // The last day on a day off.
  if (f.rolledForward !== null && f.countsReason !== null) {
    const next = f.owner === 'borger' ? 'den næste hverdag' : 'den næste arbejdsdag';
    out.push(`Den sidste dag ville være ${day(f.rolledForward.from)}. Da det er ${dayKind(f.countsReason)}, ${f.owner === 'borger' ? 'forlænges fristen' : `flyttes ${noun}`} til ${next}.`);
  } else if (f.countsReason !== null && f.owner === 'myndighed' && f.changes.length === 0) {
    // The authority's own deadline is shown unextended (legal-rules.md § b.3, last point).
    out.push(`Fristen forlænges ikke, selv om den sidste dag er ${dayKind(f.countsReason)}.`);
  }
  if (f.closingWithin) out.push('At kommunen holder lukket nogle af dagene, forlænger ikke fristen.');

  // Pauses and extensions, briefly (the adviser's reasons are notes, not letter text).
  for (const c of f.changes) {
    if (c.before === c.after) continue;
    if (c.kind === 'pause') {
      out.push(`Sagen har været sat i bero fra ${den(c.from)} til ${den(c.to)}, og ${noun} er derfor ${target ? 'flyttet' : 'forlænget'} til ${day(c.after)}.`);
    } else if (c.granted === f.start) {
      // A date given when the deadline was set (e.g. an imported svarfrist), not a later extension.
      out.push(`${capitalize(noun)} er fastsat til ${day(c.after)}.`);
    } else {
      const verb = c.after > c.before ? (target ? 'udskudt' : 'forlænget') : 'ændret';
      out.push(`${capitalize(den(c.granted))} blev ${noun} ${verb} til ${day(c.after)}.`);
    }
  }

  // The day itself, and what is due.
  out.push(dueSentence(f.owner, owes, f.due));
  if (f.owner === 'borger' && f.officesMayBeClosed) {
    out.push('Kommunens kontorer kan være lukket den dag, men fristen forlænges ikke af den grund. Indsend derfor senest hverdagen før, eller digitalt.');
  }
  if (target) out.push('Det er en lokal målsætning og ikke en frist, der følger af loven.');
  return out;
}

