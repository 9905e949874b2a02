/**
 * Import as a background job the renderer polls (`import:start` → `import:status`), so a large file
 * shows progress instead of a frozen window, and the adviser can stop it (`import:cancel`): the job
 * stops at its next chunk boundary and its write rolls back, so nothing is saved. Jobs live in
 * memory: a finished job's report stays available until enough newer jobs push it out. Each change
 * of a job's status is also reported through `onChange` (the backend process relays it to the
 * main process, which shows it on the taskbar).
 */
import { randomUUID } from 'node:crypto';
import type { ImportStatus } from '../../shared/domain/import-report';
import { AppError } from '../../shared/ipc/result';
import type { ServiceContext } from './context';
import { runImport, type ImportInput } from './import';
import type { WriteLock } from './write-lock';

/** Finished jobs kept for a late status poll. */
const KEEP_FINISHED = 20;

export type ImportJobEvent = Readonly<{ jobId: string; status: ImportStatus }>;

export type ImportJobs = Readonly<{
  /** Start a job; `ctx` carries the adviser who started it, recorded as the importer. */
  start: (ctx: ServiceContext, input: ImportInput) => { jobId: string };
  status: (jobId: string) => ImportStatus;
  /** Stop a running job and answer its final status (`annulleret`, or `færdig` when the write had already committed). */
  cancel: (jobId: string) => Promise<ImportStatus>;
}>;

export type ImportJobsOptions = Readonly<{
  log?: (message: string, error: unknown) => void;
  /** The backend's write lock, held while the import writes (write-lock.ts). */
  lock?: WriteLock;
  onChange?: (event: ImportJobEvent) => void;
}>;

const FINAL: ReadonlySet<ImportStatus['phase']> = new Set(['færdig', 'fejlet', 'annulleret']);

type Job = { status: ImportStatus; controller: AbortController; settled: Promise<void> };

export function createImportJobs(opts: ImportJobsOptions = {}): ImportJobs {
  const log = opts.log ?? ((m, e) => console.error(m, e));
  const jobs = new Map<string, Job>();

  function forgetOldFinished(): void {
    const finished = [...jobs].filter(([, j]) => FINAL.has(j.status.phase));
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(id);
  }

  function find(jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw new AppError('not_found', 'Importen findes ikke (den kan være afsluttet for længe siden). Start importen igen.');
    return job;
  }

  return {
    start(ctx, input) {
      const jobId = randomUUID();
      const controller = new AbortController();
      let settle: () => void = () => {};
      const job: Job = { status: { phase: 'læser', done: 0, total: 0, report: null, failure: null }, controller, settled: new Promise((r) => (settle = r)) };
      jobs.set(jobId, job);
      const update = (patch: Partial<ImportStatus>) => {
        job.status = { ...job.status, ...patch };
        opts.onChange?.({ jobId, status: { ...job.status } });
      };
      const options = opts.lock ? { signal: controller.signal, lock: opts.lock } : { signal: controller.signal };
      // Started on the next turn so `start` returns the id before any work (and any failure) happens.
      setImmediate(() => {
        runImport(ctx, input, (p) => update({ phase: p.phase, done: p.done, total: p.total }), options)
          .then((report) => update({ phase: 'færdig', report }))
          .catch((e: unknown) => {
            if (controller.signal.aborted) {
              update({ phase: 'annulleret' });
              return;
            }
            log('Importen fejlede', e);
            update({
              phase: 'fejlet',
              failure: `Importen mislykkedes, og intet er gemt. ${e instanceof AppError ? e.message : 'Der opstod en uventet fejl i databasen.'}`,
            });
          })
          .finally(() => {
            settle();
            forgetOldFinished();
          });
      });
      return { jobId };
    },
    status(jobId) {
      return { ...find(jobId).status };
    },
    async cancel(jobId) {
      const job = find(jobId);
      if (!FINAL.has(job.status.phase)) {
        job.controller.abort();
        // At most one chunk away (import.ts checks the signal between chunks).
        await job.settled;
      }
      return { ...job.status };
    },
  };
}
