/**
 * What makes the file claim PDF/A-2b beyond its content: the Info dictionary and an XMP metadata
 * stream that mirrors it (ISO 19005-2 § 6.6: the two must agree), the sRGB OutputIntent, and a trailer
 * /ID. Everything comes from the letter and `createdAt`, never the clock or a random source, so one
 * letter and one date give the same bytes. Structural only: no validator (veraPDF) has checked it.
 */
import { createHash } from 'node:crypto';
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import type { LetterMeta } from '../../shared/letters/document';
import { srgbIccProfile } from './srgb-icc';

export const PRODUCER = 'Ombud (pdf-lib)';
export const CREATOR = 'Ombud';

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** XMP date equal to the Info dict's "D:YYYYMMDDHHmmSSZ" (whole seconds, UTC). */
function xmpDate(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/** The keywords as one string, the same in Info and XMP. */
export function keywordsText(meta: LetterMeta): string {
  return meta.keywords.join(', ');
}

export function xmpPacket(meta: LetterMeta, createdAt: Date): string {
  const date = xmpDate(createdAt);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>${xml(meta.language)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <xmp:CreatorTool>${xml(CREATOR)}</xmp:CreatorTool>
   <pdf:Producer>${xml(PRODUCER)}</pdf:Producer>
   <pdf:Keywords>${xml(keywordsText(meta))}</pdf:Keywords>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/**
 * Info dict, XMP, OutputIntent, /ID. `fingerprint` is a hash of everything the output depends on
 * (the letter and the date): the /ID is derived from it, as ISO 32000 allows ("a hash of … the
 * contents"), so it identifies this letter without being random.
 */
export function addPdfaMetadata(pdf: PDFDocument, meta: LetterMeta, createdAt: Date, fingerprint: string): void {
  const ctx = pdf.context;
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  // pdf-lib keeps getInfoDict private; setTitle above has made the dictionary.
  const info = ctx.lookup(ctx.trailerInfo.Info, PDFDict);
  info.set(PDFName.of('Keywords'), PDFHexString.fromText(keywordsText(meta)));
  pdf.setProducer(PRODUCER);
  pdf.setCreator(CREATOR);
  // Whole seconds: the XMP dates above carry no fraction, and the two must be equal.
  const whole = new Date(Math.floor(createdAt.getTime() / 1000) * 1000);
  info.set(PDFName.of('CreationDate'), PDFString.fromDate(whole));
  info.set(PDFName.of('ModDate'), PDFString.fromDate(whole));
  pdf.setLanguage(meta.language);

  // XMP must stay uncompressed and UTF-8 (ISO 19005-2 § 6.6.2.1).
  // Copied into this realm's Uint8Array: pdf-lib tells bytes from text by `instanceof` (see fonts.ts).
  const xmp = ctx.stream(new Uint8Array(new TextEncoder().encode(xmpPacket(meta, whole))), { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), ctx.register(xmp));

  const icc = ctx.flateStream(srgbIccProfile(), { N: 3 });
  const intent = ctx.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: ctx.register(icc),
  });
  pdf.catalog.set(PDFName.of('OutputIntents'), ctx.obj([ctx.register(intent)]));

  const id = createHash('md5').update(fingerprint).digest('hex').toUpperCase();
  ctx.trailerInfo.ID = ctx.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
