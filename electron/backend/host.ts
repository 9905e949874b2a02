/**
 * The backend: opens the database with openApp (the same one the CLI and the tests use) when the
 * parent asks, answers every request through `dispatch`, relays each import job's progress, and
 * closes the database (WAL checkpointed) when told to. Requests are answered concurrently: a status
 * poll or a cancel is answered between two chunks of a running import, so nothing waits for a long
 * job to finish. A database that cannot be opened is reported as a Danish message, since only the
 * parent can show it (a dialog in the app, the terminal for the preview).
 */
import os from 'node:os';
import path from 'node:path';
import { DbKeyMissingError, DbOpenError, sqliteErrorText, type DbOpenFailure } from '../../db/errors';
import { parseDbKey, type DbKey } from '../../db/key';
import { newestGoodBackup, type RestoreOutcome } from '../../shared/backup/manifest';
import { systemClock } from '../../shared/domain/dates';
import { AppError } from '../../shared/ipc/result';
import {
  AUTOMATIC_BACKUP_ACTOR,
  backupAtStartIfDue,
  backupFolder,
  readManifest,
  restoreBackup,
  setupBeside,
  STARTUP_RESTORE_ACTOR,
  type AutomaticBackupResult,
  type BackupSetup,
} from '../services/backups';
import { dbKeyFromEnv } from '../services/db-key-env';
import { DEFAULT_BACKUP_DIR_NAME } from '../services/paths';
import { fileActorStore, memoryActorStore } from '../services/actor';
import { getFristOverview, startupNotice } from '../services/deadlines';
import { openApp, type OpenedApp } from '../services/open-app';
import type { BackendPort } from './port';
import { asToBackend, type BackendOpenOptions, type BackupOffer, type StartupNotice, type ToBackend } from './protocol';

export type HostDeps = Readonly<{
  /** Ends the process once the database is closed. */
  exit: (code: number) => void;
  log?: (message: string, error: unknown) => void;
}>;

/** Why the database could not be opened (protocol.ts `open-failed`). */
export function openFailureReason(e: unknown): DbOpenFailure {
  return e instanceof DbOpenError ? e.reason : 'other';
}

/** What the adviser can do about each refusal; the file is never changed by a refusal. */
const NEXT_STEP: Readonly<Record<DbOpenFailure, string>> = {
  damaged: 'Gendan den nyeste sikkerhedskopi, eller kontakt IT-supporten.',
  empty: 'Gendan den nyeste sikkerhedskopi, eller kontakt IT-supporten. Flyt filen væk for at starte med en tom database.',
  future: '',
  unreadable: 'Kontakt IT-supporten, eller flyt filen væk for at starte med en tom database.',
  key: 'Kontakt IT-supporten: nøglen ligger hos den Windows-bruger, der oprettede databasen, eller i OMBUD_DB_KEY / OMBUD_DB_KEY_FILE.',
  other: 'Kontakt IT-supporten, hvis fejlen gentager sig.',
};

/** The Danish text shown when the database cannot be opened. */
export function startupErrorText(e: unknown, file: string): string {
  if (e instanceof DbOpenError) {
    const next = NEXT_STEP[e.reason];
    return next ? `${e.message}\n\n${next}` : e.message;
  }
  // SQLite's own text is English and technical (db/errors.ts): the adviser gets the Danish sentence;
  // the driver's error stays in the log.
  const detail = sqliteErrorText(e) ?? 'Der opstod en uventet fejl.';
  return `Databasen ${file} kunne ikke åbnes.\n\n${detail}\n\nIntet er ændret. ${NEXT_STEP.other}`;
}

/** The key the parent sent (the app), else the environment's (the preview server, tests). */
function keyFor(options: BackendOpenOptions): DbKey | null {
  if (options.file === ':memory:') return null;
  const sent = options.key === undefined ? null : parseDbKey(options.key);
  if (sent) return sent;
  const env = dbKeyFromEnv();
  if (!env.ok) throw new DbKeyMissingError(options.file, env.problem);
  return env.key;
}

const NOT_OPEN = { code: 'internal', message: 'Databasen er ikke åbnet endnu. Vent et øjeblik, og prøv igen.' } as const;

/** The start-up reminder; it must never stop the backend from starting. */
function noticeFor(app: OpenedApp, log: NonNullable<HostDeps['log']>): StartupNotice | null {
  try {
    return startupNotice(getFristOverview(app.ctx));
  } catch (e) {
    log('Ombud kunne ikke beregne fristpåmindelsen', e);
    return null;
  }
}

/** Where this backend's backups go: the folder setting in userData, else a folder beside the database. */
export function backupSetupFor(options: BackendOpenOptions): BackupSetup {
  if (options.backupSettingsFile === undefined) return setupBeside(path.resolve(options.file));
  return { settingsFile: options.backupSettingsFile, defaultFolder: path.join(path.dirname(options.backupSettingsFile), DEFAULT_BACKUP_DIR_NAME), tempRoot: os.tmpdir() };
}

/** The refusals a backup is the way out of: the file is damaged or has been emptied. */
const RESTORABLE: ReadonlySet<DbOpenFailure> = new Set<DbOpenFailure>(['damaged', 'empty']);

/**
 * The newest good backup, offered when the file is damaged or empty. Not for the other refusals: a
 * newer Ombud's database needs an update, a wrong key the right key (the backups share it), and an
 * older backup would only lose work.
 */
