/**
 * The backend as a real child process (electron/backend/fork.ts, as `npm run preview` starts it):
 * the entry runs from source, listens, opens the database, answers over Node's IPC channel with
 * who acts, remembers the chosen adviser in the per-user file, and on close checkpoints the WAL and
 * exits.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackendClient, type BackendClient, type BackendLink } from '../../../electron/backend/client';
import { forkBackend } from '../../../electron/backend/fork';
import { applyDbKey } from '../../../db/key';
import { caseInput } from '../../fixtures/cases';
import { TEST_DB_KEY } from '../../setup/db-key';

describe('backend in a forked Node process', () => {
  let dir: string;
  let file: string;
  let actorFile: string;
  let client: BackendClient;
  let exitCode: number | null | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ombud-fork-'));
    file = path.join(dir, 'ombud.sqlite');
    actorFile = path.join(dir, 'profil', 'valgt-raadgiver.json');
    const link: BackendLink = forkBackend();
    link.onExit((code) => (exitCode = code));
    client = createBackendClient(link);
  });

  afterAll(async () => {
    await client?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('opens the database and answers through the contract', async () => {
    expect(await client.open({ file, mode: 'preview', appVersion: '2.0.0', actorFile })).toEqual({ ok: true, notice: null });
    expect(await client.dispatch('app:info', {}, null)).toMatchObject({ ok: true, value: { mode: 'preview', version: '2.0.0', databasePath: file } });
  });

  it('carries who acts: remembers the choice in the per-user file and records the adviser in the history', async () => {
    const settings = (await client.dispatch('settings:get', {}, null)) as { ok: true; value: { advisers: Array<{ id: number; name: string }> } };
    const adviser = settings.value.advisers[0]!;
    expect(await client.dispatch('cases:create', { input: caseInput() }, null)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await client.dispatch('actor:choose', { adviserId: adviser.id }, null)).toEqual({ ok: true, value: { adviserId: adviser.id } });
    expect(JSON.parse(readFileSync(actorFile, 'utf8'))).toEqual({ version: 1, databases: { [file]: { adviserId: adviser.id } } });
    expect(await client.dispatch('actor:get', {}, null)).toEqual({ ok: true, value: { adviserId: adviser.id } });
    const created = (await client.dispatch('cases:create', { input: caseInput({ summary: 'Fra underprocessen' }) }, { adviserId: adviser.id })) as { ok: true; value: { id: number } };
    expect(created.ok).toBe(true);
    expect(await client.dispatch('cases:history', { id: created.value.id }, null)).toMatchObject({ ok: true, value: [{ actor: adviser.name }] });
  });

  it('closes the database (WAL merged) and ends the process', async () => {
    await client.close();
    expect(exitCode).toBe(0);
    expect(existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0).toBe(0);
    const db = new Database(file, { readonly: true });
    applyDbKey(db, TEST_DB_KEY);
    expect(db.prepare('SELECT summary FROM cases').all()).toEqual([{ summary: 'Fra underprocessen' }]);
    db.close();
  });
});
