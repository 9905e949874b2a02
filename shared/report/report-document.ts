/**
 * The annual report (årsberetning) as a LetterDocument, so the app's preview (LetterView) and the
 * published PDF (electron/pdf, tagged PDF/A-2b) render the same value:
 *
 *   cover (title, municipality, period, office) · page break · Indhold (the section headings) · page
 *   break · the adviser's narrative sections in the order of REPORT_TEXT_SECTIONS (an empty one left
 *   out) · "Året i tal": every table of `reportTables`, each chart of `reportCharts` just before the
 *   table that holds its numbers · "Udvalgte udtalelser": the chosen anonymised finding summaries.
 *
 * Page numbers are the PDF's own footer ("Side X af Y"). Nothing here formats a number differently
 * from the screen: cells go through `formatReportCell`.
 */
import { formatDanishDate, type IsoDate } from '../domain/dates';
import type { Block, LetterDocument } from '../letters/document';
import { senderLines, type LetterheadSettings } from '../letters/letterhead-settings';
import { parseSectionText } from '../letters/section-text';
import { reportCharts, type ChartModel } from './charts';
import { formatReportCell } from './format';
import type { ReportStats } from './stats';
import { reportTables, type ReportTable } from './tables';
import { REPORT_TEXT_SECTIONS, type AnnualReportTexts, type ReportFindingSummary } from './texts';

export type AnnualReportInput = Readonly<{
  stats: ReportStats;
  texts: AnnualReportTexts;
  /** The chosen findings, already anonymised, in the order the report shows them. */
  findings: ReadonlyArray<ReportFindingSummary>;
  letterhead: LetterheadSettings;
  /** The report's date (the cover's and the PDF's). */
  date: IsoDate;
}>;

export const STATISTICS_HEADING = 'Året i tal';
export const FINDINGS_HEADING = 'Udvalgte udtalelser';
const CONTENTS_HEADING = 'Indhold';

/** Each chart sits right before the table with its numbers. */
const CHART_BEFORE_TABLE: Readonly<Record<string, string>> = {
  forvaltninger: 'klagepunkter-forvaltning',
  temaer: 'klagepunkter-tema',
  udvikling: 'udvikling',
  udfald: 'udfald',
  'forvaltning-regel': 'forvaltning-og-regel',
};

/** A report table as a document table: the same caption, unit and cells as the screen, as Danish text. */
export function reportTableBlock(t: ReportTable, section?: string): Block {
  const rows = t.rows.map((r) => t.columns.map((c, i) => formatReportCell(r.cells[i] ?? null, c.kind)));
  return {
    kind: 'table',
    caption: t.title,
    note: rows.length === 0 ? `${t.unit} Ingen i perioden.` : t.unit,
    columns: t.columns.map((c) => ({ label: c.label, kind: c.kind === 'text' ? 'text' : 'number' })),
    rows,
    ...(section === undefined ? {} : { section }),
  };
}

/**
 * The adviser's markup as blocks under a section heading: its own headings one level down (the
 * section's title is the level 2). Text the markup cannot read is kept as plain paragraphs – the
 * editor reports the problem; the report never drops what the adviser wrote.
 */
function narrativeBlocks(text: string, section: string): Block[] {
  const parsed = parseSectionText(text, section);
  if (!parsed.ok) {
    return text.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '').map((p) => ({ kind: 'paragraph', runs: [{ text: p.replace(/\s*\n\s*/g, ' ') }], section }));
  }
  return parsed.blocks.map((b) => (b.kind === 'heading' ? { ...b, level: 3 } : b));
}

