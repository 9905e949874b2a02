/**
 * The annual report's counting, as pure functions over the rows of one period ("one path per fact").
 * Every number in `PeriodStats` is the size of a set of units (henvendelser, klagepunkter,
 * henstillinger, requests, closed henvendelser) chosen by a metric's `keys`, and the drill-down
 * returns the henvendelser of the SAME set, chosen by the same function: `reportStats` counts with
 * `tally`/`unitsOf`, `reportDrill` lists with `unitsOf`. So a number and the cases behind it cannot
 * disagree (shared/report/stats.ts holds the definitions in words).
 */
import { CaseType, Channel, Handling, Outcome } from '../../shared/domain/vocab';
import type { ReportDrill, ReportFilters, PeriodStats } from '../../shared/report/stats';
import type { ReportPeriod } from '../../shared/report/period';

/** What a klagepunkt without forvaltning, afdeling or rule title is called. */
export const NOT_GIVEN = 'Ikke angivet';
export const NO_CHANNEL = 'ukendt';
export const NO_OUTCOME = 'ikke afgjort';
export const NO_HANDLING = 'ikke angivet';

type Unit = Readonly<{ caseId: number; receivedOn: string }>;

export type PointFact = Unit & Readonly<{
  id: number;
  forvaltningId: number | null;
  forvaltning: string;
  /** null: no afdeling (shown as "Ikke angivet", never a pattern). */
  afdeling: string | null;
  /** Import-format values (`alvorlig kritik`), or NO_OUTCOME / NO_HANDLING. */
  outcome: string;
  handling: string;
  competence: string | null;
  agreed: 'ja' | 'nej' | 'ukendt';
  themes: readonly string[];
  breached: ReadonlyArray<Readonly<{ ruleId: string; title: string }>>;
}>;
export type RecommendationFact = Unit & Readonly<{ forvaltningId: number; status: 'fulgt' | 'ikkeFulgt' | 'afventer' }>;
/** A henvendelse received in the period; `type` and `channel` as import values. */
export type CaseFact = Unit & Readonly<{ type: string; channel: string; points: readonly PointFact[]; recommendations: readonly RecommendationFact[] }>;
/** A request sent in the period: `dueOn` is the deadline in force (extensions included) the app stored. */
export type RequestFact = Unit & Readonly<{ id: number; type: string; forvaltningId: number; sentOn: string; answeredOn: string | null; dueOn: string; workingDays: number | null }>;
/**
 * A henvendelse closed in the period: working days, own target (null: none), and its klagepunkter's
 * forvaltninger (read only for a forvaltning filter, db/queries/report.ts; empty otherwise).
 */
export type ClosedFact = Unit & Readonly<{ type: string; forvaltningIds: readonly number[]; closedOn: string; workingDays: number; targetDue: string | null }>;

export type PeriodFacts = Readonly<{ period: ReportPeriod; cases: readonly CaseFact[]; requests: readonly RequestFact[]; closed: readonly ClosedFact[] }>;

/** The facts left after the filters, with the klagepunkter and henstillinger flattened once. */
export type FilteredFacts = PeriodFacts & Readonly<{ points: readonly PointFact[]; recommendations: readonly RecommendationFact[] }>;

/** A henvendelse of the chosen types (none chosen: all). */
export function typeInFilter(type: string, f: ReportFilters): boolean {
  return f.types.length === 0 || (f.types as readonly string[]).includes(type);
}

/** A klagepunkt, henstilling or request of the chosen forvaltning (none chosen: all). */
export function forvaltningInFilter(forvaltningId: number | null, f: ReportFilters): boolean {
  return f.forvaltningId === null || forvaltningId === f.forvaltningId;
}

/** A henvendelse the filters keep: of a chosen type and, with a forvaltning chosen, having a klagepunkt of it. */
export function caseInFilter(type: string, pointForvaltningIds: ReadonlyArray<number | null>, f: ReportFilters): boolean {
  return typeInFilter(type, f) && (f.forvaltningId === null || pointForvaltningIds.some((id) => forvaltningInFilter(id, f)));
}

