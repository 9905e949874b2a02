/**
 * The finding (udtalelse): the service behind findings:*. It gathers the case's own data – klagepunkter
 * with their rules and the catalogue's citations, requests and answers, meetings from the journal,
 * henstillinger, the recorded klagefrist, the municipality and the adviser – into a FindingSource, and
 * the pure draftFinding (shared/letters) turns it into the letter. Read-only: drafting stores nothing.
 */
import { caseDeadlineRow } from '../../db/queries/case-deadlines';
import { recommendationsForCase } from '../../db/queries/recommendations';
import { listJournalNotes } from '../../db/queries/records';
import { getRule } from '../../db/queries/rules';
import type { IsoDate } from '../../shared/domain/dates';
import type { LetterDocument } from '../../shared/letters/document';
import { draftFinding } from '../../shared/letters/finding-draft';
import type { FindingRule, FindingSource } from '../../shared/letters/finding-source';
import { renderLetterPdf } from '../pdf';
import { getCase } from './cases';
import type { ServiceContext } from './context';
import { today } from './deadline-common';
import { listRequestsForCase } from './requests';
import { letterheadSettings, letterSigner } from './letterhead';
import { getSettings } from './settings';

export function findingSource(ctx: ServiceContext, caseId: number, date: IsoDate = today(ctx)): FindingSource {
  const detail = getCase(ctx, caseId);
  const settings = getSettings(ctx);
  const forvaltning = (id: number | null): string | null => settings.forvaltninger.find((f) => f.id === id)?.name ?? null;
  const afdeling = (id: number | null): string | null =>
    settings.forvaltninger.flatMap((f) => f.afdelinger).find((a) => a.id === id)?.name ?? null;

  const points = detail.points.map((pt) => ({
    position: pt.position,
    description: pt.description,
    forvaltning: forvaltning(pt.forvaltningId),
    afdeling: afdeling(pt.afdelingId),
    outcome: pt.outcome,
    rules: pt.rules.flatMap((r): FindingRule[] => {
      const rule = getRule(ctx.db, r.ruleId);
      if (rule === null) return [];
      const { citation, lawFull, paragraph, summary, verification } = rule;
      return [{ ruleId: r.ruleId, assessment: r.assessment, reasoning: r.reasoning, citation, lawFull, paragraph, summary, verification }];
    }),
  }));

  const requests = listRequestsForCase(ctx, caseId).map((r) => ({
    forvaltning: r.forvaltning,
    kind: r.kind,
    sentOn: r.sentOn,
    reminders: r.events.filter((e) => e.kind === 'rykker').map((e) => ({ onDate: e.onDate, level: e.level })),
    answeredOn: r.answeredOn,
    answerSummary: r.answerSummary,
  }));

  const due = caseDeadlineRow(ctx.db, caseId)?.klagefrist_due ?? null;
  return {
    sagsnr: detail.sagsnr,
    receivedOn: detail.receivedOn,
    citizen: { name: detail.citizen.name, address: detail.citizen.address },
    summary: detail.summary,
    description: detail.description,
    points,
    requests,
    meetings: listJournalNotes(ctx.db, caseId).filter((n) => n.kind === 'moede').map((n) => ({ onDate: n.notedOn, text: n.text })),
    recommendations: recommendationsForCase(ctx.db, caseId).map((r) => ({ forvaltning: r.forvaltning, text: r.text, followUpOn: r.followUpOn })),
    // The klageinstans is not recorded on the case, so the letter uses the generic wording.
    klagefrist: due === null ? null : { dueOn: due, klageinstans: null },
    letterhead: letterheadSettings(ctx),
    adviser: letterSigner(ctx, detail.adviserId),
    date,
  };
}

export function draftFindingForCase(ctx: ServiceContext, caseId: number): { document: LetterDocument } {
  return { document: draftFinding(findingSource(ctx, caseId)) };
}

/**
 * The finding's auto-draft as PDF, dated `date` (default today): the letter's date and the PDF's own
 * dates alike (noon UTC of that day, never the clock's time), so the app's "Gem som PDF" and
 * `ombud finding --date` give the same bytes for the same case and day.
 */
export async function renderFindingPdf(ctx: ServiceContext, caseId: number, date: IsoDate = today(ctx)): Promise<{ fileName: string; bytes: Uint8Array }> {
  const source = findingSource(ctx, caseId, date);
  const bytes = await renderLetterPdf(draftFinding(source), { createdAt: new Date(`${date}T12:00:00Z`) });
  return { fileName: `Udtalelse ${source.sagsnr}.pdf`, bytes };
}
