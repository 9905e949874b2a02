/**
 * Requests to a forvaltning (redegørelse, akter, udtalelse): the service behind requests:*. The due
 * date is always sent_on + the request's spec + its own pauses and extensions + the current calendar
 * (shared/deadlines); it is stored so the lists and the Frister view can filter on it. When the
 * request is answered or closed, the verdict (on time, working days used, days late) is frozen in
 * the row, so a later calendar correction never rewrites statistics already reported.
 *
 * Each write validates, stores and appends a line to the henvendelse's history in one synchronous
 * transaction, like the henstillinger (recommendations.ts).
 */
import { caseExists, casePoints, getCaseDetail, setPointsAgreed } from '../../db/queries/cases';
import { catalogEntryExists, catalogEntryRetired } from '../../db/queries/catalog';
import {
  finishRequest,
  getRequestRow,
  insertRequest,
  insertRequestEvent,
  insertRequestPoints,
  requestPointIds,
  reminderLevelExists,
  requestEvents,
  requestRowsForCase,
  setRequestDue,
  specOf,
  type RequestEventRow,
  verdictOf,
  type RequestRow,
} from '../../db/queries/requests';
import { formatDanishDate, isValidIsoDate, type IsoDate } from '../../shared/domain/dates';
import { RequestKind, type AgreedCode, type DeadlineSettings, type RequestAnswer, type RequestInput, type RequestView } from '../../shared/domain/deadline-tracking';
import { computeDeadline, formatSpec, type CalendarSettings, type ComputeInput, type DeadlineExplanation, type DeadlineSpec, type Extension, type Pause } from '../../shared/deadlines';
import { AppError, validationError } from '../../shared/ipc/result';
import { followRequests } from './case-status';
import { prepareDocument, storeDocument, type PreparedDocument } from './documents';
import type { ServiceContext } from './context';
import { arrow, auditDeadline, calendarOf, loadSettings, nowIso, requestLabel, stateOf, today } from './deadline-common';

/** Why an explicit due date is in the explanation: it was given, not counted. */
const EXPLICIT_DUE_REASON = 'svarfristen er angivet som en dato';

function notFound(): AppError {
  return new AppError('not_found', 'Anmodningen findes ikke. Den kan være slettet.');
}

function mustGet(ctx: ServiceContext, id: number): RequestRow {
  const row = getRequestRow(ctx.db, id);
  if (row === null) throw notFound();
  return row;
}

/** Answered or closed requests are final: their verdict is frozen. */
function mustBeOpen(row: RequestRow): void {
  if (row.answered_on !== null) throw new AppError('conflict', `Anmodningen er besvaret ${formatDanishDate(row.answered_on)} og kan ikke ændres.`);
  if (row.closed_on !== null) throw new AppError('conflict', `Anmodningen er lukket ${formatDanishDate(row.closed_on)} og kan ikke ændres.`);
}

function pausesOf(events: ReadonlyArray<RequestEventRow>): Pause[] {
  return events.filter((e) => e.kind === 'pause').map((e) => ({ from: e.on_date, to: e.pause_to as string, reason: e.reason }));
}

function extensionsOf(row: Pick<RequestRow, 'sent_on' | 'explicit_due'>, events: ReadonlyArray<RequestEventRow>): Extension[] {
  const out: Extension[] = [];
  // An explicit due date (import's svarfrist) acts as a date granted when the request was sent;
  // the engine then applies the request's own pauses and extensions after it, in date order.
  if (row.explicit_due !== null) out.push({ granted: row.sent_on, newDue: row.explicit_due, add: null, reason: EXPLICIT_DUE_REASON });
  for (const e of events) {
    if (e.kind !== 'forlaengelse') continue;
    out.push({
      granted: e.on_date,
      newDue: e.new_due,
      add: e.add_amount !== null && e.add_unit !== null ? { amount: e.add_amount, unit: e.add_unit } : null,
      reason: e.reason,
    });
  }
  return out;
}

type RequestKindCode = (typeof RequestKind.codes)[number];

