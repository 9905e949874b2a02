/**
 * The rule catalogue queries: installing and upgrading the shipped catalogue (edited and own rules
 * untouched, removed rules retired, never deleted), search with Æ/Ø/Å, own rules, citations and the
 * theme → rule suggestions (never a rule that cannot be recorded as breached); the citation, role,
 * deadline owner and what is due round-trip.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  getRule,
  insertOwnRule,
  listRules,
  ruleBreachFacts,
  ruleCitations,
  setRuleValidTo,
  setThemeRuleIds,
  storedCatalogVersion,
  suggestRulesForThemes,
  syncShippedCatalog,
  themeRuleIds,
  updateRuleContent,
} from '../../db/queries/rules';
import { getSetting } from '../../db/queries/settings';
import type { WritableDB } from '../../db/types';
import type { RuleInput, RuleQuery } from '../../shared/domain/rule';
import { CATALOG_VERSION, SHIPPED_RULES } from '../../shared/rules/catalog';
import { addCase, NOW, org, seededDb, thrownAppError } from './helpers';

const TODAY = '2025-06-15';
const LATER = '2025-09-01T08:00:00.000Z';
const all: RuleQuery = { search: '', lawShort: null, category: null, includeRetired: false };

const ownRule = (over: Partial<RuleInput> = {}): RuleInput => ({
  id: 'kom-svarpolitik-1',
  lawShort: 'KOM',
  lawFull: 'Ærø Kommunes svarpolitik (vedtaget af kommunalbestyrelsen)',
  paragraph: 'Svarpolitik, pkt. 1',
  title: 'Kvittering inden 5 arbejdsdage',
  summary: 'Borgeren får en kvittering for sin henvendelse senest 5 arbejdsdage efter modtagelsen.',
  category: 'sagsbehandlingstid',
  citation: '',
  role: 'norm',
  deadline: { amount: 5, unit: 'arbejdsdage', text: '5 arbejdsdage', from: 'kommunens modtagelse af henvendelsen', rollForward: false, owner: 'maal', owes: 'en kvittering' },
  sources: ['https://www.aeroekommune.dk/svarpolitik'],
  verification: 'yes',
  note: '',
  ...over,
});

const shipped = (id: string): RuleInput => {
  const r = SHIPPED_RULES.find((x) => x.id === id);
  if (!r) throw new Error(`ikke i kataloget: ${id}`);
  return r;
};

/** A klagepunkt that cites `ruleId`, on a henvendelse received on `receivedOn`; returns the point id. */
function cite(db: WritableDB, ruleId: string, receivedOn: string, assessment = 'ikke_overholdt', reasoning = 'Ingen kvittering'): number {
  const caseId = addCase(db, { receivedOn });
  const pointId = db.prepare('SELECT id FROM complaint_points WHERE case_id = ? ORDER BY position LIMIT 1').pluck().get(caseId) as number;
  db.prepare('INSERT INTO point_rules (point_id, rule_id, position, assessment, reasoning) VALUES (?, ?, 1, ?, ?)').run(pointId, ruleId, assessment, reasoning);
  return pointId;
}

let db: WritableDB;
beforeEach(() => {
  db = seededDb();
});

