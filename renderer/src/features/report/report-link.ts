/**
 * The drill-down from a number of the statistics to the case list: `#/sager?rapport=<token>`, the
 * token the base64url of JSON `{ query, drill }` (the report's query and what the number counts) plus
 * the table's title and the row's label for the list's banner. The case list sends `{ query, drill }`
 * as `report` in cases:list, so the backend lists exactly the henvendelser behind the number.
 */
import { z } from 'zod';
import { periodLabel, previousPeriod } from '../../../../shared/report/period';
import { ReportDrillSchema, ReportQuerySchema, type ReportDrill, type ReportQuery } from '../../../../shared/report/stats';

const ReportLinkSchema = z.object({
  query: ReportQuerySchema,
  drill: ReportDrillSchema,
  /** The table's title and the row's label, for the banner; absent when a link carries only the query. */
  table: z.string().max(300).optional(),
  row: z.string().max(600).optional(),
});
export type ReportLink = z.infer<typeof ReportLinkSchema>;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(token: string): string {
  const bin = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export function encodeReportLink(link: ReportLink): string {
  return toBase64Url(JSON.stringify(link));
}

/** The link a token holds, or null when it is damaged or not one (a hand-edited address). */
export function decodeReportLink(token: string): ReportLink | null {
  try {
    const parsed = ReportLinkSchema.safeParse(JSON.parse(fromBase64Url(token)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function reportLinkHref(link: ReportLink): string {
  return `#/sager?rapport=${encodeReportLink(link)}`;
}

/** The period the number was counted in: the report's own or the previous one. */
export function drillPeriodLabel(query: ReportQuery, drill: ReportDrill): string {
  return periodLabel(drill.which === 'previous' ? previousPeriod(query.period) : query.period);
}

/** "Sager bag tallet: Henvendelser efter type – Klage (2025)". */
export function reportBannerText(link: ReportLink): string {
  const what = [link.table, link.row].filter((x): x is string => x !== undefined && x !== '').join(' – ');
  return `Sager bag tallet: ${what === '' ? 'statistikken' : what} (${drillPeriodLabel(link.query, link.drill)})`;
}
