/**
 * Export of every henvendelse: as JSON, the whole of what Ombud holds (shared/import/portable.ts:
 * every field of every henvendelse, klagepunkt, henstilling, request with its history, deadline and
 * klagefrist, plus the catalogue, the rules the data depends on and the settings), so that an import
 * into an empty database gives exactly the same data; or as CSV in the import format
 * (docs/reference/import-format.md), one row per klagepunkt, which carries a part of it (README §
 * Import and export format).
 *
 * Both are built from one read: the tables through their registries and mappers (db/queries/tables),
 * turned into PortableCases. `content` is base64, as every file content that crosses the IPC
 * contract (shared/ipc/contract.ts). Each export is recorded in the audit log: the file holds CPR
 * numbers of every borger.
 */
import { appendAudit } from '../../db/queries/audit';
import { readDeadlineSettings } from '../../db/queries/deadline-settings';
import {
  citedRuleIds, loadCaseHistories, loadCatalogueForExport, loadExportCases, loadExportPointDeadlines, loadExportPointRules, loadExportPoints,
  loadExportRecommendations, loadExportRequestEvents, loadExportRequestPoints, loadExportRequests, loadExportThemes,
} from '../../db/queries/export-rows';
import { loadExportFindings, type FindingExportRows } from '../../db/queries/findings';
import { allDocumentsWithContent, allJournalNotes } from '../../db/queries/records';
import { listRules } from '../../db/queries/rules';
import { getMunicipalityName } from '../../db/queries/settings';
import { getLetterhead } from '../../db/queries/letterhead';
import { listAnnualReportsForExport } from '../../db/queries/annual-reports';
import { listPhrases } from '../../db/queries/phrases';
import { readReportSettings } from '../../db/queries/report';
import { readRetentionYears } from '../../db/queries/retention';
import { caseInputFromRow, decisionNoticeFromRow } from '../../db/queries/tables/cases';
import { pointFromRow, pointRuleFromRow } from '../../db/queries/tables/complaint-points';
import { pointDeadlineFromRow, recommendationInputFromRow, requestEventFromRow, requestFromRow } from '../../db/queries/tables/follow-up';
import type { ReadableDB } from '../../db/types';
import { copenhagenDate } from '../../shared/domain/dates';
import { COLUMN_NAMES, columnSpec, nameKey, type ColumnName, type ColumnValues } from '../../shared/import/columns';
import { writeCsv } from '../../shared/import/csv';
import {
  EXPORT_FORMAT, EXPORT_VERSION, type PortableCase, type PortableDocument, type PortableFinding, type PortableExport, type PortableJournalNote, type PortableExportHead, type PortableRequest, type PortableRule,
} from '../../shared/import/portable';
import type { ServiceContext } from './context';

export type ExportFormat = 'csv' | 'json';
export type ExportFile = Readonly<{ fileName: string; mimeType: string; contentBase64: string }>;

/** Name by id, for the catalogue tables. */
function names(rows: ReadonlyArray<{ id: number; name: string }>): (id: number | null) => string | null {
  const byId = new Map(rows.map((r) => [r.id, r.name]));
  return (id) => (id === null ? null : (byId.get(id) ?? null));
}

/** Groups rows by their case id, keeping their order. */
function byCase<T>(rows: ReadonlyArray<T>, caseId: (row: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(caseId(r));
    if (list) list.push(r);
    else out.set(caseId(r), [r]);
  }
  return out;
}

/** The akter of every henvendelse, bytes as base64; the request link as the request's number in the case. */
function exportDocuments(db: ReadableDB): Map<number, Array<PortableDocument & { requestId: number | null; caseId: number }>> {
  const docs = allDocumentsWithContent(db).map(({ doc, bytes, text }) => ({
    caseId: doc.caseId,
    requestId: doc.requestId,
    fileName: doc.fileName, mediaType: doc.mediaType, title: doc.title, documentDate: doc.documentDate, direction: doc.direction, party: doc.party,
    request: null, textStatus: doc.textStatus, extractedText: text, contentBase64: Buffer.from(bytes).toString('base64'),
    // A file deleted by a retention run travels as its metadata with the size and checksum it had.
    ...(bytes.length === 0 ? { erased: { size: doc.size, sha256: doc.sha256 } } : {}),
    addedBy: doc.addedBy, addedAt: doc.addedAt, updatedAt: doc.updatedAt,
  }));
  return byCase(docs, (d) => d.caseId);
}

function exportJournal(db: ReadableDB): Map<number, PortableJournalNote[]> {
  const notes = byCase(allJournalNotes(db), (n) => n.caseId);
  return new Map([...notes].map(([caseId, list]) => [caseId, list.map(({ id: _id, caseId: _caseId, ...note }) => note)]));
}

