/**
 * Test projects (architecture § 3.5): `node` for shared/db/electron, `dom` for React components
 * (jsdom, with window.api bound to the real services on an in-memory database), `e2e` for the real
 * UI in Debian's Chromium via playwright-core.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { TEST_DB_KEY_TEXT } from '../test/setup/db-key.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Per-test and per-hook limits for the node and dom projects. They catch a hang, not slowness: a
 * rendered screen that takes 2 s on an idle machine takes 6 s when other work keeps both cores busy,
 * and vitest's 5 s default then failed sound tests. Speed is measured by `npm run bench`, never here.
 */
const LOADED_MACHINE_TIMEOUT = 30_000;

/**
 * Test files run at once. Vitest's default is one per core less one: a single worker on a 2-core
 * machine, which leaves a core unused when the machine is idle and gets the smallest share of the
 * CPU while other work keeps both cores busy (node + dom then took more than twice as long).
 */
const WORKERS = Math.max(2, availableParallelism() - 1);

export default defineConfig({
  root,
  test: {
    globals: true,
    maxWorkers: WORKERS,
    // Every file database is encrypted; child processes (CLI, preview, forked backend) inherit this.
    env: { OMBUD_DB_KEY: TEST_DB_KEY_TEXT },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/shared/**/*.test.ts', 'test/db/**/*.test.ts', 'test/electron/**/*.test.ts', 'test/build/**/*.test.ts'],
          setupFiles: ['test/setup/node.ts'],
          testTimeout: LOADED_MACHINE_TIMEOUT,
          hookTimeout: LOADED_MACHINE_TIMEOUT,
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.tsx', 'test/renderer/**/*.test.ts'],
          setupFiles: ['test/setup/dom.ts'],
          testTimeout: LOADED_MACHINE_TIMEOUT,
          hookTimeout: LOADED_MACHINE_TIMEOUT,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
