/**
 * Which backups to keep: the newest of each of the last 7 days, 4 ISO weeks and 12 months that have a
 * good backup (grandfather–father–son rotation), counted in Danish local time so a backup taken at
 * 00:30 on a Monday belongs to that Monday, not to Sunday in UTC. Pure, so a year of dates is tested
 * without files.
 */
import { copenhagenDate } from '../domain/dates';

export type RotationPolicy = Readonly<{ daily: number; weekly: number; monthly: number }>;

/** 7 daily, 4 weekly, 12 monthly. */
export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

export type RotationEntry = Readonly<{ file: string; created: string }>;

/** The ISO 8601 week (`2026-W01`) of a calendar date given as YYYY-MM-DD. */
export function isoWeekOf(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Thursday of the same week decides the year (ISO 8601 § 3.2.2).
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const weekYear = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(weekYear, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** The newest entry of each of the `count` most recent periods that `periodOf` gives. */
function newestPerPeriod(sorted: ReadonlyArray<RotationEntry>, periodOf: (e: RotationEntry) => string, count: number): string[] {
  const seen = new Set<string>();
  const keep: string[] = [];
  for (const e of sorted) {
    if (seen.size >= count) break;
    const period = periodOf(e);
    if (seen.has(period)) continue;
    seen.add(period);
    keep.push(e.file);
  }
  return keep;
}

/**
 * The files to keep among the good backups given; every other good backup may be deleted. The
 * newest backup is always kept, whatever the policy says.
 */
export function backupsToKeep(good: ReadonlyArray<RotationEntry>, policy: RotationPolicy = DEFAULT_ROTATION): ReadonlySet<string> {
  const sorted = [...good].filter((e) => !Number.isNaN(Date.parse(e.created))).sort((a, b) => Date.parse(b.created) - Date.parse(a.created));
  const day = (e: RotationEntry) => copenhagenDate(new Date(e.created));
  const keep = new Set<string>([
    ...newestPerPeriod(sorted, day, policy.daily),
    ...newestPerPeriod(sorted, (e) => isoWeekOf(day(e)), policy.weekly),
    ...newestPerPeriod(sorted, (e) => day(e).slice(0, 7), policy.monthly),
  ]);
  if (sorted[0]) keep.add(sorted[0].file);
  return keep;
}
