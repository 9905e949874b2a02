/**
 * electron/services/documents.ts: akter stored in the database with their bytes, identified by
 * extension and first bytes, read for search (PDF, .eml, text; .msg when readable), the limits, the
 * history, and a write that fails leaving nothing behind.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseHistory } from '../../../db/queries/audit';
import type { WritableDB } from '../../../db/types';
import { createCase } from '../../../electron/services/cases';
import type { ServiceContext } from '../../../electron/services/context';
import {
  addDocument,
  documentContent,
  inspectDocument,
  listDocuments,
  removeDocument,
  searchDocuments,
  updateDocument,
} from '../../../electron/services/documents';
import { createRequest } from '../../../electron/services/requests';
import { letterPdf, plainMail } from '../../../shared/demo/letter-files';
import { MAX_DOCUMENT_BYTES, type DocumentAdd } from '../../../shared/domain/records';
import { AppError } from '../../../shared/ipc/result';
import { caseInput, org, rejectedAppError, seededDb, serviceContext } from '../../db/helpers';
import { outlookMsg } from './msg-fixture';

let db: WritableDB;
let ctx: ServiceContext;

beforeEach(() => {
  db = seededDb();
  ctx = serviceContext(db);
});
afterEach(() => db.close());

const b64 = (bytes: Uint8Array | string) => Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64');

function klage(): number {
  return createCase(ctx, caseInput(db, { receivedOn: '2025-03-10' })).id;
}

function add(caseId: number, o: Partial<DocumentAdd> = {}) {
  return addDocument(ctx, { caseId, fileName: 'notat.txt', contentBase64: b64('Borgeren har ringet om sin sag.'), direction: 'ind', ...o });
}

describe('adding an akt', () => {
  it('stores the bytes, size and sha256, takes the title from the file name and today as date, and records it in the history', async () => {
    const caseId = klage();
    const doc = await add(caseId, { fileName: 'Afgørelse_om_hjemmehjælp.txt', party: 'Social' });
    expect(doc).toMatchObject({
      caseId, title: 'Afgørelse om hjemmehjælp', documentDate: '2025-06-15', direction: 'ind', party: 'Social', size: 31, textStatus: 'laest',
      mediaType: 'text/plain; charset=utf-8', addedBy: 'Mette Rådgiver', requestId: null,
    });
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const content = documentContent(ctx, doc.id);
    expect(Buffer.from(content.contentBase64, 'base64').toString('utf8')).toBe('Borgeren har ringet om sin sag.');
    expect(content).toMatchObject({ fileName: 'Afgørelse_om_hjemmehjælp.txt', mediaType: 'text/plain; charset=utf-8' });
    // Newest first: fetching the content is recorded after the addition.
    const [read, entry] = caseHistory(db, caseId);
    expect(read).toMatchObject({ actor: 'Mette Rådgiver', action: 'Akt åbnet eller gemt', changes: [{ field: 'Akt', before: '', after: 'Afgørelse om hjemmehjælp' }] });
    expect(entry).toMatchObject({ actor: 'Mette Rådgiver', action: 'Akt tilføjet' });
    expect(entry?.changes).toContainEqual({ field: 'Titel', before: '', after: 'Afgørelse om hjemmehjælp' });
    expect(entry?.changes).toContainEqual({ field: 'Retning', before: '', after: 'Indgående' });
  });

  it('reads a PDF letter, so its text is found – also without the marks the adviser did not type', async () => {
    const caseId = klage();
    const pdf = letterPdf(['Klage over afgørelse om hjælpemidler', '', 'Sagsbehandler Sükrü Øberg har ikke partshørt mig.']);
    const doc = await add(caseId, { fileName: 'klage.pdf', contentBase64: b64(pdf) });
    expect(doc).toMatchObject({ textStatus: 'laest', mediaType: 'application/pdf', title: 'klage' });
    const [hit] = searchDocuments(ctx, 'sukru partshørt', caseId, 10);
    expect(hit).toMatchObject({ caseId, documentId: doc.id, title: 'klage' });
    expect(hit?.snippet).toMatch(/«Sukru»/);
    expect(searchDocuments(ctx, 'Øberg', null, 10)).toHaveLength(1);
    // å stays a letter of its own: "Oberg" is not "Øberg".
    expect(searchDocuments(ctx, 'Oberg', null, 10)).toHaveLength(0);
  });

  it('takes title, sender and date from an .eml, while the adviser\'s own values win', async () => {
    const caseId = klage();
    const mail = plainMail({
      from: 'Åse Ørsted <aase@eksempel.dk>', to: 'borgerraadgiver@kommune.dk', subject: 'Klage over min hjemmehjælp',
      date: new Date('2025-04-02T07:30:00Z'), body: 'Kære borgerrådgiver\nHjemmehjælperen kom ikke i tre uger.',
    });
    expect(await inspectDocument('klage.eml', b64(mail))).toEqual({
      mediaType: 'message/rfc822', size: mail.length, title: 'Klage over min hjemmehjælp', party: 'Åse Ørsted <aase@eksempel.dk>', documentDate: '2025-04-02',
    });
    const suggested = await add(caseId, { fileName: 'klage.eml', contentBase64: b64(mail) });
    expect(suggested).toMatchObject({ title: 'Klage over min hjemmehjælp', party: 'Åse Ørsted <aase@eksempel.dk>', documentDate: '2025-04-02' });
    expect(searchDocuments(ctx, 'hjemmehjælperen', caseId, 10).map((h) => h.documentId)).toEqual([suggested.id]);
    const own = await add(caseId, { fileName: 'klage.eml', contentBase64: b64(mail), title: 'Borgerens klage', party: 'Borgeren', documentDate: '2025-04-03' });
    expect(own).toMatchObject({ title: 'Borgerens klage', party: 'Borgeren', documentDate: '2025-04-03' });
  });

  it('reads an Outlook .msg: subject as title, sender, and the body for search', async () => {
    const caseId = klage();
    const msg = outlookMsg({ subject: 'Svar på din klage', senderName: 'Jobcenter Nord', body: 'Vi har genoptaget sagen om dine sygedagpenge.' });
    expect(await inspectDocument('svar.msg', b64(msg))).toMatchObject({ mediaType: 'application/vnd.ms-outlook', title: 'Svar på din klage', party: 'Jobcenter Nord' });
    const doc = await add(caseId, { fileName: 'svar.msg', contentBase64: b64(msg) });
    expect(doc).toMatchObject({ textStatus: 'laest', title: 'Svar på din klage', party: 'Jobcenter Nord' });
    expect(searchDocuments(ctx, 'sygedagpenge', caseId, 10).map((h) => h.documentId)).toEqual([doc.id]);
  });

  it('stores an .msg whose text cannot be read, with a note that it is not searchable by content', async () => {
    // An Outlook file's header with nothing readable behind it (a damaged or truncated file).
    const caseId = klage();
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const doc = await add(caseId, { fileName: 'svar fra forvaltningen.msg', contentBase64: b64(bytes) });
    expect(doc).toMatchObject({ textStatus: 'ulaeselig', title: 'svar fra forvaltningen', mediaType: 'application/vnd.ms-outlook' });
    // Still found by its title.
    expect(searchDocuments(ctx, 'forvaltningen', caseId, 10)).toHaveLength(1);
  });

  it('refuses by content, not by name: a ".pdf" that is not a PDF, an unknown type, an empty file', async () => {
    const caseId = klage();
    const notPdf = await rejectedAppError(add(caseId, { fileName: 'afgørelse.pdf', contentBase64: b64('MZ\u0000\u0000 et program') }));
    expect(notPdf.fields?.['fileName']).toBe('«afgørelse.pdf» hedder .pdf, men indholdet er ikke en PDF. Filen kan være beskadiget eller omdøbt.');
    const exe = await rejectedAppError(add(caseId, { fileName: 'virus.exe', contentBase64: b64('MZ') }));
    expect(exe.fields?.['fileName']).toMatch(/^Filtypen \.exe kan ikke gemmes som akt\. En akt kan være en PDF/);
    const png = await rejectedAppError(add(caseId, { fileName: 'foto.png', contentBase64: b64(letterPdf(['x'])) }));
    expect(png.fields?.['fileName']).toMatch(/men indholdet er ikke et PNG-billede/);
    const empty = await rejectedAppError(add(caseId, { fileName: 'tom.txt', contentBase64: '' }));
    expect(empty.fields?.['fileName']).toBe('Filen er tom (0 byte) og kan ikke gemmes som akt.');
    expect(listDocuments(ctx, caseId)).toEqual([]);
  });

  it('refuses a file over 50 MB with its size in the message', async () => {
    const caseId = klage();
    const big = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x41).toString('base64');
    const e = await rejectedAppError(add(caseId, { fileName: 'stor.txt', contentBase64: big }));
    expect(e.fields?.['fileName']).toBe('Filen er 50,0 MB – en akt må højst fylde 50 MB.');
  });

  it('links the forvaltning\'s statement to a request of the same henvendelse only', async () => {
    const caseId = klage();
    const other = klage();
    const request = createRequest(ctx, { caseId, forvaltningId: org(db).forvaltning('Beskæftigelse'), kind: 'redegoerelse', sentOn: '2025-03-12', spec: null, note: '' });
    const doc = await add(caseId, { fileName: 'redegørelse.txt', requestId: request.id, direction: 'ind' });
    expect(doc.requestId).toBe(request.id);
    expect(caseHistory(db, caseId)[0]?.changes).toContainEqual({ field: 'Svar på', before: '', after: 'Anmodning til Beskæftigelse sendt 12.03.2025' });
    const e = await rejectedAppError(add(other, { requestId: request.id }));
    expect(e.fields?.['requestId']).toBe('Anmodningen hører ikke til denne henvendelse.');
  });
});

describe('changing and removing an akt', () => {
  it('records old → new in the history and re-indexes the new title', async () => {
    const caseId = klage();
    const doc = await add(caseId);
    const changed = updateDocument(ctx, doc.id, { title: 'Telefonbesked fra Jobcenter Nord', documentDate: '2025-06-01', direction: 'ud', party: 'Jobcenter Nord', requestId: null });
    expect(changed).toMatchObject({ title: 'Telefonbesked fra Jobcenter Nord', direction: 'ud', party: 'Jobcenter Nord' });
    const [entry] = caseHistory(db, caseId);
    expect(entry?.action).toBe('Akt ændret');
    expect(entry?.changes).toEqual(expect.arrayContaining([
      { field: 'Titel', before: 'notat', after: 'Telefonbesked fra Jobcenter Nord' },
      { field: 'Retning', before: 'Indgående', after: 'Udgående' },
      { field: 'Dato', before: '15.06.2025', after: '01.06.2025' },
    ]));
    expect(searchDocuments(ctx, 'jobcenter nord', caseId, 10)).toHaveLength(1);
    expect(() => updateDocument(ctx, doc.id, { ...changed, title: '  ' })).toThrow(AppError);
    expect(() => updateDocument(ctx, doc.id, { ...changed, documentDate: '2025-07-01' })).toThrow(/Nogle felter/);
  });

  it('removes the akt, its bytes and its index entry, and records it', async () => {
    const caseId = klage();
    const doc = await add(caseId);
    removeDocument(ctx, doc.id);
    expect(listDocuments(ctx, caseId)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM document_contents').pluck().get()).toBe(0);
    expect(searchDocuments(ctx, 'ringet', null, 10)).toEqual([]);
    expect(caseHistory(db, caseId)[0]).toMatchObject({ action: 'Akt slettet' });
    expect(() => documentContent(ctx, doc.id)).toThrow('Akten findes ikke. Den kan være slettet.');
  });

  it('stores nothing when the history cannot be written (no adviser chosen): the write is one transaction', async () => {
    const caseId = klage();
    const doc = await add(caseId);
    const refusing: ServiceContext = { ...ctx, actor: () => { throw new AppError('forbidden', 'Vælg hvem du er.'); } };
    expect(() => updateDocument(refusing, doc.id, { title: 'Nyt', documentDate: '2025-06-01', direction: 'ud', party: '', requestId: null })).toThrow('Vælg hvem du er.');
    expect(listDocuments(ctx, caseId)[0]?.title).toBe('notat');
    expect(searchDocuments(ctx, 'nyt', caseId, 10)).toEqual([]);
    expect(() => removeDocument(refusing, doc.id)).toThrow('Vælg hvem du er.');
    expect(listDocuments(ctx, caseId)).toHaveLength(1);
    expect(db.prepare('SELECT count(*) FROM document_contents').pluck().get()).toBe(1);
  });
});
