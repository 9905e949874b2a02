/**
 * The shape of `window.api` as the renderer sees it, derived from the contract: one method per
 * channel, each resolving to a Result. The preload, the preview bridge and the e2e test bridge all
 * provide exactly this object.
 */
import type { Channel, InputOf, OutputOf } from './contract';
import type { Result } from './result';

export type RendererApi = { [C in Channel]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>> };
