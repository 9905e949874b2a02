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

/** Sort key of a name in Danish alphabetical order (see the module comment). */
export function danishSortKey(name: string): string {
  const folded = name
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ')
    .toLocaleLowerCase('da-DK')
    .replace(/aa/g, 'å')
    .replace(/ä/g, 'æ')
    .replace(/ö/g, 'ø')
    .replace(/ü/g, 'y');
  let out = '';
  for (const ch of folded) {
    const mapped = AFTER_Z[ch];
    // Decompose other letters and drop their accents (é → e); æ/ø/å are kept whole above.
    out += mapped ?? ch.normalize('NFD').replace(/\p{M}/gu, '');
  }
  return out;
}
