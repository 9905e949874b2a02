/**
 * `node build/scripts/make-icons.mjs`: draws Ombud's icon in code – a dark blue rounded square with
 * a white ring (a calm, geometric "O") – and writes build/resources/icons/<n>x<n>.png for every size
 * the Linux packages use (16–512) and icon.ico for Windows (16–256, PNG-compressed entries, which
 * Windows accepts since Vista). No image library: PNG is written with node:zlib (RFC 2083: IHDR,
 * IDAT with filter byte 0 per row, IEND, CRC-32 per chunk). The output is deterministic, so the
 * committed files can be checked against a fresh run (test/electron/packaging/icons.test.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const iconDir = path.join(repoRoot, 'build', 'resources', 'icons');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
/** Windows reads at most 256 × 256 from an .ico. */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

const BLUE = [0x1f, 0x3a, 0x5f];
const WHITE = [0xff, 0xff, 0xff];

/** Coverage (0–1) of pixel (x, y) by the shape `inside(u, v)` in unit coordinates, 4×4 supersampled. */
function coverage(x, y, size, inside) {
  let hits = 0;
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      if (inside((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) hits++;
    }
  }
  return hits / 16;
}

/** The rounded square: a 4 % margin and corners of radius 0.2. */
function inSquare(u, v) {
  const m = 0.04;
  const r = 0.2;
  if (u < m || v < m || u > 1 - m || v > 1 - m) return false;
  const cx = Math.min(Math.max(u, m + r), 1 - m - r);
  const cy = Math.min(Math.max(v, m + r), 1 - m - r);
  return (u - cx) ** 2 + (v - cy) ** 2 <= r * r;
}

/** The ring: outer radius 0.3, inner 0.18, centred. */
function inRing(u, v) {
  const d = Math.hypot(u - 0.5, v - 0.5);
  return d <= 0.3 && d >= 0.18;
}

/** RGBA pixels of the icon at `size` × `size`. */
export function drawIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const square = coverage(x, y, size, inSquare);
      const ring = coverage(x, y, size, (u, v) => inSquare(u, v) && inRing(u, v));
      const o = (y * size + x) * 4;
      const white = square > 0 ? ring / square : 0;
      for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(BLUE[c] * (1 - white) + WHITE[c] * white);
      rgba[o + 3] = Math.round(square * 255);
    }
  }
  return rgba;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG (8-bit RGBA, non-interlaced) of `rgba`. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An .ico (ICONDIR + ICONDIRENTRY per image, PNG payloads); a width/height byte of 0 means 256. */
export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** Every icon file by name, as bytes. */
export function renderIcons() {
  const pngs = new Map(PNG_SIZES.map((size) => [size, encodePng(size, drawIcon(size))]));
  const files = new Map([...pngs].map(([size, png]) => [`${size}x${size}.png`, png]));
  files.set('icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  return files;
}

async function main() {
  await mkdir(iconDir, { recursive: true });
  for (const [name, bytes] of renderIcons()) await writeFile(path.join(iconDir, name), bytes);
  console.log(`Ikoner skrevet til ${path.relative(repoRoot, iconDir)}/.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
