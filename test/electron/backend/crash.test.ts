/**
 * Crash safety (architecture § 3.3: WAL with synchronous = FULL, one transaction per change): a child
 * process (crash-writer.ts) writes through dispatch into an encrypted database file and prints each
 * write after its commit returned; it is killed with SIGKILL at a random moment, 20 times, and
 * reopened by the next child each time. Afterwards the file must pass SQLite's full
 * `integrity_check`, every printed write must be there, and no transaction may be half there: every
 * henvendelse has exactly the klagepunkter its summary names and its creation entry in the audit
 * trail. The kill moments come from a printed seed
 * (OMBUD_CRASH_SEED repeats a run); where SIGKILL lands in the child's work is up to the scheduler.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { seededRandom } from '../seeded-random';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { dbKeyText, parseDbKey } from '../../../db/key';

const KILLS = 20;
const SEED = Number(process.env['OMBUD_CRASH_SEED'] ?? '20261206');
const WRITER = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
/** The writer bundled once, as the app's backend is (build/scripts/build.mjs): a child then starts in a fraction of tsx's time. */
const BUNDLE = path.resolve(fileURLToPath(new URL('../../../dist/test/crash-writer.cjs', import.meta.url)));
const KEY = parseDbKey('c0'.repeat(32))!;

const dir = mkdtempSync(path.join(tmpdir(), 'ombud-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  await build({
    entryPoints: [WRITER], outfile: BUNDLE, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    external: ['better-sqlite3-multiple-ciphers', 'exceljs', 'unpdf', 'postal-mime', '@kenjiuno/msgreader'],
    define: { 'import.meta.url': '__ombudImportMetaUrl' },
    banner: { js: "const __ombudImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
}, 60_000);

type Acked = { cases: Map<number, number>; notes: Set<number>; requests: Set<number> };

/** One child: start, let it write for `ms` after it is ready, SIGKILL it; collect what it acknowledged. */
function runAndKill(file: string, childSeed: number, ms: number, acked: Acked): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUNDLE, file, String(childSeed)], {
      env: { ...process.env, OMBUD_DB_KEY: dbKeyText(KEY) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffer = '';
    let writes = 0;
    let timer: NodeJS.Timeout | null = null;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const [kind, a, b] = buffer.slice(0, nl).split(' ');
        buffer = buffer.slice(nl + 1);
        if (kind === 'ready') timer = setTimeout(() => child.kill('SIGKILL'), ms);
        else if (kind === 'case') acked.cases.set(Number(a), Number(b));
        else if (kind === 'note') acked.notes.add(Number(a));
        else if (kind === 'request') acked.requests.add(Number(a));
        else if (kind === 'error') reject(new Error(`Skriveprocessen fejlede: ${[a, b].join(' ')}`));
        if (kind !== 'ready') writes += 1;
      }
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      // A line cut off by the kill was never acknowledged in full: it is ignored.
      if (signal === 'SIGKILL') resolve(writes);
      else reject(new Error(`Skriveprocessen sluttede uden at blive dræbt (kode ${code})`));
    });
  });
}

it(`survives ${KILLS} SIGKILLs with every acknowledged write present and no half transaction`, async () => {
  console.log(`crash.test.ts: seed ${SEED} (OMBUD_CRASH_SEED=${SEED} repeats the kill moments)`);
  const random = seededRandom(SEED);
  const file = path.join(dir, 'ombud.sqlite');
  const acked: Acked = { cases: new Map(), notes: new Set(), requests: new Set() };
  let total = 0;
  for (let round = 0; round < KILLS; round++) {
    // 0–400 ms of writing: sometimes before the first commit, mostly in the middle of one.
    total += await runAndKill(file, Math.floor(random() * 2 ** 31), Math.floor(random() * 400), acked);
  }
  expect(total).toBeGreaterThan(KILLS);

  const { db } = openDatabase(file, { key: KEY });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = new Map((db.prepare('SELECT c.id, c.summary, (SELECT count(*) FROM complaint_points p WHERE p.case_id = c.id) AS points FROM cases c').all() as Array<{ id: number; summary: string; points: number }>).map((r) => [r.id, r]));
    for (const [id, points] of acked.cases) {
      expect(stored.get(id), `henvendelse ${id}`).toMatchObject({ summary: `Nedbrud punkter=${points}`, points });
    }
    // Every henvendelse there at all, acknowledged or not, is whole: its klagepunkter and its audit entry.
    for (const row of stored.values()) {
      expect(row.points, `henvendelse ${row.id}`).toBe(Number(row.summary.split('=')[1]));
    }
    const audited = db.prepare("SELECT count(DISTINCT entity_id) FROM audit_log WHERE entity = 'case' AND entity_id IS NOT NULL").pluck().get() as number;
    expect(audited).toBeGreaterThanOrEqual(stored.size);
    const notes = new Set(db.prepare('SELECT id FROM journal_notes').pluck().all() as number[]);
    for (const id of acked.notes) expect(notes.has(id), `notat ${id}`).toBe(true);
    const requests = new Set(db.prepare('SELECT id FROM requests').pluck().all() as number[]);
    for (const id of acked.requests) expect(requests.has(id), `anmodning ${id}`).toBe(true);
    console.log(`crash.test.ts: ${KILLS} kills, ${total} acknowledged writes (${acked.cases.size} henvendelser, ${acked.notes.size} notater, ${acked.requests.size} anmodninger), all present`);
  } finally {
    db.close();
  }
}, 120_000);
