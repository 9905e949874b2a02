/**
 * The adviser's own words in the annual report (årsberetning), per period: the narrative sections in
 * the order peers.md § 4.1 finds them, each written in the letters' section markup
 * (shared/letters/section-text.ts), and the issued findings chosen to appear as anonymised summaries.
 */
import { z } from 'zod';

export const REPORT_TEXT_SECTIONS = [
  { key: 'forord', title: 'Forord' },
  { key: 'omFunktionen', title: 'Om borgerrådgiverfunktionen' },
  { key: 'aaretsTemaer', title: 'Årets temaer' },
  { key: 'anbefalinger', title: 'Konklusion og anbefalinger' },
  { key: 'statusSidsteAar', title: 'Status på sidste års anbefalinger' },
] as const;
export type ReportTextKey = (typeof REPORT_TEXT_SECTIONS)[number]['key'];

export const REPORT_TEXT_MAX = 50_000;
const text = z.string().max(REPORT_TEXT_MAX);

export const AnnualReportTextsSchema = z.object({
  /** The report's title on the cover, e.g. "Årsberetning 2025". */
  title: z.string().max(200),
  forord: text,
  omFunktionen: text,
  aaretsTemaer: text,
  anbefalinger: text,
  statusSidsteAar: text,
  /** Issued finding versions whose anonymised summary the report includes, in this order. */
  findingVersionIds: z.array(z.number().int().positive()).max(200),
});
export type AnnualReportTexts = z.infer<typeof AnnualReportTextsSchema>;

/** An issued finding as the report may include it: anonymised, short. */
export const ReportFindingSummarySchema = z.object({
  versionId: z.number().int().positive(),
  sagsnr: z.string(),
  letterDate: z.string(),
  /** The anonymised heading: what the complaint was about. */
  title: z.string(),
  /** The anonymised summary: the klagepunkter and the graded conclusions. */
  text: z.string(),
});
export type ReportFindingSummary = z.infer<typeof ReportFindingSummarySchema>;
