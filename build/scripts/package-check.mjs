/**
 * `npm run package:check`: builds the app bundles (build.mjs: renderer + main, backend, preload) and
 * verifies what the installers would contain – without an Electron binary, so it runs in `npm test`
 * on any machine:
 *
 * 1. build/electron-builder.config.cjs is validated by electron-builder's OWN validator
 *    (app-builder-lib `validateConfiguration`, the JSON schema app-builder-lib/scheme.json), so a
 *    misspelt or misplaced option fails here and not first in CI.
 * 2. The file list is resolved with electron-builder's own matcher (app-builder-lib `FileMatcher`,
 *    the minimatch-all rules of its `files` and `asarUnpack`), with the default patterns
 *    getMainFileMatchers adds. node_modules are what electron-builder's collector copies: the
 *    production dependency closure of package.json, filtered by the `!` patterns of `files` and the
 *    NodeModuleCopyHelper defaults (README, test/, Makefiles, obj.target …). That collector needs a
 *    package manager run and is not exported, so its closure is recomputed here from the
 *    package.json files in node_modules.
 * 3. The list is checked: main/preload/backend, the renderer and its assets, the migrations, the
 *    rule catalogue and the ICC profile inside backend.cjs (markers read from the sources), the
 *    Source Sans TTFs fonts.ts reads, every package the bundles load at run time, the driver's
 *    .node file unpacked from app.asar – and no source maps, tests, TypeScript, docs, coverage,
 *    .electron-native or native build leftovers; and no bundle that relies on ELECTRON_RUN_AS_NODE or
 *    NODE_OPTIONS, which the production fuses switch off.
 *
 * Source maps: build.mjs keeps `sourcemap: 'linked'` for development; `files` excludes *.map, so
 * the package carries none (checked below).
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
export const CONFIG_FILE = path.join(repoRoot, 'build', 'electron-builder.config.cjs');

const appBuilderLib = path.dirname(require.resolve('app-builder-lib/package.json'));
const { FileMatcher, excludedExts, excludedNames } = require(path.join(appBuilderLib, 'out', 'fileMatcher.js'));
const { validateConfiguration } = require(path.join(appBuilderLib, 'out', 'util', 'config', 'config.js'));

const DRIVER = 'better-sqlite3-multiple-ciphers';
export const DRIVER_BINARY = `node_modules/${DRIVER}/build/Release/better_sqlite3.node`;

/** The configuration as electron-builder loads it. */
export function loadConfig(file = CONFIG_FILE) {
  delete require.cache[require.resolve(file)];
  return require(file);
}

/** Resolves when electron-builder accepts `config`; rejects with its message otherwise. */
export async function validateConfig(config) {
  await validateConfiguration(config, { isEnabled: false, add: () => {} });
}

const identity = (s) => s;
const fakeStat = (isDir, moduleFullFilePath) => ({ isDirectory: () => isDir, moduleFullFilePath });

/** The `files` patterns as getMainFileMatchers completes them (app-builder-lib/out/fileMatcher.js). */
function mainPatterns(config) {
  const files = (config.files ?? []).filter((p) => typeof p === 'string');
  const patterns = files.includes('package.json') ? [...files] : [...files, 'package.json'];
  const outDir = config.directories?.output ?? 'dist';
  const buildResources = config.directories?.buildResources ?? 'build';
  return [
    '!**/node_modules/**',
    `!${buildResources}{,/**/*}`,
    `!${outDir}{,/**/*}`,
    ...patterns,
    `!**/*.{${excludedExts},pdb}`,
    '!**/._*',
    '!**/electron-builder.{yaml,yml,json,json5,toml,ts}',
    `!**/{${excludedNames}}`,
    '!.yarn{,/**/*}',
    '!.editorconfig',
    '!.yarnrc.yml',
  ];
}

function walk(dir, rel, keep, out) {
  for (const name of readdirSync(dir).sort()) {
    const abs = path.join(dir, name);
    const relPath = rel ? `${rel}/${name}` : name;
    const isDir = lstatSync(abs).isDirectory();
    if (!keep(abs, relPath, isDir)) continue;
    if (isDir) walk(abs, relPath, keep, out);
    else out.push(relPath);
  }
}

