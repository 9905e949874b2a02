/** A deadline's state as a badge (Afventer, Snart, Overskredet, Længe overskredet, Besvaret, Lukket). */
import type { DeadlineStateCode } from '../../../../shared/domain/deadline-tracking';
import { stateLabel } from './deadline-text';

export function DeadlineStateBadge({ state }: Readonly<{ state: DeadlineStateCode }>) {
  return <span className={`badge badge--dl-${state}`}>{stateLabel(state)}</span>;
}
