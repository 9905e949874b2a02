/**
 * The backend: opens the database with openApp (the same one the CLI and the tests use) when the
 * parent asks, answers every request through `dispatch`, relays each import job's progress, and
 * closes the database (WAL checkpointed) when told to. Requests are answered concurrently: a status
 * poll or a cancel is answered between two chunks of a running import, so nothing waits for a long
 * job to finish. A database that cannot be opened is reported as a Danish message, since only the
 * parent can show it (a dialog in the app, the terminal for the preview).
 */
import { DbFromFutureError, DbUnreadableError } from '../../db/errors';
import { fileActorStore, memoryActorStore } from '../services/actor';
import { getFristOverview, startupNotice } from '../services/deadlines';
import { openApp, type OpenedApp } from '../services/open-app';
import type { BackendPort } from './port';
import { asToBackend, type BackendOpenOptions, type StartupNotice, type ToBackend } from './protocol';

export type HostDeps = Readonly<{
  /** Ends the process once the database is closed. */
  exit: (code: number) => void;
  log?: (message: string, error: unknown) => void;
}>;

/** The Danish text shown when the database cannot be opened. */
export function startupErrorText(e: unknown, file: string): string {
  if (e instanceof DbFromFutureError) return e.message;
  if (e instanceof DbUnreadableError) {
    return `${e.message}\n\nFilen er ikke ændret. Kontakt IT-supporten, eller flyt filen væk for at starte med en tom database.`;
  }
  const detail = e instanceof Error ? e.message : String(e);
  return `Databasen ${file} kunne ikke åbnes.\n\n${detail}\n\nIntet er ændret. Kontakt IT-supporten, hvis fejlen gentager sig.`;
}

const NOT_OPEN = { code: 'internal', message: 'Databasen er ikke åbnet endnu. Vent et øjeblik, og prøv igen.' } as const;

/** The start-up reminder; it must never stop the backend from starting. */
function noticeFor(app: OpenedApp, log: NonNullable<HostDeps['log']>): StartupNotice | null {
  try {
    return startupNotice(getFristOverview(app.ctx));
  } catch (e) {
    log('Ombud kunne ikke beregne fristpåmindelsen', e);
    return null;
  }
}

export function serveBackend(port: BackendPort, deps: HostDeps): void {
  const log = deps.log ?? ((message, error) => console.error(message, error));
  let app: OpenedApp | null = null;
  let closing = false;

  function open(options: BackendOpenOptions): void {
    if (app !== null) {
      log('Ombuds backend blev bedt om at åbne en database igen; den første forbliver åben', options.file);
      return;
    }
    try {
      app = openApp({
        file: options.file,
        mode: options.mode,
        appVersion: options.appVersion,
        nativeBinding: options.nativeBinding,
        actorStore: options.actorFile === null ? memoryActorStore() : fileActorStore(options.actorFile),
        onImportChange: ({ jobId, status }) => port.post({ type: 'import-progress', jobId, status }),
        log,
      });
    } catch (e) {
      log('Ombud kunne ikke åbne databasen', e);
      port.post({ type: 'open-failed', message: startupErrorText(e, options.file) });
      return;
    }
    port.post({ type: 'opened', notice: noticeFor(app, log) });
    // After 'opened', so the window is usable at once; `audit:status` answers "checking" meanwhile.
    app.checkAuditChain().then(
      (status) => {
        if (status.state === 'broken') log('Revisionssporet er brudt', status.reason);
      },
      (e: unknown) => log('Ombud kunne ikke kontrollere revisionssporet', e),
    );
  }

  async function answer(msg: Extract<ToBackend, { type: 'request' }>): Promise<void> {
    const result = app === null ? { ok: false as const, error: NOT_OPEN } : await app.dispatch(msg.channel, msg.input, msg.actor);
    if (!closing) port.post({ type: 'reply', id: msg.id, result });
  }

  function close(): void {
    if (closing) return;
    closing = true;
    try {
      app?.close();
    } catch (e) {
      log('Ombud kunne ikke lukke databasen rent', e);
    }
    app = null;
    port.post({ type: 'closed' });
    deps.exit(0);
  }

  port.onMessage((raw) => {
    const msg = asToBackend(raw);
    if (msg === null) {
      log('Ombuds backend fik en ukendt besked og ignorerede den', raw);
      return;
    }
    if (closing) return;
    if (msg.type === 'open') open(msg.options);
    else if (msg.type === 'request') {
      answer(msg).catch((e: unknown) => log('Ombuds backend kunne ikke svare', e));
    } else close();
  });
  // Under child_process.fork: the parent is gone, so nobody will ask us to close.
  port.onParentGone(close);
  port.post({ type: 'listening' });
}
