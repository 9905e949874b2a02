/**
 * The adviser's words in an annual report: the Danish problems with them (the same for the editor and
 * the service), the defaults for a period with nothing stored, and the texts as a LetterDocument – the
 * Årsberetning editor's live preview of the narrative sections and the chosen anonymised findings.
 */
import type { IsoDate } from '../domain/dates';
import { paragraph, type Block, type LetterDocument } from '../letters/document';
import { parseSectionText } from '../letters/section-text';
import { periodLabel, type ReportPeriod } from './period';
import { REPORT_TEXT_MAX, REPORT_TEXT_SECTIONS, type AnnualReportTexts, type ReportFindingSummary } from './texts';

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

/**
 * The title, each non-empty section under its heading, and the chosen findings (in the chosen order,
 * those still offered for the period) under "Udvalgte udtalelser". A section that does not parse is
 * left out: the editor shows its problem beside the field.
 */
export function reportTextsDocument(
  texts: AnnualReportTexts,
  period: ReportPeriod,
  findings: ReadonlyArray<ReportFindingSummary>,
  o: Readonly<{ date: IsoDate; sender: ReadonlyArray<string> }>,
): LetterDocument {
  const label = periodLabel(period);
  const blocks: Block[] = [{ kind: 'heading', level: 1, text: texts.title.trim() || `Årsberetning ${label}`, section: 'titel' }];
  for (const s of REPORT_TEXT_SECTIONS) {
    const parsed = parseSectionText(texts[s.key], s.key);
    if (!parsed.ok || parsed.blocks.length === 0) continue;
    blocks.push({ kind: 'heading', level: 2, text: s.title, section: s.key }, ...parsed.blocks);
  }
  const chosen = texts.findingVersionIds.map((id) => findings.find((f) => f.versionId === id)).filter((f): f is ReportFindingSummary => f !== undefined);
  if (chosen.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'Udvalgte udtalelser', section: 'udtalelser' });
    for (const f of chosen) {
      blocks.push({ kind: 'heading', level: 3, text: f.title, section: 'udtalelser' });
      for (const line of f.text.split('\n').filter((l) => l.trim() !== '')) blocks.push(paragraph(line, 'udtalelser'));
    }
  }
  const title = texts.title.trim() || `Årsberetning ${label}`;
  return {
    meta: { title, subject: `Borgerrådgiverens årsberetning for ${label}`, keywords: ['årsberetning', label], author: o.sender[0] ?? '', language: 'da-DK', runningHeader: title },
    letterhead: { sender: [...o.sender], recipient: [], copyTo: [], date: o.date, reference: `Periode: ${label}`, logo: null },
    blocks,
  };
}
