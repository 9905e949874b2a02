/**
 * Danish sort key for names, compared byte-wise by SQLite (BINARY collation, so an index on the key
 * serves ORDER BY). Danish alphabetical order (Retskrivningsordbogen § 9; ICU's `da` collation):
 *
 * - case is ignored;
 * - æ, ø, å come after z, in that order;
 * - ä sorts as æ, ö as ø, ü as y, and the old spelling "aa" as å (Aabenraa after Vejle);
 * - other accents are ignored (é as e).
 *
 * The three Danish letters become `{`, `|`, `}`, the code points right after `z`.
 */
const AFTER_Z: Record<string, string> = { æ: '{', ø: '|', å: '}' };

/** Whitespace other than single spaces: only then does the collapsing replace have work to do. */
const ODD_SPACE = /[^\S ]| {2}/;
const MARKS = /\p{M}/gu;

/**
 * Sort key of a name in Danish alphabetical order (see the module comment).
 *
 * Called for every henvendelse of a bulk import, so the common case is kept cheap, with the same
 * result as the plain pipeline (NFC, trim, collapse spaces, lower-case, aa/ä/ö/ü, then per letter
 * æøå → `{|}` or NFD without marks):
 * - lower-casing: `toLowerCase()` equals `toLocaleLowerCase('da-DK')` (Danish has no special case
 *   mappings; only tr, az and lt do in ICU/V8; checked for every code point);
 * - decomposing: ASCII letters have no decomposition and no marks, so only the rest is decomposed.
 */
export function danishSortKey(name: string): string {
  let folded = name.normalize('NFC').trim();
  if (ODD_SPACE.test(folded)) folded = folded.replace(/\s+/g, ' ');
  folded = folded.toLowerCase();
  if (folded.includes('aa')) folded = folded.replace(/aa/g, 'å');
  if (/[äöü]/.test(folded)) folded = folded.replace(/ä/g, 'æ').replace(/ö/g, 'ø').replace(/ü/g, 'y');
  let out = '';
  let start = 0;
  for (let i = 0; i < folded.length; i++) {
    if (folded.charCodeAt(i) < 0x80) continue;
    const cp = folded.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    // Decompose other letters and drop their accents (é → e); æ/ø/å are kept whole above.
    out += folded.slice(start, i) + (AFTER_Z[ch] ?? ch.normalize('NFD').replace(MARKS, ''));
    if (cp > 0xffff) i++;
    start = i + 1;
  }
  return start === 0 ? folded : out + folded.slice(start);
}
