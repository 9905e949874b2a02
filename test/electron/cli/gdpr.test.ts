/**
 * `ombud indsigt` and `ombud sletning`: the same services as the Databeskyttelse screen from the
 * command line – the matches printed with why, the JSON (versioned schema) or the letter (PDF)
 * written, a namesake left out with --sag; the retention plan with its token, and the run only with
 * that token – with Danish usage errors.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseHistory } from '../../../db/queries/audit';
import { getCaseDetail } from '../../../db/queries/cases';
import { createCase } from '../../../electron/services/cases';
import { openApp } from '../../../electron/services/open-app';
import { saveRetentionSettings } from '../../../electron/services/retention';
import { InsightExportSchema } from '../../../shared/gdpr/insight';
import { caseInput } from '../../db/helpers';
import { TEST_DB_KEY } from '../../setup/db-key';
import { cliFolder } from './run-cli';

describe('ombud indsigt', () => {
  const { dir, db, ombud } = cliFolder('ombud-indsigt');

  it('finds by CPR or name, prints why, writes the JSON or the PDF, and leaves out what --sag does not name', async () => {
    const app = openApp({ file: db, key: TEST_DB_KEY, mode: 'test', log: () => {}, actor: () => 'Mette Rådgiver' });
    let own: { id: number; sagsnr: string };
    let namesake: { id: number; sagsnr: string };
    try {
      const base = caseInput(app.ctx.db, { receivedOn: '2025-03-10' });
      own = createCase(app.ctx, { ...base, citizen: { ...base.citizen, name: 'Åse Ørsted', cpr: '010190-1234' } });
      namesake = createCase(app.ctx, { ...base, citizen: { ...base.citizen, name: 'Åse Ørsted', cpr: null } });
    } finally {
      app.close();
    }

    const byCpr = await ombud('indsigt', '--cpr', '0101901234', '--out', 'indsigt.json', '--db', db);
    expect(byCpr.err).toBe('');
    expect(byCpr.code).toBe(0);
    expect(byCpr.out).toContain(`${own.sagsnr}  Borgerens CPR-nummer`);
    expect(byCpr.out).toContain('Indsigt i 1 henvendelse er skrevet til');
    const data = InsightExportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'indsigt.json'), 'utf8')));
    expect(data.cases.map((c) => c.case.sagsnr)).toEqual([own.sagsnr]);
    expect(data.cases[0]?.cpr).toBe('010190-1234');

    const byName = await ombud('indsigt', '--navn', 'åse ørsted', '--sag', own.sagsnr, '--out', 'brev.pdf', '--pdf', '--db', db);
    expect(byName.code).toBe(0);
    expect(byName.out).toContain(`${namesake.sagsnr}  Borgerens navn: Åse Ørsted`);
    expect(readFileSync(path.join(dir, 'brev.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const check = openApp({ file: db, key: TEST_DB_KEY, mode: 'test', log: () => {}, actor: () => 'Test' });
    try {
      expect(caseHistory(check.ctx.db, own.id).filter((h) => h.action === 'Indsigt udleveret')).toHaveLength(2);
      expect(caseHistory(check.ctx.db, namesake.id).some((h) => h.action === 'Indsigt udleveret')).toBe(false);
    } finally {
      check.close();
    }
  });

  it('refuses without a person or a file, and a --sag the search did not find, in Danish', async () => {
    expect(await ombud('indsigt', '--out', 'x.json', '--db', db)).toMatchObject({ code: 2, err: expect.stringContaining('Angiv personen med --cpr eller --navn.') });
    expect(await ombud('indsigt', '--cpr', '010190-1234', '--db', db)).toMatchObject({ code: 2, err: expect.stringContaining('Angiv filen med --out') });
    expect((await ombud('indsigt', '--cpr', '010190-1234', '--sag', '1999-0001', '--out', 'x.json', '--db', db)).err).toContain('passer ikke til søgningen: 1999-0001');
  });
});

describe('ombud sletning', () => {
  const { db, ombud } = cliFolder('ombud-sletning');

  it('shows the plan with its token and carries out exactly that plan', async () => {
    expect((await ombud('demo', '--cases', '40', '--seed', '5', '--db', db)).code).toBe(0);
    const app = openApp({ file: db, key: TEST_DB_KEY, mode: 'test', log: () => {}, actor: () => 'Mette Rådgiver' });
    try {
      saveRetentionSettings(app.ctx, { years: 1 });
    } finally {
      app.close();
    }
    const plan = await ombud('sletning', '--plan', '--db', db);
    expect(plan.code).toBe(0);
    expect(plan.out).toContain('Opbevaringsperiode: 1 år efter afslutning.');
    const token = /Token: ([0-9a-f]{64})/.exec(plan.out)?.[1];
    expect(token).toBeDefined();
    const sagsnumre = [...plan.out.matchAll(/^(\d{4}-\d{4}) {2}afsluttet/gm)].map((m) => m[1]);
    expect(sagsnumre.length).toBeGreaterThan(0);

    expect(await ombud('sletning', '--udfør', '--token', 'f'.repeat(64), '--db', db)).toMatchObject({ code: 1, err: expect.stringContaining('Intet er slettet') });
    const run = await ombud('sletning', '--udfør', '--token', token as string, '--db', db);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`${sagsnumre.length} henvendelse${sagsnumre.length === 1 ? '' : 'r'} er anonymiseret`);

    const check = openApp({ file: db, key: TEST_DB_KEY, mode: 'test', log: () => {}, actor: () => 'Test' });
    try {
      const names = check.ctx.db.prepare(`SELECT DISTINCT citizen_name FROM cases WHERE sagsnr IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(sagsnumre));
      expect(names).toEqual(['[anonymiseret]']);
      const id = check.ctx.db.prepare('SELECT id FROM cases WHERE sagsnr = ?').pluck().get(sagsnumre[0]) as number;
      expect(getCaseDetail(check.ctx.db, id)?.citizen.cprMasked).toBeNull();
    } finally {
      check.close();
    }
  });

  it('refuses --udfør without a token, and neither or both modes, in Danish', async () => {
    expect(await ombud('sletning', '--db', db)).toMatchObject({ code: 2, err: expect.stringContaining('Angiv enten --plan eller --udfør --token <token>.') });
    expect(await ombud('sletning', '--udfør', '--db', db)).toMatchObject({ code: 2, err: expect.stringContaining('--udfør kræver planens token') });
  });
});
