/**
 * electron/services/case-letters.ts: the anmodning, the rykker and the kvittering gathered from a
 * seeded case, rendered to PDF (read back with pdftotext) and sent as akter – once a day.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCaseLetter, caseLetterSource, draftCaseLetter, renderCaseLetterPdf, sendCaseLetter } from '../../../electron/services/case-letters';
import { createCase, getCase } from '../../../electron/services/cases';
import { listDocuments } from '../../../electron/services/documents';
import { setKlagefrist } from '../../../electron/services/klagefrist';
import { answerRequest, createRequest, extendRequest, remindRequest } from '../../../electron/services/requests';
import { formatDanishLetterDateWithWeekday } from '../../../shared/deadlines/text';
import { blockTexts } from '../../../shared/letters/document';
import { caseInput, thrownAppError } from '../../db/helpers';
import { text } from '../pdf/poppler';
import { deadlineWorld } from './deadline-helpers';

const w = deadlineWorld('2025-06-02');
const dir = mkdtempSync(join(tmpdir(), 'ombud-case-letters-'));
afterAll(() => {
  w.app.close();
  rmSync(dir, { recursive: true, force: true });
});

function seededCase() {
  w.setToday('2025-06-02');
  const base = caseInput(w.ctx.db, { receivedOn: '2025-05-26' });
  const point = base.points[0]!;
  const c = createCase(w.ctx, {
    ...base,
    summary: 'Sygedagpenge stoppet',
    points: [
      { ...point, description: 'Jobcentret partshørte mig ikke' },
      { ...point, description: 'Afgørelsen var ikke begrundet' },
    ],
  });
  const points = getCase(w.ctx, c.id).points;
  const request = createRequest(w.ctx, {
    caseId: c.id, forvaltningId: point.forvaltningId!, kind: 'redegoerelse', sentOn: '2025-06-02', spec: null,
    note: 'Hvornår blev borgeren partshørt?', pointIds: [points[1]!.id],
  });
  return { c, request };
}

const text0 = (doc: { blocks: Parameters<typeof blockTexts>[0][] }): string => doc.blocks.flatMap(blockTexts).join('\n');

describe('case letters', () => {
  it('drafts the anmodning to the request\'s forvaltning with its klagepunkt, question and deadline', () => {
    const { c, request } = seededCase();
    const { source } = caseLetterSource(w.ctx, { caseId: c.id, kind: 'anmodning', requestId: request.id });
    expect(source.request?.points).toEqual([{ position: 2, description: 'Afgørelsen var ikke begrundet' }]);
    expect(source.request?.dueOn).toBe(request.dueOn);
    const { document } = draftCaseLetter(w.ctx, { caseId: c.id, kind: 'anmodning', requestId: request.id });
    expect(document.letterhead.recipient).toEqual([request.forvaltning]);
    expect(document.letterhead.reference).toBe(`Sagsnr. ${c.sagsnr}`);
    const t = text0(document);
    expect(t).toContain('Klagepunkt 2: Afgørelsen var ikke begrundet');
    expect(t).toContain('Hvornår blev borgeren partshørt?');
    expect(t).toMatch(/senest (mandag|tirsdag|onsdag|torsdag|fredag) den \d{1,2}\. juni 2025\./);
  });

  it('names all the klagepunkter of its forvaltning when the request names none', () => {
    const { c } = seededCase();
    const forvaltningId = getCase(w.ctx, c.id).points[0]!.forvaltningId!;
    const r = createRequest(w.ctx, { caseId: c.id, forvaltningId, kind: 'akter', sentOn: '2025-06-02', spec: null, note: '' });
    const { source } = caseLetterSource(w.ctx, { caseId: c.id, kind: 'anmodning', requestId: r.id });
    expect(source.request?.points.map((p) => p.position)).toEqual([1, 2]);
  });

  it('drafts the rykker with the first deadline and asks for the extended one', () => {
    const { c, request } = seededCase();
    w.setToday('2025-06-24');
    remindRequest(w.ctx, request.id, '2025-06-24', '');
    extendRequest(w.ctx, request.id, { granted: '2025-06-24', newDue: '2025-07-07', add: null, reason: 'Ferie' });
    const letter = buildCaseLetter(w.ctx, { caseId: c.id, kind: 'rykker', requestId: request.id });
    expect(letter.title).toBe(`Rykker 1 til ${request.forvaltning}`);
    const t = text0(letter.document);
    expect(t).toContain(`med svar senest ${formatDanishLetterDateWithWeekday(request.dueOn)}.`);
    expect(t).toContain('Jeg beder om at modtage svaret senest mandag den 7. juli 2025.');
  });

  it('drafts the kvittering to the citizen with the running klagefrist, and refuses wrong requests', () => {
    const { c, request } = seededCase();
    setKlagefrist(w.ctx, c.id, { notifiedOn: '2025-06-02', channel: 'digital_post', guidance: 'korrekt', basis: { kind: 'regel', ruleId: 'rsl-67-klagefrist' } });
    const { document } = draftCaseLetter(w.ctx, { caseId: c.id, kind: 'kvittering', requestId: null });
    expect(document.letterhead.recipient[0]).toBe(getCase(w.ctx, c.id).citizen.name);
    expect(text0(document)).toContain('stopper ikke og forlænger ikke din klagefrist');
    expect(thrownAppError(() => draftCaseLetter(w.ctx, { caseId: c.id, kind: 'anmodning', requestId: null })).fields).toEqual({ requestId: 'Vælg den anmodning, brevet skal sendes for.' });
    expect(thrownAppError(() => draftCaseLetter(w.ctx, { caseId: c.id, kind: 'kvittering', requestId: request.id })).code).toBe('validation');
    expect(thrownAppError(() => draftCaseLetter(w.ctx, { caseId: c.id, kind: 'rykker', requestId: 99999 })).code).toBe('not_found');
    expect(thrownAppError(() => draftCaseLetter(w.ctx, { caseId: 99999, kind: 'kvittering', requestId: null })).code).toBe('not_found');
  });

  it('renders the anmodning as PDF with the long-form deadline and the klagepunkt, the same bytes for the same day', async () => {
    const { c, request } = seededCase();
    const input = { caseId: c.id, kind: 'anmodning', requestId: request.id } as const;
    const a = await renderCaseLetterPdf(w.ctx, input, '2025-06-02');
    const b = await renderCaseLetterPdf(w.ctx, input, '2025-06-02');
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const file = join(dir, 'anmodning.pdf');
    writeFileSync(file, a.bytes);
    const all = (await text('pdftotext', [file, '-'])).replace(/\s+/g, ' ');
    const due = text0(a.letter.document).match(/senest ((?:mandag|tirsdag|onsdag|torsdag|fredag) den \d{1,2}\. \S+ \d{4})/)?.[1];
    expect(due).toBeDefined();
    expect(all).toContain(`senest ${due!}`);
    expect(all).toContain('Klagepunkt 2: Afgørelsen var ikke begrundet');
    expect(all).toContain('Anmodning om redegørelse');
    expect(all).toContain('2. juni 2025');
    expect(await text('pdfinfo', [file])).toMatch(/Title:\s+Anmodning om redegørelse i sag/);
  });

  it('sends a letter as an outgoing akt with its history entry, and refuses the same letter again the same day', async () => {
    const { c, request } = seededCase();
    const sent = await sendCaseLetter(w.ctx, { caseId: c.id, kind: 'kvittering', requestId: null });
    expect(sent).toMatchObject({ title: 'Kvittering til borgeren', direction: 'ud', documentDate: '2025-06-02', mediaType: 'application/pdf', requestId: null });
    expect(sent.party).toBe(getCase(w.ctx, c.id).citizen.name);
    const anmodning = await sendCaseLetter(w.ctx, { caseId: c.id, kind: 'anmodning', requestId: request.id });
    expect(anmodning.title).toBe(`Anmodning om redegørelse til ${request.forvaltning}`);
    expect(anmodning.party).toBe(request.forvaltning);
    expect(listDocuments(w.ctx, c.id).map((d) => d.title)).toEqual(expect.arrayContaining(['Kvittering til borgeren', anmodning.title]));
    expect(w.actions(c.id).filter((a) => a === 'Akt tilføjet')).toHaveLength(2);

    await expect(sendCaseLetter(w.ctx, { caseId: c.id, kind: 'kvittering', requestId: null })).rejects.toMatchObject({
      code: 'conflict', message: expect.stringContaining('akten "Kvittering til borgeren" (02.06.2025)'),
    });
    expect(listDocuments(w.ctx, c.id)).toHaveLength(2);
    // Another day is another letter.
    w.setToday('2025-06-03');
    await sendCaseLetter(w.ctx, { caseId: c.id, kind: 'kvittering', requestId: null });
    expect(listDocuments(w.ctx, c.id)).toHaveLength(3);
  });

  it('refuses a rykker for an answered request', () => {
    const { c, request } = seededCase();
    answerRequest(w.ctx, request.id, { answeredOn: '2025-06-02', summary: '', agreed: [] });
    expect(thrownAppError(() => draftCaseLetter(w.ctx, { caseId: c.id, kind: 'rykker', requestId: request.id })).message).toMatch(/besvaret 02\.06\.2025; der er ikke noget at rykke for/);
  });
});
