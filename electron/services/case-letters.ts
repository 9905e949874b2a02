/**
 * The adviser's other formal letters of a case – the anmodning om redegørelse to the forvaltning, the
 * rykker and the kvittering to the citizen: the service behind letters:*. It gathers the case's data
 * into a CaseLetterSource (shared/letters/case-letter-source.ts); the pure drafts turn it into the
 * letter; the PDF module renders it; sending stores the PDF as an outgoing akt on the case with its
 * history entry.
 *
 * Drafting and rendering store nothing. Sending renders and reads the PDF before the write (the slow
 * part, outside any transaction), then checks and stores in one transaction. A letter is sent once a
 * day: the same kind for the same request on the same date is refused with the akt already stored, so
 * a double click or a second send never files two copies; to send a corrected letter the same day,
 * the adviser deletes the first akt (its history stays).
 */
import { caseDeadlineRow } from '../../db/queries/case-deadlines';
import { formatDanishDate, type IsoDate } from '../../shared/domain/dates';
import { firstDueOf, type RequestView } from '../../shared/domain/deadline-tracking';
import type { CaseDocument } from '../../shared/domain/records';
import { AppError, validationError } from '../../shared/ipc/result';
import type { CaseLetterInput, CaseLetterPoint, CaseLetterRequest, CaseLetterSource } from '../../shared/letters/case-letter-source';
import { DEFAULT_CASE_LETTER_PHRASES as PH } from '../../shared/letters/case-letter-phrases';
import type { LetterDocument } from '../../shared/letters/document';
import { draftReceiptLetter } from '../../shared/letters/receipt-letter';
import { draftReminderLetter } from '../../shared/letters/reminder-letter';
import { draftRequestLetter } from '../../shared/letters/request-letter';
import { renderLetterPdf } from '../pdf';
import { getCase } from './cases';
import type { ServiceContext } from './context';
import { today } from './deadline-common';
import { listDocuments, prepareDocument, storeDocument } from './documents';
import { letterheadSettings, letterSigner } from './letterhead';
import { listRequestsForCase } from './requests';

/** A letter as the case files it: the document, the akt's title and file name, and who receives it. */
export type CaseLetter = Readonly<{ document: LetterDocument; title: string; fileName: string; party: string }>;

/**
 * The klagepunkter a request concerns: those it names; none named, those of its forvaltning (as the
 * answer to the request counts them, services/requests.ts); none of those either, all of the case.
 */
function requestPoints(view: RequestView, points: ReadonlyArray<{ id: number; forvaltningId: number | null; letterPoint: CaseLetterPoint }>): CaseLetterPoint[] {
  const named = points.filter((p) => view.pointIds.includes(p.id));
  if (named.length > 0) return named.map((p) => p.letterPoint);
  const own = points.filter((p) => p.forvaltningId === view.forvaltningId);
  return (own.length > 0 ? own : points).map((p) => p.letterPoint);
}

function checkInput(input: CaseLetterInput): void {
  let msg: string | null = null;
  if (input.kind === 'kvittering' && input.requestId !== null) msg = 'En kvittering til borgeren hører ikke til en anmodning.';
  else if (input.kind === 'anmodning' && input.requestId === null) msg = 'Vælg den anmodning, brevet skal sendes for.';
  else if (input.kind === 'rykker' && input.requestId === null) msg = 'Vælg den anmodning, der skal rykkes for.';
  if (msg !== null) throw validationError({ requestId: msg }, msg);
}

export function caseLetterSource(ctx: ServiceContext, input: CaseLetterInput, date: IsoDate = today(ctx)): { source: CaseLetterSource; requestNumber: number | null } {
  checkInput(input);
  const detail = getCase(ctx, input.caseId);
  const points = [...detail.points]
    .sort((a, b) => a.position - b.position)
    .map((p, i) => ({ id: p.id, forvaltningId: p.forvaltningId, letterPoint: { position: i + 1, description: p.description } }));
  let request: CaseLetterRequest | null = null;
  let requestNumber: number | null = null;
  if (input.requestId !== null) {
    const all = listRequestsForCase(ctx, input.caseId);
    const index = all.findIndex((r) => r.id === input.requestId);
    const view = all[index];
    if (view === undefined) throw new AppError('not_found', 'Anmodningen findes ikke på denne henvendelse. Den kan være slettet.');
    if (input.kind === 'rykker' && (view.answeredOn !== null || view.closedOn !== null)) {
      const msg = view.answeredOn !== null
        ? `Anmodningen til ${view.forvaltning} blev besvaret ${formatDanishDate(view.answeredOn)}; der er ikke noget at rykke for.`
        : `Anmodningen til ${view.forvaltning} blev lukket ${formatDanishDate(view.closedOn)}; der er ikke noget at rykke for.`;
      throw validationError({ requestId: msg }, msg);
    }
    requestNumber = index + 1;
    request = {
      forvaltning: view.forvaltning,
      kind: view.kind,
      sentOn: view.sentOn,
      firstDue: firstDueOf(view),
      dueOn: view.dueOn,
      reminders: view.events.filter((e) => e.kind === 'rykker').map((e) => ({ onDate: e.onDate, level: e.level })),
      answeredOn: view.answeredOn,
      closedOn: view.closedOn,
      questions: view.note,
      points: requestPoints(view, points),
    };
  }
  const deadlines = caseDeadlineRow(ctx.db, input.caseId);
  const source: CaseLetterSource = {
    sagsnr: detail.sagsnr,
    receivedOn: detail.receivedOn,
    citizen: { name: detail.citizen.name, address: detail.citizen.address },
    summary: detail.summary,
    points: points.map((p) => p.letterPoint),
    request,
    klagefrist: deadlines === null || deadlines.klagefrist_due === null ? null : { dueOn: deadlines.klagefrist_due },
    targetDue: deadlines?.target_due ?? null,
    letterhead: letterheadSettings(ctx),
    adviser: letterSigner(ctx, detail.adviserId),
    date,
  };
  return { source, requestNumber };
}

