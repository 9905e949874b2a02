/**
 * The municipality's letterhead, as every formal letter of the desk prints it (the finding, the
 * anmodning om redegørelse, the rykker, the kvittering): who sends (the borgerrådgiver's office, the
 * municipality), its address and contact lines, and an optional logo. One value, read by the backend
 * (electron/services/letterhead.ts) and handed to every letter's draft, so the letters never disagree
 * about the sender.
 */
import { z } from 'zod';

export const LogoSchema = z.object({ mediaType: z.enum(['image/png', 'image/jpeg']), contentBase64: z.string() });
export type Logo = z.infer<typeof LogoSchema>;

export const LetterheadSettingsSchema = z.object({
  /** The office's name on the letters, e.g. "Borgerrådgiveren". */
  office: z.string(),
  /** The municipality's name (settings: Kommunens navn). */
  municipality: z.string(),
  /** Postal address, one line each ("Rådhuspladsen 1", "1599 København V"). */
  addressLines: z.array(z.string()),
  /** Telephone, e-mail, web, one line each. */
  contactLines: z.array(z.string()),
  logo: LogoSchema.nullable(),
});
export type LetterheadSettings = z.infer<typeof LetterheadSettingsSchema>;

/** The sender's lines of a letter, top right on page 1: office, municipality, address, contact. */
export function senderLines(s: LetterheadSettings): string[] {
  return [s.office, s.municipality, ...s.addressLines, ...s.contactLines].map((l) => l.trim()).filter((l) => l !== '');
}

/** At most this many address lines and this many contact lines; each line at most LETTERHEAD_LINE_MAX characters. */
export const LETTERHEAD_LINES_MAX = 6;
export const LETTERHEAD_LINE_MAX = 120;

export type LetterheadText = Readonly<{ office: string; addressLines: readonly string[]; contactLines: readonly string[] }>;

/**
 * Danish messages per field for the letterhead's text (the settings page and the backend say the
 * same); empty when it may be saved. Lines are expected trimmed, blank ones left out.
 */
export function letterheadProblems(t: LetterheadText): Partial<Record<'office' | 'addressLines' | 'contactLines', string>> {
  const problems: Partial<Record<'office' | 'addressLines' | 'contactLines', string>> = {};
  if (t.office.trim() === '') problems.office = 'Skriv afsenderens navn, fx »Borgerrådgiveren«.';
  else if (t.office.trim().length > LETTERHEAD_LINE_MAX) problems.office = `Afsenderens navn må højst være ${LETTERHEAD_LINE_MAX} tegn.`;
  const lines = (list: readonly string[], what: string): string | undefined => {
    if (list.length > LETTERHEAD_LINES_MAX) return `Der må højst være ${LETTERHEAD_LINES_MAX} linjer i ${what} (der er ${list.length}).`;
    const long = list.findIndex((l) => l.trim().length > LETTERHEAD_LINE_MAX);
    return long < 0 ? undefined : `Linje ${long + 1} i ${what} er for lang: højst ${LETTERHEAD_LINE_MAX} tegn pr. linje.`;
  };
  const address = lines(t.addressLines, 'adressen');
  if (address) problems.addressLines = address;
  const contact = lines(t.contactLines, 'kontaktoplysningerne');
  if (contact) problems.contactLines = contact;
  return problems;
}

/** Text typed in a text area as letterhead lines: one per line, trimmed, blank lines left out. */
export function linesFromText(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim().replace(/\s+/g, ' ')).filter((l) => l !== '');
}
