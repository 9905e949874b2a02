/**
 * `ombud finding`: the udtalelse of a demo henvendelse as PDF – byte for byte what the app's
 * findings:pdf answers on that day for the same letter (to the citizen or, with
 * --copy-to-forvaltning, to the forvaltning; anonymised or not); `--issue` issues the draft, and
 * from then on the command writes the stored bytes of the issued version, whatever `--date` says.
 * Danish usage errors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseIdBySagsnr } from '../../../db/queries/cases';
import { findingVersionPdf, listFindingVersions } from '../../../db/queries/findings';
import { getSettings } from '../../../electron/services/settings';
import { openApp } from '../../../electron/services/open-app';
import { fixedClock } from '../../../shared/domain/dates';
import { text } from '../pdf/poppler';
import { cliFolder } from './run-cli';
import { TEST_DB_KEY } from '../../setup/db-key';

describe('ombud finding', () => {
  const { dir, ombud } = cliFolder('ombud-finding');
  const db = path.join(dir, 'ombud.sqlite');
  let sagsnr = '';
  let citizen = '';

  /** What the app's findings:pdf answers for this case when today is `date`. */
  async function appPdf(date: string, variant: 'borger' | 'forvaltning', anonymised: boolean): Promise<Buffer> {
    const app = openApp({ key: TEST_DB_KEY, file: db, mode: 'test', log: () => {}, actor: () => 'Test', clock: fixedClock(`${date}T10:00:00.000Z`) });
    try {
      const caseId = caseIdBySagsnr(app.ctx.db, sagsnr)!;
      // A PDF fetched is recorded under who fetched it, so the call names an adviser.
      const adviserId = getSettings(app.ctx).advisers[0]!.id;
      const r = await app.dispatch('findings:pdf', { caseId, versionId: null, variant, anonymised }, { adviserId });
      if (!r.ok) throw new Error(r.error.message);
      return Buffer.from((r.value as { contentBase64: string }).contentBase64, 'base64');
    } finally {
      app.close();
    }
  }

  const written = (name: string): Buffer => readFileSync(path.join(dir, name));

  it('writes the draft as the app does for that day: to the citizen, to the forvaltning, anonymised', async () => {
    expect((await ombud('demo', '--cases', '30', '--seed', '3', '--db', db)).code).toBe(0);
    const app = openApp({ key: TEST_DB_KEY, file: db, mode: 'test', log: () => {}, actor: () => 'Test' });
    try {
      const row = app.ctx.db.prepare("SELECT sagsnr, citizen_name FROM cases WHERE type = 'klage' ORDER BY id LIMIT 1").get() as { sagsnr: string; citizen_name: string };
      sagsnr = row.sagsnr;
      citizen = row.citizen_name;
    } finally {
      app.close();
    }
    const first = await ombud('finding', '--case', sagsnr, '--out', 'udtalelse.pdf', '--date', '2026-12-01', '--db', db);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain(`Udtalelsen (udkast) i sag ${sagsnr} er skrevet til`);
    expect(written('udtalelse.pdf').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.compare(written('udtalelse.pdf'), await appPdf('2026-12-01', 'borger', false))).toBe(0);
    await ombud('finding', '--case', sagsnr, '--out', 'igen.pdf', '--date', '2026-12-01', '--db', db);
    expect(Buffer.compare(written('igen.pdf'), written('udtalelse.pdf'))).toBe(0);

    expect((await ombud('finding', '--case', sagsnr, '--out', 'forvaltning.pdf', '--copy-to-forvaltning', '--anonymised', '--date', '2026-12-01', '--db', db)).code).toBe(0);
    expect(Buffer.compare(written('forvaltning.pdf'), await appPdf('2026-12-01', 'forvaltning', true))).toBe(0);
    const body = await text('pdftotext', [path.join(dir, 'forvaltning.pdf'), '-']);
    expect(body).toContain('Kopi til: [borgeren]');
    expect(body).not.toContain(citizen);
  });

  it('issues the draft with --issue, then writes the stored bytes of the issued version', async () => {
    const issued = await ombud('finding', '--case', sagsnr, '--issue', '--db', db);
    expect(issued.err).toBe('');
    expect(issued.code).toBe(0);
    expect(issued.out).toContain(`Udtalelsen i sag ${sagsnr} er udsendt som version 1`);
    const app = openApp({ key: TEST_DB_KEY, file: db, mode: 'test', log: () => {}, actor: () => 'Test' });
    let stored: Buffer;
    let forvaltning: Buffer;
    try {
      const caseId = caseIdBySagsnr(app.ctx.db, sagsnr)!;
      const v = listFindingVersions(app.ctx.db, caseId)[0]!;
      expect(v.issued_by).not.toBe('');
      expect(issued.out).toContain(`SHA-256 til borgeren: ${v.pdf_sha256}`);
      stored = Buffer.from(findingVersionPdf(app.ctx.db, v.id, 'borger')!.bytes);
      forvaltning = Buffer.from(findingVersionPdf(app.ctx.db, v.id, 'forvaltning')!.bytes);
    } finally {
      app.close();
    }
    const out = await ombud('finding', '--case', sagsnr, '--out', 'udsendt.pdf', '--date', '2027-01-05', '--db', db);
    expect(out.out).toContain('Bemærk: --date bruges ikke, fordi udtalelsen er udsendt');
    expect(out.out).toContain(`Den udsendte udtalelse i sag ${sagsnr} er skrevet til`);
    expect(Buffer.compare(written('udsendt.pdf'), stored)).toBe(0);
    await ombud('finding', '--case', sagsnr, '--out', 'udsendt-forvaltning.pdf', '--copy-to-forvaltning', '--db', db);
    expect(Buffer.compare(written('udsendt-forvaltning.pdf'), forvaltning)).toBe(0);
    // The anonymised copy of the issued version is the app's too, whatever day it is made.
    await ombud('finding', '--case', sagsnr, '--out', 'anonym.pdf', '--anonymised', '--db', db);
    expect(Buffer.compare(written('anonym.pdf'), await appPdf('2027-02-01', 'borger', true))).toBe(0);

    const again = await ombud('finding', '--case', sagsnr, '--issue', '--db', db);
    expect(again.code).toBe(1);
    expect(again.err).toContain('Start en ny version');
  });

  it('says in Danish what is missing or wrong', async () => {
    expect((await ombud('finding', '--out', 'x.pdf', '--db', db)).err).toContain('Angiv sagsnummeret med --case');
    expect((await ombud('finding', '--case', '2026-0001', '--db', db)).err).toContain('Angiv filen med --out');
    expect((await ombud('finding', '--case', '2026-0001', '--out', 'x.pdf', '--date', '2026-02-30', '--db', db)).err).toContain('--date skal være en gyldig dato');
    expect((await ombud('finding', '--case', '2026-0001', '--issue', '--out', 'x.pdf', '--db', db)).err).toContain('--out kan ikke bruges med --issue');
    expect((await ombud('finding', '--case', '2026-0001', '--out', 'x.pdf', '--reason', 'fordi', '--db', db)).err).toContain('--reason bruges kun med --issue');
    const unknown = await ombud('finding', '--case', '1999-9999', '--out', 'x.pdf', '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Der er ingen henvendelse med sagsnummer 1999-9999.');
  });
});