/** The letter of `input` dated `date`, with the title and file name it is filed under. */
export function buildCaseLetter(ctx: ServiceContext, input: CaseLetterInput, date: IsoDate = today(ctx)): CaseLetter {
  const { source, requestNumber } = caseLetterSource(ctx, input, date);
  const r = source.request;
  if (input.kind === 'kvittering' || r === null) {
    return { document: draftReceiptLetter(source), title: 'Kvittering til borgeren', fileName: `Kvittering ${source.sagsnr} ${date}.pdf`, party: source.citizen.name };
  }
  // The file name names the request by its number on the case, so the same letter the same day has
  // the same name (the check against sending twice) and two requests' letters never share one.
  const which = `anmodning ${requestNumber ?? 0}`;
  if (input.kind === 'rykker') {
    const document = draftReminderLetter(source);
    const heading = document.blocks[0]?.kind === 'heading' ? document.blocks[0].text : PH.reminder.title(null);
    return { document, title: `${heading} til ${r.forvaltning}`, fileName: `Rykker ${source.sagsnr} ${which} ${date}.pdf`, party: r.forvaltning };
  }
  const name = PH.request.title(r.kind);
  return { document: draftRequestLetter(source), title: `${name} til ${r.forvaltning}`, fileName: `${name} ${source.sagsnr} ${which} ${date}.pdf`, party: r.forvaltning };
}

export function draftCaseLetter(ctx: ServiceContext, input: CaseLetterInput): { document: LetterDocument } {
  return { document: buildCaseLetter(ctx, input).document };
}

/**
 * The letter as PDF, dated `date` (default today): the letter's date and the PDF's own dates alike
 * (noon UTC of that day, never the clock's time), so the same case, letter and day give the same bytes.
 */
export async function renderCaseLetterPdf(ctx: ServiceContext, input: CaseLetterInput, date: IsoDate = today(ctx)): Promise<{ letter: CaseLetter; bytes: Uint8Array }> {
  const letter = buildCaseLetter(ctx, input, date);
  const bytes = await renderLetterPdf(letter.document, { createdAt: new Date(`${date}T12:00:00Z`) });
  return { letter, bytes };
}

/**
 * Sends the letter: stores its PDF as an outgoing akt on the case, dated today, with the history
 * entry, in one transaction. `beforeWrite` waits for a long write (the import) that started while
 * the PDF was being rendered (services/write-lock.ts).
 */
export async function sendCaseLetter(ctx: ServiceContext, input: CaseLetterInput, beforeWrite: () => Promise<void> = async () => {}): Promise<CaseDocument> {
  ctx.actor();
  const date = today(ctx);
  const { letter, bytes } = await renderCaseLetterPdf(ctx, input, date);
  const prepared = await prepareDocument(ctx, {
    caseId: input.caseId,
    fileName: letter.fileName,
    contentBase64: Buffer.from(bytes).toString('base64'),
    title: letter.title,
    documentDate: date,
    direction: 'ud',
    party: letter.party,
    requestId: null,
  });
  await beforeWrite();
  return ctx.db.transaction(() => {
    const earlier = listDocuments(ctx, input.caseId).find((d) => d.fileName === letter.fileName && d.direction === 'ud' && d.documentDate === date);
    if (earlier !== undefined) {
      throw new AppError(
        'conflict',
        `Brevet er allerede sendt i dag og gemt som akten "${earlier.title}" (${formatDanishDate(earlier.documentDate)}). Skal et rettet brev sendes, så slet først den akt under Akter og journal.`,
      );
    }
    return storeDocument(ctx, prepared);
  })();
}
