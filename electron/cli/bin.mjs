#!/usr/bin/env node
// The `ombud` command (package.json "bin"). A tiny ESM launcher for the bundled CLI,
// dist/cli/ombud.mjs (build/scripts/build-cli.mjs; `npm install` makes it through "prepare"): one
// file, so a command answers in a fraction of a second instead of compiling TypeScript at each start.
// When a source file is newer than the bundle (an edited checkout), the bundle is remade first; when
// it cannot be written (a read-only checkout), the TypeScript runs through tsx instead, with a note.
import module from 'node:module';
import { pathToFileURL } from 'node:url';
import { buildCli, cliBundle, cliBundleIsFresh } from '../../build/scripts/build-cli.mjs';

// Node ≥ 22.1 keeps V8's compiled code of the bundle on disk, so later starts skip most of the
// parsing (compiling it is about a fifth of a start). A quiet optimisation: it never throws, and Node 20
// lacks it.
module.enableCompileCache?.();

// A reader that stops early (`ombud rules list | head -1`) closes the pipe; the next write then fails
// with EPIPE. That is not an error of the command: the rest of the output is dropped (a destroyed
// stream ignores further writes) and the command finishes – an import still commits or rolls back
// as a whole – and exits with its normal code, without a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

async function loadMain() {
  if (!cliBundleIsFresh()) {
    try {
      await buildCli();
    } catch (e) {
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      process.stderr.write(`ombud: kører fra kildekoden gennem tsx (langsommere start), fordi dist/cli/ombud.mjs ikke kunne bygges: ${why}\n`);
      const { tsImport } = await import('tsx/esm/api');
      return (await tsImport('./main.ts', import.meta.url)).main;
    }
  }
  return (await import(pathToFileURL(cliBundle).href)).main;
}

const main = await loadMain();
process.exitCode = await main(process.argv.slice(2));
