/**
 * Export of every henvendelse, as CSV in exactly the import format (../shared/formats/import.md, so
 * export → import into an empty database gives the same data) or as a full-fidelity JSON dump.
 *
 * `content` is base64, as every file content that crosses the IPC contract (shared/ipc/contract.ts).
 * Each export is recorded in the audit log: the file holds CPR numbers of every borger.
 */
import { appendAudit } from '../../db/queries/audit';
import { cached } from '../../db/queries/cached';
import { getMunicipalityName } from '../../db/queries/settings';
import type { ReadableDB } from '../../db/types';
import { copenhagenDate } from '../../shared/domain/dates';
import type { CaseStatusCode, CaseTypeCode, ChannelCode, CompetenceCode, HandlingCode, OutcomeCode } from '../../shared/domain/vocab';
import { COLUMN_NAMES, columnSpec, type ColumnName, type ColumnValues } from '../../shared/import/columns';
import { writeCsv } from '../../shared/import/csv';
import type { ServiceContext } from './context';

export type ExportFormat = 'csv' | 'json';
export type ExportFile = Readonly<{ fileName: string; mimeType: string; contentBase64: string }>;

type CaseRow = {
  id: number;
  sagsnr: string;
  received_on: string;
  channel: ChannelCode | null;
  type: CaseTypeCode;
  citizen_name: string;
  citizen_address: string;
  citizen_phone: string;
  citizen_email: string;
  citizen_cpr: string | null;
  rep_name: string | null;
  rep_relation: string | null;
  rep_phone: string | null;
  rep_email: string | null;
  rep_power_of_attorney: number | null;
  summary: string;
  description: string;
  status: CaseStatusCode;
  competence: CompetenceCode;
  handling: HandlingCode | null;
  closed_on: string | null;
  adviser: string | null;
  version: number;
  created_at: string;
  updated_at: string;
};

type PointRow = {
  id: number;
  case_id: number;
  position: number;
  forvaltning: string | null;
  afdeling: string | null;
  description: string;
  outcome: OutcomeCode | null;
  created_at: string;
  updated_at: string;
};

/** Reading order: date of receipt, then sagsnr; the same in every database holding the same data. */
const CASES_SQL = `
  SELECT c.*, a.name AS adviser
    FROM cases c LEFT JOIN advisers a ON a.id = c.adviser_id
   ORDER BY c.received_on, c.sagsnr_key, c.id`;

const POINTS_SQL = `
  SELECT p.id, p.case_id, p.position, f.name AS forvaltning, d.name AS afdeling, p.description, p.outcome, p.created_at, p.updated_at
    FROM complaint_points p
    LEFT JOIN forvaltninger f ON f.id = p.forvaltning_id
    LEFT JOIN afdelinger d ON d.id = p.afdeling_id
   ORDER BY p.case_id, p.position, p.id`;

/** Theme names per klagepunkt, ordered by name so the `tema` cell does not depend on ids. */
const THEMES_SQL = `
  SELECT pt.point_id, t.name FROM complaint_point_themes pt JOIN themes t ON t.id = pt.theme_id
   ORDER BY pt.point_id, t.name_key`;

function loadPoints(db: ReadableDB): Map<number, PointRow[]> {
  const byCase = new Map<number, PointRow[]>();
  for (const p of cached(db, POINTS_SQL).all() as PointRow[]) {
    const list = byCase.get(p.case_id);
    if (list) list.push(p);
    else byCase.set(p.case_id, [p]);
  }
  return byCase;
}

function loadThemes(db: ReadableDB): Map<number, string[]> {
  const byPoint = new Map<number, string[]>();
  for (const r of cached(db, THEMES_SQL).all() as Array<{ point_id: number; name: string }>) {
    const list = byPoint.get(r.point_id);
    if (list) list.push(r.name);
    else byPoint.set(r.point_id, [r.name]);
  }
  return byPoint;
}

/** Cell text of a column, written by the column's own `format` (the inverse of its import parser). */
function cell<K extends ColumnName>(name: K, value: ColumnValues[K] | null | undefined): string {
  if (value === null || value === undefined) return '';
  return columnSpec(name).format(value);
}

/** The export as rows of the import format: a header, then one row per klagepunkt. */
export function exportRows(db: ReadableDB): string[][] {
  const points = loadPoints(db);
  const themes = loadThemes(db);
  const rows: string[][] = [[...COLUMN_NAMES]];
  for (const c of cached(db, CASES_SQL).all() as CaseRow[]) {
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
      kompetence: cell('kompetence', c.competence),
      behandling: cell('behandling', c.handling),
      afsluttet: cell('afsluttet', c.closed_on),
    };
    const list = points.get(c.id) ?? [];
    // A henvendelse without klagepunkter is one row with the klagepunkt columns empty (import.md).
    if (list.length === 0) rows.push(COLUMN_NAMES.map((n) => henvendelse[n] ?? ''));
    for (const p of list) {
      const row: Partial<Record<ColumnName, string>> = {
        ...henvendelse,
        forvaltning: cell('forvaltning', p.forvaltning),
        afdeling: cell('afdeling', p.afdeling),
        tema: cell('tema', themes.get(p.id) ?? null),
        beskrivelse: p.description,
        udfald: cell('udfald', p.outcome),
      };
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
  const points = loadPoints(db);
  const themes = loadThemes(db);
  const history = new Map<number, unknown[]>();
  const auditRows = cached(db, 'SELECT id, case_id, at, actor, action, changes FROM audit_log WHERE case_id IS NOT NULL ORDER BY case_id, id').all() as Array<{
    id: number; case_id: number; at: string; actor: string; action: string; changes: string;
  }>;
  for (const a of auditRows) {
    let changes: unknown;
    try {
      changes = JSON.parse(a.changes);
    } catch {
      changes = a.changes; // keep a damaged entry as text rather than dropping it
    }
    const entry = { id: a.id, at: a.at, actor: a.actor, action: a.action, changes };
    const list = history.get(a.case_id);
    if (list) list.push(entry);
    else history.set(a.case_id, [entry]);
  }
  const cases = (cached(db, CASES_SQL).all() as CaseRow[]).map((c) => ({
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
    competence: c.competence,
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
      createdAt: p.created_at,
      updatedAt: p.updated_at,
    })),
    history: history.get(c.id) ?? [],
  }));
  const forvaltninger = cached(db, 'SELECT id, name, retired_at FROM forvaltninger ORDER BY sort_order, name_key').all() as Array<{ id: number; name: string; retired_at: string | null }>;
  const afdelinger = cached(db, 'SELECT forvaltning_id, name, retired_at FROM afdelinger ORDER BY sort_order, name_key').all() as Array<{ forvaltning_id: number; name: string; retired_at: string | null }>;
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
    themes: (cached(db, 'SELECT name, retired_at FROM themes ORDER BY sort_order, name_key').all() as Array<{ name: string; retired_at: string | null }>)
      .map((t) => ({ name: t.name, retired: t.retired_at !== null })),
    advisers: (cached(db, 'SELECT name, initials, email, retired_at FROM advisers ORDER BY name_key').all() as Array<{ name: string; initials: string; email: string; retired_at: string | null }>)
      .map((a) => ({ name: a.name, initials: a.initials, email: a.email, retired: a.retired_at !== null })),
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
