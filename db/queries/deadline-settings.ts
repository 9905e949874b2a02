/**
 * The deadline settings: the scalar settings as one JSON value under the `deadline_settings` key, the
 * municipality's closing days in their own table (migration 0040). Read by the deadline services
 * and by the bulk import (an empty `svarfrist` is computed from the default request deadline).
 */
import type { z } from 'zod';
import { DEFAULT_ANSWER_POLICY, DEFAULT_LOOKAHEAD_DAYS, DeadlineSettingsSchema, type DeadlineSettings } from '../../shared/domain/deadline-tracking';
import type { ClosingDay } from '../../shared/deadlines/types';
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';
import { getSetting, setSetting } from './settings';

/** What the settings are until the adviser saves them. */
export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = {
  // A common municipal answer policy: the forvaltning has 10 working days for a statement.
  requestDefault: { amount: 10, unit: 'arbejdsdage', rollForward: false, profile: 'standard' },
  soonWorkingDays: 2,
  longOverdueWorkingDays: 10,
  adviserTarget: null,
  // Ankestyrelsen's 2018 guidance on computing klagefrister: a letter is presumed received 6
  // hverdage after its date (legal-rules.md § b.1). Later Ankestyrelsen pages use other rules, hence
  // a setting rather than a constant.
  letterPresumptionWorkingDays: 6,
  // The common municipal promise of an answer within 14 days (legal-rules.md, gfs-14-dages-svar);
  // settings saved before it existed get it too, field by field (storedScalars).
  answerPolicy: DEFAULT_ANSWER_POLICY,
  // The Frister overview's "Næste 14 dage": two weeks covers a request's usual 10 arbejdsdage.
  lookaheadDays: DEFAULT_LOOKAHEAD_DAYS,
  closingDays: [],
};

const StoredSchema = DeadlineSettingsSchema.omit({ closingDays: true });
type Stored = z.infer<typeof StoredSchema>;

/** The scalar settings; the defaults for any key never saved or a damaged value. */
function storedScalars(db: ReadableDB): Stored {
  const { closingDays: _ignored, ...defaults } = DEFAULT_DEADLINE_SETTINGS;
  const raw = getSetting(db, 'deadline_settings');
  if (raw === null) return defaults;
  try {
    // Field by field, so a value written by an older version with one field missing keeps the rest.
    const parsed = StoredSchema.partial().safeParse(JSON.parse(raw));
    return parsed.success ? { ...defaults, ...stripUndefined(parsed.data) } : defaults;
  } catch {
    return defaults;
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The closing days, in date order. */
export function closingDays(db: ReadableDB): ClosingDay[] {
  return cached(db, 'SELECT date, reason FROM closing_days ORDER BY date').all() as ClosingDay[];
}

export function readDeadlineSettings(db: ReadableDB): DeadlineSettings {
  return { ...storedScalars(db), closingDays: closingDays(db) };
}

/** Store the settings; closing days not in the list are removed, new ones added, reasons updated. */
export function writeDeadlineSettings(db: WritableDB, settings: DeadlineSettings, nowIso: string): void {
  const { closingDays: days, ...scalars } = settings;
  setSetting(db, 'deadline_settings', JSON.stringify(scalars));
  cached(db, 'DELETE FROM closing_days WHERE date NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify(days.map((d) => d.date)));
  const upsert = cached(
    db,
    'INSERT INTO closing_days (date, reason, created_at) VALUES (?, ?, ?) ON CONFLICT (date) DO UPDATE SET reason = excluded.reason',
  );
  for (const d of days) upsert.run(d.date, d.reason.trim(), nowIso);
}
