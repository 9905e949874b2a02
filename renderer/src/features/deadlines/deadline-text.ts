/**
 * How deadlines are worded in the UI: states, units, calendar profiles, "om 3 dage", verdicts. Kept
 * in one place so the case page, the Frister screen and the settings say it the same way.
 */
import { formatSpec } from '../../../../shared/deadlines/text';
import type { CalendarProfile, DeadlineSpec } from '../../../../shared/deadlines/types';
import { DeadlineState, type DeadlineStateCode, type RequestView } from '../../../../shared/domain/deadline-tracking';
import { DeadlineUnit, type Rule } from '../../../../shared/domain/rule';
import type { Option } from '../../components/Field';

export const PROFILES: ReadonlyArray<Readonly<{ code: CalendarProfile; label: string }>> = [
  { code: 'standard', label: 'Standard (også 5.6, 24.12 og 31.12)' },
  { code: 'helligdage', label: 'Kun helligdage' },
  { code: 'udvidet', label: 'Udvidet (også fredag efter Kr. himmelfart)' },
];

export const profileOptions: Option[] = PROFILES.map((p) => ({ value: p.code, label: p.label }));
export const unitOptions: Option[] = DeadlineUnit.entries.map((e) => ({ value: e.code, label: e.label }));

/** "10 arbejdsdage", "1 måned" – the engine's own wording. */
export function specShort(spec: Pick<DeadlineSpec, 'amount' | 'unit'>): string {
  return formatSpec(spec);
}

export function stateLabel(state: DeadlineStateCode): string {
  return DeadlineState.label(state);
}

/** States that need the adviser's attention now. */
export function isUrgent(state: DeadlineStateCode): boolean {
  return state === 'snart' || state === 'overskredet' || state === 'laenge_overskredet';
}

export function isPassed(state: DeadlineStateCode): boolean {
  return state === 'overskredet' || state === 'laenge_overskredet';
}

/** "om 3 dage", "i dag", "i morgen", "for 2 dage siden". */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft === 0) return 'i dag';
  if (daysLeft === 1) return 'i morgen';
  if (daysLeft > 1) return `om ${daysLeft} dage`;
  if (daysLeft === -1) return 'i går';
  return `for ${-daysLeft} dage siden`;
}

/** The frozen verdict of an answered or closed request: "Besvaret 3 arbejdsdage for sent". */
export function verdictText(r: Pick<RequestView, 'verdict' | 'answeredOn' | 'closedOn'>): string | null {
  const v = r.verdict;
  if (v === null) return null;
  const late = `${v.daysLate} ${v.daysLate === 1 ? 'arbejdsdag' : 'arbejdsdage'} for sent`;
  const used = `${v.workingDaysUsed} ${v.workingDaysUsed === 1 ? 'arbejdsdag' : 'arbejdsdage'} brugt`;
  if (r.answeredOn !== null) return v.onTime ? `Besvaret rettidigt (${used})` : `Besvaret ${late}`;
  return v.onTime ? 'Lukket uden svar inden fristen' : `Lukket uden svar, ${late}`;
}

/** A rule whose deadline the engine can compute (amount and unit given). */
export function hasComputableDeadline(rule: Rule): boolean {
  return rule.deadline !== null && rule.deadline.amount !== null && rule.deadline.unit !== null;
}

/** Parse a whole number typed in a field; null when it is not one. */
export function parseWholeNumber(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,5}$/.test(t)) return null;
  return Number(t);
}
