/**
 * The rules service: Danish validation messages, audit entries, retiring, suggestions, and the
 * catalogue installed on open; a shipped rule keeps its role, and background rules are never
 * suggested for a theme.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/domain/dates';
import type { RuleInput } from '../../../shared/domain/rule';
import { CATALOG_VERSION, SHIPPED_RULES } from '../../../shared/rules/catalog';
import { openApp, type OpenedApp } from '../../../electron/services/open-app';
import { createRule, getRule, listRules, setRuleRetired, setThemeRules, suggestRules, updateRule } from '../../../electron/services/rules';
import { getSetting } from '../../../db/queries/settings';
import { org, thrownAppError } from '../../db/helpers';

let app: OpenedApp;
beforeEach(() => {
  app = openApp({ file: ':memory:', mode: 'test', clock: fixedClock('2025-06-15T10:00:00Z'), actor: () => 'Tester' });
});
afterEach(() => app.close());

type AuditRow = { actor: string; entity: string; entity_id: number | null; action: string; changes: string };
const ruleAudit = () => app.ctx.db.prepare("SELECT actor, entity, entity_id, action, changes FROM audit_log WHERE entity = 'rule' ORDER BY id").all() as AuditRow[];
const all = { search: '', lawShort: null, category: null, includeRetired: false };

const svarpolitik = (over: Partial<RuleInput> = {}): RuleInput => ({
  id: 'kom-svarpolitik-2',
  lawShort: ' KOM ',
  lawFull: 'Kommunens svarpolitik',
  paragraph: 'Svarpolitik, pkt. 2',
  title: 'Svar på e-mails inden 10 arbejdsdage',
  summary: 'Borgeren får svar på en e-mail senest 10 arbejdsdage efter, at den er modtaget.',
  category: 'sagsbehandlingstid',
  citation: ' Kommunens svarpolitik, pkt. 2 ',
  role: 'norm',
  deadline: { amount: 10, unit: 'arbejdsdage', text: '', from: 'kommunens modtagelse af e-mailen', rollForward: false, owner: 'maal', owes: ' et svar på e-mailen ' },
  sources: ['https://www.kk.dk/svarpolitik', ' '],
  verification: 'yes',
  note: '',
  ...over,
});

describe('opening the app', () => {
  it('installs the shipped catalogue once, after seeding', () => {
    expect(getSetting(app.ctx.db, 'rule_catalog_version')).toBe(String(CATALOG_VERSION));
    expect(listRules(app.ctx, all)).toHaveLength(SHIPPED_RULES.length);
    const aflyste = org(app.ctx.db).theme('Aflyste møder');
    // The background rule is shown, never suggested.
    expect(getRule(app.ctx, 'gfs-aflysning-moeder').suggestedForThemeIds).toEqual([]);
    expect(getRule(app.ctx, 'gfs-tone').suggestedForThemeIds).toContain(aflyste);
    expect(suggestRules(app.ctx, [aflyste])).toEqual(['gfs-besvarelse', 'gfs-tone']);
    // The install is the system's, not an adviser's change.
    expect(ruleAudit()).toEqual([]);
  });
});

describe('createRule', () => {
  it('stores a cleaned own rule and records who created it', () => {
    const rule = createRule(app.ctx, svarpolitik());
    expect(rule).toMatchObject({
      id: 'kom-svarpolitik-2', origin: 'own', lawShort: 'KOM', sources: ['https://www.kk.dk/svarpolitik'], citedBy: 0,
      citation: 'Kommunens svarpolitik, pkt. 2', role: 'norm', deadline: { owner: 'maal', owes: 'et svar på e-mailen' },
    });
    const [entry] = ruleAudit();
    expect(entry).toMatchObject({ actor: 'Tester', entity: 'rule', entity_id: null, action: 'Regel oprettet: kom-svarpolitik-2' });
    expect(JSON.parse(entry?.changes ?? '[]')).toEqual(
      expect.arrayContaining([
        { field: 'Titel', before: '', after: 'Svar på e-mails inden 10 arbejdsdage' },
        { field: 'Henvisning i breve', before: '', after: 'Kommunens svarpolitik, pkt. 2' },
        { field: 'Rolle', before: '', after: 'Retsregel' },
        { field: 'Frist', before: '', after: '10 arbejdsdage fra kommunens modtagelse af e-mailen – lokal målsætning; skal have givet: et svar på e-mailen' },
        { field: 'Verificering', before: '', after: 'Verificeret' },
      ]),
    );
  });

  it('words a deadline in the history as the engine does: "1 måned", and the rule’s own words once', () => {
    createRule(app.ctx, svarpolitik({ deadline: { amount: 1, unit: 'maaneder', text: '1 måned efter modtagelsen', from: '', rollForward: true, owner: 'maal', owes: '' } }));
    const frist = (JSON.parse(ruleAudit()[0]?.changes ?? '[]') as Array<{ field: string; after: string }>).find((c) => c.field === 'Frist');
    expect(frist?.after).toBe('1 måned efter modtagelsen (forlænges til næste hverdag) – lokal målsætning');
  });

  it('refuses an incomplete rule with Danish messages per field, and stores nothing', () => {
    const e = thrownAppError(() =>
      createRule(
        app.ctx,
        svarpolitik({
          id: 'Kom Svar',
          title: ' ',
          summary: '',
          citation: 'https://www.kk.dk/svarpolitik',
          deadline: { amount: 10, unit: null, text: '', from: '', rollForward: false, owner: '' as 'maal', owes: '' },
          sources: ['http://www.kk.dk/svarpolitik'],
        }),
      ),
    );
    expect(e.code).toBe('validation');
    expect(e.fields).toEqual({
      id: expect.stringContaining('små bogstaver'),
      title: 'Giv reglen en titel.',
      summary: 'Skriv et kort resumé af, hvad reglen kræver.',
      citation: 'Henvisningen i breve skal være lovens navn, paragraf og stykke – ikke en webadresse. Læg adressen under Kilder.',
      'deadline.amount': 'Angiv både antal og enhed, eller ingen af dem.',
      'deadline.owner': 'Angiv, hvis frist det er: borgerens, myndighedens lovbestemte frist eller en lokal målsætning.',
      'sources.0': expect.stringContaining('https-adresse'),
    });
    expect(ruleAudit()).toEqual([]);
  });

  it('refuses an id that is already used, also by a shipped rule', () => {
    createRule(app.ctx, svarpolitik());
    expect(thrownAppError(() => createRule(app.ctx, svarpolitik())).fields?.['id']).toContain('Der findes allerede en regel');
    expect(thrownAppError(() => createRule(app.ctx, svarpolitik({ id: 'fvl-22-begrundelse' }))).code).toBe('conflict');
    expect(ruleAudit()).toHaveLength(1);
  });
});

describe('updateRule', () => {
  it('marks an edited shipped rule and records exactly what changed', () => {
    const input = { ...(SHIPPED_RULES.find((r) => r.id === 'fvl-23-mundtlig-afgoerelse') as RuleInput) };
    const rule = updateRule(app.ctx, input.id, { ...input, verification: 'yes', note: 'Kontrolleret mod retsinformation.dk.' });
    expect(rule).toMatchObject({ edited: true, verification: 'yes' });
    const [entry] = ruleAudit();
    expect(entry?.action).toBe('Regel ændret: fvl-23-mundtlig-afgoerelse');
    expect(JSON.parse(entry?.changes ?? '[]')).toEqual([
      { field: 'Verificering', before: 'Delvist verificeret', after: 'Verificeret' },
      { field: 'Note', before: input.note, after: 'Kontrolleret mod retsinformation.dk.' },
      { field: 'Tilpasset af rådgiveren', before: 'Nej', after: 'Ja' },
    ]);
  });

  it('lets the adviser change an own rule’s role, never a shipped rule’s', () => {
    createRule(app.ctx, svarpolitik());
    expect(updateRule(app.ctx, 'kom-svarpolitik-2', svarpolitik({ role: 'baggrund' })).role).toBe('baggrund');
    const aflysning = SHIPPED_RULES.find((r) => r.id === 'gfs-aflysning-moeder') as RuleInput;
    const e = thrownAppError(() => updateRule(app.ctx, aflysning.id, { ...aflysning, role: 'norm', verification: 'yes' }));
    expect(e.fields).toEqual({ role: expect.stringMatching(/^En regel fra regelkataloget beholder sin rolle\. .*opret en egen regel/) });
    expect(getRule(app.ctx, aflysning.id).rule).toMatchObject({ role: 'baggrund', verification: 'no', edited: false });
    // Its citation and what is due may be corrected (a newer LBK, say), like any other field.
    const fvl16 = SHIPPED_RULES.find((r) => r.id === 'fvl-16-aktindsigt-frist') as RuleInput;
    expect(updateRule(app.ctx, fvl16.id, { ...fvl16, citation: 'forvaltningslovens § 16, stk. 2' }).citation).toBe('forvaltningslovens § 16, stk. 2');
  });

  it('writes nothing when nothing changed, refuses a new id and an unknown rule', () => {
    createRule(app.ctx, svarpolitik());
    updateRule(app.ctx, 'kom-svarpolitik-2', svarpolitik());
    expect(ruleAudit()).toHaveLength(1);
    expect(thrownAppError(() => updateRule(app.ctx, 'kom-svarpolitik-2', svarpolitik({ id: 'kom-svarpolitik-3' }))).fields?.['id']).toBe(
      'En regels id kan ikke ændres. Opret en ny regel, hvis du vil bruge et andet id.',
    );
    const missing = thrownAppError(() => updateRule(app.ctx, 'kom-findes-ikke', svarpolitik({ id: 'kom-findes-ikke' })));
    expect(missing.code).toBe('not_found');
    expect(missing.message).toBe('Reglen »kom-findes-ikke« findes ikke i regelkataloget.');
  });
});

describe('setRuleRetired', () => {
  it('retires from today and brings back, with an audit entry each way, and is idempotent', () => {
    expect(setRuleRetired(app.ctx, 'lab-reform-2026', true).validTo).toBe('2025-06-15');
    expect(setRuleRetired(app.ctx, 'lab-reform-2026', true).validTo).toBe('2025-06-15');
    expect(listRules(app.ctx, all).map((r) => r.id)).not.toContain('lab-reform-2026');
    expect(setRuleRetired(app.ctx, 'lab-reform-2026', false).validTo).toBeNull();
    expect(ruleAudit().map((a) => a.action)).toEqual(['Regel markeret som udgået: lab-reform-2026', 'Regel taget i brug igen: lab-reform-2026']);
    expect(thrownAppError(() => setRuleRetired(app.ctx, 'findes-ikke', true)).code).toBe('not_found');
  });
});

describe('theme suggestions', () => {
  it('suggests, edits the mapping with an audit entry, and refuses unknown rules and themes', () => {
    const o = org(app.ctx.db);
    const tone = o.theme('Optræden og tone');
    expect(suggestRules(app.ctx, [tone])).toEqual(['gfs-saglighed-proportionalitet', 'gfs-tone']);
    expect(setThemeRules(app.ctx, tone, ['gfs-tone', 'gfs-klart-sprog'])).toEqual(['gfs-klart-sprog', 'gfs-tone']);
    const [entry] = ruleAudit();
    expect(entry?.action).toBe('Regelforslag for tema ændret');
    expect(JSON.parse(entry?.changes ?? '[]')).toEqual([{ field: 'Tema Optræden og tone', before: 'gfs-saglighed-proportionalitet, gfs-tone', after: 'gfs-klart-sprog, gfs-tone' }]);
    expect(thrownAppError(() => setThemeRules(app.ctx, tone, ['gfs-tone', 'findes-ikke'])).fields).toEqual({ ruleIds: 'Reglen »findes-ikke« findes ikke i regelkataloget.' });
    expect(thrownAppError(() => setThemeRules(app.ctx, 999_999, [])).code).toBe('not_found');
    expect(suggestRules(app.ctx, [tone])).toEqual(['gfs-klart-sprog', 'gfs-tone']);
  });

  it('refuses to suggest a background rule for a theme, in Danish', () => {
    const tone = org(app.ctx.db).theme('Optræden og tone');
    const e = thrownAppError(() => setThemeRules(app.ctx, tone, ['gfs-tone', 'gfs-aflysning-moeder']));
    expect(e.fields).toEqual({ ruleIds: expect.stringMatching(/^GFS – Aflysning af møder \/ varsling beskriver baggrund og kan ikke registreres som »ikke overholdt«/) });
    expect(suggestRules(app.ctx, [tone])).toEqual(['gfs-saglighed-proportionalitet', 'gfs-tone']);
  });
});

describe('through the IPC contract', () => {
  it('answers rules:get with the rule and its citations', async () => {
    const r = await app.dispatch('rules:get', { id: 'fvl-19-partshoering' }, null);
    expect(r).toMatchObject({ ok: true, value: { rule: { id: 'fvl-19-partshoering', verification: 'yes' }, citations: [] } });
    const missing = await app.dispatch('rules:get', { id: 'findes-ikke' }, null);
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
