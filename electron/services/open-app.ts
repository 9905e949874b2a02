/**
 * Opening Ombud's backend: database (checked, migrated, seeded), service context, handlers and the
 * dispatcher. The Electron main process, the CLI, the preview server and every test go through
 * this one function, so they all run exactly the same code behind the IPC contract.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from '../../shared/domain/dates';
import { openDatabase } from '../../db/connection';
import { catalogEntryName } from '../../db/queries/catalog';
import { syncShippedCatalog } from '../../db/queries/rules';
import { getCurrentAdviserId } from '../../db/queries/settings';
import { CATALOG_VERSION, SHIPPED_RULES } from '../../shared/rules/catalog';
import type { WritableDB } from '../../db/types';
import { createDispatch, type Dispatch, type DispatchOptions } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { upgradeDeadlineCounting } from './deadlines';
import { createImportJobs } from './import-jobs';
import type { RunMode, ServiceContext } from './context';
import { actorFromOs } from './paths';
import { seedDefaults } from './seed';

export type OpenAppOptions = Readonly<{
  /** Database file, or ':memory:' (tests). */
  file: string;
  clock?: Clock;
  mode: RunMode;
  appVersion?: string;
  /** Path to an Electron-ABI build of better-sqlite3 (db/connection.ts). */
  nativeBinding?: string | undefined;
  /** Who is acting; defaults to the current adviser's name, else the OS user. */
  actor?: () => string;
  /** Where dispatch logs unexpected errors (tests silence it). */
  log?: DispatchOptions['log'];
}>;

export type OpenedApp = Readonly<{ ctx: ServiceContext; dispatch: Dispatch; close: () => void }>;

/** The current adviser's name, so the history says who did it; the OS user when none is chosen. */
function defaultActor(db: WritableDB): () => string {
  return () => {
    const id = getCurrentAdviserId(db);
    return (id !== null ? catalogEntryName(db, 'adviser', id) : null) ?? actorFromOs();
  };
}

/** Open (create, migrate, seed) the database and build the backend around it. */
export function openApp(opts: OpenAppOptions): OpenedApp {
  const inMemory = opts.file === ':memory:' || opts.file === '';
  // SQLite creates the file but not its folder; Electron creates userData itself, the CLI does not.
  if (!inMemory) mkdirSync(path.dirname(path.resolve(opts.file)), { recursive: true });
  const clock = opts.clock ?? systemClock;
  const { db } = openDatabase(opts.file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    const openedAt = clock.now().toISOString();
    seedDefaults(db, openedAt);
    // After seeding, so the first install can link the default themes to their rules. When the
    // database already holds this catalogue version, this is a single settings read.
    syncShippedCatalog(db, SHIPPED_RULES, CATALOG_VERSION, openedAt);
    const ctx: ServiceContext = {
      db,
      clock,
      mode: opts.mode,
      databasePath: inMemory ? ':memory:' : path.resolve(opts.file),
      appVersion: opts.appVersion ?? '0.0.0-dev',
      actor: opts.actor ?? defaultActor(db),
    };
    // Stored deadlines follow the counting rules of the version that computed them; newer rules
    // recompute the open ones once (each moved date is logged on its case).
    upgradeDeadlineCounting(ctx);
    const importJobs = opts.log ? createImportJobs(ctx, opts.log) : createImportJobs(ctx);
    const handlers = createHandlers(ctx, { importJobs });
    const dispatch = createDispatch(handlers, opts.log ? { log: opts.log } : {});
    let closed = false;
    return {
      ctx,
      dispatch,
      close: () => {
        if (closed) return;
        closed = true;
        // Merge the WAL into the main file so a copied .sqlite is complete (SQLite wal.html § 6).
        if (!inMemory) db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
      },
    };
  } catch (e) {
    db.close();
    throw e;
  }
}
