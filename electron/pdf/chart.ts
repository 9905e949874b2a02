/**
 * A chart model (shared/report/charts.ts) drawn with pdf-lib's vector primitives and the embedded
 * font: the same marks the app draws as SVG, scaled from the model's units (y down) to PDF points
 * (y up) at the chart's top-left corner. No browser and no raster: text stays text.
 */
import { degrees, rgb, type PDFPage, type RGB } from 'pdf-lib';
import type { ChartMark, ChartModel } from '../../shared/report/charts';
import type { Fonts } from './fonts';
import { textWidth } from './layout';

function colour(hex: string): RGB {
  return rgb(parseInt(hex.slice(1, 3), 16) / 255, parseInt(hex.slice(3, 5), 16) / 255, parseInt(hex.slice(5, 7), 16) / 255);
}

export function drawChart(page: PDFPage, chart: ChartModel, left: number, top: number, scale: number, fonts: Fonts): void {
  const X = (x: number) => left + x * scale;
  const Y = (y: number) => top - y * scale;
  const dash = (d: ReadonlyArray<number> | undefined) => (d === undefined ? {} : { dashArray: d.map((v) => v * scale) });
  for (const m of chart.marks) drawMark(m);

  function drawMark(m: ChartMark): void {
    switch (m.kind) {
      case 'rect':
        page.drawRectangle({
          x: X(m.x), y: Y(m.y + m.height), width: m.width * scale, height: m.height * scale, color: colour(m.fill),
          ...(m.stroke === undefined ? {} : { borderColor: colour(m.stroke), borderWidth: 0.75 * scale }),
        });
        return;
      case 'line':
        page.drawLine({ start: { x: X(m.x1), y: Y(m.y1) }, end: { x: X(m.x2), y: Y(m.y2) }, thickness: m.strokeWidth * scale, color: colour(m.stroke), ...dash(m.dash) });
        return;
      case 'polyline':
        // Segment by segment; a dash pattern restarts at each point, which a reader does not notice.
        for (let i = 1; i < m.points.length; i++) {
          const [x1, y1] = m.points[i - 1] as [number, number];
          const [x2, y2] = m.points[i] as [number, number];
          page.drawLine({ start: { x: X(x1), y: Y(y1) }, end: { x: X(x2), y: Y(y2) }, thickness: m.strokeWidth * scale, color: colour(m.stroke), ...dash(m.dash) });
        }
        return;
      case 'circle':
        page.drawCircle({ x: X(m.cx), y: Y(m.cy), size: m.r * scale, color: colour(m.fill), borderColor: colour(m.stroke), borderWidth: 0.75 * scale });
        return;
      case 'text': {
        const style = m.weight === 'bold' ? 'strong' : 'regular';
        const size = m.size * scale;
        const width = textWidth(fonts, style, m.text, size);
        const shift = m.anchor === 'start' ? 0 : m.anchor === 'middle' ? width / 2 : width;
        // Rotation is clockwise in the model (y down), counter-clockwise in PDF (y up).
        const angle = ((m.rotate ?? 0) * Math.PI) / 180;
        const x = X(m.x) - shift * Math.cos(angle);
        const y = Y(m.y) + shift * Math.sin(angle);
        page.drawText(m.text, { x, y, size, font: fonts[style], color: colour(m.fill), ...(m.rotate === undefined ? {} : { rotate: degrees(-m.rotate) }) });
        return;
      }
    }
  }
}
