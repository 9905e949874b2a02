/**
 * The parent's side of the backend process: Electron's main process (over a utilityProcess) and the
 * preview server (over child_process.fork) both use this. `dispatch` has the same signature as the
 * in-process one, so IPC registration and the preview server do not care where the backend runs.
 * Requests wait until the backend listens; if the process dies, every open and later request is
 * answered with a Danish `internal` error instead of hanging.
 */
import type { DbOpenFailure } from '../../db/errors';
import type { ImportStatus } from '../../shared/domain/import-report';
import type { Result } from '../../shared/ipc/result';
import type { Dispatch } from '../ipc/dispatch';
import { asFromBackend, type BackendOpenOptions, type BackupOffer, type StartupNotice, type ToBackend } from './protocol';

/** How the client reaches the process: a utilityProcess (main.ts) or a forked Node process (fork.ts). */
export type BackendLink = Readonly<{
  post: (message: ToBackend) => void;
  onMessage: (listener: (message: unknown) => void) => void;
  /** Called once when the process has ended (its exit code; null when killed or never started). */
  onExit: (listener: (code: number | null) => void) => void;
  kill: () => void;
}>;

export type OpenOutcome = Readonly<{ ok: true; notice: StartupNotice | null }> | Readonly<{ ok: false; message: string; reason: DbOpenFailure; offer?: BackupOffer | null }>;

export type BackendClient = Readonly<{
  open: (options: BackendOpenOptions) => Promise<OpenOutcome>;
  dispatch: Dispatch;
  onImportProgress: (listener: (jobId: string, status: ImportStatus) => void) => void;
  /** The automatic backup at start: taken or failed, with the Danish text to show. */
  onBackupResult: (listener: (ok: boolean, message: string) => void) => void;
  /** The process ended without being asked to (a crash): the parent must tell the adviser. */
  onUnexpectedExit: (listener: (code: number | null) => void) => void;
  /** Close the database and end the process; killed when it has not ended after `timeoutMs`. */
  close: (timeoutMs?: number) => Promise<void>;
}>;

export const BACKEND_GONE: Extract<Result<never>, { ok: false }> = {
  ok: false,
  error: { code: 'internal', message: 'Ombuds databaseproces er stoppet. Luk Ombud, og start programmet igen. Det, der allerede var gemt, er bevaret.' },
};

/** Overall progress of an import job for the taskbar (0…1 across its phases), or -1 when it has ended. */
export function importProgressFraction(status: ImportStatus): number {
  const within = status.total > 0 ? Math.min(1, status.done / status.total) : 0;
  switch (status.phase) {
    case 'læser':
      return 0.1 * within;
    case 'kontrollerer':
      return 0.1 + 0.2 * within;
    case 'skriver':
      return 0.3 + 0.7 * within;
    default:
      return -1;
  }
}

export function createBackendClient(link: BackendLink, log: (message: string, error: unknown) => void = (m, e) => console.error(m, e)): BackendClient {
  let listening = false;
  let exited = false;
  let closeRequested = false;
  let nextId = 1;
  const queue: ToBackend[] = [];
  const pending = new Map<number, (result: Result<unknown>) => void>();
  let opening: ((outcome: OpenOutcome) => void) | null = null;
  const progressListeners: Array<(jobId: string, status: ImportStatus) => void> = [];
  const backupListeners: Array<(ok: boolean, message: string) => void> = [];
  const crashListeners: Array<(code: number | null) => void> = [];
  const exitWaiters: Array<() => void> = [];

  function post(message: ToBackend): void {
    if (exited) return;
    if (listening) link.post(message);
    else queue.push(message);
  }

  link.onMessage((raw) => {
    const msg = asFromBackend(raw);
    if (msg === null) {
      log('Ukendt besked fra Ombuds databaseproces', raw);
      return;
    }
    switch (msg.type) {
      case 'listening':
        listening = true;
        for (const m of queue.splice(0)) link.post(m);
        break;
      case 'opened':
        opening?.({ ok: true, notice: msg.notice });
        opening = null;
        break;
      case 'open-failed':
        opening?.({ ok: false, message: msg.message, reason: msg.reason, ...(msg.offer ? { offer: msg.offer } : {}) });
        opening = null;
        break;
      case 'backup-result':
        for (const l of backupListeners) l(msg.ok, msg.message);
        break;
      case 'reply': {
        const resolve = pending.get(msg.id);
        pending.delete(msg.id);
        resolve?.(msg.result);
        break;
      }
      case 'import-progress':
        for (const l of progressListeners) l(msg.jobId, msg.status);
        break;
      case 'closed':
        break;
    }
  });

  link.onExit((code) => {
    if (exited) return;
    exited = true;
    for (const resolve of pending.values()) resolve(BACKEND_GONE);
    pending.clear();
    opening?.({ ok: false, message: `Ombuds databaseproces stoppede under opstarten (kode ${code ?? 'ukendt'}). Intet er ændret. Kontakt IT-supporten, hvis fejlen gentager sig.`, reason: 'other' });
    opening = null;
    if (!closeRequested) for (const l of crashListeners) l(code);
    for (const w of exitWaiters.splice(0)) w();
  });

  return {
    open(options) {
      if (exited) return Promise.resolve({ ok: false, message: BACKEND_GONE.error.message, reason: 'other' });
      return new Promise<OpenOutcome>((resolve) => {
        opening = resolve;
        post({ type: 'open', options });
      });
    },
    dispatch(channel, input, actor) {
      if (exited) return Promise.resolve(BACKEND_GONE);
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, resolve);
        post({ type: 'request', id, channel, input, actor });
      });
    },
    onImportProgress: (listener) => void progressListeners.push(listener),
    onBackupResult: (listener) => void backupListeners.push(listener),
    onUnexpectedExit: (listener) => void crashListeners.push(listener),
    close(timeoutMs = 10_000) {
      if (exited) return Promise.resolve();
      closeRequested = true;
      return new Promise<void>((resolve) => {
        exitWaiters.push(resolve);
        // A backend that never started listening cannot be asked; end it.
        if (listening) link.post({ type: 'close' });
        else link.kill();
        const timer = setTimeout(() => {
          log('Ombuds databaseproces lukkede ikke i tide og blev stoppet', timeoutMs);
          link.kill();
        }, timeoutMs);
        exitWaiters.push(() => clearTimeout(timer));
      });
    },
  };
}
