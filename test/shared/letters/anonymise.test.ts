/** The anonymised finding: the case's own personal data, patterns, extra terms – everywhere, and nothing more. */
import { describe, expect, it } from 'vitest';
import { ANONYMISED, anonymiseLetter, type PersonalData } from '../../../shared/letters/anonymise';
import { blockTexts, type LetterDocument } from '../../../shared/letters/document';
import { draftFinding } from '../../../shared/letters/finding-draft';
import type { FindingSource } from '../../../shared/letters/finding-source';
import { letterTo, findingAddressees } from '../../../shared/letters/finding-variant';

const personal: PersonalData = {
  names: ['Şükrü Łukasz Ærø', 'Bo de Wit'],
  addresses: ['Åvej 1, 2. tv\n8000 Aarhus C'],
  cprs: ['010190-1234'],
  emails: ['sukru@example.dk'],
  phones: ['+45 12 34 56 78'],
  extraTerms: ['Dr. Nielsen', 'diabetes'],
};

const src: FindingSource = {
  sagsnr: '2026-0042', receivedOn: '2026-09-01', citizen: { name: 'Şükrü Łukasz Ærø', address: 'Åvej 1, 2. tv\n8000 Aarhus C' },
  summary: 'Şükrü Ærøs sygedagpenge stoppet',
  description: '',
  points: [{
    position: 1,
    description: 'Jobcentret ringede ikke til Ærø på 12345678 og skrev til SUKRU@EXAMPLE.DK',
    forvaltning: 'Beskæftigelsesforvaltningen', afdeling: null, outcome: 'kritik',
    rules: [{
      ruleId: 'fvl-19', assessment: 'ikke_overholdt',
      reasoning: 'Şükrü (cpr 0101901234) bor på Åvej 1, 2. tv. Hans bisidder Bo de Wit og Dr. Nielsen oplyste om Diabetes. De ringede fra 87 65 43 21.',
      citation: 'Forvaltningsloven § 19, stk. 1', lawFull: 'Forvaltningsloven', paragraph: '§ 19, stk. 1', summary: 'Parten skal høres.', verification: 'yes',
    }],
  }],
  requests: [{ forvaltning: 'Beskæftigelsesforvaltningen', kind: 'redegoerelse', sentOn: '2026-09-03', reminders: [], answeredOn: '2026-10-02', answerSummary: 'Vi talte med Łukasz den 2026-09-20 i sag 2026-0042.' }],
  meetings: [], recommendations: [], klagefrist: null,
  letterhead: { office: 'Borgerrådgiveren', municipality: 'Eksempel Kommune', addressLines: ['Rådhuset'], contactLines: ['Telefon 89 40 20 00'], logo: null },
  adviser: { name: 'Mette Rådgiver', title: 'Borgerrådgiver' }, date: '2026-12-05',
};

function everything(doc: LetterDocument): string {
  const m = doc.meta;
  return [m.title, m.subject, m.author, m.runningHeader, ...m.keywords, ...Object.values(doc.letterhead).flat().map(String), ...doc.blocks.flatMap(blockTexts)].join('\n');
}

describe('anonymiseLetter', () => {
  const { document, replacements } = anonymiseLetter(draftFinding(src), personal);
  const text = everything(document);

  it('leaves none of the personal data, in any spelling the letter uses', () => {
    for (const gone of ['Şükrü', 'Łukasz', 'Ærø', 'Åvej', '8000 Aarhus', '010190', '0101901234', '1234', 'sukru@', 'SUKRU', '12 34 56 78', '12345678', '87 65 43 21', 'Bo de Wit', 'Nielsen', 'iabetes']) {
      expect(text, gone).not.toContain(gone);
    }
  });

  it('says what was replaced by a readable word', () => {
    const reasoning = document.blocks.find((b) => b.kind === 'paragraph' && b.section === 'klagepunkt-1' && blockTexts(b)[0]?.includes('bisidder'));
    expect(blockTexts(reasoning!)[0]).toBe(
      '[borgeren] (cpr [cpr-nr.]) bor på [adresse]. Hans bisidder [navn] og [udeladt] oplyste om [udeladt]. De ringede fra [telefonnr.].',
    );
    expect(document.meta.subject).toBe('[borgeren] sygedagpenge stoppet');
    expect(document.letterhead.recipient).toEqual(['[borgeren]', '[adresse]']);
  });

  it('keeps the authority, dates, the sagsnr and ordinary words', () => {
    expect(document.letterhead.sender).toEqual(['Borgerrådgiveren', 'Eksempel Kommune', 'Rådhuset', 'Telefon 89 40 20 00']);
    expect(text).toContain('2026-09-20');
    expect(text).toContain('sag 2026-0042');
    expect(text).toContain('De ringede');
    expect(text).toContain('Mette Rådgiver');
    expect(text).toContain('Beskæftigelsesforvaltningen');
  });

  it('counts each original beside its replacement for the review', () => {
    // "Ærø" alone: in the klagepunkt's heading, the list of the complaint and its conclusion.
    expect(replacements).toContainEqual({ original: 'Ærø', replacement: ANONYMISED.citizen, count: 3 });
    expect(replacements).toContainEqual({ original: '87 65 43 21', replacement: ANONYMISED.phone, count: 1 });
    expect(replacements.find((r) => r.original === 'Şükrü Łukasz Ærø')?.count).toBeGreaterThanOrEqual(1);
  });

  it('anonymises the copy line of the letter to the forvaltning', () => {
    const toForvaltning = letterTo(draftFinding(src), 'forvaltning', findingAddressees(src));
    expect(toForvaltning.letterhead.recipient).toEqual(['Beskæftigelsesforvaltningen']);
    expect(toForvaltning.letterhead.copyTo).toEqual(['Kopi til: Şükrü Łukasz Ærø']);
    expect(anonymiseLetter(toForvaltning, personal).document.letterhead.copyTo).toEqual(['Kopi til: [borgeren]']);
  });

  it('finds a CPR number, an e-mail and a phone number that are not the case\'s own', () => {
    const doc = draftFinding({ ...src, summary: 'Naboen 111111-1118, nabo@firma.dk, +4599887766 og 0045 11 22 33 44' });
    expect(anonymiseLetter(doc, { ...personal, names: [] }).document.meta.subject).toBe('Naboen [cpr-nr.], [e-mail], [telefonnr.] og [telefonnr.]');
  });
});

describe('letterTo', () => {
  it('addresses the citizen with a copy to the forvaltninger, and the other way round', () => {
    const doc = draftFinding(src);
    const to = findingAddressees(src);
    expect(to).toEqual({ citizen: ['Şükrü Łukasz Ærø', 'Åvej 1', '2. tv', '8000 Aarhus C'], forvaltninger: ['Beskæftigelsesforvaltningen'] });
    expect(letterTo(doc, 'borger', to).letterhead).toEqual(doc.letterhead);
    expect(letterTo(doc, 'forvaltning', to).blocks).toEqual(doc.blocks);
    expect(letterTo(doc, 'forvaltning', { citizen: [], forvaltninger: ['A'] }).letterhead.copyTo).toEqual([]);
  });
});
