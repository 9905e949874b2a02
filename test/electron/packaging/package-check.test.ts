/**
 * What the installers would contain (build/scripts/package-check.mjs, `npm run package:check`), and
 * the electron-builder configuration's promises to municipal IT: per-machine installs, a fixed MSI
 * upgradeCode, Danish NSIS, no auto-update, user data kept, production fuses.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DIR_NAME } from '../../../electron/services/paths';

type Config = Record<string, unknown> & { files: string[]; asarUnpack: string[]; directories: { output: string; buildResources: string } };
type Pkg = { files: string[]; unpacked: string[] };
type PackageCheck = {
  repoRoot: string;
  DRIVER_BINARY: string;
  loadConfig: () => Config;
  validateConfig: (config: unknown) => Promise<void>;
  resolvePackage: (config?: Config, root?: string) => Pkg;
  checkPackage: (pkg: Pkg, root?: string) => string[];
  runtimeModules: (bundles: string[]) => string[];
  bundleMarkers: () => { lastMigration: string; migrationTable: string; ruleIds: string[]; iccDescription: string; fonts: string[] };
};
type Build = { buildRenderer: () => Promise<void>; buildElectron: () => Promise<void> };
const script = (name: string) => pathToFileURL(fileURLToPath(new URL(`../../../build/scripts/${name}`, import.meta.url))).href;
const check = (await import(script('package-check.mjs'))) as PackageCheck;
const root = check.repoRoot;

let config: Config;
let pkg: Pkg;
beforeAll(async () => {
  // The bundles are made by `npm run package:check` / `npm run build:renderer` before the tests run;
  // built here only when missing, never rebuilt under another test that reads them.
  const build = (await import(script('build.mjs'))) as Build;
  if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) await build.buildRenderer();
  if (!existsSync(path.join(root, 'dist', 'electron', 'backend.cjs.map'))) await build.buildElectron();
  config = check.loadConfig();
  pkg = check.resolvePackage(config);
}, 120_000);

describe('the electron-builder configuration', () => {
  it('validates with electron-builder’s own schema, and a misspelt or misplaced option fails', async () => {
    await expect(check.validateConfig(config)).resolves.toBeUndefined();
    await expect(check.validateConfig({ ...config, nsis: { ...(config['nsis'] as object), perMachin: true } })).rejects.toThrow(/nsis/);
    await expect(check.validateConfig({ ...config, win: { ...(config['win'] as object), publisherName: 'Ombud' } })).rejects.toThrow(/win/);
  });

  it('builds per-machine Windows installers that upgrade in place, in Danish, and keep user data', () => {
    expect(config).toMatchObject({ appId: 'dk.ombud.desk', productName: 'Ombud', publish: null, asar: true, npmRebuild: false });
    expect(config['win']).toMatchObject({ target: ['msi', 'nsis'] });
    // Windows Installer treats a new MSI as an upgrade only with the same UpgradeCode: never change it.
    expect(config['msi']).toMatchObject({ perMachine: true, upgradeCode: '2373DB39-E29D-461D-90FF-282CC0FC5519' });
    expect(config['nsis']).toMatchObject({ perMachine: true, oneClick: false, allowToChangeInstallationDirectory: true, installerLanguages: ['da_DK'], language: '1030', deleteAppDataOnUninstall: false });
    expect(config['linux']).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(config.directories.output).not.toBe('dist'); // dist/ holds the bundles themselves
  });

  it('keeps user data in the standard folder named after the product', () => {
    // main.ts points userData at services/paths.ts userDataDir() (%APPDATA%\\Ombud, ~/.config/Ombud):
    // the folder Electron itself uses for productName "Ombud", outside the install folder.
    expect(APP_DIR_NAME).toBe(config['productName']);
    expect(readFileSync(path.join(root, 'electron', 'main.ts'), 'utf8').match(/app\.setPath\([^)]*\)/g)).toEqual(["app.setPath('userData', userDataDir()"]);
  });

  it('sets the production fuses', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('points at icons and a hook that exist', () => {
    const win = config['win'] as { icon: string };
    const linux = config['linux'] as { icon: string };
    expect(existsSync(path.join(root, win.icon))).toBe(true);
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) expect(existsSync(path.join(root, linux.icon, `${size}x${size}.png`))).toBe(true);
    expect(existsSync(path.join(root, config['afterPack'] as string))).toBe(true);
  });
});

describe('what the package contains', () => {
  it('passes the check: bundles, renderer, migrations, catalogue, ICC, fonts, runtime packages, the unpacked driver', () => {
    expect(check.checkPackage(pkg)).toEqual([]);
    expect(pkg.files).toEqual(expect.arrayContaining(['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/backend.cjs', 'dist/renderer/index.html', 'node_modules/source-sans/TTF/SourceSans3-Regular.ttf']));
    expect(pkg.unpacked).toEqual([check.DRIVER_BINARY]);
    // The bundles keep their linked maps for development, the package carries none.
    expect(existsSync(path.join(root, 'dist', 'electron', 'backend.cjs.map'))).toBe(true);
    expect(pkg.files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const dropped of ['tsx', 'esbuild', 'zod', 'pdf-lib', 'd3-scale']) expect(pkg.files).not.toContain(`node_modules/${dropped}/package.json`);
  });

  it('knows what the bundles load at run time', () => {
    const bundles = ['main', 'backend', 'preload'].map((b) => readFileSync(path.join(root, 'dist', 'electron', `${b}.cjs`), 'utf8'));
    expect(check.runtimeModules(bundles)).toEqual(['@kenjiuno/msgreader', 'better-sqlite3-multiple-ciphers', 'exceljs', 'postal-mime', 'source-sans', 'unpdf']);
  });

  it('fails when a file is missing or does not belong', () => {
    const without = (f: string) => check.checkPackage({ ...pkg, files: pkg.files.filter((x) => x !== f) });
    expect(without('dist/electron/preload.cjs')).toEqual([expect.stringContaining('preload.cjs mangler')]);
    expect(without('node_modules/source-sans/TTF/SourceSans3-Bold.ttf')).toEqual([expect.stringContaining('SourceSans3-Bold.ttf')]);
    expect(without(check.DRIVER_BINARY).join('\n')).toContain(check.DRIVER_BINARY);
    expect(check.checkPackage({ ...pkg, unpacked: [] })).toEqual([expect.stringContaining('asarUnpack')]);
    for (const extra of ['dist/electron/main.cjs.map', 'electron/main.ts', '.electron-native/node_modules/x.js', 'coverage/index.html', 'node_modules/exceljs/test/a.js', 'node_modules/unpdf/docs/a.html', 'node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c']) {
      expect(check.checkPackage({ ...pkg, files: [...pkg.files, extra] })).toEqual([expect.stringContaining(extra)]);
    }
  });

  it('fails when the configuration would leave out what runs or let in source maps', () => {
    const problems = (patch: Partial<Config>) => check.checkPackage(check.resolvePackage({ ...config, ...patch })).join('\n');
    expect(problems({ files: [...config.files, '!**/node_modules/exceljs{,/**/*}'] })).toContain('exceljs');
    expect(problems({ files: [...config.files, '!**/node_modules/pako{,/**/*}'] })).toContain('→ pako');
    expect(problems({ files: ['dist/electron/**/*', 'dist/renderer/**/*', ...config.files.filter((f) => f.startsWith('!') && f !== '!**/*.map')] })).toContain('backend.cjs.map');
    expect(problems({ asarUnpack: [] })).toContain('asarUnpack');
  });
});