/** What the forvaltning owes by the due date, in letter words (shared/deadlines/letter.ts). */
const OWED: Readonly<Record<RequestKindCode, string>> = {
  redegoerelse: 'forvaltningens redegørelse til borgerrådgiveren',
  akter: 'forvaltningens oversendelse af sagens akter til borgerrådgiveren',
  udtalelse: 'forvaltningens udtalelse til borgerrådgiveren',
};

/**
 * How a request's deadline is counted: a local target (owner `maal`, legal-rules.md § b.5) – the
 * deadline for the forvaltning's answer to the borgerrådgiver is set by the municipality, not by law,
 * so the closing days count and letters call it a target.
 */
function requestDeadline(start: IsoDate, spec: DeadlineSpec, kind: RequestKindCode, calendar: CalendarSettings): ComputeInput {
  return { start, spec, calendar, owner: 'maal', startEvent: 'borgerrådgiverens anmodning', owes: OWED[kind] };
}

/** The due date of a request as the current calendar computes it, with its explanation. */
export function computeRequestDue(row: RequestRow, events: ReadonlyArray<RequestEventRow>, calendar: CalendarSettings): DeadlineExplanation {
  return computeDeadline({ ...requestDeadline(row.sent_on, specOf(row), row.kind, calendar), pauses: pausesOf(events), extensions: extensionsOf(row, events) });
}

function toView(row: RequestRow, events: ReadonlyArray<RequestEventRow>, pointIds: number[], settings: DeadlineSettings, on: IsoDate): RequestView {
  const calendar = calendarOf(settings);
  let explanation = computeRequestDue(row, events, calendar);
  const finished = row.answered_on ?? row.closed_on;
  if (finished !== null && explanation.due !== row.due_on) {
    // The stored date was frozen with the verdict; say so rather than show two different dates.
    explanation = {
      ...explanation,
      lines: [...explanation.lines, `Med den nuværende kalender ville fristen være ${formatDanishDate(explanation.due)}, men fristen blev fastlåst til ${formatDanishDate(row.due_on)}, da anmodningen blev afsluttet ${formatDanishDate(finished)}.`],
      due: row.due_on,
    };
  }
  const levels = events.filter((e) => e.kind === 'rykker').map((e) => e.level ?? 0);
  return {
    id: row.id,
    caseId: row.case_id,
    sagsnr: row.sagsnr,
    forvaltningId: row.forvaltning_id,
    forvaltning: row.forvaltning,
    kind: row.kind,
    sentOn: row.sent_on,
    spec: specOf(row),
    explicitDue: row.explicit_due,
    dueOn: row.due_on,
    explanation,
    state: stateOf({ dueOn: row.due_on, answeredOn: row.answered_on, closedOn: row.closed_on, profile: row.profile }, on, settings, calendar),
    answeredOn: row.answered_on,
    closedOn: row.closed_on,
    verdict:
      row.verdict_on_time === null
        ? null
        : { onTime: row.verdict_on_time === 1, workingDaysUsed: row.verdict_working_days ?? 0, daysLate: row.verdict_days_late ?? 0 },
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      onDate: e.on_date,
      level: e.level,
      pauseTo: e.pause_to,
      newDue: e.new_due,
      add: e.add_amount !== null && e.add_unit !== null ? { amount: e.add_amount, unit: e.add_unit } : null,
      oldDue: e.old_due,
      reason: e.reason,
    })),
    nextReminderLevel: (levels.length === 0 ? 0 : Math.max(...levels)) + 1,
    note: row.note,
    answerSummary: row.answer_summary,
    pointIds,
  };
}

function view(ctx: ServiceContext, id: number): RequestView {
  return toView(mustGet(ctx, id), requestEvents(ctx.db, id), requestPointIds(ctx.db, id), loadSettings(ctx), today(ctx));
}

/** The requests of a henvendelse, in the order they were sent. */
export function listRequestsForCase(ctx: ServiceContext, caseId: number): RequestView[] {
  if (!caseExists(ctx.db, caseId)) throw new AppError('not_found', 'Henvendelsen findes ikke. Den kan være slettet.');
  const settings = loadSettings(ctx);
  const on = today(ctx);
  return requestRowsForCase(ctx.db, caseId).map((r) => toView(r, requestEvents(ctx.db, r.id), requestPointIds(ctx.db, r.id), settings, on));
}

