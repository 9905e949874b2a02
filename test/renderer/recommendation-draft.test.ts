/** A new henstilling's preset: the klagepunkt and forvaltning the adviser would otherwise choose by hand. */
import { expect, test } from 'vitest';
import type { IsoDate } from '../../shared/domain/dates';
import { emptyRecommendationDraft } from '../../renderer/src/features/recommendations/recommendation-draft';

const TODAY = '2025-03-14' as IsoDate;

test('one klagepunkt: that klagepunkt and its forvaltning', () => {
  expect(emptyRecommendationDraft(TODAY, [{ id: 7, forvaltningId: 2 }])).toMatchObject({ pointId: 7, forvaltningId: 2, givenOnText: '14.03.2025' });
});

test('several klagepunkter of one forvaltning: the whole henvendelse, to that forvaltning', () => {
  expect(emptyRecommendationDraft(TODAY, [{ id: 7, forvaltningId: 2 }, { id: 8, forvaltningId: 2 }])).toMatchObject({ pointId: null, forvaltningId: 2 });
});

test('klagepunkter of different forvaltninger, or none: the adviser chooses', () => {
  expect(emptyRecommendationDraft(TODAY, [{ id: 7, forvaltningId: 2 }, { id: 8, forvaltningId: 3 }])).toMatchObject({ pointId: null, forvaltningId: null });
  expect(emptyRecommendationDraft(TODAY, [])).toMatchObject({ pointId: null, forvaltningId: null });
});
