/**
 * The backend process: `utilityProcess.fork(dist/electron/backend.cjs)` in the app (bundled by
 * build/scripts/build.mjs), `child_process.fork(electron/backend/entry.ts)` through tsx for the
 * preview server and the tests (fork.ts).
 */
import { serveBackend } from './host';
import { processPort } from './port';

// Ctrl+C in a terminal reaches the whole process group; the parent closes us properly (checkpointed
// WAL) when it stops, so the signal itself is ignored here.
process.on('SIGINT', () => {});
serveBackend(processPort(), { exit: (code) => process.exit(code) });