/** A date field that must lie between `min` (with its Danish name) and today. */
function checkDate(errors: Record<string, string>, field: string, value: IsoDate, on: IsoDate, what: string, min: { date: IsoDate; message: string } | null): void {
  if (!isValidIsoDate(value)) errors[field] = `${what} er ikke en gyldig dato.`;
  else if (value > on) errors[field] = `${what} kan ikke ligge i fremtiden.`;
  else if (min !== null && value < min.date) errors[field] = min.message;
}

export function createRequest(ctx: ServiceContext, input: RequestInput): RequestView {
  return ctx.db.transaction(() => {
    const errors: Record<string, string> = {};
    const on = today(ctx);
    const c = getCaseDetail(ctx.db, input.caseId);
    if (c === null) errors['caseId'] = 'Henvendelsen findes ikke. Den kan være slettet.';
    if (!catalogEntryExists(ctx.db, 'forvaltning', input.forvaltningId)) errors['forvaltningId'] = 'Forvaltningen findes ikke.';
    else if (catalogEntryRetired(ctx.db, 'forvaltning', input.forvaltningId) === true) {
      errors['forvaltningId'] = 'Forvaltningen er markeret som udgået og kan ikke vælges til nye registreringer.';
    }
    checkDate(errors, 'sentOn', input.sentOn, on, 'Afsendelsesdatoen', c === null ? null : {
      date: c.receivedOn,
      message: `Anmodningen kan ikke være sendt, før henvendelsen blev modtaget ${formatDanishDate(c.receivedOn)}.`,
    });
    const settings = loadSettings(ctx);
    const spec = input.spec ?? settings.requestDefault;
    const explicitDue = input.explicitDue ?? null;
    if (explicitDue === null && spec.amount < 1) errors['spec.amount'] = 'Svarfristen skal være mindst 1.';
    if (explicitDue !== null) {
      if (!isValidIsoDate(explicitDue)) errors['explicitDue'] = 'Svarfristen er ikke en gyldig dato.';
      else if (isValidIsoDate(input.sentOn) && explicitDue < input.sentOn) {
        errors['explicitDue'] = `Svarfristen kan ikke ligge før anmodningen blev sendt ${formatDanishDate(input.sentOn)}.`;
      }
    }
    const pointIds = [...new Set(input.pointIds ?? [])];
    const casePointList = c === null ? [] : c.points;
    if (pointIds.some((pid) => !casePointList.some((p) => p.id === pid))) errors['pointIds'] = 'Et af klagepunkterne hører ikke til henvendelsen.';
    if (Object.keys(errors).length > 0) throw validationError(errors);

    // A fixed date is counted the way an imported svarfrist is: as a date granted on sending.
    const explanation = computeDeadline({
      ...requestDeadline(input.sentOn, spec, input.kind, calendarOf(settings)),
      extensions: explicitDue === null ? [] : [{ granted: input.sentOn, newDue: explicitDue, add: null, reason: EXPLICIT_DUE_REASON }],
    });
    const id = insertRequest(
      ctx.db,
      { caseId: input.caseId, forvaltningId: input.forvaltningId, kind: input.kind, sentOn: input.sentOn, spec, dueOn: explanation.due, explicitDue, note: input.note.trim() },
      nowIso(ctx),
    );
    insertRequestPoints(ctx.db, id, pointIds);
    const row = mustGet(ctx, id);
    followRequests(ctx, row.case_id, 'anmodning sendt');
    const named = casePointList.map((p, i) => (pointIds.includes(p.id) ? `Klagepunkt ${i + 1}` : null)).filter((x) => x !== null);
    auditDeadline(ctx, {
      entity: 'request', entityId: id, caseId: row.case_id,
      action: `${requestLabel(row.forvaltning, row.kind)}: sendt ${formatDanishDate(row.sent_on)}, svarfrist ${formatDanishDate(row.due_on)}`,
      changes: [
        { field: 'Forvaltning', before: '', after: row.forvaltning },
        { field: 'Anmodning om', before: '', after: RequestKind.label(row.kind) },
        { field: 'Sendt', before: '', after: formatDanishDate(row.sent_on) },
        { field: 'Frist', before: '', after: explicitDue === null ? formatSpec(spec) : `dato ${formatDanishDate(explicitDue)}` },
        { field: 'Svarfrist', before: '', after: formatDanishDate(row.due_on) },
        ...(named.length === 0 ? [] : [{ field: 'Angår', before: '', after: named.join(', ') }]),
        ...(row.note === '' ? [] : [{ field: 'Note', before: '', after: row.note }]),
      ],
    });
    return view(ctx, id);
  })();
}

