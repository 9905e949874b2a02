/**
 * electron/backend/host.ts in-process, through a fake port: the message protocol itself — listening
 * first, open (with the start-up notice), requests answered through dispatch with who acts, import
 * progress relayed, a Danish message when the database cannot be opened, close and exit.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { serveBackend } from '../../../electron/backend/host';
import type { BackendPort } from '../../../electron/backend/port';
import type { FromBackend, ToBackend } from '../../../electron/backend/protocol';
import { applyDbKey } from '../../../db/key';
import { TEST_DB_KEY } from '../../setup/db-key';

/** A port whose other end is the test: what the host posts is collected, `send` delivers a message. */
function fakePort() {
  const posted: FromBackend[] = [];
  let deliver: (m: unknown) => void = () => {};
  let gone: () => void = () => {};
  const port: BackendPort = {
    post: (m) => void posted.push(m),
    onMessage: (l) => (deliver = l),
    onParentGone: (l) => (gone = l),
  };
  const next = async <T extends FromBackend['type']>(type: T, after = 0): Promise<Extract<FromBackend, { type: T }>> => {
    await vi.waitFor(() => expect(posted.slice(after).some((m) => m.type === type)).toBe(true), { timeout: 10_000 });
    return posted.slice(after).find((m) => m.type === type) as Extract<FromBackend, { type: T }>;
  };
  return { port, posted, send: (m: ToBackend | unknown) => deliver(m), parentGone: () => gone(), next };
}

