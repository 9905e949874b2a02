/**
 * Import as a background job the renderer polls (`import:start` → `import:status`), so a large file
 * shows progress instead of a frozen window. Jobs live in memory: a finished job's report stays
 * available until enough newer jobs push it out.
 */
import { randomUUID } from 'node:crypto';
import type { ImportStatus } from '../../shared/domain/import-report';
import { AppError } from '../../shared/ipc/result';
import type { ServiceContext } from './context';
import { runImport, type ImportInput } from './import';

/** Finished jobs kept for a late status poll. */
const KEEP_FINISHED = 20;

export type ImportJobs = Readonly<{
  start: (input: ImportInput) => { jobId: string };
  status: (jobId: string) => ImportStatus;
}>;

export function createImportJobs(ctx: ServiceContext, log: (message: string, error: unknown) => void = (m, e) => console.error(m, e)): ImportJobs {
  const jobs = new Map<string, ImportStatus>();

  function forgetOldFinished(): void {
    const finished = [...jobs].filter(([, s]) => s.phase === 'færdig' || s.phase === 'fejlet');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(id);
  }

  return {
    start(input) {
      const jobId = randomUUID();
      jobs.set(jobId, { phase: 'læser', done: 0, total: 0, report: null, failure: null });
      const update = (patch: Partial<ImportStatus>) => {
        const cur = jobs.get(jobId);
        if (cur) jobs.set(jobId, { ...cur, ...patch });
      };
      // Started on the next turn so `start` returns the id before any work (and any failure) happens.
      setImmediate(() => {
        runImport(ctx, input, (p) => update({ phase: p.phase, done: p.done, total: p.total }))
          .then((report) => update({ phase: 'færdig', report }))
          .catch((e: unknown) => {
            log('Importen fejlede', e);
            update({
              phase: 'fejlet',
              failure: `Importen mislykkedes, og intet er gemt. ${e instanceof AppError ? e.message : 'Der opstod en uventet fejl i databasen.'}`,
            });
          })
          .finally(forgetOldFinished);
      });
      return { jobId };
    },
    status(jobId) {
      const s = jobs.get(jobId);
      if (!s) throw new AppError('not_found', 'Importen findes ikke (den kan være afsluttet for længe siden). Start importen igen.');
      return { ...s };
    },
  };
}
