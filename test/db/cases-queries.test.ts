/** db/queries/cases.ts: storing, numbering, concurrency and the list query. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCaseCpr, getCaseDetail, insertCase, listCases, nextSagsnr, updateCase } from '../../db/queries/cases';
import type { WritableDB } from '../../db/types';
import { defaultCaseListQuery, type CaseListQuery } from '../../shared/domain/case-list';
import type { CaseInput } from '../../shared/domain/case';
import { addCase, caseInput, NOW, org, seededDb, thrownAppError } from './helpers';

let db: WritableDB;
beforeEach(() => {
  db = seededDb();
});
afterEach(() => db.close());

const add = (overrides: Partial<CaseInput> = {}): number => addCase(db, overrides);

function list(q: Partial<CaseListQuery> = {}) {
  return listCases(db, { ...defaultCaseListQuery(), ...q });
}

const thrown = thrownAppError;

describe('sagsnr', () => {
  it('numbers per year of receipt, continuing after the highest number of that year', () => {
    expect(nextSagsnr(db, '2025-01-01')).toBe('2025-0001');
    add({ receivedOn: '2025-02-01' });
    add({ receivedOn: '2025-02-02' });
    add({ receivedOn: '2024-12-31' });
    add({ sagsnr: '2025-0040', receivedOn: '2025-03-01' });
    add({ sagsnr: 'J.nr. 17/4', receivedOn: '2025-03-01' });
    expect(nextSagsnr(db, '2025-12-31')).toBe('2025-0041');
    expect(nextSagsnr(db, '2024-05-05')).toBe('2024-0002');
    expect(nextSagsnr(db, '2026-01-01')).toBe('2026-0001');
  });

  it('refuses a sagsnr already used, ignoring case, on the sagsnr field', () => {
    add({ sagsnr: 'Ærø-1' });
    const e = thrown(() => insertCase(db, caseInput(db, { sagsnr: 'ærø-1' }), NOW));
    expect(e.code).toBe('conflict');
    expect(e.fields?.['sagsnr']).toBe('Sagsnummeret ærø-1 er allerede brugt af en anden henvendelse.');
  });
});

describe('read and write', () => {
  it('stores a case with its klagepunkter and themes and masks the CPR', () => {
    const o = org(db);
    const id = add({
      citizen: { name: 'Åse', address: '', phone: '', email: '', cpr: '010190-1234' },
      representative: { name: 'Bo', relation: 'søn', phone: '', email: '', powerOfAttorney: true },
    });
    const d = getCaseDetail(db, id);
    expect(d?.sagsnr).toBe('2025-0001');
    expect(d?.version).toBe(1);
    expect(d?.citizen.cprMasked).toBe('010190-••••');
    expect(JSON.stringify(d)).not.toContain('1234');
    expect(getCaseCpr(db, id)).toBe('010190-1234');
    expect(d?.representative).toEqual({ name: 'Bo', relation: 'søn', phone: '', email: '', powerOfAttorney: true });
    expect(d?.points).toHaveLength(1);
    expect(d?.points[0]?.themeIds).toEqual([o.theme('Sagsbehandlingstid')]);
    expect(getCaseDetail(db, 9999)).toBeNull();
    expect(getCaseCpr(db, 9999)).toBeUndefined();
  });

  it('updates only at the expected version and bumps it', () => {
    const id = add();
    const input = caseInput(db, { summary: 'Ny' });
    updateCase(db, id, 1, { ...input, sagsnr: '2025-0001' }, NOW);
    expect(getCaseDetail(db, id)?.version).toBe(2);
    const e = thrown(() => updateCase(db, id, 1, { ...input, sagsnr: '2025-0001', summary: 'Anden' }, NOW));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('Sagen er ændret et andet sted, siden du åbnede den. Genindlæs og prøv igen.');
    expect(getCaseDetail(db, id)?.summary).toBe('Ny');
  });

  it('adds, changes, reorders and removes klagepunkter by id', () => {
    const o = org(db);
    const id = add();
    const first = getCaseDetail(db, id)?.points[0];
    const base = caseInput(db, { sagsnr: '2025-0001' });
    updateCase(
      db,
      id,
      1,
      {
        ...base,
        points: [
          { forvaltningId: o.forvaltning('Social'), afdelingId: null, themeIds: [o.theme('Vejledning')], description: 'Ny', outcome: null },
          { id: first?.id, forvaltningId: o.forvaltning('Beskæftigelse'), afdelingId: null, themeIds: [], description: 'Ændret', outcome: 'kritik' },
        ],
      },
      NOW,
    );
    const after = getCaseDetail(db, id)?.points ?? [];
    expect(after.map((p) => [p.position, p.description, p.outcome])).toEqual([
      [1, 'Ny', null],
      [2, 'Ændret', 'kritik'],
    ]);
    expect(after[1]?.id).toBe(first?.id);
    expect(after[1]?.themeIds).toEqual([]);

    updateCase(db, id, 2, { ...base, points: [] , type: 'vejledning'}, NOW);
    expect(getCaseDetail(db, id)?.points).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM complaint_point_themes').pluck().get()).toBe(0);
  });

  it('refuses a klagepunkt id from another case', () => {
    const a = add();
    const b = add();
    const foreign = getCaseDetail(db, b)?.points[0]?.id;
    const input = caseInput(db, { sagsnr: '2025-0001' });
    const e = thrown(() => updateCase(db, a, 1, { ...input, points: [{ ...(input.points[0] as CaseInput['points'][number]), id: foreign }] }, NOW));
    expect(e.code).toBe('bad_request');
    expect(getCaseDetail(db, b)?.points).toHaveLength(1);
  });
});

describe('listCases', () => {
  it('filters by status, type, forvaltning, theme and period, and counts the total', () => {
    const o = org(db);
    const a = add({ receivedOn: '2025-01-05', status: 'modtaget' });
    const b = add({
      receivedOn: '2025-02-05',
      status: 'under_behandling',
      points: [{ forvaltningId: o.forvaltning('Social'), afdelingId: null, themeIds: [o.theme('Aktindsigt')], description: '', outcome: null }],
    });
    const c = add({ receivedOn: '2025-03-05', type: 'vejledning', points: [] });

    expect(list({ statuses: ['under_behandling'] }).rows.map((r) => r.id)).toEqual([b]);
    expect(list({ types: ['vejledning'] }).rows.map((r) => r.id)).toEqual([c]);
    expect(list({ forvaltningId: o.forvaltning('Social') }).rows.map((r) => r.id)).toEqual([b]);
    expect(list({ themeId: o.theme('Sagsbehandlingstid') }).rows.map((r) => r.id)).toEqual([a]);
    expect(list({ receivedFrom: '2025-02-01', receivedTo: '2025-03-05' }).rows.map((r) => r.id)).toEqual([c, b]);
    expect(list({ receivedFrom: '2025-02-01', receivedTo: '2025-03-04' }).total).toBe(1);
    expect(list().total).toBe(3);
  });

  it('computes forvaltninger (distinct, in klagepunkt order) and pointCount per row', () => {
    const o = org(db);
    const point = (f: string) => ({ forvaltningId: o.forvaltning(f), afdelingId: null, themeIds: [], description: '', outcome: null });
    const id = add({ points: [point('Social'), point('Beskæftigelse'), point('Social')] });
    add({ type: 'vejledning', points: [] });
    const rows = list({ sort: 'sagsnr', direction: 'asc' }).rows;
    expect(rows[0]).toMatchObject({ id, forvaltninger: 'Social, Beskæftigelse', pointCount: 3 });
    expect(rows[1]).toMatchObject({ forvaltninger: '', pointCount: 0 });
  });

  it('sorts citizen names in Danish order (æ, ø, å after z) both ways', () => {
    for (const name of ['Åse', 'Ørsted', 'Zacho', 'Ærø', 'anders', 'Bo']) add({ citizen: { name, address: '', phone: '', email: '', cpr: null } });
    const names = (direction: 'asc' | 'desc') => list({ sort: 'citizenName', direction }).rows.map((r) => r.citizenName);
    expect(names('asc')).toEqual(['anders', 'Bo', 'Zacho', 'Ærø', 'Ørsted', 'Åse']);
    expect(names('desc')).toEqual(['Åse', 'Ørsted', 'Ærø', 'Zacho', 'Bo', 'anders']);
  });

  it('pages with a stable tie-break on id', () => {
    const ids = Array.from({ length: 7 }, () => add({ receivedOn: '2025-04-01' }));
    const page1 = list({ sort: 'receivedOn', direction: 'asc', limit: 3, offset: 0 });
    const page2 = list({ sort: 'receivedOn', direction: 'asc', limit: 3, offset: 3 });
    const page3 = list({ sort: 'receivedOn', direction: 'asc', limit: 3, offset: 6 });
    expect([...page1.rows, ...page2.rows, ...page3.rows].map((r) => r.id)).toEqual(ids);
    expect(page1.total).toBe(7);
    expect(list({ offset: 50 }).rows).toEqual([]);
  });

  it('sorts by every sort key without error', () => {
    add({ status: 'afsluttet', closedOn: '2025-03-20' });
    add({ status: 'modtaget' });
    for (const sort of ['sagsnr', 'receivedOn', 'status', 'type', 'citizenName', 'updatedAt'] as const) {
      expect(list({ sort, direction: 'asc' }).rows).toHaveLength(2);
    }
    expect(list({ sort: 'status', direction: 'asc' }).rows.map((r) => r.status)).toEqual(['afsluttet', 'modtaget']);
  });
});
