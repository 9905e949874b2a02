/**
 * The adviser's words in an annual report (årsberetning): the service behind report:texts,
 * report:save-texts and report:findings. The texts are stored per period (migration 0180), validated
 * with the editor's own Danish messages (shared/report/texts.ts) and written with an audit
 * entry in one transaction. The findings a report may include are the newest issued version of each
 * henvendelse whose letter is dated in the period, anonymised exactly as the finding's own anonymised
 * version is (findings.ts: the case's personal data and the adviser's extra terms).
 */
import { appendAudit, type AuditChange } from '../../db/queries/audit';
import { getAnnualReport, newestFindingVersionsInPeriod, upsertAnnualReport } from '../../db/queries/annual-reports';
import { getFindingVersion } from '../../db/queries/findings';
import { validationError } from '../../shared/ipc/result';
import { anonymiseLetter } from '../../shared/letters/anonymise';
import { paragraph, runsText, type Block } from '../../shared/letters/document';
import { FINDING_SECTIONS } from '../../shared/letters/finding-draft';
import { periodLabel, periodProblem, type ReportPeriod } from '../../shared/report/period';
import { defaultReportTexts, REPORT_TEXT_SECTIONS, reportTextProblems, type AnnualReportTexts, type ReportFindingSummary } from '../../shared/report/texts';
import type { ServiceContext } from './context';
import { findingPersonalData, findingVersion } from './findings';

function checkPeriod(period: ReportPeriod): void {
  const problem = periodProblem(period);
  if (problem !== null) throw validationError({ period: problem }, problem);
}

/** The texts stored for the period, or the defaults (title "Årsberetning <periode>", empty sections). */
export function reportTexts(ctx: ServiceContext, period: ReportPeriod): AnnualReportTexts {
  checkPeriod(period);
  const row = getAnnualReport(ctx.db, period.from, period.to);
  if (row === null) return defaultReportTexts(period);
  return {
    title: row.title, forord: row.forord, omFunktionen: row.omFunktionen, aaretsTemaer: row.aaretsTemaer,
    anbefalinger: row.anbefalinger, statusSidsteAar: row.statusSidsteAar, findingVersionIds: row.findingVersionIds,
  };
}

function charCount(text: string): string {
  return text === '' ? 'tom' : `${text.length.toLocaleString('da-DK')} tegn`;
}

/** Validate and store the period's texts; the history records what changed (texts by their length). */
export function saveReportTexts(ctx: ServiceContext, period: ReportPeriod, input: AnnualReportTexts): AnnualReportTexts {
  checkPeriod(period);
  const texts: AnnualReportTexts = { ...input, title: input.title.trim().replace(/\s+/g, ' ') };
  const problems = reportTextProblems(texts);
  for (const id of texts.findingVersionIds) {
    if (getFindingVersion(ctx.db, id) === null) {
      problems['findingVersionIds'] = 'En af de valgte udtalelser findes ikke. Vælg udtalelserne igen.';
      break;
    }
  }
  if (Object.keys(problems).length > 0) throw validationError(problems);
  ctx.db.transaction(() => {
    const before = getAnnualReport(ctx.db, period.from, period.to) ?? { ...defaultReportTexts(period), id: null };
    const changes: AuditChange[] = [];
    if (before.title !== texts.title) changes.push({ field: 'Titel', before: before.title, after: texts.title });
    for (const s of REPORT_TEXT_SECTIONS) {
      if (before[s.key] !== texts[s.key]) changes.push({ field: s.title, before: charCount(before[s.key]), after: charCount(texts[s.key]) });
    }
    if (before.findingVersionIds.join(',') !== texts.findingVersionIds.join(',')) {
      changes.push({ field: 'Udvalgte udtalelser', before: String(before.findingVersionIds.length), after: String(texts.findingVersionIds.length) });
    }
    if (changes.length === 0 && before.id !== null) return;
    const id = upsertAnnualReport(ctx.db, period.from, period.to, { ...texts, updatedAt: ctx.clock.now().toISOString(), updatedBy: ctx.actor() });
    appendAudit(ctx.db, {
      at: ctx.clock.now().toISOString(), actor: ctx.actor(), entity: 'annual_report', entityId: id, caseId: null,
      action: `Årsberetningens tekster for ${periodLabel(period)} gemt`, changes,
    });
  })();
  return reportTexts(ctx, period);
}

function isPointSection(b: Block): boolean {
  return b.section !== undefined && /^klagepunkt-\d+$/u.test(b.section);
}

/** A conclusion is the paragraph in bold the finding closes each klagepunkt with (finding-draft.ts). */
function isConclusion(b: Block): boolean {
  return b.kind === 'paragraph' && b.runs.length > 0 && b.runs.every((r) => r.emphasis === 'strong');
}

/**
 * The klagepunkter's headings each with its graded conclusion, one a line; without klagepunkter, the
 * opening and any conclusions.
 */
function summaryLines(blocks: ReadonlyArray<Block>): string[] {
  const lines: string[] = [];
  for (const b of blocks) {
    if (!isPointSection(b)) continue;
    if (b.kind === 'heading') lines.push(b.text);
    else if (isConclusion(b) && b.kind === 'paragraph') lines.push(runsText(b.runs));
  }
  if (lines.length > 0) return lines;
  return blocks.filter((b) => b.section === FINDING_SECTIONS.opening || isConclusion(b)).flatMap((b) => (b.kind === 'paragraph' ? [runsText(b.runs)] : []));
}

/** The issued findings a report for the period may include, anonymised. */
export function reportFindings(ctx: ServiceContext, period: ReportPeriod): ReportFindingSummary[] {
  checkPeriod(period);
  return newestFindingVersionsInPeriod(ctx.db, period.from, period.to).map((row) => {
    const { document } = findingVersion(ctx, row.versionId);
    // The case summary goes through the same anonymisation as the letter, as its first paragraph.
    const summaryKey = 'aarsberetning-resume';
    const anonymised = anonymiseLetter({ ...document, blocks: [paragraph(row.summary, summaryKey), ...document.blocks] }, findingPersonalData(ctx, row.caseId)).document;
    const [first, ...rest] = anonymised.blocks;
    const summary = first !== undefined && first.kind === 'paragraph' && first.section === summaryKey ? runsText(first.runs).trim() : '';
    return {
      versionId: row.versionId,
      sagsnr: row.sagsnr,
      letterDate: row.letterDate,
      title: summary === '' ? `Udtalelse i sag ${row.sagsnr}` : summary,
      text: summaryLines(rest).join('\n'),
    };
  });
}
