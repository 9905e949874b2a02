/**
 * One table of the statistics (shared/report/tables.ts) as an accessible table: the title as its
 * caption, the counting unit under it, a share always with its n ("42 % (21 af 50)", or "–" under
 * minN), medians in working days. Each count that has a drill-down is a link to the case list of the
 * henvendelser behind it – the previous period's too. In the forvaltning × rule table each cell is a
 * link, and its shading only supplements the printed number.
 */
import type { ReportColumn, ReportRow, ReportTable } from '../../../../shared/report/tables';
import { formatReportCell } from '../../../../shared/report/format';
import { shareText, type ReportDrill, type ReportQuery } from '../../../../shared/report/stats';
import { reportLinkHref } from './report-link';

/** The forvaltning × rule table: its count columns are rules, each cell its own drill-down. */
const HEATMAP_TABLE = 'forvaltning-og-regel';
const LINKED_KEYS: ReadonlySet<string> = new Set(['n', 'count', 'previous']);

function cellOf(table: ReportTable, row: ReportRow, key: string): unknown {
  const at = table.columns.findIndex((c) => c.key === key);
  return at < 0 ? undefined : row.cells[at];
}

function rowLabel(table: ReportTable, row: ReportRow): string {
  return table.columns.flatMap((c, i) => (c.kind === 'text' && typeof row.cells[i] === 'string' ? [row.cells[i] as string] : [])).join(' – ');
}

/** What the cell's number counts, or null when it is not a count one can open. */
function cellDrill(table: ReportTable, row: ReportRow, column: ReportColumn): ReportDrill | null {
  if (row.drill === null) return null;
  if (table.id === HEATMAP_TABLE) {
    if (column.kind !== 'count') return null;
    return { metric: 'heatmap', key: typeof row.cells[0] === 'string' ? row.cells[0] : null, key2: null, ruleId: column.key, which: 'current' };
  }
  // A median (days) or a share is not a count: in the medians' table the count beside it opens the cases.
  if (!LINKED_KEYS.has(column.key) || (column.kind !== 'count' && column.kind !== 'decimal')) return null;
  return { ...row.drill, which: column.key === 'previous' ? 'previous' : 'current' };
}

export function ReportTableView({ table, query, minN }: Readonly<{ table: ReportTable; query: ReportQuery; minN: number }>) {
  const unitId = `tabel-${table.id}-enhed`;
  const heatMax = table.id === HEATMAP_TABLE
    ? Math.max(1, ...table.rows.flatMap((r) => r.cells.filter((c): c is number => typeof c === 'number')))
    : 1;
  return (
    <section className="report-table" aria-labelledby={`tabel-${table.id}`}>
      <div className="table-wrap">
        <table className="table" aria-describedby={unitId}>
          <caption id={`tabel-${table.id}`} className="report-table-caption">{table.title}</caption>
          <thead>
            <tr>{table.columns.map((c) => <th key={c.key} scope="col" className={c.kind === 'text' ? undefined : 'num'}>{c.label}</th>)}</tr>
          </thead>
          <tbody>
            {table.rows.length === 0 ? (
              <tr><td colSpan={table.columns.length}>Ingen i perioden.</td></tr>
            ) : table.rows.map((row, r) => (
              <tr key={r}>
                {table.columns.map((c, i) => {
                  const v = row.cells[i] ?? null;
                  if (i === 0) return <th key={c.key} scope="row">{v === null ? '' : String(v)}</th>;
                  if (c.kind === 'text') return <td key={c.key}>{v === null ? '' : String(v)}</td>;
                  let text: string;
                  if (c.kind === 'share') {
                    const n = cellOf(table, row, 'n');
                    const of = cellOf(table, row, 'of');
                    text = typeof n === 'number' && typeof of === 'number' ? shareText(n, of, minN) : '–';
                  } else {
                    // The same text as the PDF prints for the cell (one formatter).
                    text = formatReportCell(v, c.kind);
                  }
                  const drill = typeof v === 'number' && v > 0 ? cellDrill(table, row, c) : null;
                  const label = table.id === HEATMAP_TABLE ? `${rowLabel(table, row)} – ${c.label}` : rowLabel(table, row);
                  const shade = table.id === HEATMAP_TABLE && typeof v === 'number' && v > 0 ? { backgroundColor: `rgba(0, 90, 160, ${(0.08 + 0.4 * (v / heatMax)).toFixed(2)})` } : undefined;
                  return (
                    <td key={c.key} className="num" style={shade}>
                      {drill === null ? text : (
                        <a href={reportLinkHref({ query, drill, table: table.title, row: label })} aria-label={`${text}: ${table.title} – ${label}${drill.which === 'previous' ? ' (forrige periode)' : ''}, vis sagerne`}>{text}</a>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id={unitId} className="field-hint">{table.unit}</p>
    </section>
  );
}
