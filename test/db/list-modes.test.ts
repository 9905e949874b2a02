/**
 * The case list finds a page in one of two ways (db/queries/cases.ts, ListMode): collect-and-sort
 * ("set") or walk-the-sort-index ("walk"), chosen by selectivity for speed. They must never
 * disagree: this runs a few hundred combinations of search, filters, sort, direction and offset
 * through both and compares the pages and totals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCase, listCases } from '../../db/queries/cases';
import { reindexCases } from '../../db/queries/search-index';
import type { WritableDB } from '../../db/types';
import { defaultCaseListQuery, type CaseListQuery, type SortKey } from '../../shared/domain/case-list';
import type { CaseStatusCode, CaseTypeCode } from '../../shared/domain/vocab';
import { caseInput, NOW, org, seededDb } from './helpers';

let db: WritableDB;
let forvaltninger: number[];
let themes: number[];

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

beforeAll(() => {
  db = seededDb();
  const o = org(db);
  forvaltninger = ['Social', 'Beskæftigelse', 'Børn og Unge'].map((n) => o.forvaltning(n));
  themes = ['Aktindsigt', 'Sagsbehandlingstid', 'Partshøring'].map((n) => o.theme(n));
  const rnd = lcg(7);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const names = ['Søren Ærø', 'Åse Holm', 'Jens Østergaard', 'Birthe Jensen', 'Ole Bøg', 'Karen Møller'];
  const words = ['jobcenter', 'møde', 'aflyst', 'svar', 'ventetid', 'lægeattest'];
  const statuses: CaseStatusCode[] = ['modtaget', 'under_behandling', 'afventer_forvaltningen', 'afsluttet'];
  const ids: number[] = [];
  db.transaction(() => {
    for (let i = 0; i < 400; i++) {
      const status = pick(statuses);
      const received = `2024-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
      const points = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => ({
        forvaltningId: pick(forvaltninger), afdelingId: null, themeIds: rnd() < 0.6 ? [pick(themes)] : [],
        description: `${pick(words)} ${pick(words)}`, outcome: null,
      }));
      const input = caseInput(db, {
        receivedOn: received, status, closedOn: status === 'afsluttet' ? received : null,
        type: rnd() < 0.8 ? 'klage' : 'vejledning',
        citizen: { name: pick(names), address: '', phone: '', email: '', cpr: null },
        summary: `${pick(words)} sag ${i}`, points,
      });
      ids.push(insertCase(db, input, NOW).id);
    }
    reindexCases(db, ids);
  })();
});
afterAll(() => db.close());

describe('set and walk give the same page', () => {
  it('for a few hundred combinations of search, filters, sort and offset', () => {
    const rnd = lcg(99);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const sorts: SortKey[] = ['sagsnr', 'receivedOn', 'status', 'type', 'citizenName', 'updatedAt'];
    const types: CaseTypeCode[][] = [[], ['klage'], ['vejledning']];
    const statuses: CaseStatusCode[][] = [[], ['afsluttet'], ['modtaget', 'under_behandling']];
    let compared = 0;
    for (let i = 0; i < 300; i++) {
      const q: CaseListQuery = {
        ...defaultCaseListQuery(),
        search: pick(['', '', 'møde', 'jobc', 'søren', 'ÅSE', 'aflyst svar', 'xyz']),
        statuses: pick(statuses),
        types: pick(types),
        forvaltningId: rnd() < 0.4 ? pick(forvaltninger) : null,
        themeId: rnd() < 0.3 ? pick(themes) : null,
        receivedFrom: rnd() < 0.2 ? '2024-03-01' : null,
        receivedTo: rnd() < 0.2 ? '2024-10-31' : null,
        sort: pick(sorts),
        direction: pick(['asc', 'desc'] as const),
        offset: pick([0, 0, 7, 40]),
        limit: pick([5, 20, 100]),
      };
      const set = listCases(db, q, 'set');
      const walk = listCases(db, q, 'walk');
      expect(walk, JSON.stringify(q)).toEqual(set);
      if (set.rows.length > 0) compared++;
    }
    // The comparison is only meaningful if most queries returned rows.
    expect(compared).toBeGreaterThan(150);
  });
});
