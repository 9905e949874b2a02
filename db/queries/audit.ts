/**
 * The audit trail: who changed what, when (forvaltningsloven/offentlighedsloven notatpligt; the
 * adviser must be able to show the history of a henvendelse). `audit_log` is append-only: triggers
 * in migration 0010 refuse UPDATE and DELETE, so this module only inserts and reads.
 */
import { z } from 'zod';
import type { HistoryEntry } from '../../shared/domain/case-list';
import type { ReadableDB, WritableDB } from '../types';
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
}>;

const ChangesSchema = z.array(z.object({ field: z.string(), before: z.string(), after: z.string() }));

/** Append one entry. Never throws away information: the changes are stored as given, as JSON. */
export function appendAudit(db: WritableDB, entry: AuditEntry): number {
  const info = cached(db, 'INSERT INTO audit_log (at, actor, entity, entity_id, case_id, action, changes) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    entry.at,
    entry.actor,
    entry.entity,
    entry.entityId,
    entry.caseId,
    entry.action,
    JSON.stringify(entry.changes),
  );
  return Number(info.lastInsertRowid);
}

type AuditRow = { id: number; at: string; actor: string; action: string; changes: string };

/** The history of a henvendelse, newest first (id breaks ties within the same millisecond). */
export function caseHistory(db: ReadableDB, caseId: number): HistoryEntry[] {
  const rows = cached(db, 'SELECT id, at, actor, action, changes FROM audit_log WHERE case_id = ? ORDER BY id DESC').all(caseId) as AuditRow[];
  return rows.map((r) => {
    // The column is written only by appendAudit, but a damaged row must not hide the rest of the history.
    let changes: HistoryEntry['changes'] = [];
    try {
      const parsed = ChangesSchema.safeParse(JSON.parse(r.changes));
      if (parsed.success) changes = parsed.data;
    } catch {
      changes = [];
    }
    return { id: r.id, at: r.at, actor: r.actor, action: r.action, changes };
  });
}
