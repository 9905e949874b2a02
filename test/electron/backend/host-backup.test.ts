/**
 * Backups in the backend host (electron/backend/host.ts) through a fake port: the automatic backup
 * after 'opened', `backup:restore` closing and reopening the database in place, and a damaged or
 * emptied database answered with the newest good backup as an offer, which `restoreFrom` accepts.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serveBackend } from '../../../electron/backend/host';
import type { BackendPort } from '../../../electron/backend/port';
import type { BackendOpenOptions, FromBackend, ToBackend } from '../../../electron/backend/protocol';
import { defaultCaseListQuery } from '../../../shared/domain/case-list';
import { caseInput } from '../../fixtures/cases';

function fakePort() {
  const posted: FromBackend[] = [];
  let deliver: (m: unknown) => void = () => {};
  const port: BackendPort = { post: (m) => void posted.push(m), onMessage: (l) => (deliver = l), onParentGone: () => {} };
  const next = async <T extends FromBackend['type']>(type: T, after = 0): Promise<Extract<FromBackend, { type: T }>> => {
    await vi.waitFor(() => expect(posted.slice(after).some((m) => m.type === type)).toBe(true), { timeout: 10_000 });
    return posted.slice(after).find((m) => m.type === type) as Extract<FromBackend, { type: T }>;
  };
  let id = 0;
  const request = async (channel: string, input: unknown, actor: unknown): Promise<unknown> => {
    const my = ++id;
    const from = posted.length;
    deliver({ type: 'request', id: my, channel, input, actor } satisfies ToBackend);
    await vi.waitFor(() => expect(posted.slice(from).some((m) => m.type === 'reply' && m.id === my)).toBe(true), { timeout: 10_000 });
    const reply = posted.slice(from).find((m) => m.type === 'reply' && m.id === my) as Extract<FromBackend, { type: 'reply' }>;
    if (!reply.result.ok) throw new Error(reply.result.error.message);
    return reply.result.value;
  };
  return { port, posted, send: (m: ToBackend) => deliver(m), next, request };
}

describe('backups in the backend host', () => {
  let dir: string;
  let options: BackendOpenOptions;
  const exit = vi.fn();
  const log = vi.fn();

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ombud-host-backup-'));
    options = {
      file: path.join(dir, 'ombud.sqlite'),
      mode: 'test',
      appVersion: '9.9.9',
      actorFile: null,
      backupSettingsFile: path.join(dir, 'sikkerhedskopi.json'),
      automaticBackup: true,
    };
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function start() {
    const t = fakePort();
    serveBackend(t.port, { exit, log });
    t.send({ type: 'open', options });
    await t.next('opened');
    const settings = (await t.request('settings:get', {}, null)) as { advisers: Array<{ id: number }> };
    return { t, actor: { adviserId: settings.advisers[0]!.id } };
  }
  const total = async (t: ReturnType<typeof fakePort>) => ((await t.request('cases:list', defaultCaseListQuery(), null)) as { total: number }).total;

  it('takes the automatic backup after opening and tells the parent', async () => {
    const { t } = await start();
    const result = await t.next('backup-result');
    expect(result.ok).toBe(true);
    expect((await readdir(path.join(dir, 'Sikkerhedskopier'))).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
    t.send({ type: 'close' });
    await t.next('closed');
  });

  it('restores in place: closes the database, puts the backup there and answers from it', async () => {
    options = { ...options, automaticBackup: false };
    const { t, actor } = await start();
    const backup = (await t.request('backup:create', {}, actor)) as { file: string };
    await t.request('cases:create', { input: caseInput({ summary: 'Efter kopien' }) }, actor);
    expect(await total(t)).toBe(1);
    const outcome = (await t.request('backup:restore', { file: backup.file }, actor)) as { before: string | null };
    expect(outcome.before).not.toBeNull();
    expect(await total(t)).toBe(0);
    // Writes go to the restored database, and it is still the one open.
    await t.request('cases:create', { input: caseInput({ summary: 'Efter gendannelsen' }) }, actor);
    expect(await total(t)).toBe(1);
    t.send({ type: 'close' });
    await t.next('closed');
  });

  it('offers the newest good backup when the database is empty, and restores it when asked', async () => {
    options = { ...options, automaticBackup: false };
    const first = await start();
    await first.t.request('cases:create', { input: caseInput({ summary: 'Reddet' }) }, first.actor);
    const backup = (await first.t.request('backup:create', {}, first.actor)) as { file: string; created: string };
    first.t.send({ type: 'close' });
    await first.t.next('closed');

    await writeFile(options.file, Buffer.alloc(0));
    const t = fakePort();
    serveBackend(t.port, { exit, log });
    t.send({ type: 'open', options });
    const failed = await t.next('open-failed');
    expect(failed.reason).toBe('empty');
    expect(failed.offer).toEqual({ file: path.join(dir, 'Sikkerhedskopier', backup.file), created: backup.created });

    const from = t.posted.length;
    t.send({ type: 'open', options: { ...options, restoreFrom: failed.offer!.file } });
    await t.next('opened', from);
    expect(await total(t)).toBe(1);
    t.send({ type: 'close' });
    await t.next('closed');
  });

  it('offers no backup for a database that does not open with the key (the backups share it)', async () => {
    options = { ...options, automaticBackup: false };
    const first = await start();
    await first.t.request('backup:create', {}, first.actor);
    first.t.send({ type: 'close' });
    await first.t.next('closed');
    const t = fakePort();
    serveBackend(t.port, { exit, log });
    t.send({ type: 'open', options: { ...options, key: 'ab'.repeat(32) } });
    const failed = await t.next('open-failed');
    expect(failed.reason).toBe('key');
    expect(failed.offer ?? null).toBeNull();
  });
});
