/**
 * Whether a logo can go on the letters: the letterhead settings call this before storing an image,
 * so a PNG or JPEG that pdf-lib cannot read is refused when it is chosen, not when a finding is
 * printed. The same embedding as the letterhead's (index.ts), followed by a save, which is where
 * pdf-lib writes the image's data.
 */
import { PDFDocument } from 'pdf-lib';

export type LogoMediaType = 'image/png' | 'image/jpeg';

/** The image's size in pixels; throws when pdf-lib cannot embed it. */
export async function embedLogoProbe(mediaType: LogoMediaType, bytes: Uint8Array): Promise<{ width: number; height: number }> {
  const pdf = await PDFDocument.create();
  // A plain Uint8Array of this realm, as index.ts hands pdf-lib (a Buffer from another realm is not one).
  const plain = new Uint8Array(bytes);
  const image = mediaType === 'image/png' ? await pdf.embedPng(plain) : await pdf.embedJpg(plain);
  pdf.addPage().drawImage(image, { x: 0, y: 0, width: 10, height: 10 });
  await pdf.save();
  return { width: image.width, height: image.height };
}
