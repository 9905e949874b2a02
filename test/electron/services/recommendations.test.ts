/** electron/services/recommendations.ts: the henstillinger register, its validation, filters and history. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setCatalogRetired } from '../../../db/queries/catalog';
import type { WritableDB } from '../../../db/types';
import { fixedClock } from '../../../shared/domain/dates';
import type { RecommendationInput, RecommendationQuery } from '../../../shared/domain/recommendation';
import { createCase, getCase, getCaseHistory, updateCase } from '../../../electron/services/cases';
import type { ServiceContext } from '../../../electron/services/context';
import {
  createRecommendation,
  deleteRecommendation,
  listRecommendations,
  recommendationsForCase,
  updateRecommendation,
} from '../../../electron/services/recommendations';
import { caseInput, org, seededDb, thrownAppError, serviceContext } from '../../db/helpers';

let db: WritableDB;
let ctx: ServiceContext;
/** Today is 2025-06-15 in Copenhagen. */
const NOW = '2025-06-15T10:00:00Z';

beforeEach(() => {
  db = seededDb();
  ctx = serviceContext(db, NOW);
});
afterEach(() => db.close());

/** A klage received 2025-03-10 with one klagepunkt against Beskæftigelse. */
function klage(receivedOn = '2025-03-10') {
  const c = createCase(ctx, caseInput(db, { receivedOn }));
  const point = c.points[0];
  if (!point) throw new Error('no klagepunkt');
  return { caseId: c.id, sagsnr: c.sagsnr, pointId: point.id, forvaltningId: point.forvaltningId as number };
}

function rec(k: ReturnType<typeof klage>, o: Partial<RecommendationInput> = {}): RecommendationInput {
  return {
    caseId: k.caseId,
    pointId: k.pointId,
    forvaltningId: k.forvaltningId,
    text: 'Forvaltningen bør partshøre, før der træffes afgørelse.',
    givenOn: '2025-04-01',
    status: 'afventer',
    statusOn: null,
    answer: '',
    followUpOn: null,
    ...o,
  };
}

const query = (o: Partial<RecommendationQuery> = {}): RecommendationQuery => ({ statuses: [], forvaltningId: null, followUpDue: false, givenFrom: null, givenTo: null, ...o });

it('moves the henvendelse\'s "senest ændret" but not its version when a henstilling is added, changed or deleted', () => {
  let now = '2025-06-15T10:00:00.000Z';
  ctx = { ...ctx, clock: { now: () => new Date(now) } };
  const k = klage();
  const before = getCase(ctx, k.caseId);
  now = '2025-06-15T11:00:00.000Z';
  const r = createRecommendation(ctx, rec(k));
  expect(getCase(ctx, k.caseId)).toMatchObject({ updatedAt: now, version: before.version });
  now = '2025-06-15T12:00:00.000Z';
  deleteRecommendation(ctx, r.id);
  expect(getCase(ctx, k.caseId).updatedAt).toBe(now);
});

describe('create and read', () => {
  it('returns the henstilling with sagsnr, klagepunkt number and forvaltning, and lists it on the case', () => {
    const k = klage();
    const r = createRecommendation(ctx, rec(k, { followUpOn: '2025-05-01' }));
    expect(r).toMatchObject({
      caseId: k.caseId, sagsnr: k.sagsnr, pointId: k.pointId, pointPosition: 1, forvaltning: 'Beskæftigelse',
      text: 'Forvaltningen bør partshøre, før der træffes afgørelse.', givenOn: '2025-04-01', status: 'afventer', statusOn: null, followUpOn: '2025-05-01',
      createdAt: '2025-06-15T10:00:00.000Z',
    });
    expect(recommendationsForCase(ctx, k.caseId)).toEqual([r]);
    expect(recommendationsForCase(ctx, klage().caseId)).toEqual([]);
    expect(thrownAppError(() => recommendationsForCase(ctx, 9999)).code).toBe('not_found');
  });

  it('survives the removal of its klagepunkt, then belonging to the henvendelse as a whole', () => {
    const k = klage();
    createRecommendation(ctx, rec(k));
    const d = getCase(ctx, k.caseId);
    updateCase(ctx, k.caseId, d.version, { ...caseInput(db, { sagsnr: d.sagsnr, type: 'vejledning' }), points: [] });
    expect(recommendationsForCase(ctx, k.caseId)[0]).toMatchObject({ pointId: null, pointPosition: null });
  });
});

