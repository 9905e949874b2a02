/**
 * Reading an akt: its text for the full-text search, and for a mail the subject, sender and date
 * the form suggests. Runs in the backend when the akt is added (or inspected), before the write
 * transaction, since the readers are asynchronous. A file whose text cannot be read is still stored
 * (status `ulaeselig`); a kind Ombud does not read (images, Word) gets `ingen`.
 *
 * The readers are ES modules loaded on first use, so starting the backend never pays for pdf.js.
 */
import { copenhagenDate, isValidIsoDate, type IsoDate } from '../../shared/domain/dates';
import { MAX_EXTRACTED_TEXT, type TextStatus } from '../../shared/domain/records';
import type MsgReaderType from '@kenjiuno/msgreader';
import type { DocumentKind } from './document-kind';

export type DocumentReading = Readonly<{
  text: string;
  status: TextStatus;
  /** From a mail; empty/null when the file says nothing. */
  title: string;
  party: string;
  date: IsoDate | null;
}>;

const NOTHING: DocumentReading = { text: '', status: 'ingen', title: '', party: '', date: null };

/** "Jobcenter Nord <post@jobcenter.dk>", or just one of the two. */
function addressText(name: string | undefined, address: string | undefined): string {
  const n = (name ?? '').trim();
  const a = (address ?? '').trim();
  if (n !== '' && a !== '' && n !== a) return `${n} <${a}>`;
  return n || a;
}

/** A mail's date header as a Danish calendar date, or null when it does not parse. */
function mailDate(value: string | undefined): IsoDate | null {
  if (!value) return null;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  const iso = copenhagenDate(d);
  return isValidIsoDate(iso) ? iso : null;
}

/** At most MAX_EXTRACTED_TEXT characters, whitespace runs collapsed (the index needs words, not layout). */
function capped(text: string): string {
  const t = text.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  return t.length > MAX_EXTRACTED_TEXT ? t.slice(0, MAX_EXTRACTED_TEXT) : t;
}

/** `found`: whether the file held any text of its own (a mail's header lines alone do not count). */
function withText(text: string, meta: Omit<DocumentReading, 'text' | 'status'> = { title: '', party: '', date: null }, found = true): DocumentReading {
  const t = capped(text);
  return { ...meta, text: t, status: t === '' || !found ? 'ulaeselig' : 'laest' };
}

async function readPdf(bytes: Uint8Array): Promise<DocumentReading> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  // pdf.js takes ownership of the buffer it is given: hand it a copy, the caller still stores the bytes.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    return withText(text);
  } finally {
    await pdf.destroy();
  }
}

async function readEml(bytes: Uint8Array): Promise<DocumentReading> {
  const { default: PostalMime } = await import('postal-mime');
  const mail = await PostalMime.parse(bytes);
  const from = addressText(mail.from?.name, mail.from?.address);
  const to = (mail.to ?? []).map((a) => addressText(a.name, a.address)).join(', ');
  const body = mail.text ?? (mail.html ?? '').replace(/<[^>]*>/g, ' ');
  const head = [`Emne: ${mail.subject ?? ''}`, `Fra: ${from}`, `Til: ${to}`, `Dato: ${mail.date ?? ''}`].join('\n');
  const found = `${mail.subject ?? ''}${from}${body}`.trim() !== '';
  return withText(`${head}\n\n${body}`, { title: (mail.subject ?? '').trim(), party: from, date: mailDate(mail.date) }, found);
}

type MsgReaderClass = typeof MsgReaderType;

async function readMsg(bytes: Uint8Array): Promise<DocumentReading> {
  // A CommonJS package: imported from ES modules (Node, the bundle) its class sits one `default` deeper than under a bundler.
  const mod = (await import('@kenjiuno/msgreader')) as { default: MsgReaderClass | { default: MsgReaderClass } };
  const MsgReader = 'default' in mod.default ? mod.default.default : mod.default;
  const copy = new Uint8Array(bytes);
  const data = new MsgReader(copy.buffer).getFileData();
  if (data.error) return { ...NOTHING, status: 'ulaeselig' };
  const from = addressText(data.senderName, data.senderEmail);
  const head = [`Emne: ${data.subject ?? ''}`, `Fra: ${from}`].join('\n');
  const found = `${data.subject ?? ''}${from}${data.body ?? ''}`.trim() !== '';
  return withText(`${head}\n\n${data.body ?? ''}`, {
    title: (data.subject ?? '').trim(), party: from, date: mailDate(data.clientSubmitTime ?? data.messageDeliveryTime),
  }, found);
}

/** UTF-8 when it is valid UTF-8, else Windows-1252 (an old Danish text file). */
function readPlain(bytes: Uint8Array): DocumentReading {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return withText(text.replace(/^\uFEFF/, ''));
}

/** Reads what can be read; never throws – a damaged file is stored unread. */
export async function readDocument(kind: DocumentKind, bytes: Uint8Array): Promise<DocumentReading> {
  try {
    switch (kind) {
      case 'pdf':
        return await readPdf(bytes);
      case 'eml':
        return await readEml(bytes);
      case 'msg':
        return await readMsg(bytes);
      case 'txt':
        return readPlain(bytes);
      default:
        return NOTHING;
    }
  } catch {
    return { ...NOTHING, status: 'ulaeselig' };
  }
}
