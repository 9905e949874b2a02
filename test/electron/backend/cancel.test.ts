/**
 * Cancelling an import (`import:cancel`): the job stops at the next chunk boundary — while checking
 * rows or in the middle of writing — and the database is exactly as before: no henvendelse, no
 * klagepunkt, no history entry, no new catalogue entry, the indexes (which a large import drops and
 * rebuilds) all back, and the next import works. Requests that arrive while the import writes wait
 * for it, so none of them sees half an import or runs inside its transaction.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJobEvent } from '../../../electron/services/import-jobs';
import { openApp, type OpenedApp } from '../../../electron/services/open-app';
import { getSettings } from '../../../electron/services/settings';
import { WRITE_CHUNK } from '../../../electron/services/import-write';
import { defaultCaseListQuery } from '../../../shared/domain/case-list';
import { fixedClock } from '../../../shared/domain/dates';
import type { ImportStatus } from '../../../shared/domain/import-report';
import { generateDemoRows } from '../../../shared/demo/generate';
import { writeCsv } from '../../../shared/import/csv';

/** Enough henvendelser for several write chunks (and bulk-load mode), little enough to stay quick. */
let contentBase64: string;
let henvendelser: number;

beforeAll(() => {
  const demo = generateDemoRows({ seed: 8, klagepunkter: 12_000, today: '2025-06-30' });
  henvendelser = demo.henvendelser;
  contentBase64 = Buffer.from(writeCsv([demo.header, ...demo.rows]), 'utf8').toString('base64');
});

type Snapshot = Record<string, unknown>;

function snapshot(app: OpenedApp): Snapshot {
  const db = app.ctx.db;
  const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    cases: n('cases'), points: n('complaint_points'), audit: n('audit_log'), requests: n('requests'), recommendations: n('recommendations'),
    forvaltninger: n('forvaltninger'), afdelinger: n('afdelinger'), themes: n('themes'), search: n('case_fts'),
    indexes: db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").all(),
    integrity: db.pragma('integrity_check', { simple: true }),
    inTransaction: db.inTransaction,
  };
}

describe('import:cancel', () => {
  let app: OpenedApp | undefined;
  afterEach(() => app?.close());

  /** Open a backend whose import events go to `onEvent`; calls act as the seeded adviser. */
  function open(onEvent: (e: ImportJobEvent) => void) {
    app = openApp({ file: ':memory:', mode: 'test', clock: fixedClock('2025-07-01T08:00:00Z'), log: () => {}, onImportChange: onEvent });
    const actor = { adviserId: getSettings(app.ctx).advisers[0]!.id };
    const opened = app;
    return (channel: string, input: unknown) => opened.dispatch(channel, input, actor);
  }

  async function finalStatus(call: ReturnType<typeof open>, jobId: string): Promise<ImportStatus> {
    for (;;) {
      const r = (await call('import:status', { jobId })) as { ok: true; value: ImportStatus };
      if (['færdig', 'fejlet', 'annulleret'].includes(r.value.phase)) return r.value;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  it('stops mid-write, rolls everything back, and the next import works', async () => {
    let cancelAt: ImportStatus | null = null;
    let cancelled: Promise<unknown> | null = null;
    let listed: Promise<unknown> | null = null;
    const call = open((e) => {
      // After the first chunk is written, inside the open transaction: ask for the list, and cancel.
      if (cancelled === null && e.status.phase === 'skriver' && e.status.done > 0) {
        cancelAt = e.status;
        listed = call('cases:list', defaultCaseListQuery());
        cancelled = call('import:cancel', { jobId: e.jobId });
      }
    });
    const before = snapshot(app!);
    const started = (await call('import:start', { fileName: 'demo.csv', contentBase64, dryRun: false })) as { ok: true; value: { jobId: string } };
    const status = await finalStatus(call, started.value.jobId);

    // Cancelled with part of the file written and more to come.
    expect(henvendelser).toBeGreaterThan(2 * WRITE_CHUNK);
    const at = cancelAt as ImportStatus | null;
    expect(at?.phase).toBe('skriver');
    expect(at!.done).toBeGreaterThan(0);
    expect(at!.done).toBeLessThan(at!.total);
    expect(status).toMatchObject({ phase: 'annulleret', report: null, failure: null });
    expect(await cancelled).toEqual({ ok: true, value: status });
    expect(snapshot(app!)).toEqual(before);
    // The list was asked for with a chunk already inserted in the open transaction: had it run then,
    // it would have seen those rows. It waited for the rollback and saw nothing of the import.
    expect(await listed).toMatchObject({ ok: true, value: { total: 0, rows: [] } });

    const again = (await call('import:start', { fileName: 'demo.csv', contentBase64, dryRun: false })) as { ok: true; value: { jobId: string } };
    const done = await finalStatus(call, again.value.jobId);
    expect(done).toMatchObject({ phase: 'færdig', report: { ok: true, henvendelser } });
    expect(snapshot(app!)).toMatchObject({ cases: henvendelser, integrity: 'ok', inTransaction: false });
  });

  it('stops while checking rows; nothing was written', async () => {
    let cancelled: Promise<unknown> | null = null;
    const call = open((e) => {
      if (cancelled === null && e.status.phase === 'kontrollerer' && e.status.done > 0) cancelled = call('import:cancel', { jobId: e.jobId });
    });
    const before = snapshot(app!);
    const started = (await call('import:start', { fileName: 'demo.csv', contentBase64, dryRun: false })) as { ok: true; value: { jobId: string } };
    const status = await finalStatus(call, started.value.jobId);
    expect(status.phase).toBe('annulleret');
    expect(await cancelled).toMatchObject({ ok: true, value: { phase: 'annulleret' } });
    expect(snapshot(app!)).toEqual(before);
  });

  it('a finished job stays finished; an unknown job is not_found; cancelling needs a chosen adviser', async () => {
    const call = open(() => {});
    const csv = Buffer.from('sagsnr;modtaget;type\nC-1;2025-01-06;vejledning\n', 'utf8').toString('base64');
    const started = (await call('import:start', { fileName: 'lille.csv', contentBase64: csv, dryRun: false })) as { ok: true; value: { jobId: string } };
    const done = await finalStatus(call, started.value.jobId);
    expect(done.phase).toBe('færdig');
    expect(await call('import:cancel', { jobId: started.value.jobId })).toEqual({ ok: true, value: done });
    expect(await call('import:cancel', { jobId: 'findes-ikke' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await app!.dispatch('import:cancel', { jobId: started.value.jobId }, null)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
