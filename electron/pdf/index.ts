/**
 * renderLetterPdf: a LetterDocument (shared/letters/document.ts) as an A4 PDF that is tagged (a
 * structure tree in reading order, furniture as artifacts) and carries the PDF/A-2b structure (XMP,
 * sRGB OutputIntent, embedded subset fonts, /ID). The same letter and `createdAt` give the same bytes.
 *
 * Page 1: the sender's lines top right with the date and the reference below them, the optional logo
 * top left, the recipient (and "Kopi til") at the address window's height; then the blocks. From page
 * 2 the running header; "Side X af Y" on every page. A report's tables (Table/TR/TH/TD, the header row
 * repeated on a new page) and charts (a Figure with its description as /Alt, drawn by chart.ts) come
 * through the same blocks.
 */
import { createHash } from 'node:crypto';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import type { LetterDocument } from '../../shared/letters/document';
import { drawChart } from './chart';
import { danishLongDate } from './danish-date';
import { embedFonts, type Fonts } from './fonts';
import { A4, BODY, MARGIN, layoutBlock, paginate, type Line, type Unit } from './layout';
import { addPdfaMetadata } from './pdfa';
import { structNode, Tagger, type StructNode } from './tagging';

export interface RenderOptions {
  /** The PDF's creation and modification date (Info and XMP); never the clock. */
  createdAt: Date;
}

const TEXT = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);
const FURNITURE_SIZE = 9;
const HEAD_SIZE = 10;
const HEAD_LEADING = 13;
const SENDER_X = A4.width - MARGIN.right - 170;
const RECIPIENT_TOP = A4.height - 150;
const RUNNING_HEADER_Y = A4.height - 40;
const FOOTER_Y = 36;

function drawLine(page: PDFPage, pageIndex: number, line: Line, top: number, fonts: Fonts, tagger: Tagger): void {
  // Baseline at about four fifths of the line's height: the ascender of Source Sans 3 fits above it.
  const baseline = top - line.height + (line.height - line.size) / 2 + line.size * 0.2;
  if (line.ruleX !== undefined) {
    const x = line.ruleX;
    tagger.artifact(page, 'Layout', () => page.drawLine({ start: { x, y: top }, end: { x, y: top - line.height }, thickness: 1.5, color: MUTED }));
  }
  if (line.rules !== undefined) {
    const rules = line.rules;
    tagger.artifact(page, 'Layout', () => {
      for (const r of rules) page.drawLine({ start: { x: r.x1, y: top - r.dy }, end: { x: r.x2, y: top - r.dy }, thickness: r.thickness, color: MUTED });
    });
  }
  if (line.chart !== undefined) {
    const c = line.chart;
    c.node.bbox = [c.x, top - c.model.height * c.scale, c.x + c.model.width * c.scale, top];
    // The whole drawing is one piece of the Figure, which assistive technology reads as its /Alt.
    tagger.content(page, pageIndex, c.node, () => drawChart(page, c.model, c.x, top, c.scale, fonts));
  }
  for (const seg of line.segments) {
    const draw = () => {
      let x = seg.x;
      // A wrapped table cell: its own line `dy` below the row's top.
      const y = seg.dy === undefined ? baseline : top - seg.dy - (seg.leading ?? line.height) + ((seg.leading ?? line.height) - seg.size) / 2 + seg.size * 0.2;
      for (const run of seg.runs) {
        const font = fonts[run.style];
        page.drawText(run.text, { x, y, font, size: seg.size, color: TEXT });
        x += font.widthOfTextAtSize(run.text, seg.size);
      }
    };
    if (line.artifact === true) tagger.artifact(page, 'Pagination', draw);
    else tagger.content(page, pageIndex, seg.node, draw);
  }
}

