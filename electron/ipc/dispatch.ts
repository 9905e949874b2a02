/**
 * The one place a request is checked and answered, whatever carried it (Electron IPC, the preview
 * server, the e2e test bridge): unknown channel → refused; payload parsed with the contract's input
 * schema; handler called; output checked against the output schema; every failure becomes
 * `{ ok: false, error }` with a Danish message (architecture rule 5).
 */
import { requests, type Channel, type OutputOf, type ParsedInputOf } from '../../shared/ipc/contract';
import { AppError, type Result } from '../../shared/ipc/result';

export type Handlers = { [C in Channel]: (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>> };

export type Dispatch = (channel: string, payload: unknown) => Promise<Result<unknown>>;

export type DispatchOptions = Readonly<{ log?: (message: string, error: unknown) => void }>;

function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(requests, name);
}

export function createDispatch(handlers: Handlers, opts: DispatchOptions = {}): Dispatch {
  const log = opts.log ?? ((message, error) => console.error(message, error));
  return async (channel, payload) => {
    if (!isChannel(channel)) return { ok: false, error: { code: 'bad_request', message: `Ukendt forespørgsel: ${channel}` } };
    const spec = requests[channel];
    const parsed = spec.input.safeParse(payload ?? {});
    if (!parsed.success) {
      log(`Ugyldige data til ${channel}`, parsed.error);
      return { ok: false, error: { code: 'bad_request', message: 'Forespørgslen indeholdt ugyldige data og blev afvist.' } };
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
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
