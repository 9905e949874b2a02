/**
 * `npm run preview [-- --db <fil> --port <nummer>]`: build the renderer, then run the preview
 * server (electron/preview/cli.ts) through tsx. Arguments after `--` go to the server.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildRenderer, repoRoot } from './build.mjs';

const args = process.argv.slice(2);
const wantsHelp = args.includes('--help') || args.includes('-h');
if (!wantsHelp) {
  console.log('Bygger brugerfladen …');
  await buildRenderer();
}
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const child = spawn(process.execPath, [tsxCli, path.join(repoRoot, 'electron', 'preview', 'cli.ts'), ...args], {
  cwd: repoRoot,
  stdio: 'inherit',
});
// Ctrl+C reaches the child through the terminal's process group; only forward SIGTERM.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
