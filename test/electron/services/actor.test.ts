/**
 * electron/services/actor.ts: who acts. The desk's remembered choice (a per-user JSON file, never
 * the database), resolving the adviser a call carries, refusing to record a change under nobody,
 * and the command line's `--som` / current adviser / "Kommandolinjen" — never the OS account.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import {
  chooseActor, CLI_ACTOR, cliActor, fileActorStore, memoryActorStore, registerActor, rememberedActor, resolveActor, SYSTEM_ACTOR, withActor,
} from '../../../electron/services/actor';
import { createCase, getCaseHistory } from '../../../electron/services/cases';
import { setKlagefrist } from '../../../electron/services/klagefrist';
import { openApp, type OpenedApp } from '../../../electron/services/open-app';
import { addCatalogEntry, getSettings, setCurrentAdviser, setCatalogEntryRetired } from '../../../electron/services/settings';
import { fixedClock } from '../../../shared/domain/dates';
import { NO_ACTOR_MESSAGE, STALE_ACTOR_MESSAGE } from '../../../shared/ipc/actor';
import { AppError } from '../../../shared/ipc/result';
import { caseInput } from '../../db/helpers';
import { TEST_DB_KEY } from '../../setup/db-key';

let dir: string;
let app: OpenedApp;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ombud-actor-'));
  app = openApp({ file: ':memory:', mode: 'test', clock: fixedClock('2025-06-15T10:00:00Z'), actor: () => 'Opsætning' });
});
afterEach(async () => {
  app.close();
  await rm(dir, { recursive: true, force: true });
});

function addAdviser(name: string, initials: string): number {
  return addCatalogEntry(app.ctx, { kind: 'adviser', name, parentId: null, initials, email: '' }).advisers.find((a) => a.name === name)!.id;
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return null;
}

describe('the remembered choice', () => {
  it('is kept per database in a JSON file that survives a new store, and a damaged file just means "choose again"', async () => {
    const file = path.join(dir, 'profil', 'valgt-raadgiver.json');
    const store = fileActorStore(file, 'linux');
    expect(store.get('/data/a.sqlite')).toBeNull();
    store.set('/data/a.sqlite', 3);
    store.set('/data/b.sqlite', 5);
    expect(fileActorStore(file, 'linux').get('/data/a.sqlite')).toBe(3);
    expect(fileActorStore(file, 'linux').get('/data/b.sqlite')).toBe(5);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, databases: { '/data/a.sqlite': { adviserId: 3 }, '/data/b.sqlite': { adviserId: 5 } } });
    for (const junk of ['{', '[]', '{"version":2}', '{"version":1,"databases":{"/data/a.sqlite":{"adviserId":"root"}}}']) {
      await writeFile(file, junk);
      expect(fileActorStore(file, 'linux').get('/data/a.sqlite')).toBeNull();
    }
  });

  it('treats Windows paths without regard to case', () => {
    const store = fileActorStore(path.join(dir, 'v.json'), 'win32');
    store.set('C:\\Users\\Mette\\AppData\\Roaming\\Ombud\\ombud.sqlite', 4);
    expect(store.get('c:\\users\\mette\\appdata\\roaming\\ombud\\OMBUD.sqlite')).toBe(4);
  });

  it('is only offered while the adviser is active; choosing a retired or unknown one is refused in Danish', () => {
    const store = memoryActorStore();
    const jens = addAdviser('Jens Jensen', 'JJ');
    expect(rememberedActor(app.ctx, store)).toEqual({ adviserId: null });
    expect(chooseActor(app.ctx, store, jens)).toEqual({ adviserId: jens });
    expect(rememberedActor(app.ctx, store)).toEqual({ adviserId: jens });
    setCatalogEntryRetired(app.ctx, 'adviser', jens, true);
    expect(rememberedActor(app.ctx, store)).toEqual({ adviserId: null });
    for (const id of [jens, 999]) {
      const e = thrown(() => chooseActor(app.ctx, store, id));
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).message).toBe('Rådgiveren findes ikke længere eller er fratrådt. Vælg en anden, eller opret dig selv.');
    }
    // Choosing is not a change to the data: nothing is logged.
    const audited = app.ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE '%valgt%'").get();
    expect(audited).toEqual({ n: 0 });
  });

  it('registering adds the person as an adviser under their own name in the history, and chooses them', () => {
    const store = memoryActorStore();
    const out = registerActor(app.ctx, store, { name: '  Søren   Østergård ', initials: 'SØ' });
    expect(out.settings.advisers.find((a) => a.id === out.adviserId)).toMatchObject({ name: 'Søren Østergård', initials: 'SØ' });
    expect(store.get(app.ctx.databasePath)).toBe(out.adviserId);
    expect(app.ctx.db.prepare("SELECT actor FROM audit_log WHERE entity = 'adviser'").all()).toEqual([{ actor: 'Søren Østergård' }]);
    const e = thrown(() => registerActor(app.ctx, store, { name: ' ', initials: '' }));
    expect(e).toMatchObject({ code: 'validation', fields: { name: 'Navnet må ikke være tomt.' } });
  });
});

describe('who a call acts as', () => {
  it('resolves the adviser by id, with their current name; nobody, a stranger or a retired adviser may not write', () => {
    const id = addAdviser('Mette Jensen', 'MJ');
    expect(resolveActor(app.ctx.db, { adviserId: id })).toEqual({ name: 'Mette Jensen', adviserId: id });
    expect(resolveActor(app.ctx.db, null)).toEqual({ name: null, refusal: NO_ACTOR_MESSAGE });
    expect(resolveActor(app.ctx.db, { adviserId: 999 })).toEqual({ name: null, refusal: STALE_ACTOR_MESSAGE });
    setCatalogEntryRetired(app.ctx, 'adviser', id, true);
    expect(resolveActor(app.ctx.db, { adviserId: id })).toEqual({ name: null, refusal: STALE_ACTOR_MESSAGE });
  });

  it('a context without an actor refuses to record, so nothing is written under a made-up name', () => {
    const ctx = withActor(app.ctx, { name: null, refusal: NO_ACTOR_MESSAGE });
    const e = thrown(() => addCatalogEntry(ctx, { kind: 'theme', name: 'Ny', parentId: null }));
    expect(e).toMatchObject({ code: 'forbidden', message: NO_ACTOR_MESSAGE });
    expect(getSettings(app.ctx).themes.some((t) => t.name === 'Ny')).toBe(false);
    expect(withActor(app.ctx, { name: 'Mette Jensen', adviserId: 1 }).actor()).toBe('Mette Jensen');
  });

  it('a backend opened without an actor refuses changes made directly on its context', () => {
    const bare = openApp({ file: ':memory:', mode: 'test' });
    try {
      expect(thrown(() => bare.ctx.actor())).toMatchObject({ code: 'forbidden' });
    } finally {
      bare.close();
    }
  });

  it('Ombud records what it changes by itself at start as itself, not as a person or the OS account', () => {
    const file = path.join(dir, 'opgraderet.sqlite');
    const first = openApp({ key: TEST_DB_KEY, file, mode: 'test', clock: fixedClock('2025-06-10T10:00:00Z'), actor: () => 'Mette Rådgiver' });
    const c = createCase(first.ctx, caseInput(first.ctx.db, { receivedOn: '2025-06-03' }));
    setKlagefrist(first.ctx, c.id, { notifiedOn: '2025-06-02', channel: 'digital_post', guidance: 'korrekt', basis: { kind: 'regel', ruleId: 'rsl-67-klagefrist' } });
    // As an older version stored it, so the next start recomputes it.
    first.ctx.db.prepare("UPDATE cases SET klagefrist_due = '2025-07-01' WHERE id = ?").run(c.id);
    first.ctx.db.prepare("DELETE FROM settings WHERE key = 'deadline_counting_version'").run();
    first.close();
    const again = openApp({ key: TEST_DB_KEY, file, mode: 'test', clock: fixedClock('2025-06-10T10:00:00Z') });
    try {
      const last = getCaseHistory(again.ctx, c.id)[0]!;
      expect(last.action).toMatch(/^Frist genberegnet/);
      expect(last.actor).toBe(SYSTEM_ACTOR);
      expect(SYSTEM_ACTOR).toBe('Ombud (programopdatering)');
    } finally {
      again.close();
    }
  });
});

describe('the command line', () => {
  it('--som takes an active adviser\'s initials or name; otherwise the current adviser; otherwise "Kommandolinjen"', () => {
    expect(cliActor(app.ctx.db, null)).toEqual({ name: CLI_ACTOR });
    const mette = addAdviser('Mette Jensen', 'MJ');
    addAdviser('Morten Juhl', 'MJ2');
    expect(cliActor(app.ctx.db, 'mj')).toEqual({ name: 'Mette Jensen' });
    expect(cliActor(app.ctx.db, 'METTE JENSEN')).toEqual({ name: 'Mette Jensen' });
    expect(cliActor(app.ctx.db, 'xx')).toEqual({ problem: expect.stringMatching(/^--som "xx" er hverken initialer eller navn på en aktiv rådgiver\. Aktive rådgivere: .*Mette Jensen \(MJ\)/) });
    setCurrentAdviser(app.ctx, mette);
    expect(cliActor(app.ctx.db, null)).toEqual({ name: 'Mette Jensen' });
    setCatalogEntryRetired(app.ctx, 'adviser', mette, true);
    expect(cliActor(app.ctx.db, 'MJ')).toMatchObject({ problem: expect.stringMatching(/^--som "MJ" er hverken/) });
  });

  it('two advisers with the same initials must be named', () => {
    addAdviser('Anne Berg', 'AB');
    addAdviser('Asger Bech', 'AB');
    expect(cliActor(app.ctx.db, 'ab')).toMatchObject({ problem: expect.stringMatching(/flere rådgivere har de initialer; skriv navnet i stedet/) });
    expect(cliActor(app.ctx.db, 'Asger Bech')).toEqual({ name: 'Asger Bech' });
  });

  it('`ombud import --som` records the adviser; without it "Kommandolinjen"; an unknown one is a usage error — never the OS account', async () => {
    const db = path.join(dir, 'cli.sqlite');
    await writeFile(path.join(dir, 'a.csv'), 'sagsnr;modtaget;type\nK-1;2025-01-06;vejledning\n');
    await writeFile(path.join(dir, 'b.csv'), 'sagsnr;modtaget;type\nK-2;2025-01-07;vejledning\n');
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), cwd: dir };

    expect(await main(['import', 'a.csv', '--db', db], io)).toBe(0);
    expect(await main(['import', 'b.csv', '--som', 'BR', '--db', db], io)).toBe(0);
    expect(await main(['import', 'b.csv', '--som=ukendt', '--db', db], io)).toBe(2);
    expect(err.join('\n')).toMatch(/Fejl: --som "ukendt" er hverken initialer eller navn på en aktiv rådgiver\. Aktive rådgivere: Borgerrådgiver \(BR\)\./);
    expect(await main(['import', 'b.csv', '--som', '--db', db], io)).toBe(2);

    const check = openApp({ key: TEST_DB_KEY, file: db, mode: 'test' });
    try {
      const actors = check.ctx.db.prepare("SELECT actor FROM audit_log WHERE entity = 'case' ORDER BY id").all() as Array<{ actor: string }>;
      expect(actors.map((a) => a.actor)).toEqual(['Kommandolinjen', 'Borgerrådgiver']);
      expect(actors.map((a) => a.actor)).not.toContain(os.userInfo().username);
    } finally {
      check.close();
    }
  });
});
