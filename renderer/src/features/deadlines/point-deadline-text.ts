/** Wording of a statutory deadline on a klagepunkt. */
import type { PointDeadline } from '../../../../shared/domain/deadline-tracking';
import type { Rule } from '../../../../shared/domain/rule';
import { deadlineShort } from '../rules/rule-text';

/** Running; passed and not yet met (it may still be met, late); or judged once met. */
export function keptLabel(d: Pick<PointDeadline, 'kept' | 'metOn'>): string {
  if (d.kept === null) return 'Løber';
  if (d.kept) return 'Overholdt';
  return d.metOn === null ? 'Overskredet' : 'Ikke overholdt';
}

export function keptClass(d: Pick<PointDeadline, 'kept'>): string {
  if (d.kept === null) return 'badge badge--dl-afventer';
  return d.kept ? 'badge badge--overholdt' : 'badge badge--ikke_overholdt';
}

export function deadlineShortOf(rule: Rule): string {
  return deadlineShort(rule.deadline);
}
