/** The finding's auto-draft: order of sections, left-out sections, phrasing per outcome, citations, dates. */
import { describe, expect, it } from 'vitest';
import { blockTexts, LetterDocumentSchema, type Block, type LetterDocument } from '../../../shared/letters/document';
import { draftFinding } from '../../../shared/letters/finding-draft';
import type { FindingPoint, FindingRule, FindingSource } from '../../../shared/letters/finding-source';
import type { OutcomeCode } from '../../../shared/domain/vocab';

const rule19: FindingRule = {
  ruleId: 'fvl-19-partshoering', assessment: 'ikke_overholdt', reasoning: 'Forvaltningen hørte dig ikke om lægekonsulentens vurdering.',
  citation: 'Forvaltningsloven § 19, stk. 1, jf. LBK nr. 433 af 22/04/2014', lawFull: 'Forvaltningsloven', paragraph: '§ 19, stk. 1',
  summary: 'Parten skal høres over oplysninger til ugunst.', verification: 'yes',
};
const point = (over: Partial<FindingPoint> = {}): FindingPoint => ({
  position: 1, description: 'Jobcentret partshørte mig ikke', forvaltning: 'Beskæftigelsesforvaltningen', afdeling: 'Jobcenter Nord', outcome: 'kritik', rules: [rule19], ...over,
});
const full: FindingSource = {
  sagsnr: '2026-0042', receivedOn: '2026-09-01', citizen: { name: 'Şükrü Ærø', address: 'Åvej 1\n8000 Aarhus C' },
  summary: 'Sygedagpenge stoppet', description: '',
  points: [point(), point({ position: 2, description: 'Sagen tog for lang tid', outcome: 'ingen_kritik', rules: [], forvaltning: 'Social- og Sundhedsforvaltningen', afdeling: null })],
  requests: [{ forvaltning: 'Beskæftigelsesforvaltningen', kind: 'redegoerelse', sentOn: '2026-09-03', reminders: [{ onDate: '2026-09-20', level: 1 }], answeredOn: '2026-10-02', answerSummary: 'Vi beklager.' }],
  meetings: [{ onDate: '2026-09-10', text: 'Møde med borgeren' }],
  recommendations: [{ forvaltning: 'Beskæftigelsesforvaltningen', text: 'Den sikrer partshøring', followUpOn: '2027-01-15' }],
  klagefrist: { dueOn: '2026-12-20', klageinstans: 'Ankestyrelsen' },
  letterhead: { office: 'Borgerrådgiveren', municipality: 'Eksempel Kommune', addressLines: [], contactLines: [], logo: null }, adviser: { name: 'Mette Rådgiver', title: 'Borgerrådgiver' }, date: '2026-12-05',
};
const minimal: FindingSource = { ...full, points: [], requests: [], meetings: [], recommendations: [], klagefrist: null, summary: '' };

const headings = (doc: LetterDocument): string[] => doc.blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading').map((b) => b.text);
const allText = (doc: LetterDocument): string => doc.blocks.flatMap(blockTexts).join('\n');
const conclusionFor = (outcome: OutcomeCode | null): string | undefined => {
  const doc = draftFinding({ ...full, points: [point({ outcome })] });
  return doc.blocks.filter((b) => b.section === 'klagepunkt-1' && b.kind === 'paragraph' && b.runs[0]?.emphasis === 'strong').flatMap(blockTexts)[0];
};