/** The letterhead on page 1; returns the y where the letter's text begins. */
async function drawLetterhead(pdf: PDFDocument, page: PDFPage, doc: LetterDocument, root: StructNode, fonts: Fonts, tagger: Tagger): Promise<number> {
  const lh = doc.letterhead;
  const top = A4.height - MARGIN.top;
  if (lh.logo !== null) {
    const bytes = new Uint8Array(Buffer.from(lh.logo.contentBase64, 'base64'));
    const image = lh.logo.mediaType === 'image/png' ? await pdf.embedPng(bytes) : await pdf.embedJpg(bytes);
    const scale = Math.min(160 / image.width, 50 / image.height, 1);
    // The logo repeats the sender's name, which is text below: furniture, not content.
    tagger.artifact(page, 'Layout', () =>
      page.drawImage(image, { x: MARGIN.left, y: top - image.height * scale, width: image.width * scale, height: image.height * scale }),
    );
  }
  const block = (lines: string[], x: number, y: number, style: 'regular' | 'semibold'): number => {
    if (lines.length === 0) return y;
    const node = structNode('P', root);
    lines.forEach((text, i) => {
      const line: Line = { segments: [{ x, runs: [{ text, style: i === 0 ? style : 'regular' }], node, size: HEAD_SIZE }], height: HEAD_LEADING, size: HEAD_SIZE };
      drawLine(page, 0, line, y, fonts, tagger);
      y -= HEAD_LEADING;
    });
    return y;
  };
  let right = block(lh.sender, SENDER_X, top, 'semibold');
  right = block([danishLongDate(lh.date)], SENDER_X, right - HEAD_LEADING, 'regular');
  right = block([lh.reference], SENDER_X, right, 'regular');
  let left = block(lh.recipient, MARGIN.left, Math.min(RECIPIENT_TOP, right - HEAD_LEADING), 'regular');
  if (lh.copyTo.length > 0) left = block(lh.copyTo, MARGIN.left, left - HEAD_LEADING / 2, 'regular');
  return Math.min(left, right) - 36;
}

function drawFurniture(page: PDFPage, index: number, count: number, runningHeader: string, fonts: Fonts, tagger: Tagger): void {
  const font = fonts.regular;
  if (index > 0 && runningHeader !== '') {
    tagger.artifact(page, 'Pagination', () => {
      page.drawText(runningHeader, { x: MARGIN.left, y: RUNNING_HEADER_Y, font, size: FURNITURE_SIZE, color: MUTED });
      page.drawLine({ start: { x: MARGIN.left, y: RUNNING_HEADER_Y - 6 }, end: { x: A4.width - MARGIN.right, y: RUNNING_HEADER_Y - 6 }, thickness: 0.5, color: MUTED });
    });
  }
  const footer = `Side ${index + 1} af ${count}`;
  const width = font.widthOfTextAtSize(footer, FURNITURE_SIZE);
  tagger.artifact(page, 'Pagination', () =>
    page.drawText(footer, { x: A4.width - MARGIN.right - width, y: FOOTER_Y, font, size: FURNITURE_SIZE, color: MUTED }),
  );
}

export async function renderLetterPdf(doc: LetterDocument, opts: RenderOptions): Promise<Uint8Array> {
  // updateMetadata false: pdf-lib would otherwise stamp its own producer and the clock's dates.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(pdf);
  const root = structNode('Document');
  const tagger = new Tagger(root);

  const first = pdf.addPage([A4.width, A4.height]);
  const firstTop = await drawLetterhead(pdf, first, doc, root, fonts, tagger);
  const units: Unit[] = doc.blocks.map((b) => layoutBlock(b, root, fonts));
  const otherTop = A4.height - MARGIN.top - 14;
  const pages = paginate(units, firstTop, otherTop, MARGIN.bottom + BODY.leading / 2);

  pages.forEach((placed, i) => {
    const page = i === 0 ? first : pdf.addPage([A4.width, A4.height]);
    for (const p of placed) drawLine(page, i, p.line, p.top, fonts, tagger);
  });
  pdf.getPages().forEach((page, i, all) => drawFurniture(page, i, all.length, doc.meta.runningHeader, fonts, tagger));

  tagger.finish(pdf);
  const fingerprint = createHash('sha256').update(JSON.stringify(doc)).update(opts.createdAt.toISOString()).digest('hex');
  addPdfaMetadata(pdf, doc.meta, opts.createdAt, fingerprint);
  // Classic cross-reference table, no object streams: the form PDF/A validators read most reliably.
  return pdf.save({ useObjectStreams: false });
}

export { embedLogoProbe, type LogoMediaType } from './logo';
