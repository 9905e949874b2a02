/**
 * "Vis nøglen" (Databeskyttelse → Databasenøgle): the database key, so the municipality's IT can keep
 * a copy in its password vault. Without it the database and every backup are lost with the Windows
 * profile that holds the key (electron/security/db-key.ts), however many verified backups there are.
 *
 * The backend already holds the key (the app sends it in the `open` message); this only answers it to
 * a chosen adviser and records that it was shown (GDPR art. 32: who had access to the means of
 * opening the data). The audit entry says which kind of key it was, never the key itself: the log is
 * exported as CSV/JSON and must not become a second copy of it. A passphrase is not shown either: IT
 * gave it through OMBUD_DB_KEY / OMBUD_DB_KEY_FILE and already has it.
 */
import { appendAudit } from '../../db/queries/audit';
import { AppError } from '../../shared/ipc/result';
import type { ServiceContext } from './context';

export type RevealedDbKey = Readonly<{ kind: 'raw'; hex: string }> | Readonly<{ kind: 'passphrase' }>;

export const KEY_SHOWN_ACTION = 'Databasenøglen vist';

export const NO_KEY_IN_MEMORY = 'Databasen i hukommelsen har ingen nøgle.';

export function revealDbKey(ctx: ServiceContext): RevealedDbKey {
  const key = ctx.dbKey;
  // openApp refuses a database file without a key, so only an in-memory database has none.
  if (key === null) throw new AppError('not_found', NO_KEY_IN_MEMORY);
  const actor = ctx.actor();
  ctx.db.transaction(() => {
    appendAudit(ctx.db, {
      at: ctx.clock.now().toISOString(), actor, entity: 'settings', entityId: null, caseId: null, action: KEY_SHOWN_ACTION,
      changes: [{ field: 'Nøgle', before: '', after: key.kind === 'raw' ? 'Rå nøgle (64 hex-cifre)' : 'Adgangssætning (ikke vist)' }],
    });
  })();
  return key.kind === 'raw' ? { kind: 'raw', hex: key.hex } : { kind: 'passphrase' };
}
