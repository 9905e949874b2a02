/**
 * The period of an annual report (årsberetning) and its statistics: a calendar year, any twelve months
 * from the municipality's start month (Copenhagen reports April–March), or any from/to. Both ends are
 * included. Every period is compared with the previous period of the same length, and a trend looks
 * back over up to ten periods. Pure date arithmetic on ISO dates.
 */
import { z } from 'zod';
import { IsoDateSchema } from '../domain/case';
import { formatDanishDate, makeIsoDate, type IsoDate } from '../domain/dates';

export const ReportPeriodSchema = z.object({ from: IsoDateSchema, to: IsoDateSchema });
export type ReportPeriod = z.infer<typeof ReportPeriodSchema>;

export const TREND_MAX_PERIODS = 10;

function parts(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function dayNumber(iso: string): number {
  const { y, m, d } = parts(iso);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

function fromDayNumber(n: number): IsoDate {
  const dt = new Date(n * 86_400_000);
  return makeIsoDate(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** The reporting year that starts in `startMonth` (1–12) of `year`: 01.04.2025–31.03.2026 for (2025, 4). */
export function reportingYear(year: number, startMonth = 1): ReportPeriod {
  const from = makeIsoDate(year, startMonth, 1);
  const next = startMonth === 1 ? makeIsoDate(year + 1, 1, 1) : makeIsoDate(year + 1, startMonth, 1);
  return { from, to: fromDayNumber(dayNumber(next) - 1) };
}

/** True when the period runs from the first day of a month to the last day of a month. */
function wholeMonths(p: ReportPeriod): boolean {
  const a = parts(p.from);
  const next = parts(fromDayNumber(dayNumber(p.to) + 1));
  return a.d === 1 && next.d === 1;
}

function monthsBetween(p: ReportPeriod): number {
  const a = parts(p.from);
  const next = parts(fromDayNumber(dayNumber(p.to) + 1));
  return (next.y - a.y) * 12 + (next.m - a.m);
}

/**
 * The previous period of the same length, ending the day before `p` starts: a year or whole months
 * go back by the same number of months (so 2025 compares with 2024, not with 365 days that miss 31
 * December in a leap year); any other period by the same number of days.
 */
export function previousPeriod(p: ReportPeriod): ReportPeriod {
  if (wholeMonths(p)) {
    const months = monthsBetween(p);
    const a = parts(p.from);
    const total = a.y * 12 + (a.m - 1) - months;
    const from = makeIsoDate(Math.floor(total / 12), (total % 12) + 1, 1);
    return { from, to: fromDayNumber(dayNumber(p.from) - 1) };
  }
  const days = dayNumber(p.to) - dayNumber(p.from) + 1;
  return { from: fromDayNumber(dayNumber(p.from) - days), to: fromDayNumber(dayNumber(p.from) - 1) };
}

/** `count` periods ending with `p`, oldest first (the trend). */
export function trendPeriods(p: ReportPeriod, count = TREND_MAX_PERIODS): ReportPeriod[] {
  const out: ReportPeriod[] = [p];
  while (out.length < Math.min(count, TREND_MAX_PERIODS)) out.unshift(previousPeriod(out[0] as ReportPeriod));
  return out;
}

/** True when `date` lies in the period, both ends included. */
export function inPeriod(date: string | null, p: ReportPeriod): boolean {
  return date !== null && date >= p.from && date <= p.to;
}

/** "2025", "2025/26" (a reporting year from another month), or "01.02.2025–30.04.2025". */
export function periodLabel(p: ReportPeriod): string {
  const a = parts(p.from);
  if (wholeMonths(p) && monthsBetween(p) === 12) {
    return a.m === 1 ? String(a.y) : `${a.y}/${String((a.y + 1) % 100).padStart(2, '0')}`;
  }
  return `${formatDanishDate(p.from as IsoDate)}–${formatDanishDate(p.to as IsoDate)}`;
}

/** A period the adviser typed: from before or on to, at most ten years long. A Danish message or null. */
export function periodProblem(p: ReportPeriod): string | null {
  if (p.from > p.to) return 'Periodens start skal ligge før eller på dens slutning.';
  if (dayNumber(p.to) - dayNumber(p.from) > 3660) return 'En periode kan højst være ti år.';
  return null;
}
