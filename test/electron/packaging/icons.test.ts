/**
 * The installers' icons (build/scripts/make-icons.mjs): every size the packages need, committed
 * exactly as the script draws them, and a Windows .ico holding 16–256.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

type Icons = { iconDir: string; PNG_SIZES: number[]; ICO_SIZES: number[]; renderIcons: () => Map<string, Buffer> };
const script = pathToFileURL(fileURLToPath(new URL('../../../build/scripts/make-icons.mjs', import.meta.url))).href;
const icons = (await import(script)) as Icons;

/** Width, height and RGBA rows of a PNG written by make-icons (one IDAT, filter 0). */
function decode(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat = png.indexOf('IDAT');
  const raw = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  const pixel = (x: number, y: number) => [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 1 + x * 4 + 4)];
  return { width, height, pixel };
}

describe('icons', () => {
  it('are committed exactly as make-icons.mjs draws them', () => {
    for (const [name, bytes] of icons.renderIcons()) expect(readFileSync(path.join(icons.iconDir, name)).equals(bytes), name).toBe(true);
  });

  it('are square PNGs in every size, blue with a white ring and transparent corners', () => {
    expect(icons.PNG_SIZES).toEqual([16, 24, 32, 48, 64, 128, 256, 512]);
    for (const size of icons.PNG_SIZES) {
      const png = decode(readFileSync(path.join(icons.iconDir, `${size}x${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
      expect(png.pixel(0, 0)[3]).toBe(0);
      if (size >= 64) {
        expect(png.pixel(Math.floor(size * 0.1), Math.floor(size / 2))).toEqual([0x1f, 0x3a, 0x5f, 255]);
        expect(png.pixel(Math.floor(size * 0.26), Math.floor(size / 2))).toEqual([255, 255, 255, 255]);
      }
    }
  });

  it('has a Windows .ico with 16–256', () => {
    const ico = readFileSync(path.join(icons.iconDir, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => {
      const entry = 6 + 16 * i;
      const png = decode(ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8)));
      expect(ico[entry] || 256).toBe(png.width);
      return png.width;
    });
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });
});
