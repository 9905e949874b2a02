/**
 * Export of every henvendelse, as CSV in exactly the import format (../shared/formats/import.md, so
 * export → import into an empty database gives the same data) or as a full-fidelity JSON dump.
 *
 * `content` is base64, as every file content that crosses the IPC contract (shared/ipc/contract.ts).
 * Each export is recorded in the audit log: the file holds CPR numbers of every borger.
 */
import { appendAudit } from '../../db/queries/audit';
import {
  loadCaseHistories,
  loadCatalogueForExport,
  loadExportCases,
  loadExportPointRules,
  loadExportPoints,
  loadExportRequests,
  loadExportThemes,
  type ExportRequestRow,
} from '../../db/queries/export-rows';
import { readDeadlineSettings } from '../../db/queries/deadline-settings';
import { allRecommendationsOldestFirst } from '../../db/queries/recommendations';
import { getMunicipalityName } from '../../db/queries/settings';
import type { ReadableDB } from '../../db/types';
import { copenhagenDate } from '../../shared/domain/dates';
import type { Recommendation } from '../../shared/domain/recommendation';
import { COLUMN_NAMES, columnSpec, nameKey, type ColumnName, type ColumnValues } from '../../shared/import/columns';
import { writeCsv } from '../../shared/import/csv';
import type { ServiceContext } from './context';
import { noticeOfRow } from './klagefrist';

export type ExportFormat = 'csv' | 'json';
export type ExportFile = Readonly<{ fileName: string; mimeType: string; contentBase64: string }>;

/** Cell text of a column, written by the column's own `format` (the inverse of its import parser). */
function cell<K extends ColumnName>(name: K, value: ColumnValues[K] | null | undefined): string {
  if (value === null || value === undefined) return '';
  return columnSpec(name).format(value);
}

/**
 * The henstilling the CSV carries for each klagepunkt: the earliest given on it (the format has room
 * for one; the JSON export has them all).
 */
function firstRecommendationByPoint(all: readonly Recommendation[]): Map<number, Recommendation> {
  const out = new Map<number, Recommendation>();
  for (const r of all) if (r.pointId !== null && !out.has(r.pointId)) out.set(r.pointId, r);
  return out;
}

/**
 * The `svarfrist` cell of a request. Empty when importing it again would compute the same date
 * (no explicit date, the current default spec, no events), so the request stays one that follows the
 * calendar; otherwise the date, which the import keeps as given.
 */
function svarfristCell(r: ExportRequestRow, defaultSpec: ReturnType<typeof readDeadlineSettings>['requestDefault']): string {
  const followsDefault =
    r.explicit_due === null && r.events === 0 && r.deadline_amount === defaultSpec.amount && r.deadline_unit === defaultSpec.unit &&
    (r.roll_forward === 1) === defaultSpec.rollForward && r.profile === defaultSpec.profile;
  return followsDefault ? '' : cell('svarfrist', r.due_on);
}

/**
 * The `kompetence` cell: the reason's name, or "inden for" (competence is per klagepunkt; a
 * henvendelse without klagepunkter writes its own on its one row).
 */
function competenceCell(reason: string | null): string {
  return cell('kompetence', reason === null ? { kind: 'inden_for' } : { kind: 'reason', name: reason, legacyCode: null });
}

