/**
 * The fuse wire reader and flipper the Electron suite uses on the packaged app (electron-fuses.ts),
 * on a made-up binary with the wire in @electron/fuses's layout: the shipped file's fuses are read
 * as they are, and the copy differs from it in exactly one byte.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drivableExecutable, readFuseWire, withFuse } from './electron-fuses';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Version 1, eight fuses as a release build sets them: RunAsNode off, cookies on, NODE_OPTIONS off, inspect off, ASAR integrity on, only ASAR on, snapshot off, file: off. */
const binary = Buffer.concat([Buffer.from('\u007fELF……padding', 'latin1'), Buffer.from(`${SENTINEL}\u0001\u0008`, 'latin1'), Buffer.from('01001100', 'latin1'), Buffer.from('……more', 'latin1')]);

describe('the Electron fuse wire', () => {
  it('reads the fuses as shipped', () => {
    expect(readFuseWire(binary)).toEqual({
      RunAsNode: 'off', EnableCookieEncryption: 'on', EnableNodeOptionsEnvironmentVariable: 'off', EnableNodeCliInspectArguments: 'off',
      EnableEmbeddedAsarIntegrityValidation: 'on', OnlyLoadAppFromAsar: 'on', LoadBrowserProcessSpecificV8Snapshot: 'off', GrantFileProtocolExtraPrivileges: 'off',
    });
  });

  it('turns on only the inspect fuse, in a copy', () => {
    const flipped = withFuse(binary, 'EnableNodeCliInspectArguments', true);
    expect(readFuseWire(flipped)).toMatchObject({ EnableNodeCliInspectArguments: 'on', RunAsNode: 'off', EnableNodeOptionsEnvironmentVariable: 'off', OnlyLoadAppFromAsar: 'on' });
    expect([...flipped].filter((b, i) => b !== binary[i])).toHaveLength(1);
    expect(readFuseWire(binary).EnableNodeCliInspectArguments).toBe('off');
  });

  it('drives a copy of the installed folder and leaves the installed executable as shipped', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ombud-fuses-'));
    let copyDir: string | null = null;
    try {
      const exe = path.join(dir, 'ombud');
      writeFileSync(exe, binary);
      writeFileSync(path.join(dir, 'resources.pak'), 'ressourcer');
      const drivable = await drivableExecutable(exe);
      copyDir = drivable.copyDir;
      expect(copyDir).not.toBeNull();
      expect(drivable.executable).toBe(path.join(copyDir!, 'ombud'));
      expect(drivable.shipped.EnableNodeCliInspectArguments).toBe('off');
      expect(readFuseWire(readFileSync(drivable.executable)).EnableNodeCliInspectArguments).toBe('on');
      expect(readFileSync(path.join(copyDir!, 'resources.pak'), 'utf8')).toBe('ressourcer');
      expect(readFileSync(exe).equals(binary)).toBe(true);
      // An executable Playwright can already drive is used as it is.
      writeFileSync(exe, withFuse(binary, 'EnableNodeCliInspectArguments', true));
      expect(await drivableExecutable(exe)).toMatchObject({ executable: exe, copyDir: null });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      if (copyDir) rmSync(copyDir, { recursive: true, force: true });
    }
  });

  it('refuses a file without a fuse wire', () => {
    expect(() => readFuseWire(Buffer.from('not electron'))).toThrow('ingen Electron-sikringer');
  });
});
