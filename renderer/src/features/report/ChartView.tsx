/**
 * A report chart (shared/report/charts.ts) as SVG: the model's marks as they are, in its own
 * coordinate system (viewBox), so the app shows what the PDF prints. For assistive technology the SVG
 * is one image named by its title and described by the model's description; its numbers are also a
 * real table under "Vis tallene", for anyone who wants them as text.
 */
import { useId } from 'react';
import type { ChartMark, ChartModel } from '../../../../shared/report/charts';

function Mark({ m }: Readonly<{ m: ChartMark }>) {
  switch (m.kind) {
    case 'rect':
      return <rect x={m.x} y={m.y} width={m.width} height={m.height} fill={m.fill} stroke={m.stroke} strokeWidth={m.stroke === undefined ? undefined : 0.75} />;
    case 'line':
      return <line x1={m.x1} y1={m.y1} x2={m.x2} y2={m.y2} stroke={m.stroke} strokeWidth={m.strokeWidth} strokeDasharray={m.dash?.join(' ')} />;
    case 'polyline':
      return <polyline points={m.points.map(([x, y]) => `${x},${y}`).join(' ')} fill="none" stroke={m.stroke} strokeWidth={m.strokeWidth} strokeDasharray={m.dash?.join(' ')} />;
    case 'circle':
      return <circle cx={m.cx} cy={m.cy} r={m.r} fill={m.fill} stroke={m.stroke} strokeWidth={0.75} />;
    case 'text':
      return (
        <text
          x={m.x} y={m.y} fontSize={m.size} fill={m.fill} fontWeight={m.weight === 'bold' ? 700 : 400} textAnchor={m.anchor}
          transform={m.rotate === undefined ? undefined : `rotate(${m.rotate} ${m.x} ${m.y})`}
        >
          {m.text}
        </text>
      );
  }
}

export function ChartView({ chart }: Readonly<{ chart: ChartModel }>) {
  const id = useId();
  return (
    <figure className="chart" data-chart={chart.id}>
      <figcaption className="chart-title">{chart.title}</figcaption>
      <svg
        className="chart-svg" role="img" viewBox={`0 0 ${chart.width} ${chart.height}`} aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}
        // The height follows the width, as the printed chart does.
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-t`}>{chart.title}</title>
        <desc id={`${id}-d`}>{chart.description}</desc>
        {chart.marks.map((m, i) => <Mark key={i} m={m} />)}
      </svg>
      <details className="chart-data">
        <summary>Vis tallene</summary>
        <table className="table">
          <caption className="visually-hidden">{chart.title}</caption>
          <thead>
            <tr>{chart.table.columns.map((c, i) => <th key={i} scope="col" className={c.numeric ? 'num' : undefined}>{c.label}</th>)}</tr>
          </thead>
          <tbody>
            {chart.table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i} className={chart.table.columns[i]?.numeric === true ? 'num' : undefined}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
