/**
 * The import's write, in chunks: one transaction from the first insert to the commit (all or
 * nothing, as before), but with a yield to the event loop between chunks, so the backend answers
 * `import:status` and `import:cancel` while a 100,000-row file is written. A cancel, or any error,
 * rolls the whole transaction back. The caller holds the write lock (write-lock.ts) around it, so
 * no other request runs inside the open transaction.
 */
import { startImportedCases, type Created, type ImportWriter } from '../../db/queries/bulk-import';
import { beginWrite, commitWrite, rollbackWrite } from '../../db/queries/transaction';
import type { WritableDB } from '../../db/types';

/** Henvendelser written between two yields: a few tens of milliseconds of work. */
export const WRITE_CHUNK = 2_000;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function writeImportInChunks(
  db: WritableDB,
  who: Readonly<{ nowIso: string; actor: string; fileName: string }>,
  cases: Parameters<ImportWriter['write']>[0],
  onWritten: (done: number) => void,
  signal?: AbortSignal,
): Promise<Created> {
  beginWrite(db);
  try {
    const writer = startImportedCases(db, who, cases.length);
    for (let i = 0; i < cases.length; i += WRITE_CHUNK) {
      const end = Math.min(cases.length, i + WRITE_CHUNK);
      writer.write(cases.slice(i, end));
      onWritten(end);
      await yieldToEventLoop();
      signal?.throwIfAborted();
    }
    const created = writer.finish();
    commitWrite(db);
    return created;
  } catch (e) {
    rollbackWrite(db);
    throw e;
  }
}
