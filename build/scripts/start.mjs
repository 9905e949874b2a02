/**
 * `npm start`: build, make sure the Electron binary and the Electron build of the SQLite driver
 * (better-sqlite3-multiple-ciphers) exist,
 * then launch Electron on the built app. On machines that cannot get an Electron binary (no access
 * to GitHub releases) it says so plainly and points to `npm run preview`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportsAbi, nativeBinary } from './electron-native.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const scripts = path.join(repoRoot, 'build', 'scripts');
const require = createRequire(import.meta.url);

function runNode(script, label) {
  const r = spawnSync(process.execPath, [path.join(scripts, script)], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${label} fejlede (kode ${r.status ?? r.signal}).`);
    process.exit(r.status || 1);
  }
}

/** The Electron executable. The electron package downloads it on first use (Electron ≥ 42). */
function electronExecutable() {
  try {
    const exe = require('electron');
    if (typeof exe === 'string' && existsSync(exe)) return exe;
  } catch {
    // Falls through to the message below: the download failed.
  }
  console.error(`
Electron kan ikke køre på denne maskine: programfilen kunne ikke hentes (der er ingen adgang til
Electrons udgivelser på GitHub). Start i stedet Ombud i browseren med:

    npm run preview

Electron cannot run on this machine: its binary could not be downloaded.`);
  return null;
}

runNode('build.mjs', 'Bygningen');
const electron = electronExecutable();
if (electron === null) process.exit(1);

// The Electron build of the SQLite driver must exist and match this Electron's ABI: after an Electron
// upgrade an old build would fail at start with "compiled against a different Node.js version".
const abi = readFileSync(path.join(repoRoot, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
if (!existsSync(nativeBinary) || !(await exportsAbi(nativeBinary, abi))) runNode('electron-native.mjs', 'Electron-bygningen af better-sqlite3-multiple-ciphers');

const env = { ...process.env };
// Set by some tools and fatal here: it would make the binary behave as plain Node.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electron, [repoRoot, ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
