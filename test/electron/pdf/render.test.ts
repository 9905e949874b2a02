/**
 * renderLetterPdf read back with the Debian tools: text in reading order, fonts embedded and subset,
 * tagged structure, PDF/A-2b metadata, pagination rules, byte-identical output, and page 1 compared
 * with a committed rendering (test/fixtures/pdf/letter-page1.pgm.gz).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { renderLetterPdf } from '../../../electron/pdf/index';
import { FOOT_HEADING, sampleLetter } from './sample-letter';
import { parsePgm, text, tool } from './poppler';

const createdAt = new Date('2026-12-01T10:00:00Z');
const REFERENCE_PAGE = fileURLToPath(new URL('../../fixtures/pdf/letter-page1.pgm.gz', import.meta.url));
const letter = sampleLetter();
const headings = letter.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));

let dir: string;
let file: string;
let bytes: Uint8Array;
let pages: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ombud-pdf-'));
  file = path.join(dir, 'udtalelse.pdf');
  bytes = await renderLetterPdf(letter, { createdAt });
  writeFileSync(file, bytes);
  pages = Number(/Pages:\s+(\d+)/.exec(await text('pdfinfo', [file]))?.[1]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pageText = (p: number) => text('pdftotext', ['-f', String(p), '-l', String(p), file, '-']);
const contentLines = (t: string) => t.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/^Side \d+ af \d+$/.test(l));

describe('renderLetterPdf', () => {
  it('makes an A4 letter of three or more pages with its metadata', async () => {
    const info = await text('pdfinfo', [file]);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+Udtalelse om Jobcenter Ærøs sagsbehandling/);
    expect(info).toMatch(/Author:\s+Borgerrådgiveren i Ærø Kommune/);
    expect(info).toMatch(/Subject:\s+Borgerrådgiverens udtalelse i sag 2026-0042/);
    expect(info).toMatch(/Keywords:\s+udtalelse, partshøring, Ærø/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toMatch(/Encrypted:\s+no/);
    expect(info).toMatch(/JavaScript:\s+no/);
    expect(info).toMatch(/CreationDate:\s+Tue Dec {2}1 10:00:00 2026 UTC/);
  });

  it('has the texts in reading order, names outside Latin-1 included, and "Side X af N" on every page', async () => {
    const all = await text('pdftotext', [file, '-']);
    const order = [
      'Borgerrådgiveren', '1. december 2026', 'Sagsnr. 2026-0042', 'Ayşe Şahin', 'Kopi til: Jobcenter Ærø',
      'Udtalelse om Jobcenter Ærøs behandling af Ayşe Şahins sag', 'Łukasz Nowaks', '„citat"', 'Sagens forløb',
      '1. Den 1. oktober 2026', '12. Den 12. oktober 2026', 'Retsgrundlaget', 'Forvaltningslovens § 19, stk. 1',
      'Forvaltningen skal som udgangspunkt', 'Partshøring blev ikke foretaget.', FOOT_HEADING, 'Klagepunkt 1: Partshøring',
      'Med venlig hilsen', 'Łukasz Ærøskøbing-Jensen', 'Borgerrådgiver',
    ];
    let at = -1;
    for (const t of order) {
      const next = all.indexOf(t, at + 1);
      expect(next, `"${t}" efter position ${at}`).toBeGreaterThan(at);
      at = next;
    }
    for (let p = 1; p <= pages; p++) expect(await pageText(p)).toContain(`Side ${p} af ${pages}`);
  });

  it('shows the running header from page 2 only', async () => {
    expect(await pageText(1)).not.toContain(letter.meta.runningHeader);
    expect(await pageText(2)).toContain(letter.meta.runningHeader);
    expect(await pageText(pages)).toContain(letter.meta.runningHeader);
  });

  it('never ends a page with a heading; the heading at the foot of page 2 opens page 3', async () => {
    for (let p = 1; p <= pages; p++) {
      const lines = contentLines(await pageText(p));
      expect(headings, `side ${p} slutter med "${lines.at(-1)}"`).not.toContain(lines.at(-1));
    }
    const page3 = contentLines(await pageText(3)).filter((l) => l !== letter.meta.runningHeader);
    expect(page3[0]).toBe(FOOT_HEADING);
    // The same break as in layout.test.ts, where the heading would otherwise end page 2.
    expect(contentLines(await pageText(2)).at(-1)).toBe('Forløbet er gennemgået ovenfor.');
  });

  it('embeds every font as a subset with Unicode mapping', async () => {
    const rows = (await text('pdffonts', [file])).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row).toMatch(/^[A-Z]{6}\+SourceSans3-/);
      expect(row).toMatch(/\syes\s+yes\s+yes\s/);
    }
  });

  it('has a structure tree with the headings, paragraphs and lists', async () => {
    const struct = await text('pdfinfo', ['-struct', file]);
    const tags = struct.split('\n').map((l) => l.trim().split(' ')[0]);
    expect(tags[0]).toBe('Document');
    for (const t of ['H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'BlockQuote']) expect(tags).toContain(t);
    // Reading order: the title before the first section, which comes before its list.
    expect(tags.indexOf('H1')).toBeLessThan(tags.indexOf('H2'));
    expect(tags.indexOf('H2')).toBeLessThan(tags.indexOf('L'));
    const withText = await text('pdfinfo', ['-struct-text', file]);
    expect(withText.indexOf('Sagens forløb')).toBeLessThan(withText.indexOf(FOOT_HEADING));
  });

  it('passes qpdf --check and carries the PDF/A-2b metadata', async () => {
    expect(await text('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors found');
    const meta = await text('pdfinfo', ['-meta', file]);
    expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(meta).toContain('<xmp:CreateDate>2026-12-01T10:00:00Z</xmp:CreateDate>');
    expect(meta).toContain('<pdf:Keywords>udtalelse, partshøring, Ærø</pdf:Keywords>');
    expect(meta).toContain('<rdf:li>da-DK</rdf:li>');
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/OutputIntents \[/);
    expect(raw).toMatch(/\/S \/GTS_PDFA1/);
    expect(raw).toMatch(/\/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]/);
    expect(raw).toMatch(/\/MarkInfo <<\s*\/Marked true\s*>>/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    expect(raw).toMatch(/\/Lang \(da-DK\)/);
    expect(raw).not.toMatch(/\/JavaScript|\/Encrypt/);
  });

  it('gives byte-identical output for the same letter and date, and another /ID for another letter', async () => {
    const again = await renderLetterPdf(sampleLetter(), { createdAt });
    expect(Buffer.compare(Buffer.from(again), Buffer.from(bytes))).toBe(0);
    const other = await renderLetterPdf({ ...letter, meta: { ...letter.meta, title: 'En anden titel' } }, { createdAt });
    const id = (b: Uint8Array) => /\/ID \[ <([0-9A-F]+)>/.exec(Buffer.from(b).toString('latin1'))?.[1];
    expect(id(other)).not.toBe(id(bytes));
  });

  it('draws page 1 like the committed reference rendering (and a changed letter unlike it)', async () => {
    const png = (await tool('pdftoppm', ['-r', '50', '-gray', '-f', '1', '-l', '1', file], 'buffer')) as Buffer;
    if (process.env['OMBUD_UPDATE_PDF_REFERENCE'] === '1') writeFileSync(REFERENCE_PAGE, gzipSync(png, { level: 9 }));
    const expected = parsePgm(gunzipSync(readFileSync(REFERENCE_PAGE)));
    // Tolerant of anti-aliasing differences between poppler versions; a changed or moved block differs by far more.
    expect(meanDifference(parsePgm(png), expected)).toBeLessThan(1);

    const changed = path.join(dir, 'aendret.pdf');
    const blocks = letter.blocks.filter((b) => b.kind !== 'paragraph' || !b.runs.some((r) => r.text.includes('Kære')));
    writeFileSync(changed, await renderLetterPdf({ ...letter, blocks }, { createdAt }));
    const other = (await tool('pdftoppm', ['-r', '50', '-gray', '-f', '1', '-l', '1', changed], 'buffer')) as Buffer;
    expect(meanDifference(parsePgm(other), expected)).toBeGreaterThan(1);
  });
});

function meanDifference(a: ReturnType<typeof parsePgm>, b: ReturnType<typeof parsePgm>): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let sum = 0;
  for (let i = 0; i < a.pixels.length; i++) sum += Math.abs((a.pixels[i] as number) - (b.pixels[i] as number));
  return sum / a.pixels.length;
}
