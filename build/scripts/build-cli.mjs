/**
 * `npm run build:cli` (also run by `npm install` through "prepare", by `npm run build` and by
 * `npm test`): bundle the `ombud` command (electron/cli/main.ts and everything it imports) into ONE
 * ES module, dist/cli/ombud.mjs, so a start loads one file instead of compiling TypeScript through
 * tsx (≈ 1.2 s per start before; the bundle answers within three times a bare `node -e 0`). esbuild
 * comes with tsx, a runtime dependency, so an install without devDependencies builds it too.
 *
 * Beside it, dist/cli/ombud.inputs.json lists the repository files the bundle was made from.
 * electron/cli/bin.mjs compares their modification times with the bundle's and rebuilds it first
 * when one is newer, so an edited checkout never runs stale code (see `cliBundleIsFresh`).
 *
 * - better-sqlite3-multiple-ciphers stays external: it loads a native .node file from node_modules.
 * - exceljs stays external AND is required on first use only (plugin below): loading it takes
 *   ≈ 0.2 s, which every `ombud deadline` would otherwise pay although only an XLSX import needs it.
 * - zod and our own code are inlined; bundled CommonJS gets a real `require` through createRequire.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cliBundle = path.join(repoRoot, 'dist', 'cli', 'ombud.mjs');
export const cliInputs = path.join(repoRoot, 'dist', 'cli', 'ombud.inputs.json');
/** Files outside the import graph whose change means the bundle must be remade. */
const EXTRA_INPUTS = ['package-lock.json', 'node_modules/.package-lock.json', 'build/scripts/build-cli.mjs'];

/**
 * `import ExcelJS from 'exceljs'` becomes an object that requires the real package the first time a
 * property is read (`new ExcelJS.Workbook()`), so the CLI starts without loading it.
 */
const lazyExcelJs = {
  name: 'lazy-exceljs',
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, (args) =>
      args.namespace === 'lazy-exceljs' ? { path: 'exceljs', external: true } : { path: 'exceljs', namespace: 'lazy-exceljs' },
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-exceljs' }, () => ({
      contents: [
        "import { createRequire } from 'node:module';",
        'let real;',
        "const load = () => (real ??= createRequire(import.meta.url)('exceljs'));",
        'export default new Proxy({}, { get: (_target, key) => load()[key], has: (_target, key) => key in load() });',
      ].join('\n'),
      loader: 'js',
      resolveDir: repoRoot,
    }));
  },
};

/**
 * Bundle the CLI. Written to a temporary file and renamed into place, so a launcher started while a
 * build runs (tests start several at once) reads either the old or the new bundle, never half of one.
 */
export async function buildCli() {
  const esbuild = await import('esbuild');
  // The bundle is dated when reading the sources began: a file saved during the build counts as newer.
  const startedAt = new Date();
  const result = await esbuild.build({
    entryPoints: [path.join(repoRoot, 'electron', 'cli', 'main.ts')],
    // The metafile's input paths are relative to this; the launcher may run the build from any folder.
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // package.json "engines": Node ≥ 20.19.
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers'],
    plugins: [lazyExcelJs],
    banner: { js: "import { createRequire as __ombudCreateRequire } from 'node:module';\nconst require = __ombudCreateRequire(import.meta.url);" },
    metafile: true,
    write: false,
    outfile: cliBundle,
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  const inputs = [
    // A package changes only through npm, which rewrites the lock files: they stand for its files.
    ...Object.keys(result.metafile.inputs).filter((f) => !f.includes(':') && !f.split('/').includes('node_modules')),
    ...EXTRA_INPUTS.filter((f) => existsSync(path.join(repoRoot, f))),
  ];
  mkdirSync(path.dirname(cliBundle), { recursive: true });
  // The inputs list first: an old bundle beside a new list is at worst rebuilt once more, never trusted stale.
  replaceFile(cliInputs, `${JSON.stringify({ inputs }, null, 1)}\n`);
  replaceFile(cliBundle, output.contents, startedAt);
  return cliBundle;
}

function replaceFile(file, contents, mtime) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, contents);
    if (mtime) utimesSync(tmp, mtime, mtime);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * True when dist/cli/ombud.mjs exists and no file it was made from (nor the lock files) has been
 * changed since. Costs about a millisecond: one JSON file and a stat per source file.
 */
export function cliBundleIsFresh() {
  return bundleIsFresh(cliBundle, cliInputs, repoRoot);
}

/** `bundle` is newer than every file named (relative to `root`) in the list `inputs` holds. */
export function bundleIsFresh(bundle, inputs, root) {
  let built;
  let files;
  try {
    built = statSync(bundle).mtimeMs;
    files = JSON.parse(readFileSync(inputs, 'utf8')).inputs;
  } catch {
    return false; // No bundle yet, or a list that cannot be read: build.
  }
  if (!Array.isArray(files) || files.length === 0) return false;
  for (const file of files) {
    let changed;
    try {
      changed = statSync(path.join(root, file)).mtimeMs;
    } catch {
      return false; // A source was moved or deleted.
    }
    if (changed > built) return false;
  }
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  buildCli().then(
    (file) => console.log(`Kommandoen ombud er bygget til ${path.relative(repoRoot, file)} på ${((Date.now() - started) / 1000).toFixed(1)} s.`),
    (e) => {
      console.error('Bygningen af ombud-kommandoen fejlede / The CLI build failed:\n', e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
