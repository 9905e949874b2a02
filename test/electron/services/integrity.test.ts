/**
 * The background integrity check (electron/services/integrity.ts, db/queries/integrity.ts) on a real,
 * encrypted database file damaged in the middle: one page of the journal_notes table zeroed on disk
 * while Ombud has the file open (not the header, so the file still opens). The full
 * `integrity_check` in its worker thread finds it, `system:integrity` says 'beskadiget' in Danish,
 * every change is refused, reads still answer, and the file is not written to after that.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDbKey } from '../../../db/key';
import { createIntegrityMonitor } from '../../../electron/services/integrity';
import { openApp } from '../../../electron/services/open-app';
import { getSettings } from '../../../electron/services/settings';
import { fixedClock } from '../../../shared/domain/dates';
import { DAMAGED_REFUSAL } from '../../../shared/domain/integrity';
import { CHANNELS } from '../../../shared/ipc/channels';
import { READABLE_WHEN_DAMAGED } from '../../../electron/ipc/dispatch';
import { caseInput } from '../../fixtures/cases';

const dir = mkdtempSync(path.join(tmpdir(), 'ombud-integrity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KEY = parseDbKey('3f'.repeat(32))!;
const PAGE = 4096;

function fileHash(file: string): string {
  const h = createHash('sha256');
  for (const f of [file, `${file}-wal`]) if (existsSync(f)) h.update(readFileSync(f));
  return h.digest('hex');
}

async function openWithNotes(name: string) {
  const file = path.join(dir, name);
  const app = openApp({ file, key: KEY, mode: 'test', clock: fixedClock('2025-06-15T10:00:00Z'), log: () => {} });
  const actor = { adviserId: getSettings(app.ctx).advisers[0]!.id };
  const created = await app.dispatch('cases:create', { input: caseInput({ summary: 'Beskadiget fil' }) }, actor);
  if (!created.ok) throw new Error(created.error.message);
  const caseId = (created.value as { id: number }).id;
  // Enough notes that journal_notes fills the middle of the file.
  for (let i = 0; i < 400; i++) {
    const r = await app.dispatch('journal:add', { input: { caseId, kind: 'intern_note', notedOn: '2025-06-15', notedAt: null, text: `Note ${i} ${'x'.repeat(600)}` } }, actor);
    if (!r.ok) throw new Error(r.error.message);
  }
  // Every page in the main file, so zeroing a page there is what the next reader sees.
  app.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  return { app, file, actor, caseId };
}

/** Zero one page in the middle of the file (never page 1, the header). */
function zeroMiddlePage(file: string): void {
  const pages = statSync(file).size / PAGE;
  const page = Math.floor(pages / 2);
  expect(page).toBeGreaterThan(1);
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(PAGE, 0), 0, PAGE, page * PAGE);
  closeSync(fd);
}

describe('background integrity check', () => {
  it('an intact file: the check runs without blocking (answered "kører" at once, requests served meanwhile), then "ok"', async () => {
    const { app, actor, caseId } = await openWithNotes('intact.sqlite');
    const running = app.integrity.check();
    // A check that ran synchronously would already be finished here.
    expect((await app.dispatch('system:integrity', {}, null))).toMatchObject({ ok: true, value: { status: 'kører' } });
    expect(await app.dispatch('cases:get', { id: caseId }, actor)).toMatchObject({ ok: true });
    expect(await running).toMatchObject({ status: 'ok' });
    expect(await app.dispatch('system:integrity', {}, null)).toMatchObject({ ok: true, value: { status: 'ok', message: expect.stringMatching(/^Databasen er kontrolleret og i orden \(\d\d\.\d\d\.\d{4} kl\. \d\d\.\d\d\)\.$/) } });
    expect(await app.dispatch('settings:set-municipality', { name: 'Aarhus' }, actor)).toMatchObject({ ok: true });
    app.close();
  });

  it('a page zeroed in the middle is found; every change is refused, reads answer, and the file is not written to', async () => {
    const { app, file, actor, caseId } = await openWithNotes('damaged.sqlite');
    zeroMiddlePage(file);
    const state = await app.integrity.check();
    expect(state.status).toBe('beskadiget');
    expect(state.message).toMatch(/^Databasefilen er beskadiget\. .*sikkerhedskopi/);
    expect(state.message).not.toMatch(/SQLITE|malformed|not a database/i);
    const before = fileHash(file);

    for (const [channel, input] of [
      ['settings:set-municipality', { name: 'Aarhus' }],
      ['cases:create', { input: caseInput() }],
      ['journal:add', { input: { caseId, kind: 'intern_note', notedOn: '2025-06-15', notedAt: null, text: 'Ny' } }],
      ['catalog:add', { kind: 'theme', name: 'Nyt tema', parentId: null }],
    ] as const) {
      expect(await app.dispatch(channel, input, actor)).toEqual({ ok: false, error: { code: 'conflict', message: DAMAGED_REFUSAL } });
    }
    // Reads the adviser needs to look things up and export still answer.
    expect(await app.dispatch('cases:get', { id: caseId }, actor)).toMatchObject({ ok: true });
    expect(await app.dispatch('settings:get', {}, actor)).toMatchObject({ ok: true });
    expect(await app.dispatch('system:integrity', {}, null)).toMatchObject({ ok: true, value: { status: 'beskadiget' } });
    // The export logs itself in the audit trail; on a damaged file that entry is rolled back, never written.
    await app.dispatch('export:build', { format: 'json' }, actor);
    expect(fileHash(file)).toBe(before);
    app.close();
  });

  it('refuses every channel that is not a read while damaged (a new channel is refused by default)', async () => {
    const app = openApp({ file: path.join(dir, 'refuse.sqlite'), key: KEY, mode: 'test', log: () => {} });
    const monitor = app.integrity;
    monitor.noteError(Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' }));
    expect(monitor.damaged()).toBe(true);
    const actor = { adviserId: getSettings(app.ctx).advisers[0]!.id };
    for (const channel of CHANNELS.filter((c) => !READABLE_WHEN_DAMAGED.has(c))) {
      // The payload may be invalid for the channel: then it is refused before the damage check, also without a write.
      const r = await app.dispatch(channel, {}, actor);
      expect(r.ok, channel).toBe(false);
    }
    expect(READABLE_WHEN_DAMAGED.has('settings:set-municipality')).toBe(false);
    expect(READABLE_WHEN_DAMAGED.has('actor:register')).toBe(false);
    app.close();
  });

  it('damage found by a request is never undone by a check that began before it', async () => {
    let finish: (v: { kind: 'ok' }) => void = () => {};
    const monitor = createIntegrityMonitor({
      file: '/x.sqlite', key: null, clock: fixedClock('2025-06-15T10:00:00Z'), log: () => {},
      run: () => new Promise((resolve) => { finish = resolve; }),
    });
    const running = monitor.check();
    expect(monitor.state().status).toBe('kører');
    monitor.noteError({ code: 'SQLITE_NOTADB' });
    finish({ kind: 'ok' });
    expect((await running).status).toBe('beskadiget');
    // An error that is not damage (a busy file) changes nothing.
    const fresh = createIntegrityMonitor({ file: '/y.sqlite', key: null, clock: fixedClock('2025-06-15T10:00:00Z'), log: () => {} });
    fresh.noteError({ code: 'SQLITE_BUSY' });
    expect(fresh.damaged()).toBe(false);
  });
});
