/**
 * Indsigt (GDPR art. 15): everything Ombud holds about one person. `searchInsight` finds the
 * henvendelser by CPR number and/or name and says for each why it matched; the adviser leaves out
 * a namesake; `insightJson` and `insightPdf` export the henvendelser kept (each must still match the
 * query, so an export can never carry a henvendelse the search did not show). Each export is
 * recorded in the history of every henvendelse it carries ("Indsigt udleveret"), without the CPR
 * number.
 */
import { appendAudit, caseHistory } from '../../db/queries/audit';
import { catalogEntryName } from '../../db/queries/catalog';
import { getCaseCpr, getCaseDetail } from '../../db/queries/cases';
import { casesByCpr, casesByNameWord, type InsightCaseRow } from '../../db/queries/insight';
import { documentBytes, listDocuments, listJournalNotes } from '../../db/queries/records';
import { recommendationsForCase } from '../../db/queries/recommendations';
import { caseRetainedOn, readRetentionYears } from '../../db/queries/retention';
import { listFindingVersions } from '../../db/queries/findings';
import { checkCpr, maskCpr } from '../../shared/domain/cpr';
import { foldMarks } from '../../shared/domain/search-fold';
import { normaliseToken } from '../../shared/domain/vocab';
import { draftInsightLetter } from '../../shared/gdpr/insight-letter';
import {
  INSIGHT_FORMAT,
  INSIGHT_VERSION,
  InsightExportSchema,
  type InsightCase,
  type InsightExport,
  type InsightExportInput,
  type InsightMatch,
  type InsightQuery,
} from '../../shared/gdpr/insight';
import { RETAINED_MESSAGE } from '../../shared/gdpr/retention';
import type { LetterDocument } from '../../shared/letters/document';
import { AppError, validationError } from '../../shared/ipc/result';
import { renderLetterPdf } from '../pdf';
import type { ServiceContext } from './context';
import { nowIso, today } from './deadline-common';
import { findingVersion } from './findings';
import { getKlagefrist } from './klagefrist';
import { letterheadSettings, letterSigner } from './letterhead';
import { listPointDeadlinesForCase } from './point-deadlines';
import { listRequestsForCase } from './requests';
import { getSettings } from './settings';

/** A name as the search compares it: marks folded (not æ/ø/å), case folded, whitespace collapsed. */
function foldName(name: string): string {
  return normaliseToken(foldMarks(name)).toLocaleLowerCase('da-DK');
}

function words(name: string): string[] {
  return foldName(name).split(/[\s-]+/u).filter((w) => w !== '');
}

/** Every word of the query is a whole word of the name ("Jens Hansen" finds "Jens Peter Hansen", "Hans" not "Hansen"). */
function nameMatches(query: ReadonlyArray<string>, name: string | null): boolean {
  if (name === null || name.trim() === '') return false;
  const have = new Set(words(name));
  return query.every((w) => have.has(w));
}

type CheckedQuery = { cpr: string | null; nameWords: string[] };

function checkQuery(q: InsightQuery): CheckedQuery {
  const cprText = (q.cpr ?? '').trim();
  const nameText = (q.name ?? '').trim();
  if (cprText === '' && nameText === '') throw validationError({ cpr: 'Skriv et CPR-nummer eller et navn.' }, 'Skriv et CPR-nummer eller et navn at søge efter.');
  let cpr: string | null = null;
  if (cprText !== '') {
    const c = checkCpr(cprText);
    if (!c.ok) throw validationError({ cpr: c.message });
    cpr = c.value;
  }
  const nameWords = nameText === '' ? [] : words(nameText);
  if (nameText !== '' && nameWords.join('').length < 2) throw validationError({ name: 'Navnet skal have mindst to bogstaver.' });
  return { cpr, nameWords };
}

