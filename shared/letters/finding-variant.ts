/**
 * One finding, two letters (issue: "to the citizen (copy to the forvaltning) and to the forvaltning
 * (copy to the citizen)"). The body is the same finding; only who it is addressed to and who gets a
 * copy change, so both are made from the one document by swapping the letterhead's recipient and
 * copy lines. The addressees are kept beside an issued version, so its second letter can be made again
 * from the frozen text without asking the case (which may have changed since).
 */
import type { LetterDocument } from './document';
import { DEFAULT_FINDING_PHRASES, type FindingPhrases } from './finding-phrases';
import type { FindingSource } from './finding-source';

export type LetterVariant = 'borger' | 'forvaltning';

export type FindingAddressees = {
  /** The citizen's name, then the address lines. */
  citizen: string[];
  /** The forvaltninger the finding concerns, each once, in the order the case names them. */
  forvaltninger: string[];
};

function unique(names: ReadonlyArray<string | null>): string[] {
  const seen: string[] = [];
  for (const n of names) if (n !== null && n.trim() !== '' && !seen.includes(n.trim())) seen.push(n.trim());
  return seen;
}

/** Who the finding of a case goes to: the citizen, and every forvaltning its klagepunkter, requests and henstillinger name. */
export function findingAddressees(src: FindingSource): FindingAddressees {
  const citizen = [src.citizen.name, ...src.citizen.address.split(/\r?\n|,\s*/)].map((l) => l.trim()).filter((l) => l !== '');
  const forvaltninger = unique([
    ...src.points.map((pt) => pt.forvaltning),
    ...src.requests.map((r) => r.forvaltning),
    ...src.recommendations.filter((r) => r.text.trim() !== '').map((r) => r.forvaltning),
  ]);
  return { citizen, forvaltninger };
}

/** The letter as sent to `variant`, the other party named in the copy line (none when there is no one). */
export function letterTo(doc: LetterDocument, variant: LetterVariant, to: FindingAddressees, ph: FindingPhrases = DEFAULT_FINDING_PHRASES): LetterDocument {
  const citizenName = to.citizen[0] ?? '';
  const copy = (names: string): string[] => (names.trim() === '' ? [] : [ph.copyTo(names)]);
  const letterhead =
    variant === 'borger'
      ? { ...doc.letterhead, recipient: [...to.citizen], copyTo: copy(to.forvaltninger.join(', ')) }
      : { ...doc.letterhead, recipient: [...to.forvaltninger], copyTo: copy(citizenName) };
  return { ...doc, letterhead };
}
