/**
 * No service reports failure for work it committed (electron/ipc/dispatch.ts, db/queries/commits.ts).
 * `settings:set-municipality` once answered "Intet er gemt" for a name that was stored: the change
 * committed, then reading the settings back failed (a damaged catalogue page, an answer the output
 * check refused), and the catch-all said nothing was saved. Each write channel below is run for
 * real and then made to fail after its commit, both ways; the answer must say the change is saved
 * and the data must be there. The opposite holds too: a failure before or inside a transaction
 * that rolled back still says "Intet er gemt".
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDbKey } from '../../../db/key';
import { createDispatch, type Handlers } from '../../../electron/ipc/dispatch';
import { createHandlers } from '../../../electron/ipc/handlers';
import { resolveActor, withActor } from '../../../electron/services/actor';
import { openApp } from '../../../electron/services/open-app';
import { getSettings } from '../../../electron/services/settings';
import { commitMark, committedSince } from '../../../db/queries/commits';
import { fixedClock } from '../../../shared/domain/dates';
import type { Channel } from '../../../shared/ipc/contract';
import { caseInput } from '../../fixtures/cases';

type Breakage = 'throws after commit' | 'answer fails the output check';

/** Real handlers, with `channel`'s handler made to fail after it has done its real work. */
function brokenAfter(channel: Channel, breakage: Breakage) {
  const app = openApp({ file: ':memory:', mode: 'test', clock: fixedClock('2025-06-15T10:00:00Z'), actor: () => 'Tester', log: () => {} });
  const db = app.ctx.db;
  const adviser = getSettings(app.ctx).advisers[0]!;
  const dispatch = createDispatch(
    (actor) => {
      const real = createHandlers(withActor(app.ctx, actor));
      const run = real[channel] as (input: unknown) => unknown;
      const broken = async (input: unknown) => {
        await run(input);
        if (breakage === 'throws after commit') throw Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
        return { not: 'the contract' };
      };
      return { ...real, [channel]: broken } as Handlers;
    },
    {
      resolveActor: (ref) => resolveActor(db, ref),
      log: () => {},
      commits: { mark: () => commitMark(db), committedSince: (m) => committedSince(db, m as ReturnType<typeof commitMark>) },
    },
  );
  const asAdviser = { adviserId: adviser.id };
  return { app, db, dispatch: (c: string, input: unknown) => dispatch(c, input, asAdviser), plain: app.dispatch, asAdviser };
}

