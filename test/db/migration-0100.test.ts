/**
 * Migration 0100 re-fills the search index with folded text: a case written under version 90 (its
 * name indexed with the marks) is found by the name typed without them afterwards.
 */
import { describe, expect, it } from 'vitest';
import { configureConnection } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { buildMatchQuery } from '../../db/queries/search-index';
import type { WritableDB } from '../../db/types';

const AT = '2025-01-01T00:00:00.000Z';

describe('migration 0100: the search folds diacritical marks', () => {
  it('re-indexes a version-90 case so "sukru" finds "Şükrü", and "ås" still does not find "As"', () => {
    const db = new SqliteDriver(':memory:') as WritableDB;
    configureConnection(db, true);
    migrate(db, { file: null, list: MIGRATIONS.filter((m) => m.version <= 90) });
    const insert = db.prepare(
      `INSERT INTO cases (id, sagsnr, sagsnr_key, received_on, type, citizen_name, summary, status, created_at, updated_at)
       VALUES (?, ?, ?, '2025-05-01', 'klage', ?, 'Manglende svar', 'modtaget', ?, ?)`,
    );
    insert.run(1, '2025-0001', '2025-0001', 'Şükrü Öztürk', AT, AT);
    insert.run(2, '2025-0002', '2025-0002', 'Bo As', AT, AT);
    const index = db.prepare("INSERT INTO case_fts (rowid, sagsnr, citizen, summary, body) VALUES (?, ?, ?, 'Manglende svar', '')");
    index.run(1, '2025-0001', 'Şükrü Öztürk');
    index.run(2, '2025-0002', 'Bo As');
    const find = (text: string) => db.prepare('SELECT rowid FROM case_fts WHERE case_fts MATCH ? ORDER BY rowid').pluck().all(buildMatchQuery(text));
    expect(find('sukru')).toEqual([]);

    migrate(db, { file: null });
    expect(find('sukru')).toEqual([1]);
    expect(find('Şükrü')).toEqual([1]);
    expect(find('ozturk')).toEqual([1]);
    expect(find('as')).toEqual([2]);
    expect(find('ås')).toEqual([]);
    db.close();
  });
});
