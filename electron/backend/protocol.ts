/**
 * The messages between the backend process (services and database, host.ts) and whoever started it:
 * Electron's main process through a utilityProcess, or the preview server through
 * child_process.fork. Requests carry exactly what a window's call carries — channel, input and who
 * acts — and are checked by `dispatch` against the zod contract in the backend, so this layer adds
 * no second set of rules. Replies carry the Result; events report long jobs as they run.
 * Messages are structured-cloned (utilityProcess) or serialised with Node's 'advanced'
 * serialisation (fork): plain data only.
 */
import type { ImportStatus } from '../../shared/domain/import-report';
import type { Result } from '../../shared/ipc/result';
import type { DbOpenFailure } from '../../db/errors';
import type { RunMode } from '../services/context';

export type BackendOpenOptions = Readonly<{
  /** The database file. */
  file: string;
  mode: RunMode;
  appVersion: string;
  /** The Electron-ABI build of the SQLite driver (db/connection.ts), in the app only. */
  nativeBinding?: string;
  /**
   * The database key's text (db/key.ts `dbKeyText`): the app's, from the OS secret store
   * (security/db-key.ts). Absent: the backend reads OMBUD_DB_KEY / OMBUD_DB_KEY_FILE itself.
   */
  key?: string;
  /** Where the desk's choice of adviser is remembered (services/paths.ts `actorChoicePath`); null: in memory. */
  actorFile: string | null;
  /**
   * `<userData>/sikkerhedskopi.json` (services/paths.ts `backupSettingsPath`): the backup folder the
   * adviser chose; its default is `Sikkerhedskopier` beside it. Absent: a folder beside the database.
   */
  backupSettingsFile?: string;
  /** Take the automatic backup after opening when the newest good one is 24 hours old (the app, the preview). */
  automaticBackup?: boolean;
  /** Restore this backup (a file name in the backup folder, or a path) before opening: the answer to `offer`. */
  restoreFrom?: string;
}>;

/** The newest good backup, offered when the database cannot be opened (from the folder's manifest). */
export type BackupOffer = Readonly<{ file: string; created: string }>;

/** The desktop notification at start, computed by the backend; the main process shows it. */
export type StartupNotice = Readonly<{ title: string; body: string }>;

/** Parent → backend. `actor` is passed on unchecked: dispatch parses it like the input. */
export type ToBackend =
  | Readonly<{ type: 'open'; options: BackendOpenOptions }>
  | Readonly<{ type: 'request'; id: number; channel: string; input: unknown; actor: unknown }>
  | Readonly<{ type: 'close' }>;

/** Backend → parent. */
export type FromBackend =
  /** Sent once the backend listens: messages posted before it could be lost, so the parent waits for it. */
  | Readonly<{ type: 'listening' }>
  | Readonly<{ type: 'opened'; notice: StartupNotice | null }>
  /**
   * The database could not be opened; `message` is the Danish text for the adviser, `reason` lets
   * the app offer the way out: for 'damaged' and 'empty' the newest good backup, when there is one.
   */
  | Readonly<{ type: 'open-failed'; message: string; reason: DbOpenFailure; offer?: BackupOffer | null }>
  /** The automatic backup at start was taken, or failed (`message` in Danish, shown to the adviser). */
  | Readonly<{ type: 'backup-result'; ok: boolean; message: string }>
  | Readonly<{ type: 'reply'; id: number; result: Result<unknown> }>
  | Readonly<{ type: 'import-progress'; jobId: string; status: ImportStatus }>
  /** The database is closed (WAL checkpointed); the process exits next. */
  | Readonly<{ type: 'closed' }>;

const RUN_MODES: ReadonlySet<RunMode> = new Set<RunMode>(['electron', 'preview', 'cli', 'test']);
const OPEN_FAILURES: ReadonlySet<DbOpenFailure> = new Set<DbOpenFailure>(['damaged', 'empty', 'future', 'unreadable', 'key', 'other']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** A message from the parent, or null for anything else (logged and ignored by the host). */
export function asToBackend(v: unknown): ToBackend | null {
  if (!isRecord(v)) return null;
  switch (v['type']) {
    case 'open': {
      const o = v['options'];
      if (!isRecord(o) || typeof o['file'] !== 'string' || !RUN_MODES.has(o['mode'] as RunMode) || typeof o['appVersion'] !== 'string') return null;
      if (o['actorFile'] !== null && typeof o['actorFile'] !== 'string') return null;
      if (o['nativeBinding'] !== undefined && typeof o['nativeBinding'] !== 'string') return null;
      for (const k of ['backupSettingsFile', 'restoreFrom']) if (o[k] !== undefined && typeof o[k] !== 'string') return null;
      if (o['automaticBackup'] !== undefined && typeof o['automaticBackup'] !== 'boolean') return null;
      // A key is text; an empty one would only turn into a confusing "wrong key" later.
      if (o['key'] !== undefined && (typeof o['key'] !== 'string' || o['key'].trim() === '')) return null;
      return v as ToBackend;
    }
    case 'request':
      return typeof v['id'] === 'number' && typeof v['channel'] === 'string' ? (v as ToBackend) : null;
    case 'close':
      return { type: 'close' };
    default:
      return null;
  }
}

/** A message from the backend, or null for anything else. */
export function asFromBackend(v: unknown): FromBackend | null {
  if (!isRecord(v)) return null;
  switch (v['type']) {
    case 'listening':
    case 'opened':
    case 'closed':
      return v as FromBackend;
    case 'open-failed':
      return typeof v['message'] === 'string' && OPEN_FAILURES.has(v['reason'] as DbOpenFailure) ? (v as FromBackend) : null;
    case 'backup-result':
      return typeof v['ok'] === 'boolean' && typeof v['message'] === 'string' ? (v as FromBackend) : null;
    case 'reply':
      return typeof v['id'] === 'number' && isRecord(v['result']) && typeof v['result']['ok'] === 'boolean' ? (v as FromBackend) : null;
    case 'import-progress':
      return typeof v['jobId'] === 'string' && isRecord(v['status']) ? (v as FromBackend) : null;
    default:
      return null;
  }
}
