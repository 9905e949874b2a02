/**
 * A small, valid PDF of a letter: one A4 page of text in Helvetica (WinAnsi, so æ, ø and å print
 * and read back), made in code for the demo data and the tests – no files from outside, and fast
 * (a few hundred bytes of structure). Long lines are wrapped; text beyond one page is cut.
 */

/** WinAnsi code of a character (Latin-1 covers æøåÆØÅ, é, ü …); others become '?'. */
function winAnsi(ch: string): number {
  const c = ch.codePointAt(0) ?? 63;
  if (c === 0x2013) return 0x96; // –
  if (c === 0x2014) return 0x97; // —
  if (c === 0x201c) return 0x93; // “
  if (c === 0x201d) return 0x94; // ”
  if (c === 0x20ac) return 0x80; // €
  return c < 256 ? c : 63;
}

/** A PDF string literal: ( ) \ escaped, bytes above ASCII as octal escapes. */
function pdfString(text: string): string {
  let out = '(';
  for (const ch of text) {
    const b = winAnsi(ch);
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (b < 32 || b > 126) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out})`;
}

function wrap(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

const LINE_HEIGHT = 15;
const MAX_LINES = 48;

export function letterPdf(lines: ReadonlyArray<string>): Uint8Array {
  const wrapped = lines.flatMap((l) => (l === '' ? [''] : wrap(l, 85))).slice(0, MAX_LINES);
  const body = ['BT', '/F1 11 Tf', `${LINE_HEIGHT} TL`, '56 780 Td', ...wrapped.map((l) => `${pdfString(l)} Tj T*`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
  ];
  // Every character of the structure is ASCII (the text is escaped), so string length = byte offset.
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const bytes = new Uint8Array(pdf.length);
  for (let i = 0; i < pdf.length; i++) bytes[i] = pdf.charCodeAt(i);
  return bytes;
}

/** A plain-text e-mail (RFC 5322, UTF-8, quoted-printable free: 8bit body) as the citizen's mail client writes it. */
export function plainMail(m: Readonly<{ from: string; to: string; subject: string; date: Date; body: string }>): Uint8Array {
  // A header with æøå is encoded as an RFC 2047 word, as mail clients do.
  const header = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : `=?UTF-8?B?${utf8Base64(s)}?=`);
  const text = [
    `From: ${header(m.from)}`,
    `To: ${header(m.to)}`,
    `Subject: ${header(m.subject)}`,
    `Date: ${m.date.toUTCString().replace('GMT', '+0000')}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    m.body.replace(/\r?\n/g, '\r\n'),
  ].join('\r\n');
  return utf8(text);
}

/** UTF-8 bytes (shared/ has neither the DOM's nor Node's encoders). */
function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function utf8Base64(s: string): string {
  return bytesToBase64(utf8(s));
}

/** base64 of bytes (a file's contents in the JSON export). */
export function bytesToBase64(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = ((b[i] ?? 0) << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (i + 1 < b.length ? B64[(n >> 6) & 63]! : '=') + (i + 2 < b.length ? B64[n & 63]! : '=');
  }
  return out;
}
