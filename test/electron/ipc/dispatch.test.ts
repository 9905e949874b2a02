/** electron/ipc/dispatch.ts: every failure becomes { ok: false, error } with a Danish message. */
import { describe, expect, it, vi } from 'vitest';
import { createDispatch, type Handlers } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { openApp } from '../../../electron/services/open-app';
import { AppError } from '../../../shared/ipc/result';
import { fixedClock } from '../../../shared/domain/dates';
import { defaultCaseListQuery } from '../../../shared/domain/case-list';

/** Real handlers on an in-memory database, with some replaced per test. */
function dispatchWith(overrides: Partial<Handlers>) {
  const app = openApp({ file: ':memory:', mode: 'test', clock: fixedClock('2025-06-15T10:00:00Z'), actor: () => 'Tester' });
  const log = vi.fn();
  const handlers: Handlers = { ...createHandlers(app.ctx), ...overrides } as Handlers;
  return { dispatch: createDispatch(handlers, { log }), log, close: app.close, ctx: app.ctx };
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
