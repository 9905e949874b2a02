/** A section as editable text and back: round trip of the auto-draft, the markup's rules, Danish problems, edits in place. */
import { describe, expect, it } from 'vitest';
import type { Block, Inline, LetterDocument } from '../../../shared/letters/document';
import { draftFinding, findingSectionRank } from '../../../shared/letters/finding-draft';
import type { FindingSource } from '../../../shared/letters/finding-source';
import { applySectionEdits, findingSectionList, parseInline, parseSectionText, sectionBlocks, sectionText } from '../../../shared/letters/section-text';

const src: FindingSource = {
  sagsnr: '2026-0042', receivedOn: '2026-09-01', citizen: { name: 'Şükrü Ærø', address: 'Åvej 1\n8000 Aarhus C' },
  summary: 'Sygedagpenge stoppet', description: '',
  points: [
    {
      position: 1, description: 'Jobcentret partshørte mig ikke', forvaltning: 'Beskæftigelsesforvaltningen', afdeling: 'Jobcenter Nord', outcome: 'kritik',
      rules: [{
        ruleId: 'fvl-19', assessment: 'ikke_overholdt', reasoning: 'Du blev ikke hørt over lægens vurdering (* se akt 3).',
        citation: 'Forvaltningsloven § 19, stk. 1', lawFull: 'Forvaltningsloven', paragraph: '§ 19, stk. 1', summary: 'Parten skal høres.', verification: 'yes',
      }],
    },
    { position: 2, description: 'Sagen tog for lang tid', forvaltning: null, afdeling: null, outcome: 'ingen_kritik', rules: [] },
  ],
  requests: [{ forvaltning: 'Beskæftigelsesforvaltningen', kind: 'redegoerelse', sentOn: '2026-09-03', reminders: [], answeredOn: '2026-10-02', answerSummary: '12. oktober blev sagen genoptaget.' }],
  meetings: [], recommendations: [{ forvaltning: 'Beskæftigelsesforvaltningen', text: 'Den sikrer partshøring', followUpOn: null }],
  klagefrist: null,
  letterhead: { office: 'Borgerrådgiveren', municipality: 'Eksempel Kommune', addressLines: [], contactLines: [], logo: null },
  adviser: { name: 'Mette Rådgiver', title: 'Borgerrådgiver' }, date: '2026-12-05',
};
const doc = draftFinding(src);

/** What a reader sees: each character with its emphasis (how the runs are cut does not matter). */
function chars(runs: ReadonlyArray<Inline>): string[] {
  return runs.flatMap((r) => [...r.text].map((c) => `${c}${r.emphasis ?? ''}`));
}
function seen(blocks: ReadonlyArray<Block>): unknown[] {
  return blocks.map((b) => {
    if (b.kind === 'paragraph') return { kind: b.kind, chars: chars(b.runs).join('|').replace(/ (strong|em)/g, ' ') };
    if (b.kind === 'list') return { kind: b.kind, ordered: b.ordered, items: b.items.map((i) => chars(i).join('|').replace(/ (strong|em)/g, ' ')) };
    return b;
  });
}

describe('findingSectionList', () => {
  it('lists the editable sections in reading order with their headings, without title and signature', () => {
    expect(findingSectionList(doc)).toEqual([
      { key: 'indledning', label: 'Indledning' },
      { key: 'klage', label: 'Din klage' },
      { key: 'forloeb', label: 'Forløb' },
      { key: 'redegoerelse', label: 'Forvaltningens redegørelse' },
      { key: 'klagepunkt-1', label: 'Klagepunkt 1: Jobcentret partshørte mig ikke' },
      { key: 'klagepunkt-2', label: 'Klagepunkt 2: Sagen tog for lang tid' },
      { key: 'henstillinger', label: 'Henstillinger' },
      { key: 'hvad-nu', label: 'Hvad sker der nu?' },
    ]);
  });
});

