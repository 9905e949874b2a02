/**
 * The henstilling form's working copy: dates kept as typed (dd.mm.åååå). `toRecommendationInput`
 * parses them and runs the shared `validateRecommendation`, so the form and the service agree.
 */
import { formatDanishDate, type IsoDate } from '../../../../shared/domain/dates';
import { validateRecommendation, type Recommendation, type RecommendationInput, type RecommendationStatusCode } from '../../../../shared/domain/recommendation';
import { DATE_FORMAT_MESSAGE, dateFieldError, parseDateField } from '../../components/DateField';

export type RecommendationDraft = {
  pointId: number | null;
  forvaltningId: number | null;
  text: string;
  givenOnText: string;
  status: RecommendationStatusCode;
  statusOnText: string;
  answer: string;
  followUpOnText: string;
};

/**
 * A new henstilling, preset from the case's klagepunkter: the only klagepunkt and its forvaltning; or,
 * when every klagepunkt concerns the same forvaltning, the whole henvendelse given to that one.
 */
export function emptyRecommendationDraft(today: IsoDate, points: ReadonlyArray<{ id: number; forvaltningId: number | null }>): RecommendationDraft {
  const only = points.length === 1 ? points[0] : undefined;
  const forvaltninger = new Set(points.map((p) => p.forvaltningId));
  const shared = forvaltninger.size === 1 ? (points[0]?.forvaltningId ?? null) : null;
  return {
    pointId: only?.id ?? null, forvaltningId: shared, text: '', givenOnText: formatDanishDate(today),
    status: 'afventer', statusOnText: '', answer: '', followUpOnText: '',
  };
}

export function draftFromRecommendation(r: Recommendation): RecommendationDraft {
  return {
    pointId: r.pointId, forvaltningId: r.forvaltningId, text: r.text, givenOnText: formatDanishDate(r.givenOn), status: r.status,
    statusOnText: formatDanishDate(r.statusOn), answer: r.answer, followUpOnText: formatDanishDate(r.followUpOn),
  };
}

export function toRecommendationInput(d: RecommendationDraft, caseId: number, today: IsoDate): { input: RecommendationInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const given = parseDateField(d.givenOnText);
  if (given === null) errors['givenOn'] = 'Skriv datoen, henstillingen blev givet.';
  else if (given === 'invalid') errors['givenOn'] = dateFieldError(d.givenOnText) ?? DATE_FORMAT_MESSAGE;
  const statusOn = parseDateField(d.statusOnText);
  if (statusOn === 'invalid') errors['statusOn'] = dateFieldError(d.statusOnText) ?? DATE_FORMAT_MESSAGE;
  const followUp = parseDateField(d.followUpOnText);
  if (followUp === 'invalid') errors['followUpOn'] = dateFieldError(d.followUpOnText) ?? DATE_FORMAT_MESSAGE;
  if (d.forvaltningId === null) errors['forvaltningId'] = 'Vælg den forvaltning, henstillingen er givet til.';
  const input: RecommendationInput = {
    caseId,
    pointId: d.pointId,
    forvaltningId: d.forvaltningId ?? 1,
    text: d.text,
    givenOn: given === null || given === 'invalid' ? today : given,
    status: d.status,
    statusOn: statusOn === null || statusOn === 'invalid' ? null : statusOn,
    answer: d.answer,
    followUpOn: followUp === null || followUp === 'invalid' ? null : followUp,
  };
  // A date that could not be read is reported once, as a format error.
  for (const [k, v] of Object.entries(validateRecommendation(input, today))) if (!(k in errors)) errors[k] = v;
  return { input: Object.keys(errors).length === 0 ? input : null, errors };
}
