/**
 * Migration 0020 replaces the full-text table: a database written by version 10 must come out
 * with a contentless index that still finds every case by each part of its text.
 */
import { describe, expect, it } from 'vitest';
import { configureConnection } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { migrate } from '../../db/migrate';
import { LATEST_VERSION, MIGRATIONS } from '../../db/migrations';
import type { WritableDB } from '../../db/types';

const AT = '2025-01-01T00:00:00.000Z';

describe('migration 0020: contentless search index', () => {
  it('re-indexes the cases of a version-10 database from their tables', () => {
    const db = new SqliteDriver(':memory:') as WritableDB;
    configureConnection(db, true);
    migrate(db, { file: null, list: MIGRATIONS.filter((m) => m.version <= 10) });
    expect(db.pragma('user_version', { simple: true })).toBe(10);

    db.prepare("INSERT INTO forvaltninger (id, name, name_key, created_at) VALUES (1, 'Teknik og Miljø', 'teknik og miljø', ?)").run(AT);
    db.prepare("INSERT INTO afdelinger (id, forvaltning_id, name, name_key, created_at) VALUES (1, 1, 'Byggesag', 'byggesag', ?)").run(AT);
    db.prepare("INSERT INTO themes (id, name, name_key, created_at) VALUES (1, 'Aktindsigt', 'aktindsigt', ?)").run(AT);
    db.prepare(
      `INSERT INTO cases (id, sagsnr, sagsnr_key, received_on, type, citizen_name, citizen_phone, rep_name, summary, status, created_at, updated_at)
       VALUES (7, '2024-0042', '2024-0042', '2024-05-01', 'klage', 'Åse Ærenlund', '12 34 56 78', 'Bo Bisidder', 'Carport', 'modtaget', ?, ?)`,
    ).run(AT, AT);
    db.prepare("INSERT INTO complaint_points (id, case_id, position, forvaltning_id, afdeling_id, description, created_at, updated_at) VALUES (1, 7, 1, 1, 1, 'Tegningerne forsvandt', ?, ?)").run(AT, AT);
    db.prepare('INSERT INTO complaint_point_themes (point_id, theme_id) VALUES (1, 1)').run();
    db.prepare("INSERT INTO case_fts (rowid, sagsnr, citizen, summary, body) VALUES (7, '2024-0042', 'Åse Ærenlund', 'Carport', '')").run();

    const result = migrate(db, { file: null });
    expect(result).toMatchObject({ from: 10, to: LATEST_VERSION });
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'case_fts%'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).not.toContain('case_fts_content');

    const find = (q: string) => db.prepare('SELECT rowid FROM case_fts WHERE case_fts MATCH ?').pluck().all(q);
    for (const q of ['"2024"* "0042"*', '"ærenlund"*', '"12345678"', '"bisidder"', '"carport"', '"tegningerne"', '"byggesag"', '"teknik"', '"aktindsigt"']) {
      expect(find(q), q).toEqual([7]);
    }
    // Contentless with contentless_delete=1: a single case can still be taken out by rowid.
    db.prepare('DELETE FROM case_fts WHERE rowid = 7').run();
    expect(find('"carport"')).toEqual([]);
    db.close();
  });
});
