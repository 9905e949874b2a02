/**
 * electron/ipc/dispatch.ts: every failure becomes { ok: false, error } with a Danish message, and
 * every call carries who acts — a change without a chosen (active) adviser is refused, and the
 * history records the adviser the call carries, whatever the backend was opened with.
 */
import { describe, expect, it, vi } from 'vitest';
import { createDispatch, type Handlers } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { resolveActor, withActor } from '../../../electron/services/actor';
import { openApp } from '../../../electron/services/open-app';
import { getSettings } from '../../../electron/services/settings';
import { createWriteLock } from '../../../electron/services/write-lock';
import { CHANNELS_WITHOUT_ACTOR, NO_ACTOR_MESSAGE, STALE_ACTOR_MESSAGE } from '../../../shared/ipc/actor';
import { CHANNELS } from '../../../shared/ipc/channels';
import { AppError } from '../../../shared/ipc/result';
import { fixedClock } from '../../../shared/domain/dates';
import { defaultCaseListQuery } from '../../../shared/domain/case-list';
import { caseInput } from '../../fixtures/cases';

/** Real handlers on an in-memory database, with some replaced per test; calls act as the seeded adviser unless told otherwise. */
function dispatchWith(overrides: Partial<Handlers>, lock = createWriteLock()) {
  // 'Tester' is only for work done on app.ctx directly; a dispatched call must never record it.
  const app = openApp({ file: ':memory:', mode: 'test', clock: fixedClock('2025-06-15T10:00:00Z'), actor: () => 'Tester' });
  const log = vi.fn();
  const adviser = getSettings(app.ctx).advisers[0]!;
  const raw = createDispatch((actor) => ({ ...createHandlers(withActor(app.ctx, actor)), ...overrides }) as Handlers, {
    resolveActor: (ref) => resolveActor(app.ctx.db, ref),
    lock,
    log,
  });
  const asAdviser = { adviserId: adviser.id };
  const dispatch = (channel: string, payload: unknown, actor: unknown = asAdviser) => raw(channel, payload, actor);
  return { dispatch, raw, log, close: app.close, ctx: app.ctx, adviser };
}

describe('dispatch', () => {
  it('refuses an unknown channel', async () => {
    const t = dispatchWith({});
    expect(await t.dispatch('cases:drop-table', {})).toEqual({ ok: false, error: { code: 'bad_request', message: 'Ukendt forespørgsel: cases:drop-table' } });
    expect(await t.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    t.close();
  });

  it('refuses an invalid payload with a Danish bad_request and never calls the handler', async () => {
    const handler = vi.fn();
    const t = dispatchWith({ 'cases:get': handler });
    for (const payload of [{ id: 'en' }, { id: -1 }, { id: 1.5 }, null, 'cases']) {
      const r = await t.dispatch('cases:get', payload);
      expect(r).toEqual({ ok: false, error: { code: 'bad_request', message: 'Forespørgslen indeholdt ugyldige data og blev afvist.' } });
    }
    expect(await t.dispatch('app:info', { unexpected: true })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(handler).not.toHaveBeenCalled();
    t.close();
  });

  it('passes an AppError through with its code, message and fields', async () => {
    const t = dispatchWith({});
    const r = await t.dispatch('catalog:add', { kind: 'theme', name: ' ', parentId: null });
    expect(r).toEqual({ ok: false, error: { code: 'validation', message: 'Nogle felter skal rettes, før der kan gemmes.', fields: { name: 'Navnet må ikke være tomt.' } } });
    expect(await t.dispatch('cases:get', { id: 77 })).toEqual({ ok: false, error: { code: 'not_found', message: 'Henvendelsen findes ikke. Den kan være slettet.' } });
    const thrower = dispatchWith({
      'cases:history': () => {
        throw new AppError('conflict', 'Optaget.', { sagsnr: 'Brugt.' });
      },
    });
    expect(await thrower.dispatch('cases:history', { id: 1 })).toEqual({ ok: false, error: { code: 'conflict', message: 'Optaget.', fields: { sagsnr: 'Brugt.' } } });
    t.close();
    thrower.close();
  });

  it('turns an unexpected error into internal, logs it, and does not leak its text', async () => {
    const t = dispatchWith({
      'cases:list': () => {
        throw new Error('SQLITE_CORRUPT: hemmelig sti /home/x');
      },
    });
    const r = await t.dispatch('cases:list', defaultCaseListQuery());
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(r)).not.toContain('SQLITE_CORRUPT');
    expect(t.log).toHaveBeenCalledTimes(1);
    t.close();
  });

  it('refuses a handler answer that violates the output schema', async () => {
    const t = dispatchWith({ 'cases:next-sagsnr': (() => ({ sagsnr: 42 })) as unknown as Handlers['cases:next-sagsnr'] });
    const r = await t.dispatch('cases:next-sagsnr', { receivedOn: '2025-01-01' });
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'Der opstod en intern fejl. Prøv igen, og kontakt support hvis det gentager sig.' } });
    expect(t.log).toHaveBeenCalledTimes(1);
    t.close();
  });

  it('answers real requests end to end', async () => {
    const t = dispatchWith({});
    expect(await t.dispatch('cases:next-sagsnr', { receivedOn: '2025-01-01' })).toEqual({ ok: true, value: { sagsnr: '2025-0001' } });
    expect(await t.dispatch('app:info', {})).toEqual({ ok: true, value: { version: '0.0.0-dev', mode: 'test', databasePath: ':memory:', today: '2025-06-15' } });
    const s = await t.dispatch('settings:get', undefined);
    expect(s.ok && (s.value as { municipalityName: string }).municipalityName).toBe('Eksempel Kommune');
    t.close();
  });
});

