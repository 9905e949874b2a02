/**
 * The key outside the desktop app (electron/services/db-key-env.ts): OMBUD_DB_KEY, or the file
 * OMBUD_DB_KEY_FILE names. The real `ombud` command without a key refuses a database with a Danish
 * message that says how to give it, creating nothing; with a key file it works.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dbKeyFromEnv } from '../../../electron/services/db-key-env';
import { TEST_DB_KEY_TEXT } from '../../setup/db-key';
import { LAUNCHER } from './run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'ombud-cli-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The real command with exactly these key variables (the rest of the environment without them). */
function ombud(keyEnv: Record<string, string>, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, OMBUD_USER_DATA_DIR: path.join(dir, 'userdata') };
  delete env['OMBUD_DB_KEY'];
  delete env['OMBUD_DB_KEY_FILE'];
  const r = spawnSync(process.execPath, [LAUNCHER, ...args], { cwd: dir, encoding: 'utf8', env: { ...env, ...keyEnv } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dbKeyFromEnv', () => {
  it('reads OMBUD_DB_KEY, else the trimmed content of OMBUD_DB_KEY_FILE', () => {
    const hex = 'AB'.repeat(32);
    expect(dbKeyFromEnv({ OMBUD_DB_KEY: hex })).toEqual({ ok: true, key: { kind: 'raw', hex: hex.toLowerCase() } });
    expect(dbKeyFromEnv({ OMBUD_DB_KEY: 'en lang adgangssætning' })).toEqual({ ok: true, key: { kind: 'passphrase', text: 'en lang adgangssætning' } });
    const file = path.join(dir, 'noegle.txt');
    writeFileSync(file, `  ${hex}\n`);
    expect(dbKeyFromEnv({ OMBUD_DB_KEY_FILE: file })).toEqual({ ok: true, key: { kind: 'raw', hex: hex.toLowerCase() } });
  });

  it('says in Danish what is wrong: no key, a missing or unreadable file, an empty file', () => {
    expect(dbKeyFromEnv({})).toEqual({ ok: false, problem: expect.stringMatching(/mangler databasenøglen.*OMBUD_DB_KEY.*OMBUD_DB_KEY_FILE/s) });
    expect(dbKeyFromEnv({ OMBUD_DB_KEY_FILE: path.join(dir, 'findes-ikke') })).toEqual({ ok: false, problem: expect.stringMatching(/findes ikke eller kan ikke læses/) });
    const empty = path.join(dir, 'tom.txt');
    writeFileSync(empty, ' \n');
    expect(dbKeyFromEnv({ OMBUD_DB_KEY_FILE: empty })).toEqual({ ok: false, problem: expect.stringMatching(/er tom/) });
  });
});

describe('ombud and the key', () => {
  it('refuses a database without a key, saying how to give it, and creates nothing', () => {
    const db = path.join(dir, 'uden.sqlite');
    const r = ombud({}, 'demo', '--cases', '1', '--db', db);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/OMBUD_DB_KEY/);
    expect(existsSync(db)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('uden'))).toEqual([]);
  });

  it('opens it with the key from OMBUD_DB_KEY_FILE', () => {
    const file = path.join(dir, 'test-noegle.txt');
    writeFileSync(file, `${TEST_DB_KEY_TEXT}\n`, { mode: 0o600 });
    const db = path.join(dir, 'med.sqlite');
    const r = ombud({ OMBUD_DB_KEY_FILE: file }, 'demo', '--cases', '1', '--db', db);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(db)).toBe(true);
    // And not with another key.
    const wrong = ombud({ OMBUD_DB_KEY: 'cd'.repeat(32) }, 'export', '--format', 'csv', '--out', path.join(dir, 'ud.csv'), '--db', db);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/kan ikke låses op med nøglen/);
  });
});
