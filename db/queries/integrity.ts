/**
 * SQLite's full `PRAGMA integrity_check` on a database file, in a worker thread with its own
 * read-only connection, so a check that reads every page of a large file never blocks the requests
 * the backend answers meanwhile (electron/services/integrity.ts). The connection is read-only and
 * opened with `fileMustExist`: the check never writes to the file it checks.
 *
 * The worker runs plain JavaScript given as text (`eval`), so it needs no bundle or TypeScript
 * loader of its own: it loads the same driver this process uses, by the path resolved here, and
 * applies the same key pragmas (db/key.ts `keyPragmas`).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { keyPragmas, type DbKey } from '../key';

export type IntegrityCheckResult =
  /** `problems`: SQLite's own lines, for the log (English; the adviser gets db/errors.ts's text). */
  | Readonly<{ kind: 'ok' }>
  | Readonly<{ kind: 'damaged'; problems: string[] }>
  /** The check could not read the file: `code` is SQLite's (SQLITE_CORRUPT and SQLITE_NOTADB mean damage). */
  | Readonly<{ kind: 'failed'; code: string | null; detail: string }>;

export type IntegrityCheckOptions = Readonly<{ file: string; key: DbKey | null; nativeBinding?: string | undefined }>;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db = null;
try {
  db = new Database(workerData.file, Object.assign({ readonly: true, fileMustExist: true }, workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}));
  for (const pragma of workerData.keyPragmas) db.pragma(pragma);
  const lines = db.pragma('integrity_check(100)', { simple: false }).map((row) => String(Object.values(row)[0]));
  parentPort.postMessage(lines.length === 1 && lines[0] === 'ok' ? { kind: 'ok' } : { kind: 'damaged', problems: lines });
} catch (e) {
  parentPort.postMessage({ kind: 'failed', code: e && typeof e.code === 'string' ? e.code : null, detail: String(e && e.message ? e.message : e) });
} finally {
  if (db !== null) db.close();
}
`;

function driverPath(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
}

/** Run the full check in a worker thread; resolves once it has read the whole file. Never rejects. */
export function runIntegrityCheck(opts: IntegrityCheckOptions): Promise<IntegrityCheckResult> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: IntegrityCheckResult) => {
      if (settled) return;
      settled = true;
      resolve(r);
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { driver: driverPath(), file: opts.file, nativeBinding: opts.nativeBinding ?? null, keyPragmas: opts.key ? keyPragmas(opts.key) : [] },
      });
    } catch (e) {
      done({ kind: 'failed', code: null, detail: String(e) });
      return;
    }
    worker.once('message', (m: IntegrityCheckResult) => done(m));
    worker.once('error', (e) => done({ kind: 'failed', code: null, detail: String(e) }));
    worker.once('exit', (code) => done({ kind: 'failed', code: null, detail: `Kontrollen stoppede (kode ${code}).` }));
  });
}
