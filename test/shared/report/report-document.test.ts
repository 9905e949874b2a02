/** The annual report as a document: cover, contents, narrative, every table and chart, the findings, the metadata. */
import { describe, expect, it } from 'vitest';
import { anonymiseLetter } from '../../../shared/letters/anonymise';
import { blockTexts, LetterDocumentSchema, type Block } from '../../../shared/letters/document';
import { reportCharts } from '../../../shared/report/charts';
import { annualReportDocument, FINDINGS_HEADING, reportTableBlock, STATISTICS_HEADING } from '../../../shared/report/report-document';
import { reportTables } from '../../../shared/report/tables';
import { annualReportFixture } from '../../fixtures/annual-report';

const headings = (blocks: Block[], level: number) => blocks.flatMap((b) => (b.kind === 'heading' && b.level === level ? [b.text] : []));

describe('annualReportDocument', () => {
  const input = annualReportFixture();
  const doc = annualReportDocument(input);

  it('is a valid document with the report metadata', () => {
    expect(LetterDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.meta).toEqual({
      title: 'Årsberetning 2025',
      subject: 'Borgerrådgiverens årsberetning for 2025 (01.01.2025–31.12.2025), Ærø Kommune',
      keywords: ['årsberetning', 'borgerrådgiver', 'Ærø Kommune', '2025'],
      author: 'Borgerrådgiveren, Ærø Kommune',
      language: 'da-DK',
      runningHeader: 'Årsberetning 2025 · Ærø Kommune',
    });
    expect(doc.letterhead.sender).toEqual(['Borgerrådgiveren', 'Ærø Kommune', 'Statene 2', '5970 Ærøskøbing', 'Telefon 63 52 50 00']);
    expect(doc.letterhead.date).toBe('2026-02-15');
  });

  it('opens with the cover, then the contents on their own page', () => {
    const kinds = doc.blocks.slice(0, 8).map((b) => b.kind);
    expect(kinds).toEqual(['heading', 'paragraph', 'paragraph', 'paragraph', 'pageBreak', 'heading', 'list', 'pageBreak']);
    expect(doc.blocks.slice(0, 4).flatMap(blockTexts)).toEqual(['Årsberetning 2025', 'Ærø Kommune', 'Beretning for perioden 01.01.2025–31.12.2025', 'Borgerrådgiveren']);
    const contents = doc.blocks[6];
    expect(contents?.kind === 'list' && contents.items.map((i) => i[0]?.text)).toEqual([
      'Forord', 'Om borgerrådgiverfunktionen', 'Årets temaer', 'Konklusion og anbefalinger', STATISTICS_HEADING, FINDINGS_HEADING,
    ]);
  });

  it('has the narrative sections in order, an empty one left out, the adviser\'s headings one level down', () => {
    expect(headings(doc.blocks, 2)).toEqual(['Indhold', 'Forord', 'Om borgerrådgiverfunktionen', 'Årets temaer', 'Konklusion og anbefalinger', STATISTICS_HEADING, FINDINGS_HEADING]);
    expect(headings(doc.blocks, 3)).toContain('Hvem kan henvende sig?');
    const forord = doc.blocks.filter((b) => b.section === 'forord');
    expect(forord[1]).toEqual({ kind: 'paragraph', section: 'forord', runs: [{ text: 'Det forløbne år har budt på ' }, { text: 'flere henvendelser', emphasis: 'strong' }, { text: ' end nogensinde.' }] });
    expect(doc.blocks.some((b) => b.kind === 'list' && b.section === 'aaretsTemaer')).toBe(true);
    expect(doc.blocks.some((b) => b.section === 'statusSidsteAar')).toBe(false);
  });

  it('keeps text the markup cannot read as plain paragraphs', () => {
    const d = annualReportDocument({ ...input, texts: { ...input.texts, forord: '# Ikke en titel\n\nMen stadig teksten.' } });
    expect(d.blocks.filter((b) => b.section === 'forord').flatMap(blockTexts)).toEqual(['Forord', '# Ikke en titel', 'Men stadig teksten.']);
  });

  it('has every table of reportTables with its cells formatted the Danish way, each chart right before its table', () => {
    const tables = doc.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
    expect(tables.map((t) => t.caption)).toEqual(reportTables(input.stats).map((t) => t.title));
    const keyFigures = tables[0];
    expect(keyFigures?.rows[0]).toEqual(['Henvendelser i alt', '1.234', '198']);
    expect(keyFigures?.rows[2]).toEqual(['Klagepunkter pr. klage', '0,3', '1,42']);
    const type = tables.find((t) => t.caption === 'Henvendelser efter type');
    expect(type?.rows[0]).toEqual(['Klage', '700', '56,7 %', '1.234', '120']);
    expect(type?.columns.map((c) => c.kind)).toEqual(['text', 'number', 'number', 'number', 'number']);
    const svartid = tables.find((t) => t.caption.startsWith('Svartid'));
    expect(svartid?.rows[0]).toEqual(['Forvaltningernes svartid', '8,5', '90', '9']);

    const charts = doc.blocks.filter((b) => b.kind === 'chart');
    expect(charts).toHaveLength(reportCharts(input.stats).length);
    const i = doc.blocks.findIndex((b) => b.kind === 'chart' && b.chart.id === 'forvaltninger');
    expect(doc.blocks[i + 1]?.kind === 'table' && (doc.blocks[i + 1] as { caption: string }).caption).toBe('Klagepunkter efter forvaltning');
    const j = doc.blocks.findIndex((b) => b.kind === 'chart' && b.chart.id === 'forvaltning-regel');
    expect((doc.blocks[j + 1] as { caption: string }).caption).toBe('Forvaltning og regel (ikke overholdt)');
  });

  it('says "Ingen i perioden" under a table without rows', () => {
    const t = reportTables(input.stats).find((x) => x.id === 'gentagne-moenstre');
    const block = reportTableBlock({ ...t!, rows: [] });
    expect(block.kind === 'table' && block.note).toMatch(/Ingen i perioden\.$/);
  });

  it('ends with the chosen anonymised findings, and leaves the section out when none is chosen', () => {
    const at = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === FINDINGS_HEADING);
    const texts = doc.blocks.slice(at).flatMap(blockTexts);
    expect(texts).toEqual(expect.arrayContaining([
      'Manglende partshøring i en sag om hjælpemidler', 'Sag 2025-0101 · udtalelse af 14.05.2025', 'Det er kritisabelt.', 'Lang sagsbehandlingstid i Jobcenter Nord',
    ]));
    const none = annualReportDocument({ ...input, findings: [] });
    expect(headings(none.blocks, 2)).not.toContain(FINDINGS_HEADING);
    const list = none.blocks[6];
    expect(list?.kind === 'list' && list.items.map((x) => x[0]?.text)).not.toContain(FINDINGS_HEADING);
  });

  it('names the report after the period when the adviser gave no title', () => {
    const d = annualReportDocument({ ...input, texts: { ...input.texts, title: '  ' } });
    expect(d.meta.title).toBe('Årsberetning 2025');
    expect(d.blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Årsberetning 2025', section: 'forside' });
  });

  it('is anonymised like any letter: table text replaced, charts (counts, never persons) left as drawn', () => {
    const { document: anon } = anonymiseLetter(doc, { names: [], addresses: [], cprs: [], emails: [], phones: [], extraTerms: ['Jobcenter Nord'] });
    const afdeling = anon.blocks.find((b) => b.kind === 'table' && b.caption === 'Klagepunkter efter afdeling');
    expect(afdeling?.kind === 'table' && afdeling.rows[0]?.[1]).toBe('[udeladt]');
    const charts = (d: typeof doc) => d.blocks.filter((b) => b.kind === 'chart');
    expect(charts(anon)).toEqual(charts(doc));
  });
});
