import { expect, test } from 'vitest';
import { ApiError, notSavedMessage } from '../../renderer/src/api/client';

test('field errors give the form\'s one summary wording, whichever side found them; other errors say what went wrong', () => {
  const notSaved = 'Anmodningen er ikke gemt. Ret de markerede felter.';
  expect(notSavedMessage(new ApiError('validation', 'Nogle felter skal rettes, før der kan gemmes.', { sentOn: 'Skriv datoen.' }), notSaved)).toBe(notSaved);
  expect(notSavedMessage(new ApiError('conflict', 'Sagsnummeret 2025-0001 er allerede brugt af en anden henvendelse.', { sagsnr: 'Sagsnummeret 2025-0001 er allerede brugt af en anden henvendelse.' }), notSaved)).toBe(notSaved);
  expect(notSavedMessage(new ApiError('not_found', 'Henvendelsen findes ikke.'), notSaved)).toBe('Henvendelsen findes ikke.');
});
