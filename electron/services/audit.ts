/**
 * The audit trail as a whole (migration 0190, db/queries/audit-chain.ts): the chain verified at
 * start-up in the background and by `ombud audit verify`, a broken chain kept in front of the
 * adviser until read (the reading is itself recorded), the log listed with filters and exported as
 * CSV or JSON (the export recorded), and the entries for reading personal data (a henvendelse
 * opened, an akt or a PDF fetched).
 */
import { readAuditAnchor, verifyAndAnchor, writeAuditAnchor } from '../../db/audit-anchor';
import { appendAudit, auditLogChoices, auditLogForExport, listAuditLog, type AuditEntry, type AuditLogRow, type AuditWhere } from '../../db/queries/audit';
import { startAuditVerification, type AuditChainResult } from '../../db/queries/audit-chain';
import { AUDIT_PAGE_SIZE, type AuditFilter, type AuditPage, type AuditStatus } from '../../shared/domain/audit';
import { copenhagenDate, formatDanishDateTime, type IsoDate } from '../../shared/domain/dates';
import { writeCsv } from '../../shared/import/csv';
import type { ServiceContext } from './context';
import type { WriteLock } from './write-lock';

/** The start-up verification's state, one per opened app. */
export type AuditMonitor = Readonly<{
  status: () => AuditStatus;
  /** Verify in chunks, yielding between them so requests are answered meanwhile. */
  checkInBackground: (ctx: ServiceContext, lock?: WriteLock) => Promise<AuditStatus>;
  acknowledge: (by: string) => void;
}>;

/** Rows verified per chunk: about 0.1 s on a slow laptop. */
const CHUNK = 5_000;

function fileOf(ctx: ServiceContext): string | null {
  return ctx.databasePath === ':memory:' ? null : ctx.databasePath;
}

function statusOf(result: AuditChainResult, checkedAt: string): AuditStatus {
  return result.ok
    ? { state: 'ok', rows: result.rows, checkedAt }
    : { state: 'broken', rows: result.rows, firstBrokenId: result.firstBrokenId, reason: result.reason, checkedAt, acknowledgedBy: null };
}

export function createAuditMonitor(): AuditMonitor {
  let status: AuditStatus = { state: 'checking', rowsChecked: 0 };
  return {
    status: () => status,
    checkInBackground: async (ctx, lock) => {
      const file = fileOf(ctx);
      const verification = startAuditVerification(ctx.db, file === null ? null : readAuditAnchor(file));
      for (;;) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        // A step must never see an import's rows that may still be rolled back.
        while (lock?.held()) await lock.released();
        // Closed meanwhile (Ombud quit during the check): the next start verifies again.
        if (!ctx.db.open) return status;
        const result = verification.step(CHUNK);
        if (result === null) {
          status = { state: 'checking', rowsChecked: verification.rowsChecked() };
          continue;
        }
        // A broken chain never moves the anchor: the next start reports it again.
        if (result.ok && result.head !== null && file !== null) writeAuditAnchor(file, result.head);
        status = statusOf(result, ctx.clock.now().toISOString());
        return status;
      }
    },
    acknowledge: (by) => {
      if (status.state === 'broken') status = { ...status, acknowledgedBy: by };
    },
  };
}

/** `ombud audit verify`: the whole chain now, against the anchor, which moves on when it holds. */
export function verifyAuditNow(ctx: ServiceContext): AuditStatus {
  return statusOf(verifyAndAnchor(ctx.db, fileOf(ctx)), ctx.clock.now().toISOString());
}

export const ACKNOWLEDGED_ACTION = 'Advarsel om brudt revisionsspor læst';

/** The adviser has read the warning: recorded in the log with what it said, and the banner goes. */
export function acknowledgeAuditWarning(ctx: ServiceContext, monitor: AuditMonitor): AuditStatus {
  const status = monitor.status();
  if (status.state !== 'broken' || status.acknowledgedBy !== null) return status;
  const actor = ctx.actor();
  ctx.db.transaction(() => {
    appendAudit(ctx.db, {
      at: ctx.clock.now().toISOString(), actor, entity: 'audit', entityId: status.firstBrokenId, caseId: null, action: ACKNOWLEDGED_ACTION,
      changes: [{ field: 'Advarsel', before: '', after: status.reason }],
    });
  })();
  monitor.acknowledge(actor);
  return monitor.status();
}

