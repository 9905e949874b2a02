/** Full-text search of henvendelser: Danish letters, search-as-you-type, hostile input, CPR. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listCases } from '../../db/queries/cases';
import { buildMatchQuery, indexNewCases, rebuildSearchIndex, reindexCases } from '../../db/queries/search-index';
import type { WritableDB } from '../../db/types';
import { defaultCaseListQuery } from '../../shared/domain/case-list';
import type { CaseInput } from '../../shared/domain/case';
import { addCase, org, seededDb } from './helpers';

let db: WritableDB;
beforeEach(() => {
  db = seededDb();
});
afterEach(() => db.close());

const add = (overrides: Partial<CaseInput> = {}): number => addCase(db, overrides);

function search(text: string): number[] {
  return listCases(db, { ...defaultCaseListQuery(), search: text, sort: 'sagsnr', direction: 'asc' }).rows.map((r) => r.id);
}

describe('buildMatchQuery', () => {
  it('quotes and prefix-matches every token, ANDed', () => {
    expect(buildMatchQuery('Søren  jobcenter')).toBe('"Søren"* AND "jobcenter"*');
    expect(buildMatchQuery('2025-0001')).toBe('"2025"* AND "0001"*');
  });

  it('drops FTS5 syntax characters so they cannot act as operators', () => {
    expect(buildMatchQuery('"foo" OR bar*')).toBe('"foo"* AND "OR"* AND "bar"*');
    expect(buildMatchQuery('col:x (a) NEAR/2 ^b -c')).toBe('"col"* AND "x"* AND "a"* AND "NEAR"* AND "2"* AND "b"* AND "c"*');
  });

  it('returns null when nothing searchable is left', () => {
    expect(buildMatchQuery('')).toBeNull();
    expect(buildMatchQuery('  "*()-: ')).toBeNull();
  });

  it('composes a decomposed å into one letter', () => {
    expect(buildMatchQuery('a\u030Ar')).toBe('"år"*');
  });
});

describe('case search', () => {
  it('folds case for Æ, Ø and Å: "ærø" finds "ÆRØSKØBING", "søren" finds "Søren"', () => {
    const a = add({ citizen: { name: 'Hans Hansen', address: 'ÆRØSKØBING', phone: '', email: '', cpr: null } });
    const b = add({ citizen: { name: 'Søren Sørensen', address: 'Vejle', phone: '', email: '', cpr: null } });
    expect(search('ærø')).toEqual([a]);
    expect(search('ÆRØ')).toEqual([a]);
    expect(search('søren')).toEqual([b]);
    expect(search('SØREN')).toEqual([b]);
  });

  it('matches prefixes as the adviser types: "job" finds the Jobcenter klagepunkt', () => {
    const id = add();
    const other = add({
      points: [{ forvaltningId: org(db).forvaltning('Social'), afdelingId: null, themeIds: [], description: 'Handicapbil', outcome: null }],
      summary: 'Bil',
      description: '',
    });
    expect(search('job')).toEqual([id]);
    expect(search('j')).toContain(id);
    expect(search('handicapb')).toEqual([other]);
  });

  it('does not fold å to a', () => {
    const aase = add({ citizen: { name: 'Åse Ås', address: '', phone: '', email: '', cpr: null } });
    const ase = add({ citizen: { name: 'Ase As', address: '', phone: '', email: '', cpr: null } });
    expect(search('åse')).toEqual([aase]);
    expect(search('ase')).toEqual([ase]);
  });

  it('folds diacritical marks both ways, but keeps å, æ and ø (migration 0100)', () => {
    const sukru = add({ citizen: { name: 'Şükrü Öztürk', address: '', phone: '', email: '', cpr: null } });
    const jose = add({ citizen: { name: 'Jose Müller', address: '', phone: '', email: '', cpr: null }, summary: 'Café på rådhuset' });
    expect(search('sukru')).toEqual([sukru]);
    expect(search('Şükrü öz')).toEqual([sukru]);
    expect(search('josé')).toEqual([jose]);
    expect(search('muller')).toEqual([jose]);
    expect(search('cafe')).toEqual([jose]);
    expect(search('rådhuset')).toEqual([jose]);
    expect(search('radhuset')).toEqual([]);
  });

  it('searches theme, forvaltning and afdeling names, summary, description and the representative', () => {
    const id = add({ representative: { name: 'Advokat Ørum', relation: 'advokat', phone: '', email: '', powerOfAttorney: true } });
    expect(search('sagsbehandlingstid')).toEqual([id]);
    expect(search('beskæftigelse')).toEqual([id]);
    expect(search('fire måneder')).toEqual([id]);
    expect(search('ørum')).toEqual([id]);
    expect(search('12345678')).toEqual([id]);
  });

  it('never throws on punctuation, quotes or FTS5 operators', () => {
    add();
    for (const text of ['"', "'", '""', 'a"b', '*', '(', ')', 'NEAR(', 'AND', 'OR OR', '-', ':', '^', '{}', 'søren"*', '\\', '%_', '💥', 'col:søren']) {
      expect(() => search(text), text).not.toThrow();
    }
    expect(search('"søren"')).toHaveLength(1);
    expect(search('søren AND')).toHaveLength(0);
  });

  it('finds a CPR number exactly in its own column, in either spelling, and never through the index', () => {
    const id = add({ citizen: { name: 'Karen', address: '', phone: '', email: '', cpr: '010190-1234' } });
    add({ citizen: { name: 'Bo', address: '', phone: '', email: '', cpr: '010190-1235' } });
    expect(search('0101901234')).toEqual([id]);
    expect(search('010190-1234')).toEqual([id]);
    expect(search('010190')).toEqual([]);
    const indexed = db.prepare("SELECT count(*) FROM case_fts WHERE case_fts MATCH '\"1234\"'").pluck().get();
    expect(indexed).toBe(0);
  });

  it('drops a deleted case from the index and picks up a rename after rebuild', () => {
    const id = add();
    db.prepare('DELETE FROM cases WHERE id = ?').run(id);
    reindexCases(db, [id]);
    expect(db.prepare('SELECT count(*) FROM case_fts').pluck().get()).toBe(0);

    const id2 = add();
    db.prepare("UPDATE forvaltninger SET name = 'Arbejdsmarked', name_key = 'arbejdsmarked' WHERE name = 'Beskæftigelse'").run();
    expect(search('arbejdsmarked')).toEqual([]);
    rebuildSearchIndex(db);
    expect(search('arbejdsmarked')).toEqual([id2]);
  });
});

describe('indexing the henvendelser of a bulk import (indexNewCases)', () => {
  const indexed = () => db.prepare('SELECT count(*) FROM case_fts').pluck().get();
  const hashSize = () => db.prepare("SELECT v FROM case_fts_config WHERE k = 'hashsize'").pluck().get() ?? 1024 * 1024;

  it('indexes a run of new ids as reindexCases does, replacing an entry left under one of them', () => {
    const ids = ['Vandskade i kælderen', 'Hjemmepleje om natten', 'Parkeringstilladelse'].map((summary) => add({ summary }));
    db.prepare('DELETE FROM case_fts').run();
    db.prepare("INSERT INTO case_fts (rowid, sagsnr, citizen, summary, body) VALUES (?, '', '', 'forældet', '')").run(ids[1]);
    indexNewCases(db, ids);
    expect(indexed()).toBe(3);
    expect(search('forældet')).toEqual([]);
    expect(search('hjemmepleje')).toEqual([ids[1]]);
    expect(search('parkering')).toEqual([ids[2]]);
    // The larger in-memory index of the bulk insert is not left behind as the index's setting.
    expect(hashSize()).toBe(1024 * 1024);
  });

  it('indexes ids that are not one run through reindexCases', () => {
    const ids = ['Vandskade i kælderen', 'Hjemmepleje om natten', 'Parkeringstilladelse'].map((summary) => add({ summary }));
    db.prepare('DELETE FROM case_fts').run();
    indexNewCases(db, [ids[0] as number, ids[2] as number]);
    expect(indexed()).toBe(2);
    expect(search('vandskade')).toEqual([ids[0]]);
    expect(search('hjemmepleje')).toEqual([]);
    expect(search('parkering')).toEqual([ids[2]]);
  });
});
