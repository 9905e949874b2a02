#!/usr/bin/env node
// The `ombud` command (package.json "bin"). A tiny ESM launcher: the CLI is TypeScript and runs
// through tsx's loader API, so no build step is needed to use it from a checkout.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2));
