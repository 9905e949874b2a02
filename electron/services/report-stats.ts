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
import { loadReportRows, loadTrendRows, readReportSettings, writeReportSettings, type ReportRows } from '../../db/queries/report';
import { CaseType, Channel, Handling, Outcome } from '../../shared/domain/vocab';
import { isWorkingDay, type CalendarSettings } from '../../shared/deadlines';
import { periodLabel, periodProblem, previousPeriod, trendPeriods, type ReportPeriod } from '../../shared/report/period';
import { reportSettingsProblems, type ReportSettings } from '../../shared/report/settings';
import type { ReportDrill, ReportQuery, ReportStats } from '../../shared/report/stats';
import { validationError } from '../../shared/ipc/result';
import type { DeadlineSettings } from '../../shared/domain/deadline-tracking';
import type { ServiceContext } from './context';
import { calendarOf, loadSettings, targetExplanation } from './deadline-common';
import {
  applyFilters,
  caseIdsOf,
  caseInFilter,
  drillKey,
  forvaltningInFilter,
  NO_CHANNEL,
  NO_HANDLING,
  NO_OUTCOME,
  NOT_GIVEN,
  patterns,
  periodStats,
  unitsOf,
  type CaseFact,
  type ClosedFact,
  type PeriodFacts,
  type PointFact,
  type RecommendationFact,
  type RequestFact,
} from './report-facts';

const DAY = 86_400_000;

function dayNumber(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
}

function isoOf(n: number): string {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

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
  for (let i = 1; i < upTo.length; i++) upTo[i] = (upTo[i - 1] as number) + (isWorkingDay(isoOf(lo + i), 'standard', calendar) ? 1 : 0);
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
  const themes = new Map<number, string[]>();
  for (const t of rows.themes) (themes.get(t.point_id) ?? themes.set(t.point_id, []).get(t.point_id))?.push(t.name);
  const breaches = new Map<number, Array<{ ruleId: string; title: string }>>();
  for (const b of rows.breaches) (breaches.get(b.point_id) ?? breaches.set(b.point_id, []).get(b.point_id))?.push({ ruleId: b.rule_id, title: b.title });

  const pointsOf = new Map<number, PointFact[]>();
  for (const p of rows.points) {
    const fact: PointFact = {
      id: p.id,
      caseId: p.case_id,
      receivedOn: received.get(p.case_id) as string,
      forvaltningId: p.forvaltning_id,
      forvaltning: p.forvaltning ?? NOT_GIVEN,
      afdeling: p.afdeling,
      outcome: p.outcome === null ? NO_OUTCOME : Outcome.importName(p.outcome as (typeof Outcome.codes)[number]),
      handling: p.handling === null ? NO_HANDLING : Handling.importName(p.handling as (typeof Handling.codes)[number]),
      competence: p.competence,
      agreed: agreedOf(p.agreed),
      themes: themes.get(p.id) ?? [],
      breached: breaches.get(p.id) ?? [],
    };
    (pointsOf.get(p.case_id) ?? pointsOf.set(p.case_id, []).get(p.case_id))?.push(fact);
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

  // The adviser's own target, counted from receipt by the deadline engine; many henvendelser share a
  // receipt date, so each date is counted once.
  const target = settings.adviserTarget;
  const targets = new Map<string, string>();
  const targetDue = (receivedOn: string): string | null => {
    if (target === null) return null;
    let due = targets.get(receivedOn);
    if (due === undefined) {
      due = targetExplanation(receivedOn, target, calendar).due;
      targets.set(receivedOn, due);
    }
    return due;
  };
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

function periodFacts(ctx: ServiceContext, period: ReportPeriod, settings: DeadlineSettings): PeriodFacts {
  return toFacts(period, loadReportRows(ctx.db, period), settings);
}

/** Henvendelser and klagepunkter per period of the trend, by the same filter predicates as the statistics. */
function trend(ctx: ServiceContext, query: ReportQuery) {
  const periods = trendPeriods(query.period, query.trendPeriods);
  const first = periods[0] as ReportPeriod;
  const rows = loadTrendRows(ctx.db, first.from, query.period.to);
  const points = periods.map(() => ({ henvendelser: 0, klagepunkter: 0 }));
  const typeName = (t: string) => CaseType.importName(t as (typeof CaseType.codes)[number]);
  for (const r of rows) {
    // Periods are consecutive and ordered, so the one a date falls in is found by its end.
    const i = periods.findIndex((p) => r.received_on <= p.to);
    if (i < 0) continue;
    const ids = splitIds(r.forvaltning_ids).map(nullId);
    if (!caseInFilter(typeName(r.type), ids, query.filters)) continue;
    const point = points[i] as { henvendelser: number; klagepunkter: number };
    point.henvendelser++;
    point.klagepunkter += ids.filter((id) => forvaltningInFilter(id, query.filters)).length;
  }
  return periods.map((period, i) => ({ period, label: periodLabel(period), ...(points[i] as { henvendelser: number; klagepunkter: number }) }));
}

/** Every statistic of the report for a period, its previous period, the trend and the patterns. */
export function reportStats(ctx: ServiceContext, query: ReportQuery): ReportStats {
  mustBeValid(query);
  const settings = loadSettings(ctx);
  const hasTarget = settings.adviserTarget !== null;
  const current = applyFilters(periodFacts(ctx, query.period, settings), query.filters);
  const prevPeriod = previousPeriod(query.period);
  const previous = applyFilters(periodFacts(ctx, prevPeriod, settings), query.filters);
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
  const facts = applyFilters(periodFacts(ctx, period, loadSettings(ctx)), query.filters);
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
