/**
 * The shipped catalogue against the checked reference: the dated copy in docs/reference (always), and
 * the reference beside the checkout (../shared/reference/legal-rules.json) when it is there, so a
 * newer reference shows at once what the catalogue must follow. Every rule verified yes/partial is shipped with the reference's id, law, paragraph,
 * verification and deadline (except gfs-14-dages-svar, which is the svarpolitik setting), and the
 * summaries are our own words, not the reference's. Also: whose each deadline is, the formal
 * citations for letters, and which rules are background only.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ANSWER_POLICY } from '../../../shared/domain/deadline-tracking';
import { NOT_FULLY_VERIFIED, RuleInputSchema, breachRefusal, validateRuleInput, verificationMark, type DeadlineUnitCode } from '../../../shared/domain/rule';
import { CATALOG_VERSION, SHIPPED_RULES } from '../../../shared/rules/catalog';
import { DEFAULT_THEME_RULES } from '../../../shared/rules/theme-suggestions';
import { DEFAULT_THEMES } from '../../../electron/services/seed';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const copyFile = path.join(repoRoot, 'docs', 'reference', 'legal-rules.json');
const besideFile = path.resolve(repoRoot, '..', 'shared', 'reference', 'legal-rules.json');
if (!existsSync(besideFile)) console.log(`Springer sammenligningen med referencen ved siden af kopien over: ${besideFile} findes ikke (kopien i docs/reference bruges stadig).`);

type RefRule = {
  id: string;
  law_short: string;
  law_full: string;
  paragraph: string;
  title_da: string;
  summary_da: string;
  category: string;
  deadline: { amount: number | null; unit: string; from_event: string } | null;
  sources: string[];
  verified: 'yes' | 'partial' | 'no';
  note: string;
};

const load = (file: string): RefRule[] => JSON.parse(readFileSync(file, 'utf8')) as RefRule[];
const REFERENCES: ReadonlyArray<{ name: string; rules: RefRule[] }> = [
  { name: 'the copy in docs/reference', rules: load(copyFile) },
  ...(existsSync(besideFile) ? [{ name: 'the reference beside the checkout', rules: load(besideFile) }] : []),
];
const shipped = new Map(SHIPPED_RULES.map((r) => [r.id, r]));

/** Checked by the reference, but not a rule: the municipality's svarpolitik, a deadline setting. */
const IN_SETTINGS = ['gfs-14-dages-svar'];

/** Rules that only describe background or the substance of decisions (never recorded as breached). */
const BACKGROUND = [
  'lab-reform-2026',
  'pension-16-betingelser',
  'sdp-24-varighed',
  'sdp-25-pensionister',
  'sdp-27-forlaengelse',
  'ksl-65e-borgerraadgiver',
  'dbl-opbevaring-borgerraadgiver',
  'gfs-aflysning-moeder',
];

/** Laws whose current consolidated act the reference verified ("Lovnavne/versioner"), as a letter cites it. */
const VERIFIED_LBK: Readonly<Record<string, string>> = {
  FVL: 'jf. lovbekendtgørelse nr. 433 af 22. april 2014, som ændret ved lov nr. 503 af 23. maj 2018',
  OFL: 'jf. lovbekendtgørelse nr. 145 af 24. februar 2020',
  SDL: 'jf. lovbekendtgørelse nr. 1179 af 21. september 2023',
  LAB: 'jf. lovbekendtgørelse nr. 280 af 1. marts 2024, som ændret ved lov nr. 1750 af 29. december 2025',
};

/**
 * The reference's free-text unit → the catalogue's computable unit, or null when it cannot be
 * computed. A trailing parenthesis qualifies a plain unit ("dage (lokal målsætning)",
 * "måned (+ evt. 2 måneder)"); anything else ("uger inden for 9 kalendermåneder", "snarest muligt")
 * is not computable.
 */
