/**
 * The one place a request is checked and answered, whatever carried it (the backend process behind
 * Electron IPC, the preview server, the e2e test bridge): unknown channel → refused; who acts
 * (shared/ipc/actor.ts) and the payload parsed with the contract's schemas; a change without a
 * chosen adviser refused; handler called with a context carrying this call's actor; output checked
 * against the output schema; every failure becomes `{ ok: false, error }` with a Danish message
 * (architecture rule 5), SQLite's English never among them (db/errors.ts). "Intet er gemt" is said
 * only when nothing was committed: a failure after the commit (reading the answer back, the output
 * check) is answered "Ændringen er gemt, men …" (db/queries/commits.ts). While the database file is
 * known to be damaged (services/integrity.ts), every change is refused and reads run read-only.
 */
import { findUnsafeText } from '../../shared/domain/text-safety';
import { tooLongMessage } from '../../shared/domain/case';
import { ActorRefSchema, CHANNELS_WITHOUT_ACTOR, NO_ACTOR_MESSAGE, type ActorRef } from '../../shared/ipc/actor';
import { requests, type Channel, type OutputOf, type ParsedInputOf } from '../../shared/ipc/contract';
import { sqliteErrorText } from '../../db/errors';
import { DAMAGED_REFUSAL } from '../../shared/domain/integrity';
import { AppError, type Result } from '../../shared/ipc/result';
import type { CallActor } from '../services/actor';
import type { WriteLock } from '../services/write-lock';

