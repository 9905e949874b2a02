import { describe, expect, it } from 'vitest';
import { validateCaseInput } from '../../../shared/domain/case';
import type { IsoDate } from '../../../shared/domain/dates';
import { sagsnrProblem } from '../../../shared/domain/sagsnr';
import { catalogNameProblem } from '../../../shared/domain/settings';
import { findUnsafeText, freeTextProblem, identifierProblem } from '../../../shared/domain/text-safety';

/** Every bidi override and mark Trojan Source uses (CVE-2021-42574). */
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F'];

describe('text safety', () => {
  it('identifiers refuse control characters and bidi overrides in Danish, naming the character', () => {
    for (const c of BIDI) expect(identifierProblem(`2025-0001${c}7`), c).toMatch(/usynligt retningstegn \(U\+20[0-9A-F]{2}\)/u);
    for (const c of ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\n']) expect(identifierProblem(`a${c}b`), JSON.stringify(c)).toMatch(/styretegn \(U\+00[0-9A-F]{2}\)/u);
    expect(identifierProblem('Børne- og Ungdomsforvaltningen')).toBeNull();
    expect(identifierProblem('שלום')).toBeNull(); // right-to-left letters themselves are fine
  });

  it('the sagsnr and a catalogue name refuse them with their own subject', () => {
    expect(sagsnrProblem('2025-0001\u202E7')).toBe('Sagsnummeret indeholder et usynligt retningstegn (U+202E), som får teksten til at se anderledes ud, end den er. Fjern det, og prøv igen.');
    expect(sagsnrProblem('2025\u00000001')).toMatch(/^Sagsnummeret indeholder et usynligt styretegn \(U\+0000\)/u);
    expect(catalogNameProblem('Social\u2066forvaltningen')).toMatch(/^Navnet indeholder et usynligt retningstegn \(U\+2066\)/u);
    expect(catalogNameProblem('Social\u0008')).toMatch(/^Navnet indeholder et usynligt styretegn/u);
  });

  it('free texts keep tabs and line breaks but refuse NUL and bidi overrides', () => {
    expect(freeTextProblem('Linje 1\r\n\tLinje 2')).toBeNull();
    expect(freeTextProblem('a\u0000b')).toBe('Teksten indeholder et nultegn (U+0000), som ikke kan gemmes. Fjern det, og prøv igen.');
    for (const c of BIDI) expect(freeTextProblem(`x${c}y`), c).not.toBeNull();
  });

  it('the case form and the import refuse them through the one validation', () => {
    const errors = validateCaseInput({
      sagsnr: '2025-0001', receivedOn: '2025-03-10', channel: null, type: 'klage',
      citizen: { name: 'Ann\u202Ee', address: '', phone: '', email: '', cpr: null }, representative: null,
      summary: 'x\u0000', description: '', status: 'modtaget', competenceReasonId: null, handling: null, closedOn: null, adviserId: null,
      points: [{ forvaltningId: 1, afdelingId: null, themeIds: [], description: 'p\u2067', outcome: null }],
    }, null, '2025-06-30' as IsoDate);
    expect(errors['citizen.name']).toMatch(/retningstegn \(U\+202E\)/u);
    expect(errors['summary']).toMatch(/nultegn/u);
    expect(errors['points.0.description']).toMatch(/retningstegn \(U\+2067\)/u);
  });

  it('findUnsafeText finds the first such text anywhere in a payload, skipping file bytes', () => {
    expect(findUnsafeText({ a: ['ok', { b: 'x\u202Ey' }] })).toEqual({ path: 'a.1.b', message: expect.stringMatching(/U\+202E/u) });
    expect(findUnsafeText({ contentBase64: '\u0000', n: 1, t: null })).toBeNull();
  });
});
