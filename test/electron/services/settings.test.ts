/** Seed defaults and the catalogue rules: unique names ignoring case, retire instead of delete. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/domain/dates';
import type { Settings } from '../../../shared/domain/settings';
import { openApp, type OpenedApp } from '../../../electron/services/open-app';
import { DEFAULT_MUNICIPALITY, DEFAULT_THEMES, seedDefaults } from '../../../electron/services/seed';
import { addCatalogEntry, deleteCatalogEntry, getSettings, renameCatalogEntry, setCurrentAdviser, setMunicipality, setCatalogEntryRetired, updateAdviser } from '../../../electron/services/settings';
import { createCase, listCases } from '../../../electron/services/cases';
import { defaultCaseListQuery } from '../../../shared/domain/case-list';
import { caseInput, org, thrownAppError } from '../../db/helpers';
import { TEST_DB_KEY } from '../../setup/db-key';

let app: OpenedApp;
beforeEach(() => {
  app = openApp({ file: ':memory:', mode: 'test', clock: fixedClock('2025-06-15T10:00:00Z'), actor: () => 'Tester' });
});
afterEach(() => app.close());

const thrown = thrownAppError;

const forv = (s: Settings, name: string) => s.forvaltninger.find((f) => f.name === name);
const auditCount = () => app.ctx.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;

describe('seed', () => {
  it('fills a new database with a Danish default organisation, themes and one adviser', () => {
    const s = getSettings(app.ctx);
    expect(s.municipalityName).toBe(DEFAULT_MUNICIPALITY);
    expect(s.forvaltninger.map((f) => f.name)).toEqual([
      'Beskæftigelse', 'Social', 'Børn og Unge', 'Teknik og Miljø', 'Sundhed og Omsorg', 'Borgerservice', 'Økonomi og Administration',
    ]);
    expect(forv(s, 'Børn og Unge')?.afdelinger.map((a) => a.name)).toEqual(['Familieafdelingen', 'PPR', 'Dagtilbud', 'Skole']);
    expect(s.themes.map((t) => t.name)).toEqual(DEFAULT_THEMES);
    expect(s.themes).toHaveLength(21);
    expect(s.advisers).toHaveLength(1);
    expect(s.forvaltninger.every((f) => !f.retired && !f.inUse)).toBe(true);
  });

  it('runs once: an emptied catalogue is not refilled, and a reopened file is not reseeded', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ombud-seed-'));
    try {
      const file = path.join(dir, 'ombud.sqlite');
      const first = openApp({ key: TEST_DB_KEY, file, mode: 'test', actor: () => 'Tester' });
      const social = forv(getSettings(first.ctx), 'Økonomi og Administration');
      deleteCatalogEntry(first.ctx, 'forvaltning', social?.id ?? 0);
      first.close();
      const second = openApp({ key: TEST_DB_KEY, file, mode: 'test' });
      expect(getSettings(second.ctx).forvaltninger).toHaveLength(6);
      expect(seedDefaults(second.ctx.db, '2025-01-01T00:00:00Z')).toBe(false);
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('catalogue', () => {
  it('adds entries and refuses names that differ only in case, including Æ, Ø and Å', () => {
    let s = addCatalogEntry(app.ctx, { kind: 'theme', name: '  Ørkesløs   ventetid ', parentId: null });
    expect(s.themes.at(-1)?.name).toBe('Ørkesløs ventetid');
    const e = thrown(() => addCatalogEntry(app.ctx, { kind: 'theme', name: 'ØRKESLØS VENTETID', parentId: null }));
    expect(e.code).toBe('conflict');
    expect(e.fields?.['name']).toMatch(/^Der findes allerede et tema med navnet »ØRKESLØS VENTETID«/);
    expect(thrown(() => addCatalogEntry(app.ctx, { kind: 'forvaltning', name: 'børn og unge', parentId: null })).code).toBe('conflict');

    const beskaeftigelse = org(app.ctx.db).forvaltning('Beskæftigelse');
    s = addCatalogEntry(app.ctx, { kind: 'afdeling', name: 'Åben rådgivning', parentId: beskaeftigelse });
    expect(forv(s, 'Beskæftigelse')?.afdelinger.map((a) => a.name)).toContain('Åben rådgivning');
    expect(thrown(() => addCatalogEntry(app.ctx, { kind: 'afdeling', name: 'ÅBEN RÅDGIVNING', parentId: beskaeftigelse })).code).toBe('conflict');
    // Afdeling names are unique per forvaltning only.
    s = addCatalogEntry(app.ctx, { kind: 'afdeling', name: 'Åben rådgivning', parentId: org(app.ctx.db).forvaltning('Social') });
    expect(forv(s, 'Social')?.afdelinger.map((a) => a.name)).toContain('Åben rådgivning');
  });

  it('validates names and the afdeling parent in Danish', () => {
    expect(thrown(() => addCatalogEntry(app.ctx, { kind: 'theme', name: '  ', parentId: null })).fields).toEqual({ name: 'Navnet må ikke være tomt.' });
    expect(thrown(() => addCatalogEntry(app.ctx, { kind: 'theme', name: 'a|b', parentId: null })).code).toBe('validation');
    expect(thrown(() => addCatalogEntry(app.ctx, { kind: 'afdeling', name: 'X', parentId: null })).fields).toEqual({
      parentId: 'Vælg den forvaltning, afdelingen hører under.',
    });
    expect(thrown(() => addCatalogEntry(app.ctx, { kind: 'adviser', name: 'Ny', parentId: null, email: 'nej' })).fields?.['email']).toMatch(/E-mailadressen/);
  });

  it('renames, allowing a change of case of the same entry but not a clash with another', () => {
    const id = org(app.ctx.db).theme('Aktindsigt');
    let s = renameCatalogEntry(app.ctx, 'theme', id, 'AKTINDSIGT');
    expect(s.themes.find((t) => t.id === id)?.name).toBe('AKTINDSIGT');
    expect(thrown(() => renameCatalogEntry(app.ctx, 'theme', id, 'vejledning')).code).toBe('conflict');
    s = renameCatalogEntry(app.ctx, 'theme', id, 'Aktindsigt i egen sag');
    expect(s.themes.find((t) => t.id === id)?.name).toBe('Aktindsigt i egen sag');
    expect(thrown(() => renameCatalogEntry(app.ctx, 'theme', 9999, 'X')).code).toBe('not_found');
  });

  it('re-indexes the cases that use a renamed forvaltning', () => {
    const c = createCase(app.ctx, caseInput(app.ctx.db));
    renameCatalogEntry(app.ctx, 'forvaltning', org(app.ctx.db).forvaltning('Beskæftigelse'), 'Arbejdsmarked');
    const found = listCases(app.ctx, { ...defaultCaseListQuery(), search: 'arbejdsmarked' });
    expect(found.rows.map((r) => r.id)).toEqual([c.id]);
  });

  it('refuses to delete an entry in use, suggesting to retire it, and retires it instead', () => {
    createCase(app.ctx, caseInput(app.ctx.db));
    const o = org(app.ctx.db);
    const s0 = getSettings(app.ctx);
    expect(forv(s0, 'Beskæftigelse')?.inUse).toBe(true);
    expect(forv(s0, 'Beskæftigelse')?.afdelinger.find((a) => a.name === 'Jobcenter')?.inUse).toBe(true);
    expect(s0.themes.find((t) => t.name === 'Sagsbehandlingstid')?.inUse).toBe(true);

    const e = thrown(() => deleteCatalogEntry(app.ctx, 'theme', o.theme('Sagsbehandlingstid')));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('Temaet »Sagsbehandlingstid« er i brug i 1 klagepunkt og kan ikke slettes. Du kan i stedet markere det som udgået.');
    expect(thrown(() => deleteCatalogEntry(app.ctx, 'forvaltning', o.forvaltning('Beskæftigelse'))).message).toMatch(
      /^Forvaltningen »Beskæftigelse« er i brug i 1 klagepunkt og kan ikke slettes\. Du kan i stedet markere den som udgået\.$/,
    );

    const s1 = setCatalogEntryRetired(app.ctx, 'theme', o.theme('Sagsbehandlingstid'), true);
    expect(s1.themes.find((t) => t.name === 'Sagsbehandlingstid')).toMatchObject({ retired: true, inUse: true });
    const s2 = setCatalogEntryRetired(app.ctx, 'theme', o.theme('Sagsbehandlingstid'), false);
    expect(s2.themes.find((t) => t.name === 'Sagsbehandlingstid')?.retired).toBe(false);
  });

  it('deletes an unused entry, a forvaltning together with its afdelinger', () => {
    const o = org(app.ctx.db);
    let s = deleteCatalogEntry(app.ctx, 'forvaltning', o.forvaltning('Teknik og Miljø'));
    expect(forv(s, 'Teknik og Miljø')).toBeUndefined();
    expect(app.ctx.db.prepare("SELECT count(*) FROM afdelinger WHERE name = 'Affald'").pluck().get()).toBe(0);
    s = deleteCatalogEntry(app.ctx, 'theme', o.theme('Aflyste møder'));
    expect(s.themes.map((t) => t.name)).not.toContain('Aflyste møder');
  });

  it('keeps the current adviser consistent and audits settings changes', () => {
    const before = auditCount();
    let s = addCatalogEntry(app.ctx, { kind: 'adviser', name: 'Åse Øberg', parentId: null, initials: 'ÅØ', email: 'aase@eksempel.dk' });
    const id = s.advisers.find((a) => a.name === 'Åse Øberg')?.id ?? 0;
    s = setCurrentAdviser(app.ctx, id);
    expect(s.currentAdviserId).toBe(id);
    expect(s.advisers.find((a) => a.id === id)?.title).toBe('Borgerrådgiver');
    s = updateAdviser(app.ctx, id, { name: 'Åse Øberg-Hansen', initials: 'ÅØH', email: 'aase@eksempel.dk', title: '  Chefkonsulent ' });
    expect(s.advisers.find((a) => a.id === id)).toMatchObject({ name: 'Åse Øberg-Hansen', initials: 'ÅØH', title: 'Chefkonsulent' });
    const titleChange = app.ctx.db.prepare("SELECT changes FROM audit_log WHERE entity = 'adviser' AND action = 'Ændret' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(titleChange)).toContainEqual({ field: 'Titel', before: 'Borgerrådgiver', after: 'Chefkonsulent' });
    expect(thrown(() => updateAdviser(app.ctx, id, { name: 'Åse Øberg-Hansen', initials: 'ÅØH', email: '', title: 'x'.repeat(121) })).fields)
      .toEqual({ title: 'Titlen må højst være 120 tegn.' });
    s = deleteCatalogEntry(app.ctx, 'adviser', id);
    expect(s.currentAdviserId).toBeNull();
    s = setMunicipality(app.ctx, 'Ærø Kommune');
    expect(s.municipalityName).toBe('Ærø Kommune');
    expect(thrown(() => setMunicipality(app.ctx, ' ')).fields).toEqual({ name: 'Skriv kommunens navn.' });
    // Added, chosen, updated, deleted (which also unsets it), municipality renamed; the refused change wrote nothing.
    expect(auditCount() - before).toBe(5);
    const last = app.ctx.db.prepare('SELECT actor, action, changes FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(last).toEqual({ actor: 'Tester', action: 'Indstilling ændret', changes: JSON.stringify([{ field: 'Kommunens navn', before: DEFAULT_MUNICIPALITY, after: 'Ærø Kommune' }]) });
  });
});

describe('competence reasons (the municipality’s vedtægt; legal-rules.md § c.3)', () => {
  it('starts with the defaults, "fuldmagt mangler" among them, and is edited like the other catalogues', () => {
    const s0 = getSettings(app.ctx);
    expect(s0.competenceReasons.map((r) => r.name)).toEqual([
      'Afgørelsens indhold (hører under klageinstansen)', 'Politisk beslutning eller serviceniveau', 'Ansættelsesforhold',
      'Afsluttet for over 1 år siden', 'Anden klageinstans, ombudsmand eller domstol', 'Fuldmagt mangler',
    ]);
    const s1 = addCatalogEntry(app.ctx, { kind: 'competence_reason', name: 'Sag om aktindsigt hos anden myndighed', parentId: null });
    const own = s1.competenceReasons.at(-1);
    expect(own).toMatchObject({ name: 'Sag om aktindsigt hos anden myndighed', retired: false, inUse: false });
    expect(thrown(() => addCatalogEntry(app.ctx, { kind: 'competence_reason', name: 'FULDMAGT MANGLER', parentId: null })).message)
      .toBe('Der findes allerede en kompetencegrund med navnet »FULDMAGT MANGLER« (store og små bogstaver tæller ikke).');
    // "Inden for" and the old step are the import's own words, never a reason.
    expect(thrown(() => addCatalogEntry(app.ctx, { kind: 'competence_reason', name: 'Ikke forelagt forvaltningen', parentId: null })).fields?.['name'])
      .toMatch(/^»Ikke forelagt forvaltningen« er ikke en kompetencegrund, men et trin/);
    expect(thrown(() => renameCatalogEntry(app.ctx, 'competence_reason', own?.id ?? 0, 'Inden for')).code).toBe('validation');
    expect(deleteCatalogEntry(app.ctx, 'competence_reason', own?.id ?? 0).competenceReasons).toHaveLength(6);
  });

  it('retires a reason in use instead of deleting it', () => {
    const o = org(app.ctx.db);
    const reason = o.reason('Ansættelsesforhold');
    createCase(app.ctx, caseInput(app.ctx.db, {
      points: [{ forvaltningId: o.forvaltning('Social'), afdelingId: null, themeIds: [], description: 'Punkt', outcome: null, competenceReasonId: reason, handling: 'afvist' }],
    }));
    expect(getSettings(app.ctx).competenceReasons.find((r) => r.id === reason)?.inUse).toBe(true);
    expect(thrown(() => deleteCatalogEntry(app.ctx, 'competence_reason', reason)).message)
      .toBe('Kompetencegrunden »Ansættelsesforhold« er i brug i 1 registrering og kan ikke slettes. Du kan i stedet markere den som udgået.');
    expect(setCatalogEntryRetired(app.ctx, 'competence_reason', reason, true).competenceReasons.find((r) => r.id === reason)).toMatchObject({ retired: true, inUse: true });
  });
});