describe('sectionText ↔ parseSectionText', () => {
  it('gives back every section of the auto-draft as the reader sees it', () => {
    for (const { key } of findingSectionList(doc)) {
      const blocks = sectionBlocks(doc, key);
      const parsed = parseSectionText(sectionText(blocks), key);
      expect(parsed.ok, key).toBe(true);
      if (parsed.ok) expect(seen(parsed.blocks), key).toEqual(seen(blocks));
    }
  });

  it('writes headings, emphasis, lists and citations as readable markup', () => {
    expect(sectionText(sectionBlocks(doc, 'klagepunkt-1'))).toBe([
      '### Klagepunkt 1: Jobcentret partshørte mig ikke',
      'Jeg har vurderet klagepunktet efter følgende regler:',
      '> Forvaltningsloven § 19, stk. 1\n> Parten skal høres.',
      'Du blev ikke hørt over lægens vurdering (\\* se akt 3).',
      '**Jeg finder det kritisabelt, at jobcentret partshørte mig ikke.**',
    ].join('\n\n'));
    expect(sectionText(sectionBlocks(doc, 'forloeb'))).toMatch(/^## Forløb\n\n- \*\*01\.09\.2026:\*\* Jeg modtog din henvendelse\.\n- \*\*03\.09\.2026:\*\* Jeg bad/u);
  });

  it('escapes a paragraph that starts like another kind of block, so it stays a paragraph', () => {
    for (const text of ['12. oktober blev sagen genoptaget.', '- og det var det', '> ikke en henvisning', '## ikke en overskrift']) {
      const blocks: Block[] = [{ kind: 'paragraph', runs: [{ text }], section: 'klage' }];
      expect(sectionText(blocks).startsWith('\\')).toBe(true);
      expect(parseSectionText(sectionText(blocks), 'klage')).toEqual({ ok: true, blocks });
    }
  });

  it('reads what an adviser types', () => {
    const r = parseSectionText('## Min vurdering\nFørste linje\nfortsætter her.\n\n- et punkt\n  der fortsætter\n- to\n1. første\n2. anden\n\n> Forvaltningsloven § 22\n> Begrundelse.\n\nDet er **meget** *beklageligt*.', 'klagepunkt-1');
    expect(r).toEqual({
      ok: true,
      blocks: [
        { kind: 'heading', level: 2, text: 'Min vurdering', section: 'klagepunkt-1' },
        { kind: 'paragraph', runs: [{ text: 'Første linje fortsætter her.' }], section: 'klagepunkt-1' },
        { kind: 'list', ordered: false, items: [[{ text: 'et punkt der fortsætter' }], [{ text: 'to' }]], section: 'klagepunkt-1' },
        { kind: 'list', ordered: true, items: [[{ text: 'første' }], [{ text: 'anden' }]], section: 'klagepunkt-1' },
        { kind: 'citation', reference: 'Forvaltningsloven § 22', text: 'Begrundelse.', section: 'klagepunkt-1' },
        { kind: 'paragraph', runs: [{ text: 'Det er ' }, { text: 'meget', emphasis: 'strong' }, { text: ' ' }, { text: 'beklageligt', emphasis: 'em' }, { text: '.' }], section: 'klagepunkt-1' },
      ],
    });
  });

  it('keeps a marker that is never closed, and an escaped asterisk, as plain text', () => {
    expect(parseInline('2 * 3 er 6 og \\*stjerne\\*')).toEqual([{ text: '2 * 3 er 6 og *stjerne*' }]);
    expect(parseInline('**fed')).toEqual([{ text: '**fed' }]);
  });

  it('an empty text is an empty section', () => {
    expect(parseSectionText('  \n\n', 'forloeb')).toEqual({ ok: true, blocks: [] });
  });

  it('names the line of a problem in Danish', () => {
    expect(parseSectionText('Tekst\n\n# Ny titel', 'klage')).toEqual({ ok: false, message: 'Brevets titel kan ikke ændres i et afsnit (linje 3). Brug ## for en overskrift.' });
    expect(parseSectionText('## ', 'klage')).toEqual({ ok: false, message: 'Overskriften i linje 1 er tom.' });
    expect(parseSectionText('>', 'klage')).toEqual({ ok: false, message: 'En henvisning skal begynde med lov og paragraf efter ">" (linje 1).' });
    expect(parseSectionText('#### Dybt', 'klage')).toEqual({ ok: false, message: 'Brug ## eller ### for en overskrift (linje 1).' });
  });
});

describe('applySectionEdits', () => {
  const edit = (section: string, text: string) => {
    const r = parseSectionText(text, section);
    if (!r.ok) throw new Error(r.message);
    return { section, blocks: r.blocks };
  };

  it('puts an edited section in place of the automatic one and leaves the rest', () => {
    const out = applySectionEdits(doc, [edit('klagepunkt-2', '### Klagepunkt 2: Ventetid\n\nJeg har ikke grundlag for at kritisere ventetiden.')]);
    expect(findingSectionList(out).map((s) => s.key)).toEqual(findingSectionList(doc).map((s) => s.key));
    expect(sectionText(sectionBlocks(out, 'klagepunkt-2'))).toBe('### Klagepunkt 2: Ventetid\n\nJeg har ikke grundlag for at kritisere ventetiden.');
    expect(sectionBlocks(out, 'klagepunkt-1')).toEqual(sectionBlocks(doc, 'klagepunkt-1'));
    expect(out.blocks.at(-1)?.kind).toBe('signature');
  });

  it('an empty edit leaves the section out', () => {
    const out = applySectionEdits(doc, [{ section: 'forloeb', blocks: [] }]);
    expect(findingSectionList(out).map((s) => s.key)).not.toContain('forloeb');
  });

  it('keeps an edit whose section the draft no longer has, where the finding orders it', () => {
    const noChronology: LetterDocument = { ...doc, blocks: doc.blocks.filter((b) => b.section !== 'forloeb' && b.section !== 'klagepunkt-2') };
    const out = applySectionEdits(noChronology, [edit('klagepunkt-2', '### Klagepunkt 2\n\nTekst.'), edit('forloeb', '## Forløb\n\n- 01.09.2026: modtaget')], findingSectionRank);
    expect(findingSectionList(out).map((s) => s.key)).toEqual(['indledning', 'klage', 'forloeb', 'redegoerelse', 'klagepunkt-1', 'klagepunkt-2', 'henstillinger', 'hvad-nu']);
  });
});
