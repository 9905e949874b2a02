/** Shared wording for henstillinger. */
import type { Recommendation } from '../../../../shared/domain/recommendation';

/** Still awaiting an answer and the follow-up date has come: the same rule as the "followUpDue" filter. */
export function isFollowUpDue(r: Pick<Recommendation, 'status' | 'followUpOn'>, today: string): boolean {
  return r.status === 'afventer' && r.followUpOn !== null && r.followUpOn <= today;
}

export function excerpt(text: string, max = 160): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}
