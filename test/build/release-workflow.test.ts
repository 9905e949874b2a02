/**
 * The release workflow (.github/workflows/release.yml) cannot run here, so it is read as data and
 * checked: triggers, least privilege, pinned actions, the matrix, that every npm script and file it
 * calls exists, that the signing secrets are used only when present, that the Electron suite runs
 * against the packaged app, and that the artifacts carry SHA256SUMS.txt. `workflowProblems` is also
 * run on broken copies, so each check is shown to fail.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const WORKFLOW_FILE = path.join(ROOT, '.github', 'workflows', 'release.yml');

/** js-yaml comes with the toolchain (electron-builder, ESLint); `load` exists in both its 3.x and 4.x. */
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

type Step = { name?: string; uses?: string; run?: string; if?: string; env?: Record<string, string>; with?: Record<string, unknown>; 'working-directory'?: string };
type Job = {
  'runs-on': string;
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  strategy?: { matrix: { include: Record<string, string>[] } };
  steps: Step[];
};
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> };

const loadWorkflow = (): Workflow => yaml.load(readFileSync(WORKFLOW_FILE, 'utf8')) as Workflow;
const packageScripts = (): Record<string, string> =>
  (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

const stepNamed = (job: Job, name: string): Step | undefined => job.steps.find((s) => s.name === name);

/** Every problem found; empty when the workflow is right. */
function workflowProblems(wf: Workflow, scripts: Record<string, string>): string[] {
  const problems: string[] = [];
  const triggers = Object.keys(wf.on).sort();
  if (JSON.stringify(triggers) !== JSON.stringify(['push', 'workflow_dispatch'])) problems.push(`triggers: ${triggers.join(', ')}`);
  const push = wf.on['push'] as { tags?: string[]; branches?: string[] } | null;
  if (JSON.stringify(push?.tags) !== JSON.stringify(['v*']) || push?.branches) problems.push('push must be tags v* only');

  // Least privilege: read for everyone; write only in a job that runs on a tag.
  if (JSON.stringify(wf.permissions) !== JSON.stringify({ contents: 'read' })) problems.push('top-level permissions must be contents: read');
  for (const [id, job] of Object.entries(wf.jobs)) {
    const writes = Object.entries(job.permissions ?? {}).filter(([, v]) => v === 'write');
    if (writes.length === 0) continue;
    if (id !== 'release' || JSON.stringify(job.permissions) !== JSON.stringify({ contents: 'write' })) problems.push(`job ${id} writes ${writes.map(([k]) => k).join(', ')}`);
    if (!job.if?.includes("startsWith(github.ref, 'refs/tags/v')")) problems.push(`job ${id} writes but does not run only on a tag`);
  }

  // Pinned actions: a tag can be moved to other code, a commit cannot.
  for (const job of Object.values(wf.jobs)) {
    for (const step of job.steps) {
      if (step.uses && !/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/.test(step.uses)) problems.push(`not pinned to a commit: ${step.uses}`);
    }
  }

  const build = wf.jobs['build'];
  if (!build) return [...problems, 'no build job'];
  if (build['runs-on'] !== '${{ matrix.os }}') problems.push('build does not run on the matrix os');
  const matrix = build.strategy?.matrix.include ?? [];
  const byOs = Object.fromEntries(matrix.map((m) => [m['os'], m]));
  const expected: Record<string, { dist: string; unpacked: string; executable: string; installers: string[] }> = {
    'windows-latest': { dist: 'dist:win', unpacked: 'release/win-unpacked', executable: 'Ombud.exe', installers: ['*.msi', 'Ombud-Setup-*.exe'] },
    'ubuntu-latest': { dist: 'dist:linux', unpacked: 'release/linux-unpacked', executable: 'ombud', installers: ['*.AppImage', '*.deb'] },
  };
  if (JSON.stringify(Object.keys(byOs).sort()) !== JSON.stringify(Object.keys(expected).sort())) problems.push(`matrix os: ${Object.keys(byOs).join(', ')}`);
  for (const [os, want] of Object.entries(expected)) {
    const got = byOs[os];
    if (!got) continue;
    for (const key of ['dist', 'unpacked', 'executable'] as const) if (got[key] !== want[key]) problems.push(`${os}: ${key} is ${got[key]}, not ${want[key]}`);
    if (JSON.stringify(got['installers']?.split(/\s+/)) !== JSON.stringify(want.installers)) problems.push(`${os}: installers ${got['installers']}`);
  }

  const setupNode = build.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
  if (String(setupNode?.with?.['node-version']) !== '22' || setupNode?.with?.['cache'] !== 'npm') problems.push('setup-node must give Node 22 with the npm cache');

  // Every npm script the workflow calls exists (matrix.dist for each row), and so does every file.
  const runs = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run ?? '')).join('\n');
  const called = new Set<string>();
  for (const m of runs.matchAll(/npm (?:run ([\w:.-]+|\$\{\{ matrix\.(\w+) \}\})|(test)\b)/g)) {
    if (m[3]) called.add('test');
    else if (m[2]) for (const row of matrix) called.add(row[m[2]] ?? `<matrix.${m[2]} missing>`);
    else if (m[1]) called.add(m[1]);
  }
  for (const name of called) if (!scripts[name]) problems.push(`npm run ${name}: no such script in package.json`);
  for (const m of runs.matchAll(/(?:^|\s)(\.ci\/run|build\/vitest\.config\.mts|test\/e2e\/[\w.-]+\.test\.ts)(?=\s|$)/gm)) {
    if (!existsSync(path.join(ROOT, m[1]!))) problems.push(`${m[1]} does not exist`);
  }
  for (const m of runs.matchAll(/npx ([\w-]+)/g)) {
    if (!existsSync(path.join(ROOT, 'node_modules', '.bin', m[1]!))) problems.push(`npx ${m[1]}: not in node_modules/.bin`);
  }

  // The order that makes the installers worth having: tested, built, packaged, the packaged app tested, summed, uploaded.
  const order = ['npm ci and npm test via .ci/run (Linux)', 'npm test (Windows)', 'Build', 'Installers', 'Packaged app for the Electron suite', 'Electron suite against the packaged app', 'SHA-256 sums', 'Upload installers'];
  const positions = order.map((n) => build.steps.findIndex((s) => s.name === n));
  if (positions.some((p) => p < 0) || positions.some((p, i) => i > 0 && p < positions[i - 1]!)) problems.push(`build steps missing or out of order: ${order.join(' → ')}`);
  const ciRun = stepNamed(build, 'npm ci and npm test via .ci/run (Linux)');
  if (ciRun && (ciRun.if !== "runner.os == 'Linux'" || ciRun.run?.trim() !== '.ci/run')) problems.push('Linux must test through .ci/run');
  const winTest = stepNamed(build, 'npm test (Windows)');
  if (winTest && (winTest.if !== "runner.os == 'Windows'" || winTest.run?.trim() !== 'npm test')) problems.push('Windows must run npm test');

  // The Electron suite drives the packaged app (not node_modules/electron), on Linux under a virtual display.
  const prep = stepNamed(build, 'Packaged app for the Electron suite')?.run ?? '';
  if (!prep.includes('OMBUD_ELECTRON_EXECUTABLE=$GITHUB_WORKSPACE/${{ matrix.unpacked }}/${{ matrix.executable }}')) problems.push('the Electron suite is not pointed at the packaged app');
  // The shipped files keep their fuses: the suite flips the inspector fuse in a temporary copy only.
  if (/electron-fuses write|EnableNodeCliInspectArguments=on/.test(runs)) problems.push('the workflow changes the fuses of the packaged app');
  const e2e = stepNamed(build, 'Electron suite against the packaged app')?.run ?? '';
  if (!/xvfb-run -a npx vitest run -c build\/vitest\.config\.mts test\/e2e\/electron-app\.test\.ts/.test(e2e)) problems.push('the Electron suite does not run under xvfb-run on Linux');

  // Secrets: only as env of the Installers step, and the script touches them only after checking they are set.
  for (const [id, job] of Object.entries(wf.jobs)) {
    for (const step of job.steps) {
      const { env, ...rest } = step;
      if (JSON.stringify(rest).includes('secrets.')) problems.push(`${id}/${step.name}: a secret outside env`);
      for (const [key, value] of Object.entries(env ?? {})) {
        if (!value.includes('secrets.')) continue;
        if (step.name !== 'Installers') problems.push(`${id}/${step.name}: secret ${key} outside the Installers step`);
        const script = step.run ?? '';
        const guard = script.indexOf(`[ -n "$${key}" ]`);
        const firstUse = script.search(new RegExp(`\\$${key}\\b`));
        if (guard < 0 || firstUse !== guard + 6) problems.push(`${id}/${step.name}: ${key} used without checking it is set`);
      }
    }
  }
  const installers = stepNamed(build, 'Installers');
  if (installers && !/export CSC_LINK="\$WIN_CSC_LINK" CSC_KEY_PASSWORD="\$WIN_CSC_KEY_PASSWORD"/.test(installers.run ?? '')) problems.push('the certificate does not reach CSC_LINK/CSC_KEY_PASSWORD');
  if (installers && !/else[\s\S]*IKKE signeret/.test(installers.run ?? '')) problems.push('an unsigned build does not say so in the log');
  if (installers && !(installers.run ?? '').includes('--publish never')) problems.push('electron-builder may publish by itself');

  // SHA-256 sums are made beside the installers and uploaded with them; the release carries them too.
  const sums = stepNamed(build, 'SHA-256 sums');
  if (sums?.['working-directory'] !== 'release' || !(sums.run ?? '').includes("sha256sum -- ${{ matrix.installers }} | sed 's/ [*]/  /' > SHA256SUMS.txt")) problems.push('SHA256SUMS.txt is not made from the installers');
  const upload = build.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
  const uploaded = String(upload?.with?.['path'] ?? '').split('\n').map((l) => l.trim());
  if (!uploaded.includes('release/SHA256SUMS.txt')) problems.push('the artifacts do not include SHA256SUMS.txt');
  for (const pattern of ['release/*.msi', 'release/Ombud-Setup-*.exe', 'release/*.AppImage', 'release/*.deb']) if (!uploaded.includes(pattern)) problems.push(`the artifacts do not include ${pattern}`);
  if (upload?.with?.['if-no-files-found'] !== 'error') problems.push('a missing installer must fail the upload');
  const release = wf.jobs['release'];
  if (!release || JSON.stringify(release.needs) !== JSON.stringify('build')) problems.push('the release job must wait for build');
  const combined = release && stepNamed(release, 'Combined SHA-256 sums')?.run;
  if (!combined?.includes('sha256sum -c SHA256SUMS.txt') || !combined.includes('>> upload/SHA256SUMS.txt')) problems.push('the release does not check and carry SHA256SUMS.txt');
  return problems;
}

