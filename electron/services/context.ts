/**
 * What every service receives: the database handle, the clock and who is acting. Services never
 * import 'electron'; the shell, the CLI, the preview server and the tests all build this object.
 */
import type { Clock } from '../../shared/domain/dates';
import type { DbKey } from '../../db/key';
import type { WritableDB } from '../../db/types';

/** Who opened the backend: the desktop app, the browser preview, the command line, or a test. */
export type RunMode = 'electron' | 'preview' | 'cli' | 'test';

export type ServiceContext = Readonly<{
  db: WritableDB;
  clock: Clock;
  mode: RunMode;
  databasePath: string;
  appVersion: string;
  /** The database's key (db/key.ts), for copies that must be opened again (backups); null in memory. */
  dbKey: DbKey | null;
  /**
   * Name recorded in the history for changes made now: the adviser the call carries (dispatch gives
   * every call its own context, services/actor.ts `withActor`). Throws a Danish `forbidden` error
   * when nobody is chosen, so a change is refused rather than recorded under a made-up name.
   */
  actor: () => string;
}>;
