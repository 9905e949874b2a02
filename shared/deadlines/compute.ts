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
import { capitalize, danishMonthYear, formatDanishDateWithWeekday as long, formatSpec, unitWord } from './text';
import type { CalendarProfile, CalendarSettings, ComputeInput, DeadlineExplanation, DeadlineUnitCode, Extension, Pause, SkippedDay } from './types';

/** Lists longer than this are shortened in the sentences (the structured fields keep every day). */
const MAX_LISTED = 31;

const PROFILE_DAYS: Readonly<Record<CalendarProfile, ReadonlyArray<string>>> = {
  helligdage: ['weekender', 'helligdage'],
  standard: ['weekender', 'helligdage', 'grundlovsdag', 'juleaftensdag', 'nytårsaftensdag'],
  udvidet: ['weekender', 'helligdage', 'grundlovsdag', 'juleaftensdag', 'nytårsaftensdag', 'fredag efter Kristi himmelfartsdag'],
};

/** "a, b og c". */
function danishList(items: ReadonlyArray<string>): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1] ?? ''}`;
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

export function computeDeadline(input: ComputeInput): DeadlineExplanation {
  const { start, spec, calendar } = input;
  requireDate(start, 'Startdatoen');
  if (!Number.isInteger(spec.amount) || spec.amount < 0) throw new RangeError(`Fristens længde skal være et helt tal ≥ 0, ikke ${spec.amount}.`);
  const rule = input.rule ?? null;
  const lines: string[] = [];
  if (rule !== null) lines.push(`Regel: ${rule.label} (${rule.id}). Kilde: ${rule.source ?? 'ikke angivet'}.`);
  lines.push(`Fristen er ${formatSpec(spec)} regnet fra ${long(start)}; startdagen tælles ikke med.`);
  lines.push(`Kalender: ${spec.profile} – ${danishList([...PROFILE_DAYS[spec.profile], 'kommunens lukkedage'])} er ikke arbejdsdage.`);

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
  const reason = nonWorkingReason(counts, spec.profile, calendar);
  if (reason !== null) {
    if (spec.rollForward) {
      const r = rollForward(counts, spec.profile, calendar);
      rolledForward = { from: counts, to: r.date, skipped: r.skipped };
      due = r.date;
      lines.push(`${capitalize(long(counts))} er ikke en arbejdsdag: ${reason}. Fristen flyttes til næste arbejdsdag, ${long(due)}.`);
      if (r.skipped.length > 1) lines.push(`Sprunget over ved flytningen: ${listSkipped(r.skipped)}.`);
    } else {
      lines.push(`${capitalize(long(counts))} er ikke en arbejdsdag: ${reason}. Reglen flytter ikke fristen, så den vises uforlænget.`);
    }
  }

  // 3. Pauses and extensions in date order (a pause and an extension on the same day: the pause first).
  const events: Event[] = [
    ...(input.pauses ?? []).map((pause): Event => ({ kind: 'pause', at: pause.from, pause })),
    ...(input.extensions ?? []).map((extension): Event => ({ kind: 'forlængelse', at: extension.granted, extension })),
  ];
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const adjustments: Adjustment[] = [];
  for (const ev of events) {
    const r = ev.kind === 'pause' ? applyPause(due, ev.pause, input) : applyExtension(due, ev.extension, input);
    adjustments.push(r.adjustment);
    lines.push(r.line);
    due = r.adjustment.after;
  }

  lines.push(`Fristen udløber ${long(due)}.`);
  return { rule, start, spec: { ...spec }, counted, skipped, counts, monthEndClamped, rolledForward, adjustments, due, lines };
}
