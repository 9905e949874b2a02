/** electron/services/cases.ts: validation, numbering, concurrency, history and CPR handling. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/domain/dates';
import type { CaseInput } from '../../../shared/domain/case';
import { openApp, type OpenedApp } from '../../../electron/services/open-app';
import { createCase, getCase, getCaseHistory, listCases, nextSagsnr, revealCpr, updateCase } from '../../../electron/services/cases';
import { defaultCaseListQuery } from '../../../shared/domain/case-list';
import { caseInput, org, thrownAppError } from '../../db/helpers';

let app: OpenedApp;
let actor = 'Mette Rådgiver';
beforeEach(() => {
  actor = 'Mette Rådgiver';
  app = openApp({ file: ':memory:', mode: 'test', clock: fixedClock('2025-06-15T10:00:00Z'), actor: () => actor });
});
afterEach(() => app.close());

const input = (o: Partial<CaseInput> = {}) => caseInput(app.ctx.db, o);

const thrown = thrownAppError;

describe('validation', () => {
  it('refuses invalid input with Danish messages per field and writes nothing', () => {
    const e = thrown(() =>
      createCase(
        app.ctx,
        input({
          receivedOn: '2025-07-01',
          summary: ' ',
          citizen: { name: 'X', address: '', phone: 'abc', email: 'ikke-en-mail', cpr: '320190-1234' },
          points: [],
        }),
      ),
    );
    expect(e.code).toBe('validation');
    expect(e.fields).toMatchObject({
      receivedOn: 'Modtagelsesdatoen kan ikke ligge i fremtiden.',
      summary: 'Skriv et kort resumé af henvendelsen.',
      'citizen.email': 'E-mailadressen ser ikke rigtig ud (fx navn@eksempel.dk).',
      'citizen.cpr': 'CPR-nummerets første seks cifre (320190) er ikke en gyldig dato.',
      points: 'En klage skal have mindst ét klagepunkt.',
    });
    expect(e.fields?.['citizen.phone']).toMatch(/^Telefonnummeret/);
    expect(listCases(app.ctx, defaultCaseListQuery()).total).toBe(0);
  });

  it('checks organisation ids against the database', () => {
    const o = org(app.ctx.db);
    const e = thrown(() =>
      createCase(
        app.ctx,
        input({
          points: [{ forvaltningId: o.forvaltning('Social'), afdelingId: o.afdeling('Beskæftigelse', 'Jobcenter'), themeIds: [9999], description: '', outcome: null }],
          adviserId: 9999,
        }),
      ),
    );
    expect(e.fields).toEqual({
      'points.0.afdelingId': 'Klagepunkt 1: afdelingen hører ikke under den valgte forvaltning.',
      'points.0.themeIds': 'Klagepunkt 1: et af temaerne findes ikke.',
      adviserId: 'Rådgiveren findes ikke.',
    });
  });
});

describe('sagsnr', () => {
  it('generates ÅÅÅÅ-NNNN per year of receipt and previews the next', () => {
    expect(nextSagsnr(app.ctx, '2025-01-01')).toBe('2025-0001');
    expect(createCase(app.ctx, input({ receivedOn: '2025-01-02' })).sagsnr).toBe('2025-0001');
    expect(createCase(app.ctx, input({ receivedOn: '2025-03-02' })).sagsnr).toBe('2025-0002');
    expect(createCase(app.ctx, input({ receivedOn: '2024-12-30' })).sagsnr).toBe('2024-0001');
    expect(nextSagsnr(app.ctx, '2025-05-05')).toBe('2025-0003');
  });

  it('refuses a duplicate sagsnr on create and update, ignoring case', () => {
    createCase(app.ctx, input({ sagsnr: 'BR-Å-1' }));
    const other = createCase(app.ctx, input());
    expect(thrown(() => createCase(app.ctx, input({ sagsnr: 'br-å-1' }))).fields?.['sagsnr']).toMatch(/allerede brugt/);
    const e = thrown(() => updateCase(app.ctx, other.id, other.version, input({ sagsnr: 'BR-å-1' })));
    expect(e.code).toBe('conflict');
    expect(e.fields?.['sagsnr']).toBe('Sagsnummeret BR-å-1 er allerede brugt af en anden henvendelse.');
  });
});

describe('sagsnr on update', () => {
  it('keeps the existing number when the field is sent empty', () => {
    const c = createCase(app.ctx, input({ receivedOn: '2025-01-02' }));
    createCase(app.ctx, input());
    const points = c.points.map(({ id, forvaltningId, afdelingId, themeIds, description, outcome }) => ({ id, forvaltningId, afdelingId, themeIds, description, outcome }));
    const u = updateCase(app.ctx, c.id, c.version, input({ sagsnr: '', receivedOn: '2025-01-02', summary: 'Nyt', points }));
    expect(u.sagsnr).toBe('2025-0001');
    expect(getCaseHistory(app.ctx, c.id)[0]?.changes).toEqual([{ field: 'Resumé', before: 'Klage over lang sagsbehandlingstid', after: 'Nyt' }]);
  });
});

describe('optimistic concurrency', () => {
  it('refuses an update made from a stale version', () => {
    const c = createCase(app.ctx, input());
    const first = updateCase(app.ctx, c.id, c.version, { ...input({ status: 'under_behandling' }), sagsnr: c.sagsnr });
    expect(first.version).toBe(c.version + 1);
    const e = thrown(() => updateCase(app.ctx, c.id, c.version, { ...input({ summary: 'Overskriver' }), sagsnr: c.sagsnr }));
    expect(e).toMatchObject({ code: 'conflict', message: 'Sagen er ændret et andet sted, siden du åbnede den. Genindlæs og prøv igen.' });
    expect(getCase(app.ctx, c.id).summary).toBe('Klage over lang sagsbehandlingstid');
    expect(getCaseHistory(app.ctx, c.id)).toHaveLength(2);
  });

  it('answers not_found for a case that does not exist', () => {
    expect(thrown(() => getCase(app.ctx, 4242)).code).toBe('not_found');
    expect(thrown(() => updateCase(app.ctx, 4242, 1, input())).code).toBe('not_found');
  });
});

describe('history', () => {
  it('records creation and a Danish field-by-field diff with the actor, newest first', () => {
    const c = createCase(app.ctx, input());
    actor = 'Jens Jensen';
    updateCase(app.ctx, c.id, c.version, { ...input({ status: 'under_behandling', channel: 'email' }), sagsnr: c.sagsnr });
    const h = getCaseHistory(app.ctx, c.id);
    expect(h.map((e) => [e.action, e.actor])).toEqual([
      ['Ændret', 'Jens Jensen'],
      ['Oprettet', 'Mette Rådgiver'],
    ]);
    expect(h[0]?.changes).toEqual([
      { field: 'Kanal', before: 'Telefon', after: 'E-mail' },
      { field: 'Status', before: 'Modtaget', after: 'Under behandling' },
    ]);
    expect(h[0]?.at).toBe('2025-06-15T10:00:00.000Z');
    expect(h[1]?.changes).toContainEqual({ field: 'Modtagelsesdato', before: '', after: '10.03.2025' });
    expect(h[1]?.changes).toContainEqual({ field: 'Klagepunkt 1: Forvaltning', before: '', after: 'Beskæftigelse' });
  });

  it('describes klagepunkter added, changed and removed', () => {
    const o = org(app.ctx.db);
    const c = createCase(app.ctx, input());
    const kept = c.points[0];
    const updated = updateCase(app.ctx, c.id, c.version, {
      ...input(),
      sagsnr: c.sagsnr,
      points: [
        { id: kept?.id, forvaltningId: o.forvaltning('Beskæftigelse'), afdelingId: o.afdeling('Beskæftigelse', 'Ydelsescenter'), themeIds: [o.theme('Sagsbehandlingstid'), o.theme('Vejledning')], description: kept?.description ?? '', outcome: 'kritik' },
        { forvaltningId: o.forvaltning('Social'), afdelingId: null, themeIds: [], description: 'Nyt punkt', outcome: null },
      ],
    });
    let changes = getCaseHistory(app.ctx, c.id)[0]?.changes;
    expect(changes).toEqual([
      { field: 'Klagepunkt 1: Afdeling', before: 'Jobcenter', after: 'Ydelsescenter' },
      { field: 'Klagepunkt 1: Temaer', before: 'Sagsbehandlingstid', after: 'Sagsbehandlingstid, Vejledning' },
      { field: 'Klagepunkt 1: Udfald', before: '', after: 'Kritisabelt' },
      { field: 'Klagepunkt 2', before: '', after: 'tilføjet' },
      { field: 'Klagepunkt 2: Forvaltning', before: '', after: 'Social' },
      { field: 'Klagepunkt 2: Beskrivelse', before: '', after: 'Nyt punkt' },
    ]);

    const second = updated.points[1];
    updateCase(app.ctx, c.id, updated.version, {
      ...input(),
      sagsnr: c.sagsnr,
      points: [{ id: second?.id, forvaltningId: o.forvaltning('Social'), afdelingId: null, themeIds: [], description: 'Nyt punkt', outcome: null }],
    });
    changes = getCaseHistory(app.ctx, c.id)[0]?.changes;
    expect(changes).toEqual([
      { field: 'Klagepunkt 1: Nummer', before: '2', after: '1' },
      { field: 'Klagepunkt 1', before: 'Beskæftigelse: Ingen afgørelse efter fire måneder.', after: 'fjernet' },
    ]);
    expect(getCase(app.ctx, c.id).points.map((p) => p.description)).toEqual(['Nyt punkt']);
  });

  it('writes no history when a write is refused', () => {
    const c = createCase(app.ctx, input());
    thrown(() => updateCase(app.ctx, c.id, c.version, { ...input({ summary: '' }), sagsnr: c.sagsnr }));
    expect(getCaseHistory(app.ctx, c.id)).toHaveLength(1);
  });
});

describe('CPR', () => {
  it('stores the number normalised, returns it masked, and keeps it when the update sends null', () => {
    const c = createCase(app.ctx, input({ citizen: { ...input().citizen, cpr: '0101901234' } }));
    expect(c.citizen.cprMasked).toBe('010190-••••');
    const u = updateCase(app.ctx, c.id, c.version, { ...input({ summary: 'Nyt resumé' }), sagsnr: c.sagsnr });
    expect(u.citizen.cprMasked).toBe('010190-••••');
    expect(revealCpr(app.ctx, c.id)).toBe('010190-1234');
  });

  it('records CPR changes without the number and audits every reveal', () => {
    const c = createCase(app.ctx, input({ citizen: { ...input().citizen, cpr: '010190-1234' } }));
    const u = updateCase(app.ctx, c.id, c.version, { ...input(), sagsnr: c.sagsnr, citizen: { ...input().citizen, cpr: '020290-5678' } });
    updateCase(app.ctx, c.id, u.version, { ...input(), sagsnr: c.sagsnr, citizen: { ...input().citizen, cpr: '' } });
    expect(thrown(() => revealCpr(app.ctx, c.id)).code).toBe('not_found');

    const h = getCaseHistory(app.ctx, c.id);
    expect(h[0]?.changes).toEqual([{ field: 'CPR-nummer', before: '', after: 'fjernet' }]);
    expect(h[1]?.changes).toEqual([{ field: 'CPR-nummer', before: '', after: 'ændret' }]);
    expect(h[2]?.changes).toContainEqual({ field: 'CPR-nummer', before: '', after: 'tilføjet' });
    const raw = JSON.stringify(app.ctx.db.prepare('SELECT * FROM audit_log').all());
    expect(raw).not.toMatch(/1234|5678/);

    const d = createCase(app.ctx, input({ citizen: { ...input().citizen, cpr: '030390-1111' } }));
    actor = 'Revisor';
    expect(revealCpr(app.ctx, d.id)).toBe('030390-1111');
    expect(getCaseHistory(app.ctx, d.id)[0]).toMatchObject({ action: 'CPR-nummer vist', actor: 'Revisor', changes: [] });
  });
});

describe('search index', () => {
  it('is updated in the same transaction as the write', () => {
    const c = createCase(app.ctx, input());
    const find = (search: string) => listCases(app.ctx, { ...defaultCaseListQuery(), search }).rows.map((r) => r.id);
    expect(find('fire måneder')).toEqual([c.id]);
    updateCase(app.ctx, c.id, c.version, { ...input({ description: 'Nu med aktindsigt' }), sagsnr: c.sagsnr, points: input().points.map((p) => ({ ...p, description: '' })) });
    expect(find('fire måneder')).toEqual([]);
    expect(find('aktindsigt')).toEqual([c.id]);
  });
});

describe('retired catalogue entries', () => {
  it('cannot be chosen anew, but stay valid where they were already recorded', () => {
    const o = org(app.ctx.db);
    const social = o.forvaltning('Social');
    const aktindsigt = o.theme('Aktindsigt');
    const point = { forvaltningId: social, afdelingId: null, themeIds: [aktindsigt], description: 'Ingen svar', outcome: null };
    const created = createCase(app.ctx, input({ points: [point] }));

    app.ctx.db.prepare("UPDATE forvaltninger SET retired_at = '2025-06-01T00:00:00Z' WHERE id = ?").run(social);
    app.ctx.db.prepare("UPDATE themes SET retired_at = '2025-06-01T00:00:00Z' WHERE id = ?").run(aktindsigt);

    // A new henvendelse may not use them.
    const fresh = thrown(() => createCase(app.ctx, input({ points: [point] })));
    expect(fresh.code).toBe('validation');
    expect(fresh.fields).toMatchObject({
      'points.0.forvaltningId': 'Klagepunkt 1: forvaltningen er markeret som udgået og kan ikke vælges til nye registreringer.',
      'points.0.themeIds': 'Klagepunkt 1: et af temaerne er markeret som udgået og kan ikke vælges til nye registreringer.',
    });

    // The existing klagepunkt keeps them through an edit of something else.
    const kept = created.points[0]!;
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, citizen, points: _p, ...rest } = created;
    const same = { ...rest, citizen: { name: citizen.name, address: citizen.address, phone: citizen.phone, email: citizen.email, cpr: null } };
    const edited = updateCase(app.ctx, created.id, created.version, { ...same, summary: 'Nyt resumé', points: [{ ...point, id: kept.id }] });
    expect(edited.points[0]).toMatchObject({ forvaltningId: social, themeIds: [aktindsigt] });

    // …but a second klagepunkt on the same case may not pick them.
    const added = thrown(() =>
      updateCase(app.ctx, created.id, edited.version, { ...same, points: [{ ...point, id: kept.id }, { ...point }] }),
    );
    expect(Object.keys(added.fields ?? {})).toEqual(['points.1.forvaltningId', 'points.1.themeIds']);
  });
});

describe('competence per klagepunkt (legal-rules.md § c.2–c.3)', () => {
  const substance = 'Afgørelsens indhold (hører under klageinstansen)';

  it('saves one klagepunkt outside competence (vejvist) next to one investigated, reads them back and records them in the history', () => {
    const o = org(app.ctx.db);
    const social = o.forvaltning('Social');
    const c = createCase(app.ctx, input({
      points: [
        { forvaltningId: social, afdelingId: null, themeIds: [], description: 'Afslaget på hjælpemidlet er forkert', outcome: null, competenceReasonId: o.reason(substance), handling: 'vejvist' },
        { forvaltningId: social, afdelingId: null, themeIds: [o.theme('Partshøring')], description: 'Ingen partshøring', outcome: null, competenceReasonId: null, handling: 'undersoegt' },
      ],
    }));
    const read = getCase(app.ctx, c.id);
    expect(read.points.map((p) => [p.competenceReasonId, p.handling])).toEqual([[o.reason(substance), 'vejvist'], [null, 'undersoegt']]);
    expect([read.competenceReasonId, read.handling]).toEqual([null, null]);
    expect(getCaseHistory(app.ctx, c.id)[0]?.changes).toEqual(expect.arrayContaining([
      { field: 'Klagepunkt 1: Kompetence', before: 'Inden for kompetence', after: substance },
      { field: 'Klagepunkt 1: Håndtering', before: '', after: 'Vejvist' },
      { field: 'Klagepunkt 2: Håndtering', before: '', after: 'Undersøgt' },
    ]));

    // Changing one klagepunkt's competence is recorded on that klagepunkt only.
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, citizen, points, ...rest } = read;
    const again = updateCase(app.ctx, c.id, c.version, {
      ...rest, citizen: { ...citizen, cpr: null },
      points: points.map((p, i) => (i === 0 ? { ...p, competenceReasonId: null, handling: 'undersoegt' as const } : p)),
    });
    expect(again.points.map((p) => [p.competenceReasonId, p.handling])).toEqual([[null, 'undersoegt'], [null, 'undersoegt']]);
    expect(getCaseHistory(app.ctx, c.id)[0]?.changes).toEqual([
      { field: 'Klagepunkt 1: Kompetence', before: substance, after: 'Inden for kompetence' },
      { field: 'Klagepunkt 1: Håndtering', before: 'Vejvist', after: 'Undersøgt' },
    ]);
  });

  it('accepts a klagepunkt outside competence marked undersøgt (historical data must stay savable)', () => {
    const o = org(app.ctx.db);
    const c = createCase(app.ctx, input({
      points: [{ forvaltningId: o.forvaltning('Social'), afdelingId: null, themeIds: [], description: 'Gammel sag', outcome: null, competenceReasonId: o.reason('Afsluttet for over 1 år siden'), handling: 'undersoegt' }],
    }));
    expect(getCase(app.ctx, c.id).points[0]).toMatchObject({ competenceReasonId: o.reason('Afsluttet for over 1 år siden'), handling: 'undersoegt' });
  });

  it('keeps the competence and handling of a henvendelse without klagepunkter on the henvendelse, and refuses them beside klagepunkter', () => {
    const o = org(app.ctx.db);
    const reason = o.reason('Anden klageinstans, ombudsmand eller domstol');
    const c = createCase(app.ctx, input({ type: 'vejvisning', points: [], competenceReasonId: reason, handling: 'vejvist' }));
    expect(getCase(app.ctx, c.id)).toMatchObject({ competenceReasonId: reason, handling: 'vejvist', points: [] });
    expect(getCaseHistory(app.ctx, c.id)[0]?.changes).toContainEqual({ field: 'Kompetence', before: '', after: 'Anden klageinstans, ombudsmand eller domstol' });

    const e = thrown(() => createCase(app.ctx, input({ competenceReasonId: reason, handling: 'vejvist' })));
    expect(e.fields).toEqual({ handling: 'Henvendelsen har klagepunkter: registrér kompetence og håndtering på hvert klagepunkt.' });
  });

  it('refuses an unknown reason, and a retired one chosen anew, but keeps a retired one already recorded', () => {
    const o = org(app.ctx.db);
    const social = o.forvaltning('Social');
    const point = { forvaltningId: social, afdelingId: null, themeIds: [], description: 'Punkt', outcome: null, handling: 'afvist' as const };
    const unknown = thrown(() => createCase(app.ctx, input({ points: [{ ...point, competenceReasonId: 9999 }] })));
    expect(unknown.fields).toEqual({ 'points.0.competenceReasonId': 'Klagepunkt 1: kompetencegrunden findes ikke.' });

    const reason = o.reason('Ansættelsesforhold');
    const created = createCase(app.ctx, input({ points: [{ ...point, competenceReasonId: reason }] }));
    app.ctx.db.prepare("UPDATE competence_reasons SET retired_at = '2025-06-01T00:00:00Z' WHERE id = ?").run(reason);
    const fresh = thrown(() => createCase(app.ctx, input({ points: [{ ...point, competenceReasonId: reason }] })));
    expect(fresh.fields).toEqual({ 'points.0.competenceReasonId': 'Klagepunkt 1: kompetencegrunden er markeret som udgået og kan ikke vælges til nye registreringer.' });
    const { id: _i, version: _v, createdAt: _c, updatedAt: _u, citizen, points, ...rest } = created;
    const edited = updateCase(app.ctx, created.id, created.version, { ...rest, summary: 'Nyt', citizen: { ...citizen, cpr: null }, points });
    expect(edited.points[0]?.competenceReasonId).toBe(reason);
  });
});
