/**
 * How the citizen's klagefrist is worded on screen. A frist from a decision without correct
 * klagevejledning (or where that is unknown) may not be enforceable against the citizen (FVL § 25),
 * so it is never called simply "udløbet" (legal-rules.md, rsl-67-klagefrist).
 */
import { formatDanishDate } from '../../../../shared/domain/dates';
import { klagefristMayNotBind, type Klagefrist } from '../../../../shared/domain/deadline-tracking';
import { daysLeftText } from './deadline-text';

/** The banner's main sentence, and the caveat when the frist may not bind the citizen. */
export function klagefristSentences(k: Pick<Klagefrist, 'dueOn' | 'daysLeft' | 'guidance'>): { main: string; caveat: string | null } {
  const date = formatDanishDate(k.dueOn);
  const when = daysLeftText(k.daysLeft);
  const unsure = klagefristMayNotBind(k.guidance);
  const why = k.guidance === 'mangelfuld' ? 'Afgørelsen gav ikke korrekt klagevejledning' : 'Det er ikke oplyst, om afgørelsen gav korrekt klagevejledning';
  if (k.daysLeft < 0) {
    if (!unsure) return { main: `Borgerens klagefrist udløb ${date} (${when}) – borgerrådgiveren kan ikke forlænge den`, caveat: null };
    return {
      main: `Borgerens klagefrist var ${date} (${when})`,
      caveat: `${why}, så fristen kan muligvis ikke gøres gældende over for borgeren – undersøg, om klagen kan indgives alligevel.`,
    };
  }
  return {
    main: `Borgerens klagefrist udløber ${date} (${when}) – borgerrådgiveren kan ikke forlænge den`,
    caveat: unsure ? `${why}, så fristen kan muligvis ikke gøres gældende over for borgeren; regn alligevel med den.` : null,
  };
}
