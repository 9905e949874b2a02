/**
 * The statistics of an annual report: ONE definition of every number, as data. The backend computes a
 * `ReportStats` (electron/services/report-stats.ts); the Statistik screen, `ombud report --json`, the
 * PDF and the XLSX/CSV all show this same value (the tables through `reportTables`, the charts through
 * the chart model), so they cannot disagree.
 *
 * Counting units (peers.md § 4.2; say them wherever a number is shown):
 * - a henvendelse belongs to the period when its `modtaget` date is in it (both ends included); its
 *   klagepunkter, rule assessments and henstillinger come with it;
 * - a klagepunkt counts once under each of its themes, and once under each rule assessed "ikke overholdt";
 * - the forvaltning's answers are the requests whose `anmodet` date is in the period;
 * - the adviser's own processing is the henvendelser whose `afsluttet` date is in the period, whenever
 *   they were received;
 * - working days: calendar profile `standard` plus the municipality's closing days, counted after the
 *   start day up to and including the end day; the median of an even count is the mean of the middle two.
 *
 * Keys of `byType`, `byChannel`, `outcomes` and `handling` are the import format's values
 * (docs/reference/import-format.md: `egen drift`, `e-mail`, `alvorlig kritik`, `mægling` …), so the JSON
 * reads like the data the adviser imports.
 */
import { z } from 'zod';
import { danishNumber, danishPercent, EMPTY_CELL_TEXT } from './format';
import { ReportPeriodSchema } from './period';

const count = z.number().int().min(0);
const median = z.number().min(0).nullable();

export const ReportFiltersSchema = z.object({
  /** Only klagepunkter of this forvaltning (and the henvendelser, requests and henstillinger that have one). */
  forvaltningId: z.number().int().positive().nullable(),
  /** Only henvendelser of these types (import values); empty: all. */
  types: z.array(z.enum(['klage', 'vejledning', 'vejvisning', 'egen drift'])).max(4),
});
export type ReportFilters = z.infer<typeof ReportFiltersSchema>;

export const ReportQuerySchema = z.object({
  period: ReportPeriodSchema,
  filters: ReportFiltersSchema,
  /** Never rank or give a share on fewer than this many (peers.md § 4.2: small-number rankings mislead). */
  minN: z.number().int().min(1).max(1000),
  /** An afdeling + rule combination recurring at least this often is a candidate for egen drift. */
  patternMin: z.number().int().min(2).max(1000),
  /** How many periods the trend shows (the period itself included). */
  trendPeriods: z.number().int().min(1).max(10),
});
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

export const PeriodStatsSchema = z.object({
  period: ReportPeriodSchema,
  henvendelser: z.object({
    total: count,
    /** Keys: `klage`, `vejledning`, `vejvisning`, `egen drift` (all present, 0 when none). */
    byType: z.record(z.string(), count),
    /** Keys: the import format's `kanal` values, and `ukendt` for none recorded. */
    byChannel: z.record(z.string(), count),
  }),
  klagepunkter: z.object({
    total: count,
    /** Klagepunkter per henvendelse of type klage (null when there is none). */
    perKlage: z.number().min(0).nullable(),
  }),
  /** Sorted by klagepunkter, most first, then by name; a klagepunkt without forvaltning is "Ikke angivet". */
  byForvaltning: z.array(z.object({ forvaltning: z.string(), klagepunkter: count, afdelinger: z.array(z.object({ afdeling: z.string(), klagepunkter: count })) })),
  byTema: z.array(z.object({ tema: z.string(), klagepunkter: count })),
  /** Rules assessed "ikke overholdt": once per klagepunkt and rule. */
  rulesBreached: z.array(z.object({ ruleId: z.string(), title: z.string(), klagepunkter: count })),
  /** Keys: the import format's `udfald` values, and `ikke afgjort` for no outcome yet. */
  outcomes: z.record(z.string(), count),
  /** Whether the forvaltning agreed it erred, per klagepunkt: `ja`, `nej`, `ukendt`. */
  forvaltningAgreed: z.object({ ja: count, nej: count, ukendt: count }),
  /** Keys: the import format's `behandling` values, and `ikke angivet`. */
  handling: z.record(z.string(), count),
  /** Klagepunkter outside competence, per the municipality's reason. */
  competence: z.array(z.object({ reason: z.string(), klagepunkter: count })),
  henstillinger: z.object({ total: count, fulgt: count, ikkeFulgt: count, afventer: count }),
  /** Henvendelser of type egen drift. */
  egenDrift: count,
  forvaltningAnswers: z.object({
    requests: count,
    answered: count,
    /** Answered no later than the deadline in force (extensions included). */
    onTime: count,
    unanswered: count,
    medianWorkingDays: median,
  }),
  ownProcessing: z.object({
    closed: count,
    medianWorkingDays: median,
    /** Closed within the adviser's target; null when no target is set. */
    withinTarget: count.nullable(),
  }),
});
export type PeriodStats = z.infer<typeof PeriodStatsSchema>;

