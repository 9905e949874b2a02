/**
 * How names and text are folded for search: letters with diacritical marks are searched without
 * them, so "Sukru" finds "Şükrü", "Jose" finds "José" and "Muller" finds "Müller" (advisers type names
 * as they hear them). Danish letters stay letters of their own: å is not "a with a ring" to a Danish
 * reader ("Ås" is not "As"), and æ and ø have no marks to remove. The index (db/queries/search-index.ts,
 * through the SQL function `fold_marks`) and the search terms (buildMatchQuery) use this one function.
 */

/** Stand-ins for å/Å while marks are removed (private-use code points never typed by an adviser). */
const KEEP: ReadonlyArray<readonly [string, string]> = [['å', '\uE000'], ['Å', '\uE001']];

/** Text that only holds ASCII and æøå has nothing to fold: the common case, answered without work. */
const NOTHING_TO_FOLD = /^[\u0000-\u007fæøåÆØÅ]*$/;

/**
 * A run of characters that may need folding (anything but ASCII and æøå, a combining mark
 * included), with the character before it: a mark composes with the letter it follows ("a" + ring
 * is å, and stays), and nothing else composes across the edges of such a run.
 */
const TO_FOLD = /[\s\S]?[^\u0000-\u007fæøåÆØÅ]+/gu;

export function foldMarks(text: string): string {
  if (NOTHING_TO_FOLD.test(text)) return text;
  // Only the runs that need it get the Unicode work, not the whole (often long) text around them:
  // the search index folds 70,000 henvendelser after an import, many with one foreign name.
  return text.replace(TO_FOLD, foldRun);
}

function foldRun(text: string): string {
  let s = text.normalize('NFC');
  for (const [letter, stand] of KEEP) s = s.split(letter).join(stand);
  s = s.normalize('NFD').replace(/\p{M}+/gu, '');
  for (const [letter, stand] of KEEP) s = s.split(stand).join(letter);
  return s.normalize('NFC');
}
