/**
 * The visible "ikke fuldt verificeret" mark. The rule catalogue's facts come from a checked
 * reference; where that check is incomplete the adviser must see it every time the rule is shown,
 * so the mark is text (not colour or an icon alone) and is read by screen readers.
 */
import { Verification, verificationMark, type VerificationCode } from '../../../../shared/domain/rule';

export function VerificationMark({ verification }: Readonly<{ verification: VerificationCode }>) {
  const mark = verificationMark(verification);
  if (mark === null) return null;
  return <span className="mark-unverified" title={Verification.label(verification)}>{mark}</span>;
}