/** The app's own files (outside node_modules) that `files` selects, relative to the app root. */
export function resolveAppFiles(config, root = repoRoot) {
  const filter = new FileMatcher(root, root, identity, mainPatterns(config)).createFilter();
  const out = [];
  walk(root, '', (abs, rel, isDir) => rel !== 'node_modules' && rel !== '.git' && filter(abs, fakeStat(isDir)), out);
  return out;
}

/** Production dependency closure of package.json, as installed: [{ name, dir (relative) }]. */
export function productionModules(root = repoRoot) {
  const found = new Map();
  const visit = (fromDir, pkgJson) => {
    const deps = { ...pkgJson.dependencies, ...pkgJson.optionalDependencies };
    for (const name of Object.keys(deps)) {
      // Node's resolution: the nearest node_modules upwards from the requiring package.
      let dir = fromDir;
      let hit;
      for (;;) {
        const candidate = path.join(dir, 'node_modules', name);
        if (existsSync(path.join(candidate, 'package.json'))) {
          hit = candidate;
          break;
        }
        if (path.resolve(dir) === path.resolve(root)) break;
        dir = path.dirname(dir);
      }
      if (!hit) continue; // an optional dependency not installed on this platform
      const rel = path.relative(root, hit).split(path.sep).join('/');
      if (found.has(rel)) continue;
      found.set(rel, name);
      visit(hit, JSON.parse(readFileSync(path.join(hit, 'package.json'), 'utf8')));
    }
  };
  visit(root, JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')));
  return [...found].map(([dir, name]) => ({ name, dir }));
}

const NODE_MODULE_EXCLUDED_NAMES = new Set(['.DS_Store', 'node_modules', 'CHANGELOG.md', 'ChangeLog', 'changelog.md', 'Changelog.md', 'Changelog', 'binding.gyp', '.npmignore', 'node_gyp_bins', ...excludedNames.split(',')]);
const NODE_MODULE_TOP_EXCLUDED = new Set(['karma.conf.js', '.coveralls.yml', 'README.md', 'readme.markdown', 'README', 'readme.md', 'Readme.md', 'Readme', 'readme', 'test', 'tests', '__tests__', 'powered-test', 'example', 'examples', '.bin']);

/** The node_modules files the package would carry (NodeModuleCopyHelper's rules + the `!` patterns of `files`). */
export function resolveNodeModuleFiles(config, root = repoRoot) {
  const excludes = (config.files ?? []).filter((p) => typeof p === 'string' && p.startsWith('!'));
  const filter = excludes.length > 0 ? new FileMatcher(root, root, identity, ['**/*', ...excludes]).createFilter() : () => true;
  const extensions = ['.o', '.obj', '.pdb', ...excludedExts.split(',').map((e) => `.${e}`)];
  const out = [];
  for (const mod of productionModules(root)) {
    const top = path.join(root, mod.dir);
    walk(top, mod.dir, (abs, rel, isDir) => {
      const name = path.basename(abs);
      const parent = path.dirname(abs);
      if (NODE_MODULE_EXCLUDED_NAMES.has(name) || name.startsWith('._')) return false;
      if (extensions.some((e) => name.endsWith(e))) return false;
      if (parent === top && NODE_MODULE_TOP_EXCLUDED.has(name)) return false;
      if (parent.endsWith('build') && (name === 'gyp-mac-tool' || name === 'Makefile' || name.endsWith('.mk') || name.endsWith('.gypi') || name.endsWith('.Makefile'))) return false;
      if (parent.endsWith('Release') && (name === '.deps' || name === 'obj.target')) return false;
      return filter(abs, fakeStat(isDir, rel));
    }, out);
  }
  return out;
}

/** Which of `files` asarUnpack puts next to app.asar instead of inside it. */
export function unpackedFiles(config, files, root = repoRoot) {
  const patterns = [config.asarUnpack ?? []].flat();
  if (patterns.length === 0) return [];
  const filter = new FileMatcher(root, root, identity, patterns).createFilter();
  return files.filter((f) => filter(path.join(root, f), fakeStat(false, f)));
}

/** Everything the package would contain: { files, unpacked } with paths relative to the app root. */
export function resolvePackage(config = loadConfig(), root = repoRoot) {
  const files = [...resolveAppFiles(config, root), ...resolveNodeModuleFiles(config, root)];
  return { files, unpacked: unpackedFiles(config, files, root) };
}

/** The packages the bundles load at run time: require(), import() and require.resolve() of bare names. */
export function runtimeModules(bundleTexts) {
  const builtins = new Set(builtinModules);
  const names = new Set();
  for (const text of bundleTexts) {
    // esbuild prints module names in double quotes; single-quoted ones are text inside strings
    // (iconv-lite's messages quote "require('iconv-lite')").
    for (const m of text.matchAll(/\b(?:require|import|resolve)\(\s*"([^"./][^"]*)"\s*\)/g)) {
      const spec = m[1];
      if (spec.startsWith('node:') || builtins.has(spec) || spec === 'electron') continue;
      const parts = spec.split('/');
      names.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  return [...names].sort();
}

/** Markers that prove the backend bundle carries the migrations, the rule catalogue and the ICC profile. */
export function bundleMarkers(root = repoRoot) {
  const migrations = readdirSync(path.join(root, 'db', 'migrations')).filter((f) => /^\d{4}-.+\.ts$/.test(f)).sort();
  const last = migrations.at(-1);
  const table = /CREATE TABLE (\w+)/.exec(readFileSync(path.join(root, 'db', 'migrations', last), 'utf8'))?.[1];
  const catalog = readFileSync(path.join(root, 'shared', 'rules', 'catalog.ts'), 'utf8');
  const ruleIds = [...catalog.matchAll(/^\s{4}id: '([^']+)'/gm)].map((m) => m[1]);
  const icc = /descTag\('([^']+)'\)/.exec(readFileSync(path.join(root, 'electron', 'pdf', 'srgb-icc.ts'), 'utf8'))?.[1];
  const fonts = [...readFileSync(path.join(root, 'electron', 'pdf', 'fonts.ts'), 'utf8').matchAll(/'(SourceSans3-[\w]+)'/g)].map((m) => m[1]);
  return { lastMigration: last, migrationTable: table, ruleIds, iccDescription: icc, fonts };
}

/**
 * Dependencies that a packaged package declares but never loads at run time: better-sqlite3's
 * install script alone uses prebuild-install (`prebuild-install || node-gyp rebuild`); at run time
 * it loads its binary with `bindings`.
 */
const INSTALL_TIME_ONLY = new Set(['prebuild-install']);

/** Packaged packages whose (non-optional) dependencies are not in the package: "pkg → dep". */
export function missingDependencies(files, root = repoRoot) {
  const has = new Set(files);
  const problems = [];
  for (const f of files) {
    const m = /^((?:.*\/)?node_modules\/(?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(f);
    if (!m || m[1].endsWith('/node_modules')) continue;
    const dir = m[1];
    const pkg = JSON.parse(readFileSync(path.join(root, f), 'utf8'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) {
      if (INSTALL_TIME_ONLY.has(dep)) continue;
      // Resolved like Node: dir/node_modules/dep, then each node_modules further up.
      const candidates = [];
      for (let d = dir; ; ) {
        candidates.push(`${d}/node_modules/${dep}/package.json`);
        const up = d.lastIndexOf('/node_modules/');
        if (up < 0) break;
        d = d.slice(0, up);
      }
      candidates.push(`node_modules/${dep}/package.json`);
      if (!candidates.some((c) => has.has(c))) problems.push(`${pkg.name} → ${dep}`);
    }
  }
  return problems;
}

/** What is wrong with a package holding `files` (of which `unpacked` outside app.asar); [] when nothing. */
export function checkPackage({ files, unpacked }, root = repoRoot) {
  const problems = [];
  const has = new Set(files);
  const read = (f) => readFileSync(path.join(root, f), 'utf8');
  for (const f of ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/backend.cjs', 'dist/renderer/index.html']) {
    if (!has.has(f)) problems.push(`${f} mangler i pakken.`);
  }
  if (has.has('dist/renderer/index.html')) {
    for (const m of read('dist/renderer/index.html').matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)) {
      if (!has.has(`dist/renderer/${m[1]}`)) problems.push(`dist/renderer/${m[1]} (brugt af index.html) mangler i pakken.`);
    }
  }
  const markers = bundleMarkers(root);
  if (has.has('dist/electron/backend.cjs')) {
    const backend = read('dist/electron/backend.cjs');
    if (!markers.migrationTable || !backend.includes(`CREATE TABLE ${markers.migrationTable}`)) {
      problems.push(`backend.cjs indeholder ikke den sidste migrering (${markers.lastMigration}).`);
    }
    const missingRules = markers.ruleIds.filter((id) => !backend.includes(id));
    if (markers.ruleIds.length === 0 || missingRules.length > 0) problems.push(`backend.cjs mangler regler fra kataloget: ${missingRules.join(', ') || 'ingen fundet'}.`);
    if (!markers.iccDescription || !backend.includes(markers.iccDescription)) problems.push('backend.cjs indeholder ikke sRGB-ICC-profilen (electron/pdf/srgb-icc.ts).');
  }
  for (const font of markers.fonts) {
    if (!has.has(`node_modules/source-sans/TTF/${font}.ttf`)) problems.push(`Skrifttypen node_modules/source-sans/TTF/${font}.ttf mangler i pakken.`);
  }
  if (markers.fonts.length === 0) problems.push('Ingen skrifttyper fundet i electron/pdf/fonts.ts.');
  const bundles = ['main', 'backend', 'preload'].map((b) => `dist/electron/${b}.cjs`).filter((f) => has.has(f)).map(read);
  // The fuses turn these off in the package (RunAsNode, EnableNodeOptionsEnvironmentVariable): code
  // that relies on them would work in development and silently fail for the advisers.
  for (const [i, text] of bundles.entries()) {
    for (const fused of ['ELECTRON_RUN_AS_NODE', 'NODE_OPTIONS']) {
      if (text.includes(fused)) problems.push(`Bundt nr. ${i + 1} bruger ${fused}, som sikringerne (fuses) slår fra i den installerede app.`);
    }
  }
  for (const name of runtimeModules(bundles)) {
    if (!has.has(`node_modules/${name}/package.json`)) problems.push(`Pakken ${name}, som bundterne indlæser, mangler i node_modules.`);
  }
  for (const missing of missingDependencies(files, root)) problems.push(`Pakken mangler en afhængighed: ${missing}.`);
  if (!has.has(DRIVER_BINARY)) problems.push(`${DRIVER_BINARY} mangler i pakken.`);
  else if (!unpacked.includes(DRIVER_BINARY)) problems.push(`${DRIVER_BINARY} ligger i app.asar; en native modul skal pakkes ud (asarUnpack).`);
  const forbidden = [
    [/\.map$/, 'kildekort (source map)'],
    [/(^|\/)(test|tests|__tests__|spec|coverage)\//, 'test eller coverage'],
    [/\.(test|spec)\.[cm]?[jt]sx?$/, 'test'],
    [/\.[cm]?tsx?$/, 'TypeScript-kilde'],
    [/(^|\/)\.electron-native\//, '.electron-native'],
    [/(^|\/)docs?\//, 'dokumentation'],
    [/\.(md|markdown)$/i, 'dokumentation'],
    [/(^|\/)(Makefile|binding\.gyp|config\.gypi)$|\.(mk|o|a|obj|lib|pdb)$|\/obj(\.target)?\//, 'rester fra en native build'],
    [/^(src|electron|db|shared|renderer|test|build)\//, 'kildemappe'],
    [/^node_modules\/better-sqlite3-multiple-ciphers\/(deps|src)\//, 'driverens C-kilder'],
  ];
  for (const f of files) {
    const hit = forbidden.find(([re]) => re.test(f));
    if (hit) problems.push(`${f} hører ikke hjemme i pakken (${hit[1]}).`);
  }
  return problems;
}

async function main() {
  if (process.argv.includes('--build')) {
    const { buildRenderer, buildElectron } = await import(pathToFileURL(path.join(repoRoot, 'build', 'scripts', 'build.mjs')).href);
    await buildRenderer();
    await buildElectron();
  }
  const config = loadConfig();
  await validateConfig(config);
  const pkg = resolvePackage(config);
  const problems = checkPackage(pkg);
  if (problems.length > 0) {
    console.error(`Pakken er ikke i orden (${problems.length}):\n  ${problems.slice(0, 40).join('\n  ')}`);
    process.exitCode = 1;
    return;
  }
  const modules = new Set(pkg.files.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/').slice(0, f.split('/')[1].startsWith('@') ? 3 : 2).join('/')));
  console.log(`OK: konfigurationen er gyldig; pakken får ${pkg.files.length} filer (${modules.size} pakker i node_modules), ${pkg.unpacked.length} pakket ud af app.asar.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
