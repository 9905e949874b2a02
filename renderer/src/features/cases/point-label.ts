/**
 * How a picker names a klagepunkt: "Klagepunkt 2 – Jobcenter: Ikke fået svar på min …". A bare
 * "Klagepunkt 2" makes the adviser open the case to see which point is which.
 */
import type { Point } from '../../../../shared/domain/case';
import type { Settings } from '../../../../shared/domain/settings';

const WORDS = 8;

export function pointLabel(point: Pick<Point, 'position' | 'forvaltningId' | 'description'>, settings: Pick<Settings, 'forvaltninger'>): string {
  const forvaltning = settings.forvaltninger.find((f) => f.id === point.forvaltningId)?.name ?? '';
  const words = point.description.trim().split(/\s+/).filter((w) => w !== '');
  const text = words.length > WORDS ? `${words.slice(0, WORDS).join(' ')} …` : words.join(' ');
  const about = forvaltning !== '' && text !== '' ? `${forvaltning}: ${text}` : forvaltning || text;
  return about === '' ? `Klagepunkt ${point.position}` : `Klagepunkt ${point.position} – ${about}`;
}
