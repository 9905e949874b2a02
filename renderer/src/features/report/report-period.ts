/**
 * The period picker's state: a calendar year, a reporting year from the municipality's start month,
 * or from–to as typed (dd.mm.åååå). Held by the app shell so Statistik and Årsberetning show the same
 * period, and so it survives a drill-down to the case list and back.
 */
import type { IsoDate } from '../../../../shared/domain/dates';
import { periodProblem, reportingYear, TREND_MAX_PERIODS, type ReportPeriod } from '../../../../shared/report/period';
import type { ReportSettings } from '../../../../shared/report/settings';
import type { ReportFilters, ReportQuery } from '../../../../shared/report/stats';
import { dateFieldError, parseDateField } from '../../components/DateField';

export type PeriodKind = 'year' | 'reporting' | 'custom';
export type PeriodChoice = Readonly<{ kind: PeriodKind; year: number; fromText: string; toText: string }>;

export type ReportScreenState = Readonly<{
  /** null: not chosen yet – the last whole calendar year before today. */
  choice: PeriodChoice | null;
  /** '' = alle forvaltninger. */
  forvaltningId: string;
  types: ReportFilters['types'];
}>;

export function initialReportScreenState(): ReportScreenState {
  return { choice: null, forvaltningId: '', types: [] };
}

export function defaultPeriodChoice(today: IsoDate): PeriodChoice {
  return { kind: 'year', year: Number(today.slice(0, 4)) - 1, fromText: '', toText: '' };
}

export type PeriodResult = Readonly<{ period: ReportPeriod; errors: null }> | Readonly<{ period: null; errors: Readonly<Record<'from' | 'to' | 'period', string | undefined>> }>;

/** The chosen period, or the Danish problems with what was typed (per field). */
export function periodOfChoice(c: PeriodChoice, startMonth: number): PeriodResult {
  if (c.kind === 'year') return { period: reportingYear(c.year, 1), errors: null };
  if (c.kind === 'reporting') return { period: reportingYear(c.year, startMonth), errors: null };
  const from = parseDateField(c.fromText);
  const to = parseDateField(c.toText);
  const fromError = c.fromText.trim() === '' ? 'Skriv periodens første dag.' : dateFieldError(c.fromText);
  const toError = c.toText.trim() === '' ? 'Skriv periodens sidste dag.' : dateFieldError(c.toText);
  if (from === null || from === 'invalid' || to === null || to === 'invalid') return { period: null, errors: { from: fromError, to: toError, period: undefined } };
  const problem = periodProblem({ from, to });
  return problem === null ? { period: { from, to }, errors: null } : { period: null, errors: { from: undefined, to: undefined, period: problem } };
}

export const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'] as const;

/**
 * The query of the screens' state for a period: the one query Statistik shows, Årsberetning exports and
 * `ombud report` computes with the same settings (a trend of ten periods), so they give the same numbers.
 */
export function reportQueryOf(state: ReportScreenState, period: ReportPeriod, settings: ReportSettings): ReportQuery {
  return {
    period,
    filters: { forvaltningId: state.forvaltningId === '' ? null : Number(state.forvaltningId), types: state.types },
    minN: settings.minN,
    patternMin: settings.patternMin,
    trendPeriods: TREND_MAX_PERIODS,
  };
}
