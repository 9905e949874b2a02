/**
 * ZIP archives with the same bytes for the same content: every entry carries one given date (a ZIP
 * entry stores its modification time, and both exceljs and JSZip otherwise stamp the moment of
 * writing), entries keep their order, and the compression is fixed. jszip is the library exceljs
 * itself writes XLSX with, declared as our own dependency because we import it directly.
 */
import JSZip from 'jszip';

export type ZipEntry = Readonly<{ name: string; data: Uint8Array | string }>;

const GENERATE = { type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' } as const;

/** The entries in this order, each dated `date`; `comment` is the archive's comment (UTF-8). */
export async function zipEntries(entries: ReadonlyArray<ZipEntry>, date: Date, comment?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const e of entries) zip.file(e.name, e.data, { date, createFolders: false });
  return zip.generateAsync({ ...GENERATE, ...(comment === undefined ? {} : { comment }) });
}

/** The same archive with every entry dated `date` (used on exceljs's output, which dates entries "now"). */
export async function redateZip(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const entries: ZipEntry[] = [];
  for (const file of Object.values(source.files)) {
    if (!file.dir) entries.push({ name: file.name, data: await file.async('uint8array') });
  }
  return zipEntries(entries, date);
}