describe('syncShippedCatalog', () => {
  it('installs the shipped catalogue and the default theme suggestions on first open', () => {
    expect(storedCatalogVersion(db)).toBe(0);
    const r = syncShippedCatalog(db, SHIPPED_RULES, CATALOG_VERSION, NOW);
    expect(r).toEqual({ inserted: SHIPPED_RULES.length, updated: 0, retired: 0, keptEdited: 0 });
    expect(getSetting(db, 'rule_catalog_version')).toBe(String(CATALOG_VERSION));
    const rule = getRule(db, 'rsl-67-klagefrist');
    expect(rule).toMatchObject({
      origin: 'shipped',
      lawShort: 'RSL',
      paragraph: '§ 67',
      verification: 'yes',
      catalogVersion: CATALOG_VERSION,
      edited: false,
      validTo: null,
      citedBy: 0,
      deadline: { amount: 4, unit: 'uger', rollForward: true, owner: 'borger', owes: 'at klagen er modtaget af den myndighed, der traf afgørelsen' },
      citation: shipped('rsl-67-klagefrist').citation,
      role: 'norm',
    });
    expect(rule?.sources).toEqual(shipped('rsl-67-klagefrist').sources);
    expect(getRule(db, 'fvl-22-begrundelse')?.deadline).toBeNull();
    expect(getRule(db, 'ofl-13-notatpligt')?.deadline).toEqual({
      amount: null, unit: null, text: 'snarest muligt', from: 'myndigheden bliver bekendt med oplysningen / foretager skridtet', rollForward: false,
      owner: 'myndighed', owes: 'et notat om oplysningen eller ekspeditionsskridtet',
    });
    expect(getRule(db, 'lab-reform-2026')?.role).toBe('baggrund');
    expect(themeRuleIds(db, org(db).theme('Aflyste møder'))).toEqual(['gfs-besvarelse', 'gfs-tone']);
  });

  it('does nothing when the database already holds this version, or a newer one', () => {
    syncShippedCatalog(db, SHIPPED_RULES, 2, NOW);
    const before = db.prepare('SELECT id, updated_at, catalog_version FROM rules ORDER BY id').all();
    expect(syncShippedCatalog(db, SHIPPED_RULES, 2, LATER)).toEqual({ inserted: 0, updated: 0, retired: 0, keptEdited: 0 });
    expect(syncShippedCatalog(db, SHIPPED_RULES.slice(0, 3), 1, LATER)).toEqual({ inserted: 0, updated: 0, retired: 0, keptEdited: 0 });
    expect(db.prepare('SELECT id, updated_at, catalog_version FROM rules ORDER BY id').all()).toEqual(before);
    expect(getSetting(db, 'rule_catalog_version')).toBe('2');
  });

  it('a newer version updates un-edited shipped rules, keeps edited and own rules, retires removed ones and never deletes', () => {
    syncShippedCatalog(db, SHIPPED_RULES, 1, NOW);
    // The adviser edits one shipped rule and adds an own rule.
    updateRuleContent(db, 'gfs-tone', { ...shipped('gfs-tone'), summary: 'Kommunens egen formulering af kravet om en venlig tone.' }, NOW);
    insertOwnRule(db, ownRule(), NOW);
    // A klagepunkt cites a rule the next catalogue drops.
    cite(db, 'fvl-4-undtagelse', '2025-03-10');
    // The adviser empties one theme's suggestions: a new catalogue must not refill them.
    const telefon = org(db).theme('Telefonisk tilgængelighed');
    setThemeRuleIds(db, telefon, []);

    const v2: RuleInput[] = SHIPPED_RULES.filter((r) => r.id !== 'fvl-4-undtagelse' && r.id !== 'gfs-lighed').map((r) =>
      r.id === 'fvl-22-begrundelse' || r.id === 'gfs-tone' ? { ...r, summary: `${r.summary} (rettet i version 2)` } : r,
    );
    v2.push({ ...shipped('gfs-besvarelse'), id: 'gfs-ny-regel', title: 'En ny regel' });
    // An own rule already uses an id the new catalogue ships: the adviser's rule wins.
    v2.push({ ...shipped('gfs-besvarelse'), id: 'kom-svarpolitik-1', title: 'Leveret regel med samme id' });

    const r = syncShippedCatalog(db, v2, 2, LATER);
    expect(r).toEqual({ inserted: 1, updated: 1, retired: 2, keptEdited: 2 });

    expect(getRule(db, 'fvl-22-begrundelse')).toMatchObject({ summary: `${shipped('fvl-22-begrundelse').summary} (rettet i version 2)`, catalogVersion: 2, edited: false });
    expect(getRule(db, 'gfs-tone')).toMatchObject({ summary: 'Kommunens egen formulering af kravet om en venlig tone.', edited: true, catalogVersion: 1 });
    expect(getRule(db, 'kom-svarpolitik-1')).toMatchObject({ origin: 'own', title: 'Kvittering inden 5 arbejdsdage', catalogVersion: null });
    expect(getRule(db, 'gfs-ny-regel')).toMatchObject({ origin: 'shipped', catalogVersion: 2 });
    // Removed rules are retired from the day of the upgrade, the cited one included, and kept.
    expect(getRule(db, 'fvl-4-undtagelse')).toMatchObject({ validTo: '2025-09-01', citedBy: 1 });
    expect(getRule(db, 'gfs-lighed')?.validTo).toBe('2025-09-01');
    expect(db.prepare('SELECT count(*) FROM rules').pluck().get()).toBe(SHIPPED_RULES.length + 2);
    expect(themeRuleIds(db, telefon)).toEqual([]);
  });

  it('version 2 retires gfs-14-dages-svar (now the svarpolitik setting), keeps it where it is cited, and fills in citations', () => {
    // Version 1 shipped the 14-day rule and no citations.
    const v1: RuleInput[] = [
      ...SHIPPED_RULES.filter((r) => r.id !== 'fob-13-klagefrist').map((r) => ({ ...r, citation: '' })),
      { ...shipped('gfs-besvarelse'), id: 'gfs-14-dages-svar', title: "'14-dages-reglen' – kvittering/foreløbigt svar", citation: '' },
    ];
    syncShippedCatalog(db, v1, 1, NOW);
    cite(db, 'gfs-14-dages-svar', '2025-03-10');
    const r = syncShippedCatalog(db, SHIPPED_RULES, CATALOG_VERSION, LATER);
    expect(r).toMatchObject({ inserted: 1, retired: 1, keptEdited: 0 });
    expect(getRule(db, 'gfs-14-dages-svar')).toMatchObject({ validTo: '2025-09-01', citedBy: 1 });
    expect(listRules(db, all, '2025-09-02').map((x) => x.id)).not.toContain('gfs-14-dages-svar');
    expect(getRule(db, 'fvl-19-partshoering')?.citation).toBe(shipped('fvl-19-partshoering').citation);
    expect(getRule(db, 'fob-13-klagefrist')).toMatchObject({ deadline: { amount: 12, unit: 'maaneder', text: '1 år', owner: 'borger', rollForward: true } });
  });

  it('leaves a shipped rule the adviser retired retired, and never retires an edited one', () => {
    syncShippedCatalog(db, SHIPPED_RULES, 1, NOW);
    setRuleValidTo(db, 'lab-reform-2026', '2025-06-01', NOW);
    updateRuleContent(db, 'gfs-telefon', { ...shipped('gfs-telefon'), note: 'Tjekket mod ombudsmandens side.' }, NOW);
    const v2 = SHIPPED_RULES.filter((r) => r.id !== 'gfs-telefon').map((r) => (r.id === 'lab-reform-2026' ? { ...r, note: 'Ny note.' } : r));
    expect(syncShippedCatalog(db, v2, 2, LATER)).toMatchObject({ updated: 1, retired: 0 });
    expect(getRule(db, 'lab-reform-2026')).toMatchObject({ note: 'Ny note.', validTo: '2025-06-01' });
    expect(getRule(db, 'gfs-telefon')).toMatchObject({ validTo: null, edited: true });
  });

  it('a referenced rule cannot be deleted', () => {
    syncShippedCatalog(db, SHIPPED_RULES, 1, NOW);
    cite(db, 'gfs-besvarelse', '2025-02-01');
    expect(() => db.prepare("DELETE FROM rules WHERE id = 'gfs-besvarelse'").run()).toThrow(/FOREIGN KEY/);
  });

  it('rolls back completely when one rule cannot be written', () => {
    const bad = [...SHIPPED_RULES.slice(0, 5), { ...shipped('gfs-tone'), id: 'Ugyldigt id' }];
    expect(() => syncShippedCatalog(db, bad, 1, NOW)).toThrow();
    expect(db.prepare('SELECT count(*) FROM rules').pluck().get()).toBe(0);
    expect(storedCatalogVersion(db)).toBe(0);
  });
});

