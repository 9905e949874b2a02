/**
 * Line breaking and pagination, measured with the embedded fonts (`widthOfTextAtSize`). The letter's
 * blocks become units of lines; `paginate` places them so a heading never ends a page: it moves to the
 * next page unless it fits together with the headings right after it and the first two lines of what
 * follows. A table row is one line (never split) and a table's header row is repeated on a new page;
 * a chart is one line with its title kept on its page. Positions are PDF points, y upwards.
 */
import type { Block, Inline } from '../../shared/letters/document';
import type { ChartModel } from '../../shared/report/charts';
import type { FontStyle, Fonts } from './fonts';
import { structNode, type StructNode } from './tagging';

export const A4 = { width: 595.28, height: 841.89 };
/** 25 mm left, 20 mm right, as a municipal letter with a punched margin. */
export const MARGIN = { left: 70.87, right: 56.69, top: 56.69, bottom: 70.87 };
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
export const BODY = { size: 11, leading: 15 };

export interface Run { text: string; style: FontStyle }
/**
 * A piece of one line, drawn at `x` as one marked-content piece of `node`. A table row is one line
 * whose cells wrap: each wrapped piece sits `dy` below the line's top in a line of `leading`.
 */
export interface Segment { x: number; runs: Run[]; node: StructNode; size: number; dy?: number; leading?: number }
/** A horizontal rule `dy` below the line's top (a table's row lines): furniture, not content. */
export interface Rule { dy: number; x1: number; x2: number; thickness: number }
export interface Line {
  segments: Segment[];
  height: number;
  size: number;
  ruleX?: number;
  rules?: Rule[];
  /** A chart drawn in the line's box, `scale` PDF points per chart unit, as the figure `node`. */
  chart?: { model: ChartModel; x: number; scale: number; node: StructNode };
  /** Drawn as an artifact: a table's header row repeated on a later page (the first one is the content). */
  artifact?: boolean;
}
export interface Unit {
  lines: Line[];
  spaceBefore: number;
  keepWithNext?: boolean;
  keepTogether?: boolean;
  /** The first lines that must share a page (a table's caption, header row and first row). */
  keepLines?: number;
  /** When the unit continues on a new page at line `from` or later, these lines are placed first. */
  repeat?: { from: number; lines: Line[] };
  /** A page break: what follows starts on a new page. */
  breakBefore?: boolean;
}

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
    case 'table':
      return layoutTable(block, doc, fonts);
    case 'chart': {
      const title = textLines(wrapRuns([{ text: block.chart.title }], CONTENT_WIDTH, fonts, size, 'semibold'), left, structNode('P', doc), size, leading);
      const figure = structNode('Figure', doc);
      figure.alt = block.chart.description;
      const scale = Math.min(1, CONTENT_WIDTH / block.chart.width);
      const chart: Line = { segments: [], height: block.chart.height * scale + 6, size, chart: { model: block.chart, x: left, scale, node: figure } };
      // A chart is never split: its title and drawing move to the next page together.
      return { lines: [...title, chart], spaceBefore: 14, keepTogether: true };
    }
    case 'pageBreak':
      return { lines: [], spaceBefore: 0, breakBefore: true };
  }
}

const TABLE = { size: 9.5, leading: 12, padX: 4, padY: 3, captionSize: 11 };
type TableBlock = Extract<Block, { kind: 'table' }>;

/**
 * Column widths: each column as wide as its widest cell when all fit; otherwise every column keeps at
 * least its longest word (a number column its widest number) and the room left is shared in proportion to how much more each would like.
 */
function columnWidths(block: TableBlock, fonts: Fonts): number[] {
  const pad = 2 * TABLE.padX;
  const cellWidth = (text: string, style: FontStyle) => textWidth(fonts, style, text, TABLE.size);
  const wordWidth = (text: string, style: FontStyle) => Math.max(0, ...text.split(/\s+/).map((w) => cellWidth(w, style)));
  const natural = block.columns.map((c, i) => pad + Math.max(cellWidth(c.label, 'semibold'), ...block.rows.map((r) => cellWidth(r[i] ?? '', 'regular'))));
  // A number ("10,5 %", "1.234") is never broken over two lines; a label may be, between words.
  const least = block.columns.map((c, i) => pad + Math.max(wordWidth(c.label, 'semibold'), ...block.rows.map((r) => (c.kind === 'number' ? cellWidth : wordWidth)(r[i] ?? '', 'regular'))));
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= CONTENT_WIDTH) {
    // Room to spare goes to the text columns (the labels), so numbers stay close to their headers.
    const text = block.columns.map((c) => c.kind === 'text');
    const textTotal = natural.filter((_, i) => text[i]).reduce((a, b) => a + b, 0);
    const extra = CONTENT_WIDTH - total;
    return natural.map((w, i) => (textTotal === 0 ? w + extra / natural.length : text[i] ? w + (extra * w) / textTotal : w));
  }
  const leastTotal = least.reduce((a, b) => a + b, 0);
  if (leastTotal >= CONTENT_WIDTH) return least.map((w) => (w * CONTENT_WIDTH) / leastTotal);
  const want = natural.map((w, i) => w - (least[i] as number));
  const wantTotal = want.reduce((a, b) => a + b, 0);
  return least.map((w, i) => w + ((CONTENT_WIDTH - leastTotal) * (want[i] as number)) / wantTotal);
}

