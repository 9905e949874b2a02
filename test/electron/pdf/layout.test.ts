/** The pagination rule on its own: a heading that would end a page moves on with what follows. */
import { PDFDocument } from 'pdf-lib';
import { embedFonts } from '../../../electron/pdf/fonts';
import type { Line, Placed, Unit } from '../../../electron/pdf/layout';
import { A4, BODY, MARGIN, layoutBlock, paginate } from '../../../electron/pdf/layout';
import { FOOT_HEADING, sampleLetter } from './sample-letter';
import { structNode } from '../../../electron/pdf/tagging';
import { danishLongDate } from '../../../electron/pdf/danish-date';

const node = structNode('P');
const lines = (n: number, tag: string): Line[] =>
  Array.from({ length: n }, (_, i) => ({ segments: [{ x: 0, runs: [{ text: `${tag}${i}`, style: 'regular' }], node, size: 10 }], height: 10, size: 10 }));
const pageOf = (pages: ReturnType<typeof paginate>, text: string) => pages.findIndex((p) => p.some((l) => l.line.segments[0]?.runs[0]?.text === text));

describe('paginate', () => {
  // Room for 10 lines per page (top 100, bottom 0, lines of 10).
  it('moves a heading to the next page when fewer than two lines of what follows fit under it', () => {
    const units: Unit[] = [{ lines: lines(8, 'p'), spaceBefore: 0 }, { lines: lines(1, 'h'), spaceBefore: 0, keepWithNext: true }, { lines: lines(5, 'q'), spaceBefore: 0 }];
    const pages = paginate(units, 100, 100, 0);
    expect(pageOf(pages, 'h0')).toBe(1);
    expect(pageOf(pages, 'q0')).toBe(1);
  });

  it('keeps a heading where it is when it and two lines fit, and moves consecutive headings together', () => {
    const fits = paginate([{ lines: lines(7, 'p'), spaceBefore: 0 }, { lines: lines(1, 'h'), spaceBefore: 0, keepWithNext: true }, { lines: lines(5, 'q'), spaceBefore: 0 }], 100, 100, 0);
    expect(pageOf(fits, 'h0')).toBe(0);
    expect(pageOf(fits, 'q1')).toBe(0);
    const two = paginate(
      [{ lines: lines(7, 'p'), spaceBefore: 0 }, { lines: lines(1, 'h'), spaceBefore: 0, keepWithNext: true }, { lines: lines(1, 'k'), spaceBefore: 0, keepWithNext: true }, { lines: lines(5, 'q'), spaceBefore: 0 }],
      100, 100, 0,
    );
    expect(pageOf(two, 'h0')).toBe(1);
    expect(pageOf(two, 'k0')).toBe(1);
  });

  it('breaks the page at a page break, and not on an empty page', () => {
    const pages = paginate([{ lines: lines(2, 'c'), spaceBefore: 0 }, { lines: [], spaceBefore: 0, breakBefore: true }, { lines: [], spaceBefore: 0, breakBefore: true }, { lines: lines(2, 'i'), spaceBefore: 0 }], 100, 100, 0);
    expect(pages).toHaveLength(2);
    expect(pageOf(pages, 'i0')).toBe(1);
  });

  it('keeps a table\'s first lines together and repeats its header row on each new page', () => {
    const header = lines(1, 'H')[0] as Line;
    const repeated = { ...header, artifact: true };
    const table: Unit = { lines: [...lines(1, 'cap'), header, ...lines(25, 'r')], spaceBefore: 0, keepLines: 3, repeat: { from: 2, lines: [repeated] } };
    const pages = paginate([{ lines: lines(8, 'p'), spaceBefore: 0 }, table], 100, 100, 0);
    // Caption, header and the first row do not fit under the 8 lines: the table starts on page 2.
    expect(pageOf(pages, 'cap0')).toBe(1);
    expect(pageOf(pages, 'r0')).toBe(1);
    for (const page of pages.slice(2)) expect(page[0]?.line).toBe(repeated);
    expect(pages.flat().filter((p) => p.line === header)).toHaveLength(1);
    expect(pages.length).toBe(4);
  });

  it('moves a keepTogether unit whole', () => {
    const pages = paginate([{ lines: lines(8, 'p'), spaceBefore: 0 }, { lines: lines(3, 's'), spaceBefore: 0, keepTogether: true }], 100, 100, 0);
    expect(pageOf(pages, 's0')).toBe(1);
  });
});

describe('danishLongDate', () => {
  it('writes the date as a Danish letter does', () => {
    expect(danishLongDate('2026-12-01')).toBe('1. december 2026');
    expect(danishLongDate('2027-05-17')).toBe('17. maj 2027');
    expect(() => danishLongDate('2026-13-01')).toThrow();
  });
});

describe('the sample letter', () => {
  it('puts FOOT_HEADING where, without the rule, it would be the last line of page 2', async () => {
    const pdf = await PDFDocument.create();
    const fonts = await embedFonts(pdf);
    const units = sampleLetter().blocks.map((b) => layoutBlock(b, structNode('Document'), fonts));
    // Page 1's text starts under the letterhead; its exact height does not matter once page 2 begins.
    const place = (us: Unit[]) => paginate(us, 597, A4.height - MARGIN.top - 14, MARGIN.bottom + BODY.leading / 2);
    const without = place(units.map((u) => ({ ...u, keepWithNext: false })));
    expect(pageOf(without, FOOT_HEADING)).toBe(1);
    expect((without[1] as Placed[]).at(-1)?.line.segments[0]?.runs[0]?.text).toBe(FOOT_HEADING);
    expect(pageOf(place(units), FOOT_HEADING)).toBe(2);
  });
});