describe('the markers that prove the backend bundle is complete', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'ombud-package-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('are read from the sources', () => {
    const m = check.bundleMarkers();
    expect(m.lastMigration).toMatch(/^\d{4}-.+\.ts$/);
    expect(m.migrationTable).toMatch(/^\w+$/);
    expect(m.ruleIds.length).toBeGreaterThan(10);
    expect(m.iccDescription).toContain('sRGB');
    expect(m.fonts).toEqual(expect.arrayContaining(['SourceSans3-Regular', 'SourceSans3-Bold']));
  });

  it('fail the check when the bundle lacks the last migration, a rule or the ICC profile, or relies on a fused-off switch', () => {
    for (const dir of ['db/migrations', 'shared/rules', 'electron/pdf', 'dist']) cpSync(path.join(root, dir), path.join(tmp, dir), { recursive: true });
    symlinkSync(path.join(root, 'node_modules'), path.join(tmp, 'node_modules'));
    writeFileSync(path.join(tmp, 'package.json'), readFileSync(path.join(root, 'package.json')));
    expect(check.checkPackage(pkg, tmp)).toEqual([]);
    const m = check.bundleMarkers();
    const backendFile = path.join(tmp, 'dist', 'electron', 'backend.cjs');
    const backend = readFileSync(backendFile, 'utf8');
    const strip = (marker: string) => {
      writeFileSync(backendFile, backend.split(marker).join('x'));
      return check.checkPackage(pkg, tmp).join('\n');
    };
    expect(strip(`CREATE TABLE ${m.migrationTable}`)).toContain(m.lastMigration);
    expect(strip(m.ruleIds.at(-1) as string)).toContain(m.ruleIds.at(-1));
    expect(strip(m.iccDescription)).toContain('ICC');
    // Fused off in the package: a bundle that needs them would work only in development.
    writeFileSync(backendFile, `${backend}\nprocess.env.ELECTRON_RUN_AS_NODE = '1';`);
    expect(check.checkPackage(pkg, tmp).join('\n')).toContain('ELECTRON_RUN_AS_NODE');
  });
});
