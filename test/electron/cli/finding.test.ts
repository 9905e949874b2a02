/**
 * `ombud finding`: the udtalelse of a demo henvendelse as PDF – the same bytes as rendering the case's
 * auto-draft for that date directly (the one document model and PDF module the app uses), the same
 * bytes again for the same date, and Danish usage errors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderLetterPdf } from '../../../electron/pdf';
import { findingSource } from '../../../electron/services/findings';
import { openApp } from '../../../electron/services/open-app';
import { caseIdBySagsnr } from '../../../db/queries/cases';
import { draftFinding } from '../../../shared/letters/finding-draft';
import { cliFolder } from './run-cli';

describe('ombud finding', () => {
  const { dir, ombud } = cliFolder('ombud-finding');
  const db = path.join(dir, 'ombud.sqlite');

  it('writes the auto-draft as PDF, byte for byte the document the services render for that date', async () => {
    expect((await ombud('demo', '--cases', '30', '--seed', '3', '--db', db)).code).toBe(0);
    const app = openApp({ file: db, mode: 'test', log: () => {}, actor: () => 'Test' });
    let sagsnr: string;
    let expected: Uint8Array;
    try {
      const row = app.ctx.db.prepare("SELECT sagsnr FROM cases WHERE type = 'klage' ORDER BY id LIMIT 1").get() as { sagsnr: string };
      sagsnr = row.sagsnr;
      const caseId = caseIdBySagsnr(app.ctx.db, sagsnr)!;
      expected = await renderLetterPdf(draftFinding(findingSource(app.ctx, caseId, '2026-12-01')), { createdAt: new Date('2026-12-01T12:00:00Z') });
    } finally {
      app.close();
    }
    const first = await ombud('finding', '--case', sagsnr, '--out', 'udtalelse.pdf', '--date', '2026-12-01', '--db', db);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain(`Udtalelsen i sag ${sagsnr} er skrevet til`);
    const bytes = readFileSync(path.join(dir, 'udtalelse.pdf'));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.compare(bytes, Buffer.from(expected))).toBe(0);
    await ombud('finding', '--case', sagsnr, '--out', 'igen.pdf', '--date', '2026-12-01', '--db', db);
    expect(Buffer.compare(readFileSync(path.join(dir, 'igen.pdf')), bytes)).toBe(0);
  });

  it('says in Danish what is missing or wrong', async () => {
    expect((await ombud('finding', '--out', 'x.pdf', '--db', db)).err).toContain('Angiv sagsnummeret med --case');
    expect((await ombud('finding', '--case', '2026-0001', '--db', db)).err).toContain('Angiv filen med --out');
    expect((await ombud('finding', '--case', '2026-0001', '--out', 'x.pdf', '--date', '2026-02-30', '--db', db)).err).toContain('--date skal være en gyldig dato');
    const unknown = await ombud('finding', '--case', '1999-9999', '--out', 'x.pdf', '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Der er ingen henvendelse med sagsnummer 1999-9999.');
  });
});