describe('dispatch: who acts', () => {
  it('records the adviser the call carries in the history — not the backend\'s own actor, never the OS account', async () => {
    const t = dispatchWith({});
    const created = await t.dispatch('cases:create', { input: caseInput({ summary: 'Hvem gjorde det' }) });
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: number } }).value.id;
    const history = await t.dispatch('cases:history', { id });
    expect((history as { value: Array<{ actor: string }> }).value.map((h) => h.actor)).toEqual([t.adviser.name]);
    t.close();
  });

  it('refuses every channel that may change or log something when nobody is chosen, before looking at the input', async () => {
    const t = dispatchWith({});
    const needing = CHANNELS.filter((c) => !CHANNELS_WITHOUT_ACTOR.has(c));
    expect(needing).toEqual(expect.arrayContaining(['cases:create', 'cases:update', 'cases:reveal-cpr', 'export:build', 'import:start', 'import:cancel', 'settings:set-current-adviser']));
    for (const channel of needing) {
      expect(await t.dispatch(channel, {}, null), channel).toEqual({ ok: false, error: { code: 'forbidden', message: NO_ACTOR_MESSAGE } });
      // A transport that leaves the actor out altogether is treated as nobody chosen.
      expect(await t.raw(channel, {}, undefined), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(t.ctx.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 0 });
    t.close();
  });

  it('answers reads without a chosen adviser (the start screen needs them)', async () => {
    const t = dispatchWith({});
    for (const [channel, payload] of [['app:info', {}], ['settings:get', {}], ['actor:get', {}], ['cases:list', defaultCaseListQuery()], ['deadlines:overview', {}]] as const) {
      expect(await t.dispatch(channel, payload, null), channel).toMatchObject({ ok: true });
    }
    t.close();
  });

  it('refuses a malformed actor as bad_request, whatever the channel', async () => {
    const t = dispatchWith({});
    for (const actor of [{ adviserId: 'root' }, { adviserId: 0 }, { adviserId: 1, name: 'root' }, 'root', 7]) {
      expect(await t.dispatch('app:info', {}, actor)).toEqual({
        ok: false, error: { code: 'bad_request', message: 'Forespørgslen sagde ikke gyldigt, hvem der handler, og blev afvist.' },
      });
    }
    t.close();
  });

  it('refuses a change by an adviser who no longer exists or has retired, but still answers their reads', async () => {
    const t = dispatchWith({});
    const ghost = await t.dispatch('cases:create', { input: caseInput() }, { adviserId: 999 });
    expect(ghost).toEqual({ ok: false, error: { code: 'forbidden', message: STALE_ACTOR_MESSAGE } });
    const added = await t.dispatch('catalog:add', { kind: 'adviser', name: 'Jens Fratrådt', parentId: null, initials: 'JF' });
    const jens = (added as { value: { advisers: Array<{ id: number; name: string }> } }).value.advisers.find((a) => a.name === 'Jens Fratrådt')!;
    expect(await t.dispatch('catalog:set-retired', { kind: 'adviser', id: jens.id, retired: true })).toMatchObject({ ok: true });
    expect(await t.dispatch('cases:create', { input: caseInput() }, { adviserId: jens.id })).toEqual({ ok: false, error: { code: 'forbidden', message: STALE_ACTOR_MESSAGE } });
    expect(await t.dispatch('settings:get', {}, { adviserId: jens.id })).toMatchObject({ ok: true });
    t.close();
  });

  it('waits while a long write holds the lock, except for status, cancel and app:info', async () => {
    const lock = createWriteLock();
    const t = dispatchWith({}, lock);
    let release: () => void = () => {};
    const holding = lock.exclusive(() => new Promise<void>((r) => (release = r)));
    const order: string[] = [];
    const read = t.dispatch('settings:get', {}).then(() => order.push('settings:get'));
    const info = t.dispatch('app:info', {}).then(() => order.push('app:info'));
    await info;
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['app:info']);
    release();
    await holding;
    await read;
    expect(order).toEqual(['app:info', 'settings:get']);
    t.close();
  });
});

