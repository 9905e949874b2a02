/**
 * What follows a henvendelse: henstillinger (`recommendations`), requests to a forvaltning
 * (`requests`) with their history (`request_events`), and statutory deadlines on a klagepunkt
 * (`point_deadlines`). Registry and row ↔ domain mapping per table, used by their query modules, the
 * bulk import and the export.
 */
import type { CalendarProfile, DeadlineSpec } from '../../../shared/deadlines';
import type { PointDeadlineBasisCode } from '../../../shared/domain/deadline-tracking';
import type { RecommendationInput, RecommendationStatusCode } from '../../../shared/domain/recommendation';
import type { DeadlineUnitCode } from '../../../shared/domain/rule';
import type { RequestKindCode, Verdict } from '../requests';
import { bit, defineTable } from './table';

type Times = Readonly<{ createdAt: string; updatedAt: string }>;

// ---------------------------------------------------------------------------------------------
// Henstillinger

export type RecommendationRow = {
  id: number;
  case_id: number;
  point_id: number | null;
  forvaltning_id: number;
  text: string;
  given_on: string;
  status: RecommendationStatusCode;
  status_on: string | null;
  answer: string;
  follow_up_on: string | null;
  created_at: string;
  updated_at: string;
};

export const RECOMMENDATIONS = defineTable<RecommendationRow>(
  'recommendations',
  {
    id: true, case_id: true, point_id: true, forvaltning_id: true, text: true, given_on: true, status: true, status_on: true, answer: true,
    follow_up_on: true, created_at: true, updated_at: true,
  },
  'id',
);

export type RecommendationContentColumn = Exclude<keyof RecommendationRow, 'id' | 'created_at' | 'updated_at'>;

export const RECOMMENDATION_CONTENT_COLUMNS: ReadonlyArray<RecommendationContentColumn> = Object.keys({
  case_id: true, point_id: true, forvaltning_id: true, text: true, given_on: true, status: true, status_on: true, answer: true, follow_up_on: true,
} satisfies Record<RecommendationContentColumn, true>) as RecommendationContentColumn[];

/** Stored as given (the henstilling form's service trims what the adviser typed; an import keeps the file's text). */
export function recommendationContentRow(input: RecommendationInput): Pick<RecommendationRow, RecommendationContentColumn> {
  return {
    case_id: input.caseId,
    point_id: input.pointId,
    forvaltning_id: input.forvaltningId,
    text: input.text,
    given_on: input.givenOn,
    status: input.status,
    status_on: input.statusOn,
    answer: input.answer,
    follow_up_on: input.followUpOn,
  };
}

export function recommendationRow(input: RecommendationInput, times: Times): Omit<RecommendationRow, 'id'> {
  return { ...recommendationContentRow(input), created_at: times.createdAt, updated_at: times.updatedAt };
}

export function recommendationInputFromRow(r: RecommendationRow): RecommendationInput {
  return {
    caseId: r.case_id, pointId: r.point_id, forvaltningId: r.forvaltning_id, text: r.text, givenOn: r.given_on, status: r.status,
    statusOn: r.status_on, answer: r.answer, followUpOn: r.follow_up_on,
  };
}

// ---------------------------------------------------------------------------------------------
// Requests to a forvaltning

export type RequestTableRow = {
  id: number;
  case_id: number;
  forvaltning_id: number;
  kind: RequestKindCode;
  sent_on: string;
  deadline_amount: number;
  deadline_unit: DeadlineUnitCode;
  roll_forward: 0 | 1;
  profile: CalendarProfile;
  due_on: string;
  answered_on: string | null;
  closed_on: string | null;
  verdict_on_time: 0 | 1 | null;
  verdict_working_days: number | null;
  verdict_days_late: number | null;
  note: string;
  created_at: string;
  updated_at: string;
  /** A due date given rather than counted (migration 0050). */
  explicit_due: string | null;
  /** The adviser's summary of the forvaltning's statement (migration 0110); empty when none. */
  answer_summary: string;
};

export const REQUESTS = defineTable<RequestTableRow>(
  'requests',
  {
    id: true, case_id: true, forvaltning_id: true, kind: true, sent_on: true, deadline_amount: true, deadline_unit: true, roll_forward: true,
    profile: true, due_on: true, answered_on: true, closed_on: true, verdict_on_time: true, verdict_working_days: true, verdict_days_late: true,
    note: true, created_at: true, updated_at: true, explicit_due: true, answer_summary: true,
  },
  'id',
);

/** A request as the domain sees it: the spec it is counted by, its due date, and the verdict frozen when it ended. */
export type RequestRecord = Readonly<{
  forvaltningId: number;
  kind: RequestKindCode;
  sentOn: string;
  spec: DeadlineSpec;
  dueOn: string;
  explicitDue: string | null;
  answeredOn: string | null;
  closedOn: string | null;
  verdict: Verdict | null;
  note: string;
  answerSummary: string;
}>;

