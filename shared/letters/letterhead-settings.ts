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
