/**
 * electron/services/letterhead.ts: the letterhead's text and logo as stored, validated and audited,
 * the signer's title, and the finding that prints them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../shared/domain/dates';
import { senderLines } from '../../../shared/letters/letterhead-settings';
import { openApp, type OpenedApp } from '../../../electron/services/open-app';
import { createCase } from '../../../electron/services/cases';
import { findingPdf, findingState } from '../../../electron/services/findings';
import {
  LOGO_MAX_BYTES, letterheadSettings, letterSigner, removeLetterheadLogo, saveLetterhead, setLetterheadLogoFile,
} from '../../../electron/services/letterhead';
import { addCatalogEntry, getSettings, setMunicipality, updateAdviser } from '../../../electron/services/settings';
import { caseInput, rejectedAppError, thrownAppError } from '../../db/helpers';
import { jpegImage, pngImage, toBase64 } from '../../fixtures/images';
import { blockTexts } from '../../../shared/letters/document';

let app: OpenedApp;
beforeEach(() => {
  app = openApp({ file: ':memory:', mode: 'test', clock: fixedClock('2025-06-15T10:00:00Z'), actor: () => 'Tester' });
});
afterEach(() => app.close());

const audits = (entity: string) =>
  app.ctx.db.prepare('SELECT actor, action, changes FROM audit_log WHERE entity = ? ORDER BY id').all(entity) as Array<{ actor: string; action: string; changes: string }>;

const refusal = rejectedAppError;

describe('the letterhead text', () => {
  it('starts as the office and the municipality, and stores what is saved, trimmed, with its history', () => {
    setMunicipality(app.ctx, 'Ærø Kommune');
    expect(letterheadSettings(app.ctx)).toEqual({ office: 'Borgerrådgiveren', municipality: 'Ærø Kommune', addressLines: [], contactLines: [], logo: null });
    const saved = saveLetterhead(app.ctx, {
      office: '  Borgerrådgiveren  i Ærø ', addressLines: ['Statene 2', '', '  5970   Ærøskøbing '], contactLines: ['Tlf. 63 52 50 00', 'borgerraadgiver@aeroe.dk'],
    });
    expect(saved).toEqual({
      office: 'Borgerrådgiveren i Ærø', municipality: 'Ærø Kommune', addressLines: ['Statene 2', '5970 Ærøskøbing'],
      contactLines: ['Tlf. 63 52 50 00', 'borgerraadgiver@aeroe.dk'], logo: null,
    });
    expect(letterheadSettings(app.ctx)).toEqual(saved);
    expect(senderLines(saved)).toEqual(['Borgerrådgiveren i Ærø', 'Ærø Kommune', 'Statene 2', '5970 Ærøskøbing', 'Tlf. 63 52 50 00', 'borgerraadgiver@aeroe.dk']);
    const [entry] = audits('letterhead');
    expect(entry?.actor).toBe('Tester');
    expect(JSON.parse(entry?.changes ?? '[]')).toEqual([
      { field: 'Afsender', before: 'Borgerrådgiveren', after: 'Borgerrådgiveren i Ærø' },
      { field: 'Adresse', before: '', after: 'Statene 2 / 5970 Ærøskøbing' },
      { field: 'Kontakt', before: '', after: 'Tlf. 63 52 50 00 / borgerraadgiver@aeroe.dk' },
    ]);
    // Saving the same again writes no history.
    saveLetterhead(app.ctx, { office: 'Borgerrådgiveren i Ærø', addressLines: saved.addressLines, contactLines: saved.contactLines });
    expect(audits('letterhead')).toHaveLength(1);
  });

  it('refuses an empty office, more than six lines and a line over 120 characters, in Danish, and stores nothing', () => {
    const e = thrownAppError(() => saveLetterhead(app.ctx, { office: ' ', addressLines: ['1', '2', '3', '4', '5', '6', '7'], contactLines: ['x'.repeat(121)] }));
    expect(e.code).toBe('validation');
    expect(e.fields).toEqual({
      office: 'Skriv afsenderens navn, fx »Borgerrådgiveren«.',
      addressLines: 'Der må højst være 6 linjer i adressen (der er 7).',
      contactLines: 'Linje 1 i kontaktoplysningerne er for lang: højst 120 tegn pr. linje.',
    });
    expect(thrownAppError(() => saveLetterhead(app.ctx, { office: 'x'.repeat(121), addressLines: [], contactLines: [] })).fields)
      .toEqual({ office: 'Afsenderens navn må højst være 120 tegn.' });
    expect(letterheadSettings(app.ctx).office).toBe('Borgerrådgiveren');
    expect(audits('letterhead')).toEqual([]);
  });
});

describe('the logo', () => {
  it('stores a PNG and a JPEG by their first bytes, replaces and removes them, each in the history', async () => {
    const png = pngImage();
    let s = await setLetterheadLogoFile(app.ctx, { fileName: 'logo.png', contentBase64: toBase64(png) });
    expect(s.logo).toEqual({ mediaType: 'image/png', contentBase64: toBase64(png) });
    s = await setLetterheadLogoFile(app.ctx, { fileName: 'Våbenskjold.JPG', contentBase64: toBase64(jpegImage()) });
    expect(s.logo?.mediaType).toBe('image/jpeg');
    s = removeLetterheadLogo(app.ctx);
    expect(s.logo).toBeNull();
    // Removing again changes nothing and writes nothing.
    removeLetterheadLogo(app.ctx);
    expect(audits('letterhead').map((a) => a.action)).toEqual(['Logo tilføjet', 'Logo udskiftet', 'Logo fjernet']);
  });

  it('refuses a renamed file, another file type, a damaged image, an empty file and one over 1 MB, with the reason', async () => {
    const pdfBytes = new TextEncoder().encode('%PDF-1.7\n%…');
    expect((await refusal(setLetterheadLogoFile(app.ctx, { fileName: 'logo.png', contentBase64: toBase64(pdfBytes) }))).fields)
      .toEqual({ logo: '«logo.png» hedder .png, men indholdet er ikke et PNG-billede. Filen kan være beskadiget eller omdøbt.' });
    expect((await refusal(setLetterheadLogoFile(app.ctx, { fileName: 'logo.jpg', contentBase64: toBase64(pngImage()) }))).fields?.['logo'])
      .toContain('indholdet er ikke et JPEG-billede');
    expect((await refusal(setLetterheadLogoFile(app.ctx, { fileName: 'logo.gif', contentBase64: toBase64(new Uint8Array([0x47, 0x49, 0x46, 0x38])) }))).fields)
      .toEqual({ logo: 'Filtypen .gif kan ikke bruges som logo. Logoet skal være et PNG- eller JPEG-billede (.png, .jpg eller .jpeg).' });
    // The right first bytes, then nothing a PNG reader can use.
    const damaged = pngImage().slice(0, 40);
    expect((await refusal(setLetterheadLogoFile(app.ctx, { fileName: 'logo.png', contentBase64: toBase64(damaged) }))).fields?.['logo'])
      .toBe('«logo.png» kan ikke læses som billede, så det kan ikke sættes i brevene. Filen kan være beskadiget – gem billedet igen fra et billedprogram og prøv igen.');
    expect((await refusal(setLetterheadLogoFile(app.ctx, { fileName: 'tom.png', contentBase64: '' }))).fields?.['logo']).toContain('er tom');
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(pngImage());
    expect((await refusal(setLetterheadLogoFile(app.ctx, { fileName: 'stor.png', contentBase64: toBase64(big) }))).fields)
      .toEqual({ logo: '«stor.png» fylder 1 MB. Logoet må højst fylde 1 MB – gem det i en mindre udgave og prøv igen.' });
    expect(letterheadSettings(app.ctx).logo).toBeNull();
    expect(audits('letterhead')).toEqual([]);
  });
});

describe('who signs', () => {
  it('prints the adviser\'s own title under the name, "Borgerrådgiver" by default, in the finding and its PDF', async () => {
    const settings = addCatalogEntry(app.ctx, { kind: 'adviser', name: 'Åse Øberg', parentId: null, initials: 'ÅØ', email: '', title: 'Chefkonsulent' });
    const aase = settings.advisers.find((a) => a.name === 'Åse Øberg')!;
    expect(aase.title).toBe('Chefkonsulent');
    expect(letterSigner(app.ctx, aase.id)).toEqual({ name: 'Åse Øberg', title: 'Chefkonsulent' });
    const other = getSettings(app.ctx).advisers.find((a) => a.id !== aase.id)!;
    expect(letterSigner(app.ctx, other.id).title).toBe('Borgerrådgiver');
    updateAdviser(app.ctx, aase.id, { name: 'Åse Øberg', initials: 'ÅØ', email: '', title: ' ' });
    expect(letterSigner(app.ctx, aase.id).title).toBe('Borgerrådgiver');
    updateAdviser(app.ctx, aase.id, { name: 'Åse Øberg', initials: 'ÅØ', email: '', title: 'Borgerrådgiver og teamleder' });

    saveLetterhead(app.ctx, { office: 'Borgerrådgiveren', addressLines: ['Rådhuspladsen 1'], contactLines: [] });
    await setLetterheadLogoFile(app.ctx, { fileName: 'logo.png', contentBase64: toBase64(pngImage()) });
    const c = createCase(app.ctx, { ...caseInput(app.ctx.db, { receivedOn: '2025-06-01' }), adviserId: aase.id });
    const { document } = findingState(app.ctx, c.id);
    expect(document.letterhead.logo?.mediaType).toBe('image/png');
    expect(document.letterhead.sender).toContain('Rådhuspladsen 1');
    expect(document.blocks.flatMap(blockTexts).join('\n')).toContain('Borgerrådgiver og teamleder');
    // The PDF module embeds the stored logo (a damaged one would throw here).
    const pdf = await findingPdf(app.ctx, { caseId: c.id, versionId: null, variant: 'borger', anonymised: false });
    expect(new TextDecoder('latin1').decode(pdf.bytes)).toContain('/Subtype /Image');
  });
});
