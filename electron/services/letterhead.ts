/**
 * The letterhead every letter prints (shared/letters/letterhead-settings.ts). Until the settings page
 * stores an address, contact lines and a logo, the letterhead is the office and the municipality's name.
 */
import type { LetterheadSettings } from '../../shared/letters/letterhead-settings';
import type { ServiceContext } from './context';
import { getSettings } from './settings';

export function letterheadSettings(ctx: ServiceContext): LetterheadSettings {
  return { office: 'Borgerrådgiveren', municipality: getSettings(ctx).municipalityName, addressLines: [], contactLines: [], logo: null };
}