function statisticsBlocks(stats: ReportStats): Block[] {
  const section = 'statistik';
  const charts = reportCharts(stats);
  const placed = new Set<ChartModel>();
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: STATISTICS_HEADING, section },
    {
      kind: 'paragraph',
      section,
      runs: [{
        text: `Tallene gælder ${stats.label} (${formatDanishDate(stats.period.from as IsoDate)}–${formatDanishDate(stats.period.to as IsoDate)}) ` +
          `og sammenlignes med ${stats.previous.label}. En henvendelse hører til perioden, når den er modtaget i den; dens klagepunkter og ` +
          `henstillinger følger med. Andele vises ikke, når der er færre end ${stats.minN} at regne dem af.`,
      }],
    },
  ];
  for (const t of reportTables(stats)) {
    for (const c of charts) {
      if (CHART_BEFORE_TABLE[c.id] === t.id) {
        blocks.push({ kind: 'chart', chart: c, section });
        placed.add(c);
      }
    }
    blocks.push(reportTableBlock(t, section));
  }
  for (const c of charts) if (!placed.has(c)) blocks.push({ kind: 'chart', chart: c, section });
  return blocks;
}

function findingBlocks(findings: ReadonlyArray<ReportFindingSummary>): Block[] {
  if (findings.length === 0) return [];
  const section = 'udtalelser';
  return [
    { kind: 'heading', level: 2, text: FINDINGS_HEADING, section },
    { kind: 'paragraph', section, runs: [{ text: 'Udtalelserne er gengivet i anonymiseret form: navne, adresser, CPR-numre og andre personoplysninger er erstattet.' }] },
    ...findings.flatMap((f): Block[] => [
      { kind: 'heading', level: 3, text: f.title, section },
      { kind: 'paragraph', section, runs: [{ text: `Sag ${f.sagsnr} · udtalelse af ${formatDanishDate(f.letterDate as IsoDate)}`, emphasis: 'em' }] },
      ...narrativeBlocks(f.text, section).map((b) => (b.kind === 'heading' ? { ...b, level: 3 as const } : b)),
    ]),
  ];
}

export function annualReportDocument(input: AnnualReportInput): LetterDocument {
  const { stats, texts, findings, letterhead: lh, date } = input;
  const title = texts.title.trim() === '' ? `Årsberetning ${stats.label}` : texts.title.trim();
  const periodText = `${formatDanishDate(stats.period.from as IsoDate)}–${formatDanishDate(stats.period.to as IsoDate)}`;

  const narrative = REPORT_TEXT_SECTIONS.flatMap((s) => {
    const body = texts[s.key].trim() === '' ? [] : narrativeBlocks(texts[s.key], s.key);
    return body.length === 0 ? [] : [{ title: s.title, blocks: [{ kind: 'heading', level: 2, text: s.title, section: s.key } as Block, ...body] }];
  });
  const stat = statisticsBlocks(stats);
  const found = findingBlocks(findings);
  const contents = [...narrative.map((n) => n.title), STATISTICS_HEADING, ...(found.length === 0 ? [] : [FINDINGS_HEADING])];

  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: title, section: 'forside' },
    { kind: 'paragraph', section: 'forside', runs: [{ text: lh.municipality, emphasis: 'strong' }] },
    { kind: 'paragraph', section: 'forside', runs: [{ text: `Beretning for perioden ${periodText}` }] },
    { kind: 'paragraph', section: 'forside', runs: [{ text: lh.office }] },
    { kind: 'pageBreak', section: 'forside' },
    { kind: 'heading', level: 2, text: CONTENTS_HEADING, section: 'indhold' },
    { kind: 'list', ordered: true, items: contents.map((c) => [{ text: c }]), section: 'indhold' },
    { kind: 'pageBreak', section: 'indhold' },
    ...narrative.flatMap((n) => n.blocks),
    ...stat,
    ...found,
  ];

  return {
    meta: {
      title,
      subject: `${lh.office}s årsberetning for ${stats.label} (${periodText}), ${lh.municipality}`,
      keywords: ['årsberetning', 'borgerrådgiver', lh.municipality, stats.label].filter((k) => k.trim() !== ''),
      author: [lh.office, lh.municipality].filter((k) => k.trim() !== '').join(', '),
      language: 'da-DK',
      runningHeader: `${title} · ${lh.municipality}`,
    },
    letterhead: {
      sender: senderLines(lh),
      recipient: [],
      copyTo: [],
      date,
      reference: `Periode: ${periodText}`,
      logo: lh.logo,
    },
    blocks,
  };
}
