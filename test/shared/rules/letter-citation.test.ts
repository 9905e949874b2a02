/**
 * What a letter may say about a rule (letterCitation, formalCitation), which rules can never be
 * recorded as breached (breachRefusal), and the rule form's new checks (validateRuleInput).
 */
import { describe, expect, it } from 'vitest';
import type { DeadlineOwner } from '../../../shared/deadlines/owner';
import { breachRefusal, formalCitation, letterCitation, validateRuleInput, type RuleInput } from '../../../shared/domain/rule';
import { SHIPPED_RULES } from '../../../shared/rules/catalog';

const shipped = (id: string): RuleInput => {
  const r = SHIPPED_RULES.find((x) => x.id === id);
  if (!r) throw new Error(`ikke i kataloget: ${id}`);
  return r;
};

const own: RuleInput = {
  id: 'kom-moeder',
  lawShort: 'KOM',
  lawFull: 'Aarhus Kommunes retningslinjer for borgermøder',
  paragraph: 'pkt. 3',
  title: 'Aflysning af møder',
  summary: 'Aflyser forvaltningen et møde, får borgeren besked senest dagen før.',
  category: 'adfærd',
  citation: '',
  role: 'norm',
  deadline: null,
  sources: [],
  verification: 'no',
  note: '',
};

describe('letterCitation', () => {
  it('gives a fully verified rule its formal citation and summary, never a source', () => {
    const rule = shipped('fvl-19-partshoering');
    const c = letterCitation(rule);
    expect(c.citation).toBe('forvaltningslovens § 19, stk. 1, jf. lovbekendtgørelse nr. 433 af 22. april 2014, som ændret ved lov nr. 503 af 23. maj 2018');
    expect(c.summary).toBe(rule.summary);
    expect(JSON.stringify(c)).not.toMatch(/https?:/);
  });

  it('gives a partially verified rule its citation only: the summary is not checked against the law', () => {
    const rule = shipped('fvl-16-aktindsigt-frist');
    expect(rule.verification).toBe('partial');
    expect(letterCitation(rule)).toEqual({ citation: rule.citation, summary: null });
    expect(letterCitation(shipped('sdp-13b-opfoelgning')).summary).toBeNull();
  });

  it('falls back to the law’s full name and paragraph for an own rule without a citation', () => {
    expect(formalCitation(own)).toBe('Aarhus Kommunes retningslinjer for borgermøder, pkt. 3');
    expect(formalCitation({ ...own, paragraph: '–' })).toBe('Aarhus Kommunes retningslinjer for borgermøder');
    expect(formalCitation({ ...own, citation: '  pkt. 3 i retningslinjerne  ' })).toBe('pkt. 3 i retningslinjerne');
    expect(letterCitation({ ...own, verification: 'yes' })).toEqual({ citation: 'Aarhus Kommunes retningslinjer for borgermøder, pkt. 3', summary: own.summary });
  });
});

describe('breachRefusal', () => {
  it('refuses a background rule and an unverified shipped rule, in Danish, with the way out', () => {
    const aflysning = breachRefusal({ ...shipped('gfs-aflysning-moeder'), origin: 'shipped' });
    expect(aflysning).toBe(
      'GFS – Aflysning af møder / varsling beskriver baggrund og kan ikke registreres som »ikke overholdt«. Vil du bygge på normen, så skriv en egen regel under Regler og tag selv ansvar for den.',
    );
    expect(breachRefusal({ ...shipped('lab-reform-2026'), origin: 'shipped' })).toMatch(/^LAB .* beskriver baggrund/);
    // A shipped norm the reference could not verify (none ships today, but an edit could make one).
    expect(breachRefusal({ ...shipped('gfs-tone'), origin: 'shipped', verification: 'no' })).toMatch(/er ikke verificeret og kan ikke registreres som »ikke overholdt«/);
  });

  it('lets a verified or partial norm, and the adviser’s own unverified norm, be recorded as breached', () => {
    expect(breachRefusal({ ...shipped('fvl-19-partshoering'), origin: 'shipped' })).toBeNull();
    expect(breachRefusal({ ...shipped('fvl-16-aktindsigt-frist'), origin: 'shipped' })).toBeNull();
    expect(breachRefusal({ ...own, origin: 'own' })).toBeNull();
    expect(breachRefusal({ ...own, origin: 'own', role: 'baggrund' })).toMatch(/beskriver baggrund/);
  });
});

describe('validateRuleInput', () => {
  it('refuses a web address as the citation for letters', () => {
    expect(validateRuleInput({ ...own, citation: 'https://www.retsinformation.dk/eli/lta/2014/433' })['citation']).toMatch(/ikke en webadresse/);
    expect(validateRuleInput({ ...own, citation: 'www.aarhus.dk/moeder' })['citation']).toMatch(/ikke en webadresse/);
    expect(validateRuleInput({ ...own, citation: 'pkt. 3 i Aarhus Kommunes retningslinjer' })).toEqual({});
  });

  it('an own rule that sets a deadline must say whose it is', () => {
    const deadline = { amount: 1, unit: 'dage' as const, text: '', from: 'mødets aflysning', rollForward: false, owes: '' };
    expect(validateRuleInput({ ...own, deadline: { ...deadline, owner: '' as DeadlineOwner } })).toEqual({
      'deadline.owner': 'Angiv, hvis frist det er: borgerens, myndighedens lovbestemte frist eller en lokal målsætning.',
    });
    expect(validateRuleInput({ ...own, deadline: { ...deadline, owner: 'maal' } })).toEqual({});
  });
});