describe('.github/workflows/release.yml', () => {
  it('is valid YAML with the build and release jobs', () => {
    const wf = loadWorkflow();
    expect(Object.keys(wf.jobs)).toEqual(['build', 'release']);
  });

  it('passes every check', () => {
    expect(workflowProblems(loadWorkflow(), packageScripts())).toEqual([]);
  });
});

/** Each check fails on the defect it is for: a broken copy of the real workflow must be reported. */
describe('the checks find', () => {
  const broken = (change: (wf: Workflow) => void): string[] => {
    const wf = loadWorkflow();
    change(wf);
    return workflowProblems(wf, packageScripts());
  };
  const build = (wf: Workflow): Job => wf.jobs['build']!;
  const step = (wf: Workflow, name: string): Step => stepNamed(build(wf), name)!;

  it('a pull_request trigger', () => {
    expect(broken((wf) => { wf.on['pull_request'] = null; })).toContain('triggers: pull_request, push, workflow_dispatch');
  });
  it('write permission for the build job', () => {
    expect(broken((wf) => { build(wf).permissions = { contents: 'write' }; })).toContain('job build writes contents');
  });
  it('a release job that writes without waiting for a tag', () => {
    expect(broken((wf) => { delete wf.jobs['release']!.if; })).toContain('job release writes but does not run only on a tag');
  });
  it('an action on a movable tag', () => {
    expect(broken((wf) => { build(wf).steps[0]!.uses = 'actions/checkout@v4'; })).toContain('not pinned to a commit: actions/checkout@v4');
  });
  it('a dropped Windows row', () => {
    expect(broken((wf) => { build(wf).strategy!.matrix.include.shift(); })).toContain('matrix os: ubuntu-latest');
  });
  it('an npm script package.json does not have', () => {
    expect(workflowProblems(loadWorkflow(), { ...packageScripts(), 'dist:linux': '' })).toContain('npm run dist:linux: no such script in package.json');
  });
  it('the packaged app’s fuses changed in place', () => {
    expect(broken((wf) => { step(wf, 'Packaged app for the Electron suite').run += '\nnpx electron-fuses write --app "${{ matrix.unpacked }}/${{ matrix.executable }}" EnableNodeCliInspectArguments=on'; }))
      .toContain('the workflow changes the fuses of the packaged app');
  });
  it('an Electron suite run on node_modules/electron instead of the package', () => {
    expect(broken((wf) => { step(wf, 'Packaged app for the Electron suite').run = 'echo OMBUD_ELECTRON_EXECUTABLE=node_modules/electron/dist/electron >> "$GITHUB_ENV"'; }))
      .toContain('the Electron suite is not pointed at the packaged app');
  });
  it('a secret pasted into the script', () => {
    expect(broken((wf) => { step(wf, 'Installers').run = 'CSC_LINK="${{ secrets.WIN_CSC_LINK }}" npm run ${{ matrix.dist }} -- --publish never'; }))
      .toContain('build/Installers: a secret outside env');
  });
  it('a secret used without checking it is set', () => {
    expect(broken((wf) => { step(wf, 'Installers').run = 'export CSC_LINK="$WIN_CSC_LINK" CSC_KEY_PASSWORD="$WIN_CSC_KEY_PASSWORD"\nnpm run ${{ matrix.dist }} -- --publish never'; }))
      .toEqual(expect.arrayContaining(['build/Installers: WIN_CSC_LINK used without checking it is set', 'an unsigned build does not say so in the log']));
  });
  it('artifacts without SHA256SUMS.txt', () => {
    expect(broken((wf) => {
      const upload = build(wf).steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
      upload.with!['path'] = String(upload.with!['path']).replace('release/SHA256SUMS.txt', '');
    })).toContain('the artifacts do not include SHA256SUMS.txt');
  });
  it('the installers made before the tests', () => {
    expect(broken((wf) => {
      const steps = build(wf).steps;
      const i = steps.findIndex((s) => s.name === 'Installers');
      steps.unshift(...steps.splice(i, 1));
    })).toContain('build steps missing or out of order: npm ci and npm test via .ci/run (Linux) → npm test (Windows) → Build → Installers → Packaged app for the Electron suite → Electron suite against the packaged app → SHA-256 sums → Upload installers');
  });
});
