/**
 * The annual report's statistics (shared/report/stats.ts) and their drill-down: the service behind
 * report:stats, report:drill, report:settings and report:save-settings, and `ombud report --json`.
 *
 * The rows of a period (db/queries/report.ts) become facts here – import-format keys, working days on
 * the deadline engine's calendar, the adviser's own target from the deadline engine – and
 * ./report-facts.ts counts them. `reportStats` and `reportDrill` go through the same facts and the
 * same metric functions, so the cases a number opens are the cases it counted.
 */
import { appendAudit, type AuditChange } from '../../db/queries/audit';
import { loadReportRows, loadTrendRows, readReportSettings, RULE_ID_SEPARATOR, writeReportSettings, type ReportRows } from '../../db/queries/report';
import { CaseType, Channel, Handling, Outcome } from '../../shared/domain/vocab';
import { isWorkingDay, type CalendarSettings } from '../../shared/deadlines';
import { dayNumber, fromDayNumber } from '../../shared/deadlines/calendar';
import { periodLabel, periodProblem, previousPeriod, trendPeriods, type ReportPeriod } from '../../shared/report/period';
import { reportSettingsProblems, type ReportSettings } from '../../shared/report/settings';
import type { ReportDrill, ReportFilters, ReportQuery, ReportStats } from '../../shared/report/stats';
import { validationError } from '../../shared/ipc/result';
import type { DeadlineSettings } from '../../shared/domain/deadline-tracking';
import type { ServiceContext } from './context';
import { calendarOf, loadSettings } from './deadline-common';
import { targetComputer } from './deadlines';
import {
  applyFilters,
  caseIdsOf,
  drillKey,
  NO_CHANNEL,
  NO_HANDLING,
  NO_OUTCOME,
  NOT_GIVEN,
  patterns,
  periodStats,
  typeInFilter,
  unitsOf,
  type CaseFact,
  type ClosedFact,
  type PeriodFacts,
  type PointFact,
  type RecommendationFact,
  type RequestFact,
} from './report-facts';

/**
 * Working days after one date up to and including another, on the calendar the statistics count in
 * (profile `standard` plus the municipality's closing days: the deadline engine's `isWorkingDay`).
 * A running count over the days the period's facts span, so each span costs two look-ups rather
 * than a walk over its days (a year's requests and closed henvendelser are tens of thousands).
 */
export function workingDayCounter(calendar: CalendarSettings, dates: readonly string[]): (from: string, to: string) => number {
  if (dates.length === 0) return () => 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of dates) {
    const n = dayNumber(d);
    if (n < lo) lo = n;
    if (n > hi) hi = n;
  }
  // upTo[i]: working days on lo+1 … lo+i.
  const upTo = new Int32Array(hi - lo + 1);
  for (let i = 1; i < upTo.length; i++) upTo[i] = (upTo[i - 1] as number) + (isWorkingDay(fromDayNumber(lo + i), 'standard', calendar) ? 1 : 0);
  return (from, to) => (upTo[dayNumber(to) - lo] as number) - (upTo[dayNumber(from) - lo] as number);
}

function splitIds(joined: string | null): number[] {
  // 0 stands for a klagepunkt without forvaltning (db/queries/report.ts).
  return joined === null ? [] : joined.split(',').map(Number);
}

const nullId = (id: number): number | null => (id === 0 ? null : id);

const agreedOf = (a: 0 | 1 | null) => (a === null ? 'ukendt' : a === 1 ? 'ja' : 'nej') as PointFact['agreed'];
const recStatus = { fulgt: 'fulgt', ikke_fulgt: 'ikkeFulgt', afventer: 'afventer' } as const;

