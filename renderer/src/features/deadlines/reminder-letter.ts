/**
 * The text of a rykker to the forvaltning, to copy into the municipality's own letter or e-mail:
 * formal Danish, built from the request alone (the forvaltning, the sagsnr, what was asked and when,
 * the original svarfrist and, when an extension or a pause has moved it since, the current one). Dates are written
 * as a letter writes them ("den 5. juni 2025"); no internal ids.
 */
import { firstDueOf, type RequestView } from '../../../../shared/domain/deadline-tracking';
import { formatDanishLetterDate } from '../../../../shared/deadlines';

/** What was asked for, as the letter's object: "en redegørelse". */
const ASKED: Readonly<Record<RequestView['kind'], string>> = {
  redegoerelse: 'en redegørelse',
  akter: 'sagens akter',
  udtalelse: 'en udtalelse',
};

export function reminderLetter(r: RequestView, level: number, municipality: string): string {
  const asked = ASKED[r.kind];
  const original = firstDueOf(r);
  const extended = original !== r.dueOn;
  const lines = [
    `Til ${r.forvaltning}`,
    '',
    `Rykker${level > 1 ? ` ${level}` : ''}: anmodning om ${asked} – sag ${r.sagsnr}`,
    '',
    `Den ${formatDanishLetterDate(r.sentOn)} bad borgerrådgiveren ${r.forvaltning} om ${asked} i sag ${r.sagsnr} med svarfrist den ${formatDanishLetterDate(original)}.`,
    ...(extended ? [`Svarfristen er siden forlænget til den ${formatDanishLetterDate(r.dueOn)}.`] : []),
    'Borgerrådgiveren har endnu ikke modtaget svar og rykker hermed for det.',
    `Vi beder om at modtage ${asked} snarest muligt.`,
    '',
    'Med venlig hilsen',
    '',
    municipality.trim() === '' ? 'Borgerrådgiveren' : `Borgerrådgiveren, ${municipality.trim()}`,
  ];
  return lines.join('\n');
}
