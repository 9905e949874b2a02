/**
 * Opening the database for one CLI command, closing it (and checkpointing the WAL) afterwards. The
 * CLI runs the backend in its own process rather than forking it: it is itself a plain Node process
 * that does one thing and exits, with no window to keep responsive.
 *
 * Who the command acts as: `--som` (main.ts), else the database's current adviser, else
 * "Kommandolinjen" (services/actor.ts `cliActor`) — never the OS account.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { DbKeyMissingError } from '../../db/errors';
import type { DbKey } from '../../db/key';
import { CLI_ACTOR, cliActor } from '../services/actor';
import { dbKeyFromEnv } from '../services/db-key-env';
import { openApp, type OpenedApp } from '../services/open-app';
import { UsageError } from './args';

/**
 * The running command's `--som`. Held per run, not in a module variable, so two runs of `main()`
 * in one process (the CLI tests run it in-process) can never see each other's.
 */
const som = new AsyncLocalStorage<string | null>();

/** Run one command as `who` (its `--som`, or null). */
export function runAs<T>(who: string | null, work: () => T): T {
  return som.run(who, work);
}

/** The key from OMBUD_DB_KEY or OMBUD_DB_KEY_FILE (services/db-key-env.ts); refused in Danish without one. */
export function cliDbKey(file: string): DbKey {
  const key = dbKeyFromEnv();
  if (!key.ok) throw new DbKeyMissingError(file, key.problem);
  return key.key;
}

export async function withApp<T>(file: string, work: (app: OpenedApp) => T | Promise<T>): Promise<T> {
  let actor = CLI_ACTOR;
  // The CLI works on the real database, exactly as the desktop app would.
  const app = openApp({ file, mode: 'cli', log: () => {}, actor: () => actor, key: cliDbKey(file) });
  try {
    const who = cliActor(app.ctx.db, som.getStore() ?? null);
    if ('problem' in who) throw new UsageError(who.problem);
    actor = who.name;
    return await work(app);
  } finally {
    app.close();
  }
}

/** Open the database for one command, or say why it cannot be opened (a restore goes on without it). */
export function tryOpenApp(file: string): { app: OpenedApp; actor: string; key: DbKey } | { app: null; actor: string; key: DbKey; error: unknown } {
  const fallback = som.getStore() ?? CLI_ACTOR;
  const key = cliDbKey(file);
  let actor = fallback;
  let app: OpenedApp;
  try {
    app = openApp({ file, mode: 'cli', log: () => {}, actor: () => actor, key });
  } catch (error) {
    return { app: null, actor: fallback, key, error };
  }
  const who = cliActor(app.ctx.db, som.getStore() ?? null);
  if ('problem' in who) {
    app.close();
    throw new UsageError(who.problem);
  }
  actor = who.name;
  return { app, actor, key };
}

/** Open the database again (after a restore), acting as `actor`. */
export function reopenApp(file: string, actor: string, key: DbKey): OpenedApp {
  return openApp({ file, mode: 'cli', log: () => {}, actor: () => actor, key });
}
