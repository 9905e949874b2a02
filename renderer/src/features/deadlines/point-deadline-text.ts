/** Wording of a statutory deadline on a klagepunkt. */
import type { PointDeadline } from '../../../../shared/domain/deadline-tracking';
import type { Rule } from '../../../../shared/domain/rule';
import { deadlineShort } from '../rules/rule-text';

export function keptLabel(d: Pick<PointDeadline, 'kept'>): string {
  if (d.kept === null) return 'Løber';
  return d.kept ? 'Overholdt' : 'Ikke overholdt';
}

export function keptClass(d: Pick<PointDeadline, 'kept'>): string {
  if (d.kept === null) return 'badge badge--dl-afventer';
  return d.kept ? 'badge badge--overholdt' : 'badge badge--ikke_overholdt';
}

export function deadlineShortOf(rule: Rule): string {
  return deadlineShort(rule.deadline);
}
