/**
 * computeDeadline: the due date of a deadline and how it was reached, step by step, as structured
 * fields and Danish sentences (peers.md § 3.3 #9 "Explain every date").
 *
 * Counting (legal-rules.md § b.1–b.3, JM-vejledning nr. 9533 af 26/06/2018 as reproduced there):
 * - the start day is not counted;
 * - `arbejdsdage`: the N-th working day after the start (calendar.ts decides what a working day is);
 * - `dage`: start + N; `uger`: start + 7N (the same weekday); `måneder`: the same day of the month N
 *   months later, or the last day of that month when the day does not exist;
 * - roll-forward (per rule): a date that is not a working day moves to the next working day.
 * Then pauses and extensions, in date order (peers.md § 3.3 #5): a pause stops the clock from `from`
 * to `to` (both included) and moves the deadline by the paused time in the deadline's unit (working
 * days in the pause for arbejdsdage, calendar days otherwise); an extension sets a new date or adds
 * time to the current deadline. Roll-forward applies again after each, when the rule says so.
 *
 * Whose deadline it is decides which days count (legal-rules.md § b.5; owner.ts):
 * - `borger`: only Saturdays, Sundays and public holidays are not working days, whatever the profile
 *   (JM-vejledning 9533/2018 as reproduced in § b.3): a citizen who trusts the date must never lose a
 *   right because the municipality closed its offices. The explanation's `spec.profile` is therefore
 *   `helligdage` – the calendar that was actually used – and the lines say that the given profile was
 *   not. A last day on a closing day or a profile day (grundlovsdag, 24/12, 31/12, the Friday after
 *   Kristi himmelfart) is said: offices may be closed, the deadline is not extended.
 * - `myndighed`: the profile decides (the law does not define "arbejdsdag", § b.2) and is named;
 *   the municipality's closing days never extend it (FOB 2021-1), and the lines say so when one fell
 *   within the deadline.
 * - `maal`: a local target; profile and closing days both count, and it is called a target.
 */
import { formatDanishDate, isValidIsoDate, type IsoDate } from '../domain/dates';
import {
  addCalendarDays,
  addMonthsClamped,
  addWorkingDays,
  calendarDaysBetween,
  countWorkingDays,
  nonWorkingReason,
  rollForward,
  workingDaysBetween,
} from './calendar';
import { profileDays } from './holidays';
import { deadlineLetterLines, type LetterChange } from './letter';
import { capitalize, danishList, danishMonthYear, formatDanishDateWithWeekday as long, formatSpec, PROFILE_EXTRA_DAYS, unitWord } from './text';
import type { CalendarProfile, CalendarSettings, ClosingDay, ComputeInput, DeadlineExplanation, DeadlineOwner, DeadlineUnitCode, Extension, Pause, SkippedDay } from './types';

/** Lists longer than this are shortened in the sentences (the structured fields keep every day). */
const MAX_LISTED = 31;

const NO_CLOSING: CalendarSettings = { closingDays: [] };

/** The source the adviser's lines name for the citizen's calendar (legal-rules.md § b.3). */
const JM_VEJLEDNING = 'JM-vejledning nr. 9533 af 26.06.2018';

function profileDayWords(profile: CalendarProfile): string[] {
  return ['weekender', 'helligdage', ...PROFILE_EXTRA_DAYS[profile]];
}

function listDates(dates: ReadonlyArray<IsoDate>): string {
  if (dates.length <= MAX_LISTED) return dates.map(formatDanishDate).join(', ');
  return `${dates.slice(0, 3).map(formatDanishDate).join(', ')} … ${dates.slice(-3).map(formatDanishDate).join(', ')}`;
}

