/**
 * Electron's fuse wire, read and flipped in a copy of a packaged app, so Playwright can drive the
 * installed build. The release build turns EnableNodeCliInspectArguments off (no `--inspect` into a
 * process that holds the database key), but Playwright's `_electron.launch` attaches through exactly
 * that flag and times out without it (Playwright docs, class Electron, "Known issues"). The suite
 * therefore runs a throwaway copy with that ONE fuse on, and checks the real executable's fuses as
 * they ship. The layout is @electron/fuses's: the sentinel, a version byte, a length byte, then one
 * byte per fuse ('0' off, '1' on, 'r' removed).
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SENTINEL = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1');

/** The V1 fuses in wire order (@electron/fuses FuseV1Options). */
export const FUSES = [
  'RunAsNode',
  'EnableCookieEncryption',
  'EnableNodeOptionsEnvironmentVariable',
  'EnableNodeCliInspectArguments',
  'EnableEmbeddedAsarIntegrityValidation',
  'OnlyLoadAppFromAsar',
  'LoadBrowserProcessSpecificV8Snapshot',
  'GrantFileProtocolExtraPrivileges',
] as const;
export type FuseName = (typeof FUSES)[number];
export type FuseWire = Readonly<Partial<Record<FuseName, 'on' | 'off' | 'removed'>>>;

/** Where the fuse bytes start in the binary; throws when the binary has no fuse wire. */
function wireStart(binary: Buffer): { start: number; length: number } {
  const at = binary.indexOf(SENTINEL);
  if (at < 0) throw new Error('Programfilen har ingen Electron-sikringer (fuse wire): er det en Electron-app?');
  if (binary.indexOf(SENTINEL, at + 1) >= 0) throw new Error('Programfilen har flere fuse wires.');
  const version = binary[at + SENTINEL.length];
  if (version !== 1) throw new Error(`Ukendt fuse-version ${String(version)}.`);
  return { start: at + SENTINEL.length + 2, length: binary[at + SENTINEL.length + 1]! };
}

export function readFuseWire(binary: Buffer): FuseWire {
  const { start, length } = wireStart(binary);
  const wire: Partial<Record<FuseName, 'on' | 'off' | 'removed'>> = {};
  FUSES.slice(0, length).forEach((name, i) => {
    const b = String.fromCharCode(binary[start + i]!);
    wire[name] = b === '1' ? 'on' : b === '0' ? 'off' : 'removed';
  });
  return wire;
}

/** A copy of the binary with one fuse set (never in place: the shipped file stays as built). */
export function withFuse(binary: Buffer, name: FuseName, on: boolean): Buffer {
  const { start, length } = wireStart(binary);
  const i = FUSES.indexOf(name);
  if (i >= length) throw new Error(`Fusen ${name} findes ikke i denne Electron.`);
  const copy = Buffer.from(binary);
  copy[start + i] = (on ? '1' : '0').charCodeAt(0);
  return copy;
}

/**
 * The packaged executable Playwright can launch: the executable itself when its inspect fuse is on,
 * else its folder copied to a temporary one (`copyDir`, the caller removes it) with that fuse flipped
 * on in the copy. Windows and Linux only (macOS would need the copy re-signed).
 */
export async function drivableExecutable(executable: string): Promise<{ executable: string; shipped: FuseWire; copyDir: string | null }> {
  const binary = await readFile(executable);
  const shipped = readFuseWire(binary);
  if (shipped.EnableNodeCliInspectArguments !== 'off') return { executable, shipped, copyDir: null };
  const copyDir = await mkdtemp(path.join(tmpdir(), 'ombud-packaged-'));
  await cp(path.dirname(executable), copyDir, { recursive: true, verbatimSymlinks: true });
  const copied = path.join(copyDir, path.basename(executable));
  await writeFile(copied, withFuse(binary, 'EnableNodeCliInspectArguments', true), { mode: 0o755 });
  return { executable: copied, shipped, copyDir };
}