describe('validation', () => {
  it('gives Danish messages per field and writes nothing', () => {
    const k = klage();
    const e = thrownAppError(() => createRecommendation(ctx, rec(k, { text: '  ', givenOn: '2025-06-16', status: 'fulgt', statusOn: null, followUpOn: '2025-06-01' })));
    expect(e.code).toBe('validation');
    expect(e.fields).toEqual({
      text: 'Skriv henstillingens tekst.',
      givenOn: 'Datoen for henstillingen kan ikke ligge i fremtiden.',
      statusOn: 'Angiv hvornår forvaltningen svarede.',
      followUpOn: 'Opfølgningsdatoen kan ikke ligge før henstillingen blev givet.',
    });
    expect(thrownAppError(() => createRecommendation(ctx, rec(k, { statusOn: '2025-05-01' }))).fields).toEqual({
      statusOn: 'Fjern svardatoen, eller vælg om henstillingen er fulgt.',
    });
    expect(db.prepare('SELECT count(*) FROM recommendations').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'recommendation'").pluck().get()).toBe(0);
  });

  it('checks the henvendelse, that the klagepunkt belongs to it, and the forvaltning', () => {
    const k = klage();
    const other = klage();
    expect(thrownAppError(() => createRecommendation(ctx, rec(k, { caseId: 9999, pointId: null }))).fields).toEqual({ caseId: 'Henvendelsen findes ikke. Den kan være slettet.' });
    expect(thrownAppError(() => createRecommendation(ctx, rec(k, { pointId: other.pointId, forvaltningId: 9999 }))).fields).toEqual({
      pointId: 'Klagepunktet hører ikke til denne henvendelse.',
      forvaltningId: 'Forvaltningen findes ikke.',
    });
    expect(thrownAppError(() => createRecommendation(ctx, rec(k, { givenOn: '2025-03-09' }))).fields).toEqual({
      givenOn: 'Henstillingen kan ikke være givet, før henvendelsen blev modtaget.',
    });
  });

  it('a retired forvaltning keeps its henstillinger but gets no new ones', () => {
    const k = klage();
    const r = createRecommendation(ctx, rec(k));
    setCatalogRetired(db, 'forvaltning', k.forvaltningId, true, NOW);
    expect(thrownAppError(() => createRecommendation(ctx, rec(k))).fields).toEqual({
      forvaltningId: 'Forvaltningen er markeret som udgået og kan ikke vælges til nye registreringer.',
    });
    expect(updateRecommendation(ctx, r.id, rec(k, { status: 'fulgt', statusOn: '2025-05-02' })).status).toBe('fulgt');
  });

  it('cannot move a henstilling to another henvendelse', () => {
    const k = klage();
    const r = createRecommendation(ctx, rec(k));
    const other = klage();
    expect(thrownAppError(() => updateRecommendation(ctx, r.id, rec(other))).fields).toEqual({ caseId: 'En henstilling kan ikke flyttes til en anden henvendelse.' });
    expect(thrownAppError(() => updateRecommendation(ctx, 9999, rec(k))).code).toBe('not_found');
    expect(thrownAppError(() => deleteRecommendation(ctx, 9999)).code).toBe('not_found');
  });
});

describe('history of the henvendelse', () => {
  it('records given, changed (field by field) and deleted; an unchanged save adds nothing', () => {
    const k = klage();
    const r = createRecommendation(ctx, rec(k));
    const entries = () => getCaseHistory(ctx, k.caseId).filter((h) => h.action.startsWith('Henstilling'));
    expect(entries()[0]).toMatchObject({
      action: 'Henstilling givet',
      actor: 'Mette Rådgiver',
      changes: [
        { field: 'Tekst', before: '', after: 'Forvaltningen bør partshøre, før der træffes afgørelse.' },
        { field: 'Forvaltning', before: '', after: 'Beskæftigelse' },
        { field: 'Klagepunkt', before: '', after: 'Klagepunkt 1' },
        { field: 'Givet', before: '', after: '01.04.2025' },
        { field: 'Status', before: '', after: 'Afventer' },
      ],
    });

    updateRecommendation(ctx, r.id, rec(k, { status: 'fulgt', statusOn: '2025-05-02', answer: 'Vi partshører fremover.' }));
    expect(entries()[0]).toMatchObject({
      action: 'Henstilling ændret',
      changes: [
        { field: 'Status', before: 'Afventer', after: 'Fulgt' },
        { field: 'Svardato', before: '', after: '02.05.2025' },
        { field: 'Forvaltningens svar', before: '', after: 'Vi partshører fremover.' },
      ],
    });

    updateRecommendation(ctx, r.id, rec(k, { status: 'fulgt', statusOn: '2025-05-02', answer: 'Vi partshører fremover.' }));
    expect(entries()).toHaveLength(2);

    deleteRecommendation(ctx, r.id);
    expect(recommendationsForCase(ctx, k.caseId)).toEqual([]);
    expect(entries()[0]).toMatchObject({ action: 'Henstilling slettet' });
    expect(entries()[0]?.changes).toContainEqual({ field: 'Status', before: 'Fulgt', after: '' });
  });
});

describe('the register', () => {
  it('filters by status, forvaltning, due follow-up (by the clock) and period, newest first', () => {
    const o = org(db);
    const k = klage('2025-01-05');
    const social = o.forvaltning('Social');
    const a = createRecommendation(ctx, rec(k, { givenOn: '2025-02-01', followUpOn: '2025-06-15' })); // due today
    const b = createRecommendation(ctx, rec(k, { givenOn: '2025-03-01', followUpOn: '2025-06-16' })); // due tomorrow
    const c = createRecommendation(ctx, rec(k, { givenOn: '2025-03-01', forvaltningId: social, pointId: null, followUpOn: '2025-04-01' })); // due, same day as b
    const d = createRecommendation(ctx, rec(k, { givenOn: '2025-04-01', status: 'fulgt', statusOn: '2025-05-01', followUpOn: '2025-04-15' })); // answered
    const e = createRecommendation(ctx, rec(k, { givenOn: '2025-05-01', status: 'ikke_fulgt', statusOn: '2025-05-20' }));
    const f = createRecommendation(ctx, rec(k, { givenOn: '2025-01-10' })); // no follow-up date
    const ids = (q: Partial<RecommendationQuery>) => listRecommendations(ctx, query(q)).map((r) => r.id);

    expect(ids({})).toEqual([e.id, d.id, c.id, b.id, a.id, f.id]);
    expect(ids({ statuses: ['fulgt', 'ikke_fulgt'] })).toEqual([e.id, d.id]);
    expect(ids({ statuses: ['afventer'] })).toEqual([c.id, b.id, a.id, f.id]);
    expect(ids({ forvaltningId: social })).toEqual([c.id]);
    expect(ids({ followUpDue: true })).toEqual([c.id, a.id]);
    expect(ids({ givenFrom: '2025-03-01', givenTo: '2025-04-01' })).toEqual([d.id, c.id, b.id]);
    expect(ids({ followUpDue: true, forvaltningId: social, givenTo: '2025-02-28' })).toEqual([]);

    // Tomorrow b falls due as well.
    ctx = { ...ctx, clock: fixedClock('2025-06-16T08:00:00Z') };
    expect(ids({ followUpDue: true })).toEqual([c.id, b.id, a.id]);
  });
});
