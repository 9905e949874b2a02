/**
 * The renderer's only way to the backend: `send(channel, input)` calls `window.api[channel]` with
 * the input and who acts, unwraps the Result and throws an ApiError on `{ ok: false }`, so screens
 * use try/catch and a typed `fields` map instead of inspecting Results everywhere.
 *
 * Who acts is the adviser chosen on the start screen (features/actor/): set once here with
 * `setActor`, it goes with every call, so no screen can forget it.
 */
import type { ActorRef } from '../../../shared/ipc/actor';
import type { Channel, InputOf, OutputOf } from '../../../shared/ipc/contract';
import type { ErrorCode } from '../../../shared/ipc/result';

export class ApiError extends Error {
  readonly code: ErrorCode;
  /** Field path → Danish message (`citizen.cpr`, `points.0.forvaltningId`, …). */
  readonly fields: Readonly<Record<string, string>>;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.fields = fields ?? {};
  }
}

let actor: ActorRef | null = null;

/** The adviser every following call acts as (null: nobody chosen; the backend then answers reads only). */
export function setActor(next: ActorRef | null): void {
  actor = next;
}

export async function send<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const api = typeof window === 'undefined' ? undefined : window.api;
  if (!api) throw new ApiError('internal', 'Forbindelsen til programmets database mangler. Genstart Ombud.');
  // The mapped RendererApi type cannot be indexed generically without widening; the cast keeps the
  // channel/input/output link that the signature of send() already guarantees.
  const method = api[channel] as unknown as (input: InputOf<C>, actor: ActorRef | null) => Promise<
    { ok: true; value: OutputOf<C> } | { ok: false; error: { code: ErrorCode; message: string; fields?: Record<string, string> } }
  >;
  let result;
  try {
    result = await method(input, actor);
  } catch {
    throw new ApiError('internal', 'Der kunne ikke skabes forbindelse til databasen. Prøv igen.');
  }
  if (result.ok) return result.value;
  throw new ApiError(result.error.code, result.error.message, result.error.fields);
}

/** The Danish text to show for any thrown value (ApiError or an unexpected bug). */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  return 'Der opstod en uventet fejl. Prøv igen, og kontakt support hvis det gentager sig.';
}

/**
 * The heading of a form's error summary after a failed save: field errors (found by the backend or
 * in the form) read "<X> er ikke gemt. Ret de markerede felter." whichever side found them, so the
 * summary has one wording and a field's message is not repeated as the heading; anything else says
 * what went wrong.
 */
export function notSavedMessage(e: unknown, notSaved: string): string {
  return e instanceof ApiError && Object.keys(e.fields).length > 0 ? notSaved : errorMessage(e);
}
