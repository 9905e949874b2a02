/**
 * Who acts is part of every call. Each request carries the adviser the person at the desk chose at
 * start (`ActorRef`), next to the channel and the input; the backend resolves it to the adviser's
 * name for the history. A call without one may only read: every channel not listed in
 * `CHANNELS_WITHOUT_ACTOR` is refused with `NO_ACTOR_MESSAGE`, so a new channel is safe by default.
 * This is also the seam a shared office server plugs into: it will resolve the same envelope
 * against its own login instead of the desk's choice.
 */
import { z } from 'zod';
import type { Channel } from './contract';

export const ActorRefSchema = z.object({ adviserId: z.number().int().positive() }).strict();
/** The chosen adviser as the envelope carries it; null before anyone has been chosen. */
export type ActorRef = z.infer<typeof ActorRefSchema>;

/**
 * Channels answered without a chosen adviser: they read and record nothing (the chooser needs the
 * advisers and the start screen its data before anyone is chosen), or they are the choice itself.
 * A channel that writes to the history — even a read that is logged, such as revealing a CPR
 * number or an export — must never be listed here.
 */
export const CHANNELS_WITHOUT_ACTOR: ReadonlySet<Channel> = new Set<Channel>([
  'system:integrity',
  'app:info',
  'backup:list',
  'actor:get',
  'actor:choose',
  'actor:register',
  'settings:get',
  'letterhead:get',
  'phrases:list',
  'cases:list',
  'report:texts',
  'report:findings',
  'cases:get',
  'cases:history',
  'cases:next-sagsnr',
  'cases:closing-check',
  'cases:next-deadline',
  'import:status',
  'rules:list',
  'rules:get',
  'rules:suggest',
  'recommendations:list',
  'recommendations:for-case',
  'findings:state',
  'findings:version',
  'findings:anonymised',
  'letters:draft',
  'deadlines:compute',
  'deadlines:settings',
  'deadlines:overview',
  'report:stats',
  'report:drill',
  'report:settings',
  'requests:for-case',
  'point-deadlines:for-case',
  'klagefrist:get',
  'klagefrist:ics',
  'klagefrist:check',
  'retention:settings',
  'retention:plan',
  'audit:status',
]);

/** Refusal of a change when nobody has said who they are. */
export const NO_ACTOR_MESSAGE = 'Vælg først, hvem du er (øverst i vinduet). Hver ændring skrives i historikken med dit navn. Intet er gemt.';

/** Refusal when the chosen adviser no longer exists or has been retired. */
export const STALE_ACTOR_MESSAGE = 'Den valgte rådgiver findes ikke længere eller er fratrådt. Vælg, hvem du er, igen (øverst i vinduet). Intet er gemt.';
