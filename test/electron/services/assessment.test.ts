/**
 * The assessment of klagepunkter against the rule catalogue (electron/services/cases.ts and
 * db/queries/cases.ts): rule links with assessment and reasoning, the forvaltning's flags, the
 * history lines they produce, unknown ids, retired rules, and rules that can never be recorded as
 * breached (background, or shipped and unverified).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertCase } from '../../../db/queries/cases';
import type { WritableDB } from '../../../db/types';
import type { CaseInput, PointInput } from '../../../shared/domain/case';
import { fixedClock } from '../../../shared/domain/dates';
import type { PointRule } from '../../../shared/domain/rule';
import { createCase, getCase, getCaseHistory, updateCase } from '../../../electron/services/cases';
import type { ServiceContext } from '../../../electron/services/context';
import { caseInput, seededDb, thrownAppError, serviceContext } from '../../db/helpers';

let db: WritableDB;
let ctx: ServiceContext;

/**
 * Rules as the catalogue would hold them. Inserted directly so these tests do not depend on the
 * shipped catalogue's contents; the ids are real ones from it.
 */
function addRule(id: string, validTo: string | null = null): void {
  db.prepare(
    `INSERT INTO rules (id, origin, law_short, law_full, paragraph, title, summary, category, verification, valid_to, created_at, updated_at)
     VALUES (?, 'shipped', 'FVL', 'Forvaltningsloven', '§ 19', ?, 'Resumé', 'Partshøring', 'yes', ?, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
  ).run(id, `Titel for ${id}`, validTo);
}

beforeEach(() => {
  db = seededDb();
  ctx = serviceContext(db);
  addRule('fvl-19-partshoering');
  addRule('fvl-22-begrundelse');
  addRule('gfs-besvarelse');
  addRule('fvl-7-vejledning-gammel', '2025-01-01');
});
afterEach(() => db.close());

const rule = (ruleId: string, assessment: PointRule['assessment'] = 'ikke_overholdt', reasoning = ''): PointRule => ({ ruleId, assessment, reasoning });

/** A klage whose one klagepunkt has these extra fields. */
function withPoint(extra: Partial<PointInput>, o: Partial<CaseInput> = {}): CaseInput {
  const base = caseInput(db, o);
  return { ...base, points: [{ ...(base.points[0] as PointInput), ...extra }] };
}

/** The input that saves `detail` unchanged, with the first klagepunkt changed by `extra`. */
function editPoint(id: number, extra: Partial<PointInput>): { version: number; input: CaseInput } {
  const d = getCase(ctx, id);
  const input = caseInput(db, { sagsnr: d.sagsnr, receivedOn: d.receivedOn, summary: d.summary, description: d.description });
  const [p] = d.points;
  if (!p) throw new Error('the case has no klagepunkt');
  const point: PointInput = {
    id: p.id, forvaltningId: p.forvaltningId, afdelingId: p.afdelingId, themeIds: p.themeIds, description: p.description, outcome: p.outcome,
    rules: p.rules, forvaltningAgreed: p.forvaltningAgreed, apologised: p.apologised, putRight: p.putRight, ...extra,
  };
  return { version: d.version, input: { ...input, points: [point] } };
}

function lastChanges(caseId: number): Array<{ field: string; before: string; after: string }> {
  const [entry] = getCaseHistory(ctx, caseId);
  return entry?.changes ?? [];
}

describe('rule links and flags are stored and read back', () => {
  it('keeps the rules in the order given, with assessment and reasoning, and the three flags', () => {
    const links = [rule('gfs-besvarelse', 'overholdt', 'Svar inden for 14 dage.'), rule('fvl-19-partshoering', 'ikke_overholdt', 'Ingen partshøring før afgørelsen.'), rule('fvl-22-begrundelse', 'ikke_vurderet')];
    const c = createCase(ctx, withPoint({ rules: links, forvaltningAgreed: false, apologised: true, putRight: true }));
    const [p] = getCase(ctx, c.id).points;
    expect(p?.rules).toEqual(links);
    expect(p).toMatchObject({ forvaltningAgreed: false, apologised: true, putRight: true });
    expect(db.prepare('SELECT rule_id, position FROM point_rules ORDER BY position').all()).toEqual([
      { rule_id: 'gfs-besvarelse', position: 1 },
      { rule_id: 'fvl-19-partshoering', position: 2 },
      { rule_id: 'fvl-22-begrundelse', position: 3 },
    ]);
  });

  it('absent fields mean no rules, not known, not apologised, not put right', () => {
    const c = createCase(ctx, caseInput(db));
    expect(c.points[0]).toMatchObject({ rules: [], forvaltningAgreed: null, apologised: false, putRight: false });
  });

  it('replaces the links on update, and touches the klagepunkt only when something changed', () => {
    const c = createCase(ctx, withPoint({ rules: [rule('fvl-19-partshoering')] }));
    const pointId = getCase(ctx, c.id).points[0]?.id;
    const stamp = () => db.prepare('SELECT updated_at FROM complaint_points WHERE id = ?').pluck().get(pointId) as string;
    const first = stamp();

    ctx = { ...ctx, clock: fixedClock('2025-06-16T09:00:00Z') };
    const same = editPoint(c.id, {});
    updateCase(ctx, c.id, same.version, same.input);
    expect(stamp()).toBe(first);

    const changed = editPoint(c.id, { rules: [rule('gfs-besvarelse'), rule('fvl-19-partshoering', 'overholdt')] });
    updateCase(ctx, c.id, changed.version, changed.input);
    expect(stamp()).toBe('2025-06-16T09:00:00.000Z');
    expect(getCase(ctx, c.id).points[0]?.rules).toEqual([rule('gfs-besvarelse'), rule('fvl-19-partshoering', 'overholdt')]);
  });

  it('removing a klagepunkt removes its rule links', () => {
    const c = createCase(ctx, withPoint({ rules: [rule('fvl-19-partshoering')] }));
    const d = getCase(ctx, c.id);
    updateCase(ctx, c.id, d.version, { ...caseInput(db, { sagsnr: d.sagsnr, type: 'vejledning' }), points: [] });
    expect(db.prepare('SELECT count(*) FROM point_rules').pluck().get()).toBe(0);
  });
});

describe('unknown and retired rules', () => {
  it('refuses an unknown rule id with a Danish message on the klagepunkt field, and writes nothing', () => {
    const e = thrownAppError(() => createCase(ctx, withPoint({ rules: [rule('fvl-19-partshoering'), rule('fvl-99-findes-ikke')] })));
    expect(e.code).toBe('validation');
    expect(e.fields).toEqual({ 'points.0.rules': 'Klagepunkt 1: reglen "fvl-99-findes-ikke" findes ikke i regelkataloget.' });
    expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
  });

  it('the query layer gives the same message before the foreign key would refuse, whoever writes', () => {
    const e = thrownAppError(() => insertCase(db, withPoint({ rules: [rule('ukendt-regel'), rule('ogsaa-ukendt')] }), '2025-06-15T10:00:00Z'));
    expect(e.code).toBe('validation');
    expect(e.fields).toEqual({ 'points.0.rules': 'Klagepunkt 1: reglerne "ukendt-regel", "ogsaa-ukendt" findes ikke i regelkataloget.' });
  });

  it('refuses the same rule twice on one klagepunkt', () => {
    const e = thrownAppError(() => createCase(ctx, withPoint({ rules: [rule('gfs-besvarelse'), rule('gfs-besvarelse', 'overholdt')] })));
    expect(e.fields?.['points.0.rules']).toBe('Klagepunkt 1: den samme regel er tilknyttet to gange.');
  });

  it('a retired rule cannot be linked anew, but stays (and can be reassessed) where it already was', () => {
    const expected = 'Klagepunkt 1: reglen fvl-7-vejledning-gammel er udgået af regelkataloget og kan ikke tilknyttes nye registreringer.';
    expect(thrownAppError(() => createCase(ctx, withPoint({ rules: [rule('fvl-7-vejledning-gammel')] }))).fields).toEqual({ 'points.0.rules': expected });

    const c = createCase(ctx, withPoint({ rules: [rule('fvl-19-partshoering')] }));
    const add = editPoint(c.id, { rules: [rule('fvl-19-partshoering'), rule('fvl-7-vejledning-gammel')] });
    expect(thrownAppError(() => updateCase(ctx, c.id, add.version, add.input)).fields).toEqual({ 'points.0.rules': expected });

    // A case registered before the rule was retired (written here past the service, as then).
    const { id } = insertCase(db, withPoint({ rules: [rule('fvl-7-vejledning-gammel', 'ikke_vurderet')] }), '2024-06-01T10:00:00Z');
    const keep = editPoint(id, { rules: [rule('fvl-7-vejledning-gammel', 'ikke_overholdt', 'Vejledningen manglede.')], description: 'Rettet beskrivelse' });
    updateCase(ctx, id, keep.version, keep.input);
    expect(getCase(ctx, id).points[0]?.rules).toEqual([rule('fvl-7-vejledning-gammel', 'ikke_overholdt', 'Vejledningen manglede.')]);
  });

  it('a rule whose end date is still ahead can be linked', () => {
    addRule('fvl-24-fremtid', '2025-12-31');
    expect(createCase(ctx, withPoint({ rules: [rule('fvl-24-fremtid')] })).points[0]?.rules).toHaveLength(1);
  });
});

describe('rules that cannot be recorded as breached', () => {
  /** A rule as the catalogue holds it, with its role, origin and verification. */
  function addRuleAs(id: string, o: { role?: 'norm' | 'baggrund'; origin?: 'shipped' | 'own'; verification?: 'yes' | 'partial' | 'no' }): void {
    db.prepare(
      `INSERT INTO rules (id, origin, law_short, law_full, paragraph, title, summary, category, role, verification, created_at, updated_at)
       VALUES (?, ?, 'GFS', 'God forvaltningsskik', '–', 'Aflysning af møder / varsling', 'Resumé', 'adfærd', ?, ?, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
    ).run(id, o.origin ?? 'shipped', o.role ?? 'norm', o.verification ?? 'yes');
  }
  const REFUSED =
    'Klagepunkt 1: GFS – Aflysning af møder / varsling beskriver baggrund og kan ikke registreres som »ikke overholdt«. Vil du bygge på normen, så skriv en egen regel under Regler og tag selv ansvar for den.';

  beforeEach(() => {
    addRuleAs('gfs-aflysning-moeder', { role: 'baggrund', verification: 'no' });
  });

  it('refuses a background rule recorded as ikke overholdt, with a Danish message on the link, and writes nothing', () => {
    const e = thrownAppError(() => createCase(ctx, withPoint({ rules: [rule('gfs-besvarelse'), rule('gfs-aflysning-moeder', 'ikke_overholdt', 'Aflyst samme dag.')] })));
    expect(e.code).toBe('validation');
    expect(e.fields).toEqual({ 'points.0.rules.1.assessment': REFUSED });
    expect(db.prepare('SELECT count(*) FROM cases').pluck().get()).toBe(0);
  });

  it('refuses a shipped norm the reference could not verify, but not the adviser’s own unverified norm', () => {
    addRuleAs('gfs-ukendt-norm', { verification: 'no' });
    addRuleAs('kom-moeder', { origin: 'own', verification: 'no' });
    const e = thrownAppError(() => createCase(ctx, withPoint({ rules: [rule('gfs-ukendt-norm')] })));
    expect(e.fields?.['points.0.rules.0.assessment']).toMatch(/^Klagepunkt 1: GFS – Aflysning af møder \/ varsling er ikke verificeret og kan ikke registreres som »ikke overholdt«\./);
    expect(createCase(ctx, withPoint({ rules: [rule('kom-moeder')] })).points[0]?.rules).toEqual([rule('kom-moeder')]);
  });

  it('lets a background rule be linked as background, assessed overholdt or not assessed', () => {
    const links = [rule('gfs-aflysning-moeder', 'ikke_vurderet'), rule('gfs-besvarelse', 'ikke_overholdt')];
    expect(createCase(ctx, withPoint({ rules: links })).points[0]?.rules).toEqual(links);
  });

  it('keeps a breach stored before the rule became background, and the case stays editable; a new breach is refused', () => {
    // Registered before this check existed (written past the service, as then).
    const { id } = insertCase(db, withPoint({ rules: [rule('gfs-aflysning-moeder', 'ikke_overholdt', 'Aflyst samme dag.')] }), '2024-06-01T10:00:00Z');
    const keep = editPoint(id, { description: 'Rettet beskrivelse', rules: [rule('gfs-aflysning-moeder', 'ikke_overholdt', 'Aflyst samme dag uden varsel.')] });
    updateCase(ctx, id, keep.version, keep.input);
    expect(getCase(ctx, id).points[0]).toMatchObject({ description: 'Rettet beskrivelse', rules: [rule('gfs-aflysning-moeder', 'ikke_overholdt', 'Aflyst samme dag uden varsel.')] });

    // Once reassessed, the breach cannot be given again.
    const away = editPoint(id, { rules: [rule('gfs-aflysning-moeder', 'overholdt')] });
    updateCase(ctx, id, away.version, away.input);
    const back = editPoint(id, { rules: [rule('gfs-aflysning-moeder', 'ikke_overholdt')] });
    expect(thrownAppError(() => updateCase(ctx, id, back.version, back.input)).fields).toEqual({ 'points.0.rules.0.assessment': REFUSED });
  });
});

