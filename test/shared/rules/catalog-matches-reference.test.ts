/**
 * The shipped catalogue against the checked reference (../shared/reference/legal-rules.json, beside
 * the checkout): every rule verified yes/partial is shipped with the reference's id, law, paragraph,
 * verification and deadline, and the summaries are our own words, not the reference's.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NOT_FULLY_VERIFIED, RuleInputSchema, validateRuleInput, verificationMark, type DeadlineUnitCode } from '../../../shared/domain/rule';
import { CATALOG_VERSION, SHIPPED_RULES } from '../../../shared/rules/catalog';
import { DEFAULT_THEME_RULES } from '../../../shared/rules/theme-suggestions';
import { DEFAULT_THEMES } from '../../../electron/services/seed';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const referenceFile = path.resolve(repoRoot, '..', 'shared', 'reference', 'legal-rules.json');
const haveReference = existsSync(referenceFile);
if (!haveReference) console.log(`Springer sammenligningen med referencen over: ${referenceFile} findes ikke.`);

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

const reference: RefRule[] = haveReference ? (JSON.parse(readFileSync(referenceFile, 'utf8')) as RefRule[]) : [];
const shipped = new Map(SHIPPED_RULES.map((r) => [r.id, r]));

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
      return 'maaneder';
    default:
      return null;
  }
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
    expect(computableUnit('uger inden for 9 kalendermåneder')).toBeNull();
    expect(computableUnit('snarest muligt')).toBeNull();
  });
  it('finds a copied sentence', () => {
    expect(longestSharedRun('Myndigheden skal svare hurtigt på breve', 'Her står: myndigheden skal svare hurtigt.')).toBe(4);
  });
});

describe.skipIf(!haveReference)('the shipped catalogue matches the reference', () => {
  const wanted = reference.filter((r) => r.verified === 'yes' || r.verified === 'partial');

  it('the reference still has the 61 checked rules this catalogue was built from', () => {
    expect(wanted).toHaveLength(61);
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
        expect({ amount: d.amount, unit: d.unit }).toEqual({ amount: ref.deadline.amount, unit });
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

  it('ships gfs-aflysning-moeder flagged, and no other rule the reference could not verify', () => {
    expect(shipped.get('gfs-aflysning-moeder')?.verification).toBe('no');
    const unverified = reference.filter((r) => r.verified === 'no').map((r) => r.id);
    expect(SHIPPED_RULES.filter((r) => unverified.includes(r.id)).map((r) => r.id)).toEqual(['gfs-aflysning-moeder']);
    expect(SHIPPED_RULES.every((r) => reference.some((ref) => ref.id === r.id))).toBe(true);
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

  it('rolls forward only the citizen’s klagefrist; the authority’s own deadlines are shown unrolled (§ b.3)', () => {
    expect(SHIPPED_RULES.filter((r) => r.deadline?.rollForward).map((r) => r.id)).toEqual(['rsl-67-klagefrist']);
    expect(shipped.get('rsl-66-genvurdering')?.deadline?.rollForward).toBe(false);
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
    expect(byTheme.get('Aflyste møder')).toEqual(['gfs-aflysning-moeder', 'gfs-tone', 'gfs-besvarelse']);
    expect(byTheme.get('Sagsbehandlingstid')).toEqual(expect.arrayContaining(['gfs-rimelig-sagsbehandlingstid', 'rsl-3-frister', 'gfs-underretning-forsinkelse']));
    expect(byTheme.get('Aktindsigt')).toEqual(expect.arrayContaining(['fvl-16-aktindsigt-frist', 'ofl-36-frist']));
  });
});
