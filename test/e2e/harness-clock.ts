/**
 * Letting time pass in an e2e test: close the app (the backend checkpoints its WAL into the file),
 * copy the database file, and open the copy with a later fixed clock – the same data, seen on a
 * later day, through a fresh page. The copy lives in its own temporary folder, removed after the
 * test; the first app's own cleanup is untouched.
 *
 *   const later = await reopenAt(e2e, app, '2025-04-02T09:00:00+02:00', `#/sager/${id}`);
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { OpenOptions, TestApp } from './harness';

type Opener = Readonly<{ open: (opts?: OpenOptions) => Promise<TestApp> }>;

export async function reopenAt(e2e: Opener, app: TestApp, now: string, hash?: string): Promise<TestApp> {
  await app.context.close();
  app.backend.close();
  const dir = await mkdtemp(path.join(tmpdir(), 'ombud-e2e-later-'));
  const databasePath = path.join(dir, 'ombud.sqlite');
  await copyFile(app.databasePath, databasePath);
  onTestFinished(async () => { await rm(dir, { recursive: true, force: true }); });
  return e2e.open({ now, databasePath, ...(hash === undefined ? {} : { hash }) });
}