/** Record that personal data was read: a henvendelse opened, an akt or a PDF fetched, an export made. */
export function recordAccess(ctx: ServiceContext, entry: Omit<AuditEntry, 'at' | 'actor'>): void {
  appendAudit(ctx.db, { ...entry, at: ctx.clock.now().toISOString(), actor: ctx.actor() });
}

/** The instant a Copenhagen day begins, as stored (UTC ISO): the offset is +1 or +2 hours. */
export function copenhagenDayStart(day: IsoDate): string {
  const midnightUtc = Date.parse(`${day}T00:00:00.000Z`);
  for (const hours of [2, 1, 0]) {
    const t = midnightUtc - hours * 3_600_000;
    if (copenhagenDate(new Date(t)) === day) return new Date(t).toISOString();
  }
  return new Date(midnightUtc).toISOString();
}

function nextDay(day: IsoDate): IsoDate {
  return new Date(Date.parse(`${day}T12:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}

function whereOf(filter: AuditFilter): AuditWhere {
  const text = (s: string | null) => (s === null || s.trim() === '' ? null : s.trim());
  return {
    fromAt: filter.from === null ? null : copenhagenDayStart(filter.from),
    toAt: filter.to === null ? null : copenhagenDayStart(nextDay(filter.to)),
    actor: text(filter.actor), action: text(filter.action), sagsnr: text(filter.sagsnr),
  };
}

/** One page of the whole log, newest first, with the filters' choices. */
export function listAudit(ctx: ServiceContext, filter: AuditFilter, offset: number): AuditPage {
  const { rows, total } = listAuditLog(ctx.db, whereOf(filter), offset, AUDIT_PAGE_SIZE);
  return { rows, total, ...auditLogChoices(ctx.db) };
}

const CSV_HEADER = ['Nr.', 'Tidspunkt', 'Rådgiver', 'Hændelse', 'Område', 'Sagsnr.', 'Felt', 'Før', 'Efter', 'Anonymiseret'];

/** One line per change (an entry without changes: one line), in the log's order. */
export function auditCsv(rows: ReadonlyArray<AuditLogRow>): string {
  const lines: string[][] = [CSV_HEADER];
  for (const r of rows) {
    const head = [String(r.id), formatDanishDateTime(r.at), r.actor, r.action, r.entity, r.sagsnr ?? ''];
    const redacted = r.redactedBy === null ? '' : 'ja';
    const changes = r.changes.length > 0 ? r.changes : [{ field: '', before: '', after: '' }];
    for (const c of changes) lines.push([...head, c.field, c.before, c.after, redacted]);
  }
  // writeCsv neutralises every text that a spreadsheet would read as a formula (shared/import/formula-guard.ts):
  // the log holds whatever an adviser or an imported file typed.
  return writeCsv(lines);
}

export type AuditExport = Readonly<{ fileName: string; mediaType: string; text: string }>;

/** The log (filtered) as CSV or JSON; the export itself is recorded, with its filters and size. */
export function exportAudit(ctx: ServiceContext, filter: AuditFilter, format: 'csv' | 'json'): AuditExport {
  const now = ctx.clock.now();
  return ctx.db.transaction(() => {
    const rows = auditLogForExport(ctx.db, whereOf(filter));
    const filters = Object.entries(filter).filter(([, v]) => v !== null && v !== '').map(([k, v]) => `${k}=${String(v)}`).join(', ');
    appendAudit(ctx.db, {
      at: now.toISOString(), actor: ctx.actor(), entity: 'audit', entityId: null, caseId: null,
      action: format === 'csv' ? 'Revisionsspor eksporteret som CSV' : 'Revisionsspor eksporteret som JSON',
      changes: [{ field: 'Udvalg', before: '', after: filters === '' ? 'alt' : filters }, { field: 'Poster', before: '', after: String(rows.length) }],
    });
    const day = copenhagenDate(now);
    return format === 'csv'
      ? { fileName: `ombud-revisionsspor-${day}.csv`, mediaType: 'text/csv; charset=utf-8', text: auditCsv(rows) }
      : { fileName: `ombud-revisionsspor-${day}.json`, mediaType: 'application/json', text: `${JSON.stringify({ exportedAt: now.toISOString(), filter, entries: rows }, null, 2)}\n` };
  })();
}
