/**
 * `npm run electron:native`: a second build of the SQLite driver (better-sqlite3-multiple-ciphers,
 * better-sqlite3 with SQLCipher-compatible encryption; its binary is still called
 * better_sqlite3.node) for Electron's ABI, side by side with
 * the Node build in node_modules (ecosystem.md § 2, option D). node_modules is never touched, so
 * vitest, the CLI and the preview keep working; main.ts passes this copy as `nativeBinding` only
 * when it runs inside Electron.
 *
 * Traps handled here (ecosystem.md "Traps to remember"):
 * - the machine's npm config sets nodedir=/usr, and npm exports it as npm_config_nodedir; node-gyp
 *   would then "succeed" against Node 20's headers. It is removed from the environment first;
 * - the result is checked for the export node_register_module_v<Electron ABI>, so a wrong-ABI
 *   build is deleted instead of crashing the app at start.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const nativeDir = path.join(repoRoot, '.electron-native');
const DRIVER = 'better-sqlite3-multiple-ciphers';
export const nativeBinary = path.join(nativeDir, 'node_modules', DRIVER, 'build', 'Release', 'better_sqlite3.node');
/** The driver (with its C sources in deps/ to compile) and what it requires at run time (bindings → file-uri-to-path). */
const RUNTIME_PACKAGES = [DRIVER, 'bindings', 'file-uri-to-path'];

async function readJson(file) {
  return JSON.parse(await readFile(file, 'utf8'));
}

/** True when `binary` exports the module-registration symbol of the given ABI (works for ELF and PE). */
export async function exportsAbi(binary, abi) {
  const bytes = await readFile(binary);
  return bytes.includes(Buffer.from(`node_register_module_v${abi}\0`, 'latin1'));
}

/** Electron's version and module ABI (node_modules/electron/abi_version) as installed here. */
export async function electronTarget() {
  const electronPkg = await readJson(path.join(repoRoot, 'node_modules', 'electron', 'package.json'));
  const abi = (await readFile(path.join(repoRoot, 'node_modules', 'electron', 'abi_version'), 'utf8')).trim();
  return { electronVersion: electronPkg.version, abi };
}

/**
 * Copies the driver (without its Node build) and its runtime packages into `targetDir`, rebuilds it
 * there for Electron (for `arch`, default this machine's) and checks the ABI export. Returns the
 * built better_sqlite3.node. Used by `npm run electron:native` (target .electron-native/) and by
 * the packaging hook build/scripts/after-pack.cjs (a throwaway temp folder).
 */
export async function rebuildDriverInto(targetDir, { arch } = {}) {
  const { electronVersion, abi } = await electronTarget();
  const sqlitePkg = await readJson(path.join(repoRoot, 'node_modules', DRIVER, 'package.json'));
  const binary = path.join(targetDir, 'node_modules', DRIVER, 'build', 'Release', 'better_sqlite3.node');

  console.log(`Bygger ${DRIVER} ${sqlitePkg.version} til Electron ${electronVersion} (ABI ${abi}) i ${path.relative(repoRoot, targetDir) || targetDir}/ …`);
  await rm(targetDir, { recursive: true, force: true });
  await mkdir(path.join(targetDir, 'node_modules'), { recursive: true });
  const dependencies = {};
  for (const name of RUNTIME_PACKAGES) {
    const from = path.join(repoRoot, 'node_modules', name);
    if (!existsSync(from)) throw new Error(`node_modules/${name} mangler – kør "npm ci" først.`);
    dependencies[name] = (await readJson(path.join(from, 'package.json'))).version;
    // The Node build in build/ is left behind so that a failed rebuild cannot pass for a good one.
    await cp(from, path.join(targetDir, 'node_modules', name), {
      recursive: true,
      filter: (src) => !src.startsWith(path.join(from, 'build') + path.sep) && src !== path.join(from, 'build'),
    });
  }
  await writeFile(
    path.join(targetDir, 'package.json'),
    `${JSON.stringify({ name: 'ombud-electron-native', private: true, dependencies }, null, 2)}\n`,
  );

  // Without this, node-gyp compiles against /usr's Node 20 headers and reports success.
  for (const key of Object.keys(process.env)) {
    if (key.toLowerCase() === 'npm_config_nodedir') delete process.env[key];
  }
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: targetDir, electronVersion, onlyModules: [DRIVER], force: true, ...(arch ? { arch } : {}) });

  if (!existsSync(binary)) throw new Error(`Genopbygningen lavede ingen ${binary}.`);
  if (!(await exportsAbi(binary, abi))) {
    throw new Error(`Den byggede better_sqlite3.node eksporterer ikke node_register_module_v${abi} – den er bygget til en anden ABI.`);
  }
  console.log(`OK: ${binary} er bygget til Electron ${electronVersion} (ABI ${abi}).`);
  return binary;
}

export async function buildElectronNative() {
  await rebuildDriverInto(nativeDir);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildElectronNative().catch(async (e) => {
    await rm(nativeDir, { recursive: true, force: true });
    const detail = e instanceof Error ? e.message : String(e);
    console.error(`
Kunne ikke bygge ${DRIVER} til Electron.
Could not build ${DRIVER} for Electron.

  ${detail.split('\n').slice(0, 6).join('\n  ')}

Det kræver Electrons header-filer (fra electronjs.org) eller en færdigbygget udgave (fra GitHub),
samt python3, make og en C++-compiler. Uden internetadgang kan det ikke lade sig gøre på denne maskine.
This needs Electron's headers (electronjs.org) or a prebuilt binary (GitHub) and a C++ toolchain;
it cannot work offline. Use "npm run preview" to run Ombud in a browser instead.
`);
    process.exitCode = 1;
  });
}