/** A henvendelse's finding: versions by number (not id), both PDFs as base64, the stored JSON as it was frozen. */
function portableFinding(f: FindingExportRows): PortableFinding {
  const number = (id: number | null): number | null => (id === null ? null : (f.versions.find((v) => v.id === id)?.version ?? null));
  return {
    edits: f.edits.map((e) => ({ section: e.section, blocks: JSON.parse(e.blocks_json) as PortableFinding['edits'][number]['blocks'], editedAt: e.edited_at, editedBy: e.edited_by })),
    draft: f.draft === null ? null : { supersedes: number(f.draft.supersedes_version_id), startedAt: f.draft.started_at, startedBy: f.draft.started_by },
    versions: f.versions.map((v) => ({
      version: v.version,
      letterDate: v.letter_date,
      document: JSON.parse(v.document_json) as PortableFinding['versions'][number]['document'],
      addressees: JSON.parse(v.addressees_json) as PortableFinding['versions'][number]['addressees'],
      pdfBase64: Buffer.from(v.pdf).toString('base64'),
      pdfSha256: v.pdf_sha256,
      forvaltningPdfBase64: Buffer.from(v.forvaltning_pdf).toString('base64'),
      forvaltningPdfSha256: v.forvaltning_pdf_sha256,
      issuedAt: v.issued_at,
      issuedBy: v.issued_by,
      supersedes: number(v.supersedes_id),
      reason: v.reason,
    })),
    anonymisationTerms: f.terms,
  };
}

