#!/usr/bin/env node
/**
 * `npm run lint:electron`: Doyensec's Electronegativity over the Electron code (electron/ by default, or
 * the folder given), failing when a finding is above LOW. Part of `npm test`.
 *
 * Deterministic and offline: the Electron version is the one in package.json (`-e`, so no version is
 * guessed from the files), the check that downloads Electron's release list
 * (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK; Electron upgrades are Dependabot's job) is left out, and the
 * tool's start-up fetch of translations is answered "offline" before it is tried, so the same code
 * gives the same findings on a machine without internet.
 *
 * A finding that is not a real problem is suppressed where it occurs with `// eng-disable <CHECK>` and a
 * comment above saying why (electron/window.ts, electron/security/*.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'package.json'));

// No network: the translations fetch (dist/locales/i18n.js) gets an immediate "offline", as without a connection.
require.cache[require.resolve('got')] = {
  id: 'got', filename: 'got', loaded: true,
  exports: Object.assign(() => Promise.reject(new Error('offline')), { default: () => Promise.reject(new Error('offline')) }),
};
const log = console.log;
console.log = () => {}; // "Could not retrieve updated translations …"
const run = require('./dist/runner.js');
const { severity } = require('./dist/finder/attributes.js');

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const electronVersion = String(pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '').replace(/^[\^~]/, '');
const input = path.resolve(root, process.argv[2] ?? 'electron');

let result;
try {
  result = await run({
    input,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  }, false);
} finally {
  console.log = log;
}

const findings = result.issues
  .map((i) => ({ id: i.id, severity: i.severity.name, value: i.severity.value, confidence: i.confidence.name, file: i.file, line: i.location.line, column: i.location.column }))
  .sort((a, b) => b.value - a.value || a.file.localeCompare(b.file) || a.line - b.line || a.id.localeCompare(b.id));
const above = findings.filter((f) => f.value > severity.LOW.value);

for (const f of findings) console.log(`${f.severity.padEnd(13)} ${f.id}  ${f.file}:${f.line}:${f.column} (${f.confidence})`);
if (result.errors.length > 0) {
  for (const e of result.errors) console.error(`Kunne ikke læse ${e.file}: ${e.message ?? e.error ?? ''}`);
  process.exitCode = 1;
}
if (above.length > 0) {
  console.error(`Electronegativity (Electron ${electronVersion}): ${above.length} fund over LOW. Ret dem, eller undertryk et fund, der ikke er et problem, med // eng-disable <CHECK> og en begrundelse.`);
  process.exitCode = 1;
} else {
  console.log(`Electronegativity (Electron ${electronVersion}): ${findings.length} fund, intet over LOW (${result.atomicChecks} + ${result.globalChecks} tjek).`);
}
