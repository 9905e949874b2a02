/**
 * Akter og journal (case-workspace): the documents stored on a henvendelse and the adviser's journal
 * notes. The schemas are the IPC contract's and the JSON export's; the limits are shared by the form,
 * the boundary and the service, so all three refuse with the same Danish words.
 */
import { z } from 'zod';
import { IsoDateSchema } from './case';
import { DocumentDirection, JournalKind } from './vocab';

/** The largest akt: 50 MB (a scanned statement of 200 pages fits; a video does not). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;
/** base64 of MAX_DOCUMENT_BYTES: four characters for every three bytes, rounded up. */
export const MAX_DOCUMENT_BASE64 = Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4;
/** Extracted text kept for search: 1 MB is more than 400 pages of prose; the rest is not searched. */
export const MAX_EXTRACTED_TEXT = 1024 * 1024;

export const RECORD_LIMITS = { title: 300, party: 300, fileName: 260, noteText: 20000 } as const;

/** "73,2 MB" – megabytes with one decimal and a Danish comma. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

/** "12 KB" / "3,4 MB": the size shown beside an akt. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return formatMegabytes(bytes);
}

/** The one message for a file over the limit, with its size, so the adviser knows by how much. */
export function tooLargeMessage(bytes: number): string {
  return `Filen er ${formatMegabytes(bytes)} – en akt må højst fylde 50 MB.`;
}
export const EMPTY_FILE_MESSAGE = 'Filen er tom (0 byte) og kan ikke gemmes som akt.';
export const UNREADABLE_TEXT_NOTE = 'Teksten kunne ikke læses – akten kan ikke findes ved søgning i indholdet';

/** The bytes a base64 string of this length holds (padding ignored: an estimate within 2 bytes). */
export function bytesOfBase64Length(length: number): number {
  return Math.floor((length * 3) / 4);
}

/**
 * The file's contents as they cross the contract. Too large is refused here with the adviser's
 * message (dispatch passes on an issue marked `adviser`), before the service decodes anything.
 */
export const DocumentContentSchema = z.string().max(MAX_DOCUMENT_BASE64 + 8).superRefine((s, ctx) => {
  if (s.length > MAX_DOCUMENT_BASE64 + 4) {
    ctx.addIssue({ code: 'custom', message: tooLargeMessage(bytesOfBase64Length(s.length)), params: { adviser: true } });
  }
});

export const DocumentDirectionSchema = z.enum(DocumentDirection.codes);
export const JournalKindSchema = z.enum(JournalKind.codes);

/** How the text of an akt went: read, could not be read, or a kind Ombud does not read (images, Word). */
export const TextStatusSchema = z.enum(['laest', 'ulaeselig', 'ingen']);
export type TextStatus = z.infer<typeof TextStatusSchema>;

/** The metadata the adviser can edit. */
export const DocumentMetaSchema = z.object({
  title: z.string().max(RECORD_LIMITS.title),
  documentDate: IsoDateSchema,
  direction: DocumentDirectionSchema,
  party: z.string().max(RECORD_LIMITS.party),
  /** The request whose answer this akt is (the forvaltning's statement), if any. */
  requestId: z.number().int().positive().nullable(),
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

export const DocumentAddSchema = z.object({
  caseId: z.number().int().positive(),
  fileName: z.string().min(1).max(RECORD_LIMITS.fileName),
  contentBase64: DocumentContentSchema,
  /** Left out: taken from the file (a mail's subject, else the file name). */
  title: z.string().max(RECORD_LIMITS.title).optional(),
  /** Left out: the mail's date, else today. */
  documentDate: IsoDateSchema.optional(),
  direction: DocumentDirectionSchema,
  /** Left out: the mail's sender. */
  party: z.string().max(RECORD_LIMITS.party).optional(),
  requestId: z.number().int().positive().nullable().optional(),
});
export type DocumentAdd = z.infer<typeof DocumentAddSchema>;

/**
 * The forvaltning's statement, added with the answer to a request (requests:answer) in the same
 * transaction: stored as an incoming akt from the forvaltning, dated the day of the answer and
 * marked as the answer to that request. Left out, the title is the mail's subject or the file name.
 */
export const AnswerDocumentSchema = DocumentAddSchema.pick({ fileName: true, contentBase64: true, title: true });
export type AnswerDocument = z.infer<typeof AnswerDocumentSchema>;

export const CaseDocumentSchema = DocumentMetaSchema.extend({
  id: z.number().int(),
  caseId: z.number().int(),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  textStatus: TextStatusSchema,
  addedBy: z.string(),
  addedAt: z.string(),
  updatedAt: z.string(),
});
export type CaseDocument = z.infer<typeof CaseDocumentSchema>;

/** What a file suggests before it is added: its kind, and for a mail its subject, sender and date. */
export const DocumentSuggestionSchema = z.object({
  mediaType: z.string(),
  size: z.number().int(),
  title: z.string(),
  party: z.string(),
  documentDate: IsoDateSchema.nullable(),
});
export type DocumentSuggestion = z.infer<typeof DocumentSuggestionSchema>;

export const DocumentSearchHitSchema = z.object({
  caseId: z.number().int(),
  sagsnr: z.string(),
  documentId: z.number().int(),
  title: z.string(),
  /** A few words around the match, the match between «…». */
  snippet: z.string(),
});
export type DocumentSearchHit = z.infer<typeof DocumentSearchHitSchema>;

export const JournalNoteInputSchema = z.object({
  caseId: z.number().int().positive(),
  kind: JournalKindSchema,
  notedOn: IsoDateSchema,
  /** tt:mm, or null for a note without a time. */
  notedAt: z.string().max(5).regex(/^([01]\d|2[0-3]):[0-5]\d$/).nullable(),
  text: z.string().max(RECORD_LIMITS.noteText),
});
export type JournalNoteInput = z.infer<typeof JournalNoteInputSchema>;

export const JournalNoteSchema = JournalNoteInputSchema.extend({
  id: z.number().int(),
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JournalNote = z.infer<typeof JournalNoteSchema>;

/** Danish messages per field, or {} when the note can be saved. */
export function validateJournalNote(input: JournalNoteInput, today: string): Record<string, string> {
  const e: Record<string, string> = {};
  if (input.text.trim() === '') e['text'] = 'Skriv notatets tekst.';
  else if (input.text.length > RECORD_LIMITS.noteText) e['text'] = `Teksten er ${input.text.length} tegn; højst ${RECORD_LIMITS.noteText} er tilladt.`;
  if (input.notedOn > today) e['notedOn'] = 'Notatets dato kan ikke ligge i fremtiden.';
  return e;
}

/** Danish messages per field, or {} when the metadata can be saved. */
export function validateDocumentMeta(meta: DocumentMeta): Record<string, string> {
  const e: Record<string, string> = {};
  if (meta.title.trim() === '') e['title'] = 'Skriv en titel på akten.';
  return e;
}
