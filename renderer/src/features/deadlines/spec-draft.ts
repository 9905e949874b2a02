/** A deadline spec as typed (the amount as text), and its conversion with Danish messages. */
import type { CalendarProfile, DeadlineSpec } from '../../../../shared/deadlines/types';
import type { DeadlineUnitCode } from '../../../../shared/domain/rule';
import { parseWholeNumber } from './deadline-text';

export type SpecDraft = { amountText: string; unit: DeadlineUnitCode; profile: CalendarProfile; rollForward: boolean };

export function specDraft(spec: DeadlineSpec): SpecDraft {
  return { amountText: String(spec.amount), unit: spec.unit, profile: spec.profile, rollForward: spec.rollForward };
}

export function toSpec(d: SpecDraft): { spec: DeadlineSpec | null; error: string | undefined } {
  const amount = parseWholeNumber(d.amountText);
  if (amount === null) return { spec: null, error: 'Skriv antallet som et helt tal, fx 10.' };
  return { spec: { amount, unit: d.unit, profile: d.profile, rollForward: d.rollForward }, error: undefined };
}
