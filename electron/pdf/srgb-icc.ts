/**
 * A minimal sRGB ICC profile (version 2.1, monitor class, matrix/TRC), generated here instead of
 * shipping a profile file: PDF/A needs one as the OutputIntent's DestOutputProfile, pdfkit's copy is
 * not installed, and 3 kB of code-made bytes carry no licence question.
 *
 * Where the numbers come from:
 * - colorants: the sRGB primaries of IEC 61966-2-1 adapted to the PCS white D50 with the Bradford
 *   transform, as published in the ICC's own sRGB profiles (rXYZ 0.4361 0.2225 0.0139, gXYZ 0.3851
 *   0.7169 0.0971, bXYZ 0.1431 0.0606 0.7141);
 * - white point: D50 (0.9642 1.0 0.8249), the PCS illuminant of ICC.1 — the colorants are already
 *   adapted to it, so media white maps to PCS white;
 * - tone curve: the piecewise sRGB transfer function of IEC 61966-2-1 (linear below 0.04045, else
 *   ((v + 0.055) / 1.055)^2.4), sampled at 1024 points, one table shared by R, G and B.
 * Tag layout follows ICC.1:2001-04 (v2): desc (textDescriptionType), cprt (textType), wtpt, rXYZ, gXYZ,
 * bXYZ (XYZType), rTRC/gTRC/bTRC (curveType). Not checked by an ICC validator.
 */

function s15f16(v: number): number {
  return Math.round(v * 65536) | 0;
}

function xyzTag(x: number, y: number, z: number): Uint8Array {
  const b = new DataView(new ArrayBuffer(20));
  b.setUint32(0, 0x58595a20); // 'XYZ '
  b.setInt32(8, s15f16(x));
  b.setInt32(12, s15f16(y));
  b.setInt32(16, s15f16(z));
  return new Uint8Array(b.buffer);
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

function descTag(text: string): Uint8Array {
  // 'desc', reserved, ASCII count incl. NUL, ASCII, Unicode language + count (0), ScriptCode code + count (0) + 67 bytes.
  const out = new Uint8Array(12 + text.length + 1 + 8 + 3 + 67);
  const dv = new DataView(out.buffer);
  out.set(ascii('desc'), 0);
  dv.setUint32(8, text.length + 1);
  out.set(ascii(text), 12);
  return out;
}

function textTag(text: string): Uint8Array {
  const out = new Uint8Array(8 + text.length + 1);
  out.set(ascii('text'), 0);
  out.set(ascii(text), 8);
  return out;
}

function curveTag(points: number): Uint8Array {
  const dv = new DataView(new ArrayBuffer(12 + 2 * points));
  dv.setUint32(0, 0x63757276); // 'curv'
  dv.setUint32(8, points);
  for (let i = 0; i < points; i++) {
    const v = i / (points - 1);
    const lin = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    dv.setUint16(12 + 2 * i, Math.round(lin * 65535));
  }
  return new Uint8Array(dv.buffer);
}

let cached: Uint8Array | undefined;

/** The profile's bytes (the same every call). */
export function srgbIccProfile(): Uint8Array {
  if (cached !== undefined) return cached;
  const trc = curveTag(1024);
  const tags: Array<[string, Uint8Array]> = [
    ['desc', descTag('sRGB IEC61966-2.1')],
    ['cprt', textTag('No copyright, use freely')],
    ['wtpt', xyzTag(0.9642, 1.0, 0.8249)],
    ['rXYZ', xyzTag(0.4360747, 0.2225045, 0.0139322)],
    ['gXYZ', xyzTag(0.3850649, 0.7168786, 0.0971045)],
    ['bXYZ', xyzTag(0.1430804, 0.0606169, 0.7141733)],
    ['rTRC', trc],
    ['gTRC', trc],
    ['bTRC', trc],
  ];
  const pad4 = (n: number) => (n + 3) & ~3;
  const tableEnd = 128 + 4 + 12 * tags.length;
  // Lay out the distinct tag data, sharing one offset for the three identical TRC tables.
  const placed = new Map<Uint8Array, number>();
  let offset = pad4(tableEnd);
  for (const [, data] of tags) {
    if (!placed.has(data)) {
      placed.set(data, offset);
      offset = pad4(offset + data.length);
    }
  }
  const out = new Uint8Array(offset);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, offset);
  dv.setUint32(8, 0x02100000); // version 2.1.0
  out.set(ascii('mntr'), 12);
  out.set(ascii('RGB '), 16);
  out.set(ascii('XYZ '), 20);
  // Creation date fixed (2026-01-01 00:00:00) so every render gives the same bytes.
  [2026, 1, 1, 0, 0, 0].forEach((v, i) => dv.setUint16(24 + 2 * i, v));
  out.set(ascii('acsp'), 36);
  dv.setUint32(64, 0); // rendering intent: perceptual
  dv.setInt32(68, s15f16(0.9642));
  dv.setInt32(72, s15f16(1.0));
  dv.setInt32(76, s15f16(0.8249));
  dv.setUint32(128, tags.length);
  tags.forEach(([sig, data], i) => {
    const at = 132 + 12 * i;
    out.set(ascii(sig), at);
    dv.setUint32(at + 4, placed.get(data) ?? 0);
    dv.setUint32(at + 8, data.length);
  });
  for (const [data, at] of placed) out.set(data, at);
  cached = out;
  return out;
}
