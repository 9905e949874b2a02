/**
 * The `cases` table (a henvendelse): its registry and its row ↔ domain mapping, used by the case
 * queries (db/queries/cases.ts), the bulk import (db/queries/bulk-import.ts) and the export
 * (db/queries/export-rows.ts). A new column: add it to CaseRow and CASES, map it below, and add the
 * field to the domain schema (shared/domain/case.ts) and the form.
 */
import type { CaseDetail, CaseInput } from '../../../shared/domain/case';
import { maskCpr } from '../../../shared/domain/cpr';
import type { DecisionNoticeInput } from '../../../shared/domain/deadline-tracking';
import type { DeadlineUnitCode } from '../../../shared/domain/rule';
import { parseSagsnr } from '../../../shared/domain/sagsnr';
import { danishSortKey } from '../../../shared/domain/sort-key';
import { normaliseToken, type CaseStatusCode, type CaseTypeCode, type ChannelCode, type HandlingCode } from '../../../shared/domain/vocab';
import { bit, defineTable } from './table';

/** A row of `cases` as stored (migrations 0010, 0040, 0070, 0080, 0140). */
export type CaseRow = {
  id: number;
  sagsnr: string;
  /** Derived: the case-insensitive uniqueness key of sagsnr. */
  sagsnr_key: string;
  /** Derived: year and running number when sagsnr has the generated form ÅÅÅÅ-NNNN. */
  sagsnr_year: number | null;
  sagsnr_seq: number | null;
  received_on: string;
  channel: ChannelCode | null;
  type: CaseTypeCode;
  citizen_name: string;
  /** Derived: the Danish sort key of citizen_name. */
  citizen_sort: string;
  citizen_address: string;
  citizen_phone: string;
  citizen_email: string;
  /** Normalised DDMMÅÅ-XXXX. */
  citizen_cpr: string | null;
  rep_name: string | null;
  rep_relation: string | null;
  rep_phone: string | null;
  rep_email: string | null;
  rep_power_of_attorney: 0 | 1 | null;
  summary: string;
  description: string;
  status: CaseStatusCode;
  /** Competence and handling of a henvendelse without klagepunkter (migration 0080); else null. */
  handling: HandlingCode | null;
  closed_on: string | null;
  adviser_id: number | null;
  /** Optimistic concurrency: an update names the version it edited. */
  version: number;
  created_at: string;
  updated_at: string;
  decision_notified_on: string | null;
  decision_notice: DecisionNoticeInput['channel'] | null;
  klagefrist_rule_id: string | null;
  klagefrist_due: string | null;
  target_due: string | null;
  klagevejledning: DecisionNoticeInput['guidance'] | null;
  klagefrist_basis: DecisionNoticeInput['basis']['kind'] | null;
  klagefrist_amount: number | null;
  klagefrist_unit: DeadlineUnitCode | null;
  klagefrist_source: string | null;
  competence_reason_id: number | null;
  /** 1: the adviser set the status by hand; 0: it follows the case's requests (migration 0140). */
  status_manual: 0 | 1;
  /** The status to return to when the last open request is answered or closed; null: not waiting. */
  status_resume: CaseStatusCode | null;
};

export const CASES = defineTable<CaseRow>(
  'cases',
  {
    id: true, sagsnr: true, sagsnr_key: true, sagsnr_year: true, sagsnr_seq: true, received_on: true, channel: true, type: true,
    citizen_name: true, citizen_sort: true, citizen_address: true, citizen_phone: true, citizen_email: true, citizen_cpr: true,
    rep_name: true, rep_relation: true, rep_phone: true, rep_email: true, rep_power_of_attorney: true, summary: true, description: true,
    status: true, handling: true, closed_on: true, adviser_id: true, version: true, created_at: true, updated_at: true,
    decision_notified_on: true, decision_notice: true, klagefrist_rule_id: true, klagefrist_due: true, target_due: true, klagevejledning: true,
    klagefrist_basis: true, klagefrist_amount: true, klagefrist_unit: true, klagefrist_source: true, competence_reason_id: true,
    status_manual: true, status_resume: true,
  },
  'id',
);