describe('listing and searching', () => {
  beforeEach(() => {
    syncShippedCatalog(db, SHIPPED_RULES, 1, NOW);
  });

  it('lists the catalogue in law and paragraph order, without retired rules unless asked', () => {
    const ids = listRules(db, all, TODAY).map((r) => r.id);
    expect(ids).toHaveLength(SHIPPED_RULES.length);
    expect(ids.indexOf('fvl-3-inhabilitet')).toBeLessThan(ids.indexOf('fvl-16-aktindsigt-frist'));
    expect(ids.indexOf('fvl-9-partsaktindsigt')).toBeLessThan(ids.indexOf('fvl-9b-udsaettelse'));
    setRuleValidTo(db, 'fvl-3-inhabilitet', TODAY, NOW);
    setRuleValidTo(db, 'fvl-22-begrundelse', '2030-01-01', NOW); // retires in the future: still in force
    const now = listRules(db, all, TODAY).map((r) => r.id);
    expect(now).not.toContain('fvl-3-inhabilitet');
    expect(now).toContain('fvl-22-begrundelse');
    expect(listRules(db, { ...all, includeRetired: true }, TODAY).map((r) => r.id)).toContain('fvl-3-inhabilitet');
  });

  it('searches id, title, summary, paragraph and law ignoring case, Æ/Ø/Å included; every word must match', () => {
    insertOwnRule(db, ownRule(), NOW);
    const search = (s: string) => listRules(db, { ...all, search: s }, TODAY).map((r) => r.id);
    expect(search('PARTSHØRING')).toEqual(expect.arrayContaining(['fvl-19-partshoering', 'fvl-19-2-20-undtagelser']));
    expect(search('ÆRØ')).toEqual(['kom-svarpolitik-1']); // only in the own rule's law name
    expect(search('ærø kvittering')).toEqual(['kom-svarpolitik-1']);
    expect(search('ærø partshøring')).toEqual([]);
    expect(search('§ 65 e')).toEqual(['ksl-65e-borgerraadgiver']);
    expect(search('gdpr-15')).toEqual(['gdpr-15-indsigt']);
    expect(search('LBK nr. 1179')).toEqual(['sdp-13b-opfoelgning', 'sdp-21-bortfald', 'sdp-24-varighed', 'sdp-25-pensionister', 'sdp-27-forlaengelse']);
  });

  it('filters by law and category, ignoring case', () => {
    expect(listRules(db, { ...all, lawShort: 'ofl' }, TODAY).every((r) => r.lawShort === 'OFL')).toBe(true);
    expect(listRules(db, { ...all, lawShort: 'ofl' }, TODAY)).toHaveLength(6);
    expect(listRules(db, { ...all, category: 'PARTSHØRING' }, TODAY).map((r) => r.id)).toEqual(['fvl-19-partshoering', 'fvl-19-2-20-undtagelser', 'fvl-21-udsaettelse']);
  });
});

