/**
 * Akter: the service behind the documents:* channels. A file is identified by its extension and
 * its first bytes (document-kind.ts), read for search (document-text.ts) BEFORE the write, then
 * stored with its metadata and bytes, indexed and recorded in the henvendelse's history in ONE
 * synchronous transaction – so the list, the index and the history never disagree.
 */
import { createHash } from 'node:crypto';
import { caseExists, getCaseDetail } from '../../db/queries/cases';
import {
  deleteDocument,
  documentBytes,
  getDocument,
  insertDocument,
  listDocuments as queryList,
  searchDocuments as querySearch,
  updateDocumentMeta,
} from '../../db/queries/records';
import { getRequestRow } from '../../db/queries/requests';
import { caseRetainedOn } from '../../db/queries/retention';
import { RETAINED_MESSAGE } from '../../shared/gdpr/retention';
import { copenhagenDate, formatDanishDate, type IsoDate } from '../../shared/domain/dates';
import {
  EMPTY_FILE_MESSAGE,
  formatFileSize,
  MAX_DOCUMENT_BYTES,
  RECORD_LIMITS,
  tooLargeMessage,
  validateDocumentMeta,
  type CaseDocument,
  type DocumentAdd,
  type DocumentMeta,
  type DocumentSearchHit,
  type DocumentSuggestion,
} from '../../shared/domain/records';
import { DocumentDirection } from '../../shared/domain/vocab';
import { AppError, validationError } from '../../shared/ipc/result';
import { recordAccess } from './audit';
import type { ServiceContext } from './context';
import { identifyDocument, type DocumentKind } from './document-kind';
import { readDocument, type DocumentReading } from './document-text';
import { diffDescriptions } from './history-diff';
import { auditRecord } from './record-audit';

function notFound(): AppError {
  return new AppError('not_found', 'Akten findes ikke. Den kan være slettet.');
}

function caseNotFound(): AppError {
  return new AppError('not_found', 'Henvendelsen findes ikke. Den kan være slettet.');
}

/** The file's bytes, refused when empty or over the limit (the adviser's words, on `fileName`). */
function decode(contentBase64: string): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(contentBase64, 'base64'));
  if (bytes.length === 0) throw validationError({ fileName: EMPTY_FILE_MESSAGE }, EMPTY_FILE_MESSAGE);
  if (bytes.length > MAX_DOCUMENT_BYTES) throw validationError({ fileName: tooLargeMessage(bytes.length) }, tooLargeMessage(bytes.length));
  return bytes;
}

/** "Afgørelse_om_hjemmehjælp.pdf" → "Afgørelse om hjemmehjælp": the title when nothing better is known. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base).replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return (stem === '' ? base : stem).slice(0, RECORD_LIMITS.title);
}

type Inspected = Readonly<{ kind: DocumentKind; mediaType: string; bytes: Uint8Array; reading: DocumentReading }>;

async function inspectBytes(fileName: string, contentBase64: string): Promise<Inspected> {
  const bytes = decode(contentBase64);
  const { kind, mediaType } = identifyDocument(fileName, bytes);
  return { kind, mediaType, bytes, reading: await readDocument(kind, bytes) };
}

/** What the form should suggest for a file: a mail's subject, sender and date, else the file name. */
export async function inspectDocument(fileName: string, contentBase64: string): Promise<DocumentSuggestion> {
  const { mediaType, bytes, reading } = await inspectBytes(fileName, contentBase64);
  return {
    mediaType,
    size: bytes.length,
    title: (reading.title || titleFromFileName(fileName)).slice(0, RECORD_LIMITS.title),
    party: reading.party.slice(0, RECORD_LIMITS.party),
    documentDate: reading.date,
  };
}

function today(ctx: ServiceContext): IsoDate {
  return copenhagenDate(ctx.clock.now());
}

