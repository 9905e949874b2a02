/**
 * The Electronegativity check (`npm run lint:electron`, part of `npm test`) fails on a finding above
 * LOW and passes on Ombud's own code, offline and with the Electron version from package.json.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = path.resolve(__dirname, '../../../build/scripts/electronegativity.mjs');

async function check(dir?: string): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, [SCRIPT, ...(dir ? [dir] : [])], { timeout: 60_000 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

describe('npm run lint:electron', () => {
  it('fails on a window with Node integration and no context isolation', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ombud-eneg-'));
    try {
      await writeFile(path.join(dir, 'main.ts'), [
        "import { BrowserWindow } from 'electron';",
        'export const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });',
        '',
      ].join('\n'));
      const r = await check(dir);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/^HIGH +CONTEXT_ISOLATION_JS_CHECK {2}main.ts:2:/mu);
      expect(r.out).toMatch(/fund over LOW/u);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('passes on electron/ with every remaining finding suppressed where it occurs', async () => {
    const r = await check();
    expect(r.out).toMatch(/Electronegativity \(Electron \d+\.\d+\.\d+\): \d+ fund, intet over LOW/u);
    expect(r.code).toBe(0);
  }, 60_000);
});
