/**
 * The adviser's own words in the annual report (årsberetning), per period: the narrative sections in
 * the order peers.md § 4.1 finds them, each written in the letters' section markup
 * (shared/letters/section-text.ts), and the issued findings chosen to appear as anonymised summaries;
 * the defaults for a period with nothing stored and the Danish problems with the texts (the same for
 * the editor and the service).
 */
import { z } from 'zod';
import { parseSectionText } from '../letters/section-text';
import { periodLabel, type ReportPeriod } from './period';

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

/** Texts for a period nothing is stored for: the title names the period, the sections are empty. */
export function defaultReportTexts(period: ReportPeriod): AnnualReportTexts {
  return { title: `Årsberetning ${periodLabel(period)}`, forord: '', omFunktionen: '', aaretsTemaer: '', anbefalinger: '', statusSidsteAar: '', findingVersionIds: [] };
}

/** Field → Danish message; empty when the texts can be saved. Keys are the texts' own field names. */
export function reportTextProblems(t: AnnualReportTexts): Record<string, string> {
  const out: Record<string, string> = {};
  if (t.title.trim() === '') out['title'] = 'Skriv en titel på årsberetningen.';
  else if (t.title.length > 200) out['title'] = 'Titlen må højst være 200 tegn.';
  for (const s of REPORT_TEXT_SECTIONS) {
    const text = t[s.key];
    if (text.length > REPORT_TEXT_MAX) {
      out[s.key] = `${s.title} må højst være ${REPORT_TEXT_MAX.toLocaleString('da-DK')} tegn (der er ${text.length.toLocaleString('da-DK')}).`;
      continue;
    }
    const parsed = parseSectionText(text, s.key);
    if (!parsed.ok) out[s.key] = `${s.title}: ${parsed.message}`;
  }
  if (new Set(t.findingVersionIds).size !== t.findingVersionIds.length) out['findingVersionIds'] = 'En udtalelse kan kun være med én gang.';
  return out;
}
