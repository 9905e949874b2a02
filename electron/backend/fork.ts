/**
 * The backend as a plain Node child process (child_process.fork), for the preview server and the
 * tests; the app uses Electron's utilityProcess instead (main.ts). The entry runs from source
 * through tsx, as the preview server itself does.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BackendLink } from './client';

export const BACKEND_ENTRY_SOURCE = fileURLToPath(new URL('./entry.ts', import.meta.url));

/** `--import <tsx>`: lets plain Node run the TypeScript entry (tsx is a runtime dependency). */
function tsxImport(): string[] {
  return ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
}

export type ForkOptions = Readonly<{ entry?: string; env?: NodeJS.ProcessEnv }>;

export function forkBackend(opts: ForkOptions = {}): BackendLink {
  const entry = opts.entry ?? BACKEND_ENTRY_SOURCE;
  const child = fork(entry, [], {
    // Not the parent's execArgv: a test runner's or debugger's flags do not belong in the backend.
    execArgv: entry.endsWith('.ts') ? tsxImport() : [],
    // Structured data both ways, like a utilityProcess; large strings (an import file) cross as is.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    ...(opts.env ? { env: opts.env } : {}),
  });
  const exitListeners: Array<(code: number | null) => void> = [];
  let ended = false;
  const end = (code: number | null) => {
    if (ended) return;
    ended = true;
    for (const l of exitListeners) l(code);
  };
  child.once('exit', (code) => end(code));
  child.once('error', () => end(null));
  return {
    post: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => {
      child.on('message', listener);
    },
    onExit: (listener) => {
      exitListeners.push(listener);
    },
    kill: () => {
      child.kill();
    },
  };
}
