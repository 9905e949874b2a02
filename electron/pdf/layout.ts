/**
 * Line breaking and pagination, measured with the embedded fonts (`widthOfTextAtSize`). The letter's
 * blocks become units of lines; `paginate` places them so a heading never ends a page: it moves to the
 * next page unless it fits together with the headings right after it and the first two lines of what
 * follows. Positions are PDF points, y upwards.
 */
import type { Block, Inline } from '../../shared/letters/document';
import type { FontStyle, Fonts } from './fonts';
import { structNode, type StructNode } from './tagging';

export const A4 = { width: 595.28, height: 841.89 };
/** 25 mm left, 20 mm right, as a municipal letter with a punched margin. */
export const MARGIN = { left: 70.87, right: 56.69, top: 56.69, bottom: 70.87 };
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
export const BODY = { size: 11, leading: 15 };

export interface Run { text: string; style: FontStyle }
/** A piece of one line, drawn at `x` as one marked-content piece of `node`. */
export interface Segment { x: number; runs: Run[]; node: StructNode; size: number }
export interface Line { segments: Segment[]; height: number; size: number; ruleX?: number }
export interface Unit { lines: Line[]; spaceBefore: number; keepWithNext?: boolean; keepTogether?: boolean }

/** Words of a line of runs: each word its styled pieces (a word may change style mid-way: "**§ 19**,"). */
function words(runs: ReadonlyArray<Inline>, base: FontStyle): Run[][] {
  const out: Run[][] = [];
  let current: Run[] = [];
  for (const r of runs) {
    const style: FontStyle = r.emphasis ?? base;
    const parts = r.text.replace(/\s+/g, ' ').split(' ');
    parts.forEach((p, i) => {
      if (i > 0 && current.length > 0) {
        out.push(current);
        current = [];
      }
      if (p !== '') current.push({ text: p, style });
    });
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Text widths, remembered per font: fontkit lays out every string it measures (shaping, kerning),
 * which made measuring word by word most of a render's time. Kept per PDFFont, i.e. per document.
 */
const widths = new WeakMap<object, Map<string, number>>();
export function textWidth(fonts: Fonts, style: FontStyle, text: string, size: number): number {
  const font = fonts[style];
  let cache = widths.get(font);
  if (cache === undefined) {
    cache = new Map();
    widths.set(font, cache);
  }
  const key = `${size}\u0000${text}`;
  let w = cache.get(key);
  if (w === undefined) {
    w = font.widthOfTextAtSize(text, size);
    cache.set(key, w);
  }
  return w;
}

/** Break runs into lines no wider than `width`; a word wider than a line stands alone (and overflows). */
export function wrapRuns(runs: ReadonlyArray<Inline>, width: number, fonts: Fonts, size: number, base: FontStyle = 'regular'): Run[][] {
  const measure = (rs: Run[]) => rs.reduce((w, r) => w + textWidth(fonts, r.style, r.text, size), 0);
  const space = textWidth(fonts, base, ' ', size);
  const lines: Run[][] = [];
  let line: Run[] = [];
  let lineWidth = 0;
  for (const w of words(runs, base)) {
    const ww = measure(w);
    if (line.length > 0 && lineWidth + space + ww > width) {
      lines.push(line);
      line = [];
      lineWidth = 0;
    }
    if (line.length > 0) {
      line.push({ text: ' ', style: (line[line.length - 1] as Run).style });
      lineWidth += space;
    }
    line.push(...w);
    lineWidth += ww;
  }
  if (line.length > 0) lines.push(line);
  return mergeRuns(lines.length > 0 ? lines : [[]]);
}

/** Adjacent pieces of one style drawn as one string: fewer operators, natural text extraction. */
function mergeRuns(lines: Run[][]): Run[][] {
  return lines.map((l) =>
    l.reduce<Run[]>((acc, r) => {
      const last = acc[acc.length - 1];
      if (last !== undefined && last.style === r.style) last.text += r.text;
      else acc.push({ ...r });
      return acc;
    }, []),
  );
}

const HEADING = {
  1: { size: 18, leading: 23, before: 6, style: 'semibold' as FontStyle },
  2: { size: 14, leading: 19, before: 16, style: 'strong' as FontStyle },
  3: { size: 12, leading: 16, before: 12, style: 'strong' as FontStyle },
};
const LIST_HANG = 20;
const QUOTE_INDENT = 22;

function textLines(runs: Run[][], x: number, node: StructNode, size: number, leading: number): Line[] {
  return runs.map((r) => ({ segments: [{ x, runs: r, node, size }], height: leading, size }));
}

/** One block as a unit of lines, its structure elements added under `doc` in reading order. */
export function layoutBlock(block: Block, doc: StructNode, fonts: Fonts): Unit {
  const left = MARGIN.left;
  const { size, leading } = BODY;
  switch (block.kind) {
    case 'heading': {
      const h = HEADING[block.level];
      const node = structNode(`H${block.level}`, doc);
      const lines = textLines(wrapRuns([{ text: block.text }], CONTENT_WIDTH, fonts, h.size, h.style), left, node, h.size, h.leading);
      return { lines, spaceBefore: h.before, keepWithNext: true };
    }
    case 'paragraph': {
      const node = structNode('P', doc);
      return { lines: textLines(wrapRuns(block.runs, CONTENT_WIDTH, fonts, size), left, node, size, leading), spaceBefore: 8 };
    }
    case 'list': {
      const list = structNode('L', doc);
      const lines: Line[] = [];
      block.items.forEach((item, i) => {
        const li = structNode('LI', list);
        const lbl = structNode('Lbl', li);
        const body = structNode('LBody', li);
        const label = block.ordered ? `${i + 1}.` : '•';
        const wrapped = wrapRuns(item, CONTENT_WIDTH - LIST_HANG, fonts, size);
        wrapped.forEach((runs, j) => {
          const segments: Segment[] = [];
          if (j === 0) segments.push({ x: left + 4, runs: [{ text: label, style: 'regular' }], node: lbl, size });
          segments.push({ x: left + LIST_HANG, runs, node: body, size });
          lines.push({ segments, height: j === 0 && i > 0 ? leading + 2 : leading, size });
        });
      });
      return { lines, spaceBefore: 8 };
    }
    case 'citation': {
      const quote = structNode('BlockQuote', doc);
      const x = left + QUOTE_INDENT;
      const width = CONTENT_WIDTH - QUOTE_INDENT;
      const ref = textLines(wrapRuns([{ text: block.reference }], width, fonts, size, 'semibold'), x, structNode('P', quote), size, leading);
      const text = textLines(wrapRuns([{ text: block.text }], width, fonts, size, 'em'), x, structNode('P', quote), size, leading);
      const lines = [...ref, ...text].map((l) => ({ ...l, ruleX: left + 8 }));
      return { lines, spaceBefore: 10 };
    }
    case 'signature': {
      const greeting = textLines([[{ text: block.greeting, style: 'regular' }]], left, structNode('P', doc), size, leading);
      const name = textLines([[{ text: block.name, style: 'semibold' }]], left, structNode('P', doc), size, leading);
      const title = textLines([[{ text: block.title, style: 'regular' }]], left, structNode('P', doc), size, leading);
      // Room for a handwritten signature between the greeting and the name.
      const spaced = name.map((l) => ({ ...l, height: l.height + 30 }));
      return { lines: [...greeting, ...spaced, ...title], spaceBefore: 18, keepTogether: true };
    }
  }
}

export interface Placed { line: Line; top: number }

const height = (lines: ReadonlyArray<Line>) => lines.reduce((h, l) => h + l.height, 0);

/**
 * Place the units on pages: page 1 starts at `firstTop`, the others at `otherTop`; the text stops at
 * `bottom`. A heading (and the headings right after it) moves on with the first two lines of what
 * follows; a keepTogether unit (the signature) moves whole; other units break between lines.
 */
export function paginate(units: ReadonlyArray<Unit>, firstTop: number, otherTop: number, bottom: number): Placed[][] {
  const pages: Placed[][] = [[]];
  let y = firstTop;
  const newPage = () => {
    pages.push([]);
    y = otherTop;
  };
  const pageEmpty = () => (pages[pages.length - 1] as Placed[]).length === 0;
  units.forEach((unit, i) => {
    let needed = unit.lines.length === 0 ? 0 : (unit.keepTogether ? height(unit.lines) : (unit.lines[0] as Line).height);
    if (unit.keepWithNext) {
      needed = height(unit.lines);
      for (let j = i + 1; j < units.length; j++) {
        const next = units[j] as Unit;
        needed += next.spaceBefore;
        if (next.keepWithNext) {
          needed += height(next.lines);
          continue;
        }
        needed += height(next.lines.slice(0, 2));
        break;
      }
    }
    if (!pageEmpty()) y -= unit.spaceBefore;
    if (!pageEmpty() && y - needed < bottom) newPage();
    for (const line of unit.lines) {
      if (y - line.height < bottom && !pageEmpty()) newPage();
      (pages[pages.length - 1] as Placed[]).push({ line, top: y });
      y -= line.height;
    }
  });
  return pages;
}