export function backupOfferFor(reason: DbOpenFailure, setup: BackupSetup): BackupOffer | null {
  if (!RESTORABLE.has(reason)) return null;
  try {
    const folder = backupFolder(setup);
    const newest = newestGoodBackup(readManifest(folder).backups);
    return newest ? { file: path.join(folder, newest.file), created: newest.created } : null;
  } catch {
    return null;
  }
}

export function serveBackend(port: BackendPort, deps: HostDeps): void {
  const log = deps.log ?? ((message, error) => console.error(message, error));
  let app: OpenedApp | null = null;
  let closing = false;
  let lastAutomatic: AutomaticBackupResult | null = null;

  function openWith(options: BackendOpenOptions, setup: BackupSetup): OpenedApp {
    return openApp({
      key: keyFor(options),
      file: options.file,
      mode: options.mode,
      appVersion: options.appVersion,
      nativeBinding: options.nativeBinding,
      actorStore: options.actorFile === null ? memoryActorStore() : fileActorStore(options.actorFile),
      onImportChange: ({ jobId, status }) => port.post({ type: 'import-progress', jobId, status }),
      backups: { setup, restore: (file, actor) => restoreInPlace(options, setup, file, actor), lastAutomatic: () => lastAutomatic },
      log,
    });
  }

  /**
   * `backup:restore`: close this backend's database, put the backup in place and open it again
   * (services/backups.ts restoreBackup). Synchronous, so no other request runs in between.
   */
  function restoreInPlace(options: BackendOpenOptions, setup: BackupSetup, file: string, actor: string): RestoreOutcome {
    const current = app;
    let closed = false;
    try {
      const { app: next, outcome } = restoreBackup({
        databasePath: path.resolve(options.file),
        key: current?.ctx.dbKey ?? null,
        setup,
        file,
        clock: systemClock,
        actor,
        current: current && {
          ctx: current.ctx,
          close: () => {
            closed = true;
            current.close();
          },
        },
        reopen: () => openWith(options, setup),
      });
      app = next;
      // The restored file is checked page by page like any file just opened.
      void next.integrity.check();
      return outcome;
    } catch (e) {
      // The previous file is back in place when reopening the restored one failed: open it again.
      if (closed) app = openWith(options, setup);
      throw e;
    }
  }

  function automaticBackup(setup: BackupSetup): void {
    if (app === null || closing) return;
    lastAutomatic = backupAtStartIfDue(app.ctx, setup, AUTOMATIC_BACKUP_ACTOR);
    if (lastAutomatic !== null) {
      if (!lastAutomatic.ok) log('Den automatiske sikkerhedskopi mislykkedes', lastAutomatic.message);
      port.post({ type: 'backup-result', ok: lastAutomatic.ok, message: lastAutomatic.message });
    }
  }

  function open(options: BackendOpenOptions): void {
    if (app !== null) {
      log('Ombuds backend blev bedt om at åbne en database igen; den første forbliver åben', options.file);
      return;
    }
    const setup = backupSetupFor(options);
    try {
      if (options.restoreFrom !== undefined) {
        // The adviser accepted the offer: the current file could not be opened, so it is set aside.
        app = restoreBackup({
          databasePath: path.resolve(options.file),
          key: keyFor(options),
          setup,
          file: options.restoreFrom,
          clock: systemClock,
          actor: STARTUP_RESTORE_ACTOR,
          current: null,
          reopen: () => openWith(options, setup),
        }).app;
      } else app = openWith(options, setup);
    } catch (e) {
      log('Ombud kunne ikke åbne databasen', e);
      const message = e instanceof AppError ? e.message : startupErrorText(e, options.file);
      const reason = openFailureReason(e);
      port.post({ type: 'open-failed', message, reason, offer: options.restoreFrom === undefined ? backupOfferFor(reason, setup) : null });
      return;
    }
    port.post({ type: 'opened', notice: noticeFor(app, log) });
    // The full integrity_check reads every page in a worker thread; requests are answered meanwhile,
    // and damage it finds refuses every change from then on (services/integrity.ts).
    void app.integrity.check();
    // After 'opened', so the window is not held up by the copy.
    if (options.automaticBackup === true) setImmediate(() => automaticBackup(setup));
    // After 'opened', so the window is usable at once; `audit:status` answers "checking" meanwhile.
    app.checkAuditChain().then(
      (status) => {
        if (status.state === 'broken') log('Revisionssporet er brudt', status.reason);
      },
      (e: unknown) => log('Ombud kunne ikke kontrollere revisionssporet', e),
    );
  }

  async function answer(msg: Extract<ToBackend, { type: 'request' }>): Promise<void> {
    const result = app === null ? { ok: false as const, error: NOT_OPEN } : await app.dispatch(msg.channel, msg.input, msg.actor);
    if (!closing) port.post({ type: 'reply', id: msg.id, result });
  }

  function close(): void {
    if (closing) return;
    closing = true;
    try {
      app?.close();
    } catch (e) {
      log('Ombud kunne ikke lukke databasen rent', e);
    }
    app = null;
    port.post({ type: 'closed' });
    deps.exit(0);
  }

  port.onMessage((raw) => {
    const msg = asToBackend(raw);
    if (msg === null) {
      log('Ombuds backend fik en ukendt besked og ignorerede den', raw);
      return;
    }
    if (closing) return;
    if (msg.type === 'open') open(msg.options);
    else if (msg.type === 'request') {
      answer(msg).catch((e: unknown) => log('Ombuds backend kunne ikke svare', e));
    } else close();
  });
  // Under child_process.fork: the parent is gone, so nobody will ask us to close.
  port.onParentGone(close);
  port.post({ type: 'listening' });
}
