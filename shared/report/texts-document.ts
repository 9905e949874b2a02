/**
 * The adviser's words in an annual report: the Danish problems with them (the same for the editor and
 * the service) and the defaults for a period with nothing stored. The report itself, texts and all, is
 * `annualReportDocument` (report-document.ts).
 */
import { parseSectionText } from '../letters/section-text';
import { periodLabel, type ReportPeriod } from './period';
import { REPORT_TEXT_MAX, REPORT_TEXT_SECTIONS, type AnnualReportTexts } from './texts';

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