describe('dispatch refuses hostile text with the form\'s Danish words', () => {
  it('requests:extend with a 30-million-character reason is refused before any handler runs', async () => {
    const handler = vi.fn();
    const t = dispatchWith({ 'requests:extend': handler });
    const reason = 'x'.repeat(30_000_000);
    const r = await t.dispatch('requests:extend', { id: 1, extension: { granted: '2025-06-01', newDue: '2025-07-01', add: null, reason } });
    expect(r).toEqual({ ok: false, error: { code: 'validation', message: 'Teksten er 30000000 tegn; højst 2000 er tilladt.', fields: { 'extension.reason': 'Teksten er 30000000 tegn; højst 2000 er tilladt.' } } });
    expect(handler).not.toHaveBeenCalled();
    t.close();
  });

  it('a bidi override or NUL in any text of any channel is refused on its field; a sagsnr with one too', async () => {
    const handler = vi.fn();
    const t = dispatchWith({ 'requests:pause': handler });
    const r = await t.dispatch('requests:pause', { id: 1, from: '2025-06-01', to: '2025-06-10', reason: 'ferie\u202E' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', fields: { reason: expect.stringMatching(/retningstegn \(U\+202E\)/u) } } });
    expect(await t.dispatch('requests:pause', { id: 1, from: '2025-06-01', to: '2025-06-10', reason: 'a\u0000' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(handler).not.toHaveBeenCalled();
    const created = await t.dispatch('cases:create', { input: { ...caseInput(), sagsnr: '2025-0001\u2066' } });
    expect(created).toMatchObject({ ok: false, error: { code: 'validation' } });
    t.close();
  });
});

describe('identifiers in the contract', () => {
  it('an adviser\'s initials with a control character are refused on their field in Danish', async () => {
    const t = dispatchWith({});
    const r = await t.dispatch('catalog:add', { kind: 'adviser', name: 'Bo Ek', parentId: null, initials: 'B\u0007E' });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', fields: { initials: expect.stringMatching(/styretegn \(U\+0007\)/u) } } });
    t.close();
  });
});
