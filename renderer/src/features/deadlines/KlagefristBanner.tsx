/**
 * The citizen's klagefrist, impossible to miss: a warning that is announced (role="alert") when the
 * deadline is near (Snart) or has passed, and a plain notice while there is time. The adviser cannot
 * extend it, and the banner says so; without correct klagevejledning it says the frist may not bind.
 */
import type { Klagefrist } from '../../../../shared/domain/deadline-tracking';
import { isPassed, isUrgent } from './deadline-text';
import { DeadlineStateBadge } from './DeadlineStateBadge';
import { Explanation } from './Explanation';
import { klagefristSentences } from './klagefrist-text';

export function KlagefristBanner({ klagefrist }: Readonly<{ klagefrist: Klagefrist }>) {
  const urgent = isUrgent(klagefrist.state);
  const tone = isPassed(klagefrist.state) ? 'alert--error' : urgent ? 'alert--warning' : 'alert--info';
  const { main, caveat } = klagefristSentences(klagefrist);
  return (
    <div className={`alert klagefrist-banner ${tone}`}>
      <p className="klagefrist-text" role={urgent ? 'alert' : undefined}>
        <strong>{main}</strong> <DeadlineStateBadge state={klagefrist.state} />
        {caveat ? <><br /><span className="klagefrist-caveat">{caveat}</span></> : null}
      </p>
      <p className="muted">Klagefrist efter: {klagefrist.basisText}</p>
      <Explanation explanation={klagefrist.explanation} about="borgerens klagefrist" />
    </div>
  );
}
