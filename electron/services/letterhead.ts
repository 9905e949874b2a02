/**
 * The letterhead every letter prints (shared/letters/letterhead-settings.ts). Until the settings page
 * stores an address, contact lines and a logo, the letterhead is the office and the municipality's name.
 */
import type { LetterheadSettings } from '../../shared/letters/letterhead-settings';
import type { ServiceContext } from './context';
import { getSettings } from './settings';

/** Who signs a letter: the case's adviser, else the adviser at this desk; title under the name. */
export function letterSigner(ctx: ServiceContext, adviserId: number | null): { name: string; title: string } {
  const settings = getSettings(ctx);
  const adviser = settings.advisers.find((a) => a.id === (adviserId ?? settings.currentAdviserId));
  return { name: adviser?.name ?? '', title: 'Borgerrådgiver' };
}

export function letterheadSettings(ctx: ServiceContext): LetterheadSettings {
  return { office: 'Borgerrådgiveren', municipality: getSettings(ctx).municipalityName, addressLines: [], contactLines: [], logo: null };
}