/** Every reason the metadata cannot be saved, per field. */
function validateMeta(ctx: ServiceContext, caseId: number, meta: DocumentMeta): void {
  const errors = validateDocumentMeta(meta);
  if (meta.documentDate > today(ctx)) errors['documentDate'] = 'Aktens dato kan ikke ligge i fremtiden.';
  if (meta.requestId !== null) {
    const request = getRequestRow(ctx.db, meta.requestId);
    if (request === null || request.case_id !== caseId) errors['requestId'] = 'Anmodningen hører ikke til denne henvendelse.';
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

function requestLabel(ctx: ServiceContext, requestId: number | null): string {
  if (requestId === null) return '';
  const r = getRequestRow(ctx.db, requestId);
  return r === null ? '' : `Anmodning til ${r.forvaltning} sendt ${formatDanishDate(r.sent_on)}`;
}

/** An akt as its history describes it. */
function describe(ctx: ServiceContext, d: CaseDocument): Map<string, string> {
  return new Map([
    ['Titel', d.title],
    ['Fil', `${d.fileName} (${formatFileSize(d.size)})`],
    ['Dato', formatDanishDate(d.documentDate)],
    ['Retning', DocumentDirection.label(d.direction)],
    ['Afsender/modtager', d.party],
    ['Svar på', requestLabel(ctx, d.requestId)],
  ]);
}

export function listDocuments(ctx: ServiceContext, caseId: number): CaseDocument[] {
  if (!caseExists(ctx.db, caseId)) throw caseNotFound();
  return queryList(ctx.db, caseId);
}

/** An akt read and checked, ready to be stored: the slow part (reading a PDF's text) done outside any transaction. */
export type PreparedDocument = Readonly<{ caseId: number; fileName: string; meta: DocumentMeta; mediaType: string; bytes: Uint8Array; sha256: string; reading: DocumentReading }>;

/**
 * Reads an akt for storing. The adviser's own title, date and sender win; what is left out comes from
 * the file (a mail's subject, sender and date), then the file name and today.
 */
export async function prepareDocument(ctx: ServiceContext, input: DocumentAdd): Promise<PreparedDocument> {
  ctx.actor();
  if (!caseExists(ctx.db, input.caseId)) throw caseNotFound();
  const { mediaType, bytes, reading } = await inspectBytes(input.fileName, input.contentBase64);
  const meta: DocumentMeta = {
    title: (input.title?.trim() || reading.title || titleFromFileName(input.fileName)).slice(0, RECORD_LIMITS.title),
    documentDate: input.documentDate ?? reading.date ?? today(ctx),
    direction: input.direction,
    party: (input.party?.trim() ?? reading.party).slice(0, RECORD_LIMITS.party),
    requestId: input.requestId ?? null,
  };
  // A mail's date can lie in the future (a wrong clock): today is then the better guess.
  if (input.documentDate === undefined && meta.documentDate > today(ctx)) meta.documentDate = today(ctx);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { caseId: input.caseId, fileName: input.fileName, meta, mediaType, bytes, sha256, reading };
}

/**
 * Stores a prepared akt with its index and history entry, in one transaction (or inside the
 * caller's: the answer to a request stores its statement with it).
 */
export function storeDocument(ctx: ServiceContext, p: PreparedDocument): CaseDocument {
  return ctx.db.transaction(() => {
    if (getCaseDetail(ctx.db, p.caseId) === null) throw caseNotFound();
    validateMeta(ctx, p.caseId, p.meta);
    const now = ctx.clock.now().toISOString();
    const id = insertDocument(
      ctx.db,
      {
        ...p.meta, caseId: p.caseId, fileName: p.fileName, mediaType: p.mediaType, size: p.bytes.length, sha256: p.sha256, textStatus: p.reading.status,
        addedBy: ctx.actor(), addedAt: now, updatedAt: now,
      },
      p.bytes,
      p.reading.text,
    );
    const created = getDocument(ctx.db, id);
    if (created === null) throw notFound();
    auditRecord(ctx, 'document', id, created.caseId, 'Akt tilføjet', diffDescriptions(new Map(), describe(ctx, created)));
    return created;
  })();
}

/**
 * Adds an akt. `beforeWrite` waits for a long write (the import) that started while the file was
 * being read: the transaction must not run inside it (services/write-lock.ts).
 */
export async function addDocument(ctx: ServiceContext, input: DocumentAdd, beforeWrite: () => Promise<void> = async () => {}): Promise<CaseDocument> {
  const prepared = await prepareDocument(ctx, input);
  await beforeWrite();
  return storeDocument(ctx, prepared);
}

export function updateDocument(ctx: ServiceContext, id: number, meta: DocumentMeta): CaseDocument {
  return ctx.db.transaction(() => {
    const before = getDocument(ctx.db, id);
    if (before === null) throw notFound();
    const clean = { ...meta, title: meta.title.trim(), party: meta.party.trim() };
    validateMeta(ctx, before.caseId, clean);
    updateDocumentMeta(ctx.db, id, clean, ctx.clock.now().toISOString());
    const after = getDocument(ctx.db, id);
    if (after === null) throw notFound();
    const changes = diffDescriptions(describe(ctx, before), describe(ctx, after));
    if (changes.length > 0) auditRecord(ctx, 'document', id, after.caseId, 'Akt ændret', changes);
    return after;
  })();
}

export function removeDocument(ctx: ServiceContext, id: number): void {
  ctx.db.transaction(() => {
    const before = getDocument(ctx.db, id);
    if (before === null) throw notFound();
    // Described before the row goes: the request label needs the link.
    const changes = diffDescriptions(describe(ctx, before), new Map());
    deleteDocument(ctx.db, id);
    auditRecord(ctx, 'document', id, before.caseId, 'Akt slettet', changes);
  })();
}

/** The file itself, base64 as every file crossing the contract, with its name and media type. */
export function documentContent(ctx: ServiceContext, id: number): { fileName: string; mediaType: string; contentBase64: string } {
  const doc = getDocument(ctx.db, id);
  const bytes = documentBytes(ctx.db, id);
  if (doc === null || bytes === null) throw notFound();
  if (bytes.length === 0) {
    // A retention run deletes the file and keeps the akt's metadata (services/retention.ts).
    const on = caseRetainedOn(ctx.db, doc.caseId);
    throw new AppError('not_found', `Filen til akten "${doc.title}" er ${RETAINED_MESSAGE}${on === null ? '' : ` den ${formatDanishDate(copenhagenDate(new Date(on)))}`}.`);
  }
  // Opened or saved: the akt's content is the borger's data, so who fetched it is recorded (not "senest ændret").
  recordAccess(ctx, {
    entity: 'document', entityId: id, caseId: doc.caseId, action: 'Akt åbnet eller gemt',
    changes: [{ field: 'Akt', before: '', after: doc.title === '' ? doc.fileName : doc.title }],
  });
  return { fileName: doc.fileName, mediaType: doc.mediaType, contentBase64: Buffer.from(bytes).toString('base64') };
}

/** Akter matching the text, in one henvendelse or all (at most `limit`, best first). */
export function searchDocuments(ctx: ServiceContext, text: string, caseId: number | null, limit: number): DocumentSearchHit[] {
  return querySearch(ctx.db, text, caseId, limit);
}