/** What the case form writes (CaseInput, with the CPR already normalised or null). */
export type CaseFormColumn =
  | 'sagsnr' | 'sagsnr_key' | 'sagsnr_year' | 'sagsnr_seq' | 'received_on' | 'channel' | 'type'
  | 'citizen_name' | 'citizen_sort' | 'citizen_address' | 'citizen_phone' | 'citizen_email' | 'citizen_cpr'
  | 'rep_name' | 'rep_relation' | 'rep_phone' | 'rep_email' | 'rep_power_of_attorney'
  | 'summary' | 'description' | 'status' | 'status_manual' | 'competence_reason_id' | 'handling' | 'closed_on' | 'adviser_id';

/** What the deadline services write on a henvendelse (electron/services/klagefrist.ts, deadline-common.ts). */
export type CaseDeadlineColumn =
  | 'decision_notified_on' | 'decision_notice' | 'klagevejledning' | 'klagefrist_basis' | 'klagefrist_rule_id'
  | 'klagefrist_amount' | 'klagefrist_unit' | 'klagefrist_source' | 'klagefrist_due' | 'target_due';

/** The form's columns, in the order caseFormValues returns them. */
export const CASE_FORM_COLUMNS: ReadonlyArray<CaseFormColumn> = Object.keys({
  sagsnr: true, sagsnr_key: true, sagsnr_year: true, sagsnr_seq: true, received_on: true, channel: true, type: true,
  citizen_name: true, citizen_sort: true, citizen_address: true, citizen_phone: true, citizen_email: true, citizen_cpr: true,
  rep_name: true, rep_relation: true, rep_phone: true, rep_email: true, rep_power_of_attorney: true,
  summary: true, description: true, status: true, status_manual: true, competence_reason_id: true, handling: true, closed_on: true, adviser_id: true,
} satisfies Record<CaseFormColumn, true>) as CaseFormColumn[];

/** Case-insensitive uniqueness key of a sagsnr ("2025-0001" and " 2025-0001 " are the same). */
export function sagsnrKey(sagsnr: string): string {
  return normaliseToken(sagsnr);
}

/** The citizen's klagefrist and the adviser's target as stored on the henvendelse (null: none recorded). */
export type CaseDeadlines = Readonly<{
  notice: DecisionNoticeInput | null;
  klagefristDue: string | null;
  targetDue: string | null;
}>;

export const NO_CASE_DEADLINES: CaseDeadlines = { notice: null, klagefristDue: null, targetDue: null };

/**
 * The whole row to insert: what the form writes (trimmed texts, derived keys, 0/1), the deadlines
 * and the version and times. One object literal on purpose: the bulk import builds 70,000 of them,
 * and an object merged from spreads of this width is several times slower to build and read.
 */
export function caseRow(w: Omit<CaseInput, 'points'>, sagsnr: string, d: CaseDeadlines, meta: Readonly<{ version: number; createdAt: string; updatedAt: string; statusResume?: CaseStatusCode | null }>): Omit<CaseRow, 'id'> {
  const parsed = parseSagsnr(sagsnr);
  const rep = w.representative;
  const n = d.notice;
  const b = n?.basis;
  return {
    sagsnr,
    sagsnr_key: sagsnrKey(sagsnr),
    sagsnr_year: parsed?.year ?? null,
    sagsnr_seq: parsed?.seq ?? null,
    received_on: w.receivedOn,
    channel: w.channel,
    type: w.type,
    citizen_name: w.citizen.name.trim(),
    citizen_sort: danishSortKey(w.citizen.name),
    citizen_address: w.citizen.address.trim(),
    citizen_phone: w.citizen.phone.trim(),
    citizen_email: w.citizen.email.trim(),
    citizen_cpr: w.citizen.cpr,
    rep_name: rep ? rep.name.trim() : null,
    rep_relation: rep ? rep.relation.trim() : null,
    rep_phone: rep ? rep.phone.trim() : null,
    rep_email: rep ? rep.email.trim() : null,
    rep_power_of_attorney: rep ? bit(rep.powerOfAttorney) : null,
    summary: w.summary.trim(),
    description: w.description,
    status: w.status,
    handling: w.handling,
    closed_on: w.closedOn,
    adviser_id: w.adviserId,
    version: meta.version,
    created_at: meta.createdAt,
    updated_at: meta.updatedAt,
    decision_notified_on: n?.notifiedOn ?? null,
    decision_notice: n?.channel ?? null,
    klagefrist_rule_id: b?.kind === 'regel' ? b.ruleId : null,
    klagefrist_due: d.klagefristDue,
    target_due: d.targetDue,
    klagevejledning: n?.guidance ?? null,
    klagefrist_basis: b?.kind ?? null,
    klagefrist_amount: b?.kind === 'manuel' ? b.amount : null,
    klagefrist_unit: b?.kind === 'manuel' ? b.unit : null,
    klagefrist_source: b?.kind === 'manuel' ? b.source : null,
    competence_reason_id: w.competenceReasonId,
    // Absent (a CSV row, an export from before 0140): the status follows the case from now on.
    status_manual: bit(w.statusManual ?? false),
    status_resume: meta.statusResume ?? null,
  };
}

