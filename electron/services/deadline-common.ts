/**
 * What the deadline services share: "today" from the injected clock, the settings and calendar, the
 * graded state of something owed, and the history entry of a deadline event.
 */
import { appendAudit, type AuditChange } from '../../db/queries/audit';
import { setCaseTargetDue } from '../../db/queries/case-deadlines';
import { touchCase } from '../../db/queries/cases';
import { readDeadlineSettings } from '../../db/queries/deadline-settings';
import { formalCitation, ruleHeading, verificationMark, type Rule } from '../../shared/domain/rule';
import { copenhagenDate, formatDanishDate, type IsoDate } from '../../shared/domain/dates';
import type { CaseDeadline, DeadlineSettings, DeadlineStateCode } from '../../shared/domain/deadline-tracking';
import { RequestKind } from '../../shared/domain/deadline-tracking';
import {
  addWorkingDays,
  calendarDaysBetween,
  computeDeadline,
  DeadlineOwnerVocab,
  formatSpec,
  type CalendarProfile,
  type CalendarSettings,
  type ComputeInput,
  type DeadlineExplanation,
  type DeadlineOwner,
  type DeadlineSpec,
} from '../../shared/deadlines';
import type { ServiceContext } from './context';

export function today(ctx: ServiceContext): IsoDate {
  return copenhagenDate(ctx.clock.now());
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.clock.now().toISOString();
}

export function loadSettings(ctx: ServiceContext): DeadlineSettings {
  return readDeadlineSettings(ctx.db);
}

export function calendarOf(settings: DeadlineSettings): CalendarSettings {
  return { closingDays: settings.closingDays };
}

/** What a state is computed from: the due date, how it ended (if it did), and how days are counted. */
export type Owed = Readonly<{ dueOn: IsoDate; answeredOn: IsoDate | null; closedOn: IsoDate | null; profile: CalendarProfile }>;

/**
 * The graded state of something owed, seen on `today`:
 * - answered → besvaret, closed without answer → lukket;
 * - due today or later: snart within `soonWorkingDays` working days of the deadline, else afventer;
 * - passed: længe overskredet once `longOverdueWorkingDays` working days have passed since the
 *   deadline, else overskredet.
 * Working days, not calendar days, so a deadline after Easter does not turn "snart" over the holiday.
 */
export function stateOf(owed: Owed, today: IsoDate, settings: Pick<DeadlineSettings, 'soonWorkingDays' | 'longOverdueWorkingDays'>, calendar: CalendarSettings): DeadlineStateCode {
  if (owed.answeredOn !== null) return 'besvaret';
  if (owed.closedOn !== null) return 'lukket';
  if (today <= owed.dueOn) return isSoon(owed.dueOn, today, settings.soonWorkingDays, owed.profile, calendar) ? 'snart' : 'afventer';
  // "At least N working days after the deadline" as "the N-th working day after it has come": counts
  // N days instead of every day since, which matters for the Frister view's years-old items.
  return addWorkingDays(owed.dueOn, settings.longOverdueWorkingDays, owed.profile, calendar) <= today ? 'laenge_overskredet' : 'overskredet';
}

/**
 * At most `soon` working days after today up to the deadline (today ≤ due): the deadline comes
 * before the (soon + 1)-th working day after today (a deadline on a non-working day included).
 */
function isSoon(dueOn: IsoDate, today: IsoDate, soon: number, profile: CalendarProfile, calendar: CalendarSettings): boolean {
  return dueOn < addWorkingDays(today, soon + 1, profile, calendar);
}

/** The state of a deadline the citizen or the adviser must meet: only snart and overskredet grades. */
export function simpleStateOf(dueOn: IsoDate, today: IsoDate, soonWorkingDays: number, profile: CalendarProfile, calendar: CalendarSettings): DeadlineStateCode {
  if (today > dueOn) return 'overskredet';
  return isSoon(dueOn, today, soonWorkingDays, profile, calendar) ? 'snart' : 'afventer';
}

export function daysLeft(today: IsoDate, dueOn: IsoDate): number {
  return calendarDaysBetween(today, dueOn);
}

/** The computable deadline of a rule, or null when it has none (e.g. "snarest muligt"). */
export function ruleSpec(rule: Rule, profile: CalendarProfile = 'standard'): DeadlineSpec | null {
  const d = rule.deadline;
  if (d === null || d.amount === null || d.unit === null) return null;
  return { amount: d.amount, unit: d.unit, rollForward: d.rollForward, profile };
}

/**
 * How a rule is named in an explanation: the adviser's label and the formal citation a letter prints
 * (legal-rules.md § b.5: law, §, stk. and lovbekendtgørelse, never the web pages used as sources).
 * A rule without a citation (an adviser's own rule) falls back to its law and paragraph.
 */
export function ruleRef(rule: Rule): NonNullable<DeadlineExplanation['rule']> {
  // The adviser's label carries the verification mark: a rule not fully verified is flagged
  // wherever it is shown. The letter form prints only the formal citation.
  const mark = verificationMark(rule.verification);
  return { id: rule.id, label: mark === null ? ruleHeading(rule) : `${ruleHeading(rule)} (${mark})`, citation: formalCitation(rule) };
}

