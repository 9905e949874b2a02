/**
 * Migration 0160 adds the letterhead row, the advisers' title and the seeded phrase library: an
 * adviser from version 140 signs as "Borgerrådgiver", the letterhead starts as the office's name
 * alone, and the library has phrases for every graded outcome and for shipped rules only.
 */
import { describe, expect, it } from 'vitest';
import { configureConnection } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import type { WritableDB } from '../../db/types';
import { SHIPPED_RULES } from '../../shared/rules/catalog';
import { OLD_AT } from './old-database';

function v140WithAdviser(): WritableDB {
  const db = new SqliteDriver(':memory:') as WritableDB;
  configureConnection(db, true);
  migrate(db, { file: null, list: MIGRATIONS.filter((m) => m.version <= 140) });
  db.prepare("INSERT INTO advisers (id, name, name_key, initials, email, created_at) VALUES (1, 'Mette Ærø', 'mette ærø', 'MÆ', '', ?)").run(OLD_AT);
  migrate(db, { file: null });
  return db;
}

describe('migration 0160: letterhead, adviser title, phrase library', () => {
  it('gives an existing adviser the default title and the letterhead its one row', () => {
    const db = v140WithAdviser();
    expect(db.prepare('SELECT name, title FROM advisers WHERE id = 1').get()).toEqual({ name: 'Mette Ærø', title: 'Borgerrådgiver' });
    expect(db.prepare('SELECT id, office, address_lines, contact_lines, logo, logo_media_type FROM letterhead').all())
      .toEqual([{ id: 1, office: 'Borgerrådgiveren', address_lines: '', contact_lines: '', logo: null, logo_media_type: null }]);
    db.close();
  });

  it('seeds one or two phrases per graded outcome, one per rule it names, and general ones', () => {
    const db = v140WithAdviser();
    const rows = db.prepare('SELECT scope, key, title, text, position FROM phrases ORDER BY scope, key, position').all() as Array<{
      scope: string; key: string | null; title: string; text: string; position: number;
    }>;
    const perOutcome = new Map<string, number>();
    for (const r of rows.filter((r) => r.scope === 'udfald')) perOutcome.set(r.key as string, (perOutcome.get(r.key as string) ?? 0) + 1);
    expect([...perOutcome.keys()].sort()).toEqual(['alvorlig_kritik', 'beklageligt', 'bemaerkning', 'ingen_kritik', 'kritik', 'meget_alvorlig_kritik']);
    for (const n of perOutcome.values()) expect(n).toBeGreaterThanOrEqual(1);
    for (const n of perOutcome.values()) expect(n).toBeLessThanOrEqual(2);
    const shipped = new Set(SHIPPED_RULES.map((r) => r.id));
    const ruleKeys = rows.filter((r) => r.scope === 'regel').map((r) => r.key as string);
    expect(ruleKeys.length).toBeGreaterThanOrEqual(8);
    expect(ruleKeys.filter((k) => !shipped.has(k))).toEqual([]);
    expect(new Set(ruleKeys).size).toBe(ruleKeys.length);
    expect(ruleKeys).toEqual(expect.arrayContaining(['fvl-19-partshoering', 'fvl-22-begrundelse', 'fvl-7-1-vejledning', 'ofl-13-notatpligt', 'fvl-25-klagevejledning', 'gfs-rimelig-sagsbehandlingstid']));
    const general = rows.filter((r) => r.scope === 'generel');
    expect(general.every((r) => r.key === null)).toBe(true);
    expect(general.map((r) => r.text)).toContain('Jeg har noteret mig, at forvaltningen i sin redegørelse har beklaget …');
    // Positions count 1, 2, … within a scope and key.
    expect(general.map((r) => r.position)).toEqual(general.map((_, i) => i + 1));
    db.close();
  });

  it('refuses a second letterhead row, a logo without its type, a phrase key that does not fit its scope, and an empty title', () => {
    const db = v140WithAdviser();
    expect(() => db.prepare("INSERT INTO letterhead (id, updated_at) VALUES (2, 'x')").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE letterhead SET logo = x'89504e47' WHERE id = 1").run()).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE letterhead SET logo = x'00', logo_media_type = 'image/gif' WHERE id = 1").run()).toThrow(/CHECK constraint failed/);
    const insert = db.prepare("INSERT INTO phrases (scope, key, title, text, position, created_at, updated_at) VALUES (?, ?, 'T', 'x', 1, 'x', 'x')");
    expect(() => insert.run('generel', 'kritik')).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('udfald', null)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('andet', null)).toThrow(/CHECK constraint failed/);
    expect(() => db.prepare("UPDATE advisers SET title = '' WHERE id = 1").run()).toThrow(/CHECK constraint failed/);
    db.close();
  });
});