const dir = mkdtempSync(path.join(tmpdir(), 'ombud-committed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BREAKAGES: Breakage[] = ['throws after commit', 'answer fails the output check'];

function expectSavedAnswer(r: { ok: boolean; error?: { message: string } }): void {
  expect(r.ok).toBe(false);
  expect(r.error!.message).toMatch(/^Ændringen er gemt, men /);
  expect(r.error!.message).not.toMatch(/intet er gemt/i);
  expect(r.error!.message).not.toMatch(/SQLITE|malformed/);
}

describe('a failure after the commit is never reported as "Intet er gemt"', () => {
  it('settings:set-municipality on a file whose themes page is damaged: the name is stored, the answer says so, the file is marked damaged', async () => {
    // The probe's case: the settings row commits, then reading the settings back meets the damaged page.
    const file = path.join(dir, 'themes-damaged.sqlite');
    const app = openApp({ file, key: parseDbKey('7e'.repeat(32)), mode: 'test', log: () => {} });
    const actor = { adviserId: getSettings(app.ctx).advisers[0]!.id };
    app.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const root = app.ctx.db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'themes'").pluck().get() as number;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0), 0, 4096, (root - 1) * 4096);
    closeSync(fd);
    // Drop the cached copy of the page, so the next read sees the file.
    app.ctx.db.pragma('shrink_memory');
    const r = await app.dispatch('settings:set-municipality', { name: 'Aarhus Kommune' }, actor);
    expectSavedAnswer(r);
    expect(r.ok ? '' : r.error.message).toContain('Databasefilen er beskadiget.');
    expect(app.ctx.db.prepare("SELECT value FROM settings WHERE key = 'municipality_name'").pluck().get()).toBe('Aarhus Kommune');
    expect(app.integrity.state().status).toBe('beskadiget');
    app.close();
  });

  it.each(BREAKAGES)('settings:set-municipality (%s): the name is stored and the answer says so', async (breakage) => {
    const t = brokenAfter('settings:set-municipality', breakage);
    expectSavedAnswer(await t.dispatch('settings:set-municipality', { name: 'Aarhus Kommune' }));
    expect(getSettings(t.app.ctx).municipalityName).toBe('Aarhus Kommune');
    t.app.close();
  });

  /** One valid call per write channel, and how to see that its work is there. */
  const WRITES: ReadonlyArray<{
    channel: Channel;
    prepare?: (t: ReturnType<typeof brokenAfter>) => Promise<Record<string, number>>;
    input: (ids: Record<string, number>) => unknown;
    stored: (t: ReturnType<typeof brokenAfter>) => unknown;
  }> = [
    { channel: 'catalog:add', input: () => ({ kind: 'theme', name: 'Støtte i hjemmet', parentId: null }), stored: (t) => getSettings(t.app.ctx).themes.some((x) => x.name === 'Støtte i hjemmet') },
    {
      channel: 'cases:create',
      input: () => ({ input: caseInput({ summary: 'Gemt trods fejl' }) }),
      stored: (t) => t.db.prepare("SELECT count(*) FROM cases WHERE summary = 'Gemt trods fejl'").pluck().get() === 1,
    },
    {
      channel: 'journal:add',
      prepare: async (t) => {
        const r = await t.plain('cases:create', { input: caseInput() }, t.asAdviser);
        if (!r.ok) throw new Error(JSON.stringify(r));
        return { caseId: (r.value as { id: number }).id };
      },
      input: (ids) => ({ input: { caseId: ids['caseId'], kind: 'telefonnotat', notedOn: '2025-06-15', notedAt: null, text: 'Borgeren ringede.' } }),
      stored: (t) => t.db.prepare("SELECT count(*) FROM journal_notes WHERE text = 'Borgeren ringede.'").pluck().get() === 1,
    },
    {
      channel: 'settings:set-current-adviser',
      prepare: async (t) => ({ adviserId: t.asAdviser.adviserId }),
      input: (ids) => ({ adviserId: ids['adviserId'] }),
      stored: (t) => getSettings(t.app.ctx).currentAdviserId !== null,
    },
  ];

  for (const w of WRITES) {
    it.each(BREAKAGES)(`${w.channel} (%s): saved, and said so`, async (breakage) => {
      const t = brokenAfter(w.channel, breakage);
      const ids = w.prepare ? await w.prepare(t) : {};
      expect(w.stored(t)).toBe(false);
      expectSavedAnswer(await t.dispatch(w.channel, w.input(ids)));
      expect(w.stored(t)).toBe(true);
      t.app.close();
    });
  }

  it('a failure with nothing committed still says "Intet er gemt", in Danish', async () => {
    const app = openApp({ file: ':memory:', mode: 'test', clock: fixedClock('2025-06-15T10:00:00Z'), log: () => {} });
    const db = app.ctx.db;
    const adviser = getSettings(app.ctx).advisers[0]!;
    const dispatch = createDispatch(
      (actor) => ({
        ...createHandlers(withActor(app.ctx, actor)),
        // A transaction that writes and then fails: rolled back, nothing reaches the file.
        'settings:set-municipality': () =>
          db.transaction(() => {
            db.prepare("UPDATE settings SET value = 'Halvt gemt' WHERE key = 'municipality_name'").run();
            throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
          })(),
      }) as Handlers,
      { resolveActor: (ref) => resolveActor(db, ref), log: () => {}, commits: { mark: () => commitMark(db), committedSince: (m) => committedSince(db, m as ReturnType<typeof commitMark>) } },
    );
    const r = await dispatch('settings:set-municipality', { name: 'X' }, { adviserId: adviser.id });
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: 'Disken er fuld, så databasen kan ikke skrives. Intet er gemt. Prøv igen, og kontakt IT-supporten, hvis det gentager sig.' } });
    expect(getSettings(app.ctx).municipalityName).not.toBe('Halvt gemt');
    app.close();
  });
});
