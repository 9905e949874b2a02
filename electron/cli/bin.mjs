#!/usr/bin/env node
// The `ombud` command (package.json "bin"). A tiny ESM launcher: the CLI is TypeScript and runs
// through tsx's loader API, so no build step is needed to use it from a checkout.
import { tsImport } from 'tsx/esm/api';

// A reader that stops early (`ombud rules list | head -1`) closes the pipe; the next write then fails
// with EPIPE. That is not an error of the command: the rest of the output is dropped (a destroyed
// stream ignores further writes) and the command finishes – an import still commits or rolls back
// as a whole – and exits with its normal code, without a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const { main } = await tsImport('./main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
