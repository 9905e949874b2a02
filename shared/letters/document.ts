/**
 * The one document model of the adviser's formal letters – the finding (udtalelse) first, later the
 * anmodning om redegørelse, the rykker and the kvittering. Pure data: the same value renders to HTML
 * in the app's preview and to PDF (electron/pdf), so what the adviser sees is what is printed.
 *
 * A letter is its letterhead (sender, recipient, date, reference), its metadata (the PDF's title,
 * subject, keywords, language and dates) and an ordered list of blocks. A block may carry a `section`
 * key: the part of the letter it belongs to (the assessment of klagepunkt 2, the henstillinger …), so
 * an editor can replace one section's blocks and a renderer can keep a heading with what follows it.
 * Dates are ISO strings; every text is final wording in Danish (renderers never translate or format).
 */
import { z } from 'zod';
import { IsoDateSchema } from '../domain/case';
import { ChartModelSchema } from '../report/charts';

/** A run of text inside a paragraph or a list item; emphasis is the only inline formatting. */
export const InlineSchema = z.object({
  text: z.string(),
  emphasis: z.enum(['strong', 'em']).optional(),
});
export type Inline = z.infer<typeof InlineSchema>;

const section = z.string().max(100).optional();

export const BlockSchema = z.discriminatedUnion('kind', [
  /** Level 1 is the letter's title (one per letter), 2 its sections, 3 a sub-section (one klagepunkt). */
  z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: z.string(), section }),
  z.object({ kind: z.literal('paragraph'), runs: z.array(InlineSchema), section }),
  /** Numbered (the klagepunkter, a chronology) or bulleted; each item is one line of runs. */
  z.object({ kind: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(InlineSchema)), section }),
  /**
   * A rule cited as letters cite law (legal-rules.md: law name, §, stk. and lovbekendtgørelse – never a
   * web page): `reference` is the formal citation, `text` the catalogue's summary in our own words.
   */
  z.object({ kind: z.literal('citation'), reference: z.string(), text: z.string(), section }),
  /** The closing: the adviser's name and title, e.g. "Borgerrådgiver". */
  z.object({ kind: z.literal('signature'), greeting: z.string(), name: z.string(), title: z.string(), section }),
  /**
   * A table of final text (the annual report's statistics): `number` columns are right-aligned. A
   * renderer keeps each row whole and repeats the header row on a new page.
   */
  z.object({
    kind: z.literal('table'),
    caption: z.string(),
    /** What is counted, under the caption; empty for none. */
    note: z.string(),
    columns: z.array(z.object({ label: z.string(), kind: z.enum(['text', 'number']) })).min(1),
    rows: z.array(z.array(z.string())),
    section,
  }),
  /** A chart (shared/report/charts.ts), drawn whole on one page; its description is the alt text. */
  z.object({ kind: z.literal('chart'), chart: ChartModelSchema, section }),
  /** What follows starts on a new page (after a report's cover). */
  z.object({ kind: z.literal('pageBreak'), section }),
]);
export type Block = z.infer<typeof BlockSchema>;
export type BlockKind = Block['kind'];

export const LetterheadSchema = z.object({
  /** The sender's lines: "Borgerrådgiveren", the municipality, its address. */
  sender: z.array(z.string()),
  /** The recipient's lines: name and address; empty when the letter goes by Digital Post only. */
  recipient: z.array(z.string()),
  /** "Kopi til …" lines under the recipient; empty for none. */
  copyTo: z.array(z.string()),
  /** The letter's date. */
  date: IsoDateSchema,
  /** "Sagsnr. 2026-0042". */
  reference: z.string(),
  /** Optional logo (PNG or JPEG) as base64, shown at the top of page 1. */
  logo: z.object({ mediaType: z.enum(['image/png', 'image/jpeg']), contentBase64: z.string() }).nullable(),
});
export type Letterhead = z.infer<typeof LetterheadSchema>;

export const LetterMetaSchema = z.object({
  title: z.string(),
  subject: z.string(),
  keywords: z.array(z.string()),
  author: z.string(),
  /** Always Danish; kept in the model so the PDF's /Lang and the HTML's lang come from one place. */
  language: z.literal('da-DK'),
  /** The running header from page 2, e.g. "Udtalelse · Sagsnr. 2026-0042". */
  runningHeader: z.string(),
});
export type LetterMeta = z.infer<typeof LetterMetaSchema>;

export const LetterDocumentSchema = z.object({
  meta: LetterMetaSchema,
  letterhead: LetterheadSchema,
  blocks: z.array(BlockSchema),
});
export type LetterDocument = z.infer<typeof LetterDocumentSchema>;

/** The plain text of a line of runs (search, anonymisation, tests). */
export function runsText(runs: ReadonlyArray<Inline>): string {
  return runs.map((r) => r.text).join('');
}

/** A paragraph of plain text. */
export function paragraph(text: string, sectionKey?: string): Block {
  return sectionKey === undefined ? { kind: 'paragraph', runs: [{ text }] } : { kind: 'paragraph', runs: [{ text }], section: sectionKey };
}

/** Every text of a block, in reading order. */
export function blockTexts(b: Block): string[] {
  switch (b.kind) {
    case 'heading': return [b.text];
    case 'paragraph': return [runsText(b.runs)];
    case 'list': return b.items.map(runsText);
    case 'citation': return [b.reference, b.text];
    case 'signature': return [b.greeting, b.name, b.title];
    case 'table': return [b.caption, b.note, ...b.columns.map((c) => c.label), ...b.rows.flat()];
    case 'chart': return [b.chart.title, b.chart.description];
    case 'pageBreak': return [];
  }
}
