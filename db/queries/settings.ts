/**
 * Key/value settings. Values are TEXT (the table is STRICT); typed accessors below convert, so the
 * rest of the code never sees the raw strings.
 */
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';

/** The keys in use. A closed list, so a typo is a compile error rather than a silent new row. */
export type SettingKey =
  | 'municipality_name'
  | 'current_adviser_id'
  | 'initialized'
  | 'rule_catalog_version'
  | 'deadline_settings'
  | 'deadline_counting_version';

/** Raw value, or null when the key was never set. */
export function getSetting(db: ReadableDB, key: SettingKey): string | null {
  const row = cached(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

/** Set (insert or replace) a value. */
export function setSetting(db: WritableDB, key: SettingKey, value: string): void {
  cached(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** Remove a key (back to "never set"). */
export function clearSetting(db: WritableDB, key: SettingKey): void {
  cached(db, 'DELETE FROM settings WHERE key = ?').run(key);
}

/** The municipality's name as shown on reports; '' until set. */
export function getMunicipalityName(db: ReadableDB): string {
  return getSetting(db, 'municipality_name') ?? '';
}

export function setMunicipalityName(db: WritableDB, name: string): void {
  setSetting(db, 'municipality_name', name.trim());
}

/** The adviser working at this desk, or null. A stale id (adviser deleted) reads as null. */
export function getCurrentAdviserId(db: ReadableDB): number | null {
  const raw = getSetting(db, 'current_adviser_id');
  if (raw === null) return null;
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) return null;
  return cached(db, 'SELECT 1 FROM advisers WHERE id = ?').get(id) !== undefined ? id : null;
}

export function setCurrentAdviserId(db: WritableDB, id: number | null): void {
  if (id === null) clearSetting(db, 'current_adviser_id');
  else setSetting(db, 'current_adviser_id', String(id));
}

/** True once the default catalogue has been seeded (electron/services/seed.ts). */
export function isInitialized(db: ReadableDB): boolean {
  return getSetting(db, 'initialized') === '1';
}

export function markInitialized(db: WritableDB): void {
  setSetting(db, 'initialized', '1');
}

/** True for a database with no catalogue, advisers or cases yet: the first start, before seeding. */
export function isEmptyDatabase(db: ReadableDB): boolean {
  const row = cached(
    db,
    `SELECT (SELECT count(*) FROM forvaltninger) + (SELECT count(*) FROM themes)
          + (SELECT count(*) FROM advisers) + (SELECT count(*) FROM cases) AS n`,
  ).get() as { n: number };
  return row.n === 0;
}
