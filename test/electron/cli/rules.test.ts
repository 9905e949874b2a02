/** `ombud rules list|show` against a real database file, through the CLI's main(). */
import { RuleSchema } from '../../../shared/domain/rule';
import { CATALOG_VERSION, SHIPPED_RULES } from '../../../shared/rules/catalog';
import { cliFolder } from './run-cli';

const { db, ombud } = cliFolder('ombud-cli-rules');

describe('ombud rules', () => {
  it('lists the catalogue as JSON, every rule complete and the unverified ones marked', async () => {
    const r = await ombud('rules', 'list', '--json', '--db', db);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as { catalogVersion: number; rules: Array<Record<string, unknown>> };
    expect(parsed.catalogVersion).toBe(CATALOG_VERSION);
    expect(parsed.rules).toHaveLength(SHIPPED_RULES.length);
    for (const rule of parsed.rules) {
      const { mark, ...fields } = rule;
      const valid = RuleSchema.parse(fields);
      expect(mark).toBe(valid.verification === 'yes' ? null : 'ikke fuldt verificeret');
    }
  });

  it('prints a Danish table with the deadline and the mark', async () => {
    const r = await ombud('rules', 'list', '--db', db);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^id\s+lov\s+paragraf\s+titel\s+frist\s+verificering$/);
    const aflysning = lines.find((l) => l.startsWith('gfs-aflysning-moeder '));
    expect(aflysning).toMatch(/ikke fuldt verificeret$/);
    expect(lines.find((l) => l.startsWith('ofl-36-frist '))).toMatch(/OFL\s+§ 36, stk\. 2\s+Frist for aktindsigt .*7 arbejdsdage\s*$/);
    const unverified = SHIPPED_RULES.filter((x) => x.verification !== 'yes').length;
    expect(r.out).toContain(`${SHIPPED_RULES.length} regler, heraf ${unverified} ikke fuldt verificeret.`);
  });

  it('shows one rule with sources and the number of klagepunkter citing it', async () => {
    const r = await ombud('rules', 'show', 'fvl-16-aktindsigt-frist', '--db', db);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('fvl-16-aktindsigt-frist (ikke fuldt verificeret)');
    expect(r.out).toContain('Frist:         7 arbejdsdage fra myndighedens modtagelse af anmodningen; vises uforlænget');
    expect(r.out).toContain('Citeret af:    0 klagepunkter');
    expect(r.out).toContain('  https://stevns.dk/om-kommunen/aktindsigt');
    // The formal citation a letter uses, the role and whose deadline it is.
    expect(r.out).toContain(
      'Henvisning:    forvaltningslovens § 16, stk. 2, jf. lovbekendtgørelse nr. 433 af 22. april 2014, som ændret ved lov nr. 503 af 23. maj 2018\n',
    );
    expect(r.out).toContain('Rolle:         Retsregel\n');
    expect(r.out).toContain('Hvis frist:    Lovbestemt frist for myndigheden\n');
    expect(r.out).toContain('Skal ske:      en afgørelse om aktindsigt eller besked om grunden til forsinkelsen og om, hvornår afgørelsen kommer\n');
    const background = await ombud('rules', 'show', 'gfs-aflysning-moeder', '--db', db);
    expect(background.out).toContain('\nGFS – Aflysning af møder / varsling\n');
    expect(background.out).toContain('Rolle:         Baggrund – kan ikke registreres som ikke overholdt\n');
    expect(background.out).not.toContain('Hvis frist:');
    const j = await ombud('rules', 'show', 'rsl-67-klagefrist', '--json', '--db', db);
    expect(j.code).toBe(0);
    const parsed = JSON.parse(j.out) as { rule: unknown; mark: string | null; citationCount: number; suggestedForThemes: string[] };
    expect(RuleSchema.parse(parsed.rule)).toMatchObject({ id: 'rsl-67-klagefrist', role: 'norm', deadline: { amount: 4, unit: 'uger', rollForward: true, owner: 'borger' } });
    expect(parsed).toMatchObject({ mark: null, citationCount: 0, suggestedForThemes: ['Klagevejledning'] });
  });

  it('exits 1 with a Danish message for an unknown id, and 2 on wrong use', async () => {
    const unknown = await ombud('rules', 'show', 'fvl-999', '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('Fejl: Reglen »fvl-999« findes ikke i regelkataloget.\n');
    expect(unknown.out).toBe('');
    for (const args of [['rules'], ['rules', 'frob'], ['rules', 'show'], ['rules', 'list', 'ekstra']]) {
      const r = await ombud(...args, '--db', db);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/^Fejl: /);
    }
  });

  it('has Danish help and is listed in the overview', async () => {
    const h = await ombud('rules', '--help');
    expect(h.code).toBe(0);
    expect(h.out).toContain('Brug: ombud rules list [--json]');
    expect(h.out).toContain('ikke fuldt verificeret');
    expect((await ombud('--help')).out).toMatch(/^ {2}rules +Vis regelkataloget/m);
  });
});
