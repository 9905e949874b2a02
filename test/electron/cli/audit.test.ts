/**
 * `ombud audit verify` exits 0 on a whole chain and 1 naming the first broken row in Danish (a row
 * changed with the triggers dropped, or the newest rows cut off: found against the anchor beside
 * the database); `ombud audit export` writes the log as CSV or JSON and is itself recorded.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SqliteDriver } from '../../../db/driver';
import { applyDbKey } from '../../../db/key';
import { TEST_DB_KEY } from '../../setup/db-key';
import { cliFolder } from './run-cli';
import { ownerOnlyMode } from '../../setup/file-mode';

const { dir, db, ombud } = cliFolder('ombud-cli-audit');

function tamper(sql: string): void {
  const raw = new SqliteDriver(db);
  applyDbKey(raw, TEST_DB_KEY);
  raw.exec(sql);
  raw.close();
}

describe('ombud audit', () => {
  it('verifies, exports, and finds a changed row and a cut-off tail', async () => {
    expect((await ombud('demo', '--cases', '5', '--seed', '2', '--db', db)).code).toBe(0);
    const ok = await ombud('audit', 'verify', '--db', db);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^Revisionssporet er helt: \d+ rækker kontrolleret\.$/m);
    expect(ownerOnlyMode(`${db}.revisionsspor`)).toBe(0o600);

    const csv = await ombud('audit', 'export', '--out', 'spor.csv', '--from', '2000-01-01', '--db', db);
    expect(csv.code).toBe(0);
    const text = readFileSync(path.join(dir, 'spor.csv'), 'utf8');
    expect(text.startsWith('\uFEFFNr.;Tidspunkt;Rådgiver;Hændelse;Område;Sagsnr.;Felt;Før;Efter;Anonymiseret\r\n')).toBe(true);
    const json = await ombud('audit', 'export', '--out', 'spor.json', '--json', '--db', db);
    expect(json.code).toBe(0);
    const dump = JSON.parse(readFileSync(path.join(dir, 'spor.json'), 'utf8')) as { entries: Array<{ action: string }> };
    // The CSV export before it is in the JSON; each export is recorded.
    expect(dump.entries.map((e) => e.action)).toContain('Revisionsspor eksporteret som CSV');
    expect((await ombud('audit', 'export', '--out', 'x.csv', '--from', '2025-13-01', '--db', db)).code).toBe(2);

    // Verified after the exports, so the anchor names the newest row.
    expect((await ombud('audit', 'verify', '--db', db)).code).toBe(0);
    const rows = (() => {
      const raw = new SqliteDriver(db, { readonly: true });
      applyDbKey(raw, TEST_DB_KEY);
      const n = raw.prepare('SELECT max(id) FROM audit_log').pluck().get() as number;
      raw.close();
      return n;
    })();
    tamper(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id >= ${rows - 1}`);
    const cut = await ombud('audit', 'verify', '--db', db);
    expect(cut.code).toBe(1);
    expect(cut.err).toContain(`første brudte række: ${rows - 1}`);
    expect(cut.err).toContain('kortere end sidst');
  });

  it('names a row changed in the middle', async () => {
    tamper("DROP TRIGGER IF EXISTS audit_log_only_anonymised; UPDATE audit_log SET actor = 'En anden' WHERE id = 3");
    const r = await ombud('audit', 'verify', '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/første brudte række: 3\)\. Række 3 er ændret/);
  });
});
