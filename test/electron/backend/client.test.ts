/**
 * electron/backend/client.ts against a fake link: nothing is sent before the backend listens,
 * replies find their request, a dead backend answers every open and later request in Danish instead
 * of hanging, and close waits for the process (killing it when it does not end).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKEND_GONE, createBackendClient, importProgressFraction, type BackendLink } from '../../../electron/backend/client';
import type { ToBackend } from '../../../electron/backend/protocol';
import type { ImportStatus } from '../../../shared/domain/import-report';

function fakeLink() {
  const sent: ToBackend[] = [];
  let receive: (m: unknown) => void = () => {};
  let exit: (code: number | null) => void = () => {};
  const kill = vi.fn();
  const link: BackendLink = {
    post: (m) => void sent.push(m),
    onMessage: (l) => (receive = l),
    onExit: (l) => (exit = l),
    kill,
  };
  return { link, sent, kill, receive: (m: unknown) => receive(m), exit: (code: number | null) => exit(code) };
}

const OPTIONS = { file: '/tmp/x.sqlite', mode: 'test', appVersion: '1', actorFile: null } as const;

describe('backend client', () => {
  afterEach(() => vi.useRealTimers());

  it('holds messages until the backend listens, then sends them in order', async () => {
    const t = fakeLink();
    const client = createBackendClient(t.link);
    const opened = client.open(OPTIONS);
    const reply = client.dispatch('app:info', {}, { adviserId: 3 });
    expect(t.sent).toEqual([]);
    t.receive({ type: 'listening' });
    expect(t.sent).toEqual([{ type: 'open', options: OPTIONS }, { type: 'request', id: 1, channel: 'app:info', input: {}, actor: { adviserId: 3 } }]);
    t.receive({ type: 'opened', notice: { title: 'T', body: 'B' } });
    expect(await opened).toEqual({ ok: true, notice: { title: 'T', body: 'B' } });
    t.receive({ type: 'reply', id: 1, result: { ok: true, value: 'svar' } });
    expect(await reply).toEqual({ ok: true, value: 'svar' });
  });

  it('matches replies to requests by id, whatever order they come in', async () => {
    const t = fakeLink();
    const client = createBackendClient(t.link);
    t.receive({ type: 'listening' });
    const a = client.dispatch('cases:list', {}, null);
    const b = client.dispatch('cases:get', { id: 1 }, null);
    t.receive({ type: 'reply', id: 2, result: { ok: true, value: 'b' } });
    t.receive({ type: 'reply', id: 1, result: { ok: true, value: 'a' } });
    expect(await Promise.all([a, b])).toEqual([{ ok: true, value: 'a' }, { ok: true, value: 'b' }]);
  });

  it('passes an open failure on, and ignores and logs what it does not understand', async () => {
    const t = fakeLink();
    const log = vi.fn();
    const client = createBackendClient(t.link, log);
    t.receive({ type: 'listening' });
    const opened = client.open(OPTIONS);
    t.receive({ type: 'reply', id: 'x' });
    t.receive('hej');
    // A failure without a known reason is not understood either: the app could offer the wrong way out.
    t.receive({ type: 'open-failed', message: 'Databasen er beskadiget.', reason: 'ukendt' });
    expect(log).toHaveBeenCalledTimes(3);
    t.receive({ type: 'open-failed', message: 'Databasen er fra en nyere version af Ombud.', reason: 'future' });
    expect(await opened).toEqual({ ok: false, message: 'Databasen er fra en nyere version af Ombud.', reason: 'future' });
  });

  it('relays import progress', () => {
    const t = fakeLink();
    const client = createBackendClient(t.link);
    const seen: Array<[string, ImportStatus['phase']]> = [];
    client.onImportProgress((jobId, status) => seen.push([jobId, status.phase]));
    t.receive({ type: 'import-progress', jobId: 'j', status: { phase: 'skriver', done: 1, total: 2, report: null, failure: null } });
    expect(seen).toEqual([['j', 'skriver']]);
  });

  it('answers open and pending requests in Danish when the backend dies, tells the parent, and refuses later calls at once', async () => {
    const t = fakeLink();
    const client = createBackendClient(t.link);
    const crashed = vi.fn();
    client.onUnexpectedExit(crashed);
    t.receive({ type: 'listening' });
    const opened = client.open(OPTIONS);
    const pending = client.dispatch('app:info', {}, null);
    t.exit(134);
    expect(await pending).toEqual(BACKEND_GONE);
    expect(await opened).toMatchObject({ ok: false, message: expect.stringMatching(/stoppede under opstarten \(kode 134\)/) });
    expect(crashed).toHaveBeenCalledWith(134);
    expect(await client.dispatch('app:info', {}, null)).toEqual(BACKEND_GONE);
    expect(BACKEND_GONE.error.message).toMatch(/^Ombuds databaseproces er stoppet\./);
  });

  it('close asks the backend to close and waits for it to end; not a crash', async () => {
    const t = fakeLink();
    const client = createBackendClient(t.link);
    const crashed = vi.fn();
    client.onUnexpectedExit(crashed);
    t.receive({ type: 'listening' });
    let done = false;
    const closing = client.close().then(() => (done = true));
    expect(t.sent).toEqual([{ type: 'close' }]);
    await Promise.resolve();
    expect(done).toBe(false);
    t.exit(0);
    await closing;
    expect(crashed).not.toHaveBeenCalled();
    expect(t.kill).not.toHaveBeenCalled();
  });

  it('close kills a backend that does not end in time', async () => {
    vi.useFakeTimers();
    const t = fakeLink();
    const client = createBackendClient(t.link, () => {});
    t.receive({ type: 'listening' });
    const closing = client.close(1_000);
    vi.advanceTimersByTime(1_000);
    expect(t.kill).toHaveBeenCalledOnce();
    t.exit(null);
    await closing;
  });

  it('shows an import on the taskbar as one bar across its phases, and clears it at the end', () => {
    const s = (phase: ImportStatus['phase'], done: number, total: number): ImportStatus => ({ phase, done, total, report: null, failure: null });
    expect(importProgressFraction(s('læser', 0, 0))).toBe(0);
    expect(importProgressFraction(s('kontrollerer', 50, 100))).toBeCloseTo(0.2);
    expect(importProgressFraction(s('skriver', 100, 100))).toBe(1);
    for (const end of ['færdig', 'fejlet', 'annulleret'] as const) expect(importProgressFraction(s(end, 1, 1))).toBe(-1);
  });
});