/** The export as rows of the import format: a header, then one row per klagepunkt. */
export function exportRows(db: ReadableDB): string[][] {
  const points = loadExportPoints(db);
  const themes = loadExportThemes(db);
  const rules = loadExportPointRules(db);
  const recommendations = firstRecommendationByPoint(allRecommendationsOldestFirst(db));
  const requests = loadExportRequests(db);
  const defaultSpec = readDeadlineSettings(db).requestDefault;
  const rows: string[][] = [[...COLUMN_NAMES]];
  for (const c of loadExportCases(db)) {
    const henvendelse: Partial<Record<ColumnName, string>> = {
      sagsnr: cell('sagsnr', c.sagsnr),
      modtaget: cell('modtaget', c.received_on),
      type: cell('type', c.type),
      kanal: cell('kanal', c.channel),
      borger_navn: c.citizen_name,
      borger_email: c.citizen_email,
      borger_telefon: c.citizen_phone,
      borger_adresse: c.citizen_address,
      borger_cpr: cell('borger_cpr', c.citizen_cpr),
      afsluttet: cell('afsluttet', c.closed_on),
    };
    // The format has one request per henvendelse and forvaltning: the first sent (JSON has them all).
    const firstRequest = new Map<string, ExportRequestRow>();
    for (const r of requests.get(c.id) ?? []) if (!firstRequest.has(nameKey(r.forvaltning))) firstRequest.set(nameKey(r.forvaltning), r);
    const list = points.get(c.id) ?? [];
    // A henvendelse without klagepunkter is one row with the klagepunkt columns empty (import.md).
    if (list.length === 0) {
      const own = { ...henvendelse, kompetence: competenceCell(c.competence_reason), behandling: cell('behandling', c.handling) };
      rows.push(COLUMN_NAMES.map((n) => own[n] ?? ''));
    }
    for (const p of list) {
      // `regler` means "breached" in the format: only the rules assessed ikke overholdt, in link order.
      const breached = (rules.get(p.id) ?? []).filter((r) => r.assessment === 'ikke_overholdt').map((r) => r.rule_id);
      const rec = recommendations.get(p.id);
      const row: Partial<Record<ColumnName, string>> = {
        ...henvendelse,
        kompetence: competenceCell(p.competence_reason),
        behandling: cell('behandling', p.handling),
        forvaltning: cell('forvaltning', p.forvaltning),
        afdeling: cell('afdeling', p.afdeling),
        tema: cell('tema', themes.get(p.id) ?? null),
        beskrivelse: p.description,
        regler: cell('regler', breached.length > 0 ? breached : null),
        udfald: cell('udfald', p.outcome),
        forvaltning_enig: cell('forvaltning_enig', p.forvaltning_agreed === null ? null : p.forvaltning_agreed === 1),
        henstilling: rec?.text ?? '',
        henstilling_fulgt: rec === undefined || rec.status === 'afventer' ? '' : cell('henstilling_fulgt', rec.status),
      };
      const req = p.forvaltning === null ? undefined : firstRequest.get(nameKey(p.forvaltning));
      if (req !== undefined) {
        row.anmodet = cell('anmodet', req.sent_on);
        row.svarfrist = svarfristCell(req, defaultSpec);
        row.besvaret = cell('besvaret', req.answered_on);
      }
      rows.push(COLUMN_NAMES.map((n) => row[n] ?? ''));
    }
  }
  return rows;
}

/** CSV text: `;`, CRLF, UTF-8 BOM so Danish Excel shows æøå (import.md § File). */
export function exportCsvText(db: ReadableDB): string {
  return writeCsv(exportRows(db), { separator: ';', bom: true, newline: '\r\n' });
}

