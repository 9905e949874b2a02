/**
 * Henstillinger: the adviser's recommendations to a forvaltning, and the follow-up register (the
 * forvaltning must say whether it follows them; peers.md § 6 #4).
 */
import { z } from 'zod';
import { IsoDateSchema } from './case';
import { vocab } from './vocab';

export const RecommendationStatus = vocab([
  { code: 'afventer', label: 'Afventer', importName: '' },
  { code: 'fulgt', label: 'Fulgt', importName: 'ja' },
  { code: 'ikke_fulgt', label: 'Ikke fulgt', importName: 'nej' },
]);
export type RecommendationStatusCode = (typeof RecommendationStatus.codes)[number];
export const RecommendationStatusSchema = z.enum(RecommendationStatus.codes);

export const RecommendationInputSchema = z.object({
  caseId: z.number().int().positive(),
  /** The klagepunkt it arises from, if one. */
  pointId: z.number().int().positive().nullable(),
  forvaltningId: z.number().int().positive(),
  text: z.string().max(20000),
  givenOn: IsoDateSchema,
  status: RecommendationStatusSchema,
  /** The date the forvaltning answered (required unless status is afventer). */
  statusOn: IsoDateSchema.nullable(),
  answer: z.string().max(20000),
  followUpOn: IsoDateSchema.nullable(),
});
export type RecommendationInput = z.infer<typeof RecommendationInputSchema>;

export const RecommendationSchema = RecommendationInputSchema.extend({
  id: z.number().int(),
  sagsnr: z.string(),
  pointPosition: z.number().int().nullable(),
  forvaltning: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const RecommendationQuerySchema = z.object({
  statuses: z.array(RecommendationStatusSchema).max(3),
  forvaltningId: z.number().int().positive().nullable(),
  /** Only those still awaiting an answer whose follow-up date is today or earlier. */
  followUpDue: z.boolean(),
  givenFrom: IsoDateSchema.nullable(),
  givenTo: IsoDateSchema.nullable(),
});
export type RecommendationQuery = z.infer<typeof RecommendationQuerySchema>;

/** Danish messages per field, or {} when the henstilling can be saved. */
export function validateRecommendation(input: RecommendationInput, today: string): Record<string, string> {
  const e: Record<string, string> = {};
  if (input.text.trim() === '') e['text'] = 'Skriv henstillingens tekst.';
  if (input.givenOn > today) e['givenOn'] = 'Datoen for henstillingen kan ikke ligge i fremtiden.';
  if (input.status === 'afventer') {
    if (input.statusOn !== null) e['statusOn'] = 'Fjern svardatoen, eller vælg om henstillingen er fulgt.';
  } else if (input.statusOn === null) {
    e['statusOn'] = 'Angiv hvornår forvaltningen svarede.';
  } else if (input.statusOn < input.givenOn) {
    e['statusOn'] = 'Svardatoen kan ikke ligge før henstillingen blev givet.';
  } else if (input.statusOn > today) {
    e['statusOn'] = 'Svardatoen kan ikke ligge i fremtiden.';
  }
  if (input.followUpOn !== null && input.followUpOn < input.givenOn) e['followUpOn'] = 'Opfølgningsdatoen kan ikke ligge før henstillingen blev givet.';
  return e;
}
