/**
 * The Debian tools the PDF tests read the output back with (poppler-utils: pdftotext, pdffonts,
 * pdfinfo, pdftoppm; qpdf). A missing tool fails the test loudly – never a silent skip.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function tool(name: 'pdftotext' | 'pdffonts' | 'pdfinfo' | 'pdftoppm' | 'qpdf', args: string[], encoding: 'utf8' | 'buffer' = 'utf8'): Promise<string | Buffer> {
  try {
    const { stdout } = await run(name, args, { encoding, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      const pkg = name === 'qpdf' ? 'qpdf' : 'poppler-utils';
      throw new Error(`${name} mangler: installér Debian-pakken med "apt-get install -y ${pkg}" (.ci/run gør det). PDF-testene kan ikke læse PDF'en uden.`, { cause: e });
    }
    throw e;
  }
}

export async function text(name: 'pdftotext' | 'pdffonts' | 'pdfinfo' | 'qpdf', args: string[]): Promise<string> {
  return (await tool(name, args)) as string;
}

/** A binary PGM (P5) as width, height and grey values. */
export function parsePgm(buf: Buffer): { width: number; height: number; pixels: Uint8Array } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (header === null) throw new Error('Ikke en binær PGM-fil');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const pixels = new Uint8Array(buf.subarray(header[0].length, header[0].length + width * height));
  return { width, height, pixels };
}
