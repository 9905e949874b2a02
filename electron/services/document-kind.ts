/**
 * What kind of file an akt is: by its extension AND its first bytes, never by the name alone – a
 * ".pdf" that is really a program, or a Word file renamed, is refused with the reason. The kinds are
 * those a citizen adviser receives: letters as PDF, mails (.eml, .msg), Word, scans and photos,
 * plain text.
 */
import { AppError } from '../../shared/ipc/result';

export type DocumentKind = 'pdf' | 'eml' | 'msg' | 'doc' | 'docx' | 'png' | 'jpeg' | 'gif' | 'tiff' | 'txt';

type KindSpec = Readonly<{ mediaType: string; label: string; matches: (b: Uint8Array) => boolean }>;

const startsWith = (b: Uint8Array, sig: ReadonlyArray<number>, at = 0): boolean => sig.every((x, i) => b[at + i] === x);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** No NUL byte in the first 8 KB: text (UTF-8 or a Windows code page), not a binary. */
function looksLikeText(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  for (let i = 0; i < n; i++) if (b[i] === 0) return false;
  return true;
}

/** "%PDF-" within the first 1 KB (some scanners write a few bytes before it; readers accept that). */
function isPdf(b: Uint8Array): boolean {
  const n = Math.min(b.length - 4, 1024);
  for (let i = 0; i < n; i++) if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d], i)) return true;
  return false;
}

/** A mail starts with header lines ("From: …", "Received: …"); text without one is not a mail. */
function isMail(b: Uint8Array): boolean {
  if (!looksLikeText(b)) return false;
  const head = new TextDecoder('latin1').decode(b.subarray(0, 4096));
  return /^[\x21-\x39\x3b-\x7e]+:/m.test(head) && /^(from|to|subject|date|received|message-id|mime-version|return-path):/im.test(head);
}

const KINDS: Record<DocumentKind, KindSpec> = {
  pdf: { mediaType: 'application/pdf', label: 'en PDF', matches: isPdf },
  eml: { mediaType: 'message/rfc822', label: 'en e-mail', matches: isMail },
  msg: { mediaType: 'application/vnd.ms-outlook', label: 'en Outlook-mail', matches: (b) => startsWith(b, OLE) },
  doc: { mediaType: 'application/msword', label: 'et Word-dokument', matches: (b) => startsWith(b, OLE) },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'et Word-dokument', matches: (b) => startsWith(b, ZIP) },
  png: { mediaType: 'image/png', label: 'et PNG-billede', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpeg: { mediaType: 'image/jpeg', label: 'et JPEG-billede', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  gif: { mediaType: 'image/gif', label: 'et GIF-billede', matches: (b) => startsWith(b, [0x47, 0x49, 0x46, 0x38]) },
  tiff: { mediaType: 'image/tiff', label: 'et TIFF-billede', matches: (b) => startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  txt: { mediaType: 'text/plain; charset=utf-8', label: 'en tekstfil', matches: looksLikeText },
};

const BY_EXTENSION: Record<string, DocumentKind> = {
  pdf: 'pdf', eml: 'eml', msg: 'msg', doc: 'doc', docx: 'docx', png: 'png', jpg: 'jpeg', jpeg: 'jpeg', gif: 'gif', tif: 'tiff', tiff: 'tiff',
  txt: 'txt', text: 'txt',
};

export const ACCEPTED_MESSAGE =
  'En akt kan være en PDF, en e-mail (.eml, .msg), et Word-dokument (.doc, .docx), et billede (.png, .jpg, .gif, .tif) eller en tekstfil (.txt).';

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * The kind and media type of a file, or a Danish refusal (`fileName` field): an extension Ombud
 * does not take, or content that is not what the name says.
 */
export function identifyDocument(fileName: string, bytes: Uint8Array): { kind: DocumentKind; mediaType: string } {
  const ext = extensionOf(fileName);
  const kind = BY_EXTENSION[ext];
  if (kind === undefined) {
    const what = ext === '' ? `«${fileName}» har ingen filtype.` : `Filtypen .${ext} kan ikke gemmes som akt.`;
    throw new AppError('validation', `${what} ${ACCEPTED_MESSAGE}`, { fileName: `${what} ${ACCEPTED_MESSAGE}` });
  }
  const spec = KINDS[kind];
  if (!spec.matches(bytes)) {
    const message = `«${fileName}» hedder .${ext}, men indholdet er ikke ${spec.label}. Filen kan være beskadiget eller omdøbt.`;
    throw new AppError('validation', message, { fileName: message });
  }
  return { kind, mediaType: spec.mediaType };
}
