/**
 * `npm run build`: the renderer (Vite) into dist/renderer, then the main process and the preload
 * (esbuild) into dist/electron. Works without the Electron binary.
 *
 * - main.cjs: Node platform, CommonJS, with electron and the native/heavy runtime packages left
 *   external (better-sqlite3 loads a .node file; exceljs is a large CommonJS package that the main
 *   bundle requires from node_modules as it is, rather than copying it into the bundle).
 * - backend.cjs: the backend process (electron/backend/entry.ts: services and database), which
 *   main.cjs starts as a utilityProcess; Node platform, CommonJS, better-sqlite3 and exceljs external
 *   like main.cjs. The main bundle itself no longer contains the services.
 * - preload.cjs: ONE self-contained CommonJS file, because a sandboxed preload can require only
 *   'electron' and a few polyfilled modules, never a second file of ours (Electron docs, "Process
 *   Sandboxing" › "Preload scripts"). The build fails if anything else is required from it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = path.join(repoRoot, 'dist', 'electron');

/** Build the React UI with the renderer's own Vite config. */
export async function buildRenderer() {
  const { build } = await import('vite');
  await build({
    configFile: path.join(repoRoot, 'build', 'vite.renderer.config.mts'),
    mode: 'production',
    logLevel: 'warn',
  });
}

/** Bundle the main process, the backend process and the preload. */
export async function buildElectron() {
  const nodeBundle = (entry, outfile) =>
    esbuild.build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      // Electron 45 runs Node 22 (in the main process and in a utilityProcess alike).
      target: 'node22',
      // The document readers are ES modules loaded on first use (services/document-text.ts), never at start.
      external: ['electron', 'better-sqlite3-multiple-ciphers', 'exceljs', 'unpdf', 'postal-mime', '@kenjiuno/msgreader'],
      sourcemap: 'linked',
      // import.meta.url does not exist in CommonJS; give modules that use it the bundle's own URL.
      define: { 'import.meta.url': '__ombudImportMetaUrl' },
      banner: { js: "const __ombudImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
      logLevel: 'warning',
    });
  await nodeBundle(path.join(repoRoot, 'electron', 'main.ts'), path.join(outDir, 'main.cjs'));
  await nodeBundle(path.join(repoRoot, 'electron', 'backend', 'entry.ts'), path.join(outDir, 'backend.cjs'));
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'electron', 'preload', 'index.ts')],
    outfile: path.join(outDir, 'preload.cjs'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'chrome140',
    external: ['electron'],
    logLevel: 'warning',
  });
  await assertPreloadSelfContained(path.join(outDir, 'preload.cjs'));
}

async function assertPreloadSelfContained(file) {
  const code = await readFile(file, 'utf8');
  const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
  const others = required.filter((name) => name !== 'electron');
  if (others.length > 0) {
    throw new Error(`preload.cjs kræver andre moduler end 'electron' (${others.join(', ')}); en sandboxed preload kan ikke det.`);
  }
}

async function main() {
  const started = Date.now();
  await buildRenderer();
  await buildElectron();
  console.log(`Bygget til dist/ på ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error('Bygningen fejlede / The build failed:\n', e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
