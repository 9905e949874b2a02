/**
 * Import limits (shared/import/limits.ts): a zip bomb, a million rows, an enormous cell and a flood of
 * errors are each refused or capped with a Danish message that says how big and what the limit is,
 * before the file is unpacked or held in memory.
 */
import { createDeflateRaw } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readImportTable } from '../../../electron/services/import-file';
import { runImport } from '../../../electron/services/import';
import { checkXlsxLimits, zipEntries } from '../../../electron/services/xlsx-guard';
import { formatImportIssue } from '../../../shared/domain/import-report';
import { IMPORT_LIMITS, capIssues, limitMessages } from '../../../shared/import/limits';
import { appsClosedAfterEach, csvBytes } from './helpers';

const app = appsClosedAfterEach();
const MB = 1024 * 1024;

/** Deflate `count` copies of `chunk` between `head` and `tail` without ever holding the whole text. */
function deflateRepeated(head: string, chunk: string, count: number, tail: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out: Buffer[] = [];
    const d = createDeflateRaw({ level: 9 });
    d.on('data', (c: Buffer) => out.push(c));
    d.on('end', () => resolve(Buffer.concat(out)));
    d.on('error', reject);
    const piece = Buffer.from(chunk);
    d.write(head);
    let i = 0;
    const pump = (): void => {
      while (i < count) {
        i++;
        if (!d.write(piece)) { d.once('drain', pump); return; }
      }
      d.end(tail);
    };
    pump();
  });
}

type ZipEntryIn = Readonly<{ name: string; data: Uint8Array; method: 0 | 8; size: number }>;

/** A zip by hand (APPNOTE § 4.3), so an entry can claim any size; the CRC is left 0 (never reached). */
function zip(entries: ReadonlyArray<ZipEntryIn>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18); local.writeUInt32LE(e.size, 22); local.writeUInt16LE(name.length, 26);
    locals.push(local, name, Buffer.from(e.data));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20); central.writeUInt32LE(e.size, 24); central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(entries.length, 8); end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12); end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const SHEET_HEAD = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>sagsnr</t></is></c></row>';

/** A small XLSX whose one sheet holds a 400 MB number cell (the bomb once accepted); `claim` is the size the directory states. */
async function bomb(claim?: number): Promise<Uint8Array> {
  const head = `${SHEET_HEAD}<row r="2"><c r="A2"><v>`;
  const tail = '</v></c></row></sheetData></worksheet>';
  const sheet = await deflateRepeated(head, '1'.repeat(MB), 400, tail);
  const real = head.length + 400 * MB + tail.length;
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES), method: 0, size: CONTENT_TYPES.length },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, method: 8, size: claim ?? real },
  ]);
}

