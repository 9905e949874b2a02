/**
 * Running `ombud` in tests. Most tests call the CLI's `main()` in this process with its output
 * captured (`ombud`): the same code as the command, without starting Node for every call. A few
 * start the real launcher (`launcher`, `launcherSpawn`) to prove what only a process can show: the
 * bundle is found and started, exit codes reach the shell, a closed pipe is not an error.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { main } from '../../../electron/cli/main';

export type CliResult = { code: number | null; out: string; err: string };

export const LAUNCHER = fileURLToPath(new URL('../../../electron/cli/bin.mjs', import.meta.url));

/**
 * A temporary working folder with `ombud.sqlite` in it, removed after the file's tests. The CLI's
 * default database (no --db) is `userdata/ombud.sqlite` inside it (OMBUD_USER_DATA_DIR).
 */
export function cliFolder(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `${prefix}-`));
  const userData = path.join(dir, 'userdata');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { ...process.env, OMBUD_USER_DATA_DIR: userData };

  /** `ombud …args` run in-process: stdout and stderr as the terminal would show them, and the exit code. */
  async function ombud(...args: string[]): Promise<CliResult> {
    let out = '';
    let err = '';
    const saved = process.env['OMBUD_USER_DATA_DIR'];
    process.env['OMBUD_USER_DATA_DIR'] = userData;
    try {
      const code = await main(args, { out: (t) => { out += `${t}\n`; }, err: (t) => { err += `${t}\n`; }, cwd: dir });
      return { code, out, err };
    } finally {
      if (saved === undefined) delete process.env['OMBUD_USER_DATA_DIR'];
      else process.env['OMBUD_USER_DATA_DIR'] = saved;
    }
  }

  /** `node electron/cli/bin.mjs …args`: the real command in its own process. */
  function launcher(...args: string[]): CliResult {
    const r = spawnSync(process.execPath, [LAUNCHER, ...args], { cwd: dir, encoding: 'utf8', env });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  /** The real command with its output piped back, for tests that read it comes. */
  function launcherSpawn(...args: string[]): ChildProcessWithoutNullStreams {
    return spawn(process.execPath, [LAUNCHER, ...args], { cwd: dir, env });
  }

  return { dir, db: path.join(dir, 'ombud.sqlite'), userData, ombud, launcher, launcherSpawn };
}
