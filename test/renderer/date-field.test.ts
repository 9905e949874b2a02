import { expect, test } from 'vitest';
import { dateFieldError } from '../../renderer/src/components/DateField';

test('the date field says the same as the import for an impossible date, and the format for a malformed one', () => {
  expect(dateFieldError('31.02.2025')).toBe('31.02.2025 er ikke en gyldig dato.');
  // The ddmmåååå shorthand is read as dd.mm.åååå first.
  expect(dateFieldError('31022025')).toBe('31.02.2025 er ikke en gyldig dato.');
  expect(dateFieldError('31.2')).toBe('Skriv datoen som dd.mm.åååå, fx 05.03.2025.');
  expect(dateFieldError('05.03.2025')).toBeUndefined();
  expect(dateFieldError('')).toBeUndefined();
});