/** Record the next rykker. Each level is sent once; the reminders come in date order. */
export function remindRequest(ctx: ServiceContext, id: number, on: IsoDate, note: string): RequestView {
  return ctx.db.transaction(() => {
    const row = mustGet(ctx, id);
    mustBeOpen(row);
    const events = requestEvents(ctx.db, id);
    const reminders = events.filter((e) => e.kind === 'rykker');
    const level = reminders.reduce((max, e) => Math.max(max, e.level ?? 0), 0) + 1;
    const last = reminders[reminders.length - 1];
    const errors: Record<string, string> = {};
    checkDate(errors, 'on', on, today(ctx), 'Rykkerens dato', last === undefined
      ? { date: row.sent_on, message: `En rykker kan ikke være sendt før anmodningen (${formatDanishDate(row.sent_on)}).` }
      : { date: last.on_date, message: `Rykker ${level} kan ikke være sendt før rykker ${last.level ?? level - 1} (${formatDanishDate(last.on_date)}).` });
    if (Object.keys(errors).length > 0) throw validationError(errors);
    // The unique index request_events_rykker would refuse it too, but only with SQLite's wording.
    if (reminderLevelExists(ctx.db, id, level)) throw new AppError('conflict', `Rykker ${level} er allerede registreret på anmodningen.`);
    insertRequestEvent(ctx.db, { requestId: id, kind: 'rykker', onDate: on, level, pauseTo: null, newDue: null, add: null, oldDue: row.due_on, reason: note.trim() }, nowIso(ctx));
    auditDeadline(ctx, {
      entity: 'request', entityId: id, caseId: row.case_id,
      action: `${requestLabel(row.forvaltning, row.kind)}: rykker ${level} sendt ${formatDanishDate(on)}${note.trim() === '' ? '' : ` – ${note.trim()}`}`,
      // What was added, as old → new like every other change (the history's lines).
      changes: [{ field: `Rykker ${level}`, before: '', after: `${formatDanishDate(on)}${note.trim() === '' ? '' : ` – ${note.trim()}`}` }],
    });
    return view(ctx, id);
  })();
}

/** Recompute and store the due date after an event; returns the old and new date. */
function refreshDue(ctx: ServiceContext, row: RequestRow): { before: IsoDate; after: IsoDate } {
  const due = computeRequestDue(row, requestEvents(ctx.db, row.id), calendarOf(loadSettings(ctx))).due;
  if (due !== row.due_on) setRequestDue(ctx.db, row.id, due, nowIso(ctx));
  return { before: row.due_on, after: due };
}

export function extendRequest(ctx: ServiceContext, id: number, extension: Extension): RequestView {
  return ctx.db.transaction(() => {
    const row = mustGet(ctx, id);
    mustBeOpen(row);
    const errors: Record<string, string> = {};
    checkDate(errors, 'granted', extension.granted, today(ctx), 'Datoen for forlængelsen', {
      date: row.sent_on,
      message: `En forlængelse kan ikke være givet, før anmodningen blev sendt ${formatDanishDate(row.sent_on)}.`,
    });
    if ((extension.newDue === null) === (extension.add === null)) errors['newDue'] = 'Angiv enten en ny frist eller hvor meget fristen forlænges – ikke begge.';
    else if (extension.newDue !== null) {
      if (!isValidIsoDate(extension.newDue)) errors['newDue'] = 'Den nye frist er ikke en gyldig dato.';
      else if (extension.newDue <= row.due_on) errors['newDue'] = `Den nye frist skal ligge efter den nuværende frist ${formatDanishDate(row.due_on)}.`;
    }
    if (extension.reason.trim() === '') errors['reason'] = 'Skriv en begrundelse for forlængelsen.';
    if (Object.keys(errors).length > 0) throw validationError(errors);
    insertRequestEvent(ctx.db, {
      requestId: id, kind: 'forlaengelse', onDate: extension.granted, level: null, pauseTo: null,
      newDue: extension.newDue, add: extension.add, oldDue: row.due_on, reason: extension.reason.trim(),
    }, nowIso(ctx));
    const { before, after } = refreshDue(ctx, row);
    auditDeadline(ctx, {
      entity: 'request', entityId: id, caseId: row.case_id,
      action: `${requestLabel(row.forvaltning, row.kind)}: frist forlænget ${arrow(before, after)} – begrundelse: ${extension.reason.trim()}`,
      changes: [{ field: 'Svarfrist', before: formatDanishDate(before), after: formatDanishDate(after) }],
    });
    return view(ctx, id);
  })();
}

