/**
 * What the case page's workspace asks the backend besides the henvendelse itself: the next deadline
 * for the header, and what is still open when the adviser closes the case (cases:closing-check).
 * An open item names the section of the case page where it is resolved and the element there, so
 * the list can take the adviser straight to it.
 */
import { z } from 'zod';
import { IsoDateSchema } from './case';
import { DeadlineStateSchema, FristKindSchema } from './deadline-tracking';

/** The case page's sections an open item is resolved in (the URL's last part: #/sager/12/anmodninger). */
export const ResolveSectionSchema = z.enum(['klagepunkter', 'anmodninger', 'henstillinger']);
export type ResolveSection = z.infer<typeof ResolveSectionSchema>;

export const OpenItemKindSchema = z.enum([
  /** A request to the forvaltning neither answered nor closed (overdue or not). */
  'anmodning',
  /** A henstilling still awaiting the forvaltning's answer. */
  'henstilling',
  /** A statutory deadline on a klagepunkt still running (not met). */
  'lovfrist',
  /** A klagepunkt without an outcome. */
  'udfald_mangler',
  /** "Ingen kritik" on a klagepunkt where a rule is assessed "ikke overholdt". */
  'udfald_modstrid',
]);
export type OpenItemKind = z.infer<typeof OpenItemKindSchema>;

export const OpenItemSchema = z.object({
  /** Stable while the item is open ("anmodning:12"): closing anyway names the items acknowledged. */
  key: z.string().max(80),
  kind: OpenItemKindSchema,
  /** The item in Danish, as the list and the history say it. */
  text: z.string(),
  section: ResolveSectionSchema,
  /** The element's DOM id in that section. */
  elementId: z.string(),
});
export type OpenItem = z.infer<typeof OpenItemSchema>;

/** The henvendelse's next open deadline, as the case list's "Næste frist", with its state. */
export const CaseNextDeadlineSchema = z.object({
  dueOn: IsoDateSchema,
  kind: FristKindSchema.exclude(['henstilling']),
  state: DeadlineStateSchema,
});
export type CaseNextDeadline = z.infer<typeof CaseNextDeadlineSchema>;

/** DOM ids the closing check points at; the sections render their items with the same ids. */
export const openItemElementId = {
  request: (id: number) => `anmodning-${id}`,
  recommendation: (id: number) => `henstilling-${id}`,
  pointDeadline: (id: number) => `lovfrist-${id}`,
  point: (position: number) => `klagepunkt-${position}`,
};