/** The rows of a period as facts: keys as the import format writes them, working days and targets counted. */
export function toFacts(period: ReportPeriod, rows: ReportRows, settings: DeadlineSettings): PeriodFacts {
  const calendar = calendarOf(settings);
  const received = new Map(rows.cases.map((c) => [c.id, c.received_on]));
  const names = rows.names;
  const themeNames = (ids: string | null): string[] => (ids === null ? [] : ids.split(',').map((id) => names.themes.get(Number(id)) ?? ''));
  const breachesOf = (ids: string | null) =>
    ids === null ? [] : ids.split(RULE_ID_SEPARATOR).map((ruleId) => ({ ruleId, title: names.ruleTitles.get(ruleId) ?? ruleId }));
  const nameOf = (map: ReadonlyMap<number, string>, id: number | null): string | null => (id === null ? null : map.get(id) ?? null);

  const pointsOf = new Map<number, PointFact[]>();
  for (const [id, caseId, forvaltningId, afdelingId, outcome, handling, competenceReasonId, agreed, themeIds, breachedRuleIds] of rows.points) {
    const fact: PointFact = {
      id,
      caseId,
      receivedOn: received.get(caseId) as string,
      forvaltningId,
      forvaltning: nameOf(names.forvaltninger, forvaltningId) ?? NOT_GIVEN,
      afdeling: nameOf(names.afdelinger, afdelingId),
      outcome: outcome === null ? NO_OUTCOME : Outcome.importName(outcome as (typeof Outcome.codes)[number]),
      handling: handling === null ? NO_HANDLING : Handling.importName(handling as (typeof Handling.codes)[number]),
      competence: nameOf(names.competenceReasons, competenceReasonId),
      agreed: agreedOf(agreed),
      themes: themeNames(themeIds),
      breached: breachesOf(breachedRuleIds),
    };
    (pointsOf.get(caseId) ?? pointsOf.set(caseId, []).get(caseId))?.push(fact);
  }
  const recsOf = new Map<number, RecommendationFact[]>();
  for (const r of rows.recommendations) {
    const fact: RecommendationFact = { caseId: r.case_id, receivedOn: received.get(r.case_id) as string, forvaltningId: r.forvaltning_id, status: recStatus[r.status] };
    (recsOf.get(r.case_id) ?? recsOf.set(r.case_id, []).get(r.case_id))?.push(fact);
  }
  const typeName = (t: string) => CaseType.importName(t as (typeof CaseType.codes)[number]);
  const cases: CaseFact[] = rows.cases.map((c) => ({
    caseId: c.id,
    receivedOn: c.received_on,
    type: typeName(c.type),
    channel: c.channel === null ? NO_CHANNEL : Channel.importName(c.channel as (typeof Channel.codes)[number]),
    points: pointsOf.get(c.id) ?? [],
    recommendations: recsOf.get(c.id) ?? [],
  }));

  const spanDates: string[] = [];
  for (const r of rows.requests) if (r.answered_on !== null) spanDates.push(r.sent_on, r.answered_on);
  for (const c of rows.closed) spanDates.push(c.received_on, c.closed_on);
  const workingDays = workingDayCounter(calendar, spanDates);

  const requests: RequestFact[] = rows.requests.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    receivedOn: r.received_on,
    type: typeName(r.type),
    forvaltningId: r.forvaltning_id,
    sentOn: r.sent_on,
    answeredOn: r.answered_on,
    dueOn: r.due_on,
    workingDays: r.answered_on === null ? null : workingDays(r.sent_on, r.answered_on),
  }));

  // The adviser's own target, counted from receipt by the deadline engine as the Frister view counts it.
  const targetDue = targetComputer(settings);
  const closed: ClosedFact[] = rows.closed.map((c) => ({
    caseId: c.id,
    receivedOn: c.received_on,
    type: typeName(c.type),
    forvaltningIds: splitIds(c.forvaltning_ids).map(nullId).filter((id): id is number => id !== null),
    closedOn: c.closed_on,
    workingDays: workingDays(c.received_on, c.closed_on),
    targetDue: targetDue(c.received_on),
  }));
  return { period, cases, requests, closed };
}

function mustBeValid(query: ReportQuery): void {
  const problem = periodProblem(query.period);
  if (problem !== null) throw validationError({ period: problem }, problem);
}

function periodFacts(ctx: ServiceContext, period: ReportPeriod, settings: DeadlineSettings, filters: ReportFilters): PeriodFacts {
  return toFacts(period, loadReportRows(ctx.db, period, filters.forvaltningId), settings);
}

