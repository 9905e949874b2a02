/**
 * Entry point of `npm run preview` (run through tsx by build/scripts/preview.mjs): starts the
 * backend as a child process (backend/fork.ts: the same host the app runs in a utilityProcess), so
 * an HTTP request never waits behind a long import in this process, opens the database there in
 * preview mode, starts the preview server and prints the address. The desk's choice of adviser is
 * remembered in the same per-user file as the app's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createBackendClient } from '../backend/client';
import { forkBackend } from '../backend/fork';
import { backupOfferText } from '../../shared/backup/manifest';
import { actorChoicePath, backupSettingsPath, defaultDatabasePath } from '../services/paths';
import { rendererBuilt, startPreviewServer } from './server';

const HELP = `Ombud preview – brugerfladen og den rigtige database i din browser, uden Electron.

Brug:  npm run preview -- [--db <fil>] [--port <nummer>]

  --db <fil>       databasefilen, der skal åbnes (standard: ${safeDefaultPath()})
  --port <nummer>  fast port på 127.0.0.1 (standard: en ledig port)
  --help           vis denne hjælp

Serveren lytter kun på 127.0.0.1, og hver kørsel får sin egen adgangsnøgle i adressen.
Stop den med Ctrl+C.`;

function safeDefaultPath(): string {
  try {
    return defaultDatabasePath();
  } catch {
    return 'Ombuds standardplacering';
  }
}

function packageVersion(repoRoot: string): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0-dev';
  } catch {
    return '0.0.0-dev';
  }
}

async function main(): Promise<number> {
  let values: { db?: string; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { db: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : String(e)}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      console.error(`--port skal være et helt tal mellem 1 og 65535, ikke "${values.port}".`);
      return 2;
    }
  }

  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const rendererDir = path.join(repoRoot, 'dist', 'renderer');
  if (!(await rendererBuilt(rendererDir))) {
    console.error(`Brugerfladen er ikke bygget (${rendererDir} mangler). Kør "npm run build:renderer" først.`);
    return 1;
  }

  const file = path.resolve(values.db ?? defaultDatabasePath());
  const backend = createBackendClient(forkBackend());
  const opened = await backend.open({
    file,
    mode: 'preview',
    appVersion: packageVersion(repoRoot),
    actorFile: actorChoicePath(),
    backupSettingsFile: backupSettingsPath(),
    automaticBackup: true,
  });
  if (!opened.ok) {
    console.error(opened.message);
    if (opened.offer) {
      console.error(`\n${backupOfferText(opened.offer)}\nGendan den med:\n\n    npx ombud restore "${opened.offer.file}" --db "${file}" --ja\n`);
    }
    await backend.close();
    return 1;
  }
  backend.onBackupResult((ok, message) => (ok ? console.log(message) : console.error(message)));
  backend.onUnexpectedExit((code) => {
    console.error(`Ombuds databaseproces stoppede uventet (kode ${code ?? 'ukendt'}). Stop preview med Ctrl+C, og start den igen.`);
  });
  const server = await startPreviewServer({ dispatch: backend.dispatch, rendererDir, port });

  console.log('Ombud preview kører.');
  console.log(`  Database: ${file}`);
  console.log(`  Åbn denne adresse i din browser:\n\n    ${server.url}\n`);
  console.log('Adressen indeholder en adgangsnøgle for denne kørsel – del den ikke. Stop med Ctrl+C.');

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.log('\nStopper preview …');
  await server.close();
  await backend.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error('Ombud preview stoppede med en fejl:', e);
    process.exitCode = 1;
  },
);