/** Everything Ombud knows about each henvendelse, plus the catalogue it refers to. */
export function exportJsonValue(db: ReadableDB, exportedAt: string) {
  const points = loadExportPoints(db);
  const themes = loadExportThemes(db);
  const rules = loadExportPointRules(db);
  const recommendations = new Map<number, Recommendation[]>();
  for (const r of allRecommendationsOldestFirst(db)) {
    const list = recommendations.get(r.caseId);
    if (list) list.push(r);
    else recommendations.set(r.caseId, [r]);
  }
  const history = loadCaseHistories(db);
  const requests = loadExportRequests(db);
  const cases = loadExportCases(db).map((c) => ({
    id: c.id,
    sagsnr: c.sagsnr,
    receivedOn: c.received_on,
    channel: c.channel,
    type: c.type,
    citizen: { name: c.citizen_name, address: c.citizen_address, phone: c.citizen_phone, email: c.citizen_email, cpr: c.citizen_cpr },
    representative: c.rep_name === null ? null : {
      name: c.rep_name, relation: c.rep_relation ?? '', phone: c.rep_phone ?? '', email: c.rep_email ?? '', powerOfAttorney: c.rep_power_of_attorney === 1,
    },
    summary: c.summary,
    description: c.description,
    status: c.status,
    // Competence and handling of a henvendelse without klagepunkter (else null: see its points).
    competenceReason: c.competence_reason,
    handling: c.handling,
    closedOn: c.closed_on,
    adviser: c.adviser,
    version: c.version,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    points: (points.get(c.id) ?? []).map((p) => ({
      id: p.id,
      position: p.position,
      forvaltning: p.forvaltning,
      afdeling: p.afdeling,
      themes: themes.get(p.id) ?? [],
      description: p.description,
      outcome: p.outcome,
      rules: (rules.get(p.id) ?? []).map((r) => ({ ruleId: r.rule_id, assessment: r.assessment, reasoning: r.reasoning })),
      forvaltningAgreed: p.forvaltning_agreed === null ? null : p.forvaltning_agreed === 1,
      apologised: p.apologised === 1,
      putRight: p.put_right === 1,
      /** The competence reason's name; null: inside competence. */
      competenceReason: p.competence_reason,
      handling: p.handling,
      createdAt: p.created_at,
      updatedAt: p.updated_at,
    })),
    recommendations: (recommendations.get(c.id) ?? []).map((r) => ({
      id: r.id,
      /** The klagepunkt's number within the henvendelse, or null when given on the henvendelse as a whole. */
      point: r.pointPosition,
      forvaltning: r.forvaltning,
      text: r.text,
      givenOn: r.givenOn,
      status: r.status,
      statusOn: r.statusOn,
      answer: r.answer,
      followUpOn: r.followUpOn,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    })),
    // How the decision was notified, its klagevejledning and what the klagefrist rests on (rule, none, by hand).
    decisionNotice: noticeOfRow(c),
    klagefristDue: c.klagefrist_due,
    targetDue: c.target_due,
    requests: (requests.get(c.id) ?? []).map((r) => ({
      id: r.id,
      forvaltning: r.forvaltning,
      kind: r.kind,
      sentOn: r.sent_on,
      spec: { amount: r.deadline_amount, unit: r.deadline_unit, rollForward: r.roll_forward === 1, profile: r.profile },
      dueOn: r.due_on,
      explicitDue: r.explicit_due,
      answeredOn: r.answered_on,
      closedOn: r.closed_on,
      verdict: r.verdict_on_time === null ? null : { onTime: r.verdict_on_time === 1, workingDaysUsed: r.verdict_working_days, daysLate: r.verdict_days_late },
      note: r.note,
    })),
    history: history.get(c.id) ?? [],
  }));
  const { forvaltninger, afdelinger, themes: themeList, competenceReasons, advisers } = loadCatalogueForExport(db);
  return {
    format: 'ombud-export' as const,
    version: 1 as const,
    exportedAt,
    municipality: getMunicipalityName(db),
    organisation: forvaltninger.map((f) => ({
      name: f.name,
      retired: f.retired_at !== null,
      afdelinger: afdelinger.filter((a) => a.forvaltning_id === f.id).map((a) => ({ name: a.name, retired: a.retired_at !== null })),
    })),
    themes: themeList.map((t) => ({ name: t.name, retired: t.retired_at !== null })),
    competenceReasons: competenceReasons.map((r) => ({ name: r.name, retired: r.retired_at !== null })),
    advisers: advisers.map((a) => ({ name: a.name, initials: a.initials, email: a.email, retired: a.retired_at !== null })),
    cases,
  };
}

export type ExportText = Readonly<{ fileName: string; mimeType: string; text: string }>;

/** The export as text (the CLI writes this; `buildExport` base64-encodes it for the IPC contract). */
export function buildExportText(ctx: ServiceContext, format: ExportFormat): ExportText {
  const now = ctx.clock.now();
  const day = copenhagenDate(now);
  const text = format === 'csv' ? exportCsvText(ctx.db) : `${JSON.stringify(exportJsonValue(ctx.db, now.toISOString()), null, 2)}\n`;
  appendAudit(ctx.db, {
    at: now.toISOString(), actor: ctx.actor(), entity: 'export', entityId: null, caseId: null,
    action: format === 'csv' ? 'Eksporteret som CSV' : 'Eksporteret som JSON',
    changes: [],
  });
  return format === 'csv'
    ? { fileName: `ombud-eksport-${day}.csv`, mimeType: 'text/csv; charset=utf-8', text }
    : { fileName: `ombud-eksport-${day}.json`, mimeType: 'application/json', text };
}

export function buildExport(ctx: ServiceContext, format: ExportFormat): ExportFile {
  const { fileName, mimeType, text } = buildExportText(ctx, format);
  return { fileName, mimeType, contentBase64: Buffer.from(text, 'utf8').toString('base64') };
}
