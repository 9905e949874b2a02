/**
 * `ombud letter`: the kvittering and the anmodning of a demo henvendelse as PDF – the same bytes as
 * the service renders for that date (the app's "Gem som PDF"), nothing stored, and Danish usage errors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseIdBySagsnr } from '../../../db/queries/cases';
import { renderCaseLetterPdf } from '../../../electron/services/case-letters';
import { listDocuments } from '../../../electron/services/documents';
import { openApp } from '../../../electron/services/open-app';
import { cliFolder } from './run-cli';
import { TEST_DB_KEY } from '../../setup/db-key';

describe('ombud letter', () => {
  const { dir, ombud } = cliFolder('ombud-letter');
  const db = path.join(dir, 'ombud.sqlite');

  it('writes the kvittering and the anmodning as PDF, byte for byte what the service renders for that date', async () => {
    expect((await ombud('demo', '--cases', '30', '--seed', '3', '--db', db)).code).toBe(0);
    const app = openApp({ key: TEST_DB_KEY, file: db, mode: 'test', log: () => {}, actor: () => 'Test' });
    let sagsnr: string;
    let receipt: Uint8Array;
    let request: Uint8Array;
    let akter: number;
    try {
      // A henvendelse with exactly one request, so --request may be left out.
      const row = app.ctx.db.prepare(
        'SELECT c.sagsnr FROM cases c JOIN requests r ON r.case_id = c.id GROUP BY c.id HAVING COUNT(*) = 1 ORDER BY c.id LIMIT 1',
      ).get() as { sagsnr: string };
      sagsnr = row.sagsnr;
      const caseId = caseIdBySagsnr(app.ctx.db, sagsnr)!;
      const requestId = (app.ctx.db.prepare('SELECT id FROM requests WHERE case_id = ?').get(caseId) as { id: number }).id;
      receipt = (await renderCaseLetterPdf(app.ctx, { caseId, kind: 'kvittering', requestId: null }, '2026-12-01')).bytes;
      request = (await renderCaseLetterPdf(app.ctx, { caseId, kind: 'anmodning', requestId }, '2026-12-01')).bytes;
      akter = listDocuments(app.ctx, caseId).length;
    } finally {
      app.close();
    }
    const first = await ombud('letter', '--case', sagsnr, '--kind', 'kvittering', '--out', 'kvittering.pdf', '--date', '2026-12-01', '--db', db);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain(`Kvitteringen i sag ${sagsnr} er skrevet til`);
    expect(Buffer.compare(readFileSync(path.join(dir, 'kvittering.pdf')), Buffer.from(receipt))).toBe(0);

    const second = await ombud('letter', '--case', sagsnr, '--kind', 'anmodning', '--out', 'anmodning.pdf', '--date', '2026-12-01', '--db', db);
    expect(second.err).toBe('');
    expect(Buffer.compare(readFileSync(path.join(dir, 'anmodning.pdf')), Buffer.from(request))).toBe(0);
    const numbered = await ombud('letter', '--case', sagsnr, '--kind', 'anmodning', '--request', '1', '--out', 'igen.pdf', '--date', '2026-12-01', '--db', db);
    expect(numbered.code).toBe(0);
    expect(Buffer.compare(readFileSync(path.join(dir, 'igen.pdf')), Buffer.from(request))).toBe(0);

    // Writing a file stores nothing on the case.
    const after = openApp({ key: TEST_DB_KEY, file: db, mode: 'test', log: () => {}, actor: () => 'Test' });
    try {
      expect(listDocuments(after.ctx, caseIdBySagsnr(after.ctx.db, sagsnr)!)).toHaveLength(akter);
    } finally {
      after.close();
    }
    const missing = await ombud('letter', '--case', sagsnr, '--kind', 'anmodning', '--request', '9', '--out', 'x.pdf', '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`Sag ${sagsnr} har ingen anmodning nr. 9.`);
  });

  it('says in Danish what is missing or wrong', async () => {
    expect((await ombud('letter', '--kind', 'kvittering', '--out', 'x.pdf', '--db', db)).err).toContain('Angiv sagsnummeret med --case');
    expect((await ombud('letter', '--case', '2026-0001', '--out', 'x.pdf', '--db', db)).err).toContain('Angiv brevet med --kind kvittering');
    expect((await ombud('letter', '--case', '2026-0001', '--kind', 'brev', '--out', 'x.pdf', '--db', db)).err).toContain('Angiv brevet med --kind');
    expect((await ombud('letter', '--case', '2026-0001', '--kind', 'kvittering', '--db', db)).err).toContain('Angiv filen med --out');
    expect((await ombud('letter', '--case', '2026-0001', '--kind', 'kvittering', '--request', '1', '--out', 'x.pdf', '--db', db)).err).toContain('udelad --request');
    expect((await ombud('letter', '--case', '2026-0001', '--kind', 'anmodning', '--request', 'to', '--out', 'x.pdf', '--db', db)).err).toContain('--request skal være anmodningens nummer');
    expect((await ombud('letter', '--case', '2026-0001', '--kind', 'kvittering', '--out', 'x.pdf', '--date', '2026-02-30', '--db', db)).err).toContain('--date skal være en gyldig dato');
    const unknown = await ombud('letter', '--case', '1999-9999', '--kind', 'kvittering', '--out', 'x.pdf', '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Der er ingen henvendelse med sagsnummer 1999-9999.');
  });
});
