/**
 * The working-day calendar of the deadline engine. A working day is Monday–Friday that is neither a
 * public holiday, a day the calendar profile adds (grundlovsdag, 24/12, 31/12, and in `udvidet` the
 * Friday after Kristi himmelfartsdag), nor one of the municipality's own closing days, which count in
 * every profile (legal-rules.md § b.2–b.4; peers.md § 3.3 #3).
 *
 * Dates are ISO calendar dates (Europe/Copenhagen). Arithmetic runs on day numbers (days since
 * 1970-01-01, from Date.UTC), so no time zone or daylight-saving change can shift a day.
 */
import { isValidIsoDate, makeIsoDate, type IsoDate } from '../domain/dates';
import { danishPublicHolidays, profileDays } from './holidays';
import type { CalendarProfile, CalendarSettings, SkippedDay } from './types';

const MS_PER_DAY = 86_400_000;

function parts(date: IsoDate): [number, number, number] {
  if (!isValidIsoDate(date)) throw new RangeError(`Ugyldig dato: "${date}" (skriv ÅÅÅÅ-MM-DD).`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** Days since 1970-01-01 for a calendar date. */
export function dayNumber(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function fromDayNumber(n: number): IsoDate {
  const d = new Date(n * MS_PER_DAY);
  return makeIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** 0 = søndag … 6 = lørdag (1970-01-01 was a Thursday). */
export function weekdayIndex(date: IsoDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}

/** `to − from` in calendar days (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day of the month `n` months later (or earlier for negative `n`); when that day does not
 * exist, the last day of that month (legal-rules.md § b.2, forældelseslovens § 27, stk. 1).
 */
export function addMonthsClamped(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return makeIsoDate(year, month, Math.min(d, daysInMonth(year, month)));
}

type YearDays = Map<IsoDate, string>;
// Rule-derived (a year's holidays never change), so memoising by year and profile is safe.
const yearCache = new Map<string, YearDays>();

function yearDays(year: number, profile: CalendarProfile): YearDays {
  const key = `${profile}:${year}`;
  let days = yearCache.get(key);
  if (days === undefined) {
    days = new Map();
    for (const h of danishPublicHolidays(year)) days.set(h.date, `${h.name} (helligdag)`);
    for (const p of profileDays(year, profile)) if (!days.has(p.date)) days.set(p.date, `${p.name} (${p.profile}-kalenderen)`);
    yearCache.set(key, days);
  }
  return days;
}

const WEEKEND: Readonly<Record<number, string>> = { 0: 'søndag', 6: 'lørdag' };

/**
 * Why a date is not a working day, in Danish, or null for a working day. A public holiday or profile
 * day is named even when it falls on a weekend ("påskedag (helligdag)" rather than "søndag"), then a
 * municipal closing day ("lukkedag: juleluk"), then the weekend ("lørdag", "søndag").
 */
export function nonWorkingReason(date: IsoDate, profile: CalendarProfile, calendar: CalendarSettings): string | null {
  const holiday = yearDays(parts(date)[0], profile).get(date);
  if (holiday !== undefined) return holiday;
  const closing = calendar.closingDays.find((c) => c.date === date);
  if (closing !== undefined) return closing.reason.trim() === '' ? 'lukkedag' : `lukkedag: ${closing.reason.trim()}`;
  return WEEKEND[weekdayIndex(date)] ?? null;
}

export function isWorkingDay(date: IsoDate, profile: CalendarProfile, calendar: CalendarSettings): boolean {
  return nonWorkingReason(date, profile, calendar) === null;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, profile: CalendarProfile, calendar: CalendarSettings): IsoDate {
  return rollForward(addCalendarDays(date, 1), profile, calendar).date;
}

/** `date` itself when it is a working day, else the next working day, with the days passed over. */
export function rollForward(date: IsoDate, profile: CalendarProfile, calendar: CalendarSettings): { date: IsoDate; skipped: SkippedDay[] } {
  const skipped: SkippedDay[] = [];
  let d = date;
  for (;;) {
    const reason = nonWorkingReason(d, profile, calendar);
    if (reason === null) return { date: d, skipped };
    skipped.push({ date: d, reason });
    d = addCalendarDays(d, 1);
  }
}

/**
 * Count `n` working days from `date` (the start day itself is not counted): the working days counted
 * in order and the non-working days passed over. Negative `n` counts backwards; 0 returns `date`.
 */
export function countWorkingDays(
  date: IsoDate,
  n: number,
  profile: CalendarProfile,
  calendar: CalendarSettings,
): { date: IsoDate; counted: IsoDate[]; skipped: SkippedDay[] } {
  if (!Number.isInteger(n)) throw new RangeError(`Antallet af arbejdsdage skal være et helt tal, ikke ${n}.`);
  const step = n < 0 ? -1 : 1;
  const counted: IsoDate[] = [];
  const skipped: SkippedDay[] = [];
  let d = date;
  while (counted.length < Math.abs(n)) {
    d = addCalendarDays(d, step);
    const reason = nonWorkingReason(d, profile, calendar);
    if (reason === null) counted.push(d);
    else skipped.push({ date: d, reason });
  }
  return { date: d, counted, skipped };
}

/** The `n`-th working day after `date` (before it for negative `n`; `date` itself for 0). */
export function addWorkingDays(date: IsoDate, n: number, profile: CalendarProfile, calendar: CalendarSettings): IsoDate {
  return countWorkingDays(date, n, profile, calendar).date;
}

/**
 * The number of working days after `from` up to and including `to`; when `to` is earlier, minus the
 * number of working days after `to` up to and including `from`. So
 * `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every n ≥ 0.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, profile: CalendarProfile, calendar: CalendarSettings): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b < a) {
    const back = workingDaysBetween(to, from, profile, calendar);
    return back === 0 ? 0 : -back; // never -0
  }
  let count = 0;
  for (let n = a + 1; n <= b; n++) if (isWorkingDay(fromDayNumber(n), profile, calendar)) count++;
  return count;
}
