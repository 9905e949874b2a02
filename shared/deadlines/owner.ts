/**
 * DeadlineOwner on its own (zod only), so that shared/domain/rule.ts and shared/deadlines/types.ts can
 * both use it without importing each other.
 */
import { z } from 'zod';
import { vocab } from '../domain/vocab';

/**
 * Whose deadline it is decides how it is counted (legal-rules.md § b.5; "when in doubt, the date that
 * protects the citizen"):
 * - `borger`: a deadline the citizen must meet (the klagefrist, a partshøring's svarfrist). Counted and
 *   rolled forward over Saturdays, Sundays and public holidays only: never over the municipality's
 *   closing days or a calendar profile's extra days (grundlovsdag, 24/12, 31/12, the Friday after
 *   Kristi himmelfart). A last day on such a day is said in the explanation.
 * - `myndighed`: a statutory deadline the authority must meet (OFL § 36, FVL § 16, …). The calendar
 *   profile decides which days are working days (not defined by law, § b.2); the municipality's own
 *   closing days never extend it (FOB 2021-1).
 * - `maal`: a local target (the svarpolitik, the adviser's own target, the deadline for the
 *   forvaltning's statement to the borgerrådgiver). Not law: it may count the closing days, and it
 *   is described as a target.
 */
export const DeadlineOwnerVocab = vocab([
  { code: 'borger', label: 'Borgerens frist', importName: 'borger' },
  { code: 'myndighed', label: 'Lovbestemt frist for myndigheden', importName: 'myndighed' },
  { code: 'maal', label: 'Lokal målsætning', importName: 'mål' },
]);
export const DeadlineOwnerSchema = z.enum(DeadlineOwnerVocab.codes);
export type DeadlineOwner = z.infer<typeof DeadlineOwnerSchema>;
