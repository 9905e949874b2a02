/** shared/letters/phrases.ts: the Danish validation of a phrase and the phrases offered per section. */
import { describe, expect, it } from 'vitest';
import { phrasesForSection, phraseProblems, normalisePhraseInput, type Phrase } from '../../../shared/letters/phrases';

let next = 1;
const p = (scope: Phrase['scope'], key: string | null, title: string): Phrase => ({ id: next++, scope, key, title, text: `${title} …` });

const LIBRARY: Phrase[] = [
  p('generel', null, 'G1'),
  p('generel', null, 'G2'),
  p('udfald', 'kritik', 'K1'),
  p('udfald', 'kritik', 'K2'),
  p('udfald', 'ingen_kritik', 'I1'),
  p('regel', 'fvl-19-partshoering', 'Partshøring'),
  p('regel', 'fvl-22-begrundelse', 'Begrundelse 1'),
  p('regel', 'fvl-22-begrundelse', 'Begrundelse 2'),
  p('regel', 'ofl-13-notatpligt', 'Notat'),
];
const titles = (list: Phrase[]) => list.map((x) => x.title);

describe('phrasesForSection', () => {
  it('offers a klagepunkt its outcome\'s phrases, then its rules\' in the klagepunkt\'s order, then the general ones', () => {
    expect(titles(phrasesForSection(LIBRARY, { outcome: 'kritik', ruleIds: ['fvl-22-begrundelse', 'fvl-19-partshoering'] })))
      .toEqual(['K1', 'K2', 'Begrundelse 1', 'Begrundelse 2', 'Partshøring', 'G1', 'G2']);
  });

  it('offers only the general ones outside a klagepunkt, and for an outcome or rule without phrases', () => {
    expect(titles(phrasesForSection(LIBRARY, { outcome: null, ruleIds: [] }))).toEqual(['G1', 'G2']);
    expect(titles(phrasesForSection(LIBRARY, { outcome: 'afvist', ruleIds: ['gfs-tone'] }))).toEqual(['G1', 'G2']);
  });

  it('gives a rule named twice its phrases once, and an outcome without rules its own first', () => {
    expect(titles(phrasesForSection(LIBRARY, { outcome: 'ingen_kritik', ruleIds: ['ofl-13-notatpligt', 'ofl-13-notatpligt'] })))
      .toEqual(['I1', 'Notat', 'G1', 'G2']);
  });
});

describe('phraseProblems', () => {
  it('accepts a complete phrase of each scope', () => {
    expect(phraseProblems({ scope: 'generel', key: null, title: 'Beklaget', text: 'Jeg har noteret mig …' })).toEqual({});
    expect(phraseProblems({ scope: 'udfald', key: 'meget_alvorlig_kritik', title: 'Særdeles', text: 'Jeg finder det særdeles kritisabelt, at …' })).toEqual({});
    expect(phraseProblems({ scope: 'regel', key: 'fvl-22-begrundelse', title: 'Begrundelse', text: 'x' })).toEqual({});
  });

  it('says in Danish what is missing or too long', () => {
    expect(phraseProblems({ scope: 'udfald', key: null, title: ' ', text: '' })).toEqual({
      key: 'Vælg det udfald, standardteksten hører til.',
      title: 'Skriv en overskrift til standardteksten.',
      text: 'Skriv selve standardteksten.',
    });
    expect(phraseProblems({ scope: 'regel', key: '', title: 'x'.repeat(121), text: 'y'.repeat(4001) })).toEqual({
      key: 'Vælg den regel, standardteksten hører til.',
      title: 'Overskriften må højst være 120 tegn (den er 121).',
      text: 'Teksten må højst være 4.000 tegn (den er 4.001).',
    });
  });

  it('refuses a key that does not fit the scope', () => {
    expect(phraseProblems({ scope: 'udfald', key: 'lidt_kritik', title: 'T', text: 'x' }).key).toBe('Udfaldet findes ikke. Vælg et udfald på listen.');
    expect(phraseProblems({ scope: 'regel', key: 'FVL § 22', title: 'T', text: 'x' }).key).toBe('Reglen findes ikke. Vælg en regel på listen.');
    expect(phraseProblems({ scope: 'generel', key: 'kritik', title: 'T', text: 'x' }).key).toBe('En generel standardtekst hører ikke til et udfald eller en regel.');
  });

  it('stores the phrase trimmed, without a key when it is general', () => {
    expect(normalisePhraseInput({ scope: 'generel', key: '', title: ' T ', text: ' tekst\n' })).toEqual({ scope: 'generel', key: null, title: 'T', text: 'tekst' });
  });
});
