/**
 * SQLite's errors reach the adviser in Danish only (db/errors.ts): the same table answers dispatch
 * (electron/ipc/dispatch.ts) and the start-up dialog (electron/backend/host.ts startupErrorText).
 * Each code is provoked for real where SQLite lets a test do it, so a driver upgrade that renames
 * a code fails here.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteDriver } from '../../db/driver';
import { DbUnreadableError, sqliteCode, sqliteErrorText } from '../../db/errors';
import { applyDbKey, parseDbKey } from '../../db/key';
import { startupErrorText } from '../../electron/backend/host';
import { createDispatch, type Handlers } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/ipc/handlers';
import { resolveActor, withActor } from '../../electron/services/actor';
import { openApp } from '../../electron/services/open-app';
import { getSettings } from '../../electron/services/settings';

const dir = mkdtempSync(path.join(tmpdir(), 'ombud-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** A new file per call: each provoker runs once per test below. */
function fresh(name: string): string {
  files += 1;
  return path.join(dir, `${files}-${name}`);
}

function caught(work: () => unknown): unknown {
  try {
    work();
  } catch (e) {
    return e;
  }
  throw new Error('expected SQLite to refuse');
}

/** SQLite's own phrases for the codes below. */
const ENGLISH = /SQLITE_|disk image|malformed|constraint failed|is locked|readonly database|file is not a database|disk is full|attempt to write/i;

/** Real SQLite errors, one per code the adviser can meet. */
const PROVOKED: ReadonlyArray<readonly [string, () => unknown]> = [
  ['SQLITE_CONSTRAINT', () => {
    const db = new SqliteDriver(':memory:');
    db.exec('CREATE TABLE t (x INTEGER UNIQUE)');
    db.exec('INSERT INTO t VALUES (1)');
    return caught(() => db.exec('INSERT INTO t VALUES (1)'));
  }],
  ['SQLITE_READONLY', () => {
    const file = fresh('ro.sqlite');
    new SqliteDriver(file).exec('CREATE TABLE t (x)');
    const db = new SqliteDriver(file, { readonly: true });
    return caught(() => db.exec('INSERT INTO t VALUES (1)'));
  }],
  ['SQLITE_FULL', () => {
    const db = new SqliteDriver(':memory:');
    db.exec('CREATE TABLE t (x)');
    db.pragma('max_page_count = 2');
    return caught(() => db.exec("INSERT INTO t SELECT zeroblob(100000)"));
  }],
  ['SQLITE_NOTADB', () => {
    const file = fresh('notadb.sqlite');
    writeFileSync(file, Buffer.alloc(8192, 7));
    const db = new SqliteDriver(file);
    return caught(() => db.pragma('user_version'));
  }],
  ['SQLITE_NOTADB', () => {
    // The wrong key reads as "not a database" (db/key.ts).
    const file = fresh('key.sqlite');
    const a = new SqliteDriver(file);
    applyDbKey(a, parseDbKey('a'.repeat(64))!);
    a.exec('CREATE TABLE t (x)');
    a.close();
    const b = new SqliteDriver(file);
    applyDbKey(b, parseDbKey('b'.repeat(64))!);
    return caught(() => b.exec('SELECT * FROM t'));
  }],
  ['SQLITE_BUSY', () => {
    const file = fresh('busy.sqlite');
    const a = new SqliteDriver(file);
    a.exec('CREATE TABLE t (x)');
    a.exec('BEGIN EXCLUSIVE');
    const b = new SqliteDriver(file, { timeout: 0 });
    return caught(() => b.exec('INSERT INTO t VALUES (1)'));
  }],
  ['SQLITE_CORRUPT', () => {
    const file = fresh('corrupt.sqlite');
    const a = new SqliteDriver(file);
    a.exec("CREATE TABLE t (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO t SELECT hex(randomblob(500)) FROM n;");
    a.close();
    // Zero the b-tree page of table t (page 2): its header becomes nonsense.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, 4096);
    closeSync(fd);
    const b = new SqliteDriver(file);
    return caught(() => b.prepare('SELECT count(*) FROM t').get());
  }],
];

describe('SQLite errors in Danish', () => {
  it.each(PROVOKED)('%s is recognised and worded in Danish', (code, provoke) => {
    const e = provoke();
    expect(sqliteCode(e)).toBe(code);
    const text = sqliteErrorText(e)!;
    expect(text).toMatch(/[a-zæøå]/);
    expect(text).not.toMatch(ENGLISH);
    expect(text).not.toContain((e as Error).message);
  });

  it('an extended code is answered by its primary code, an unknown one generically, a non-SQLite error not at all', () => {
    expect(sqliteErrorText({ code: 'SQLITE_IOERR_WRITE' })).toBe(sqliteErrorText({ code: 'SQLITE_IOERR' }));
    expect(sqliteErrorText({ code: 'SQLITE_IOERR_WRITE' })).toMatch(/disken eller netværksdrevet/);
    expect(sqliteErrorText({ code: 'SQLITE_CONSTRAINT_UNIQUE' })).toBe(sqliteErrorText({ code: 'SQLITE_CONSTRAINT' }));
    expect(sqliteErrorText({ code: 'SQLITE_SOMETHING_NEW' })).toBe(sqliteErrorText({ code: 'SQLITE_ERROR' }));
    expect(sqliteErrorText(new Error('x'))).toBeNull();
    expect(sqliteErrorText({ code: 'ENOENT' })).toBeNull();
  });

  it.each(PROVOKED)('start-up: %s gives a Danish dialog without SQLite\'s words', (_code, provoke) => {
    const e = provoke();
    for (const err of [e, new DbUnreadableError('/sti/ombud.sqlite', e)]) {
      const text = startupErrorText(err, '/sti/ombud.sqlite');
      expect(text).toContain(sqliteErrorText(e)!);
      expect(text.replace('/sti/ombud.sqlite', '')).not.toMatch(ENGLISH);
    }
  });

  it.each(PROVOKED)('dispatch: %s thrown by a service is answered in Danish, "Intet er gemt"', async (_code, provoke) => {
    const e = provoke();
    const app = openApp({ file: ':memory:', mode: 'test', log: () => {} });
    const adviser = getSettings(app.ctx).advisers[0]!;
    const dispatch = createDispatch(
      (actor) => ({ ...createHandlers(withActor(app.ctx, actor)), 'settings:set-municipality': () => { throw e; } }) as Handlers,
      { resolveActor: (ref) => resolveActor(app.ctx.db, ref), log: () => {} },
    );
    const r = await dispatch('settings:set-municipality', { name: 'X' }, { adviserId: adviser.id });
    expect(r).toEqual({ ok: false, error: { code: 'internal', message: `${sqliteErrorText(e)} Intet er gemt. Prøv igen, og kontakt IT-supporten, hvis det gentager sig.` } });
    app.close();
  });
});