export function pauseRequest(ctx: ServiceContext, id: number, from: IsoDate, to: IsoDate, reason: string): RequestView {
  return ctx.db.transaction(() => {
    const row = mustGet(ctx, id);
    mustBeOpen(row);
    const errors: Record<string, string> = {};
    if (!isValidIsoDate(from)) errors['from'] = 'Pausens startdato er ikke en gyldig dato.';
    else if (from < row.sent_on) errors['from'] = `En pause kan ikke begynde, før anmodningen blev sendt ${formatDanishDate(row.sent_on)}.`;
    if (!isValidIsoDate(to)) errors['to'] = 'Pausens slutdato er ikke en gyldig dato.';
    else if (errors['from'] === undefined && to < from) errors['to'] = 'Pausen kan ikke slutte, før den begynder.';
    if (reason.trim() === '') errors['reason'] = 'Skriv en begrundelse for pausen.';
    if (Object.keys(errors).length > 0) throw validationError(errors);
    insertRequestEvent(ctx.db, { requestId: id, kind: 'pause', onDate: from, level: null, pauseTo: to, newDue: null, add: null, oldDue: row.due_on, reason: reason.trim() }, nowIso(ctx));
    const { before, after } = refreshDue(ctx, row);
    auditDeadline(ctx, {
      entity: 'request', entityId: id, caseId: row.case_id,
      action: `${requestLabel(row.forvaltning, row.kind)}: pause ${formatDanishDate(from)}–${formatDanishDate(to)}, frist ${arrow(before, after)} – begrundelse: ${reason.trim()}`,
      changes: [{ field: 'Svarfrist', before: formatDanishDate(before), after: formatDanishDate(after) }],
    });
    return view(ctx, id);
  })();
}

type Ending = Readonly<{ how: 'answer'; answer: RequestAnswer } | { how: 'close'; closedOn: IsoDate; reason: string }>;

const agreedWord = (a: boolean | null): string => (a === null ? 'ukendt' : a ? 'ja' : 'nej');
const agreedValue = (a: AgreedCode): boolean | null => (a === 'ukendt' ? null : a === 'ja');

