/**
 * The report's charts as one pure model, drawn by two renderers: SVG in the app
 * (renderer/src/features/report/ChartView.tsx) and vector drawing with the embedded font in the PDF
 * (electron/pdf/chart.ts). Positions are computed here, with d3-scale, in a fixed coordinate system
 * (`width` × `height`, y down, text `y` is the baseline), so both show the same numbers in the same places.
 *
 * Readable without colour: the palette is Okabe–Ito (safe for the common colour-vision deficiencies)
 * ordered so neighbouring colours differ in lightness (distinct in greyscale print), lines differ in
 * dash and marker too, and every number is printed as a label – no value is told by colour alone. Each
 * chart carries its description (the alt text: what it shows and its numbers in words) and the table
 * of its data, for screen readers and for anyone who prefers the numbers.
 */
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { z } from 'zod';
import { Outcome } from '../domain/vocab';
import { danishNumber, danishPercent } from './format';
import type { ReportStats } from './stats';

const num = z.number().finite();
const colour = z.string().regex(/^#[0-9A-F]{6}$/);

export const ChartTextMarkSchema = z.object({
  kind: z.literal('text'), x: num, y: num, text: z.string(), size: num,
  anchor: z.enum(['start', 'middle', 'end']), weight: z.enum(['regular', 'bold']), fill: colour,
  /** Degrees clockwise around (x, y) (the y axis points down). */
  rotate: num.optional(),
});
export const ChartMarkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rect'), x: num, y: num, width: num, height: num, fill: colour, stroke: colour.optional() }),
  z.object({ kind: z.literal('line'), x1: num, y1: num, x2: num, y2: num, stroke: colour, strokeWidth: num, dash: z.array(num).optional() }),
  z.object({ kind: z.literal('polyline'), points: z.array(z.tuple([num, num])), stroke: colour, strokeWidth: num, dash: z.array(num).optional() }),
  z.object({ kind: z.literal('circle'), cx: num, cy: num, r: num, fill: colour, stroke: colour }),
  ChartTextMarkSchema,
]);
export type ChartTextMark = z.infer<typeof ChartTextMarkSchema>;
export type ChartMark = z.infer<typeof ChartMarkSchema>;

export const ChartLegendEntrySchema = z.object({ label: z.string(), fill: colour, dash: z.array(num).optional(), marker: z.enum(['circle', 'square']).optional() });
export type ChartLegendEntry = z.infer<typeof ChartLegendEntrySchema>;

/** The chart's numbers as a plain table: header labels, and rows of final text. */
export const ChartTableSchema = z.object({ columns: z.array(z.object({ label: z.string(), numeric: z.boolean() })), rows: z.array(z.array(z.string())) });
export type ChartTable = z.infer<typeof ChartTableSchema>;

export const ChartModelSchema = z.object({
  /** Stable and unique within a report: `forvaltninger`, `temaer`, `udvikling`, `udfald`, `forvaltning-regel`. */
  id: z.string(),
  title: z.string(),
  /** The alt text: what the chart shows and its numbers, in Danish words. */
  description: z.string(),
  width: num.positive(),
  height: num.positive(),
  marks: z.array(ChartMarkSchema),
  legend: z.array(ChartLegendEntrySchema),
  table: ChartTableSchema,
});
export type ChartModel = z.infer<typeof ChartModelSchema>;

/**
 * Okabe–Ito, ordered so the relative luminance of neighbours among the first six (the most a stacked
 * bar uses: five themes and the rest) differs by at least 0.15, so segments stay apart in greyscale (tested).
 */
export const PALETTE = ['#0072B2', '#F0E442', '#D55E00', '#56B4E9', '#000000', '#E69F00', '#009E73', '#CC79A7'] as const;
export const INK = '#1A1A1A';
const MUTED = '#595959';
const GRID = '#D0D0D0';
const WHITE = '#FFFFFF';

export const CHART_WIDTH = 560;
const FONT = 11;
const SMALL = 10;
/** Room for a row label; longer ones are shortened with "…" (the table and description keep them whole). */
export const LABEL_CHARS = 32;

