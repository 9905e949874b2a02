/**
 * electron-builder `afterPack` hook (build/electron-builder.config.cjs). Runs after the app is staged
 * in appOutDir and BEFORE the fuses are flipped and the executable is signed (app-builder-lib
 * platformPackager: afterPack → sanity check → fuses → sign).
 *
 * 1. The SQLite driver in the package is the Node build from node_modules (the config has
 *    `npmRebuild: false`, so node_modules is never rebuilt in place and vitest, the CLI and the
 *    preview keep working). Here it is rebuilt for Electron in a throwaway temp folder
 *    (electron-native.mjs `rebuildDriverInto`) and copied over the unpacked
 *    app.asar.unpacked/…/better_sqlite3.node.
 * 2. The build FAILS unless the packaged better_sqlite3.node exports node_register_module_v<ABI>,
 *    ABI = node_modules/electron/abi_version: a wrong-ABI driver would make the installed app crash
 *    at start on every adviser's PC ("was compiled against a different Node.js version").
 *
 * Replacing the unpacked file after app.asar is written leaves the ASAR integrity fuse satisfied:
 * Electron checks the hash of the archive's header at start and the blocks of files it reads from
 * inside the archive (Electron docs, "ASAR Integrity"); a file in app.asar.unpacked is loaded from
 * disk. To be confirmed by the packaged end-to-end run on Windows (the fuse's only target here).
 *
 * The symbol is found in the file's bytes (an ELF or PE export name is stored as a NUL-terminated
 * string), so the check needs no Electron binary and runs on any OS.
 */
'use strict';
const { existsSync } = require('node:fs');
const { copyFile, mkdtemp, readFile, rm } = require('node:fs/promises');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const repoRoot = path.resolve(__dirname, '..', '..');
const DRIVER = 'better-sqlite3-multiple-ciphers';
/** Where asarUnpack puts the driver's binary, relative to the package's resources folder. */
const UNPACKED_BINARY = path.join('app.asar.unpacked', 'node_modules', DRIVER, 'build', 'Release', 'better_sqlite3.node');

/** The module ABI of the Electron this app is built with. */
async function electronAbi(root = repoRoot) {
  return (await readFile(path.join(root, 'node_modules', 'electron', 'abi_version'), 'utf8')).trim();
}

/** True when the native module at `file` exports node_register_module_v<abi> (electron-native.mjs `exportsAbi`). */
async function exportsAbiSymbol(file, abi) {
  const { exportsAbi } = await import(pathToFileURL(path.join(__dirname, 'electron-native.mjs')).href);
  return exportsAbi(file, abi);
}

/** Throws (in Danish, with the path) unless `<resourcesDir>/app.asar.unpacked/…/better_sqlite3.node` is built for `abi`. */
async function checkPackagedNativeModule(resourcesDir, abi) {
  const file = path.join(resourcesDir, UNPACKED_BINARY);
  if (!existsSync(file)) {
    throw new Error(`Pakken mangler ${UNPACKED_BINARY} – databasedriveren skal ligge uden for app.asar (asarUnpack).`);
  }
  if (!(await exportsAbiSymbol(file, abi))) {
    throw new Error(`${file} eksporterer ikke node_register_module_v${abi}: databasedriveren er ikke bygget til Electrons ABI ${abi}, og appen ville gå ned ved start.`);
  }
  return file;
}

/** Rebuilds the driver for Electron in `dir` (electron-native.mjs) and returns the .node file. */
async function rebuildInTempCopy(dir, arch) {
  const { rebuildDriverInto } = await import(pathToFileURL(path.join(__dirname, 'electron-native.mjs')).href);
  return rebuildDriverInto(dir, { arch });
}

/**
 * The hook itself: rebuild in a temp copy, put the result in the package, verify. `rebuild` is
 * replaceable so the tests can hand it a binary instead of compiling one.
 */
async function afterPack(context, rebuild = rebuildInTempCopy) {
  const { Arch } = require('app-builder-lib');
  const resourcesDir = context.packager.getResourcesDir(context.appOutDir);
  const abi = await electronAbi();
  const target = path.join(resourcesDir, UNPACKED_BINARY);
  if (!existsSync(target)) await checkPackagedNativeModule(resourcesDir, abi);
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'ombud-native-'));
  try {
    await copyFile(await rebuild(scratch, Arch[context.arch]), target);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const file = await checkPackagedNativeModule(resourcesDir, abi);
  console.log(`OK: ${path.relative(context.appOutDir, file)} er bygget til Electrons ABI ${abi}.`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.afterPack = afterPack;
module.exports.exportsAbiSymbol = exportsAbiSymbol;
module.exports.checkPackagedNativeModule = checkPackagedNativeModule;
module.exports.electronAbi = electronAbi;
module.exports.UNPACKED_BINARY = UNPACKED_BINARY;