function computableUnit(unit: string): DeadlineUnitCode | null {
  const plain = unit.replace(/\s*\(.*\)\s*$/, '').trim();
  switch (plain) {
    case 'arbejdsdage':
      return 'arbejdsdage';
    case 'dage':
      return 'dage';
    case 'uger':
      return 'uger';
    case 'måned':
    case 'måneder':
    case 'år':
      return 'maaneder';
    default:
      return null;
  }
}

/** The reference's amount in the catalogue's unit: a year is stored as 12 måneder (same day a year later). */
function computableAmount(amount: number, unit: string): number {
  return unit.replace(/\s*\(.*\)\s*$/, '').trim() === 'år' ? amount * 12 : amount;
}

/** Lower-case words, for finding text copied from the reference. */
function words(s: string): string[] {
  return s.toLocaleLowerCase('da-DK').replace(/[^\p{L}\p{N}§]+/gu, ' ').trim().split(' ');
}

/** The longest run of consecutive words `ours` shares with `theirs`. */
function longestSharedRun(ours: string, theirs: string): number {
  const a = words(ours);
  const b = ` ${words(theirs).join(' ')} `;
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + best + 1; j <= a.length && b.includes(` ${a.slice(i, j).join(' ')} `); j++) best = j - i;
  }
  return best;
}

describe('the unit mapping used below', () => {
  it('maps plain units and refuses windows and words', () => {
    expect(computableUnit('arbejdsdage')).toBe('arbejdsdage');
    expect(computableUnit('dage (lokal målsætning)')).toBe('dage');
    expect(computableUnit('måned (+ evt. 2 måneder)')).toBe('maaneder');
    expect(computableUnit('måneder')).toBe('maaneder');
    expect(computableUnit('år')).toBe('maaneder');
    expect(computableAmount(1, 'år')).toBe(12);
    expect(computableAmount(4, 'uger')).toBe(4);
    expect(computableUnit('uger inden for 9 kalendermåneder')).toBeNull();
    expect(computableUnit('snarest muligt')).toBeNull();
  });
  it('finds a copied sentence', () => {
    expect(longestSharedRun('Myndigheden skal svare hurtigt på breve', 'Her står: myndigheden skal svare hurtigt.')).toBe(4);
  });
});