/**
 * What computeDeadline needs to know about a rule's deadline besides its spec: the rule, whose
 * deadline it is (legal-rules.md § b.5), what starts it and what is due on the day, in letter words.
 * `owner` overrides the rule's own (the frist-beregner's "Hvis frist?").
 */
export function ruleDeadlineInput(rule: Rule, owner: DeadlineOwner | null = null): Pick<ComputeInput, 'rule' | 'owner' | 'startEvent' | 'owes'> {
  const d = rule.deadline;
  return { rule: ruleRef(rule), owner: owner ?? d?.owner ?? 'myndighed', startEvent: d?.from ?? '', owes: d?.owes ?? '' };
}

/**
 * The adviser's line saying whose deadline was assumed when none was chosen (the frist-beregner and
 * `ombud deadline`): the rule's own, or without a rule the authority's (legal-rules.md § b.5).
 */
export function assumedOwnerLine(e: DeadlineExplanation, byRule: boolean): string {
  const label = DeadlineOwnerVocab.label(e.owner).toLocaleLowerCase('da-DK');
  return byRule ? `Det er ikke angivet, hvis frist det er, så reglens egen angivelse bruges: ${label}.` : `Det er ikke angivet, hvis frist det er, og uden en regel regnes fristen som en ${label}.`;
}

/** "Anmodning til Social (redegørelse)": how a request is named in the history. */
export function requestLabel(forvaltning: string, kind: (typeof RequestKind.codes)[number]): string {
  return `Anmodning til ${forvaltning} (${RequestKind.importName(kind)})`;
}

/** "12.03.2025 → 26.03.2025". */
export function arrow(before: IsoDate | null, after: IsoDate | null): string {
  return `${formatDanishDate(before)} → ${formatDanishDate(after)}`;
}

export function auditDeadline(
  ctx: ServiceContext,
  e: Readonly<{ entity: string; entityId: number | null; caseId: number; action: string; changes?: ReadonlyArray<AuditChange> }>,
): void {
  const at = nowIso(ctx);
  appendAudit(ctx.db, { at, actor: ctx.actor(), entity: e.entity, entityId: e.entityId, caseId: e.caseId, action: e.action, changes: e.changes ?? [] });
  // What the case's history records, its "senest ændret" shows.
  touchCase(ctx.db, e.caseId, at);
}

/**
 * The adviser's own target for a henvendelse: the target spec counted from its receipt. A local
 * target (owner `maal`, legal-rules.md § b.5): the closing days count, and letters call it a target.
 */
export function targetExplanation(receivedOn: IsoDate, spec: DeadlineSpec, calendar: CalendarSettings): DeadlineExplanation {
  const e = computeDeadline({
    start: receivedOn, spec, calendar, owner: 'maal',
    startEvent: 'modtagelsen af henvendelsen', owes: 'borgerrådgiverens svar på henvendelsen',
  });
  return { ...e, lines: [`Eget mål: henvendelsen afsluttes inden for ${formatSpec(spec)} fra modtagelsen ${formatDanishDate(receivedOn)}.`, ...e.lines] };
}

/**
 * Store a henvendelse's own target after it is created or its receipt date changes, so lists and the
 * Frister overview see it without waiting for the next settings change. Inside the caller's transaction.
 */
export function storeCaseTarget(ctx: ServiceContext, caseId: number, receivedOn: IsoDate): void {
  const settings = loadSettings(ctx);
  const due = settings.adviserTarget === null ? null : targetExplanation(receivedOn, settings.adviserTarget, calendarOf(settings)).due;
  setCaseTargetDue(ctx.db, caseId, due);
}

/**
 * The target as shown on a case: open cases against today; a closed case is besvaret when closed on
 * or before its target, else overskredet.
 */
export function targetDeadline(
  c: Readonly<{ closedOn: IsoDate | null; dueOn: IsoDate; explanation: DeadlineExplanation }>,
  on: IsoDate,
  settings: DeadlineSettings,
): CaseDeadline {
  const state: DeadlineStateCode =
    c.closedOn !== null
      ? c.closedOn <= c.dueOn ? 'besvaret' : 'overskredet'
      : simpleStateOf(c.dueOn, on, settings.soonWorkingDays, c.explanation.spec.profile, calendarOf(settings));
  return { dueOn: c.dueOn, state, daysLeft: daysLeft(on, c.dueOn), explanation: c.explanation };
}

/** An explanation whose computed date differs from the stored one that is kept: say so, show the stored date. */
export function keepStoredDue(e: DeadlineExplanation, storedDue: IsoDate, why: string): DeadlineExplanation {
  if (e.due === storedDue) return e;
  return { ...e, lines: [...e.lines, `Med den nuværende kalender ville fristen være ${formatDanishDate(e.due)}; ${why} ${formatDanishDate(storedDue)}.`], due: storedDue };
}