describe('import limits', () => {
  it('a zip bomb is refused from the zip\'s directory, before anything is inflated', async () => {
    const file = await bomb();
    expect(file.length).toBeLessThan(2 * MB);
    expect(zipEntries(file).map((e) => e.name)).toEqual(['[Content_Types].xml', 'xl/worksheets/sheet1.xml']);
    const report = await runImport(app().ctx, { fileName: 'bombe.xlsx', content: file, dryRun: true });
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([{ line: 1, column: null, message: expect.stringMatching(/^regnearket fylder 400 MB, når det pakkes ud; en import kan højst fylde 256 MB udpakket/u) }]);
  });

  it('a bomb whose directory lies about its size is stopped while inflating, at the limit', async () => {
    const file = await bomb(1000);
    await expect(checkXlsxLimits(file)).rejects.toThrow(/en import kan højst fylde 256 MB udpakket/u);
    // Even claiming the truth within the limit, the real total is what counts.
    await expect(checkXlsxLimits(file, { ...IMPORT_LIMITS, xlsxUnpackedBytes: 10 * MB })).rejects.toThrow(/højst fylde 10 MB udpakket/u);
  });

  it('an XLSX of a million rows is refused by counting its rows, before exceljs loads it', async () => {
    const rows = 1_000_000;
    // The same row text each time is fine for counting; written a thousand rows at a time.
    const row = '<row r="2"><c r="A2"><v>1</v></c></row>';
    const sheet = await deflateRepeated(SHEET_HEAD, row.repeat(1000), rows / 1000, '</sheetData></worksheet>');
    const size = SHEET_HEAD.length + rows * row.length + 24;
    const file = zip([{ name: 'xl/worksheets/sheet1.xml', data: sheet, method: 8, size }]);
    const report = await runImport(app().ctx, { fileName: 'mange.xlsx', content: file, dryRun: true });
    expect(report.errors).toEqual([{ line: 1, column: null, message: limitMessages.rows(IMPORT_LIMITS.rows) }]);
    expect(report.errors[0]?.message).toBe('filen har mere end 250.000 rækker under overskriften; en import kan højst have 250.000. Del filen i flere, og importér dem hver for sig');
  });

  it('a CSV of a million rows stops at the first row over the limit', async () => {
    const text = `sagsnr;modtaget;type\r\n${'S;2025-01-01;klage\r\n'.repeat(1_000_000)}`;
    const report = await runImport(app().ctx, { fileName: 'mange.csv', content: new TextEncoder().encode(text), dryRun: true });
    expect(report.errors).toEqual([{ line: IMPORT_LIMITS.rows + 2, column: null, message: limitMessages.rows(IMPORT_LIMITS.rows) }]);
  });

  it('a file over the size limit is refused before it is decoded; a cell over the length limit names its line', async () => {
    const huge = new Uint8Array(IMPORT_LIMITS.fileBytes + 1);
    const report = await runImport(app().ctx, { fileName: 'stor.csv', content: huge, dryRun: true });
    expect(report.errors).toEqual([{ line: 1, column: null, message: 'filen fylder 60 MB; en import kan højst være 60 MB. Del filen i flere, og importér dem hver for sig' }]);
    const json = await runImport(app().ctx, { fileName: 'stor.json', content: huge, dryRun: true });
    expect(json.errors[0]?.message).toMatch(/^filen fylder 60 MB/u);

    const long = csvBytes([['sagsnr', 'beskrivelse'], ['S-1', 'kort'], ['S-2', 'x'.repeat(IMPORT_LIMITS.cellChars + 1)]]);
    await expect(readImportTable('lang.csv', long)).rejects.toMatchObject({ line: 3, message: 'feltet er 100.001 tegn langt; et felt kan højst være 100.000 tegn. Tjek anførselstegnene i rækken' });
    const wide = csvBytes([['sagsnr'], Array.from({ length: IMPORT_LIMITS.cellsPerRow + 1 }, () => 'x')]);
    await expect(readImportTable('bred.csv', wide)).rejects.toMatchObject({ line: 2, message: 'rækken har 201 felter; en række kan højst have 200. Tjek skilletegn og anførselstegn' });
  });

  it('reports at most 1,000 errors and says how many more there were', async () => {
    const rows = [['sagsnr', 'modtaget', 'type'], ...Array.from({ length: 1_500 }, (_, i) => [`S-${i}`, 'ikke en dato', 'klage'])];
    const report = await runImport(app().ctx, { fileName: 'fejl.csv', content: csvBytes(rows), dryRun: true });
    expect(report.errors).toHaveLength(IMPORT_LIMITS.errors + 1);
    const all = await runImport(app().ctx, { fileName: 'fejl.csv', content: csvBytes(rows.slice(0, 501)), dryRun: true });
    const perRow = all.errors.length / 500;
    const more = (1_500 * perRow - IMPORT_LIMITS.errors).toLocaleString('da-DK');
    expect(report.errors.at(-1)).toEqual({ line: 0, column: null, message: `der er ${more} fejl mere, som ikke er vist; de første 1.000 står ovenfor. Ret dem, og prøv igen` });
    expect(capIssues([{ line: 1, column: null, message: 'a' }], 1)).toHaveLength(1);
    // The screen shows it as a sentence of its own, not as "linje 0".
    expect(formatImportIssue(report.errors.at(-1)!)).toMatch(/^Der er [\d.]+ fejl mere, som ikke er vist/u);
  });
});