/** gdpr:search – the henvendelser that concern the person, newest first, each with why it matched. */
export function searchInsight(ctx: ServiceContext, q: InsightQuery): InsightMatch[] {
  const checked = checkQuery(q);
  const found = new Map<number, { row: InsightCaseRow; reasons: string[] }>();
  const add = (row: InsightCaseRow, reason: string): void => {
    const f = found.get(row.id);
    if (f === undefined) found.set(row.id, { row, reasons: [reason] });
    else if (!f.reasons.includes(reason)) f.reasons.push(reason);
  };
  if (checked.cpr !== null) for (const row of casesByCpr(ctx.db, checked.cpr)) add(row, 'Borgerens CPR-nummer');
  if (checked.nameWords.length > 0) {
    const longest = [...checked.nameWords].sort((a, b) => b.length - a.length)[0] as string;
    for (const row of casesByNameWord(ctx.db, longest)) {
      if (nameMatches(checked.nameWords, row.citizen_name)) add(row, `Borgerens navn: ${row.citizen_name}`);
      if (nameMatches(checked.nameWords, row.rep_name)) add(row, `Repræsentantens navn: ${row.rep_name ?? ''}`);
    }
  }
  return [...found.values()]
    .sort((a, b) => b.row.received_on.localeCompare(a.row.received_on) || b.row.id - a.row.id)
    .map(({ row, reasons }) => ({
      caseId: row.id,
      sagsnr: row.sagsnr,
      receivedOn: row.received_on,
      closedOn: row.closed_on,
      summary: row.summary,
      citizenName: row.citizen_name,
      representativeName: row.rep_name,
      reasons,
    }));
}

/** The matches the adviser kept, refused when one of them no longer matches the query. */
function keptMatches(ctx: ServiceContext, input: InsightExportInput): InsightMatch[] {
  const matches = searchInsight(ctx, input.query);
  const byId = new Map(matches.map((m) => [m.caseId, m]));
  const kept: InsightMatch[] = [];
  for (const caseId of new Set(input.caseIds)) {
    const m = byId.get(caseId);
    if (m === undefined) throw new AppError('bad_request', 'En af de valgte henvendelser passer ikke (længere) til søgningen. Søg igen, og vælg henvendelserne på ny. Intet er udleveret.');
    kept.push(m);
  }
  return kept;
}

function insightCase(ctx: ServiceContext, m: InsightMatch): InsightCase {
  const detail = getCaseDetail(ctx.db, m.caseId);
  if (detail === null) throw new AppError('not_found', `Henvendelsen ${m.sagsnr} findes ikke længere. Intet er udleveret.`);
  const retainedOn = caseRetainedOn(ctx.db, m.caseId);
  return {
    reasons: m.reasons,
    case: detail,
    cpr: getCaseCpr(ctx.db, m.caseId) ?? null,
    decision: getKlagefrist(ctx, m.caseId),
    requests: listRequestsForCase(ctx, m.caseId),
    pointDeadlines: listPointDeadlinesForCase(ctx, m.caseId),
    recommendations: recommendationsForCase(ctx.db, m.caseId),
    documents: listDocuments(ctx.db, m.caseId).map((document) => {
      const bytes = documentBytes(ctx.db, document.id);
      const gone = bytes === null || bytes.length === 0;
      return {
        document,
        contentBase64: gone ? null : Buffer.from(bytes).toString('base64'),
        missing: gone ? (retainedOn === null ? 'Filen findes ikke.' : `Filen er ${RETAINED_MESSAGE}.`) : null,
      };
    }),
    journal: listJournalNotes(ctx.db, m.caseId),
    findings: listFindingVersions(ctx.db, m.caseId)
      .reverse()
      .map((v) => {
        const f = findingVersion(ctx, v.id);
        return { version: f.version, document: f.document };
      }),
    history: caseHistory(ctx.db, m.caseId),
  };
}

function recordExport(ctx: ServiceContext, kept: ReadonlyArray<InsightMatch>, format: 'JSON' | 'PDF'): void {
  const actor = ctx.actor();
  ctx.db.transaction(() => {
    const at = nowIso(ctx);
    for (const m of kept) {
      appendAudit(ctx.db, {
        at,
        actor,
        entity: 'case',
        entityId: m.caseId,
        caseId: m.caseId,
        action: 'Indsigt udleveret',
        changes: [
          { field: 'Format', before: '', after: format },
          { field: 'Henvendelser i udleveringen', before: '', after: kept.map((k) => k.sagsnr).join(', ') },
        ],
      });
    }
  })();
}

/** The export's content (also what the PDF summarises). */
export function insightExport(ctx: ServiceContext, input: InsightExportInput): InsightExport {
  const kept = keptMatches(ctx, input);
  const cpr = (input.query.cpr ?? '').trim();
  return InsightExportSchema.parse({
    format: INSIGHT_FORMAT,
    version: INSIGHT_VERSION,
    createdAt: nowIso(ctx),
    municipality: getSettings(ctx).municipalityName,
    query: { cprMasked: cpr === '' ? null : maskCpr(cpr), name: (input.query.name ?? '').trim() || null },
    retentionYears: readRetentionYears(ctx.db),
    cases: kept.map((m) => insightCase(ctx, m)),
  });
}

function fileName(ctx: ServiceContext, ext: 'json' | 'pdf'): string {
  return `Indsigt ${today(ctx)}.${ext}`;
}

