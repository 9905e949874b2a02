/**
 * The shape of `window.api` as the renderer sees it, derived from the contract: one method per
 * channel, each taking the input and who acts (shared/ipc/actor.ts) and resolving to a Result. The
 * preload, the preview bridge and the e2e test bridge all provide exactly this object and carry
 * both to the backend unchanged.
 */
import type { ActorRef } from './actor';
import type { Channel, InputOf, OutputOf } from './contract';
import type { Result } from './result';

export type RendererApi = { [C in Channel]: (input: InputOf<C>, actor: ActorRef | null) => Promise<Result<OutputOf<C>>> };
