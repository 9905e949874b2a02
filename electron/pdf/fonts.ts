/**
 * The letter's fonts: Source Sans 3 (OFL-1.1, npm package `source-sans`), read from node_modules at run
 * time so neither the repository nor a bundle carries 1.3 MB of TTF. Bytes are read once per process
 * and kept; pdf-lib parses and subsets them per document (that is the cost of a render).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type fontkitModule from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export type FontStyle = 'regular' | 'strong' | 'em' | 'semibold';

const FILES: Record<FontStyle, string> = {
  regular: 'SourceSans3-Regular',
  strong: 'SourceSans3-Bold',
  em: 'SourceSans3-It',
  semibold: 'SourceSans3-Semibold',
};

/**
 * The six-capital subset tag (ISO 32000 § 9.6.4) that makes pdffonts and validators see a subset:
 * pdf-lib's own names ("SourceSans3-Regular-5570") are not recognised as one. Fixed per style, so the
 * same letter gives the same bytes.
 */
const SUBSET_TAG: Record<FontStyle, string> = { regular: 'OMBREG', strong: 'OMBBLD', em: 'OMBITA', semibold: 'OMBSMB' };

let fontDir: string | undefined;
const bytesCache = new Map<FontStyle, Uint8Array>();

/** node_modules/source-sans/TTF, found from this module (source or the esbuild bundle in dist/cli). */
function sourceSansDir(): string {
  fontDir ??= path.join(path.dirname(createRequire(import.meta.url).resolve('source-sans/package.json')), 'TTF');
  return fontDir;
}

export function fontBytes(style: FontStyle): Uint8Array {
  let bytes = bytesCache.get(style);
  if (bytes === undefined) {
    const file = path.join(sourceSansDir(), `${FILES[style]}.ttf`);
    try {
      // A plain Uint8Array, not the Buffer itself: pdf-lib checks `instanceof Uint8Array` against its own
      // realm's constructor, which a Buffer fails where the global is another realm's (a DOM test environment).
      bytes = new Uint8Array(readFileSync(file));
    } catch (e) {
      throw new Error(`Skrifttypen ${FILES[style]} mangler (${file}); kør "npm install".`, { cause: e });
    }
    bytesCache.set(style, bytes);
  }
  return bytes;
}

export type Fonts = Record<FontStyle, PDFFont>;

/**
 * fontkit with its parsed fonts kept per byte array: parsing a 430 kB TTF is most of a render's cost,
 * and pdf-lib would parse it again for every document. A parsed font is only read afterwards (each
 * document makes its own subset from it), so sharing it changes no output byte (tested).
 */
type Fontkit = typeof fontkitModule;
const parsed = new Map<Uint8Array, ReturnType<Fontkit['create']>>();
function cachingFontkit(fontkit: Fontkit): Fontkit {
  return {
    create(buffer: Uint8Array, postscriptName?: string) {
      if (postscriptName !== undefined) return fontkit.create(buffer, postscriptName);
      let font = parsed.get(buffer);
      if (font === undefined) {
        font = fontkit.create(buffer);
        parsed.set(buffer, font);
      }
      return font;
    },
  };
}

/**
 * fontkit is loaded on the first PDF, not when the module is: loading it unpacks its data tables
 * (Brotli and inflate), a third of `ombud`'s start for commands that never draw a letter (cli_start_ms).
 */
let loaded: Promise<Fontkit> | null = null;
function loadFontkit(): Promise<Fontkit> {
  loaded ??= import('@pdf-lib/fontkit').then((m) => cachingFontkit((m as unknown as { default: Fontkit }).default ?? (m as unknown as Fontkit)));
  return loaded;
}

/**
 * OpenType features off. pdf-lib draws each glyph at its plain advance width (no kerning in the
 * content stream), so measuring with kerning only made widths disagree with what is drawn; and
 * shaping every measured and drawn string was most of a render's time. Ligatures off also keeps
 * "fi" and "fl" as two glyphs, so copied text is exact. Composition (ccmp) and locale forms (locl) are
 * off too: Danish and the names we meet are written with precomposed letters (æ, ø, å, ş, ł); a
 * decomposed accent (e + U+0301) would be drawn unpositioned after its letter.
 */
const NO_SHAPING = { ccmp: false, locl: false, kern: false, liga: false, clig: false, calt: false, rlig: false, rclt: false, mark: false, mkmk: false, curs: false };

/** Embed the four styles, subset, with the subset tag in the font name. */
export async function embedFonts(pdf: PDFDocument): Promise<Fonts> {
  pdf.registerFontkit(await loadFontkit());
  const embed = (style: FontStyle) => pdf.embedFont(fontBytes(style), { subset: true, customName: `${SUBSET_TAG[style]}+${FILES[style]}`, features: NO_SHAPING });
  const [regular, strong, em, semibold] = await Promise.all([embed('regular'), embed('strong'), embed('em'), embed('semibold')]);
  return { regular, strong, em, semibold };
}
