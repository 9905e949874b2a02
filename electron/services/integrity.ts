/**
 * The database file's health while Ombud runs. After the file is opened, SQLite's full
 * `integrity_check` reads every page in a worker thread with its own read-only connection
 * (db/queries/integrity.ts), so requests are answered meanwhile. Its result is the `system:integrity`
 * channel (the app shell shows a banner when the file is damaged). A request that meets damage
 * itself (SQLITE_CORRUPT, SQLITE_NOTADB while reading) marks the file damaged too.
 *
 * Once damage is known, the file is never written to again: dispatch refuses every change with
 * `DAMAGED_REFUSAL`, and the reads it still answers (so the adviser can look things up and export)
 * run inside a transaction that is always rolled back, so not even an export's audit entry reaches
 * the damaged file. Restoring the newest good backup is the way out.
 */
import { isDamageCode, sqliteCode, sqliteErrorText } from '../../db/errors';
import type { DbKey } from '../../db/key';
import { runIntegrityCheck, type IntegrityCheckResult } from '../../db/queries/integrity';
import { formatDanishDateTime, type Clock } from '../../shared/domain/dates';
import type { IntegrityState } from '../../shared/domain/integrity';

export type IntegrityMonitor = Readonly<{
  state: () => IntegrityState;
  /** Run the full check now (again); resolves with its result. Only one runs at a time. */
  check: () => Promise<IntegrityState>;
  /** A request met this error: when it says the file is damaged, the file is treated as damaged from now on. */
  noteError: (e: unknown) => void;
  /** True once the file is known to be damaged. */
  damaged: () => boolean;
}>;

export type IntegrityMonitorOptions = Readonly<{
  /** The database file; null for an in-memory database (nothing to check). */
  file: string | null;
  key: DbKey | null;
  nativeBinding?: string | undefined;
  clock: Clock;
  log: (message: string, detail: unknown) => void;
  /** The check itself (tests may replace it). */
  run?: typeof runIntegrityCheck;
}>;

const DAMAGED_TEXT =
  'Databasefilen er beskadiget. Ombud gemmer ikke flere ændringer i den, så skaden ikke bliver større. ' +
  'Du kan stadig læse og eksportere. Gendan den nyeste gode sikkerhedskopi, og kontakt IT-supporten.';

export function createIntegrityMonitor(opts: IntegrityMonitorOptions): IntegrityMonitor {
  const run = opts.run ?? runIntegrityCheck;
  let current: IntegrityState = {
    status: 'ikke kontrolleret',
    message: opts.file === null ? 'Databasen ligger kun i hukommelsen og kontrolleres ikke.' : 'Databasen er endnu ikke kontrolleret.',
    checkedAt: null,
  };
  let running: Promise<IntegrityState> | null = null;

  function markDamaged(at: string): void {
    current = { status: 'beskadiget', message: DAMAGED_TEXT, checkedAt: at };
  }

  function settle(result: IntegrityCheckResult): IntegrityState {
    const at = opts.clock.now().toISOString();
    // Damage found by a request meanwhile is never undone by a check that began before it.
    if (current.status === 'beskadiget') return current;
    if (result.kind === 'ok') {
      current = { status: 'ok', message: `Databasen er kontrolleret og i orden (${formatDanishDateTime(at)}).`, checkedAt: at };
    } else if (result.kind === 'damaged' || isDamageCode(sqliteCode({ code: result.code }))) {
      opts.log('Databasekontrollen fandt skader', result);
      markDamaged(at);
    } else {
      opts.log('Databasekontrollen kunne ikke gennemføres', result);
      const why = sqliteErrorText({ code: result.code }) ?? 'Kontrollen kunne ikke gennemføres.';
      current = { status: 'ikke kontrolleret', message: `Databasen kunne ikke kontrolleres: ${why} Prøv igen senere.`, checkedAt: at };
    }
    return current;
  }

  return {
    state: () => current,
    damaged: () => current.status === 'beskadiget',
    noteError(e) {
      if (opts.file !== null && isDamageCode(sqliteCode(e))) {
        opts.log('En forespørgsel mødte en beskadiget databasefil', e);
        markDamaged(opts.clock.now().toISOString());
      }
    },
    check() {
      const file = opts.file;
      if (file === null) return Promise.resolve(current);
      if (running) return running;
      if (current.status !== 'beskadiget') current = { ...current, status: 'kører', message: 'Databasen kontrolleres i baggrunden. Du kan arbejde imens.' };
      running = run({ file, key: opts.key, nativeBinding: opts.nativeBinding }).then((r) => {
        running = null;
        return settle(r);
      });
      return running;
    },
  };
}
