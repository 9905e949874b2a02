/**
 * Binds window.api to the REAL backend, in-process: openApp() on an in-memory SQLite database with a
 * fixed clock, and one method per channel calling its dispatcher with the input and who acts —
 * exactly the object the preload exposes in Electron. No fake backend: a component test passes only
 * if the services accept what the UI sends. The seeded adviser is remembered as chosen at start, so
 * the app opens on its screens rather than the chooser (test/renderer/actor.test.tsx covers that).
 */
import { memoryActorStore } from '../../electron/services/actor';
import { openApp, type OpenedApp } from '../../electron/services/open-app';
import { getSettings } from '../../electron/services/settings';
import type { CaseInput } from '../../shared/domain/case';
import { fixedClock } from '../../shared/domain/dates';
import type { RendererApi } from '../../shared/ipc/api';
import { CHANNELS } from '../../shared/ipc/channels';
import type { Channel, InputOf, OutputOf } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';

/** "Now" in every renderer test: 14 March 2025, 11:00 Copenhagen time. */
export const TEST_NOW = '2025-03-14T10:00:00.000Z';
export const TEST_TODAY = '2025-03-14';

export type RealApi = OpenedApp & {
  api: RendererApi;
  /** The adviser the app acts as (the seeded one), and the name the history records for it. */
  adviser: Readonly<{ id: number; name: string }>;
  /** Call a channel directly (test arrangement and assertions); throws on `{ ok: false }`. */
  call: <C extends Channel>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;
  /** Call a channel and return the raw Result. */
  raw: <C extends Channel>(channel: C, input: InputOf<C>) => Promise<Result<OutputOf<C>>>;
};

export function bindRealApi(opts: Readonly<{ chosen?: boolean }> = {}): RealApi {
  const actorStore = memoryActorStore();
  const app = openApp({ file: ':memory:', mode: 'test', clock: fixedClock(TEST_NOW), log: () => undefined, actorStore });
  const first = getSettings(app.ctx).advisers[0];
  if (!first) throw new Error('Ingen rådgiver i testdatabasen');
  if (opts.chosen !== false) actorStore.set(app.ctx.databasePath, first.id);
  const actor = { adviserId: first.id };
  const api = Object.fromEntries(CHANNELS.map((c) => [c, (input: unknown, who: unknown) => app.dispatch(c, input, who)])) as unknown as RendererApi;
  Object.assign(window, { api });
  // Arrangement and assertions act as the same adviser the app does.
  const raw = async <C extends Channel>(channel: C, input: InputOf<C>) => (await app.dispatch(channel, input, actor)) as Result<OutputOf<C>>;
  const call = async <C extends Channel>(channel: C, input: InputOf<C>) => {
    const r = await raw(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message} ${JSON.stringify(r.error.fields ?? {})}`);
    return r.value;
  };
  return { ...app, api, adviser: { id: first.id, name: first.name }, call, raw };
}

/** A valid klage against the first forvaltning of the seeded organisation. */
export async function createCase(real: RealApi, patch: Partial<CaseInput> & { citizenName?: string } = {}): Promise<OutputOf<'cases:create'>> {
  const settings = await real.call('settings:get', {});
  const f = settings.forvaltninger[0];
  if (!f) throw new Error('Ingen forvaltninger i testdatabasen');
  const { citizenName, ...rest } = patch;
  const input: CaseInput = {
    sagsnr: '',
    receivedOn: '2025-03-10',
    channel: 'telefon',
    type: 'klage',
    citizen: { name: citizenName ?? 'Jens Jensen', address: '', phone: '', email: '', cpr: '' },
    representative: null,
    summary: 'Klage over sagsbehandlingstid',
    description: '',
    status: 'modtaget',
    competenceReasonId: null,
    handling: null,
    closedOn: null,
    adviserId: null,
    points: [{ forvaltningId: f.id, afdelingId: null, themeIds: [], description: '', outcome: null }],
    ...rest,
  };
  return real.call('cases:create', { input });
}
