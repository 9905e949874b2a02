/**
 * The citizen's klagefrist, impossible to miss: a warning that is announced (role="alert") when the
 * deadline is near (Snart) or has passed, and a plain notice while there is time. The adviser cannot
 * extend it, and the banner says so.
 */
import type { CaseDeadline } from '../../../../shared/domain/deadline-tracking';
import { isPassed, isUrgent, klagefristSentence } from './deadline-text';
import { DeadlineStateBadge } from './DeadlineStateBadge';
import { Explanation } from './Explanation';

export function KlagefristBanner({ klagefrist }: Readonly<{ klagefrist: CaseDeadline }>) {
  const urgent = isUrgent(klagefrist.state);
  const tone = isPassed(klagefrist.state) ? 'alert--error' : urgent ? 'alert--warning' : 'alert--info';
  return (
    <div className={`alert klagefrist-banner ${tone}`}>
      <p className="klagefrist-text" role={urgent ? 'alert' : undefined}>
        <strong>{klagefristSentence(klagefrist)}</strong> <DeadlineStateBadge state={klagefrist.state} />
      </p>
      <Explanation explanation={klagefrist.explanation} about="borgerens klagefrist" />
    </div>
  );
}