describe('history', () => {
  it('a new klagepunkt lists its rules and the flags the adviser set, not the defaults', () => {
    const c = createCase(ctx, withPoint({ rules: [rule('fvl-19-partshoering', 'ikke_overholdt', 'Ikke hørt.')], apologised: true }));
    const changes = lastChanges(c.id).filter((x) => x.field.startsWith('Klagepunkt 1: ') && !['Forvaltning', 'Afdeling', 'Temaer', 'Beskrivelse'].some((f) => x.field.endsWith(f)));
    expect(changes).toEqual([
      { field: 'Klagepunkt 1: Regel fvl-19-partshoering', before: '', after: 'tilføjet (Ikke overholdt)' },
      { field: 'Klagepunkt 1: Regel fvl-19-partshoering: Begrundelse', before: '', after: 'Ikke hørt.' },
      { field: 'Klagepunkt 1: Forvaltningen har undskyldt', before: 'nej', after: 'ja' },
    ]);
  });

  it('records links added and removed, changed assessment and reasoning, and flag changes', () => {
    const c = createCase(ctx, withPoint({ rules: [rule('fvl-19-partshoering', 'ikke_vurderet'), rule('gfs-besvarelse', 'overholdt', 'Svar kom i tide.')] }));
    const edit = editPoint(c.id, {
      rules: [rule('fvl-19-partshoering', 'ikke_overholdt'), rule('fvl-22-begrundelse', 'overholdt')],
      forvaltningAgreed: true,
      putRight: true,
    });
    updateCase(ctx, c.id, edit.version, edit.input);
    expect(lastChanges(c.id)).toEqual([
      { field: 'Klagepunkt 1: Regel fvl-19-partshoering: Vurdering', before: 'Ikke vurderet', after: 'Ikke overholdt' },
      { field: 'Klagepunkt 1: Regel fvl-22-begrundelse', before: '', after: 'tilføjet (Overholdt)' },
      { field: 'Klagepunkt 1: Regel gfs-besvarelse', before: 'Overholdt', after: 'fjernet' },
      { field: 'Klagepunkt 1: Forvaltningen erkendte fejl', before: 'ukendt', after: 'ja' },
      { field: 'Klagepunkt 1: Forholdet er bragt i orden', before: 'nej', after: 'ja' },
    ]);

    const again = editPoint(c.id, { rules: [rule('fvl-19-partshoering', 'ikke_overholdt', 'Partshøring manglede.'), rule('fvl-22-begrundelse', 'overholdt')], forvaltningAgreed: false });
    updateCase(ctx, c.id, again.version, again.input);
    expect(lastChanges(c.id)).toEqual([
      { field: 'Klagepunkt 1: Regel fvl-19-partshoering: Begrundelse', before: '', after: 'Partshøring manglede.' },
      { field: 'Klagepunkt 1: Forvaltningen erkendte fejl', before: 'ja', after: 'nej' },
    ]);
  });
});