describe('own rules and edits', () => {
  beforeEach(() => {
    syncShippedCatalog(db, SHIPPED_RULES, 1, NOW);
  });

  it('creates and updates an own rule', () => {
    insertOwnRule(db, ownRule(), NOW);
    expect(getRule(db, 'kom-svarpolitik-1')).toMatchObject({
      origin: 'own', edited: false, catalogVersion: null, citation: '', role: 'norm', deadline: { amount: 5, unit: 'arbejdsdage', owner: 'maal', owes: 'en kvittering' },
    });
    updateRuleContent(db, 'kom-svarpolitik-1', ownRule({ citation: 'Ærø Kommunes svarpolitik, pkt. 1', role: 'baggrund' }), LATER);
    expect(getRule(db, 'kom-svarpolitik-1')).toMatchObject({ citation: 'Ærø Kommunes svarpolitik, pkt. 1', role: 'baggrund' });
    updateRuleContent(db, 'kom-svarpolitik-1', ownRule({ deadline: null, title: 'Kvittering' }), LATER);
    expect(getRule(db, 'kom-svarpolitik-1')).toMatchObject({ title: 'Kvittering', deadline: null, edited: false });
  });

  it('refuses an id that is taken, by a shipped, own or retired rule', () => {
    insertOwnRule(db, ownRule(), NOW);
    setRuleValidTo(db, 'gfs-lighed', TODAY, NOW);
    for (const id of ['kom-svarpolitik-1', 'fvl-19-partshoering', 'gfs-lighed']) {
      const e = thrownAppError(() => insertOwnRule(db, ownRule({ id }), NOW));
      expect(e.code).toBe('conflict');
      expect(e.fields?.['id']).toContain(`»${id}«`);
    }
  });

  it('marks an edited shipped rule, so the catalogue leaves it alone', () => {
    updateRuleContent(db, 'fvl-22-begrundelse', { ...shipped('fvl-22-begrundelse'), note: 'Egen note.' }, LATER);
    expect(getRule(db, 'fvl-22-begrundelse')).toMatchObject({ note: 'Egen note.', edited: true, origin: 'shipped' });
    expect(thrownAppError(() => updateRuleContent(db, 'findes-ikke', ownRule(), LATER)).code).toBe('not_found');
  });
});

describe('citations', () => {
  it('lists the klagepunkter citing a rule, newest henvendelse first, and counts them', () => {
    syncShippedCatalog(db, SHIPPED_RULES, 1, NOW);
    const older = cite(db, 'gfs-besvarelse', '2025-01-05', 'overholdt', 'Svar givet');
    const newer = cite(db, 'gfs-besvarelse', '2025-04-20');
    const list = ruleCitations(db, 'gfs-besvarelse');
    expect(list.map((c) => c.pointId)).toEqual([newer, older]);
    expect(list[0]).toMatchObject({ receivedOn: '2025-04-20', forvaltning: 'Beskæftigelse', assessment: 'ikke_overholdt', reasoning: 'Ingen kvittering' });
    expect(list[1]).toMatchObject({ receivedOn: '2025-01-05', assessment: 'overholdt', reasoning: 'Svar givet' });
    expect(list[0]?.sagsnr).toMatch(/^\d{4}-\d{4}$/);
    expect(getRule(db, 'gfs-besvarelse')?.citedBy).toBe(2);
    expect(ruleCitations(db, 'gfs-tone')).toEqual([]);
  });
});

