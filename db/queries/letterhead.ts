/**
 * The letterhead (migration 0160): one row, id 1. Address and contact lines are stored joined by a
 * newline, one line each (a letterhead line never holds a line break); the logo's bytes with their
 * media type, or neither.
 */
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';

export type LetterheadRow = Readonly<{
  office: string;
  addressLines: string[];
  contactLines: string[];
  logo: Readonly<{ mediaType: 'image/png' | 'image/jpeg'; bytes: Uint8Array }> | null;
  updatedAt: string;
}>;

function splitLines(joined: string): string[] {
  return joined === '' ? [] : joined.split('\n');
}

/** The stored letterhead. */
export function getLetterhead(db: ReadableDB): LetterheadRow {
  const row = cached(db, 'SELECT office, address_lines, contact_lines, logo, logo_media_type, updated_at FROM letterhead WHERE id = 1').get() as
    | { office: string; address_lines: string; contact_lines: string; logo: Uint8Array | null; logo_media_type: 'image/png' | 'image/jpeg' | null; updated_at: string }
    | undefined;
  // Migration 0160 inserts the row and nothing deletes it; a missing row reads as the defaults.
  if (!row) return { office: 'Borgerrådgiveren', addressLines: [], contactLines: [], logo: null, updatedAt: '' };
  return {
    office: row.office,
    addressLines: splitLines(row.address_lines),
    contactLines: splitLines(row.contact_lines),
    logo: row.logo !== null && row.logo_media_type !== null ? { mediaType: row.logo_media_type, bytes: row.logo } : null,
    updatedAt: row.updated_at,
  };
}

/** Office, address and contact lines (the logo stays). */
export function setLetterheadText(db: WritableDB, text: Readonly<{ office: string; addressLines: readonly string[]; contactLines: readonly string[] }>, nowIso: string): void {
  cached(
    db,
    `INSERT INTO letterhead (id, office, address_lines, contact_lines, updated_at) VALUES (1, @office, @address, @contact, @at)
     ON CONFLICT (id) DO UPDATE SET office = excluded.office, address_lines = excluded.address_lines, contact_lines = excluded.contact_lines, updated_at = excluded.updated_at`,
  ).run({ office: text.office, address: text.addressLines.join('\n'), contact: text.contactLines.join('\n'), at: nowIso });
}

/** The logo's bytes and media type, or no logo (null). */
export function setLetterheadLogo(db: WritableDB, logo: Readonly<{ mediaType: 'image/png' | 'image/jpeg'; bytes: Uint8Array }> | null, nowIso: string): void {
  cached(
    db,
    `INSERT INTO letterhead (id, logo, logo_media_type, updated_at) VALUES (1, @logo, @type, @at)
     ON CONFLICT (id) DO UPDATE SET logo = excluded.logo, logo_media_type = excluded.logo_media_type, updated_at = excluded.updated_at`,
  ).run({ logo: logo === null ? null : Buffer.from(logo.bytes), type: logo?.mediaType ?? null, at: nowIso });
}
