/**
 * Encryption at rest, end to end: a citizen's name, CPR number and a health sentence written
 * through the app (a forked backend, as the preview and the app run it, via dispatch) appear in
 * none of the files Ombud leaves on disk — the database, its WAL read while the connection is open,
 * the backups made when an older unencrypted database was encrypted and migrated, a `VACUUM INTO`
 * copy, anything in the temp folder (TMPDIR points at a fresh folder for the backend process) and
 * anything else in the userData folder (GDPR art. 32: a lost laptop must not give them away).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureConnection } from '../../../db/connection';
import { SqliteDriver } from '../../../db/driver';
import { applyDbKey } from '../../../db/key';
import { migrate } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import type { WritableDB } from '../../../db/types';
import { createBackendClient, type BackendClient } from '../../../electron/backend/client';
import { forkBackend } from '../../../electron/backend/fork';
import { caseInput } from '../../fixtures/cases';
import { TEST_DB_KEY } from '../../setup/db-key';

const NAME = 'Gudrun Krypteringsprøve';
const CPR = '010203-1234';
const HEALTH = 'Borgeren har en alvorlig depression og tager antidepressiv medicin dagligt';
/** Written by an older, unencrypted Ombud before this version encrypted the file. */
const OLD_SECRET = 'Tidligere notat om Gudruns diagnose';

/** Every form a secret could take in a file: UTF-8 and UTF-16 (SQLite's other text encoding), CPR with and without its dash. */
function needles(): Buffer[] {
  const texts = [NAME, CPR, CPR.replace('-', ''), HEALTH, OLD_SECRET];
  return texts.flatMap((t) => [Buffer.from(t, 'utf8'), Buffer.from(t, 'utf16le')]);
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile());
}

function leaks(file: string): string[] {
  const bytes = readFileSync(file);
  return needles()
    .filter((n) => bytes.includes(n))
    .map((n) => n.toString(n.includes(0) ? 'utf16le' : 'utf8'));
}

describe('no personal data in the clear on disk', () => {
  let root: string;
  let userData: string;
  let tmp: string;
  let file: string;
  let client: BackendClient;

  beforeAll(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'ombud-plain-'));
    userData = path.join(root, 'userData');
    tmp = path.join(root, 'tmp');
    mkdirSync(userData);
    mkdirSync(tmp);
    file = path.join(userData, 'ombud.sqlite');
    // An unencrypted database as the previous version left it, one schema version behind.
    const old = new SqliteDriver(file) as WritableDB;
    configureConnection(old, false);
    const previous = MIGRATIONS[MIGRATIONS.length - 2]?.version ?? 0;
    migrate(old, { file: null, list: MIGRATIONS.filter((m) => m.version <= previous) });
    old.prepare("INSERT INTO settings (key, value) VALUES ('test.notat', ?)").run(OLD_SECRET);
    old.close();
    expect(leaks(file)).toEqual([OLD_SECRET]);
    const env = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp, OMBUD_USER_DATA_DIR: userData };
    client = createBackendClient(forkBackend({ env }));
  });

  afterAll(async () => {
    await client?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('holds the name, CPR number and health sentence only encrypted: database, open WAL, backups, a VACUUM INTO copy, temp and userData', async () => {
    expect(await client.open({ file, mode: 'preview', appVersion: '1.0.0', actorFile: path.join(userData, 'valgt-raadgiver.json') })).toEqual({
      ok: true,
      notice: null,
    });
    const settings = (await client.dispatch('settings:get', {}, null)) as { ok: true; value: { advisers: Array<{ id: number }> } };
    const actor = { adviserId: settings.value.advisers[0]!.id };
    const input = caseInput({ citizen: { name: NAME, address: '', phone: '', email: '', cpr: CPR }, summary: 'Klage over hjemmehjælp', description: HEALTH });
    const created = (await client.dispatch('cases:create', { input }, actor)) as { ok: boolean; value: { id: number } };
    expect(created.ok).toBe(true);
    const revealed = await client.dispatch('cases:reveal-cpr', { id: created.value.id }, actor);
    expect(revealed).toEqual({ ok: true, value: { cpr: CPR } });

    // While the backend is open: the case is in the WAL, not yet checkpointed into the file.
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    for (const f of [file, `${file}-wal`]) expect(leaks(f), f).toEqual([]);

    await client.close();
    const names = readdirSync(userData);
    // The encryption of the old file and the migration each kept a backup; both are scanned below.
    expect(names.filter((n) => n.includes('foer-kryptering'))).toHaveLength(1);
    expect(names.filter((n) => n.includes('før-migrering'))).toHaveLength(1);

    // The data is really there, for whoever has the key.
    const db = new SqliteDriver(file);
    applyDbKey(db, TEST_DB_KEY);
    expect(db.prepare('SELECT citizen_name FROM cases').pluck().get()).toBe(NAME);
    db.prepare('VACUUM INTO ?').run(path.join(userData, 'kopi.sqlite'));
    db.close();

    const scanned = [...filesUnder(userData), ...filesUnder(tmp)];
    expect(scanned.length).toBeGreaterThanOrEqual(4);
    for (const f of scanned) expect(leaks(f), f).toEqual([]);
  });
});
