/**
 * The deadline settings, the engine as a channel, and the Frister overview: the service behind
 * deadlines:*.
 *
 * Saving the settings recomputes every OPEN deadline (requests neither answered nor closed,
 * klagefrister and targets of open henvendelser, statutory deadlines not yet met) and logs each date
 * that moved in its henvendelse's history. Finished deadlines keep the date they were judged
 * against, so statistics already reported never change behind the adviser's back.
 */
import { appendAudit } from '../../db/queries/audit';
import { getSetting, setSetting } from '../../db/queries/settings';
import { fristCaseDeadlineRows, openCaseDeadlineRows, setCaseTargetDue, setKlagefristDue, type CaseDeadlineRow } from '../../db/queries/case-deadlines';
import { readDeadlineSettings, writeDeadlineSettings } from '../../db/queries/deadline-settings';
import { fristPointDeadlineRows, setPointDeadlineDue, unmetPointDeadlineRows } from '../../db/queries/point-deadlines';
import { followUpRecommendations } from '../../db/queries/recommendations';
import { fristRequestRows, openRequestRows, requestEvents, setRequestDue } from '../../db/queries/requests';
import { getRule } from '../../db/queries/rules';
import { formatDanishDate, isValidIsoDate, type IsoDate } from '../../shared/domain/dates';
import { LOOKAHEAD_MAX, LOOKAHEAD_MESSAGE, LOOKAHEAD_MIN, RequestKind, type AnswerPolicy, type DeadlineSettings, type FristItem, type FristOverview, type FristOverviewQuery } from '../../shared/domain/deadline-tracking';
import type { Recommendation } from '../../shared/domain/recommendation';
import type { Rule } from '../../shared/domain/rule';
import { addCalendarDays, computeDeadline, formatSpec, type DeadlineExplanation, type DeadlineOwner, type DeadlineSpec } from '../../shared/deadlines';
import { validationError } from '../../shared/ipc/result';
import type { ServiceContext } from './context';
import { arrow, assumedOwnerLine, auditDeadline, calendarOf, loadSettings, nowIso, requestLabel, ruleDeadlineInput, ruleRef, ruleSpec, simpleStateOf, stateOf, targetExplanation, today } from './deadline-common';
import { mayNotBind, recomputeStoredKlagefrist } from './klagefrist';
import { currentPointDue, pointDeadlineLabel } from './point-deadlines';
import { computeRequestDue } from './requests';

// ---------------------------------------------------------------------------------------------
// The engine

/**
 * A rule's deadline (its calendar profile from `spec` when given), or an amount and unit. Whose
 * deadline it is (legal-rules.md § b.5): `owner` when chosen, else the rule's own, else a statutory
 * deadline for the authority; the lines say which was used when none was chosen.
 */
export function computeDeadlineFor(
  ctx: ServiceContext,
  q: Readonly<{ from: IsoDate; spec: DeadlineSpec | null; ruleId: string | null; owner: DeadlineOwner | null }>,
): DeadlineExplanation {
  const calendar = calendarOf(loadSettings(ctx));
  if (!isValidIsoDate(q.from)) throw validationError({ from: 'Startdatoen er ikke en gyldig dato.' });
  const chosen = (e: DeadlineExplanation, byRule: boolean): DeadlineExplanation => (q.owner !== null ? e : { ...e, lines: [assumedOwnerLine(e, byRule), ...e.lines] });
  if (q.ruleId !== null) {
    const rule = getRule(ctx.db, q.ruleId);
    if (rule === null) throw validationError({ ruleId: `Reglen "${q.ruleId}" findes ikke i regelkataloget.` });
    const spec = ruleSpec(rule, q.spec?.profile ?? 'standard');
    if (spec === null) throw validationError({ ruleId: `Reglen ${ruleRef(rule).label} har ingen frist, der kan beregnes.` });
    return chosen(computeDeadline({ start: q.from, spec, calendar, ...ruleDeadlineInput(rule, q.owner) }), true);
  }
  if (q.spec === null) throw validationError({ spec: 'Vælg en regel, eller angiv fristens længde og enhed.' });
  return chosen(computeDeadline({ start: q.from, spec: q.spec, calendar, owner: q.owner ?? 'myndighed' }), false);
}