describe('theme suggestions', () => {
  it('orders by how many of the themes suggest a rule, then by id, and never suggests a retired rule', () => {
    syncShippedCatalog(db, SHIPPED_RULES, 1, NOW);
    const o = org(db);
    const aflyste = o.theme('Aflyste møder');
    const manglende = o.theme('Manglende svar');
    // gfs-besvarelse is suggested by both themes; the rest by one each, in id order.
    expect(suggestRulesForThemes(db, [aflyste, manglende], TODAY)).toEqual(['gfs-besvarelse', 'gfs-telefon', 'gfs-tone', 'gfs-underretning-forsinkelse']);
    expect(suggestRulesForThemes(db, [aflyste, aflyste], TODAY)).toEqual(['gfs-besvarelse', 'gfs-tone']);
    setRuleValidTo(db, 'gfs-besvarelse', TODAY, NOW);
    expect(suggestRulesForThemes(db, [aflyste, manglende], TODAY)).not.toContain('gfs-besvarelse');
    expect(suggestRulesForThemes(db, [], TODAY)).toEqual([]);
  });

  it('never suggests a background rule or an unverified shipped one, even from a mapping stored earlier', () => {
    syncShippedCatalog(db, SHIPPED_RULES, 1, NOW);
    const aflyste = org(db).theme('Aflyste møder');
    // As a version-1 catalogue installed it.
    setThemeRuleIds(db, aflyste, ['gfs-aflysning-moeder', 'gfs-tone', 'lab-reform-2026']);
    expect(suggestRulesForThemes(db, [aflyste], TODAY)).toEqual(['gfs-tone']);
    // An own norm is the adviser's responsibility, even unverified; an own background rule is never offered.
    insertOwnRule(db, ownRule({ verification: 'no' }), NOW);
    insertOwnRule(db, ownRule({ id: 'kom-baggrund', role: 'baggrund' }), NOW);
    setThemeRuleIds(db, aflyste, ['kom-svarpolitik-1', 'kom-baggrund']);
    expect(suggestRulesForThemes(db, [aflyste], TODAY)).toEqual(['kom-svarpolitik-1']);
  });

  it('reads the facts that decide whether a rule may be recorded as breached, for many ids at once', () => {
    syncShippedCatalog(db, SHIPPED_RULES, 1, NOW);
    const facts = ruleBreachFacts(db, ['gfs-aflysning-moeder', 'gfs-tone', 'findes-ikke']);
    expect([...facts.keys()].sort()).toEqual(['gfs-aflysning-moeder', 'gfs-tone']);
    expect(facts.get('gfs-aflysning-moeder')).toEqual({
      id: 'gfs-aflysning-moeder', origin: 'shipped', role: 'baggrund', verification: 'no', lawShort: 'GFS', paragraph: '–', title: 'Aflysning af møder / varsling', validTo: null,
    });
    expect(ruleBreachFacts(db, [])).toEqual(new Map());
  });

  it('replaces a theme’s suggestions', () => {
    syncShippedCatalog(db, SHIPPED_RULES, 1, NOW);
    const t = org(db).theme('Forskelsbehandling');
    setThemeRuleIds(db, t, ['gfs-tone', 'gfs-lighed', 'gfs-tone']);
    expect(themeRuleIds(db, t)).toEqual(['gfs-lighed', 'gfs-tone']);
  });

  it('installs suggestions only for themes that exist by name', () => {
    db.prepare("UPDATE themes SET name = 'Møder', name_key = 'møder' WHERE name = 'Aflyste møder'").run();
    syncShippedCatalog(db, SHIPPED_RULES, 1, NOW);
    expect(themeRuleIds(db, org(db).theme('Møder'))).toEqual([]);
    expect(themeRuleIds(db, org(db).theme('Partshøring'))).toEqual(['fvl-19-2-20-undtagelser', 'fvl-19-partshoering', 'fvl-21-udsaettelse']);
  });
});
