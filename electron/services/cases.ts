/**
 * Henvendelser: the service behind the cases:* channels. Each write validates with the same rules
 * the form uses (shared/domain/case.ts), then stores the case, appends the audit entry and
 * re-indexes it for search in ONE synchronous transaction (better-sqlite3 docs/api.md: no await
 * inside), so a failure leaves nothing half-written.
 */
import { validateCaseInput, type CaseDetail, type CaseInput, type FieldErrors, type OrgLookup } from '../../shared/domain/case';
import type { CaseListQuery, CaseListResult, HistoryEntry } from '../../shared/domain/case-list';
import { checkCpr } from '../../shared/domain/cpr';
import { copenhagenDate, type IsoDate } from '../../shared/domain/dates';
import type { CatalogKind } from '../../shared/domain/settings';
import { AppError, validationError } from '../../shared/ipc/result';
import { appendAudit, caseHistory } from '../../db/queries/audit';
import {
  caseNextDeadline,
  getCaseCpr,
  getCaseDetail,
  insertCase,
  listCases as queryCases,
  nextSagsnr as queryNextSagsnr,
  unknownRuleErrors,
  updateCase as queryUpdateCase,
} from '../../db/queries/cases';
import { afdelingBelongsTo, catalogEntryExists, catalogEntryRetired } from '../../db/queries/catalog';
import { ruleBreachFacts, ruleValidity } from '../../db/queries/rules';
import { breachRefusal } from '../../shared/domain/rule';
import { reindexCases } from '../../db/queries/search-index';
import type { ReadableDB } from '../../db/types';
import { diffCase } from './case-diff';
import { reportDrill } from './report-stats';
import { calendarOf, loadSettings, simpleStateOf, stateOf, storeCaseTarget } from './deadline-common';
import { closingCheck, type PointOutcome } from './closing-check';
import type { CaseNextDeadline, OpenItem } from '../../shared/domain/case-workspace';
import { recordAccess } from './audit';
import type { ServiceContext } from './context';

/** Org lookups for validateCaseInput; retired entries still exist (old cases keep them). */
export function orgLookup(db: ReadableDB): OrgLookup {
  return {
    forvaltningExists: (id) => catalogEntryExists(db, 'forvaltning', id),
    afdelingBelongsTo: (afdelingId, forvaltningId) => afdelingBelongsTo(db, afdelingId, forvaltningId),
    themeExists: (id) => catalogEntryExists(db, 'theme', id),
    competenceReasonExists: (id) => catalogEntryExists(db, 'competence_reason', id),
    adviserExists: (id) => catalogEntryExists(db, 'adviser', id),
  };
}

function today(ctx: ServiceContext): IsoDate {
  return copenhagenDate(ctx.clock.now());
}

function nowIso(ctx: ServiceContext): string {
  return ctx.clock.now().toISOString();
}

