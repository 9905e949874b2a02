/**
 * The history lines of Akter og journal: what an akt or a note looked like, as ordered Danish
 * label → value, and the before → after of a change. One entry per write, on the henvendelse.
 */
import { appendAudit, type AuditChange } from '../../db/queries/audit';
import { touchCase } from '../../db/queries/cases';
import type { ServiceContext } from './context';

export function diffDescriptions(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): AuditChange[] {
  const out: AuditChange[] = [];
  for (const field of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(field) ?? '';
    const a = after.get(field) ?? '';
    if (a !== b) out.push({ field, before: b, after: a });
  }
  return out;
}

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