export function applyFilters(facts: PeriodFacts, f: ReportFilters): FilteredFacts {
  const cases: CaseFact[] = [];
  for (const c of facts.cases) {
    if (!caseInFilter(c.type, c.points.map((p) => p.forvaltningId), f)) continue;
    cases.push(f.forvaltningId === null ? c : {
      ...c,
      points: c.points.filter((p) => forvaltningInFilter(p.forvaltningId, f)),
      recommendations: c.recommendations.filter((r) => forvaltningInFilter(r.forvaltningId, f)),
    });
  }
  return {
    period: facts.period,
    cases,
    points: cases.flatMap((c) => c.points),
    recommendations: cases.flatMap((c) => c.recommendations),
    requests: facts.requests.filter((r) => typeInFilter(r.type, f) && forvaltningInFilter(r.forvaltningId, f)),
    closed: facts.closed.filter((c) => caseInFilter(c.type, c.forvaltningIds, f)),
  };
}

/** Composite keys (afdeling, heatmap cell, pattern): parts joined by a character no name contains. */
export function compositeKey(...parts: ReadonlyArray<string | null>): string {
  return parts.map((p) => p ?? '').join('\u001f');
}

/** The request was answered no later than its deadline in force. */
export function answeredOnTime(r: RequestFact): boolean {
  return r.answeredOn !== null && r.answeredOn <= r.dueOn;
}

/** Closed no later than the adviser's own target (a henvendelse without a target is not within it). */
export function closedWithinTarget(c: ClosedFact): boolean {
  return c.targetDue !== null && c.closedOn <= c.targetDue;
}

/**
 * A metric: its units and, for a breakdown, the keys a unit counts under (once each). With a key,
 * the units under that key; without one, every unit (a breakdown: those with at least one key).
 */
type Metric<U extends Unit> = Readonly<{ units: (f: FilteredFacts) => readonly U[]; keys?: (u: U) => readonly string[] }>;

/** A metric over units of one kind, stored beside the others (its keys only ever see its own units). */
function metric<U extends Unit>(units: (f: FilteredFacts) => readonly U[], keys?: (u: U) => readonly string[]): Metric<Unit> {
  return { units, keys: keys as ((u: Unit) => readonly string[]) | undefined };
}

const cases = (f: FilteredFacts) => f.cases;
const points = (f: FilteredFacts) => f.points;

export const METRICS: Readonly<Record<ReportDrill['metric'], Metric<Unit>>> = {
  henvendelser: metric(cases),
  type: metric(cases, (c: CaseFact) => [c.type]),
  channel: metric(cases, (c: CaseFact) => [c.channel]),
  klagepunkter: metric(points),
  forvaltning: metric(points, (p: PointFact) => [p.forvaltning]),
  afdeling: metric(points, (p: PointFact) => [compositeKey(p.forvaltning, p.afdeling ?? NOT_GIVEN)]),
  tema: metric(points, (p: PointFact) => p.themes),
  rule: metric(points, (p: PointFact) => p.breached.map((b) => b.ruleId)),
  outcome: metric(points, (p: PointFact) => [p.outcome]),
  agreed: metric(points, (p: PointFact) => [p.agreed]),
  handling: metric(points, (p: PointFact) => [p.handling]),
  competence: metric(points, (p: PointFact) => (p.competence === null ? [] : [p.competence])),
  henstillinger: metric((f) => f.recommendations, (r: RecommendationFact) => [r.status]),
  egenDrift: metric((f) => f.cases.filter((c) => c.type === CaseType.importName('egen_drift'))),
  requests: metric((f) => f.requests),
  answered: metric((f) => f.requests.filter((r) => r.answeredOn !== null)),
  onTime: metric((f) => f.requests.filter(answeredOnTime)),
  unanswered: metric((f) => f.requests.filter((r) => r.answeredOn === null)),
  closed: metric((f) => f.closed),
  withinTarget: metric((f) => f.closed.filter(closedWithinTarget)),
  heatmap: metric(points, (p: PointFact) => p.breached.map((b) => compositeKey(p.forvaltning, b.ruleId))),
  pattern: metric(points, (p: PointFact) => (p.afdeling === null ? [] : p.breached.map((b) => compositeKey(p.forvaltning, p.afdeling, b.ruleId)))),
};

