/**
 * The built `ombud` (build/scripts/build-cli.mjs): what the bundle may load at start, and the rule
 * by which electron/cli/bin.mjs decides that it is stale and must be remade.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

type BuildCli = {
  buildCli: () => Promise<string>;
  cliBundle: string;
  cliInputs: string;
  cliBundleIsFresh: () => boolean;
  bundleIsFresh: (bundle: string, inputs: string, root: string) => boolean;
};
// A plain ES module without types: imported by URL so TypeScript does not look for declarations.
const script = pathToFileURL(fileURLToPath(new URL('../../../build/scripts/build-cli.mjs', import.meta.url))).href;
const build = (await import(script)) as BuildCli;

describe('the ombud bundle', () => {
  it('holds our code and zod, loads only Node, better-sqlite3 and (later) exceljs, and lists its sources', async () => {
    await build.buildCli();
    expect(build.cliBundleIsFresh()).toBe(true);
    const code = readFileSync(build.cliBundle, 'utf8');
    const imported = [...code.matchAll(/^import .* from ["']([^"']+)["'];?$/gm)].map((m) => m[1] as string);
    expect(imported.filter((name) => !name.startsWith('node:')).sort()).toEqual(['better-sqlite3-multiple-ciphers']);
    // exceljs costs ≈ 0.2 s to load; only an XLSX import requires it, on first use.
    expect(code).toContain(`createRequire(import.meta.url)("exceljs")`);

    const { inputs } = JSON.parse(readFileSync(build.cliInputs, 'utf8')) as { inputs: string[] };
    expect(inputs).toEqual(expect.arrayContaining(['electron/cli/main.ts', 'electron/cli/commands/deadline.ts', 'shared/rules/catalog.ts', 'db/migrations/index.ts', 'package-lock.json']));
    // A package changes only through npm, which rewrites the lock files: they stand for its files.
    expect(inputs).toContain('node_modules/.package-lock.json');
    const packageFiles = inputs.filter((f) => f.includes('node_modules/') && f !== 'node_modules/.package-lock.json');
    expect([...packageFiles, ...inputs.filter((f) => path.isAbsolute(f) || f.startsWith('..'))]).toEqual([]);
  });
});

describe('bundleIsFresh: when the launcher remakes the bundle', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'ombud-bundle-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const bundle = path.join(root, 'dist', 'ombud.mjs');
  const list = path.join(root, 'dist', 'inputs.json');
  const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);
  mkdirSync(path.join(root, 'src'));
  mkdirSync(path.join(root, 'dist'));

  it('is fresh only while every listed source is older than the bundle', () => {
    expect(build.bundleIsFresh(bundle, list, root)).toBe(false); // nothing built yet
    writeFileSync(path.join(root, 'src', 'a.ts'), 'a');
    writeFileSync(path.join(root, 'src', 'b.ts'), 'b');
    writeFileSync(bundle, '// bundle');
    expect(build.bundleIsFresh(bundle, list, root)).toBe(false); // no list of sources
    writeFileSync(list, JSON.stringify({ inputs: [] }));
    expect(build.bundleIsFresh(bundle, list, root)).toBe(false); // an empty list proves nothing
    writeFileSync(list, JSON.stringify({ inputs: ['src/a.ts', 'src/b.ts'] }));
    at(path.join(root, 'src', 'a.ts'), 1_000);
    at(path.join(root, 'src', 'b.ts'), 1_000);
    at(bundle, 2_000);
    expect(build.bundleIsFresh(bundle, list, root)).toBe(true);
    at(path.join(root, 'src', 'b.ts'), 3_000); // b.ts edited after the build
    expect(build.bundleIsFresh(bundle, list, root)).toBe(false);
    at(path.join(root, 'src', 'b.ts'), 1_000);
    rmSync(path.join(root, 'src', 'a.ts')); // a source moved away
    expect(build.bundleIsFresh(bundle, list, root)).toBe(false);
    writeFileSync(list, '{"inputs": ['); // a list cut short
    expect(build.bundleIsFresh(bundle, list, root)).toBe(false);
  });
});
