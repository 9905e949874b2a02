/**
 * The forvaltning's answer with its statement (requests:answer with a document): the answer and the
 * akt are written together – the akt incoming, from the forvaltning, dated the day of the answer and
 * marked as that request's answer – and a file that cannot be stored leaves the request open and
 * nothing stored, with the reason on the form's file field.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseHistory } from '../../../db/queries/audit';
import type { WritableDB } from '../../../db/types';
import { createCase } from '../../../electron/services/cases';
import type { ServiceContext } from '../../../electron/services/context';
import { listDocuments, searchDocuments } from '../../../electron/services/documents';
import { answerRequestWithStatement, createRequest, listRequestsForCase } from '../../../electron/services/requests';
import { letterPdf } from '../../../shared/demo/letter-files';
import { AppError } from '../../../shared/ipc/result';
import { caseInput, org, seededDb, serviceContext } from '../../db/helpers';

let db: WritableDB;
let ctx: ServiceContext;

beforeEach(() => {
  db = seededDb();
  ctx = serviceContext(db);
});
afterEach(() => db.close());

function openRequest(): { caseId: number; requestId: number } {
  const caseId = createCase(ctx, caseInput(db, { receivedOn: '2025-03-10' })).id;
  const request = createRequest(ctx, { caseId, forvaltningId: org(db).forvaltning('Beskæftigelse'), kind: 'redegoerelse', sentOn: '2025-03-12', spec: null, note: '' });
  return { caseId, requestId: request.id };
}

const statement = Buffer.from(letterPdf(['Redegørelse', '', 'Jobcentret beklager, at borgeren ikke fik besked om aflysningen.'])).toString('base64');

describe('an answer with the statement', () => {
  it('records the answer and stores the statement as the request\'s incoming akt, found by its text', async () => {
    const { caseId, requestId } = openRequest();
    const answered = await answerRequestWithStatement(ctx, requestId, {
      answeredOn: '2025-03-20', summary: 'Jobcentret beklager.', agreed: [], document: { fileName: 'Redegørelse.pdf', contentBase64: statement },
    });
    expect(answered).toMatchObject({ state: 'besvaret', answeredOn: '2025-03-20', answerSummary: 'Jobcentret beklager.' });
    expect(listDocuments(ctx, caseId)).toMatchObject([
      { title: 'Redegørelse', fileName: 'Redegørelse.pdf', mediaType: 'application/pdf', direction: 'ind', party: 'Beskæftigelse', documentDate: '2025-03-20', requestId },
    ]);
    expect(searchDocuments(ctx, 'aflysningen', caseId, 10)).toHaveLength(1);
    const actions = caseHistory(db, caseId).map((h) => h.action);
    expect(actions.some((a) => a.includes('besvaret 20.03.2025'))).toBe(true);
    expect(actions).toContain('Akt tilføjet');
  });

  it('a file that cannot be stored is told on the file field, and neither the answer nor the akt is saved', async () => {
    const { caseId, requestId } = openRequest();
    const before = caseHistory(db, caseId).length;
    let refused: unknown;
    try {
      await answerRequestWithStatement(ctx, requestId, {
        answeredOn: '2025-03-20', summary: 'Svar', agreed: [], document: { fileName: 'svar.pdf', contentBase64: Buffer.from('ikke en pdf').toString('base64') },
      });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('validation');
    expect(Object.keys((refused as AppError).fields ?? {})).toEqual(['document']);
    expect(listRequestsForCase(ctx, caseId)[0]).toMatchObject({ answeredOn: null, closedOn: null, verdict: null });
    expect(listDocuments(ctx, caseId)).toEqual([]);
    expect(caseHistory(db, caseId)).toHaveLength(before);
  });

  it('an answer the request refuses (a date before it was sent) stores no akt either', async () => {
    const { caseId, requestId } = openRequest();
    await expect(answerRequestWithStatement(ctx, requestId, {
      answeredOn: '2025-03-01', summary: '', agreed: [], document: { fileName: 'Redegørelse.pdf', contentBase64: statement },
    })).rejects.toMatchObject({ code: 'validation' });
    expect(listDocuments(ctx, caseId)).toEqual([]);
    expect(listRequestsForCase(ctx, caseId)[0]!.answeredOn).toBeNull();
  });
});