/** gdpr:insight-json – the JSON file, recorded as handed out. */
export function insightJson(ctx: ServiceContext, input: InsightExportInput): { fileName: string; mediaType: string; contentBase64: string } {
  const data = insightExport(ctx, input);
  const bytes = Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8');
  recordExport(ctx, keptMatches(ctx, input), 'JSON');
  return { fileName: fileName(ctx, 'json'), mediaType: 'application/json', contentBase64: bytes.toString('base64') };
}

/** What kinds of data the export holds, in the letter's words. */
function categories(data: InsightExport): string[] {
  const cs = data.cases;
  const any = (f: (c: InsightCase) => boolean): boolean => cs.some(f);
  const out: string[] = [];
  if (any((c) => c.case.citizen.name.trim() !== '' || c.case.citizen.address.trim() !== '' || c.case.citizen.phone.trim() !== '' || c.case.citizen.email.trim() !== '')) {
    out.push('Dit navn og dine kontaktoplysninger (adresse, telefon, e-mail)');
  }
  if (any((c) => c.cpr !== null)) out.push('Dit CPR-nummer');
  if (any((c) => c.case.representative !== null)) out.push('Oplysninger om den, der repræsenterer dig');
  if (cs.length > 0) out.push('Hvad du har klaget over, og vores vurdering af klagepunkterne – det kan omfatte oplysninger om dit helbred eller din sociale situation, som du selv har givet');
  if (any((c) => c.requests.length > 0)) out.push('Vores anmodninger til forvaltningen og forvaltningens svar');
  if (any((c) => c.documents.length > 0)) out.push('Akter: breve, mails og dokumenter i sagen');
  if (any((c) => c.journal.length > 0)) out.push('Journalnotater (telefonnotater, møder, interne noter)');
  if (any((c) => c.recommendations.length > 0)) out.push('Henstillinger til forvaltningen og deres opfølgning');
  if (any((c) => c.findings.length > 0)) out.push('Udtalelser, vi har sendt');
  if (any((c) => c.pointDeadlines.length > 0 || c.decision.klagefrist !== null || c.decision.target !== null)) out.push('Frister i sagen');
  if (any((c) => c.history.length > 0)) out.push('Sagens historik: hvem der har oprettet, set og ændret den, og hvornår');
  return out;
}

/** The letter to the citizen (exported for the tests and the preview of the text). */
export function insightLetter(ctx: ServiceContext, data: InsightExport): LetterDocument {
  // The address of the newest henvendelse where the person is the citizen, else the name searched for.
  const own = data.cases.find((c) => c.reasons.some((r) => r !== '' && !r.startsWith('Repræsentantens')));
  const recipient = own !== undefined
    ? [own.case.citizen.name, ...own.case.citizen.address.split(/\r?\n|,\s*/)].map((l) => l.trim()).filter((l) => l !== '')
    : [data.query.name ?? ''].filter((l) => l !== '');
  const forvaltningIds = new Set<number>();
  for (const c of data.cases) {
    for (const p of c.case.points) if (p.forvaltningId !== null) forvaltningIds.add(p.forvaltningId);
    for (const r of c.requests) forvaltningIds.add(r.forvaltningId);
  }
  const forvaltninger = [...forvaltningIds].map((id) => catalogEntryName(ctx.db, 'forvaltning', id)).filter((n): n is string => n !== null).sort((a, b) => a.localeCompare(b, 'da'));
  return draftInsightLetter({
    letterhead: letterheadSettings(ctx),
    date: today(ctx),
    recipient,
    signer: letterSigner(ctx, null),
    cases: data.cases.map((c) => ({ sagsnr: c.case.sagsnr, receivedOn: c.case.receivedOn, closedOn: c.case.closedOn, summary: c.case.summary })),
    categories: categories(data),
    forvaltninger,
    retentionYears: data.retentionYears,
  });
}

/** gdpr:insight-pdf – the letter as PDF, recorded as handed out. */
export async function insightPdf(ctx: ServiceContext, input: InsightExportInput): Promise<{ fileName: string; mediaType: string; contentBase64: string }> {
  const data = insightExport(ctx, input);
  const bytes = await renderLetterPdf(insightLetter(ctx, data), { createdAt: new Date(`${today(ctx)}T12:00:00Z`) });
  recordExport(ctx, keptMatches(ctx, input), 'PDF');
  return { fileName: fileName(ctx, 'pdf'), mediaType: 'application/pdf', contentBase64: Buffer.from(bytes).toString('base64') };
}
