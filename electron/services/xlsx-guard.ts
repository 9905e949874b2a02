/**
 * An XLSX is a zip; before exceljs unpacks it whole, this checks what it would unpack (import limits,
 * shared/import/limits.ts):
 *
 * 1. the central directory's sizes: their sum over `xlsxUnpackedBytes` is refused before a byte is
 *    inflated (a zip bomb: 414 KB that inflates to a 400 MB cell);
 * 2. each worksheet and the shared strings inflated as a stream into nothing, counting bytes and rows:
 *    an entry that inflates to more than its directory says (a lying header), a total over the limit,
 *    or more rows than the import takes, stops the inflating at once and is refused.
 *
 * Memory stays one zlib window and one chunk, whatever the file claims.
 */
import { createInflateRaw } from 'node:zlib';
import { IMPORT_LIMITS, limitMessages, type ImportLimits } from '../../shared/import/limits';
import { ImportFileError } from './import-file-error';

type Entry = Readonly<{ name: string; method: number; compressedSize: number; uncompressedSize: number; localHeaderOffset: number }>;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** ZIP64 marks a size or offset that does not fit 32 bits; no import file needs one. */
const ZIP64 = 0xffffffff;

const NOT_XLSX = 'filen kan ikke læses som et Excel-regneark (.xlsx); den kan være beskadiget eller af en anden type';

/** The central directory's entries (APPNOTE.TXT § 4.3.12 and § 4.3.16). */
export function zipEntries(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw new ImportFileError(1, NOT_XLSX);
  const count = view.getUint16(eocd + 10, true);
  const start = view.getUint32(eocd + 16, true);
  if (count === 0xffff || start === ZIP64) throw new ImportFileError(1, limitMessages.xlsxUnpacked(Number.POSITIVE_INFINITY, IMPORT_LIMITS.xlsxUnpackedBytes));
  const entries: Entry[] = [];
  let p = start;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw new ImportFileError(1, NOT_XLSX);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    entries.push({
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's compressed bytes, after its local header (whose name and extra lengths may differ from the directory's). */
function entryData(bytes: Uint8Array, e: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ImportFileError(1, NOT_XLSX);
  const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return bytes.subarray(dataStart, Math.min(bytes.length, dataStart + e.compressedSize));
}

const ROW_OPEN = Buffer.from('<row');

/** Rows in a chunk of sheet XML: `<row ` or `<row>` (not `<rowBreaks>`); `carry` is the previous chunk's tail. */
function countRows(chunk: Buffer, carry: Buffer): number {
  const text = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
  let n = 0;
  for (let i = text.indexOf(ROW_OPEN); i >= 0; i = text.indexOf(ROW_OPEN, i + 4)) {
    const next = text[i + 4];
    if (next === 0x20 || next === 0x3e || next === 0x09 || next === 0x0a || next === 0x0d) n++;
  }
  return n;
}

type Stop = Readonly<{ size: number; rows: number; over: boolean }>;

/** Inflate one entry into nothing, counting; stops as soon as `stopAt` says so. */
function inflateCounting(data: Uint8Array, counting: boolean, stopAt: (size: number, rows: number) => boolean): Promise<Stop> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw();
    let size = 0;
    let rows = 0;
    let carry = Buffer.alloc(0);
    let done = false;
    inflater.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (counting) {
        // A row tag cut between two chunks is counted with the next one: a tag counted here starts before the tail kept.
        rows += countRows(chunk, carry);
        carry = Buffer.from(chunk.subarray(Math.max(0, chunk.length - ROW_OPEN.length)));
      }
      if (stopAt(size, rows)) {
        done = true;
        inflater.destroy();
        resolve({ size, rows, over: true });
      }
    });
    inflater.on('end', () => { if (!done) resolve({ size, rows, over: false }); });
    inflater.on('error', () => { if (!done) reject(new ImportFileError(1, NOT_XLSX)); });
    inflater.end(data);
  });
}

/**
 * Refuses, with the limit's Danish message, an XLSX that unpacks to more than the limits allow; a file
 * that passes is safe to hand to exceljs.
 */
export async function checkXlsxLimits(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Promise<void> {
  const entries = zipEntries(bytes);
  let declared = 0;
  for (const e of entries) {
    if (e.uncompressedSize === ZIP64 || e.compressedSize === ZIP64) throw new ImportFileError(1, limitMessages.xlsxUnpacked(Number.POSITIVE_INFINITY, limits.xlsxUnpackedBytes));
    declared += e.uncompressedSize;
  }
  if (declared > limits.xlsxUnpackedBytes) throw new ImportFileError(1, limitMessages.xlsxUnpacked(declared, limits.xlsxUnpackedBytes));

  // The directory may lie: inflate what holds the data (worksheets, shared strings) and count.
  let total = 0;
  let rows = 0;
  for (const e of entries) {
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/u.test(e.name);
    if (!sheet && e.name !== 'xl/sharedStrings.xml') continue;
    if (e.method === 0) { total += e.compressedSize; continue; } // stored: its size is its bytes
    if (e.method !== 8) throw new ImportFileError(1, NOT_XLSX);
    const before = total;
    const rowsBefore = rows;
    const r = await inflateCounting(entryData(bytes, e), sheet, (size, n) =>
      size > e.uncompressedSize || before + size > limits.xlsxUnpackedBytes || rowsBefore + n > limits.rows + 1);
    total = before + r.size;
    rows = rowsBefore + r.rows;
    if (total > limits.xlsxUnpackedBytes || (r.over && r.size > e.uncompressedSize)) {
      throw new ImportFileError(1, limitMessages.xlsxUnpacked(Math.max(total, declared), limits.xlsxUnpackedBytes));
    }
    // Every sheet is loaded, so the rows of all of them count; the header row is not a data row.
    if (rows > limits.rows + 1) throw new ImportFileError(1, limitMessages.rows(limits.rows));
  }
}
