/** Shared set-up for the import/export tests: an in-memory Ombud with a fixed clock. */
import { afterEach } from 'vitest';
import { fixedClock } from '../../../shared/domain/dates';
import { writeCsv } from '../../../shared/import/csv';
import { openApp, type OpenedApp } from '../../../electron/services/open-app';

export const NOW = '2025-06-30T10:00:00.000Z';

export function memoryApp(): OpenedApp {
  return openApp({ file: ':memory:', mode: 'test', clock: fixedClock(NOW), actor: () => 'Testrådgiver', log: () => {} });
}

/** `app()` opens a fresh in-memory Ombud; every one opened in a test is closed after it. */
export function appsClosedAfterEach(): () => OpenedApp {
  const opened: OpenedApp[] = [];
  afterEach(() => opened.splice(0).forEach((a) => a.close()));
  return () => {
    const a = memoryApp();
    opened.push(a);
    return a;
  };
}

export function csvBytes(rows: string[][], separator: ';' | ',' = ';'): Uint8Array {
  return new TextEncoder().encode(writeCsv(rows, { separator }));
}

export function count(app: OpenedApp, table: string): number {
  return (app.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
