import { expect, test } from 'vitest';
import { impossibleDateMessage, isImpossibleDateText } from '../../../shared/domain/dates';

test('a well-formed but impossible date is told apart from a format error', () => {
  expect(isImpossibleDateText('31.02.2025')).toBe(true);
  expect(isImpossibleDateText('2025-13-01')).toBe(true);
  expect(isImpossibleDateText('28.02.2025')).toBe(false);
  expect(isImpossibleDateText('31/02/25')).toBe(false);
  expect(impossibleDateMessage(' 31.02.2025 ')).toBe('31.02.2025 er ikke en gyldig dato.');
});