function finish(ctx: ServiceContext, id: number, ending: Ending): RequestView {
  return ctx.db.transaction(() => {
    const row = mustGet(ctx, id);
    mustBeOpen(row);
    const answer = ending.how === 'answer';
    const endOn = answer ? ending.answer.answeredOn : ending.closedOn;
    const field = answer ? 'answeredOn' : 'closedOn';
    const errors: Record<string, string> = {};
    checkDate(errors, field, endOn, today(ctx), answer ? 'Svardatoen' : 'Lukkedatoen', {
      date: row.sent_on,
      message: `Datoen kan ikke ligge før anmodningen blev sendt ${formatDanishDate(row.sent_on)}.`,
    });
    if (!answer && ending.reason.trim() === '') errors['reason'] = 'Skriv hvorfor anmodningen lukkes uden svar.';
    // The klagepunkter the answer speaks to are those the request names (else those of its
    // forvaltning); the agreement is the klagepunkt's own field, so one on another is refused.
    const points = casePoints(ctx.db, row.case_id);
    const named = requestPointIds(ctx.db, id);
    const concerns = (p: (typeof points)[number]): boolean => (named.length > 0 ? named.includes(p.id) : p.forvaltningId === row.forvaltning_id);
    const agreed = answer ? ending.answer.agreed : [];
    agreed.forEach((a, i) => {
      const p = points.find((x) => x.id === a.pointId);
      if (p === undefined || !concerns(p)) errors[`agreed.${i}`] = `Anmodningen til ${row.forvaltning} angår ikke dette klagepunkt.`;
    });
    if (Object.keys(errors).length > 0) throw validationError(errors);
    // The stored due date is current: every calendar change recomputes open requests.
    const verdict = verdictOf(row, endOn, calendarOf(loadSettings(ctx)));
    const summary = answer ? ending.answer.summary.trim() : '';
    finishRequest(ctx.db, id, answer ? { answeredOn: endOn, closedOn: null, answerSummary: summary } : { answeredOn: null, closedOn: endOn, answerSummary: '' }, verdict, nowIso(ctx));
    const changes: Array<{ field: string; before: string; after: string }> = [];
    const writes: Array<{ pointId: number; agreed: boolean | null }> = [];
    for (const a of agreed) {
      const index = points.findIndex((x) => x.id === a.pointId);
      const before = (points[index] as (typeof points)[number]).forvaltningAgreed;
      const after = agreedValue(a.agreed);
      if (before === after) continue;
      writes.push({ pointId: a.pointId, agreed: after });
      changes.push({ field: `Klagepunkt ${index + 1}: Forvaltningen erkendte fejl`, before: agreedWord(before), after: agreedWord(after) });
    }
    setPointsAgreed(ctx.db, row.case_id, writes, nowIso(ctx));
    if (summary !== '') changes.unshift({ field: 'Forvaltningens svar', before: '', after: summary });
    const result = verdict.onTime
      ? `i tide (${verdict.workingDaysUsed} arbejdsdage)`
      : `${verdict.daysLate} arbejdsdage for sent (frist ${formatDanishDate(row.due_on)})`;
    auditDeadline(ctx, {
      entity: 'request', entityId: id, caseId: row.case_id,
      action: answer
        ? `${requestLabel(row.forvaltning, row.kind)}: besvaret ${formatDanishDate(endOn)} ${result}`
        : `${requestLabel(row.forvaltning, row.kind)}: lukket uden svar ${formatDanishDate(endOn)} – begrundelse: ${ending.reason.trim()}`,
      changes,
    });
    followRequests(ctx, row.case_id, answer ? 'anmodning besvaret' : 'anmodning lukket');
    return view(ctx, id);
  })();
}

/** Record the forvaltning's answer: when, what (a summary), and per klagepunkt whether it agrees an error was made. */
export function answerRequest(ctx: ServiceContext, id: number, answer: RequestAnswer): RequestView {
  return finish(ctx, id, { how: 'answer', answer });
}

/**
 * The answer with the statement itself: the file is read first (outside any transaction; `beforeWrite`
 * then waits for a running import), and the answer and the akt are written in ONE transaction – an
 * answer is never recorded without the statement the adviser attached, nor the other way round. A
 * problem with the file is told on the form's file field (`document`), and nothing is saved.
 */
export async function answerRequestWithStatement(ctx: ServiceContext, id: number, answer: RequestAnswer, beforeWrite: () => Promise<void> = async () => {}): Promise<RequestView> {
  const statement = answer.document;
  if (statement === undefined) return answerRequest(ctx, id, answer);
  const row = mustGet(ctx, id);
  let prepared: PreparedDocument;
  try {
    prepared = await prepareDocument(ctx, {
      caseId: row.case_id, fileName: statement.fileName, contentBase64: statement.contentBase64, title: statement.title,
      documentDate: answer.answeredOn, direction: 'ind', party: row.forvaltning, requestId: id,
    });
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation') throw validationError({ document: Object.values(e.fields ?? {})[0] ?? e.message }, e.message);
    throw e;
  }
  await beforeWrite();
  return ctx.db.transaction(() => {
    answerRequest(ctx, id, answer);
    storeDocument(ctx, prepared);
    return view(ctx, id);
  })();
}

export function closeRequest(ctx: ServiceContext, id: number, closedOn: IsoDate, reason: string): RequestView {
  return finish(ctx, id, { how: 'close', closedOn, reason });
}