describe('backend host', () => {
  let dir: string;
  let file: string;
  const exit = vi.fn();
  const log = vi.fn();

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ombud-host-'));
    file = path.join(dir, 'ombud.sqlite');
    exit.mockClear();
    log.mockClear();
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const open = (t: ReturnType<typeof fakePort>) =>
    t.send({ type: 'open', options: { file, mode: 'test', appVersion: '9.9.9', actorFile: path.join(dir, 'valgt.json') } });

  /** A backend that has opened the database. */
  const openedBackend = async () => {
    const t = fakePort();
    serveBackend(t.port, { exit, log });
    open(t);
    await t.next('opened');
    return t;
  };

  /** Asks for audit:status until the background verification has given `expected`. */
  const statusBecomes = (t: ReturnType<typeof fakePort>, expected: Record<string, unknown>) =>
    vi.waitFor(async () => {
      const at = t.posted.length;
      t.send({ type: 'request', id: 1, channel: 'audit:status', input: {}, actor: null });
      expect(await t.next('reply', at)).toMatchObject({ result: { ok: true, value: expected } });
    }, { timeout: 10_000 });

  it('verifies the audit chain after opening, reports a broken one through audit:status, and logs it', async () => {
    const first = await openedBackend();
    await statusBecomes(first, { state: 'ok' });
    first.send({ type: 'close' });

    const raw = new Database(file);
    applyDbKey(raw, TEST_DB_KEY);
    // A row slipped in with the SQLite shell, past the dropped trigger and without its hashes.
    raw.exec("DROP TRIGGER audit_log_append_only; INSERT INTO audit_log (at, actor, entity, action) VALUES ('2025-01-01T00:00:00.000Z', 'X', 'case', 'Indsat')");
    raw.close();

    const second = await openedBackend();
    await statusBecomes(second, { state: 'broken', firstBrokenId: 1, acknowledgedBy: null });
    expect(log).toHaveBeenCalledWith('Revisionssporet er brudt', expect.stringContaining('Række 1'));
    second.send({ type: 'close' });
  });

  it('says it listens, opens the database, answers requests with who acts, and closes', async () => {
    const t = fakePort();
    serveBackend(t.port, { exit, log });
    expect(t.posted[0]).toEqual({ type: 'listening' });
    open(t);
    expect(await t.next('opened')).toEqual({ type: 'opened', notice: null });

    t.send({ type: 'request', id: 1, channel: 'app:info', input: {}, actor: null });
    expect(await t.next('reply')).toMatchObject({ id: 1, result: { ok: true, value: { version: '9.9.9', mode: 'test' } } });

    const before = t.posted.length;
    t.send({ type: 'request', id: 2, channel: 'catalog:add', input: { kind: 'theme', name: 'Ny', parentId: null }, actor: null });
    expect(await t.next('reply', before)).toMatchObject({ id: 2, result: { ok: false, error: { code: 'forbidden' } } });

    const settings = t.posted.length;
    t.send({ type: 'request', id: 3, channel: 'settings:get', input: {}, actor: null });
    const adviserId = ((await t.next('reply', settings)).result as { ok: true; value: { advisers: Array<{ id: number }> } }).value.advisers[0]!.id;
    const added = t.posted.length;
    t.send({ type: 'request', id: 4, channel: 'catalog:add', input: { kind: 'theme', name: 'Ny', parentId: null }, actor: { adviserId } });
    expect(await t.next('reply', added)).toMatchObject({ id: 4, result: { ok: true } });

    t.send({ type: 'close' });
    expect(t.posted.at(-1)).toEqual({ type: 'closed' });
    expect(exit).toHaveBeenCalledWith(0);
    // Closed for real: the WAL is merged and another connection can read the theme.
    const db = new Database(file, { readonly: true });
    applyDbKey(db, TEST_DB_KEY);
    expect(db.prepare("SELECT count(*) AS n FROM themes WHERE name = 'Ny'").get()).toEqual({ n: 1 });
    db.close();
  });

  it('answers a request before the database is open with a Danish error, and ignores unknown messages', async () => {
    const t = fakePort();
    serveBackend(t.port, { exit, log });
    t.send({ type: 'request', id: 9, channel: 'app:info', input: {}, actor: null });
    expect(await t.next('reply')).toEqual({ type: 'reply', id: 9, result: { ok: false, error: { code: 'internal', message: 'Databasen er ikke åbnet endnu. Vent et øjeblik, og prøv igen.' } } });
    t.send({ type: 'rm -rf' });
    t.send({ type: 'open', options: { file, mode: 'root', appVersion: '1', actorFile: null } });
    expect(log).toHaveBeenCalledTimes(2);
    expect(t.posted.map((m) => m.type)).toEqual(['listening', 'reply']);
  });

  it('reports a database it cannot open in Danish, leaving the file as it was', async () => {
    const t = fakePort();
    serveBackend(t.port, { exit, log });
    await writeFile(file, 'dette er ikke en database '.repeat(100));
    open(t);
    const failed = await t.next('open-failed');
    expect(failed.reason).toBe('unreadable');
    expect(failed.message).toMatch(/kan ikke åbnes som en Ombud-database/);
    expect(failed.message).toMatch(/Filen er ikke ændret/);
  });

  it('opens with the key the parent sends, else the environment\'s; without either it refuses, creating nothing', async () => {
    const sent = 'cd'.repeat(32);
    const t = fakePort();
    serveBackend(t.port, { exit, log });
    t.send({ type: 'open', options: { file, mode: 'test', appVersion: '9.9.9', actorFile: null, key: sent } });
    await t.next('opened');
    t.send({ type: 'close' });
    const db = new Database(file, { readonly: true });
    applyDbKey(db, { kind: 'raw', hex: sent });
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThan(0);
    db.close();

    const other = path.join(dir, 'uden-noegle.sqlite');
    const saved = process.env.OMBUD_DB_KEY;
    delete process.env.OMBUD_DB_KEY;
    try {
      const u = fakePort();
      serveBackend(u.port, { exit, log });
      u.send({ type: 'open', options: { file: other, mode: 'test', appVersion: '9.9.9', actorFile: null } });
      expect(await u.next('open-failed')).toMatchObject({ reason: 'key', message: expect.stringMatching(/Databasenøglen mangler.*OMBUD_DB_KEY/s) });
    } finally {
      process.env.OMBUD_DB_KEY = saved;
    }
    expect(existsSync(other)).toBe(false);
  });

  it('reports an empty file as empty, so the app can offer a backup', async () => {
    await writeFile(file, '');
    const t = fakePort();
    serveBackend(t.port, { exit, log });
    open(t);
    expect(await t.next('open-failed')).toMatchObject({ reason: 'empty', message: expect.stringMatching(/er tom.*Gendan den nyeste sikkerhedskopi/s) });
  });

  it('reports a database from a newer Ombud in Danish', async () => {
    const future = new Database(file);
    future.pragma('user_version = 99999');
    future.close();
    const t = fakePort();
    serveBackend(t.port, { exit, log });
    open(t);
    expect(await t.next('open-failed')).toMatchObject({ reason: 'future', message: expect.stringMatching(/nyere version af Ombud/) });
  });

  it('relays each change of an import job, and closes when the parent is gone', async () => {
    const t = fakePort();
    serveBackend(t.port, { exit, log });
    open(t);
    await t.next('opened');
    const settings = t.posted.length;
    t.send({ type: 'request', id: 1, channel: 'settings:get', input: {}, actor: null });
    const adviserId = ((await t.next('reply', settings)).result as { ok: true; value: { advisers: Array<{ id: number }> } }).value.advisers[0]!.id;
    const csv = 'sagsnr;modtaget;type\nH-1;2025-01-06;vejledning\n';
    t.send({ type: 'request', id: 2, channel: 'import:start', input: { fileName: 'a.csv', contentBase64: Buffer.from(csv).toString('base64'), dryRun: false }, actor: { adviserId } });
    await vi.waitFor(() => expect(t.posted.some((m) => m.type === 'import-progress' && m.status.phase === 'færdig')).toBe(true), { timeout: 10_000 });
    const phases = t.posted.flatMap((m) => (m.type === 'import-progress' ? [m.status.phase] : []));
    expect(phases).toEqual(expect.arrayContaining(['læser', 'kontrollerer', 'skriver', 'færdig']));
    t.parentGone();
    expect(exit).toHaveBeenCalledWith(0);
  });
});