describe('draftFinding', () => {
  it('builds every section in the order of a finding, each block with its section key', () => {
    const doc = draftFinding(full);
    expect(LetterDocumentSchema.parse(doc)).toEqual(doc);
    expect(headings(doc)).toEqual([
      'Udtalelse', 'Din klage', 'Forløb', 'Forvaltningens redegørelse',
      'Klagepunkt 1: Jobcentret partshørte mig ikke', 'Klagepunkt 2: Sagen tog for lang tid', 'Henstillinger', 'Hvad sker der nu?',
    ]);
    expect(doc.blocks.every((b) => typeof b.section === 'string')).toBe(true);
    expect(doc.blocks.at(-1)).toEqual({ kind: 'signature', greeting: 'Venlig hilsen', name: 'Mette Rådgiver', title: 'Borgerrådgiver', section: 'underskrift' });
  });

  it('ends the opening with one full stop, also after a summary that ends in "." or a cut-off "…"', () => {
    for (const summary of ['Ventetid på svar.', 'Ventetid på svar …', 'Ventetid på svar']) {
      const opening = draftFinding({ ...full, summary }).blocks.find((b) => b.section === 'indledning');
      expect(opening === undefined ? '' : blockTexts(opening).join('')).toMatch(/, om ventetid på svar\.$/);
    }
  });

  it('fills the letterhead and metadata from the case', () => {
    const doc = draftFinding(full);
    expect(doc.meta.title).toBe('Udtalelse i sag 2026-0042');
    expect(doc.meta.runningHeader).toBe('Udtalelse · Sagsnr. 2026-0042');
    expect(doc.letterhead).toEqual({
      sender: ['Borgerrådgiveren', 'Eksempel Kommune'], recipient: ['Şükrü Ærø', 'Åvej 1', '8000 Aarhus C'],
      copyTo: ['Kopi til: Beskæftigelsesforvaltningen, Social- og Sundhedsforvaltningen'], date: '2026-12-05', reference: 'Sagsnr. 2026-0042', logo: null,
    });
  });

  it('leaves out the sections the case has no data for', () => {
    const doc = draftFinding(minimal);
    expect(headings(doc)).toEqual(['Udtalelse', 'Hvad sker der nu?']);
    expect(allText(doc)).not.toMatch(/Kopi til|henstiller|skal du klage senest/);
    expect(doc.letterhead.copyTo).toEqual([]);
  });

  it('numbers the klagepunkter by position and names forvaltning and afdeling', () => {
    const doc = draftFinding({ ...full, points: [...full.points].reverse() });
    const list = doc.blocks.find((b) => b.kind === 'list' && b.section === 'klage');
    expect(list).toMatchObject({ ordered: true });
    expect(blockTexts(list!)).toEqual(['Jobcentret partshørte mig ikke (Beskæftigelsesforvaltningen, Jobcenter Nord)', 'Sagen tog for lang tid (Social- og Sundhedsforvaltningen)']);
  });

  it('tells the chronology oldest first with Danish dates', () => {
    const doc = draftFinding(full);
    const list = doc.blocks.find((b) => b.kind === 'list' && b.section === 'forloeb');
    expect(blockTexts(list!)).toEqual([
      '01.09.2026: Jeg modtog din henvendelse.',
      '03.09.2026: Jeg bad Beskæftigelsesforvaltningen om en redegørelse.',
      '10.09.2026: Møde: Møde med borgeren.',
      '20.09.2026: Jeg sendte 1. rykker til Beskæftigelsesforvaltningen.',
      '02.10.2026: Beskæftigelsesforvaltningen svarede.',
    ]);
    expect(allText(doc)).toContain('Beskæftigelsesforvaltningen har den 02.10.2026 oplyst: Vi beklager.');
  });

  it('phrases each outcome in the standard way; no outcome gives no conclusion; a bemærkning is not criticism', () => {
    expect(conclusionFor('ingen_kritik')).toBe('Jeg har ikke grundlag for at kritisere, at jobcentret partshørte mig ikke.');
    expect(conclusionFor('beklageligt')).toBe('Det er beklageligt, at jobcentret partshørte mig ikke.');
    expect(conclusionFor('kritik')).toBe('Jeg finder det kritisabelt, at jobcentret partshørte mig ikke.');
    expect(conclusionFor('alvorlig_kritik')).toBe('Jeg finder det meget kritisabelt, at jobcentret partshørte mig ikke.');
    expect(conclusionFor('meget_alvorlig_kritik')).toBe('Jeg finder det særdeles kritisabelt, at jobcentret partshørte mig ikke.');
    expect(conclusionFor(null)).toBeUndefined();
    expect(conclusionFor('bemaerkning')).not.toMatch(/kritik|kritis/i);
    const noOutcome = draftFinding({ ...full, points: [point({ outcome: null })] });
    expect(allText(noOutcome)).toContain('Forvaltningen hørte dig ikke om lægekonsulentens vurdering.');
  });

  it('cites breached rules from the catalogue only, and marks a rule not fully verified', () => {
    const kept = { ...rule19, ruleId: 'ofl-13-notatpligt', assessment: 'overholdt' as const, citation: 'Offentlighedsloven § 13', reasoning: '' };
    const doc = draftFinding({ ...full, points: [point({ rules: [rule19, kept] })] });
    const citations = doc.blocks.filter((b) => b.kind === 'citation');
    expect(citations).toEqual([{ kind: 'citation', reference: rule19.citation, text: rule19.summary, section: 'klagepunkt-1' }]);
    const partial = draftFinding({ ...full, points: [point({ rules: [{ ...rule19, verification: 'partial', citation: '' }] })] });
    expect(partial.blocks.filter((b) => b.kind === 'citation')).toEqual([
      { kind: 'citation', reference: 'Forvaltningsloven, § 19, stk. 1', text: '(ikke fuldt verificeret – kontrollér henvisningen før udsendelse)', section: 'klagepunkt-1' },
    ]);
  });

  it('words henstillinger with the date the forvaltning must answer by', () => {
    const text = allText(draftFinding(full));
    expect(text).toContain('Jeg henstiller til Beskæftigelsesforvaltningen, at den sikrer partshøring.');
    expect(text).toContain('senest den 15.01.2027');
  });

  it('states the recorded klagefrist and klageinstans, or generic wording, and always the ombudsman', () => {
    const text = allText(draftFinding(full));
    expect(text).toContain('ikke en afgørelse');
    expect(text).toContain('klage til Ankestyrelsen senest den 20.12.2026');
    expect(text).toContain('ombudsmandsloven § 13, stk. 3');
    const generic = allText(draftFinding({ ...full, klagefrist: { dueOn: '2026-12-20', klageinstans: null } }));
    expect(generic).toContain('skal du klage senest den 20.12.2026. Hvor du skal klage, står i klagevejledningen');
    expect(allText(draftFinding(minimal))).toContain('Folketingets Ombudsmand');
    const passed = allText(draftFinding({ ...full, klagefrist: { dueOn: '2026-12-04', klageinstans: 'Ankestyrelsen' } }));
    expect(passed).not.toContain('04.12.2026');
  });
});