export function requestRow(caseId: number, r: RequestRecord, times: Times): Omit<RequestTableRow, 'id'> {
  return {
    case_id: caseId,
    forvaltning_id: r.forvaltningId,
    kind: r.kind,
    sent_on: r.sentOn,
    deadline_amount: r.spec.amount,
    deadline_unit: r.spec.unit,
    roll_forward: bit(r.spec.rollForward),
    profile: r.spec.profile,
    due_on: r.dueOn,
    answered_on: r.answeredOn,
    closed_on: r.closedOn,
    verdict_on_time: r.verdict === null ? null : bit(r.verdict.onTime),
    verdict_working_days: r.verdict?.workingDaysUsed ?? null,
    verdict_days_late: r.verdict?.daysLate ?? null,
    note: r.note,
    created_at: times.createdAt,
    updated_at: times.updatedAt,
    explicit_due: r.explicitDue,
    answer_summary: r.answerSummary,
  };
}

export function requestFromRow(r: RequestTableRow): RequestRecord {
  return {
    forvaltningId: r.forvaltning_id,
    kind: r.kind,
    sentOn: r.sent_on,
    spec: { amount: r.deadline_amount, unit: r.deadline_unit, rollForward: r.roll_forward === 1, profile: r.profile },
    dueOn: r.due_on,
    explicitDue: r.explicit_due,
    answeredOn: r.answered_on,
    closedOn: r.closed_on,
    verdict:
      r.verdict_on_time === null ? null : { onTime: r.verdict_on_time === 1, workingDaysUsed: r.verdict_working_days ?? 0, daysLate: r.verdict_days_late ?? 0 },
    note: r.note,
    answerSummary: r.answer_summary,
  };
}

/** A klagepunkt a request concerns (migration 0110); none: the klagepunkter of its forvaltning. */
export type RequestPointTableRow = {
  request_id: number;
  point_id: number;
};

export const REQUEST_POINTS = defineTable<RequestPointTableRow>('request_points', { request_id: true, point_id: true }, null);

export type RequestEventTableRow = {
  id: number;
  request_id: number;
  kind: 'rykker' | 'forlaengelse' | 'pause';
  on_date: string;
  level: number | null;
  pause_to: string | null;
  new_due: string | null;
  add_amount: number | null;
  add_unit: DeadlineUnitCode | null;
  old_due: string | null;
  reason: string;
  created_at: string;
};

export const REQUEST_EVENTS = defineTable<RequestEventTableRow>(
  'request_events',
  {
    id: true, request_id: true, kind: true, on_date: true, level: true, pause_to: true, new_due: true, add_amount: true, add_unit: true,
    old_due: true, reason: true, created_at: true,
  },
  'id',
);

/** A rykker, forlængelse or pause on a request, as the domain sees it. */
export type RequestEventRecord = Readonly<{
  kind: RequestEventTableRow['kind'];
  onDate: string;
  level: number | null;
  pauseTo: string | null;
  newDue: string | null;
  add: Readonly<{ amount: number; unit: DeadlineUnitCode }> | null;
  oldDue: string | null;
  reason: string;
}>;

export function requestEventRow(requestId: number, e: RequestEventRecord, createdAt: string): Omit<RequestEventTableRow, 'id'> {
  return {
    request_id: requestId,
    kind: e.kind,
    on_date: e.onDate,
    level: e.level,
    pause_to: e.pauseTo,
    new_due: e.newDue,
    add_amount: e.add?.amount ?? null,
    add_unit: e.add?.unit ?? null,
    old_due: e.oldDue,
    reason: e.reason,
    created_at: createdAt,
  };
}

export function requestEventFromRow(r: RequestEventTableRow): RequestEventRecord {
  return {
    kind: r.kind,
    onDate: r.on_date,
    level: r.level,
    pauseTo: r.pause_to,
    newDue: r.new_due,
    add: r.add_amount === null || r.add_unit === null ? null : { amount: r.add_amount, unit: r.add_unit },
    oldDue: r.old_due,
    reason: r.reason,
  };
}

// ---------------------------------------------------------------------------------------------
// Statutory deadlines on a klagepunkt

export type PointDeadlineTableRow = {
  id: number;
  point_id: number;
  basis: PointDeadlineBasisCode;
  /** NULL exactly when the basis is the svarpolitik. */
  rule_id: string | null;
  start_on: string;
  due_on: string;
  met_on: string | null;
  note: string;
  created_at: string;
  updated_at: string;
};

export const POINT_DEADLINES = defineTable<PointDeadlineTableRow>(
  'point_deadlines',
  { id: true, point_id: true, basis: true, rule_id: true, start_on: true, due_on: true, met_on: true, note: true, created_at: true, updated_at: true },
  'id',
);

export type PointDeadlineRecord = Readonly<{
  basis: PointDeadlineBasisCode;
  ruleId: string | null;
  startOn: string;
  dueOn: string;
  metOn: string | null;
  note: string;
}>;

export function pointDeadlineRow(pointId: number, d: PointDeadlineRecord, times: Times): Omit<PointDeadlineTableRow, 'id'> {
  return {
    point_id: pointId, basis: d.basis, rule_id: d.ruleId, start_on: d.startOn, due_on: d.dueOn, met_on: d.metOn, note: d.note,
    created_at: times.createdAt, updated_at: times.updatedAt,
  };
}

export function pointDeadlineFromRow(r: PointDeadlineTableRow): PointDeadlineRecord {
  return { basis: r.basis, ruleId: r.rule_id, startOn: r.start_on, dueOn: r.due_on, metOn: r.met_on, note: r.note };
}