export const TrendPointSchema = z.object({ period: ReportPeriodSchema, label: z.string(), henvendelser: count, klagepunkter: count });

export const HeatmapSchema = z.object({
  forvaltninger: z.array(z.string()),
  rules: z.array(z.object({ ruleId: z.string(), title: z.string() })),
  /** cells[f][r]: klagepunkter of forvaltning f with rule r assessed "ikke overholdt". */
  cells: z.array(z.array(count)),
});

export const RecurringPatternSchema = z.object({
  forvaltning: z.string(),
  afdeling: z.string(),
  ruleId: z.string(),
  title: z.string(),
  klagepunkter: count,
  /** The henvendelser behind it, for the drill-down. */
  caseIds: z.array(z.number().int().positive()),
});

export const ReportStatsSchema = PeriodStatsSchema.extend({
  label: z.string(),
  filters: ReportFiltersSchema,
  minN: z.number().int(),
  patternMin: z.number().int(),
  previous: PeriodStatsSchema.extend({ label: z.string() }),
  trend: z.array(TrendPointSchema),
  patterns: z.object({ heatmap: HeatmapSchema, recurring: z.array(RecurringPatternSchema) }),
});
export type ReportStats = z.infer<typeof ReportStatsSchema>;
export type Heatmap = z.infer<typeof HeatmapSchema>;
export type RecurringPattern = z.infer<typeof RecurringPatternSchema>;

/**
 * What a number counts, so every number can open the list of cases behind it (the drill-down). The
 * backend answers it with the same definition that counted the number.
 */
export const ReportDrillSchema = z.object({
  metric: z.enum([
    'henvendelser', 'type', 'channel', 'klagepunkter', 'forvaltning', 'afdeling', 'tema', 'rule', 'outcome', 'agreed',
    'handling', 'competence', 'henstillinger', 'egenDrift', 'requests', 'answered', 'onTime', 'unanswered', 'closed',
    'withinTarget', 'heatmap', 'pattern',
  ]),
  /** The key within the metric: a type or outcome value, a forvaltning or theme name, a rule id …; null: all. */
  key: z.string().max(400).nullable(),
  /** For afdeling and pattern: the afdeling (`key` is then its forvaltning). */
  key2: z.string().max(400).nullable(),
  /** For heatmap and pattern: the rule (`key` is the forvaltning). */
  ruleId: z.string().max(80).nullable(),
  /** The period it was counted in: the report's own or the previous one. */
  which: z.enum(['current', 'previous']),
});
export type ReportDrill = z.infer<typeof ReportDrillSchema>;

/** The share as a Danish percentage with its n, never a bare percentage: "42 % (21 af 50)"; "–" under minN. */
export function shareText(n: number, of: number, minN: number): string {
  if (of === 0) return '–';
  if (of < minN) return `– (${n} af ${of}; for få til en andel)`;
  return `${danishPercent(n / of)} (${n} af ${of})`;
}

/** A median of working days as Danish text: "7", "7,5", or "–" when there is nothing to count. */
export function daysText(days: number | null): string {
  return days === null ? EMPTY_CELL_TEXT : danishNumber(days, 1);
}
