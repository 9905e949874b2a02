/**
 * The one place a request is checked and answered, whatever carried it (the backend process behind
 * Electron IPC, the preview server, the e2e test bridge): unknown channel → refused; who acts
 * (shared/ipc/actor.ts) and the payload parsed with the contract's schemas; a change without a
 * chosen adviser refused; handler called with a context carrying this call's actor; output checked
 * against the output schema; every failure becomes `{ ok: false, error }` with a Danish message
 * (architecture rule 5).
 */
import { findUnsafeText } from '../../shared/domain/text-safety';
import { tooLongMessage } from '../../shared/domain/case';
import { ActorRefSchema, CHANNELS_WITHOUT_ACTOR, NO_ACTOR_MESSAGE, type ActorRef } from '../../shared/ipc/actor';
import { requests, type Channel, type OutputOf, type ParsedInputOf } from '../../shared/ipc/contract';
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
}>;

/** Answered even while the import holds the write lock: they never touch the database. */
const WITHOUT_LOCK: ReadonlySet<Channel> = new Set<Channel>(['app:info', 'import:status', 'import:cancel']);

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
      const handler = handlersFor(who)[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      const out = spec.output.safeParse(value);
      if (!out.success) {
        log(`Svaret fra ${channel} passer ikke til kontrakten`, out.error);
        return { ok: false, error: { code: 'internal', message: 'Der opstod en intern fejl. Prøv igen, og kontakt support hvis det gentager sig.' } };
      }
      return { ok: true, value: out.data };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toData() };
      log(`Fejl i ${channel}`, e);
      return { ok: false, error: { code: 'internal', message: 'Der opstod en uventet fejl. Intet er gemt. Prøv igen, og kontakt support hvis det gentager sig.' } };
    }
  };
}