function listSkipped(days: ReadonlyArray<SkippedDay>): string {
  const shown = days.slice(0, MAX_LISTED).map((s) => `${formatDanishDate(s.date)} – ${s.reason}`);
  const more = days.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; og ${more} dage mere` : '');
}

function requireDate(date: string, what: string): void {
  if (!isValidIsoDate(date)) throw new RangeError(`${what} er ikke en gyldig dato: "${date}" (skriv ÅÅÅÅ-MM-DD).`);
}

/** The date `amount` units after `date`, before any roll-forward. */
function addInUnit(date: IsoDate, amount: number, unit: DeadlineUnitCode, profile: CalendarProfile, calendar: CalendarSettings): IsoDate {
  switch (unit) {
    case 'arbejdsdage':
      return addWorkingDays(date, amount, profile, calendar);
    case 'dage':
      return addCalendarDays(date, amount);
    case 'uger':
      return addCalendarDays(date, 7 * amount);
    case 'maaneder':
      return addMonthsClamped(date, amount);
  }
}

type Step = { date: IsoDate; note: string };

/** Roll-forward after an adjustment, when the rule says so; `note` explains a move ('' when none). */
function rollIfRuled(date: IsoDate, input: ComputeInput): Step {
  if (!input.spec.rollForward) return { date, note: '' };
  const reason = nonWorkingReason(date, input.spec.profile, input.calendar);
  if (reason === null) return { date, note: '' };
  const to = rollForward(date, input.spec.profile, input.calendar).date;
  return { date: to, note: `${capitalize(long(date))} er ikke en arbejdsdag: ${reason}; næste arbejdsdag, ${long(to)}, bruges` };
}

type Adjustment = DeadlineExplanation['adjustments'][number];
type Event = { kind: 'pause'; at: IsoDate; pause: Pause } | { kind: 'forlængelse'; at: IsoDate; extension: Extension };

function applyPause(due: IsoDate, p: Pause, input: ComputeInput): { adjustment: Adjustment; line: string } {
  requireDate(p.from, 'Pausens startdato');
  requireDate(p.to, 'Pausens slutdato');
  if (p.to < p.from) throw new RangeError(`En pause kan ikke slutte (${formatDanishDate(p.to)}) før den begynder (${formatDanishDate(p.from)}).`);
  const why = p.reason.trim() === '' ? '' : ` (${p.reason.trim()})`;
  const head = `Pause fra ${long(p.from)} til ${long(p.to)}${why}`;
  if (p.from > due) {
    // The clock cannot stop after the deadline has run out; the pause is recorded but changes nothing.
    const detail = 'pausen begyndte efter fristen';
    return { adjustment: { kind: 'pause', reason: p.reason, before: due, after: due, detail }, line: `${head} begyndte efter fristen ${formatDanishDate(due)} og ændrer den ikke.` };
  }
  const { unit, profile } = input.spec;
  const working = unit === 'arbejdsdage';
  // Working days in [from, to] for arbejdsdage; calendar days (both ends included) otherwise.
  const paused = working ? workingDaysBetween(addCalendarDays(p.from, -1), p.to, profile, input.calendar) : calendarDaysBetween(p.from, p.to) + 1;
  const moved = working ? addWorkingDays(due, paused, profile, input.calendar) : addCalendarDays(due, paused);
  const rolled = paused === 0 ? { date: moved, note: '' } : rollIfRuled(moved, input);
  const count = `${paused} ${working ? unitWord(paused, 'arbejdsdage') : unitWord(paused, 'dage')} i pausen`;
  const detail = rolled.note === '' ? count : `${count}; ${rolled.note}`;
  const line =
    rolled.date === due
      ? `${head}: ${count}; fristen er uændret ${formatDanishDate(due)}.`
      : `${head}: ${count}; fristen flyttes fra ${formatDanishDate(due)} til ${long(rolled.date)}.${rolled.note === '' ? '' : ` ${rolled.note}.`}`;
  return { adjustment: { kind: 'pause', reason: p.reason, before: due, after: rolled.date, detail }, line };
}

function applyExtension(due: IsoDate, e: Extension, input: ComputeInput): { adjustment: Adjustment; line: string } {
  requireDate(e.granted, 'Forlængelsens dato');
  const why = e.reason.trim() === '' ? '' : ` (${e.reason.trim()})`;
  const head = `Forlængelse givet ${formatDanishDate(e.granted)}${why}`;
  if ((e.newDue === null) === (e.add === null)) throw new RangeError('En forlængelse skal have enten en ny dato eller en tid, der lægges til – ikke begge eller ingen.');
  if (e.newDue !== null) {
    requireDate(e.newDue, 'Den nye frist');
    // An explicit date is what was granted: it is shown as given, without roll-forward.
    return {
      adjustment: { kind: 'forlængelse', reason: e.reason, before: due, after: e.newDue, detail: 'ny dato' },
      line: `${head}: ny frist ${long(e.newDue)} (før ${formatDanishDate(due)}).`,
    };
  }
  const add = e.add as NonNullable<Extension['add']>;
  const moved = addInUnit(due, add.amount, add.unit, input.spec.profile, input.calendar);
  const rolled = rollIfRuled(moved, input);
  const detail = rolled.note === '' ? `+ ${formatSpec(add)}` : `+ ${formatSpec(add)}; ${rolled.note}`;
  const note = rolled.note === '' ? '' : ` ${rolled.note}.`;
  return {
    adjustment: { kind: 'forlængelse', reason: e.reason, before: due, after: rolled.date, detail },
    line: `${head}: ${formatSpec(add)} lagt til ${formatDanishDate(due)} giver ${long(moved)}.${note}`,
  };
}

/**
 * The input as it is counted for its owner (legal-rules.md § b.5): the citizen's deadline over
 * weekends and public holidays only; the authority's statutory deadline with its profile but without
 * the closing days (FOB 2021-1); a local target with both.
 */
function countedFor(input: ComputeInput): ComputeInput {
  switch (input.owner) {
    case 'borger':
      return { ...input, spec: { ...input.spec, profile: 'helligdage' }, calendar: NO_CLOSING };
    case 'myndighed':
      return { ...input, calendar: NO_CLOSING };
    case 'maal':
      return input;
  }
}

/** The adviser's line on whose deadline it is and which days count. */
function calendarLine(owner: DeadlineOwner, given: CalendarProfile): string {
  switch (owner) {
    case 'borger': {
      const unused = given === 'helligdage' ? '' : ` Kalenderprofilen »${given}« bruges derfor ikke.`;
      return (
        `Kalender: borgerens frist – kun weekender og helligdage er ikke arbejdsdage (${JM_VEJLEDNING}). ` +
        `Kommunens lukkedage og fridage som grundlovsdag, juleaftensdag, nytårsaftensdag og fredag efter Kristi himmelfartsdag forlænger ikke borgerens frist.${unused}`
      );
    }
    case 'myndighed':
      return (
        `Kalender: lovbestemt frist for myndigheden. Hvilke dage der er arbejdsdage, er ikke fastlagt i loven; kommunens kalenderprofil »${given}« bruges: ` +
        `${danishList(profileDayWords(given))} er ikke arbejdsdage. Kommunens lukkedage forlænger ikke en lovbestemt frist (FOB 2021-1).`
      );
    case 'maal':
      return `Kalender: lokal målsætning, ikke en lovbestemt frist. Med kalenderprofilen »${given}« er ${danishList([...profileDayWords(given), 'kommunens lukkedage'])} ikke arbejdsdage.`;
  }
}

/**
 * The municipality's closing days in (start, due] that the profile would otherwise count as working
 * days: for a statutory deadline they are named, since they do not extend it (FOB 2021-1).
 */
function closingDaysWithin(start: IsoDate, due: IsoDate, profile: CalendarProfile, calendar: CalendarSettings): ClosingDay[] {
  return calendar.closingDays
    .filter((c) => isValidIsoDate(c.date) && c.date > start && c.date <= due && nonWorkingReason(c.date, profile, NO_CLOSING) === null)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function closingLine(days: ReadonlyArray<ClosingDay>, due: IsoDate): string {
  const named = days.slice(0, MAX_LISTED).map((c) => `${formatDanishDate(c.date)}${c.reason.trim() === '' ? '' : ` (${c.reason.trim()})`}`);
  const more = days.length - named.length;
  const list = more > 0 ? `${named.join(', ')} og ${more} mere` : danishList(named);
  const last = days.some((c) => c.date === due) ? ` Fristen udløber på en lukkedag, ${formatDanishDate(due)}, og flyttes ikke af den grund.` : '';
  return `Kommunens ${days.length === 1 ? 'lukkedag' : 'lukkedage'} ${list} ligger i fristens løbetid, men forlænger ikke en lovbestemt frist (FOB 2021-1).${last}`;
}

/**
 * Why the offices may be closed on the citizen's last day although the deadline runs: a municipal
 * closing day, or a day some calendar profile treats as a day off (grundlovsdag, 24/12, 31/12, the
 * Friday after Kristi himmelfart). Null otherwise.
 */
function officesMayBeClosed(date: IsoDate, calendar: CalendarSettings): string | null {
  const closing = calendar.closingDays.find((c) => c.date === date);
  if (closing !== undefined) return closing.reason.trim() === '' ? 'en af kommunens lukkedage' : `en af kommunens lukkedage (${closing.reason.trim()})`;
  return profileDays(Number(date.slice(0, 4)), 'udvidet').find((p) => p.date === date)?.name ?? null;
}

export function computeDeadline(input: ComputeInput): DeadlineExplanation {
  const given = input.spec;
  requireDate(input.start, 'Startdatoen');
  if (!Number.isInteger(given.amount) || given.amount < 0) throw new RangeError(`Fristens længde skal være et helt tal ≥ 0, ikke ${given.amount}.`);
  const counting = countedFor(input);
  const { start, spec, calendar } = counting;
  const rule = input.rule ?? null;
  const lines: string[] = [];
  if (rule !== null) {
    // The formal citation, never a web page (legal-rules.md § b.5, "Formelle henvisninger").
    const citation = rule.citation.trim().replace(/\.$/, '');
    lines.push(`Regel: ${rule.label}.${citation === '' ? '' : ` Hjemmel: ${citation}.`}`);
  }
  lines.push(`Fristen er ${formatSpec(spec)} regnet fra ${long(start)}; startdagen tælles ikke med.`);
  lines.push(calendarLine(input.owner, given.profile));

  // 1. Count.
  let counts: IsoDate;
  let counted: IsoDate[] = [];
  let skipped: SkippedDay[] = [];
  let monthEndClamped = false;
  const spelled = formatSpec(spec);
  switch (spec.unit) {
    case 'arbejdsdage': {
      const r = countWorkingDays(start, spec.amount, spec.profile, calendar);
      counts = r.date;
      counted = r.counted;
      skipped = r.skipped;
      if (spec.amount === 0) {
        lines.push(`${spelled} efter startdagen er startdagen selv, ${long(counts)}.`);
        break;
      }
      lines.push(`Talte arbejdsdage (${counted.length}): ${listDates(counted)}.`);
      if (skipped.length > 0) lines.push(`Sprunget over: ${listSkipped(skipped)}.`);
      lines.push(`Den ${spec.amount}. arbejdsdag efter startdagen er ${long(counts)}.`);
      break;
    }
    case 'dage':
      counts = addCalendarDays(start, spec.amount);
      lines.push(`${capitalize(spelled)} efter startdagen er ${long(counts)}.`);
      break;
    case 'uger':
      counts = addCalendarDays(start, 7 * spec.amount);
      lines.push(`${capitalize(spelled)} efter startdagen er ${long(counts)} (samme ugedag).`);
      break;
    case 'maaneder': {
      counts = addMonthsClamped(start, spec.amount);
      monthEndClamped = counts.slice(8) !== start.slice(8);
      lines.push(`${capitalize(spelled)} efter startdagen er ${long(counts)}.`);
      if (monthEndClamped) lines.push(`Den ${Number(start.slice(8))}. findes ikke i ${danishMonthYear(counts)}, så månedens sidste dag bruges.`);
      break;
    }
  }

  // 2. Roll-forward (legal-rules.md § b.3): only when the rule says so; otherwise shown unextended.
  let due = counts;
  let rolledForward: DeadlineExplanation['rolledForward'] = null;
  const countsReason = nonWorkingReason(counts, spec.profile, calendar);
  if (countsReason !== null) {
    if (spec.rollForward) {
      const r = rollForward(counts, spec.profile, calendar);
      rolledForward = { from: counts, to: r.date, skipped: r.skipped };
      due = r.date;
      lines.push(`${capitalize(long(counts))} er ikke en arbejdsdag: ${countsReason}. Fristen flyttes til næste arbejdsdag, ${long(due)}.`);
      if (r.skipped.length > 1) lines.push(`Sprunget over ved flytningen: ${listSkipped(r.skipped)}.`);
    } else {
      const why = rule !== null ? 'Reglen flytter ikke fristen' : 'Fristen er angivet uden flytning til næste arbejdsdag';
      lines.push(`${capitalize(long(counts))} er ikke en arbejdsdag: ${countsReason}. ${why}, så den vises uforlænget.`);
    }
  }

  // 3. Pauses and extensions in date order (a pause and an extension on the same day: the pause first).
  const events: Event[] = [
    ...(input.pauses ?? []).map((pause): Event => ({ kind: 'pause', at: pause.from, pause })),
    ...(input.extensions ?? []).map((extension): Event => ({ kind: 'forlængelse', at: extension.granted, extension })),
  ];
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const adjustments: Adjustment[] = [];
  const changes: LetterChange[] = [];
  for (const ev of events) {
    const r = ev.kind === 'pause' ? applyPause(due, ev.pause, counting) : applyExtension(due, ev.extension, counting);
    adjustments.push(r.adjustment);
    changes.push(
      ev.kind === 'pause'
        ? { kind: 'pause', from: ev.pause.from, to: ev.pause.to, before: due, after: r.adjustment.after }
        : { kind: 'forlængelse', granted: ev.extension.granted, before: due, after: r.adjustment.after },
    );
    lines.push(r.line);
    due = r.adjustment.after;
  }

  // 4. What the owner's calendar left out (legal-rules.md § b.5).
  const closingWithin = input.owner === 'myndighed' ? closingDaysWithin(start, due, spec.profile, input.calendar) : [];
  if (closingWithin.length > 0) lines.push(closingLine(closingWithin, due));
  const closedOffices = input.owner === 'borger' ? officesMayBeClosed(due, input.calendar) : null;
  if (closedOffices !== null) {
    lines.push(
      `${capitalize(long(due))} er ${closedOffices}: kommunens kontorer kan være lukket, men borgerens frist forlænges ikke af den grund (${JM_VEJLEDNING}). ` +
        'Borgeren bør indgive senest hverdagen før, eller digitalt.',
    );
  }

  lines.push(`Fristen udløber ${long(due)}.`);
  const letterLines = deadlineLetterLines({
    owner: input.owner,
    rule,
    start,
    spec,
    counts,
    countsReason,
    monthEndClamped,
    rolledForward,
    changes,
    due,
    startEvent: input.startEvent ?? '',
    owes: input.owes ?? '',
    closingWithin: closingWithin.length > 0,
    closingSkipped: skipped.some((s) => input.calendar.closingDays.some((c) => c.date === s.date) && nonWorkingReason(s.date, spec.profile, NO_CLOSING) === null),
    officesMayBeClosed: closedOffices !== null,
  });
  return { rule, owner: input.owner, start, spec: { ...spec }, counted, skipped, counts, monthEndClamped, rolledForward, adjustments, due, lines, letterLines };
}
