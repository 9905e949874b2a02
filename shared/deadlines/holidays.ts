/**
 * Danish public holidays (helligdage) by rule, and the extra non-working days of the calendar
 * profiles. Sources: legal-rules.md § b.4 (Nordisk Ministerråd's list, offsets from Easter) and
 * peers.md § 3.3 #3. Store bededag (påskedag + 26) was abolished as a holiday from 1 January 2024
 * (L 13, vedtaget 2023), so it is a holiday only up to and including 2023.
 *
 * Pure: computed from the year alone, no tables to edit and nothing cached beyond that.
 */
import { makeIsoDate, type IsoDate } from '../domain/dates';
import type { CalendarProfile } from './types';

export type NamedDay = Readonly<{ date: IsoDate; name: string }>;

/** The last year in which store bededag was a public holiday (abolished from 1.1.2024). */
export const LAST_STORE_BEDEDAG_YEAR = 2023;

function shift(year: number, month: number, day: number, offset: number): IsoDate {
  const d = new Date(Date.UTC(year, month - 1, day + offset, 12));
  return makeIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * Easter Sunday (påskedag) by the Gregorian computus (the anonymous "Meeus/Jones/Butcher"
 * algorithm), as legal-rules.md § b.4 says the table was computed.
 */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return makeIsoDate(year, month, day);
}

/** Offsets from påskedag (legal-rules.md § b.4; peers.md § 3.3 #3). */
const EASTER_HOLIDAYS: ReadonlyArray<Readonly<{ offset: number; name: string; untilYear?: number }>> = [
  { offset: -3, name: 'skærtorsdag' },
  { offset: -2, name: 'langfredag' },
  { offset: 0, name: 'påskedag' },
  { offset: 1, name: '2. påskedag' },
  { offset: 26, name: 'store bededag', untilYear: LAST_STORE_BEDEDAG_YEAR },
  { offset: 39, name: 'Kristi himmelfartsdag' },
  { offset: 49, name: 'pinsedag' },
  { offset: 50, name: '2. pinsedag' },
];

/** Kristi himmelfartsdag + 1: a closing day in the `udvidet` profile (UDK/AUB practice, § b.3). */
const ASCENSION_OFFSET = 39;

/** The official Danish public holidays of a year, in date order. */
export function danishPublicHolidays(year: number): NamedDay[] {
  const easter = easterSunday(year);
  const [ey, em, ed] = easter.split('-').map(Number) as [number, number, number];
  const days: NamedDay[] = [{ date: makeIsoDate(year, 1, 1), name: 'nytårsdag' }];
  for (const h of EASTER_HOLIDAYS) {
    if (h.untilYear !== undefined && year > h.untilYear) continue;
    days.push({ date: shift(ey, em, ed, h.offset), name: h.name });
  }
  days.push({ date: makeIsoDate(year, 12, 25), name: 'juledag' }, { date: makeIsoDate(year, 12, 26), name: '2. juledag' });
  return days.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/**
 * The days a profile adds to the public holidays, each named with the profile that introduces it:
 * `standard` adds grundlovsdag, juleaftensdag and nytårsaftensdag (forældelseslovens § 27, stk. 2
 * treats them like holidays); `udvidet` also adds the Friday after Kristi himmelfartsdag.
 */
export function profileDays(year: number, profile: CalendarProfile): Array<NamedDay & { profile: CalendarProfile }> {
  if (profile === 'helligdage') return [];
  const days: Array<NamedDay & { profile: CalendarProfile }> = [
    { date: makeIsoDate(year, 6, 5), name: 'grundlovsdag', profile: 'standard' },
    { date: makeIsoDate(year, 12, 24), name: 'juleaftensdag', profile: 'standard' },
    { date: makeIsoDate(year, 12, 31), name: 'nytårsaftensdag', profile: 'standard' },
  ];
  if (profile === 'udvidet') {
    const [ey, em, ed] = easterSunday(year).split('-').map(Number) as [number, number, number];
    days.push({ date: shift(ey, em, ed, ASCENSION_OFFSET + 1), name: 'fredag efter Kristi himmelfartsdag', profile: 'udvidet' });
  }
  return days.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