/** "Børne- og Ungdomsforvaltningen, Center …": at most `max` characters, "…" when shortened. */
export function shorten(text: string, max = LABEL_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** WCAG relative luminance of a "#RRGGBB" colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (c[0] as number) + 0.7152 * (c[1] as number) + 0.0722 * (c[2] as number);
}

/** Ink that reads on `fill`: white on dark colours, near-black on light ones. */
export function inkOn(fill: string): string {
  return luminance(fill) < 0.18 ? WHITE : INK;
}

const text = (x: number, y: number, t: string, o: Partial<Omit<ChartTextMark, 'kind' | 'x' | 'y' | 'text'>> = {}): ChartTextMark => ({
  kind: 'text', x, y, text: t, size: o.size ?? FONT, anchor: o.anchor ?? 'start', weight: o.weight ?? 'regular', fill: o.fill ?? INK,
  ...(o.rotate === undefined ? {} : { rotate: o.rotate }),
});

/** Whole-number ticks of a count axis (a fraction of a klagepunkt makes no sense). */
function countTicks(max: number): number[] {
  const ticks = scaleLinear().domain([0, Math.max(1, max)]).nice().ticks(5).filter(Number.isInteger);
  return ticks;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The x axis of a horizontal bar chart: grid lines and tick labels under the plot. */
function xAxis(x: (n: number) => number, ticks: number[], top: number, bottom: number): ChartMark[] {
  return ticks.flatMap((t) => [
    { kind: 'line' as const, x1: round(x(t)), y1: top, x2: round(x(t)), y2: bottom, stroke: GRID, strokeWidth: 0.75 },
    text(round(x(t)), bottom + 14, danishNumber(t), { size: SMALL, anchor: 'middle', fill: MUTED }),
  ]);
}

type Bar = Readonly<{ label: string; value: number; note?: string }>;

/** Horizontal bars, one per row, labelled left and valued right. */
function horizontalBars(o: Readonly<{ id: string; title: string; description: string; unit: string; bars: ReadonlyArray<Bar>; fill: string; valueHeader: string; noteHeader?: string }>): ChartModel {
  const labelWidth = 190;
  const left = labelWidth + 10;
  const right = CHART_WIDTH - 80;
  const rowHeight = 24;
  const top = 8;
  const plotBottom = top + o.bars.length * rowHeight;
  const max = Math.max(...o.bars.map((b) => b.value));
  const ticks = countTicks(max);
  const x = scaleLinear().domain([0, ticks.at(-1) as number]).range([left, right]);
  const y = scaleBand<number>().domain(o.bars.map((_, i) => i)).range([top, plotBottom]).padding(0.25);
  const marks: ChartMark[] = [...xAxis(x, ticks, top, plotBottom)];
  o.bars.forEach((b, i) => {
    const y0 = y(i) as number;
    const h = y.bandwidth();
    const baseline = round(y0 + h / 2 + FONT * 0.35);
    marks.push(text(labelWidth, baseline, shorten(b.label), { anchor: 'end' }));
    const w = round(x(b.value) - left);
    if (w > 0) marks.push({ kind: 'rect', x: left, y: round(y0), width: w, height: round(h), fill: o.fill });
    marks.push(text(round(left + w + 4), baseline, b.note === undefined ? danishNumber(b.value) : `${danishNumber(b.value)} (${b.note})`, { weight: 'bold' }));
  });
  marks.push({ kind: 'line', x1: left, y1: top, x2: left, y2: plotBottom, stroke: INK, strokeWidth: 1 });
  marks.push(text(round((left + right) / 2), plotBottom + 32, o.unit, { size: SMALL, anchor: 'middle', fill: MUTED }));
  return {
    id: o.id,
    title: o.title,
    description: o.description,
    width: CHART_WIDTH,
    height: plotBottom + 40,
    marks,
    legend: [],
    table: {
      columns: [{ label: 'Kategori', numeric: false }, { label: o.valueHeader, numeric: true }, ...(o.noteHeader === undefined ? [] : [{ label: o.noteHeader, numeric: true }])],
      rows: o.bars.map((b) => [b.label, danishNumber(b.value), ...(o.noteHeader === undefined ? [] : [b.note ?? '–'])]),
    },
  };
}

function listText(items: ReadonlyArray<Readonly<{ label: string; value: number }>>): string {
  return items.map((i) => `${i.label} ${danishNumber(i.value)}`).join('; ');
}

function forvaltningChart(s: ReportStats): ChartModel | null {
  const bars = s.byForvaltning.filter((f) => f.klagepunkter > 0).map((f) => ({ label: f.forvaltning, value: f.klagepunkter }));
  if (bars.length === 0) return null;
  return horizontalBars({
    id: 'forvaltninger',
    title: `Klagepunkter efter forvaltning ${s.label}`,
    description: `Vandret søjlediagram over klagepunkterne i ${s.label} fordelt på forvaltning, flest først: ${listText(bars)}. I alt ${danishNumber(s.klagepunkter.total)} klagepunkter.`,
    unit: 'Klagepunkter',
    bars,
    fill: PALETTE[0],
    valueHeader: `Klagepunkter ${s.label}`,
  });
}

/** At most this many themes get their own segment; the rest are "Øvrige temaer" (six colours in all). */
export const THEMES_SHOWN = 5;

function themeChart(s: ReportStats): ChartModel | null {
  const cur = s.byTema.filter((t) => t.klagepunkter > 0);
  if (cur.length === 0) return null;
  const shown = cur.slice(0, THEMES_SHOWN).map((t) => t.tema);
  const periods = [
    { label: s.previous.label, themes: s.previous.byTema },
    { label: s.label, themes: s.byTema },
  ];
  const value = (themes: ReportStats['byTema'], name: string | null) =>
    themes.filter((t) => (name === null ? !shown.includes(t.tema) : t.tema === name)).reduce((n, t) => n + t.klagepunkter, 0);
  const series = [...shown.map((name) => ({ label: name, key: name as string | null })), { label: 'Øvrige temaer', key: null }]
    .map((srs) => ({ label: srs.label, values: periods.map((p) => value(p.themes, srs.key)) }))
    .filter((srs) => srs.values.some((v) => v > 0));
  const totals = periods.map((_, i) => series.reduce((n, srs) => n + (srs.values[i] as number), 0));

  const left = 70;
  const right = CHART_WIDTH - 60;
  const top = 8;
  const barHeight = 34;
  const gap = 14;
  const plotBottom = top + periods.length * barHeight + (periods.length - 1) * gap;
  const ticks = countTicks(Math.max(...totals));
  const x = scaleLinear().domain([0, ticks.at(-1) as number]).range([left, right]);
  const marks: ChartMark[] = [...xAxis(x, ticks, top, plotBottom)];
  periods.forEach((p, i) => {
    const y0 = top + i * (barHeight + gap);
    marks.push(text(left - 8, round(y0 + barHeight / 2 + FONT * 0.35), p.label, { anchor: 'end', weight: 'bold' }));
    let acc = 0;
    series.forEach((srs, j) => {
      const v = srs.values[i] as number;
      if (v === 0) return;
      const x0 = round(x(acc));
      const w = round(x(acc + v) - x(acc));
      const fill = PALETTE[j % PALETTE.length] as string;
      // A white edge between segments: neighbours stay apart even where two greys come close.
      marks.push({ kind: 'rect', x: x0, y: y0, width: w, height: barHeight, fill, stroke: WHITE });
      const label = danishNumber(v);
      // The value inside its segment when it fits; the legend gives every value anyway.
      if (w >= label.length * 6 + 6) marks.push(text(round(x0 + w / 2), round(y0 + barHeight / 2 + FONT * 0.35), label, { anchor: 'middle', fill: inkOn(fill) }));
      acc += v;
    });
    marks.push(text(round(x(acc) + 4), round(y0 + barHeight / 2 + FONT * 0.35), danishNumber(totals[i] as number), { weight: 'bold' }));
  });
  marks.push({ kind: 'line', x1: left, y1: top, x2: left, y2: plotBottom, stroke: INK, strokeWidth: 1 });

  // Legend: two columns under the axis, each entry with its values, so no number depends on colour.
  const legendTop = plotBottom + 30;
  const legend: ChartLegendEntry[] = [];
  series.forEach((srs, j) => {
    const fill = PALETTE[j % PALETTE.length] as string;
    const col = j % 2;
    const row = Math.floor(j / 2);
    const lx = 10 + col * (CHART_WIDTH / 2);
    const ly = legendTop + row * 18;
    marks.push({ kind: 'rect', x: lx, y: ly, width: 12, height: 12, fill, stroke: INK });
    const label = `${shorten(srs.label, 26)}: ${srs.values.map((v) => danishNumber(v)).join(' / ')}`;
    marks.push(text(lx + 18, ly + 10, label, { size: SMALL }));
    legend.push({ label: srs.label, fill, marker: 'square' });
  });
  const legendRows = Math.ceil(series.length / 2);
  marks.push(text(10, legendTop + legendRows * 18 + 10, `Tal i forklaringen: ${periods.map((p) => p.label).join(' / ')}. Et klagepunkt tæller med under hvert af sine temaer.`, { size: SMALL, fill: MUTED }));

  return {
    id: 'temaer',
    title: `Klagepunkter efter tema ${s.previous.label} og ${s.label}`,
    description: `Stablede vandrette søjler, én for ${s.previous.label} og én for ${s.label}, delt op efter tema. ${periods
      .map((p, i) => `${p.label}: ${series.map((srs) => `${srs.label} ${danishNumber(srs.values[i] as number)}`).join(', ')}, i alt ${danishNumber(totals[i] as number)}`)
      .join('. ')}. Et klagepunkt tæller med under hvert af sine temaer.`,
    width: CHART_WIDTH,
    height: legendTop + legendRows * 18 + 18,
    marks,
    legend,
    table: {
      columns: [{ label: 'Tema', numeric: false }, ...periods.map((p) => ({ label: p.label, numeric: true }))],
      rows: series.map((srs) => [srs.label, ...srs.values.map((v) => danishNumber(v))]),
    },
  };
}

function trendChart(s: ReportStats): ChartModel | null {
  const points = s.trend;
  if (points.length === 0 || points.every((p) => p.henvendelser === 0 && p.klagepunkter === 0)) return null;
  const left = 50;
  const right = CHART_WIDTH - 30;
  const top = 20;
  const plotBottom = 220;
  const ticks = countTicks(Math.max(...points.flatMap((p) => [p.henvendelser, p.klagepunkter])));
  const y = scaleLinear().domain([0, ticks.at(-1) as number]).range([plotBottom, top]);
  const x = scalePoint<number>().domain(points.map((_, i) => i)).range([left, right]).padding(0.5);
  const marks: ChartMark[] = [];
  for (const t of ticks) {
    marks.push({ kind: 'line', x1: left, y1: round(y(t)), x2: right, y2: round(y(t)), stroke: GRID, strokeWidth: 0.75 });
    marks.push(text(left - 6, round(y(t) + 3.5), danishNumber(t), { size: SMALL, anchor: 'end', fill: MUTED }));
  }
  marks.push({ kind: 'line', x1: left, y1: plotBottom, x2: right, y2: plotBottom, stroke: INK, strokeWidth: 1 });
  points.forEach((p, i) => marks.push(text(round(x(i) as number), plotBottom + 16, p.label, { anchor: 'middle' })));
  const series = [
    { label: 'Henvendelser', key: 'henvendelser' as const, colour: PALETTE[0], dash: undefined, marker: 'circle' as const },
    { label: 'Klagepunkter', key: 'klagepunkter' as const, colour: PALETTE[2], dash: [6, 3], marker: 'square' as const },
  ];
  for (const srs of series) {
    const pts = points.map((p, i): [number, number] => [round(x(i) as number), round(y(p[srs.key]))]);
    if (pts.length > 1) marks.push({ kind: 'polyline', points: pts, stroke: srs.colour, strokeWidth: 2, ...(srs.dash === undefined ? {} : { dash: srs.dash }) });
    for (const [px, py] of pts) {
      marks.push(srs.marker === 'circle'
        ? { kind: 'circle', cx: px, cy: py, r: 3.5, fill: srs.colour, stroke: WHITE }
        : { kind: 'rect', x: px - 3.5, y: py - 3.5, width: 7, height: 7, fill: srs.colour, stroke: WHITE });
    }
  }
  // Values: the higher of the two above its point, the lower below, so they never sit on each other.
  points.forEach((p, i) => {
    const px = round(x(i) as number);
    const hi = p.henvendelser >= p.klagepunkter ? 'henvendelser' : 'klagepunkter';
    const lo = hi === 'henvendelser' ? 'klagepunkter' : 'henvendelser';
    marks.push(text(px, round(y(p[hi]) - 8), danishNumber(p[hi]), { size: SMALL, anchor: 'middle', weight: 'bold' }));
    marks.push(text(px, round(y(p[lo]) + 16), danishNumber(p[lo]), { size: SMALL, anchor: 'middle', weight: 'bold' }));
  });
  const legendY = plotBottom + 40;
  series.forEach((srs, j) => {
    const lx = 60 + j * 200;
    marks.push({ kind: 'line', x1: lx, y1: legendY - 4, x2: lx + 28, y2: legendY - 4, stroke: srs.colour, strokeWidth: 2, ...(srs.dash === undefined ? {} : { dash: srs.dash }) });
    marks.push(srs.marker === 'circle'
      ? { kind: 'circle', cx: lx + 14, cy: legendY - 4, r: 3.5, fill: srs.colour, stroke: WHITE }
      : { kind: 'rect', x: lx + 10.5, y: legendY - 7.5, width: 7, height: 7, fill: srs.colour, stroke: WHITE });
    marks.push(text(lx + 36, legendY, srs.label));
  });
  return {
    id: 'udvikling',
    title: `Udvikling ${points[0]?.label ?? ''}–${points.at(-1)?.label ?? ''}`,
    description: `Kurvediagram over henvendelser og klagepunkter pr. periode. ${points
      .map((p) => `${p.label}: ${danishNumber(p.henvendelser)} henvendelser og ${danishNumber(p.klagepunkter)} klagepunkter`)
      .join('; ')}.`,
    width: CHART_WIDTH,
    height: legendY + 10,
    marks,
    legend: series.map((srs) => ({ label: srs.label, fill: srs.colour, marker: srs.marker, ...(srs.dash === undefined ? {} : { dash: srs.dash }) })),
    table: {
      columns: [{ label: 'Periode', numeric: false }, { label: 'Henvendelser', numeric: true }, { label: 'Klagepunkter', numeric: true }],
      rows: points.map((p) => [p.label, danishNumber(p.henvendelser), danishNumber(p.klagepunkter)]),
    },
  };
}

function outcomeChart(s: ReportStats): ChartModel | null {
  const entries = [...Outcome.entries.map((e) => ({ key: e.importName, label: e.label })), { key: 'ikke afgjort', label: 'Ikke afgjort' }];
  const total = entries.reduce((n, e) => n + (s.outcomes[e.key] ?? 0), 0);
  if (total === 0) return null;
  const bars = entries.map((e) => {
    const v = s.outcomes[e.key] ?? 0;
    return total < s.minN ? { label: e.label, value: v } : { label: e.label, value: v, note: danishPercent(v / total) };
  });
  return horizontalBars({
    id: 'udfald',
    title: `Udfald af klagepunkterne ${s.label}`,
    description: `Vandret søjlediagram over klagepunkternes udfald i ${s.label}, fra ingen kritik til særdeles kritisabelt og derefter afvist, videresendt og ikke afgjort: ${bars
      .map((b) => `${b.label} ${danishNumber(b.value)}${b.note === undefined ? '' : ` (${b.note})`}`)
      .join('; ')}. I alt ${danishNumber(total)} klagepunkter.`,
    unit: total < s.minN ? 'Klagepunkter (for få til andele)' : `Klagepunkter (andel af ${danishNumber(total)})`,
    bars,
    fill: PALETTE[2],
    valueHeader: `Klagepunkter ${s.label}`,
    ...(total < s.minN ? {} : { noteHeader: 'Andel' }),
  });
}

/** At most this many forvaltninger (rows) and rules (columns) in the heat map; the table has them all. */
const HEAT_ROWS = 12;
const HEAT_COLS = 8;

function heatmapChart(s: ReportStats): ChartModel | null {
  const hm = s.patterns.heatmap;
  const colTotals = hm.rules.map((_, r) => hm.cells.reduce((n, row) => n + (row[r] ?? 0), 0));
  const cols = hm.rules.map((rule, r) => ({ rule, r, total: colTotals[r] as number })).filter((c) => c.total > 0)
    .sort((a, b) => b.total - a.total || a.r - b.r).slice(0, HEAT_COLS).sort((a, b) => a.r - b.r);
  const rows = hm.forvaltninger.map((name, f) => ({ name, f, total: cols.reduce((n, c) => n + (hm.cells[f]?.[c.r] ?? 0), 0) }))
    .filter((r) => r.total > 0).slice(0, HEAT_ROWS);
  if (rows.length === 0 || cols.length === 0) return null;

  const labelWidth = 190;
  const left = labelWidth + 10;
  // Room on the right for the last column's slanted label (about 24 characters at 50°).
  const cellW = Math.min(60, (CHART_WIDTH - left - 90) / cols.length);
  const headerHeight = 120;
  const cellH = 26;
  const top = headerHeight;
  const max = Math.max(...rows.flatMap((row) => cols.map((c) => hm.cells[row.f]?.[c.r] ?? 0)));
  // One hue, lightness alone carries the value: white for none to dark blue for the most.
  const light = scaleLinear<string>().domain([0, max]).range(['#F2F7FB', '#08306B']);
  const marks: ChartMark[] = [];
  cols.forEach((c, j) => {
    const cx = left + j * cellW + cellW / 2;
    marks.push(text(round(cx + 3), top - 6, shorten(c.rule.title, 24), { size: SMALL, rotate: -50 }));
  });
  rows.forEach((row, i) => {
    const y0 = top + i * cellH;
    marks.push(text(labelWidth, round(y0 + cellH / 2 + FONT * 0.35), shorten(row.name), { anchor: 'end' }));
    cols.forEach((c, j) => {
      const v = hm.cells[row.f]?.[c.r] ?? 0;
      const fill = v === 0 ? WHITE : hexOf(light(v));
      marks.push({ kind: 'rect', x: round(left + j * cellW), y: y0, width: round(cellW), height: cellH, fill, stroke: GRID });
      marks.push(text(round(left + j * cellW + cellW / 2), round(y0 + cellH / 2 + FONT * 0.35), danishNumber(v), { anchor: 'middle', fill: inkOn(fill), weight: v === 0 ? 'regular' : 'bold' }));
    });
  });
  const bottom = top + rows.length * cellH;
  marks.push(text(10, bottom + 20, 'Tallet i hver celle er antal klagepunkter; jo mørkere, jo flere.', { size: SMALL, fill: MUTED }));
  return {
    id: 'forvaltning-regel',
    title: `Forvaltning og regel ikke overholdt ${s.label}`,
    description: `Varmekort over klagepunkter i ${s.label}, hvor en regel er vurderet som ikke overholdt, med forvaltninger som rækker og regler som kolonner. ${rows
      .map((row) => `${row.name}: ${cols.map((c) => `${c.rule.title} ${danishNumber(hm.cells[row.f]?.[c.r] ?? 0)}`).join(', ')}`)
      .join('. ')}.`,
    width: CHART_WIDTH,
    height: bottom + 28,
    marks,
    legend: [],
    table: {
      columns: [{ label: 'Forvaltning', numeric: false }, ...cols.map((c) => ({ label: c.rule.title, numeric: true }))],
      rows: rows.map((row) => [row.name, ...cols.map((c) => danishNumber(hm.cells[row.f]?.[c.r] ?? 0))]),
    },
  };
}

/** d3's interpolated colour ("rgb(8, 48, 107)") as "#08306B", so every mark's colour has one form. */
function hexOf(colour: string): string {
  const m = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(colour);
  if (m === null) return colour.toUpperCase();
  return `#${[m[1], m[2], m[3]].map((v) => Number(v).toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/** The report's five charts, each left out when it has nothing to show. */
export function reportCharts(stats: ReportStats): ChartModel[] {
  return [forvaltningChart(stats), themeChart(stats), trendChart(stats), outcomeChart(stats), heatmapChart(stats)].filter((c): c is ChartModel => c !== null);
}
