/** The chart model: scales and positions, labels in Danish, empty data left out, the palette in greyscale. */
import { describe, expect, it } from 'vitest';
import { ChartModelSchema, LABEL_CHARS, PALETTE, THEMES_SHOWN, luminance, reportCharts, shorten, type ChartMark, type ChartModel } from '../../../shared/report/charts';
import { LONG_FORVALTNING, reportStatsFixture } from '../../fixtures/report-document-stats';

const texts = (c: ChartModel) => c.marks.flatMap((m) => (m.kind === 'text' ? [m.text] : []));
const rects = (c: ChartModel) => c.marks.filter((m): m is Extract<ChartMark, { kind: 'rect' }> => m.kind === 'rect');
const byId = (charts: ChartModel[], id: string) => {
  const c = charts.find((x) => x.id === id);
  if (c === undefined) throw new Error(`mangler ${id}`);
  return c;
};

describe('reportCharts', () => {
  const charts = reportCharts(reportStatsFixture());

  it('makes the five charts in order, each with a title, a description and its table', () => {
    expect(charts.map((c) => c.id)).toEqual(['forvaltninger', 'temaer', 'udvikling', 'udfald', 'forvaltning-regel']);
    for (const c of charts) {
      expect(c.title).not.toBe('');
      expect(c.description.length).toBeGreaterThan(40);
      expect(c.table.rows.length).toBeGreaterThan(0);
      expect(ChartModelSchema.parse(c)).toEqual(c);
      for (const row of c.table.rows) expect(row).toHaveLength(c.table.columns.length);
      // Every mark lies inside the chart's box.
      for (const m of c.marks) {
        if (m.kind === 'rect') {
          expect(m.x).toBeGreaterThanOrEqual(0);
          expect(m.x + m.width).toBeLessThanOrEqual(c.width + 0.01);
          expect(m.y + m.height).toBeLessThanOrEqual(c.height);
        }
        if (m.kind === 'text') {
          expect(m.y).toBeLessThanOrEqual(c.height);
          expect(m.x).toBeGreaterThanOrEqual(0);
        }
      }
    }
  });

  it('draws the forvaltninger as bars proportional to their counts, from one baseline, with the value printed', () => {
    const c = byId(charts, 'forvaltninger');
    const bars = rects(c);
    expect(bars).toHaveLength(6);
    const [a, b] = bars as [Extract<ChartMark, { kind: 'rect' }>, Extract<ChartMark, { kind: 'rect' }>];
    expect(new Set(bars.map((r) => r.x)).size).toBe(1);
    expect(a.width / b.width).toBeCloseTo(72 / 55, 1);
    expect(b.y).toBeGreaterThan(a.y);
    expect(texts(c)).toEqual(expect.arrayContaining(['Beskæftigelsesforvaltningen', '72', '55', '8', 'Ikke angivet']));
    expect(c.description).toContain('Beskæftigelsesforvaltningen 72');
    expect(c.description).toContain('I alt 210 klagepunkter');
  });

  it('shortens a very long forvaltning name with "…" in the drawing and keeps it whole in the table and the description', () => {
    const c = byId(charts, 'forvaltninger');
    const short = texts(c).find((t) => t.startsWith('Børne- og'));
    expect(short).toBe(shorten(LONG_FORVALTNING));
    expect(short?.endsWith('…')).toBe(true);
    expect(short?.length).toBe(LABEL_CHARS);
    expect(c.table.rows.map((r) => r[0])).toContain(LONG_FORVALTNING);
    expect(c.description).toContain(LONG_FORVALTNING);
    expect(shorten('Kort navn')).toBe('Kort navn');
  });

  it('writes numbers and shares the Danish way', () => {
    const s = reportStatsFixture();
    s.byForvaltning[0] = { ...s.byForvaltning[0]!, klagepunkter: 1500 };
    const c = byId(reportCharts(s), 'forvaltninger');
    expect(texts(c)).toContain('1.500');
    expect(texts(c)).toContain('1.000'); // an axis tick
    const outcome = byId(charts, 'udfald');
    // 40 of 210 = 19,0 %; 3 of 210 = 1,4 %
    expect(texts(outcome)).toContain('40 (19 %)');
    expect(texts(outcome)).toContain('3 (1,4 %)');
    expect(outcome.table.rows.find((r) => r[0] === 'Særdeles kritisabelt')).toEqual(['Særdeles kritisabelt', '3', '1,4 %']);
  });

  it('gives no share under minN', () => {
    const s = reportStatsFixture();
    s.minN = 1000;
    const outcome = byId(reportCharts(s), 'udfald');
    expect(texts(outcome)).toContain('40');
    expect(texts(outcome).some((t) => t.includes('%'))).toBe(false);
  });

  it('stacks the top themes and the rest for both periods, with every value in the legend', () => {
    const c = byId(charts, 'temaer');
    expect(c.legend.map((l) => l.label)).toEqual(['Sagsbehandlingstid', 'Partshøring', 'Begrundelse', 'Kommunikation og adfærd', 'Aktindsigt', 'Øvrige temaer']);
    expect(c.legend).toHaveLength(THEMES_SHOWN + 1);
    // Øvrige temaer 2025: Klagevejledning 11 + Notatpligt 6; 2024: Klagevejledning 12.
    expect(c.table.rows.at(-1)).toEqual(['Øvrige temaer', '12', '17']);
    expect(texts(c)).toContain('Øvrige temaer: 12 / 17');
    // The two totals at the bars' ends: 2024 170, 2025 202.
    expect(texts(c)).toEqual(expect.arrayContaining(['170', '202']));
    const segs = rects(c).filter((r) => r.height === 34);
    expect(segs).toHaveLength(12);
    // Segments of one bar follow each other without a gap.
    const first = segs.filter((r) => r.y === segs[0]!.y);
    for (let i = 1; i < first.length; i++) expect(first[i]!.x).toBeCloseTo(first[i - 1]!.x + first[i - 1]!.width, 1);
  });

  it('draws the trend as two lines told apart by dash and marker, the values printed', () => {
    const c = byId(charts, 'udvikling');
    const lines = c.marks.filter((m) => m.kind === 'polyline');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => (l.kind === 'polyline' ? l.dash ?? null : null))).toEqual([null, [6, 3]]);
    const first = lines[0];
    const h = first?.kind === 'polyline' ? first.points : [];
    expect(h).toHaveLength(5);
    // y down: 2025's 1.234 henvendelser lie higher than 2024's 198.
    expect(h[4]![1]).toBeLessThan(h[3]![1]);
    expect(h[0]![0]).toBeLessThan(h[1]![0]);
    expect(texts(c)).toEqual(expect.arrayContaining(['2021', '2025', '1.234', '198', '210']));
    expect(c.title).toBe('Udvikling 2021–2025');
  });

  it('shades the heat map by lightness with every count printed and readable ink', () => {
    const c = byId(charts, 'forvaltning-regel');
    const cells = rects(c);
    expect(cells).toHaveLength(16);
    const darkest = cells.reduce((a, b) => (luminance(a.fill) < luminance(b.fill) ? a : b));
    const lightest = cells.reduce((a, b) => (luminance(a.fill) > luminance(b.fill) ? a : b));
    expect(luminance(darkest.fill)).toBeLessThan(0.1);
    expect(luminance(lightest.fill)).toBeGreaterThan(0.7);
    const fourteen = c.marks.find((m) => m.kind === 'text' && m.text === '14');
    expect(fourteen?.kind === 'text' && fourteen.fill).toBe('#FFFFFF');
    expect(c.marks.some((m) => m.kind === 'text' && m.rotate === -50)).toBe(true);
    expect(c.table.columns.map((col) => col.label)).toContain('Partshøring (forvaltningsloven § 19)');
  });

  it('keeps a heat map of many rules inside its box, slanted labels included', () => {
    const s = reportStatsFixture();
    const rules = Array.from({ length: 10 }, (_, i) => ({ ruleId: `r${i}`, title: `En meget lang regeltitel nummer ${i + 1} (lov § ${i})` }));
    s.patterns.heatmap = { forvaltninger: ['A', 'B'], rules, cells: [rules.map((_, i) => i + 1), rules.map(() => 2)] };
    const c = byId(reportCharts(s), 'forvaltning-regel');
    const slanted = c.marks.filter((m) => m.kind === 'text' && m.rotate !== undefined);
    expect(slanted).toHaveLength(8);
    for (const m of slanted) {
      if (m.kind !== 'text') continue;
      // Its end, at about 5,5 units a character along 50° upwards.
      const reach = m.text.length * m.size * 0.55 * Math.cos((50 * Math.PI) / 180);
      expect(m.x + reach).toBeLessThanOrEqual(c.width);
    }
    expect(c.table.columns).toHaveLength(9);
  });

  it('leaves out a chart without data', () => {
    const s = reportStatsFixture();
    s.byForvaltning = [];
    s.byTema = [];
    s.trend = s.trend.map((t) => ({ ...t, henvendelser: 0, klagepunkter: 0 }));
    s.outcomes = {};
    s.patterns.heatmap = { forvaltninger: ['A'], rules: [{ ruleId: 'x', title: 'X' }], cells: [[0]] };
    expect(reportCharts(s)).toEqual([]);
  });

  it('uses a palette whose neighbours differ in lightness as far as a stacked bar reaches', () => {
    for (let i = 1; i < THEMES_SHOWN + 1; i++) {
      expect(Math.abs(luminance(PALETTE[i]!) - luminance(PALETTE[i - 1]!)), `${PALETTE[i - 1]} / ${PALETTE[i]}`).toBeGreaterThanOrEqual(0.15);
    }
  });
});