export type Handlers = { [C in Channel]: (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>> };

/** Answer one request: the channel, its input and who acts (an `ActorRef` or null), as the envelope carries them. */
export type Dispatch = (channel: string, payload: unknown, actor: unknown) => Promise<Result<unknown>>;

export type DispatchOptions = Readonly<{
  /** Who the envelope's adviser is, looked up per call (services/actor.ts `resolveActor`). */
  resolveActor: (ref: ActorRef | null) => CallActor;
  /** Held while the import writes; every request that touches the database waits for it. */
  lock?: WriteLock;
  log?: (message: string, error: unknown) => void;
  /** Whether the connection committed since a mark (db/queries/commits.ts); absent: assume nothing was. */
  commits?: Readonly<{ mark: () => unknown; committedSince: (mark: unknown) => boolean }>;
  /** The file's health (services/integrity.ts). */
  integrity?: Readonly<{
    damaged: () => boolean;
    noteError: (e: unknown) => void;
    /** Run a read so that nothing it writes on the way reaches the file. */
    readOnly: <T>(work: () => Promise<T>) => Promise<T>;
  }>;
}>;

/** Answered even while the import holds the write lock: they never touch the database. */
const WITHOUT_LOCK: ReadonlySet<Channel> = new Set<Channel>(['app:info', 'import:status', 'import:cancel', 'system:integrity']);

/**
 * What a damaged file still answers, so the adviser can look things up and export before restoring:
 * the channels that read and log nothing (CHANNELS_WITHOUT_ACTOR, except registering an adviser)
 * and the reads that are logged (a revealed CPR number, an export, a document read). Anything else
 * is a change and is refused; a new channel is refused by default.
 */
export const READABLE_WHEN_DAMAGED: ReadonlySet<Channel> = new Set<Channel>([
  ...[...CHANNELS_WITHOUT_ACTOR].filter((c) => c !== 'actor:register'),
  'cases:reveal-cpr',
  'export:build',
  'report:export',
  'documents:list',
  'documents:inspect',
  'documents:open',
  'documents:content',
  'documents:search',
  'journal:list',
  'journal:search',
  // The key is what opening a backup elsewhere needs, so it stays available on a damaged file (its
  // audit entry is rolled back with the rest, like every read answered then).
  'security:reveal-key',
  // Stopping an import rolls it back: nothing is written.
  'import:cancel',
]);

const INTERNAL = 'Der opstod en intern fejl.';

/** The answer to a failure: whether the work was committed decides between "gemt, men" and "intet gemt". */
function failureMessage(e: unknown, saved: boolean): string {
  const cause = e instanceof AppError ? e.message.replace(/\s*Intet er gemt\.\s*/u, ' ').trim() : (sqliteErrorText(e) ?? INTERNAL);
  if (saved) return `Ændringen er gemt, men svaret kunne ikke vises: ${cause} Åbn siden igen for at se ændringen, og kontakt support, hvis det gentager sig.`;
  if (e === null) return 'Der opstod en intern fejl. Prøv igen, og kontakt support hvis det gentager sig.';
  const told = sqliteErrorText(e);
  return told === null
    ? 'Der opstod en uventet fejl. Intet er gemt. Prøv igen, og kontakt support hvis det gentager sig.'
    : `${told} Intet er gemt. Prøv igen, og kontakt IT-supporten, hvis det gentager sig.`;
}

/** The raw value at a zod issue's path, for a message that names its length. */
function valueAt(payload: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = payload;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(requests, name);
}

/** `handlersFor` gives the handlers bound to one call's actor (open-app.ts builds them per call). */
export function createDispatch(handlersFor: (actor: CallActor) => Handlers, opts: DispatchOptions): Dispatch {
  const log = opts.log ?? ((message, error) => console.error(message, error));
  const lock = opts.lock;
  return async (channel, payload, actor) => {
    if (!isChannel(channel)) return { ok: false, error: { code: 'bad_request', message: `Ukendt forespørgsel: ${channel}` } };
    const ref = ActorRefSchema.nullable().safeParse(actor ?? null);
    if (!ref.success) {
      log(`Ugyldig afsender til ${channel}`, ref.error);
      return { ok: false, error: { code: 'bad_request', message: 'Forespørgslen sagde ikke gyldigt, hvem der handler, og blev afvist.' } };
    }
    // Nobody chosen: refused before anything else is looked at, so no change can start.
    if (ref.data === null && !CHANNELS_WITHOUT_ACTOR.has(channel)) return { ok: false, error: { code: 'forbidden', message: NO_ACTOR_MESSAGE } };
    const spec = requests[channel];
    const parsed = spec.input.safeParse(payload ?? {});
    if (!parsed.success) {
      // A limit the adviser can act on (a file over 50 MB) keeps its own words, on its field.
      const told = parsed.error.issues.find((i) => i.code === 'custom' && (i as { params?: { adviser?: boolean } }).params?.adviser === true);
      if (told) return { ok: false, error: { code: 'validation', message: told.message, fields: { [told.path.join('.')]: told.message } } };
      // A text over its field's cap gets the form's words (tooLongMessage), not a bare refusal.
      const long = parsed.error.issues.find((i) => i.code === 'too_big' && i.origin === 'string');
      if (long && long.code === 'too_big') {
        const value = valueAt(payload, long.path);
        const message = tooLongMessage(typeof value === 'string' ? value : '', Number(long.maximum)) ?? `Teksten er for lang; højst ${String(long.maximum)} tegn er tilladt.`;
        return { ok: false, error: { code: 'validation', message, fields: { [long.path.join('.')]: message } } };
      }
      log(`Ugyldige data til ${channel}`, parsed.error);
      return { ok: false, error: { code: 'bad_request', message: 'Forespørgslen indeholdt ugyldige data og blev afvist.' } };
    }
    // NUL and bidi overrides are refused in every text of every channel (text-safety.ts).
    const unsafe = findUnsafeText(parsed.data);
    if (unsafe !== null) return { ok: false, error: { code: 'validation', message: unsafe.message, fields: { [unsafe.path]: unsafe.message } } };
    try {
      if (lock && !WITHOUT_LOCK.has(channel)) {
        while (lock.held()) await lock.released();
      }
      // From here to the handler's first await nothing else runs (services are synchronous), so no
      // request can slip into the import's open transaction.
      const who = opts.resolveActor(ref.data);
      if (who.name === null && !CHANNELS_WITHOUT_ACTOR.has(channel)) return { ok: false, error: { code: 'forbidden', message: who.refusal } };
      const guard = opts.integrity;
      if (guard?.damaged() && !READABLE_WHEN_DAMAGED.has(channel)) return { ok: false, error: { code: 'conflict', message: DAMAGED_REFUSAL } };
      const handler = handlersFor(who)[channel] as (input: unknown) => unknown;
      const mark = opts.commits?.mark();
      const saved = () => mark !== undefined && opts.commits!.committedSince(mark);
      let value: unknown;
      try {
        // The lock-free channels touch no database (a cancel must not wait for the import it stops).
        value = guard?.damaged() && !WITHOUT_LOCK.has(channel) ? await guard.readOnly(async () => handler(parsed.data)) : await handler(parsed.data);
      } catch (e) {
        guard?.noteError(e);
        const committed = saved();
        if (e instanceof AppError && !committed) return { ok: false, error: e.toData() };
        log(`Fejl i ${channel}${committed ? ' efter at ændringen var gemt' : ''}`, e);
        return { ok: false, error: { code: 'internal', message: failureMessage(e, committed) } };
      }
      const out = spec.output.safeParse(value);
      if (!out.success) {
        const committed = saved();
        log(`Svaret fra ${channel} passer ikke til kontrakten${committed ? ' (ændringen er gemt)' : ''}`, out.error);
        return { ok: false, error: { code: 'internal', message: failureMessage(null, committed) } };
      }
      return { ok: true, value: out.data };
    } catch (e) {
      // Only the actor lookup and the lock can fail here: nothing has been written yet.
      opts.integrity?.noteError(e);
      if (e instanceof AppError) return { ok: false, error: e.toData() };
      log(`Fejl i ${channel}`, e);
      return { ok: false, error: { code: 'internal', message: failureMessage(e, false) } };
    }
  };
}