/** The values of the form's columns (CASE_FORM_COLUMNS order), for the form's UPDATE. */
export function caseFormValues(w: Omit<CaseInput, 'points'>, sagsnr: string): unknown[] {
  const row = caseRow(w, sagsnr, NO_CASE_DEADLINES, { version: 0, createdAt: '', updatedAt: '' });
  return CASE_FORM_COLUMNS.map((c) => row[c]);
}

/**
 * How and when the citizen was notified of the decision and what the klagefrist rests on, or null.
 * A row from before migration 0070 without a basis reads as resting on its rule (0070 set those).
 */
export function decisionNoticeFromRow(r: Pick<CaseRow, CaseDeadlineColumn>): DecisionNoticeInput | null {
  if (r.decision_notified_on === null || r.decision_notice === null) return null;
  const base = { notifiedOn: r.decision_notified_on, channel: r.decision_notice, guidance: r.klagevejledning ?? 'ukendt' };
  if (r.klagefrist_basis === 'ingen') return { ...base, basis: { kind: 'ingen' } };
  if (r.klagefrist_basis === 'manuel' && r.klagefrist_amount !== null && r.klagefrist_unit !== null) {
    return { ...base, basis: { kind: 'manuel', amount: r.klagefrist_amount, unit: r.klagefrist_unit, source: r.klagefrist_source ?? '' } };
  }
  if (r.klagefrist_rule_id !== null) return { ...base, basis: { kind: 'regel', ruleId: r.klagefrist_rule_id } };
  return { ...base, basis: { kind: 'ingen' } };
}

export function caseDeadlinesFromRow(r: CaseRow): CaseDeadlines {
  return { notice: decisionNoticeFromRow(r), klagefristDue: r.klagefrist_due, targetDue: r.target_due };
}

/** What the form would send to store this row unchanged: the full CPR, no klagepunkter. */
export function caseInputFromRow(r: CaseRow): Omit<CaseInput, 'points'> {
  return {
    sagsnr: r.sagsnr,
    receivedOn: r.received_on,
    channel: r.channel,
    type: r.type,
    citizen: { name: r.citizen_name, address: r.citizen_address, phone: r.citizen_phone, email: r.citizen_email, cpr: r.citizen_cpr },
    representative:
      r.rep_name === null
        ? null
        : { name: r.rep_name, relation: r.rep_relation ?? '', phone: r.rep_phone ?? '', email: r.rep_email ?? '', powerOfAttorney: r.rep_power_of_attorney === 1 },
    summary: r.summary,
    description: r.description,
    status: r.status,
    statusManual: r.status_manual === 1,
    competenceReasonId: r.competence_reason_id,
    handling: r.handling,
    closedOn: r.closed_on,
    adviserId: r.adviser_id,
  };
}

/** The case page's view of the row: CPR masked; the klagepunkter are read separately. */
export function caseDetailFromRow(r: CaseRow, points: CaseDetail['points']): CaseDetail {
  const { sagsnr: _sagsnr, citizen, ...rest } = caseInputFromRow(r);
  return {
    id: r.id,
    version: r.version,
    sagsnr: r.sagsnr,
    ...rest,
    statusManual: r.status_manual === 1,
    citizen: { name: citizen.name, address: citizen.address, phone: citizen.phone, email: citizen.email, cprMasked: citizen.cpr === null ? null : maskCpr(citizen.cpr) },
    points,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
