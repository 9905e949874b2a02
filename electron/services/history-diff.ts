/**
 * The "before → after" lines of a history entry, from two descriptions of the same thing (ordered
 * Danish label → shown value). A field that did not change gives no line; a new thing is described
 * against an empty map, a removed one against an empty map the other way round.
 */
import type { AuditChange } from '../../db/queries/audit';

export function diffDescriptions(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): AuditChange[] {
  const out: AuditChange[] = [];
  for (const field of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(field) ?? '';
    const a = after.get(field) ?? '';
    if (a !== b) out.push({ field, before: b, after: a });
  }
  return out;
}
