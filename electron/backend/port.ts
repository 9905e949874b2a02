/**
 * The backend's end of its message channel, whichever way it was started: Electron's
 * `process.parentPort` in a utilityProcess (the app), or Node's IPC channel (`process.send`) under
 * child_process.fork (the preview server, the tests). The host (host.ts) sees only this, so all of
 * it runs and is tested in plain Node.
 */
import type { FromBackend } from './protocol';

export type BackendPort = Readonly<{
  post: (message: FromBackend) => void;
  onMessage: (listener: (message: unknown) => void) => void;
  /** The parent went away without saying goodbye (Node IPC only; Electron ends a utilityProcess itself). */
  onParentGone: (listener: () => void) => void;
}>;

/** Electron's parentPort, as far as the backend uses it (Electron docs, "parentPort"). */
type ParentPortLike = {
  postMessage: (message: unknown) => void;
  on: (event: 'message', listener: (event: { data: unknown }) => void) => void;
};

type ProcessLike = Pick<NodeJS.Process, 'on' | 'send'> & { parentPort?: ParentPortLike };

export function processPort(proc: ProcessLike = process as ProcessLike): BackendPort {
  const parentPort = proc.parentPort;
  if (parentPort) {
    return {
      post: (m) => parentPort.postMessage(m),
      onMessage: (listener) => parentPort.on('message', (e) => listener(e.data)),
      onParentGone: () => {},
    };
  }
  const send = proc.send?.bind(proc);
  if (send) {
    return {
      post: (m) => {
        send(m);
      },
      onMessage: (listener) => {
        proc.on('message', listener);
      },
      onParentGone: (listener) => {
        proc.on('disconnect', listener);
      },
    };
  }
  throw new Error('Ombuds backend skal startes af Ombud selv (som utilityProcess eller med child_process.fork), ikke direkte.');
}
