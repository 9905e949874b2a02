/**
 * The packaging hook's guard (build/scripts/after-pack.cjs): the build fails unless the packaged
 * better_sqlite3.node exports node_register_module_v<ABI>. Checked here on the Node build of the
 * driver, whose ABI is process.versions.modules: it passes for that ABI and fails for Electron's.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

type AfterPack = {
  exportsAbiSymbol: (file: string, abi: string) => Promise<boolean>;
  checkPackagedNativeModule: (resourcesDir: string, abi: string) => Promise<string>;
  electronAbi: () => Promise<string>;
  UNPACKED_BINARY: string;
};
const require = createRequire(import.meta.url);
const hook = require('../../../build/scripts/after-pack.cjs') as AfterPack;
const nodeBuild = path.join(path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), 'build', 'Release', 'better_sqlite3.node');

const resourcesDir = mkdtempSync(path.join(tmpdir(), 'ombud-resources-'));
afterAll(() => rmSync(resourcesDir, { recursive: true, force: true }));

describe('afterPack: the packaged driver must be built for Electron', () => {
  const electronAbi = readFileSync(require.resolve('electron/abi_version'), 'utf8').trim();
  const nodeAbi = process.versions.modules;

  it('reads the ABI from node_modules/electron/abi_version, which is not the ABI of this Node', async () => {
    await expect(hook.electronAbi()).resolves.toBe(electronAbi);
    expect(electronAbi).not.toBe(nodeAbi);
  });

  it('finds the ABI export in the .node file, and only that one', async () => {
    await expect(hook.exportsAbiSymbol(nodeBuild, nodeAbi)).resolves.toBe(true);
    await expect(hook.exportsAbiSymbol(nodeBuild, electronAbi)).resolves.toBe(false);
    // A prefix of the real ABI must not pass ("v1" in "v115").
    await expect(hook.exportsAbiSymbol(nodeBuild, nodeAbi.slice(0, -1))).resolves.toBe(false);
  });

  it('fails when the driver is missing from app.asar.unpacked', async () => {
    await expect(hook.checkPackagedNativeModule(resourcesDir, nodeAbi)).rejects.toThrow(/asarUnpack/);
  });

  it('passes the packaged driver for its own ABI and fails it for another', async () => {
    const target = path.join(resourcesDir, hook.UNPACKED_BINARY);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(nodeBuild, target);
    await expect(hook.checkPackagedNativeModule(resourcesDir, nodeAbi)).resolves.toBe(target);
    await expect(hook.checkPackagedNativeModule(resourcesDir, electronAbi)).rejects.toThrow(`node_register_module_v${electronAbi}`);
  });
});

describe('afterPack: the hook as electron-builder runs it', () => {
  type Hook = (context: unknown, rebuild: (dir: string, arch: string) => Promise<string>) => Promise<void>;
  const afterPack = require('../../../build/scripts/after-pack.cjs') as Hook;
  const appOutDir = mkdtempSync(path.join(tmpdir(), 'ombud-appout-'));
  afterAll(() => rmSync(appOutDir, { recursive: true, force: true }));
  // Arch.x64 is 1 in builder-util's enum; getResourcesDir as for Windows and Linux.
  const context = { appOutDir, arch: 1, packager: { getResourcesDir: (dir: string) => path.join(dir, 'resources') } };
  const target = path.join(appOutDir, 'resources', hook.UNPACKED_BINARY);

  it('fails the build when the rebuilt driver is not for Electron’s ABI, and rebuilds in a temp folder', async () => {
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(nodeBuild, target);
    let scratch = '';
    await expect(
      afterPack(context, async (dir, arch) => {
        scratch = dir;
        expect(arch).toBe('x64');
        return nodeBuild;
      }),
    ).rejects.toThrow(/ABI/);
    expect(scratch.startsWith(tmpdir())).toBe(true);
  });

  it('puts an Electron build into app.asar.unpacked', async () => {
    const abi = await hook.electronAbi();
    const fake = path.join(appOutDir, 'electron-build.node');
    writeFileSync(fake, Buffer.from(`\0node_register_module_v${abi}\0`, 'latin1'));
    await afterPack(context, async () => fake);
    expect(readFileSync(target)).toEqual(readFileSync(fake));
  });
});
