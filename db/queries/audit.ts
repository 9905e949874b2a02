/**
 * The audit trail: who changed what, when (forvaltningsloven/offentlighedsloven notatpligt; the
 * adviser must be able to show the history of a henvendelse). `audit_log` is append-only and
 * hash-chained (migration 0190, ./audit-chain.ts): this module assigns each entry the next id, the
 * previous row's hash and a time that never goes back, and only inserts and reads.
 */
import { z } from 'zod';
import type { HistoryEntry } from '../../shared/domain/case-list';
import type { ReadableDB, WritableDB } from '../types';
import { auditHead, auditRowHash, AUDIT_GENESIS, canonicalAuditAt, sha256Hex } from './audit-chain';
import { cached } from './cached';

export type AuditChange = Readonly<{ field: string; before: string; after: string }>;

export type AuditEntry = Readonly<{
  /** ISO timestamp. */
  at: string;
  actor: string;
  /** What was changed: 'case', 'forvaltning', 'afdeling', 'theme', 'adviser', 'settings'. */
  entity: string;
  entityId: number | null;
  /** The henvendelse the entry belongs to, so its history is one indexed range (audit_case). */
  caseId: number | null;
  /** Danish, as shown in the history: "Oprettet", "Ændret", "CPR-nummer vist", … */
  action: string;
  changes: ReadonlyArray<AuditChange>;
  /** For an entry carried by an imported JSON export: the time the other database recorded it (shown in the history). */
  originalAt?: string | null;
}>;

const ChangesSchema = z.array(z.object({ field: z.string(), before: z.string(), after: z.string() }));

const INSERT = `INSERT INTO audit_log (id, at, actor, entity, entity_id, case_id, action, changes, prev_hash, hash, details_sha256, original_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * Append one entry as the next link of the chain: id = max(id)+1, prev_hash = that row's hash. The
 * time stored is the later of the entry's and the previous row's, so a PC clock set back never
 * refuses the adviser's work (the trigger refuses only a back-dated INSERT from outside the app).
 * Never throws away information: the changes are stored as given, as JSON. Runs inside the caller's
 * transaction; on its own it is two statements on one connection, and a row another connection
 * slipped in between is caught by the trigger (the id would no longer be the next).
 */
export function appendAudit(db: WritableDB, entry: AuditEntry): number {
  return appendAuditEntries(db, [entry]);
}

/**
 * Append entries in order, reading the chain's head once (the import's one entry per henvendelse:
 * 100,000 of them). Same rows as appendAudit one by one. Returns the last id (0 for none).
 */
export function appendAuditEntries(db: WritableDB, entries: Iterable<AuditEntry>): number {
  const prev = auditHead(db);
  let id = prev?.id ?? 0;
  let prevHash = prev === null ? AUDIT_GENESIS : prev.hash;
  // Rows from before the chain may be in another ISO form: compared as times, stored in the one form.
  let prevTime = prev === null ? Number.NaN : Date.parse(prev.at);
  const insert = cached(db, INSERT);
  let lastText = '';
  let lastSha = '';
  for (const entry of entries) {
    id++;
    let at = canonicalAuditAt(entry.at);
    const time = Date.parse(at);
    if (!Number.isNaN(prevTime) && prevTime > time) at = new Date(prevTime).toISOString();
    else prevTime = time;
    const changes = JSON.stringify(entry.changes);
    // An import gives every henvendelse the same changes: hashed once.
    if (changes !== lastText) {
      lastText = changes;
      lastSha = sha256Hex(changes);
    }
    const originalAt = entry.originalAt ?? null;
    const hash = auditRowHash({
      prevHash, id, at, actor: entry.actor, entity: entry.entity, entityId: entry.entityId, caseId: entry.caseId, action: entry.action, detailsSha256: lastSha, originalAt,
    });
    insert.run(id, at, entry.actor, entry.entity, entry.entityId, entry.caseId, entry.action, changes, prevHash, hash, lastSha, originalAt);
    prevHash = hash;
  }
  return id;
}

type AuditRow = { id: number; at: string; actor: string; action: string; changes: string };

/** The history of a henvendelse, newest first (in the order recorded); an imported entry shows the time its own database recorded. */
export function caseHistory(db: ReadableDB, caseId: number): HistoryEntry[] {
  const rows = cached(db, 'SELECT id, coalesce(original_at, at) AS at, actor, action, changes FROM audit_log WHERE case_id = ? ORDER BY id DESC').all(caseId) as AuditRow[];
  return rows.map((r) => {
    // The column is written only by appendAudit, but a damaged row must not hide the rest of the history.
    return { id: r.id, at: r.at, actor: r.actor, action: r.action, changes: parseChanges(r.changes) };
  });
}

/** The whole log's filters as the query takes them: times as stored (UTC ISO), `toAt` excluded. */
export type AuditWhere = Readonly<{ fromAt: string | null; toAt: string | null; actor: string | null; action: string | null; sagsnr: string | null }>;

export type AuditLogRow = Readonly<{
  id: number; at: string; actor: string; entity: string; action: string; sagsnr: string | null; changes: HistoryEntry['changes']; redactedBy: number | null;
}>;

const WHERE = `(@fromAt IS NULL OR a.at >= @fromAt) AND (@toAt IS NULL OR a.at < @toAt) AND (@actor IS NULL OR a.actor = @actor)
  AND (@action IS NULL OR a.action = @action) AND (@sagsnr IS NULL OR c.sagsnr = @sagsnr COLLATE NOCASE)`;
const FROM = 'audit_log a LEFT JOIN cases c ON c.id = a.case_id';

function parseChanges(text: string): HistoryEntry['changes'] {
  try {
    const parsed = ChangesSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

type LogRow = { id: number; at: string; actor: string; entity: string; action: string; sagsnr: string | null; changes: string; redacted_by: number | null };
const toLogRow = (r: LogRow): AuditLogRow => ({
  id: r.id, at: r.at, actor: r.actor, entity: r.entity, action: r.action, sagsnr: r.sagsnr, changes: parseChanges(r.changes), redactedBy: r.redacted_by,
});
const LOG_COLUMNS = 'a.id, a.at, a.actor, a.entity, a.action, c.sagsnr, a.changes, a.redacted_by';

/** One page of the whole log, newest first, with the number of matching entries. */
export function listAuditLog(db: ReadableDB, where: AuditWhere, offset: number, limit: number): { rows: AuditLogRow[]; total: number } {
  const rows = cached(db, `SELECT ${LOG_COLUMNS} FROM ${FROM} WHERE ${WHERE} ORDER BY a.id DESC LIMIT @limit OFFSET @offset`).all({ ...where, limit, offset }) as LogRow[];
  const total = cached(db, `SELECT count(*) FROM ${FROM} WHERE ${WHERE}`).pluck().get(where) as number;
  return { rows: rows.map(toLogRow), total };
}

/** Every matching entry, oldest first (the export). */
export function auditLogForExport(db: ReadableDB, where: AuditWhere): AuditLogRow[] {
  return (cached(db, `SELECT ${LOG_COLUMNS} FROM ${FROM} WHERE ${WHERE} ORDER BY a.id`).all(where) as LogRow[]).map(toLogRow);
}

/** Who occurs in the log and which actions, sorted, for the filters' choices. */
export function auditLogChoices(db: ReadableDB): { actors: string[]; actions: string[] } {
  return {
    actors: cached(db, 'SELECT DISTINCT actor FROM audit_log ORDER BY actor').pluck().all() as string[],
    actions: cached(db, 'SELECT DISTINCT action FROM audit_log ORDER BY action').pluck().all() as string[],
  };
}