/** One row as one line: every cell wrapped in its column, numbers right-aligned, the row never split. */
function tableRow(cells: ReadonlyArray<string>, block: TableBlock, widths: number[], nodes: StructNode[], fonts: Fonts, style: FontStyle, thickness: number): Line {
  const segments: Segment[] = [];
  let x = MARGIN.left;
  let lines = 1;
  block.columns.forEach((col, i) => {
    const w = widths[i] as number;
    // A hair of slack: a number measured whole must not wrap when measured word by word.
    const wrapped = wrapRuns([{ text: cells[i] ?? '' }], w - 2 * TABLE.padX + 0.5, fonts, TABLE.size, style);
    lines = Math.max(lines, wrapped.length);
    wrapped.forEach((runs, k) => {
      const textW = runs.reduce((sum, r) => sum + textWidth(fonts, r.style, r.text, TABLE.size), 0);
      const at = col.kind === 'number' ? x + w - TABLE.padX - textW : x + TABLE.padX;
      segments.push({ x: at, runs, node: nodes[i] as StructNode, size: TABLE.size, dy: TABLE.padY + k * TABLE.leading, leading: TABLE.leading });
    });
    x += w;
  });
  const height = lines * TABLE.leading + 2 * TABLE.padY;
  return { segments, height, size: TABLE.size, rules: [{ dy: height, x1: MARGIN.left, x2: MARGIN.left + CONTENT_WIDTH, thickness }] };
}

/** A table: Caption, then a header row of TH (scope column) and rows of TD under Table/TR. */
function layoutTable(block: TableBlock, doc: StructNode, fonts: Fonts): Unit {
  const table = structNode('Table', doc);
  const caption = structNode('Caption', table);
  const lines: Line[] = [
    ...textLines(wrapRuns([{ text: block.caption }], CONTENT_WIDTH, fonts, TABLE.captionSize, 'semibold'), MARGIN.left, caption, TABLE.captionSize, 15),
    ...(block.note === '' ? [] : textLines(wrapRuns([{ text: block.note }], CONTENT_WIDTH, fonts, TABLE.size, 'em'), MARGIN.left, caption, TABLE.size, TABLE.leading)),
  ];
  const widths = columnWidths(block, fonts);
  const cellNodes = (type: 'TH' | 'TD') => {
    const tr = structNode('TR', table);
    return block.columns.map(() => {
      const cell = structNode(type, tr);
      if (type === 'TH') cell.scope = 'Column';
      return cell;
    });
  };
  const headerCells = block.columns.map((c) => c.label);
  const header = tableRow(headerCells, block, widths, cellNodes('TH'), fonts, 'semibold', 1);
  // The copy repeated on later pages belongs to no element: its nodes are a detached row.
  const detached = structNode('TR');
  const repeated = { ...tableRow(headerCells, block, widths, block.columns.map(() => structNode('TH', detached)), fonts, 'semibold', 1), artifact: true };
  const from = lines.length + 1;
  lines.push(header, ...block.rows.map((r) => tableRow(r, block, widths, cellNodes('TD'), fonts, 'regular', 0.4)));
  return { lines, spaceBefore: 14, keepLines: Math.min(lines.length, from + 1), repeat: { from, lines: [repeated] } };
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
    if (unit.breakBefore) {
      if (!pageEmpty()) newPage();
      return;
    }
    let needed = unit.lines.length === 0 ? 0 : (unit.keepTogether ? height(unit.lines) : height(unit.lines.slice(0, unit.keepLines ?? 1)));
    if (unit.keepWithNext) {
      needed = height(unit.lines);
      for (let j = i + 1; j < units.length; j++) {
        const next = units[j] as Unit;
        needed += next.spaceBefore;
        if (next.keepWithNext) {
          needed += height(next.lines);
          continue;
        }
        needed += height(next.lines.slice(0, next.keepLines ?? 2));
        break;
      }
    }
    if (!pageEmpty()) y -= unit.spaceBefore;
    if (!pageEmpty() && y - needed < bottom) newPage();
    const place = (line: Line) => {
      (pages[pages.length - 1] as Placed[]).push({ line, top: y });
      y -= line.height;
    };
    unit.lines.forEach((line, k) => {
      if (y - line.height < bottom && !pageEmpty()) {
        newPage();
        if (unit.repeat !== undefined && k >= unit.repeat.from) unit.repeat.lines.forEach(place);
      }
      place(line);
    });
  });
  return pages;
}