// ---------------------------------------------------------------------------------------------
// Settings

export function getDeadlineSettings(ctx: ServiceContext): DeadlineSettings {
  return readDeadlineSettings(ctx.db);
}

function validateSettings(s: DeadlineSettings): void {
  const errors: Record<string, string> = {};
  if (s.requestDefault.amount < 1) errors['requestDefault.amount'] = 'Standardfristen for en anmodning skal være mindst 1.';
  if (s.adviserTarget !== null && s.adviserTarget.amount < 1) errors['adviserTarget.amount'] = 'Det egne mål skal være mindst 1, eller slås fra.';
  if (s.answerPolicy !== null && s.answerPolicy.amount < 1) errors['answerPolicy.amount'] = 'Svarpolitikkens frist skal være mindst 1, eller slås fra.';
  if (!Number.isInteger(s.lookaheadDays) || s.lookaheadDays < LOOKAHEAD_MIN || s.lookaheadDays > LOOKAHEAD_MAX) errors['lookaheadDays'] = LOOKAHEAD_MESSAGE;
  const seen = new Map<string, number>();
  s.closingDays.forEach((d, i) => {
    if (!isValidIsoDate(d.date)) errors[`closingDays.${i}.date`] = `"${d.date}" er ikke en gyldig dato.`;
    else if (seen.has(d.date)) errors[`closingDays.${i}.date`] = `Lukkedagen ${formatDanishDate(d.date)} står der allerede.`;
    else seen.set(d.date, i);
  });
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

const answerPolicyText = (p: AnswerPolicy | null): string =>
  p === null ? 'ingen' : `${formatSpec({ amount: p.amount, unit: p.unit })}${p.text.trim() === '' ? '' : ` – ${p.text.trim()}`}`;

const specText = (s: DeadlineSpec | null): string => (s === null ? 'intet' : `${formatSpec(s)} (${s.profile}${s.rollForward ? ', flyttes til arbejdsdag' : ''})`);

function settingsChanges(before: DeadlineSettings, after: DeadlineSettings) {
  const rows: Array<[string, string, string]> = [
    ['Standardfrist for anmodninger', specText(before.requestDefault), specText(after.requestDefault)],
    ['Snart (arbejdsdage før)', String(before.soonWorkingDays), String(after.soonWorkingDays)],
    ['Længe overskredet (arbejdsdage efter)', String(before.longOverdueWorkingDays), String(after.longOverdueWorkingDays)],
    ['Eget mål', specText(before.adviserTarget), specText(after.adviserTarget)],
    ['Svarpolitik', answerPolicyText(before.answerPolicy), answerPolicyText(after.answerPolicy)],
    ['Brev formodes modtaget (hverdage)', String(before.letterPresumptionWorkingDays), String(after.letterPresumptionWorkingDays)],
    ['Frister: dage frem', String(before.lookaheadDays), String(after.lookaheadDays)],
    [
      'Lukkedage',
      before.closingDays.map((d) => `${formatDanishDate(d.date)}${d.reason.trim() === '' ? '' : ` (${d.reason.trim()})`}`).join(', '),
      after.closingDays.map((d) => `${formatDanishDate(d.date)}${d.reason.trim() === '' ? '' : ` (${d.reason.trim()})`}`).join(', '),
    ],
  ];
  return rows.filter(([, b, a]) => a !== b).map(([field, b, a]) => ({ field, before: b, after: a }));
}

/** The adviser's own targets by receipt date (open henvendelser; the annual report's closed ones): one engine run per distinct receipt date. */
export function targetComputer(settings: DeadlineSettings): (receivedOn: IsoDate) => IsoDate | null {
  const spec = settings.adviserTarget;
  const memo = new Map<IsoDate, IsoDate>();
  const calendar = calendarOf(settings);
  return (receivedOn) => {
    if (spec === null) return null;
    let due = memo.get(receivedOn);
    if (due === undefined) {
      due = targetExplanation(receivedOn, spec, calendar).due;
      memo.set(receivedOn, due);
    }
    return due;
  };
}

/**
 * Recompute every open deadline under `settings`; each moved date is stored and logged on its case.
 * Returns how many dates moved.
 */
function recomputeOpen(ctx: ServiceContext, settings: DeadlineSettings, cause: string): number {
  const calendar = calendarOf(settings);
  const at = nowIso(ctx);
  let moved = 0;
  const log = (entity: string, entityId: number, caseId: number, what: string, before: IsoDate, after: IsoDate) => {
    moved++;
    auditDeadline(ctx, {
      entity, entityId, caseId,
      action: `Frist genberegnet efter ${cause}: ${arrow(before, after)}`,
      changes: [{ field: what, before: formatDanishDate(before), after: formatDanishDate(after) }],
    });
  };

  for (const r of openRequestRows(ctx.db)) {
    const due = computeRequestDue(r, requestEvents(ctx.db, r.id), calendar).due;
    if (due === r.due_on) continue;
    setRequestDue(ctx.db, r.id, due, at);
    log('request', r.id, r.case_id, requestLabel(r.forvaltning, r.kind), r.due_on, due);
  }

  const rules = new Map<string, Rule | null>();
  const ruleOf = (id: string): Rule | null => {
    if (!rules.has(id)) rules.set(id, getRule(ctx.db, id));
    return rules.get(id) ?? null;
  };
  for (const d of unmetPointDeadlineRows(ctx.db)) {
    const rule = d.rule_id === null ? null : ruleOf(d.rule_id);
    // A rule edited to have no computable deadline (or a svarpolitik switched off) leaves the stored date as it was.
    const due = currentPointDue(d, rule, settings)?.due ?? null;
    if (due === null || due === d.due_on) continue;
    setPointDeadlineDue(ctx.db, d.id, due, at);
    log('point_deadline', d.id, d.case_id, `${d.basis === 'svarpolitik' ? 'Frist' : 'Lovfrist'}: ${pointDeadlineLabel(d, rule)}`, d.due_on, due);
  }

  const target = targetComputer(settings);
  for (const c of openCaseDeadlineRows(ctx.db)) {
    if (c.klagefrist_due !== null) {
      // Counted as the citizen's deadline (owner borger) by klagefrist.ts, like when it was recorded.
      const due = recomputeStoredKlagefrist(ctx, c, settings)?.due ?? null;
      if (due !== null && due !== c.klagefrist_due) {
        setKlagefristDue(ctx.db, c.id, due);
        log('case', c.id, c.id, 'Klagefrist', c.klagefrist_due, due);
      }
    }
    const due = target(c.received_on);
    if (due !== c.target_due) {
      setCaseTargetDue(ctx.db, c.id, due);
      // Switching the target on or off is one settings change, logged once with the settings, not
      // on every open henvendelse; a target that moves is logged on its case.
      if (due !== null && c.target_due !== null) log('case', c.id, c.id, 'Eget mål', c.target_due, due);
    }
  }
  return moved;
}

export function saveDeadlineSettings(ctx: ServiceContext, settings: DeadlineSettings): { settings: DeadlineSettings; recomputed: number } {
  return ctx.db.transaction(() => {
    validateSettings(settings);
    const before = readDeadlineSettings(ctx.db);
    writeDeadlineSettings(ctx.db, settings, nowIso(ctx));
    const after = readDeadlineSettings(ctx.db);
    const changes = settingsChanges(before, after);
    if (changes.length > 0) {
      appendAudit(ctx.db, { at: nowIso(ctx), actor: ctx.actor(), entity: 'settings', entityId: null, caseId: null, action: 'Fristindstillinger ændret', changes });
    }
    const dates = (s: DeadlineSettings) => s.closingDays.map((d) => d.date).join(',');
    const recomputed = recomputeOpen(ctx, after, dates(before) !== dates(after) ? 'ændret kalender' : 'ændrede fristindstillinger');
    return { settings: after, recomputed };
  })();
}

/**
 * The version of the counting rules. Raise it whenever a change to the engine or to who owns which
 * deadline can move a stored date; the next start then recomputes every open deadline once and logs
 * each moved date on its case. Version 2: whose deadline it is decides the calendar (legal-rules.md
 * § b.5) – a klagefrist or statutory deadline stored by version 1 may have been extended by the
 * municipality's closing days, which would show the citizen a later date than the law allows.
 */
export const DEADLINE_COUNTING_VERSION = 2;

/**
 * At start: recompute the open deadlines once when they were stored under older counting rules.
 * Returns how many dates moved. A database that has never stored a version is treated as version 1
 * (a new, empty one has nothing to recompute).
 */
export function upgradeDeadlineCounting(ctx: ServiceContext): number {
  const stored = Number(getSetting(ctx.db, 'deadline_counting_version') ?? '1');
  if (stored >= DEADLINE_COUNTING_VERSION) return 0;
  return ctx.db.transaction(() => {
    const moved = recomputeOpen(ctx, readDeadlineSettings(ctx.db), 'nye regler for, hvis frist det er (borgerens, lovbestemt eller lokal målsætning)');
    setSetting(ctx.db, 'deadline_counting_version', String(DEADLINE_COUNTING_VERSION));
    return moved;
  })();
}

// ---------------------------------------------------------------------------------------------
// The Frister overview

function byDue(a: FristItem, b: FristItem): number {
  return a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.sagsnr.localeCompare(b.sagsnr, 'da') || a.kind.localeCompare(b.kind);
}

/** The klagefrist's line: says when it may not bind the citizen (no correct klagevejledning, FVL § 25). */
function klagefristTitle(c: CaseDeadlineRow): string {
  return mayNotBind(c) ? 'Borgerens klagefrist (klagevejledning mangelfuld eller ukendt – kan muligvis ikke gøres gældende)' : 'Borgerens klagefrist';
}

const EXCERPT_LENGTH = 60;

/** "Opfølgning på henstilling af 02.06.2025 (klagepunkt 1): Genoptag sagen …": which one, at a glance. */
function followUpTitle(r: Recommendation): string {
  const text = r.text.replace(/\s+/g, ' ').trim();
  const excerpt = text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH).trimEnd()} …` : text;
  const point = r.pointPosition === null ? '' : ` (klagepunkt ${r.pointPosition})`;
  return `Opfølgning på henstilling af ${formatDanishDate(r.givenOn)}${point}${excerpt === '' ? '' : `: ${excerpt}`}`;
}

/**
 * Every open item that is owed on an open henvendelse (of one adviser's when `adviserId` is given),
 * with its state. A closed henvendelse drops out entirely: what is still open on it was resolved or
 * confirmed when it was closed.
 */
function openItems(ctx: ServiceContext, settings: DeadlineSettings, on: IsoDate, adviserId: number | null): Array<FristItem & { forvaltningId: number | null }> {
  const calendar = calendarOf(settings);
  const items: Array<FristItem & { forvaltningId: number | null }> = [];
  for (const r of fristRequestRows(ctx.db, adviserId)) {
    items.push({
      kind: 'anmodning', caseId: r.case_id, sagsnr: r.sagsnr, title: `${RequestKind.label(r.kind)} fra ${r.forvaltning}`, forvaltning: r.forvaltning,
      forvaltningId: r.forvaltning_id, dueOn: r.due_on,
      state: stateOf({ dueOn: r.due_on, answeredOn: null, closedOn: null, profile: r.profile }, on, settings, calendar),
    });
  }
  const labels = new Map<string, string>();
  for (const d of fristPointDeadlineRows(ctx.db, adviserId)) {
    // The svarpolitik has no rule: '' is its key.
    const key = d.rule_id ?? '';
    if (!labels.has(key)) labels.set(key, pointDeadlineLabel(d, d.rule_id === null ? null : getRule(ctx.db, d.rule_id)));
    items.push({
      kind: 'lovfrist', caseId: d.case_id, sagsnr: d.sagsnr, title: `Klagepunkt ${d.point_position}: ${labels.get(key) ?? key}`, forvaltning: d.forvaltning,
      forvaltningId: d.forvaltning_id, dueOn: d.due_on,
      state: stateOf({ dueOn: d.due_on, answeredOn: null, closedOn: null, profile: 'standard' }, on, settings, calendar),
    });
  }
  const target = targetComputer(settings);
  const caseItem = (c: CaseDeadlineRow, kind: 'klagefrist' | 'eget_maal', dueOn: IsoDate) => ({
    kind, caseId: c.id, sagsnr: c.sagsnr, title: kind === 'klagefrist' ? klagefristTitle(c) : 'Eget mål for henvendelsen', forvaltning: null,
    forvaltningId: null, dueOn, state: simpleStateOf(dueOn, on, settings.soonWorkingDays, 'standard', calendar),
  });
  for (const c of fristCaseDeadlineRows(ctx.db, adviserId)) {
    if (c.klagefrist_due !== null) items.push(caseItem(c, 'klagefrist', c.klagefrist_due));
    // From the receipt date, like klagefrist.get: right even for a case whose stored target predates an edit.
    const due = target(c.received_on);
    if (due !== null) items.push(caseItem(c, 'eget_maal', due));
  }
  for (const r of followUpRecommendations(ctx.db, adviserId)) {
    if (r.followUpOn === null) continue;
    // A date the adviser chose to look again, not a deadline anyone owes by law: graded like the target.
    items.push({
      kind: 'henstilling', caseId: r.caseId, sagsnr: r.sagsnr, title: followUpTitle(r), forvaltning: r.forvaltning,
      forvaltningId: r.forvaltningId, dueOn: r.followUpOn, state: simpleStateOf(r.followUpOn, on, settings.soonWorkingDays, 'standard', calendar),
    });
  }
  return items;
}

/**
 * The Frister overview: overdue, due today and due within the next `lookaheadDays` calendar days
 * (the setting; today + N included), with the open and overdue items per forvaltning. Filtered to
 * the henvendelser of one adviser when `adviserId` is given ("Mine sager" or a colleague's).
 */
export function getFristOverview(ctx: ServiceContext, q: FristOverviewQuery = { adviserId: null }): FristOverview {
  const settings = loadSettings(ctx);
  const on = today(ctx);
  const last = addCalendarDays(on, settings.lookaheadDays);
  const items = openItems(ctx, settings, on, q.adviserId).sort(byDue);
  const strip = ({ forvaltningId: _id, ...item }: FristItem & { forvaltningId: number | null }): FristItem => item;
  const forvaltninger = new Map<number, { forvaltningId: number; forvaltning: string; open: number; overdue: number }>();
  for (const item of items) {
    if (item.forvaltningId === null || item.forvaltning === null) continue;
    let f = forvaltninger.get(item.forvaltningId);
    if (f === undefined) {
      f = { forvaltningId: item.forvaltningId, forvaltning: item.forvaltning, open: 0, overdue: 0 };
      forvaltninger.set(item.forvaltningId, f);
    }
    f.open++;
    if (item.dueOn < on) f.overdue++;
  }
  return {
    today: on,
    lookaheadDays: settings.lookaheadDays,
    overdue: items.filter((i) => i.dueOn < on).map(strip),
    dueToday: items.filter((i) => i.dueOn === on).map(strip),
    ahead: items.filter((i) => i.dueOn > on && i.dueOn <= last).map(strip),
    byForvaltning: [...forvaltninger.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.forvaltning.localeCompare(b.forvaltning, 'da')),
  };
}

/** The desktop notification at start-up, or null when nothing is due today or overdue. */
export function startupNotice(o: FristOverview): { title: string; body: string } | null {
  if (o.dueToday.length === 0 && o.overdue.length === 0) return null;
  const parts: string[] = [];
  if (o.dueToday.length > 0) parts.push(o.dueToday.length === 1 ? '1 frist udløber i dag' : `${o.dueToday.length} frister udløber i dag`);
  if (o.overdue.length > 0) parts.push(o.overdue.length === 1 ? '1 frist er overskredet' : `${o.overdue.length} frister er overskredet`);
  // Sagsnumre only: a notification may show on a locked screen.
  const today = o.dueToday.slice(0, 3).map((i) => i.sagsnr);
  const more = o.dueToday.length > 3 ? ' …' : '';
  return {
    title: 'Ombud – frister i dag',
    body: `${parts.join(', og ')}.${today.length > 0 ? ` I dag: ${today.join(', ')}${more}.` : ''} Se Frister i Ombud.`,
  };
}

