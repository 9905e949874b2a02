/**
 * Danish text for deadlines: amounts like "4 uger" or "1 måned" (parsed and formatted), weekday and
 * month names, dates written dd.mm.åååå for the adviser (legal-rules.md § b.2 uses these spellings)
 * and "mandag den 30. juni 2025" for letters.
 */
import { formatDanishDate, type IsoDate } from '../domain/dates';
import type { DeadlineUnitCode } from '../domain/rule';
import { weekdayIndex } from './calendar';
import type { CalendarProfile, DeadlineSpec } from './types';

export { formatDanishDate };

/** Singular and plural per unit; the plural is the vocabulary label in shared/domain/rule.ts. */
const UNIT_WORDS: Readonly<Record<DeadlineUnitCode, Readonly<{ one: string; many: string }>>> = {
  arbejdsdage: { one: 'arbejdsdag', many: 'arbejdsdage' },
  dage: { one: 'dag', many: 'dage' },
  uger: { one: 'uge', many: 'uger' },
  maaneder: { one: 'måned', many: 'måneder' },
};

/** The largest amount a DeadlineSpec allows (types.ts). */
export const MAX_DEADLINE_AMOUNT = 10000;

const AMOUNT_RE = /^(\d{1,6})\s*([a-zæøå]+)$/;

const WORD_TO_UNIT: ReadonlyMap<string, DeadlineUnitCode> = new Map<string, DeadlineUnitCode>([
  ['arbejdsdag', 'arbejdsdage'],
  ['arbejdsdage', 'arbejdsdage'],
  ['dag', 'dage'],
  ['dage', 'dage'],
  ['uge', 'uger'],
  ['uger', 'uger'],
  ['måned', 'maaneder'],
  ['måneder', 'maaneder'],
  // The unit code, and the usual spelling without å.
  ['maaned', 'maaneder'],
  ['maaneder', 'maaneder'],
]);

/**
 * "10 arbejdsdage", "1 arbejdsdag", "4 uger", "1 uge", "3 dage", "1 måned", "2 måneder" → amount and
 * unit; case-insensitive, singular or plural, spaces optional. Null for anything else (including an
 * amount above 10000).
 */
export function parseDeadlineAmount(text: string): { amount: number; unit: DeadlineUnitCode } | null {
  const m = AMOUNT_RE.exec(text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' '));
  if (!m) return null;
  const amount = Number(m[1]);
  const unit = WORD_TO_UNIT.get(m[2] as string);
  if (unit === undefined || amount > MAX_DEADLINE_AMOUNT) return null;
  return { amount, unit };
}

/** The unit word for an amount: "1 måned" but "2 måneder", "0 arbejdsdage". */
export function unitWord(amount: number, unit: DeadlineUnitCode): string {
  const w = UNIT_WORDS[unit];
  return Math.abs(amount) === 1 ? w.one : w.many;
}

/** "10 arbejdsdage", "1 måned". */
export function formatSpec(spec: Pick<DeadlineSpec, 'amount' | 'unit'>): string {
  return `${spec.amount} ${unitWord(spec.amount, spec.unit)}`;
}

export const WEEKDAYS_DA = ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'] as const;
export const MONTHS_DA = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'] as const;

/** "mandag" for 2025-05-26. */
export function danishWeekday(date: IsoDate): string {
  return WEEKDAYS_DA[weekdayIndex(date)] as string;
}

/** "februar 2025" for any date in February 2025. */
export function danishMonthYear(date: IsoDate): string {
  return `${MONTHS_DA[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}`;
}

/** "mandag 26.05.2025". */
export function formatDanishDateWithWeekday(date: IsoDate): string {
  return `${danishWeekday(date)} ${formatDanishDate(date)}`;
}

/** First letter upper-case, for a weekday that starts a sentence ("Mandag 26.05.2025 …"). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "30. juni 2025": a date as a letter writes it (a letter puts "den" before it). */
export function formatDanishLetterDate(date: IsoDate): string {
  return `${Number(date.slice(8, 10))}. ${MONTHS_DA[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}`;
}

/** "mandag den 30. juni 2025". */
export function formatDanishLetterDateWithWeekday(date: IsoDate): string {
  return `${danishWeekday(date)} den ${formatDanishLetterDate(date)}`;
}

/** "a, b og c". */
export function danishList(items: ReadonlyArray<string>): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items[items.length - 1] ?? ''}`;
}

/** The days a calendar profile adds to weekends and public holidays, in words (holidays.ts profileDays). */
export const PROFILE_EXTRA_DAYS: Readonly<Record<CalendarProfile, ReadonlyArray<string>>> = {
  helligdage: [],
  standard: ['grundlovsdag', 'juleaftensdag', 'nytårsaftensdag'],
  udvidet: ['grundlovsdag', 'juleaftensdag', 'nytårsaftensdag', 'fredag efter Kristi himmelfartsdag'],
};