/** The key a drill-down names, composed like the metric's keys. */
export function drillKey(d: Pick<ReportDrill, 'metric' | 'key' | 'key2' | 'ruleId'>): string | null {
  if (d.key === null) return null;
  if (d.metric === 'afdeling') return compositeKey(d.key, d.key2 ?? NOT_GIVEN);
  if (d.metric === 'heatmap') return compositeKey(d.key, d.ruleId);
  if (d.metric === 'pattern') return compositeKey(d.key, d.key2, d.ruleId);
  return d.key;
}

/** The units a number counts: of the metric, under `key` (null: all). */
export function unitsOf(f: FilteredFacts, metric: ReportDrill['metric'], key: string | null): readonly Unit[] {
  const m = METRICS[metric];
  const all = m.units(f);
  const keys = m.keys;
  if (keys === undefined) return all;
  return key === null ? all.filter((u) => keys(u).length > 0) : all.filter((u) => keys(u).includes(key));
}

/** The units under each key, in one pass (a unit once under each of its keys): `unitsOf` for every key at once. */
export function unitsByKey(f: FilteredFacts, metric: ReportDrill['metric']): Map<string, Unit[]> {
  const m = METRICS[metric];
  const out = new Map<string, Unit[]>();
  const keys = m.keys;
  if (keys === undefined) return out;
  for (const u of m.units(f)) {
    for (const k of new Set(keys(u))) {
      const list = out.get(k);
      if (list === undefined) out.set(k, [u]);
      else list.push(u);
    }
  }
  return out;
}

/** How many units count under each key. */
export function tally(f: FilteredFacts, metric: ReportDrill['metric']): Map<string, number> {
  return new Map([...unitsByKey(f, metric)].map(([k, units]) => [k, units.length]));
}

/** The henvendelser behind units, each once, newest received first (then the highest id). */
export function caseIdsOf(units: readonly Unit[]): number[] {
  const received = new Map<number, string>();
  for (const u of units) received.set(u.caseId, u.receivedOn);
  return [...received.keys()].sort((a, b) => {
    const ra = received.get(a) as string;
    const rb = received.get(b) as string;
    return ra === rb ? b - a : ra < rb ? 1 : -1;
  });
}

/** The median; of an even count the mean of the middle two; null of none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const collator = new Intl.Collator('da');

/** By count, most first, then by name in Danish order. */
export function byCountThenName<T>(count: (t: T) => number, name: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => count(b) - count(a) || collator.compare(name(a), name(b));
}

/** Every key of a vocabulary (import values) plus the "none" key present, 0 when none. */
function allKeys(keys: readonly string[], counts: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys) out[k] = counts.get(k) ?? 0;
  return out;
}

function sortedCounts(counts: ReadonlyMap<string, number>): Array<[string, number]> {
  return [...counts].sort(byCountThenName(([, n]) => n, ([k]) => k));
}