/**
 * Henvendelser and klagepunkter per period of the trend. Counted in SQL per day and type (the trend
 * spans up to ten years), by the same filter as the statistics: a henvendelse of a chosen type and,
 * with a forvaltning chosen, with a klagepunkt of it, and only its klagepunkter (db/queries/report.ts).
 */
function trend(ctx: ServiceContext, query: ReportQuery) {
  const periods = trendPeriods(query.period, query.trendPeriods);
  const first = periods[0] as ReportPeriod;
  const counts = periods.map(() => ({ henvendelser: 0, klagepunkter: 0 }));
  const typeName = (t: string) => CaseType.importName(t as (typeof CaseType.codes)[number]);
  for (const r of loadTrendRows(ctx.db, first.from, query.period.to, query.filters.forvaltningId)) {
    if (!typeInFilter(typeName(r.type), query.filters)) continue;
    // Periods are consecutive and ordered, so the one a day falls in is the first that ends on or after it.
    const c = counts[periods.findIndex((p) => r.day <= p.to)];
    if (c === undefined) continue;
    c.henvendelser += r.henvendelser;
    c.klagepunkter += r.klagepunkter;
  }
  return periods.map((period, i) => ({ period, label: periodLabel(period), ...(counts[i] as { henvendelser: number; klagepunkter: number }) }));
}

/** Every statistic of the report for a period, its previous period, the trend and the patterns. */
export function reportStats(ctx: ServiceContext, query: ReportQuery): ReportStats {
  mustBeValid(query);
  const settings = loadSettings(ctx);
  const hasTarget = settings.adviserTarget !== null;
  const current = applyFilters(periodFacts(ctx, query.period, settings, query.filters), query.filters);
  const prevPeriod = previousPeriod(query.period);
  const previous = applyFilters(periodFacts(ctx, prevPeriod, settings, query.filters), query.filters);
  const stats = periodStats(current, hasTarget);
  return {
    ...stats,
    label: periodLabel(query.period),
    filters: query.filters,
    minN: query.minN,
    patternMin: query.patternMin,
    previous: { ...periodStats(previous, hasTarget), label: periodLabel(prevPeriod) },
    trend: trend(ctx, query),
    patterns: patterns(current, stats, query.patternMin),
  };
}

/** The henvendelser behind one number of `reportStats(query)`, newest received first. */
export function reportDrill(ctx: ServiceContext, query: ReportQuery, drill: ReportDrill): number[] {
  mustBeValid(query);
  const period = drill.which === 'previous' ? previousPeriod(query.period) : query.period;
  const facts = applyFilters(periodFacts(ctx, period, loadSettings(ctx), query.filters), query.filters);
  return caseIdsOf(unitsOf(facts, drill.metric, drillKey(drill)));
}

export function reportSettings(ctx: ServiceContext): ReportSettings {
  return readReportSettings(ctx.db);
}

const SETTING_LABELS: Readonly<Record<keyof ReportSettings, string>> = {
  startMonth: 'Årsberetningens startmåned',
  minN: 'Mindste antal for en andel',
  patternMin: 'Mindste antal for et mønster',
};

/** Validated in Danish, stored with its audit entry in one transaction. */
export function saveReportSettings(ctx: ServiceContext, input: Readonly<Record<keyof ReportSettings, unknown>>): ReportSettings {
  const problems = reportSettingsProblems(input);
  if (Object.keys(problems).length > 0) throw validationError(problems as Record<string, string>);
  const next: ReportSettings = { startMonth: input.startMonth as number, minN: input.minN as number, patternMin: input.patternMin as number };
  ctx.db.transaction(() => {
    const before = readReportSettings(ctx.db);
    const at = ctx.clock.now().toISOString();
    writeReportSettings(ctx.db, next, at);
    const changes: AuditChange[] = (Object.keys(SETTING_LABELS) as Array<keyof ReportSettings>)
      .filter((k) => before[k] !== next[k])
      .map((k) => ({ field: SETTING_LABELS[k], before: String(before[k]), after: String(next[k]) }));
    if (changes.length > 0) appendAudit(ctx.db, { at, actor: ctx.actor(), entity: 'report_settings', entityId: null, caseId: null, action: 'Indstillinger for årsberetningen ændret', changes });
  })();
  return reportSettings(ctx);
}