/** Every henvendelse as a PortableCase, in reading order (date of receipt, then sagsnr). */
export function exportCases(db: ReadableDB): PortableCase[] {
  const catalogue = loadCatalogueForExport(db);
  const forvaltning = names(catalogue.forvaltninger);
  const afdeling = names(catalogue.afdelinger);
  const reason = names(catalogue.competenceReasons);
  const adviser = names(catalogue.advisers);
  const points = loadExportPoints(db);
  const themes = loadExportThemes(db);
  const rules = loadExportPointRules(db);
  const deadlines = loadExportPointDeadlines(db);
  const recommendations = loadExportRecommendations(db);
  const requests = loadExportRequests(db);
  const events = loadExportRequestEvents(db);
  const requestPoints = loadExportRequestPoints(db);
  const history = loadCaseHistories(db);
  const documents = exportDocuments(db);
  const journal = exportJournal(db);
  const findings = loadExportFindings(db);
  return loadExportCases(db).map((row): PortableCase => {
    const finding = findings.get(row.id);
    const { competenceReasonId, adviserId, ...form } = caseInputFromRow(row);
    const pointRows = points.get(row.id) ?? [];
    const position = new Map(pointRows.map((p) => [p.id, p.position]));
    return {
      ...form,
      statusResume: row.status_resume,
      competenceReason: reason(competenceReasonId),
      adviser: adviser(adviserId),
      // The domain's klagepunkt, with the organisation by name: a field added to Point travels without a change here.
      points: pointRows.map((p) => {
        const { id: _id, position: _position, forvaltningId, afdelingId, themeIds: _themeIds, competenceReasonId: pointReason, ...fields } = pointFromRow(
          p, [], (rules.get(p.id) ?? []).map(pointRuleFromRow),
        );
        return {
          ...fields,
          forvaltning: forvaltning(forvaltningId),
          afdeling: afdeling(afdelingId),
          themes: themes.get(p.id) ?? [],
          competenceReason: reason(pointReason),
          deadlines: (deadlines.get(p.id) ?? []).map((d) => ({ ...pointDeadlineFromRow(d), createdAt: d.created_at, updatedAt: d.updated_at })),
          createdAt: p.created_at,
          updatedAt: p.updated_at,
        };
      }),
      decisionNotice: decisionNoticeFromRow(row),
      klagefristDue: row.klagefrist_due,
      targetDue: row.target_due,
      recommendations: (recommendations.get(row.id) ?? []).map((r) => {
        const { caseId: _caseId, pointId, forvaltningId, ...fields } = recommendationInputFromRow(r);
        return {
          ...fields,
          point: pointId === null ? null : (position.get(pointId) ?? null),
          forvaltning: forvaltning(forvaltningId) ?? '',
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        };
      }),
      requests: (requests.get(row.id) ?? []).map((r): PortableRequest => {
        const { forvaltningId, ...fields } = requestFromRow(r);
        return {
          ...fields,
          forvaltning: forvaltning(forvaltningId) ?? '',
          points: requestPoints.get(r.id) ?? [],
          events: (events.get(r.id) ?? []).map((e) => ({ ...requestEventFromRow(e), createdAt: e.created_at })),
          createdAt: r.created_at,
          updatedAt: r.updated_at,
        };
      }),
      documents: (documents.get(row.id) ?? []).map(({ requestId, caseId: _caseId, ...d }) => {
        const n = requestId === null ? -1 : (requests.get(row.id) ?? []).findIndex((r) => r.id === requestId);
        return { ...d, request: n < 0 ? null : n + 1 };
      }),
      journal: journal.get(row.id) ?? [],
      // Only a henvendelse with a finding carries the key, so the export of one without is unchanged.
      ...(finding === undefined ? {} : { finding: portableFinding(finding) }),
      history: history.get(row.id) ?? [],
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

/**
 * The rules the data depends on: every own rule, every shipped rule the adviser edited or that has
 * left the catalogue, and every rule cited by a klagepunkt, a deadline, a klagefrist or a theme's
 * suggestions — so a database of another catalogue version still has each one the data names.
 */
function exportRules(db: ReadableDB, today: string): PortableRule[] {
  const cited = citedRuleIds(db);
  return listRules(db, { search: '', lawShort: null, category: null, includeRetired: true }, today)
    .filter((r) => r.origin === 'own' || r.edited || r.validTo !== null || cited.has(r.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => ({
      id: r.id, lawShort: r.lawShort, lawFull: r.lawFull, paragraph: r.paragraph, title: r.title, summary: r.summary, category: r.category,
      citation: r.citation, role: r.role, deadline: r.deadline, sources: r.sources, verification: r.verification, note: r.note,
      origin: r.origin, validFrom: r.validFrom, validTo: r.validTo, catalogVersion: r.catalogVersion, edited: r.edited,
    }));
}

/** Everything besides the henvendelser: the catalogue, the rules, the settings, the letterhead and the phrase library. */
export function exportHead(db: ReadableDB, exportedAt: string): PortableExportHead {
  const c = loadCatalogueForExport(db);
  const letterhead = getLetterhead(db);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt,
    municipality: getMunicipalityName(db),
    organisation: c.forvaltninger.map((f) => ({
      name: f.name,
      retiredAt: f.retired_at,
      sortOrder: f.sort_order,
      afdelinger: c.afdelinger.filter((a) => a.forvaltning_id === f.id).map((a) => ({ name: a.name, retiredAt: a.retired_at, sortOrder: a.sort_order })),
    })),
    themes: c.themes.map((t) => ({ name: t.name, retiredAt: t.retired_at, sortOrder: t.sort_order, rules: c.themeRules.get(t.id) ?? [] })),
    competenceReasons: c.competenceReasons.map((r) => ({ name: r.name, retiredAt: r.retired_at, sortOrder: r.sort_order, code: r.code })),
    advisers: c.advisers.map((a) => ({ name: a.name, initials: a.initials, email: a.email, retiredAt: a.retired_at, title: a.title })),
    rules: exportRules(db, exportedAt.slice(0, 10)),
    settings: { deadlines: readDeadlineSettings(db), report: readReportSettings(db), retention: { years: readRetentionYears(db) } },
    letterhead: {
      office: letterhead.office,
      addressLines: letterhead.addressLines,
      contactLines: letterhead.contactLines,
      logo: letterhead.logo === null ? null : { mediaType: letterhead.logo.mediaType, contentBase64: Buffer.from(letterhead.logo.bytes).toString('base64') },
    },
    phrases: listPhrases(db).map((p) => ({ scope: p.scope, key: p.key, title: p.title, text: p.text })),
    annualReports: listAnnualReportsForExport(db).map((r) => ({
      from: r.from, to: r.to, title: r.title, forord: r.forord, omFunktionen: r.omFunktionen, aaretsTemaer: r.aaretsTemaer,
      anbefalinger: r.anbefalinger, statusSidsteAar: r.statusSidsteAar, findings: r.findings, updatedAt: r.updatedAt, updatedBy: r.updatedBy,
    })),
  };
}

/** The JSON export: everything Ombud holds, as an import reads it back. */
export function exportJsonValue(db: ReadableDB, exportedAt: string): PortableExport {
  return { ...exportHead(db, exportedAt), cases: exportCases(db) };
}

// ---------------------------------------------------------------------------------------------
// CSV

/** Cell text of a column, written by the column's own `format` (the inverse of its import parser). */
function cell<K extends ColumnName>(name: K, value: ColumnValues[K] | null | undefined): string {
  if (value === null || value === undefined) return '';
  return columnSpec(name).format(value);
}

/**
 * The `svarfrist` cell of a request. Empty when importing it again would compute the same date
 * (no explicit date, the current default spec, no events), so the request stays one that follows the
 * calendar; otherwise the date, which the import keeps as given.
 */
function svarfristCell(r: PortableRequest, defaultSpec: ReturnType<typeof readDeadlineSettings>['requestDefault']): string {
  const s = r.spec;
  const followsDefault =
    r.explicitDue === null && r.events.length === 0 && s !== null && s.amount === defaultSpec.amount && s.unit === defaultSpec.unit &&
    s.rollForward === defaultSpec.rollForward && s.profile === defaultSpec.profile;
  return followsDefault ? '' : cell('svarfrist', r.dueOn);
}

/**
 * The `kompetence` cell: the reason's name, or "inden for" (competence is per klagepunkt; a
 * henvendelse without klagepunkter writes its own on its one row).
 */
function competenceCell(reason: string | null): string {
  return cell('kompetence', reason === null ? { kind: 'inden_for' } : { kind: 'reason', name: reason, legacyCode: null });
}

/**
 * The export as rows of the import format: a header, then one row per klagepunkt. The CSV carries
 * the breached rules (not other assessments or reasoning), the first henstilling of each klagepunkt
 * and the first request to each forvaltning; the JSON export carries everything.
 */
export function exportRows(db: ReadableDB): string[][] {
  const defaultSpec = readDeadlineSettings(db).requestDefault;
  const rows: string[][] = [[...COLUMN_NAMES]];
  for (const c of exportCases(db)) {
    const henvendelse: Partial<Record<ColumnName, string>> = {
      sagsnr: cell('sagsnr', c.sagsnr),
      modtaget: cell('modtaget', c.receivedOn),
      type: cell('type', c.type),
      kanal: cell('kanal', c.channel),
      borger_navn: c.citizen.name,
      borger_email: c.citizen.email,
      borger_telefon: c.citizen.phone,
      borger_adresse: c.citizen.address,
      borger_cpr: cell('borger_cpr', c.citizen.cpr),
      afsluttet: cell('afsluttet', c.closedOn),
    };
    // The format has one request per henvendelse and forvaltning: the first sent (JSON has them all).
    const firstRequest = new Map<string, PortableRequest>();
    for (const r of c.requests) if (!firstRequest.has(nameKey(r.forvaltning))) firstRequest.set(nameKey(r.forvaltning), r);
    // And one henstilling per klagepunkt: the earliest given.
    const firstRecommendation = new Map<number, PortableCase['recommendations'][number]>();
    for (const r of c.recommendations) if (r.point !== null && !firstRecommendation.has(r.point)) firstRecommendation.set(r.point, r);
    // A henvendelse without klagepunkter is one row with the klagepunkt columns empty (import.md).
    if (c.points.length === 0) {
      const own = { ...henvendelse, kompetence: competenceCell(c.competenceReason), behandling: cell('behandling', c.handling) };
      rows.push(COLUMN_NAMES.map((n) => own[n] ?? ''));
    }
    c.points.forEach((p, i) => {
      // `regler` means "breached" in the format: only the rules assessed ikke overholdt, in link order.
      const breached = p.rules.filter((r) => r.assessment === 'ikke_overholdt').map((r) => r.ruleId);
      const rec = firstRecommendation.get(i + 1);
      const row: Partial<Record<ColumnName, string>> = {
        ...henvendelse,
        kompetence: competenceCell(p.competenceReason),
        behandling: cell('behandling', p.handling),
        forvaltning: cell('forvaltning', p.forvaltning),
        afdeling: cell('afdeling', p.afdeling),
        tema: cell('tema', p.themes.length > 0 ? p.themes : null),
        beskrivelse: p.description,
        regler: cell('regler', breached.length > 0 ? breached : null),
        udfald: cell('udfald', p.outcome),
        forvaltning_enig: cell('forvaltning_enig', p.forvaltningAgreed),
        henstilling: rec?.text ?? '',
        henstilling_fulgt: rec === undefined || rec.status === 'afventer' ? '' : cell('henstilling_fulgt', rec.status),
      };
      const req = p.forvaltning === null ? undefined : firstRequest.get(nameKey(p.forvaltning));
      if (req !== undefined) {
        row.anmodet = cell('anmodet', req.sentOn);
        row.svarfrist = svarfristCell(req, defaultSpec);
        row.besvaret = cell('besvaret', req.answeredOn);
      }
      rows.push(COLUMN_NAMES.map((n) => row[n] ?? ''));
    });
  }
  return rows;
}

/** CSV text: `;`, CRLF, UTF-8 BOM so Danish Excel shows æøå (import.md § File). */
export function exportCsvText(db: ReadableDB): string {
  return writeCsv(exportRows(db), { separator: ';', bom: true, newline: '\r\n' });
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