describe.each(REFERENCES)('the shipped catalogue matches $name', ({ rules: reference }) => {
  const checked = reference.filter((r) => r.verified === 'yes' || r.verified === 'partial');
  const wanted = checked.filter((r) => !IN_SETTINGS.includes(r.id));

  it('the reference still has the 62 checked rules this catalogue was built from (61 shipped, 1 a setting)', () => {
    expect(checked).toHaveLength(62);
    expect(wanted).toHaveLength(61);
  });

  it('keeps gfs-14-dages-svar out of the catalogue: it is the svarpolitik setting, with the reference’s 14 dage', () => {
    const ref = reference.find((r) => r.id === 'gfs-14-dages-svar');
    expect(ref?.category).toBe('lokal målsætning');
    expect(shipped.has('gfs-14-dages-svar')).toBe(false);
    expect(DEFAULT_ANSWER_POLICY).toMatchObject({ amount: ref?.deadline?.amount, unit: computableUnit(ref?.deadline?.unit ?? '') });
  });

  it.each(wanted.map((r) => [r.id, r] as const))('%s is shipped with the reference facts', (_id, ref) => {
    const rule = shipped.get(ref.id);
    expect(rule, `${ref.id} mangler i kataloget`).toBeDefined();
    if (!rule) return;
    expect(rule.paragraph).toBe(ref.paragraph);
    expect(rule.lawShort).toBe(ref.law_short);
    expect(rule.lawFull).toBe(ref.law_full);
    expect(rule.verification).toBe(ref.verified);
    expect(rule.category).toBe(ref.category);
    if (ref.deadline === null) {
      expect(rule.deadline).toBeNull();
    } else {
      const d = rule.deadline;
      expect(d).not.toBeNull();
      if (!d) return;
      const unit = computableUnit(ref.deadline.unit);
      if (unit !== null && ref.deadline.amount !== null) {
        expect({ amount: d.amount, unit: d.unit }).toEqual({ amount: computableAmount(ref.deadline.amount, ref.deadline.unit), unit });
      } else {
        expect({ amount: d.amount, unit: d.unit }).toEqual({ amount: null, unit: null });
        expect(d.text).toContain(ref.deadline.unit);
      }
      expect(d.from).toContain(ref.deadline.from_event);
    }
  });

  it('writes every summary and note in its own words', () => {
    for (const ref of reference) {
      const rule = shipped.get(ref.id);
      if (!rule) continue;
      expect(rule.summary, ref.id).not.toBe(ref.summary_da);
      expect(rule.note, ref.id).not.toBe(ref.note);
      // A legal fact may share a phrase with the reference, never a copied sentence.
      expect(longestSharedRun(rule.summary, ref.summary_da), `${ref.id}: resumé`).toBeLessThan(14);
      expect(longestSharedRun(rule.note, ref.note), `${ref.id}: note`).toBeLessThan(14);
    }
  });

  it('ships gfs-aflysning-moeder flagged and as background, and no other rule the reference could not verify', () => {
    expect(shipped.get('gfs-aflysning-moeder')).toMatchObject({ verification: 'no', role: 'baggrund' });
    const unverified = reference.filter((r) => r.verified === 'no').map((r) => r.id);
    expect(SHIPPED_RULES.filter((r) => unverified.includes(r.id)).map((r) => r.id)).toEqual(['gfs-aflysning-moeder']);
    expect(shipped.has('fvl-31-32-videregivelse')).toBe(false);
    expect(SHIPPED_RULES.every((r) => reference.some((ref) => ref.id === r.id))).toBe(true);
  });

  it('shows the reference’s downgrades: sdp-13b and sdp-27 are partial, so they carry the mark', () => {
    for (const id of ['sdp-13b-opfoelgning', 'sdp-27-forlaengelse']) {
      expect(reference.find((r) => r.id === id)?.verified, id).toBe('partial');
      expect(verificationMark(shipped.get(id)?.verification ?? 'yes'), id).toBe(NOT_FULLY_VERIFIED);
    }
  });

  it('links every reference source (http upgraded to https)', () => {
    for (const ref of reference) {
      const rule = shipped.get(ref.id);
      if (rule) expect(rule.sources, ref.id).toEqual(ref.sources.map((s) => s.replace(/^http:\/\//, 'https://')));
    }
  });
});

describe('the shipped catalogue on its own', () => {
  it('has unique ids and passes the same validation as an adviser’s rule', () => {
    expect(CATALOG_VERSION).toBeGreaterThanOrEqual(1);
    expect(new Set(SHIPPED_RULES.map((r) => r.id)).size).toBe(SHIPPED_RULES.length);
    for (const rule of SHIPPED_RULES) {
      expect(RuleInputSchema.safeParse(rule).success, rule.id).toBe(true);
      expect(validateRuleInput(rule), rule.id).toEqual({});
    }
  });

  it('rolls forward only the citizen’s klagefrister; the authority’s own deadlines are shown unrolled (§ b.3)', () => {
    expect(SHIPPED_RULES.filter((r) => r.deadline?.rollForward).map((r) => r.id)).toEqual(['rsl-67-klagefrist', 'fob-13-klagefrist']);
    expect(shipped.get('rsl-66-genvurdering')?.deadline?.rollForward).toBe(false);
  });

  it('says whose every deadline is (§ b.5), and what a letter says is due', () => {
    const owner = (id: string) => shipped.get(id)?.deadline?.owner;
    for (const id of ['rsl-67-klagefrist', 'fob-13-klagefrist', 'fvl-19-partshoering']) expect(owner(id), id).toBe('borger');
    for (const id of ['ofl-36-frist', 'fvl-16-aktindsigt-frist', 'fvl-23-mundtlig-afgoerelse', 'rsl-66-genvurdering', 'gdpr-12-3-svarfrist', 'pension-17-eget-initiativ']) {
      expect(owner(id), id).toBe('myndighed');
      expect(shipped.get(id)?.deadline?.owes, id).not.toBe('');
    }
    // Only the citizen's own deadlines move to the next weekday.
    for (const r of SHIPPED_RULES) if (r.deadline?.rollForward) expect(r.deadline.owner, r.id).toBe('borger');
    expect(shipped.get('ofl-36-frist')?.deadline?.owes).toBe('en afgørelse eller besked om, hvornår den kommer');
    expect(shipped.get('fob-13-klagefrist')?.deadline).toMatchObject({ amount: 12, unit: 'maaneder', text: '1 år', owner: 'borger', rollForward: true });
  });

  it('gives every rule a formal citation for letters: the law and paragraph, the verified LBK only, never a web page', () => {
    for (const r of SHIPPED_RULES) {
      expect(r.citation, r.id).not.toBe('');
      expect(r.citation, r.id).not.toMatch(/https?:|www\.|\.dk\b/);
      const lbk = VERIFIED_LBK[r.lawShort];
      // The LBK only where "Lovnavne/versioner" verified one; none invented for RSL, KSL, PL, OML.
      if (lbk === undefined) expect(r.citation, r.id).not.toMatch(/lovbekendtgørelse|LBK/);
      else expect(r.citation, r.id).toContain(lbk);
      // The paragraph's first number is the one cited (§ 19 → "§ 19", Art. 12 → "artikel 12").
      const n = /^(?:§+|Art\.)\s*(\d+)/.exec(r.paragraph);
      if (n) expect(r.citation, r.id).toMatch(new RegExp(`(§+|artikel) ${n[1]}\\b`));
    }
    expect(shipped.get('fvl-19-partshoering')?.citation).toBe(
      'forvaltningslovens § 19, stk. 1, jf. lovbekendtgørelse nr. 433 af 22. april 2014, som ændret ved lov nr. 503 af 23. maj 2018',
    );
    expect(shipped.get('fob-13-klagefrist')?.citation).toMatch(/^ombudsmandslovens § 13, stk\. 3\b/);
  });

  it('marks exactly the background rules as background; they can never be recorded as breached', () => {
    expect(SHIPPED_RULES.filter((r) => r.role === 'baggrund').map((r) => r.id).sort()).toEqual([...BACKGROUND].sort());
    for (const r of SHIPPED_RULES) {
      const refusal = breachRefusal({ ...r, origin: 'shipped' });
      if (BACKGROUND.includes(r.id)) expect(refusal, r.id).toMatch(/kan ikke registreres som »ikke overholdt«/);
      else expect(refusal, r.id).toBeNull();
    }
  });

  it('marks every rule that is not fully verified', () => {
    for (const rule of SHIPPED_RULES) expect(verificationMark(rule.verification), rule.id).toBe(rule.verification === 'yes' ? null : NOT_FULLY_VERIFIED);
  });

  it('suggests only shipped rules, for seeded themes', () => {
    for (const entry of DEFAULT_THEME_RULES) {
      expect(DEFAULT_THEMES, entry.theme).toContain(entry.theme);
      for (const id of entry.ruleIds) expect(shipped.has(id), `${entry.theme}: ${id}`).toBe(true);
    }
    const byTheme = new Map(DEFAULT_THEME_RULES.map((e) => [e.theme, e.ruleIds]));
    // Never a rule that cannot be recorded as breached.
    for (const entry of DEFAULT_THEME_RULES) {
      for (const id of entry.ruleIds) {
        const rule = shipped.get(id);
        if (rule) expect(breachRefusal({ ...rule, origin: 'shipped' }), `${entry.theme}: ${id}`).toBeNull();
      }
    }
    expect(byTheme.get('Aflyste møder')).toEqual(['gfs-tone', 'gfs-besvarelse']);
    expect(byTheme.get('Sagsbehandlingstid')).toEqual(expect.arrayContaining(['gfs-rimelig-sagsbehandlingstid', 'rsl-3-frister', 'gfs-underretning-forsinkelse']));
    expect(byTheme.get('Aktindsigt')).toEqual(expect.arrayContaining(['fvl-16-aktindsigt-frist', 'ofl-36-frist']));
  });
});