/** The statistics of one period from its filtered facts. `hasTarget`: the adviser has set an own target. */
export function periodStats(f: FilteredFacts, hasTarget: boolean): PeriodStats {
  const count = (metric: ReportDrill['metric'], key: string | null = null) => unitsOf(f, metric, key).length;
  const klageType = CaseType.importName('klage');
  const klager = f.cases.filter((c) => c.type === klageType);
  const klagePoints = klager.reduce((n, c) => n + c.points.length, 0);

  const afdelinger = tally(f, 'afdeling');
  const byForvaltning = sortedCounts(tally(f, 'forvaltning')).map(([forvaltning, n]) => ({
    forvaltning,
    klagepunkter: n,
    afdelinger: [...afdelinger]
      .filter(([k]) => k.startsWith(compositeKey(forvaltning, '')))
      .map(([k, m]) => ({ afdeling: k.slice(compositeKey(forvaltning, '').length), klagepunkter: m }))
      .sort(byCountThenName((a) => a.klagepunkter, (a) => a.afdeling)),
  }));

  const titles = new Map<string, string>();
  for (const p of f.points) for (const b of p.breached) titles.set(b.ruleId, b.title);
  const rulesBreached = [...tally(f, 'rule')]
    .map(([ruleId, n]) => ({ ruleId, title: titles.get(ruleId) ?? ruleId, klagepunkter: n }))
    .sort(byCountThenName((r) => r.klagepunkter, (r) => r.title));

  const agreed = tally(f, 'agreed');
  const recs = tally(f, 'henstillinger');
  const answered = unitsOf(f, 'answered', null) as readonly RequestFact[];
  const closed = unitsOf(f, 'closed', null) as readonly ClosedFact[];
  return {
    period: f.period,
    henvendelser: {
      total: count('henvendelser'),
      byType: allKeys(CaseType.entries.map((e) => e.importName), tally(f, 'type')),
      byChannel: allKeys([...Channel.entries.map((e) => e.importName), NO_CHANNEL], tally(f, 'channel')),
    },
    klagepunkter: { total: count('klagepunkter'), perKlage: klager.length === 0 ? null : klagePoints / klager.length },
    byForvaltning,
    byTema: sortedCounts(tally(f, 'tema')).map(([tema, n]) => ({ tema, klagepunkter: n })),
    rulesBreached,
    outcomes: allKeys([...Outcome.entries.map((e) => e.importName), NO_OUTCOME], tally(f, 'outcome')),
    forvaltningAgreed: { ja: agreed.get('ja') ?? 0, nej: agreed.get('nej') ?? 0, ukendt: agreed.get('ukendt') ?? 0 },
    handling: allKeys([...Handling.entries.map((e) => e.importName), NO_HANDLING], tally(f, 'handling')),
    competence: sortedCounts(tally(f, 'competence')).map(([reason, n]) => ({ reason, klagepunkter: n })),
    henstillinger: { total: count('henstillinger'), fulgt: recs.get('fulgt') ?? 0, ikkeFulgt: recs.get('ikkeFulgt') ?? 0, afventer: recs.get('afventer') ?? 0 },
    egenDrift: count('egenDrift'),
    forvaltningAnswers: {
      requests: count('requests'),
      answered: answered.length,
      onTime: count('onTime'),
      unanswered: count('unanswered'),
      medianWorkingDays: median(answered.map((r) => r.workingDays as number)),
    },
    ownProcessing: {
      closed: closed.length,
      medianWorkingDays: median(closed.map((c) => c.workingDays)),
      withinTarget: hasTarget ? count('withinTarget') : null,
    },
  };
}

/** Forvaltning × rule (breached), rows and columns by count, most first; and the recurring afdeling + rule combinations. */
export function patterns(f: FilteredFacts, stats: PeriodStats, patternMin: number) {
  const cells = tally(f, 'heatmap');
  const rowTotals = new Map<string, number>();
  for (const p of f.points) if (p.breached.length > 0) rowTotals.set(p.forvaltning, (rowTotals.get(p.forvaltning) ?? 0) + 1);
  const forvaltninger = sortedCounts(rowTotals).map(([name]) => name);
  const rules = stats.rulesBreached.map((r) => ({ ruleId: r.ruleId, title: r.title }));
  const heatmap = { forvaltninger, rules, cells: forvaltninger.map((fv) => rules.map((r) => cells.get(compositeKey(fv, r.ruleId)) ?? 0)) };

  const titles = new Map(rules.map((r) => [r.ruleId, r.title]));
  const recurring = [...unitsByKey(f, 'pattern')]
    .filter(([, units]) => units.length >= patternMin)
    .map(([key, units]) => {
      const [forvaltning, afdeling, ruleId] = key.split('\u001f') as [string, string, string];
      return { forvaltning, afdeling, ruleId, title: titles.get(ruleId) ?? ruleId, klagepunkter: units.length, caseIds: caseIdsOf(units) };
    })
    .sort((a, b) => b.klagepunkter - a.klagepunkter || collator.compare(a.forvaltning, b.forvaltning) || collator.compare(a.afdeling, b.afdeling) || collator.compare(a.title, b.title));
  return { heatmap, recurring };
}
