/**
 * Opening Ombud's backend: database (checked, migrated, seeded), service context, handlers and the
 * dispatcher. The backend process (electron/backend/: behind the Electron window and the preview
 * server), the CLI and every test go through this one function, so they all run exactly the same
 * code behind the IPC contract.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { systemClock, type Clock } from '../../shared/domain/dates';
import { anchorOnClose } from '../../db/audit-anchor';
import { openDatabase } from '../../db/connection';
import type { DbKey } from '../../db/key';
import { appendAudit } from '../../db/queries/audit';
import { syncShippedCatalog } from '../../db/queries/rules';
import { commitMark, committedSince, type CommitMark } from '../../db/queries/commits';
import { beginReadOnly, rollbackWrite } from '../../db/queries/transaction';
import type { WritableDB } from '../../db/types';
import { CATALOG_VERSION, SHIPPED_RULES } from '../../shared/rules/catalog';
import { createDispatch, type Dispatch, type DispatchOptions } from '../ipc/dispatch';
import { createHandlers, type HandlerDeps } from '../ipc/handlers';
import { createAuditMonitor } from './audit';
import type { AuditStatus } from '../../shared/domain/audit';
import { memoryActorStore, refusingActor, resolveActor, SYSTEM_ACTOR, withActor, type ActorStore } from './actor';
import type { BackupDeps } from './backups';
import { upgradeDeadlineCounting } from './deadlines';
import { createImportJobs, type ImportJobEvent } from './import-jobs';
import { createIntegrityMonitor, type IntegrityMonitor } from './integrity';
import type { RunMode, ServiceContext } from './context';
import { seedDefaults } from './seed';
import { createWriteLock } from './write-lock';

export type OpenAppOptions = Readonly<{
  /** Database file, or ':memory:' (tests). */
  file: string;
  clock?: Clock;
  mode: RunMode;
  appVersion?: string;
  /** Path to an Electron-ABI build of better-sqlite3 (db/connection.ts). */
  nativeBinding?: string | undefined;
  /** The database key (db/key.ts): required for a file (openDatabase refuses one without); unused for ':memory:'. */
  key?: DbKey | null;
  /**
   * Who `ctx` records for work done on it directly (the CLI, tests, the bench). A dispatched call
   * records the adviser its envelope carries instead. Default: nobody, so a change is refused.
   */
  actor?: () => string;
  /** Where the desk's choice of adviser is remembered (services/actor.ts); default: in memory. */
  actorStore?: ActorStore;
  /** Every change of an import job's status (the backend process relays it). */
  onImportChange?: (event: ImportJobEvent) => void;
  /** The backup folder setting and the restore the backend host performs (services/backups.ts). */
  backups?: BackupDeps;
  /** Where dispatch logs unexpected errors (tests silence it). */
  log?: DispatchOptions['log'];
}>;

export type OpenedApp = Readonly<{
  ctx: ServiceContext;
  dispatch: Dispatch;
  close: () => void;
  /** The file's health; `integrity.check()` starts the full background check (the backend process does, after opening). */
  integrity: IntegrityMonitor;
  /**
   * Verify the audit chain in the background (the backend process starts it once 'opened' is sent:
   * 100,000 rows take over a second, and requests are answered between its chunks); `audit:status`
   * reports it.
   */
  checkAuditChain: () => Promise<AuditStatus>;
}>;

function logEncryption(db: WritableDB, at: string, backupFile: string): void {
  db.transaction(() =>
    appendAudit(db, {
      at,
      actor: SYSTEM_ACTOR,
      entity: 'settings',
      entityId: null,
      caseId: null,
      action: 'Databasen krypteret',
      changes: [{ field: 'Sikkerhedskopi af den ukrypterede database (krypteret)', before: '', after: path.basename(backupFile) }],
    }),
  )();
}

/** Open (create, migrate, seed) the database and build the backend around it. */
export function openApp(opts: OpenAppOptions): OpenedApp {
  const inMemory = opts.file === ':memory:' || opts.file === '';
  // SQLite creates the file but not its folder; Electron creates userData itself, the CLI does not.
  if (!inMemory) mkdirSync(path.dirname(path.resolve(opts.file)), { recursive: true });
  const clock = opts.clock ?? systemClock;
  const { db, encrypted } = openDatabase(opts.file, { ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}), key: opts.key ?? null });
  try {
    const openedAt = clock.now().toISOString();
    // The one-time encryption of a database from before encryption is part of the record: when it
    // happened and where the backup of the file as it was went (done by Ombud itself).
    if (encrypted) logEncryption(db, openedAt, encrypted.backupFile);
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
      dbKey: opts.key ?? null,
      actor: opts.actor ?? refusingActor(),
    };
    // Stored deadlines follow the counting rules of the version that computed them; newer rules
    // recompute the open ones once (each moved date is logged on its case, as done by Ombud itself).
    upgradeDeadlineCounting({ ...ctx, actor: () => SYSTEM_ACTOR });
    const lock = createWriteLock();
    const importJobs = createImportJobs({ lock, ...(opts.log ? { log: opts.log } : {}), ...(opts.onImportChange ? { onChange: opts.onImportChange } : {}) });
    const log = opts.log ?? ((message: string, detail: unknown) => console.error(message, detail));
    const integrity = createIntegrityMonitor({
      file: inMemory ? null : path.resolve(opts.file), key: opts.key ?? null, nativeBinding: opts.nativeBinding, clock, log,
    });
    const auditMonitor = createAuditMonitor();
    const deps: HandlerDeps = { importJobs, actorStore: opts.actorStore ?? memoryActorStore(), lock, integrity, auditMonitor, ...(opts.backups ? { backups: opts.backups } : {}) };
    // Each call gets handlers bound to a context with its own actor: who acts is part of the call.
    const dispatch = createDispatch((actor) => createHandlers(withActor(ctx, actor), deps), {
      resolveActor: (ref) => resolveActor(db, ref),
      lock,
      ...(opts.log ? { log: opts.log } : {}),
      commits: { mark: () => commitMark(db), committedSince: (mark) => committedSince(db, mark as CommitMark) },
      integrity: {
        damaged: integrity.damaged,
        noteError: integrity.noteError,
        // A damaged file is never written to: a read runs in a transaction that is always rolled back,
        // under the write lock so no other request's statements land inside it.
        readOnly: (work) =>
          lock.exclusive(async () => {
            beginReadOnly(db);
            try {
              return await work();
            } finally {
              rollbackWrite(db);
            }
          }),
      },
    });
    let closed = false;
    return {
      ctx,
      dispatch,
      integrity,
      checkAuditChain: () => auditMonitor.checkInBackground(ctx, lock),
      close: () => {
        if (closed) return;
        closed = true;
        // An import still writing when Ombud quits is rolled back whole: all or nothing.
        rollbackWrite(db);
        // Merge the WAL into the main file so a copied .sqlite is complete (SQLite wal.html § 6).
        if (!inMemory) {
          // The audit chain's head, kept beside the file, so a log cut short is noticed at the next start (db/audit-anchor.ts).
          try {
            anchorOnClose(db, ctx.databasePath);
          } catch (e) {
            opts.log?.('revisionssporets anker kunne ikke skrives', e);
          }
          // Not into a damaged file: the WAL stays beside it for whoever restores (services/integrity.ts).
          if (!integrity.damaged()) db.pragma('wal_checkpoint(TRUNCATE)');
        }
        db.close();
      },
    };
  } catch (e) {
    db.close();
    throw e;
  }
}
