/**
 * The history entry of a change to an akt or a journal note: one per write, on the henvendelse,
 * under who acts; the lines come from history-diff.ts.
 */
import { appendAudit, type AuditChange } from '../../db/queries/audit';
import { touchCase } from '../../db/queries/cases';
import type { ServiceContext } from './context';

export function auditRecord(
  ctx: ServiceContext,
  entity: 'document' | 'journal_note',
  entityId: number,
  caseId: number,
  action: string,
  changes: AuditChange[],
): void {
  const at = ctx.clock.now().toISOString();
  appendAudit(ctx.db, { at, actor: ctx.actor(), entity, entityId, caseId, action, changes });
  // What the case's history records, its "senest ændret" shows.
  touchCase(ctx.db, caseId, at);
}