function validate(ctx: ServiceContext, input: CaseInput, before: CaseDetail | null): void {
  const errors = {
    ...retiredChoices(ctx.db, input, before),
    ...retiredRules(ctx.db, input, before, today(ctx)),
    ...refusedBreaches(ctx.db, input, before),
    ...unknownRuleErrors(ctx.db, input.points),
    ...validateCaseInput(input, orgLookup(ctx.db), today(ctx)),
  };
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

/**
 * A retired forvaltning, afdeling, theme, competence reason or adviser stays valid where it was already recorded (old
 * cases and statistics keep it) but cannot be chosen anew: the form does not offer it, and the
 * backend refuses it for the same reason whoever calls.
 */
function retiredChoices(db: ReadableDB, input: CaseInput, before: CaseDetail | null): FieldErrors {
  const errors: FieldErrors = {};
  const retired = (kind: CatalogKind, id: number) => catalogEntryRetired(db, kind, id) === true;
  input.points.forEach((p, i) => {
    const old = p.id === undefined ? undefined : before?.points.find((q) => q.id === p.id);
    const label = `Klagepunkt ${i + 1}`;
    if (p.forvaltningId !== null && p.forvaltningId !== old?.forvaltningId && retired('forvaltning', p.forvaltningId)) {
      errors[`points.${i}.forvaltningId`] = `${label}: forvaltningen er markeret som udgået og kan ikke vælges til nye registreringer.`;
    }
    if (p.afdelingId !== null && p.afdelingId !== old?.afdelingId && retired('afdeling', p.afdelingId)) {
      errors[`points.${i}.afdelingId`] = `${label}: afdelingen er markeret som udgået og kan ikke vælges til nye registreringer.`;
    }
    if (p.themeIds.some((t) => !old?.themeIds.includes(t) && retired('theme', t))) {
      errors[`points.${i}.themeIds`] = `${label}: et af temaerne er markeret som udgået og kan ikke vælges til nye registreringer.`;
    }
    const reason = p.competenceReasonId ?? null;
    if (reason !== null && reason !== old?.competenceReasonId && retired('competence_reason', reason)) {
      errors[`points.${i}.competenceReasonId`] = `${label}: kompetencegrunden er markeret som udgået og kan ikke vælges til nye registreringer.`;
    }
  });
  if (input.competenceReasonId !== null && input.competenceReasonId !== before?.competenceReasonId && retired('competence_reason', input.competenceReasonId)) {
    errors['competenceReasonId'] = 'Kompetencegrunden er markeret som udgået og kan ikke vælges til nye registreringer.';
  }
  if (input.adviserId !== null && input.adviserId !== before?.adviserId && retired('adviser', input.adviserId)) {
    errors['adviserId'] = 'Rådgiveren er markeret som udgået og kan ikke vælges til nye registreringer.';
  }
  return errors;
}

/**
 * The same for rules: a rule that has left the catalogue (its `valid_to` has come) stays on the
 * klagepunkter that already cite it, with their assessment, but cannot be linked anew. Unknown ids
 * are left to unknownRuleErrors.
 */
function retiredRules(db: ReadableDB, input: CaseInput, before: CaseDetail | null, day: IsoDate): FieldErrors {
  const errors: FieldErrors = {};
  const validity = ruleValidity(db, input.points.flatMap((p) => (p.rules ?? []).map((r) => r.ruleId)));
  input.points.forEach((p, i) => {
    const old = p.id === undefined ? undefined : before?.points.find((q) => q.id === p.id);
    const had = new Set((old?.rules ?? []).map((r) => r.ruleId));
    const retired = (p.rules ?? []).filter((r) => {
      const validTo = validity.get(r.ruleId);
      return !had.has(r.ruleId) && validTo !== undefined && validTo !== null && validTo <= day;
    });
    if (retired.length === 0) return;
    const list = retired.map((r) => r.ruleId).join(', ');
    const noun = retired.length === 1 ? 'reglen' : 'reglerne';
    errors[`points.${i}.rules`] = `Klagepunkt ${i + 1}: ${noun} ${list} er udgået af regelkataloget og kan ikke tilknyttes nye registreringer.`;
  });
  return errors;
}

/**
 * A background rule, or a shipped rule the reference could not verify, cannot be recorded as breached
 * ("ikke overholdt"): a letter would cite something that is not an established norm (breachRefusal).
 * Only a NEW breach is refused – a link stored as breached before this check existed is kept as it
 * is, so an existing case stays editable and loses nothing; the form flags it. The error sits on the
 * link's assessment (`points.N.rules.M.assessment`).
 */
function refusedBreaches(db: ReadableDB, input: CaseInput, before: CaseDetail | null): FieldErrors {
  const errors: FieldErrors = {};
  const breached = input.points.flatMap((p) => (p.rules ?? []).filter((r) => r.assessment === 'ikke_overholdt').map((r) => r.ruleId));
  if (breached.length === 0) return errors;
  const facts = ruleBreachFacts(db, breached);
  input.points.forEach((p, i) => {
    const old = p.id === undefined ? undefined : before?.points.find((q) => q.id === p.id);
    (p.rules ?? []).forEach((r, j) => {
      if (r.assessment !== 'ikke_overholdt') return;
      if (old?.rules.some((o) => o.ruleId === r.ruleId && o.assessment === 'ikke_overholdt')) return;
      const f = facts.get(r.ruleId);
      const refusal = f === undefined ? null : breachRefusal(f);
      if (refusal !== null) errors[`points.${i}.rules.${j}.assessment`] = `Klagepunkt ${i + 1}: ${refusal}`;
    });
  });
  return errors;
}

/** The CPR to store: a new valid number normalised, '' cleared, null (update only) kept. */
function resolveCpr(input: CaseInput, stored: string | null): string | null {
  const raw = input.citizen.cpr;
  if (raw === null) return stored;
  if (raw.trim() === '') return null;
  const c = checkCpr(raw);
  // validate() has already refused an invalid number; this keeps the types honest.
  if (!c.ok) throw validationError({ 'citizen.cpr': c.message });
  return c.value;
}

function notFound(): AppError {
  return new AppError('not_found', 'Henvendelsen findes ikke. Den kan være slettet.');
}

/** A henvendelse with its klagepunkter (CPR masked). */
export function getCase(ctx: ServiceContext, id: number): CaseDetail {
  const detail = getCaseDetail(ctx.db, id);
  if (!detail) throw notFound();
  return detail;
}

/** The adviser opens a henvendelse: who read the borger's data, and when, is recorded in its history. */
export const CASE_OPENED_ACTION = 'Sag åbnet';

export function openCase(ctx: ServiceContext, id: number): CaseDetail {
  const detail = getCase(ctx, id);
  recordAccess(ctx, { entity: 'case', entityId: id, caseId: id, action: CASE_OPENED_ACTION, changes: [] });
  return detail;
}

/** Register a new henvendelse; '' as sagsnr gets the next ÅÅÅÅ-NNNN for the year of receipt. */
export function createCase(ctx: ServiceContext, input: CaseInput): CaseDetail {
  validate(ctx, input, null);
  const at = nowIso(ctx);
  return ctx.db.transaction(() => {
    const cpr = resolveCpr(input, null);
    const { id } = insertCase(ctx.db, { ...input, citizen: { ...input.citizen, cpr } }, at);
    const detail = getCase(ctx, id);
    appendAudit(ctx.db, {
      at,
      actor: ctx.actor(),
      entity: 'case',
      entityId: id,
      caseId: id,
      action: 'Oprettet',
      changes: diffCase(ctx.db, null, { detail, cpr }),
    });
    reindexCases(ctx.db, [id]);
    storeCaseTarget(ctx, id, detail.receivedOn);
    return detail;
  })();
}

/**
 * Save an edited henvendelse that the adviser opened at `expectedVersion`. A status the adviser
 * changed is set by hand from then on (case-status.ts). Closing it is refused while something is
 * open that `acknowledged` does not name (closing-check.ts, checked after the write, so an outcome
 * set in the same save counts); the acknowledged items go into the history entry.
 */
export function updateCase(ctx: ServiceContext, id: number, expectedVersion: number, input: CaseInput, acknowledged: ReadonlyArray<string> = []): CaseDetail {
  const at = nowIso(ctx);
  return ctx.db.transaction(() => {
    const before = getCaseDetail(ctx.db, id);
    if (!before) throw notFound();
    validate(ctx, input, before);
    const beforeCpr = getCaseCpr(ctx.db, id) ?? null;
    const cpr = resolveCpr(input, beforeCpr);
    // An emptied sagsnr field keeps the number the case has; renumbering is never implicit.
    const sagsnr = input.sagsnr.trim() === '' ? before.sagsnr : input.sagsnr;
    const statusManual = input.statusManual ?? (input.status !== before.status ? true : before.statusManual);
    queryUpdateCase(ctx.db, id, expectedVersion, { ...input, statusManual, sagsnr, citizen: { ...input.citizen, cpr } }, at);
    const closing = input.status === 'afsluttet' && before.status !== 'afsluttet' ? closingCheck(ctx, id) : [];
    const unacknowledged = closing.filter((item) => !acknowledged.includes(item.key));
    if (unacknowledged.length > 0) {
      const message = `Henvendelsen har ${unacknowledged.length === 1 ? 'et åbent punkt' : `${unacknowledged.length} åbne punkter`}, som skal ses, før den lukkes: ${unacknowledged.map((i) => i.text).join(' ')}`;
      throw new AppError('conflict', message, { status: message });
    }
    const after = getCase(ctx, id);
    const changes = [
      ...diffCase(ctx.db, { detail: before, cpr: beforeCpr }, { detail: after, cpr }),
      ...closing.map((item) => ({ field: 'Lukket med åbent punkt', before: '', after: item.text })),
    ];
    appendAudit(ctx.db, { at, actor: ctx.actor(), entity: 'case', entityId: id, caseId: id, action: 'Ændret', changes });
    reindexCases(ctx.db, [id]);
    if (after.receivedOn !== before.receivedOn) storeCaseTarget(ctx, id, after.receivedOn);
    return after;
  })();
}

/** What is still open on the henvendelse before it is closed (closing-check.ts). */
export function checkClosing(ctx: ServiceContext, id: number, points?: ReadonlyArray<PointOutcome>): OpenItem[] {
  if (getCaseCpr(ctx.db, id) === undefined) throw notFound();
  return closingCheck(ctx, id, points);
}

/** The next open deadline with its state, as the case list's "Næste frist" (the case page's header). */
export function nextDeadline(ctx: ServiceContext, id: number): CaseNextDeadline | null {
  if (getCaseCpr(ctx.db, id) === undefined) throw notFound();
  const next = caseNextDeadline(ctx.db, id);
  if (next === null) return null;
  const settings = loadSettings(ctx);
  const calendar = calendarOf(settings);
  const on = today(ctx);
  // Graded as the Frister screen grades each kind: what the forvaltning owes with "længe overskredet", the rest simply.
  const state = next.kind === 'anmodning' || next.kind === 'lovfrist'
    ? stateOf({ dueOn: next.dueOn, answeredOn: null, closedOn: null, profile: 'standard' }, on, settings, calendar)
    : simpleStateOf(next.dueOn, on, settings.soonWorkingDays, 'standard', calendar);
  return { ...next, state };
}

/** The full CPR number. Every reveal is recorded, as looking up a CPR is itself processing (GDPR art. 4(2)). */
export function revealCpr(ctx: ServiceContext, id: number): string {
  return ctx.db.transaction(() => {
    const cpr = getCaseCpr(ctx.db, id);
    if (cpr === undefined) throw notFound();
    if (cpr === null) throw new AppError('not_found', 'Der er ikke registreret et CPR-nummer på henvendelsen.');
    appendAudit(ctx.db, { at: nowIso(ctx), actor: ctx.actor(), entity: 'case', entityId: id, caseId: id, action: 'CPR-nummer vist', changes: [] });
    return cpr;
  })();
}

/** The history of a henvendelse, newest first. */
export function getCaseHistory(ctx: ServiceContext, id: number): HistoryEntry[] {
  if (getCaseCpr(ctx.db, id) === undefined) throw notFound();
  return caseHistory(ctx.db, id);
}

/** The sagsnr a new henvendelse received on that date would get now. */
export function nextSagsnr(ctx: ServiceContext, receivedOn: IsoDate): string {
  return queryNextSagsnr(ctx.db, receivedOn);
}

/** One page of the case list; with `report`, of the henvendelser behind that number of the annual report. */
export function listCases(ctx: ServiceContext, query: CaseListQuery): CaseListResult {
  const report = query.report ?? null;
  return queryCases(ctx.db, query, undefined, report === null ? null : reportDrill(ctx, report.query, report.drill));
}
