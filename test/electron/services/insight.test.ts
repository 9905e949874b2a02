/**
 * Indsigt (GDPR art. 15, electron/services/insight.ts): a person is found by CPR number and by name
 * (folded, case-insensitive, as the representative too), each match says why, a namesake can be
 * left out, and the JSON holds everything – klagepunkter with assessments, requests, deadlines,
 * henstillinger, journal, the akter's files, the issued findings and the history – in the versioned
 * schema; the PDF is a letter through the letters' PDF module; every export is recorded per
 * henvendelse without the CPR number.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseHistory } from '../../../db/queries/audit';
import { insightExport, insightJson, insightLetter, insightPdf, searchInsight } from '../../../electron/services/insight';
import { InsightExportSchema, type InsightExport } from '../../../shared/gdpr/insight';
import { blockTexts } from '../../../shared/letters/document';
import { thrownAppError } from '../../db/helpers';
import { text as pdfText } from '../pdf/poppler';
import { gdprWorld, PERSON, personCase, type GdprWorld } from './gdpr-world';

let w: GdprWorld;
let own: { id: number; sagsnr: string };
let older: { id: number; sagsnr: string };
let namesake: { id: number; sagsnr: string };

beforeAll(async () => {
  w = gdprWorld('2025-06-15');
  older = await personCase(w, '2023-02-01', '2023-05-01');
  own = await personCase(w, '2025-03-03', null);
  // Same name, no CPR number: found by name only, and the adviser must be able to leave it out.
  namesake = await personCase(w, '2024-09-09', null, { name: 'Kirsten Ølgaard Şahin', cpr: null });
  w.setToday('2025-06-15');
});
afterAll(() => w.app.close());

const decode = (b64: string): InsightExport => InsightExportSchema.parse(JSON.parse(Buffer.from(b64, 'base64').toString('utf8')));

describe('finding the person', () => {
  it('finds by CPR number in any written form, newest first, saying why', () => {
    for (const cpr of ['010190-1234', '0101901234', ' 010190 1234 ']) {
      const found = searchInsight(w.ctx, { cpr, name: null });
      expect(found.map((m) => m.caseId)).toEqual([own.id, older.id]);
      expect(found.every((m) => m.reasons.includes('Borgerens CPR-nummer'))).toBe(true);
    }
  });

  it('finds by name folded like the search (case, marks), the representative included, and not a part of a word', () => {
    const byName = searchInsight(w.ctx, { cpr: null, name: 'kirsten olgaard sahin' });
    expect(byName).toHaveLength(0); // ø is a letter of its own, not o with a mark
    const folded = searchInsight(w.ctx, { cpr: null, name: 'KIRSTEN ølgaard sahin' });
    expect(folded.map((m) => m.caseId)).toEqual([own.id, namesake.id, older.id]);
    expect(folded[1]?.reasons).toEqual(['Borgerens navn: Kirsten Ølgaard Şahin']);
    const rep = searchInsight(w.ctx, { cpr: null, name: 'jens ærø' });
    expect(rep.map((m) => m.caseId).sort()).toEqual([own.id, older.id, namesake.id].sort());
    expect(rep[0]?.reasons).toEqual(['Repræsentantens navn: Jens Ærø']);
    expect(searchInsight(w.ctx, { cpr: null, name: 'Kirst' })).toEqual([]);
  });

  it('merges the reasons when CPR and name both match', () => {
    const both = searchInsight(w.ctx, { cpr: PERSON.cpr, name: 'Kirsten Şahin' });
    expect(both.find((m) => m.caseId === own.id)?.reasons).toEqual(['Borgerens CPR-nummer', 'Borgerens navn: Kirsten Ølgaard Şahin']);
    expect(both.find((m) => m.caseId === namesake.id)?.reasons).toEqual(['Borgerens navn: Kirsten Ølgaard Şahin']);
  });

  it('refuses an empty query and an impossible CPR number in Danish', () => {
    expect(thrownAppError(() => searchInsight(w.ctx, { cpr: ' ', name: null })).message).toContain('CPR-nummer eller et navn');
    expect(thrownAppError(() => searchInsight(w.ctx, { cpr: '320190-1234', name: null })).fields?.cpr).toContain('ikke en gyldig dato');
  });
});

describe('the JSON export', () => {
  it('holds every kind of data of the kept henvendelser, the files as base64, in the versioned schema', () => {
    const file = insightJson(w.ctx, { query: { cpr: PERSON.cpr, name: null }, caseIds: [own.id, older.id] });
    expect(file).toMatchObject({ fileName: 'Indsigt 2025-06-15.json', mediaType: 'application/json' });
    const data = decode(file.contentBase64);
    expect(data).toMatchObject({ format: 'ombud-indsigt', version: 1, query: { cprMasked: '010190-••••', name: null }, retentionYears: 5 });
    expect(data.cases.map((c) => c.case.sagsnr)).toEqual([own.sagsnr, older.sagsnr]);
    const c = data.cases[0]!;
    expect(c.cpr).toBe(PERSON.cpr);
    expect(c.case.citizen.name).toBe(PERSON.name);
    expect(c.case.representative?.name).toBe(PERSON.rep);
    expect(c.case.points[0]?.outcome).toBe('kritik');
    expect(c.journal.map((n) => n.text)).toEqual([`Talt med ${PERSON.name}. ${PERSON.health}`]);
    expect(c.recommendations.map((r) => r.answer)).toEqual([`${PERSON.name} har fået svar.`]);
    expect(c.documents).toHaveLength(1);
    expect(Buffer.from(c.documents[0]!.contentBase64!, 'base64').toString('utf8')).toContain(PERSON.health);
    expect(c.findings.map((f) => f.version.version)).toEqual([1]);
    expect(c.findings[0]!.document.blocks.flatMap(blockTexts).join(' ')).toContain('Kirsten');
    expect(c.history.map((h) => h.action)).toContain('Oprettet');
    expect(c.decision).toHaveProperty('klagefrist');
  });

  it('leaves out the namesake the adviser unticked, and refuses a henvendelse the query does not find', () => {
    const data = insightExport(w.ctx, { query: { cpr: null, name: PERSON.name }, caseIds: [own.id] });
    expect(data.cases.map((c) => c.case.id)).toEqual([own.id]);
    const refused = thrownAppError(() => insightJson(w.ctx, { query: { cpr: PERSON.cpr, name: null }, caseIds: [own.id, namesake.id] }));
    expect(refused.message).toContain('Intet er udleveret');
    expect(caseHistory(w.ctx.db, namesake.id).map((h) => h.action)).not.toContain('Indsigt udleveret');
  });

  it('records "Indsigt udleveret" in the history of each henvendelse handed out, with no CPR number', () => {
    insightJson(w.ctx, { query: { cpr: PERSON.cpr, name: null }, caseIds: [older.id] });
    const [entry] = caseHistory(w.ctx.db, older.id);
    expect(entry).toMatchObject({ action: 'Indsigt udleveret', actor: 'Mette Rådgiver' });
    expect(entry?.changes).toContainEqual({ field: 'Format', before: '', after: 'JSON' });
    const text = JSON.stringify(entry);
    expect(text).not.toContain('010190');
    expect(text).not.toContain('0101901234');
  });
});

describe('the letter (PDF)', () => {
  it('lists the henvendelser, the categories, purposes, recipients, retention and Datatilsynet', () => {
    const data = insightExport(w.ctx, { query: { cpr: PERSON.cpr, name: null }, caseIds: [own.id, older.id] });
    const doc = insightLetter(w.ctx, data);
    const text = doc.blocks.flatMap(blockTexts).join('\n');
    expect(doc.letterhead.recipient[0]).toBe(PERSON.name);
    expect(text).toContain(own.sagsnr);
    expect(text).toContain(older.sagsnr);
    expect(text).toContain('Dit CPR-nummer');
    expect(text).toContain('Akter: breve, mails og dokumenter i sagen');
    expect(text).toContain('Beskæftigelse');
    expect(text).toContain('i 5 år');
    expect(text).toContain('Datatilsynet');
    expect(text).toContain('01.05.2023');
  });

  it('renders as a PDF whose text reads in Danish, and records the export', async () => {
    const file = await insightPdf(w.ctx, { query: { cpr: PERSON.cpr, name: null }, caseIds: [own.id] });
    expect(file).toMatchObject({ fileName: 'Indsigt 2025-06-15.pdf', mediaType: 'application/pdf' });
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const dir = mkdtempSync(path.join(tmpdir(), 'ombud-indsigt-'));
    writeFileSync(path.join(dir, 'i.pdf'), bytes);
    const text = await pdfText('pdftotext', ['-layout', path.join(dir, 'i.pdf'), '-']);
    rmSync(dir, { recursive: true, force: true });
    expect(text).toContain('Indsigt i dine oplysninger');
    expect(text).toContain('Datatilsynet');
    expect(caseHistory(w.ctx.db, own.id)[0]?.changes).toContainEqual({ field: 'Format', before: '', after: 'PDF' });
  });
});
