/**
 * The column registries (db/queries/tables) list exactly the columns the migrations created, so a
 * migration that adds a column fails here until the registry — and with it the case queries, the
 * bulk import and the export — has it.
 */
import { describe, expect, it } from 'vitest';
import { REGISTERED_TABLES } from '../../db/queries/tables';
import { seededDb } from './helpers';

describe('table registries', () => {
  it('list every column of their table, and no other', () => {
    const db = seededDb();
    for (const spec of REGISTERED_TABLES) {
      const actual = (db.prepare('SELECT name FROM pragma_table_info(?)').all(spec.table) as Array<{ name: string }>).map((c) => c.name);
      expect(actual.length, spec.table).toBeGreaterThan(0);
      expect([...spec.columns].sort(), spec.table).toEqual([...actual].sort());
      // The generated INSERT is valid SQL for the table (prepare compiles it against the schema).
      expect(() => db.prepare(spec.insertSql), spec.table).not.toThrow();
    }
  });

  it('cover every table that holds a henvendelse or what follows it', () => {
    const registered = new Set(REGISTERED_TABLES.map((t) => t.table));
    const db = seededDb();
    // Every table with a foreign key to a henvendelse or a klagepunkt, directly or through another.
    const children = db.prepare(
      `SELECT DISTINCT m.name FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
        WHERE m.type = 'table' AND f."table" IN ('cases', 'complaint_points', 'requests')`,
    ).pluck().all() as string[];
    for (const t of ['cases', ...children]) expect(registered.has(t), t).toBe(true);
  });
});
