/**
 * `npm run bench [-- --json]`: import, search, list and open timings on 100,000 klagepunkter of demo
 * data, each beside its goal. `--json` prints one object `{ metrics: { name: { value, unit } } }`.
 * Everything happens in a temp folder that is removed afterwards. Always exits 0: a missed goal is
 * reported in the table (goal beside value), not a crash.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findForvaltningByName } from '../../db/queries/catalog';
import { listCases } from '../../db/queries/cases';
import { buildMatchQuery } from '../../db/queries/search-index';
import { defaultCaseListQuery, type CaseListQuery } from '../../shared/domain/case-list';
import { generateDemoRows } from '../../shared/demo/generate';
import { writeCsv } from '../../shared/import/csv';
import { runImport } from '../../electron/services/import';
import { openApp } from '../../electron/services/open-app';

const KLAGEPUNKTER = 100_000;
const TODAY = '2025-06-30';

/** What an adviser types: names, places, forvaltning words, themes and prefixes of them. */
const SEARCH_TERMS = [
  'jobcenter', 'sygedagpenge', 'Jensen', 'Søren', 'fleks', 'lægeattest', 'aflyst', 'Næsby', 'hjemmepleje', 'partshøring',
  'kvittering', 'bisidder', 'Nørgaard', 'telefonkø', 'møde', 'Ås', 'ressourcef', 'Anne Hansen', 'ydelses', 'sagsbeh',
];

type Metric = { value: number; unit: string; goal: string; met: boolean };

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] as number;
}

function timed(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const log = (s: string) => {
    if (!json) process.stderr.write(`${s}\n`);
  };
  const dir = mkdtempSync(path.join(tmpdir(), 'ombud-bench-'));
  const metrics: Record<string, Metric> = {};
  try {
    log(`Genererer demodata med ${KLAGEPUNKTER} klagepunkter …`);
    const demo = generateDemoRows({ seed: 2025, klagepunkter: KLAGEPUNKTER, today: TODAY });
    const content = new TextEncoder().encode(writeCsv([demo.header, ...demo.rows]));
    const file = path.join(dir, 'bench.sqlite');

    // --- import ------------------------------------------------------------------------------
    log(`Importerer ${demo.henvendelser} henvendelser (${(content.byteLength / 1e6).toFixed(1)} MB CSV) …`);
    const app = openApp({ file, mode: 'test', actor: () => 'bench', log: () => {} });
    const phases: Record<string, number> = {};
    let last = performance.now();
    const t0 = last;
    const report = await runImport(app.ctx, { fileName: 'bench.csv', content, dryRun: false }, (p) => {
      const now = performance.now();
      phases[p.phase] = (phases[p.phase] ?? 0) + (now - last);
      last = now;
    });
    const importMs = performance.now() - t0;
    if (!report.ok) throw new Error(`Importen i benchmarken fejlede: ${JSON.stringify(report.errors.slice(0, 3))}`);
    metrics['import_100k_s'] = { value: round(importMs / 1000, 2), unit: 's', goal: '≤ 5', met: importMs <= 5000 };
    log(`  faser (ms): ${Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);

    // --- search and list -----------------------------------------------------------------------
    const db = app.ctx.db;
    const rounds = 5;
    const appSearch: number[] = [];
    const rawSearch: number[] = [];
    const raw = db.prepare('SELECT rowid FROM case_fts WHERE case_fts MATCH ?');
    for (let r = 0; r < rounds; r++) {
      for (const term of SEARCH_TERMS) {
        const q: CaseListQuery = { ...defaultCaseListQuery(), search: term };
        appSearch.push(timed(() => listCases(db, q)));
        const match = buildMatchQuery(term);
        if (match !== null) rawSearch.push(timed(() => raw.all(match)));
      }
    }
    const appP95 = percentile(appSearch, 95);
    const rawP95 = percentile(rawSearch, 95);
    metrics['search_p95_ms'] = { value: round(appP95, 2), unit: 'ms', goal: `≤ 30 og ≤ 2 × rå FTS (${round(2 * rawP95, 2)})`, met: appP95 <= 30 && appP95 <= 2 * rawP95 };
    metrics['search_raw_fts_p95_ms'] = { value: round(rawP95, 2), unit: 'ms', goal: 'reference', met: true };

    const forvaltninger = ['Beskæftigelse', 'Social', 'Børn og Unge', 'Sundhed og Omsorg', 'Teknik og Miljø'].map((n) => findForvaltningByName(db, n));
    const listTimes: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const forvaltningId of forvaltninger) {
        for (const [statuses, sort] of [[['afsluttet'], 'receivedOn'], [['modtaget'], 'receivedOn'], [['modtaget', 'under_behandling'], 'citizenName'], [['afsluttet'], 'sagsnr']] as const) {
          const q: CaseListQuery = { ...defaultCaseListQuery(), statuses: [...statuses], forvaltningId, sort };
          listTimes.push(timed(() => listCases(db, q)));
        }
      }
    }
    const listP95 = percentile(listTimes, 95);
    metrics['list_first_page_p95_ms'] = { value: round(listP95, 2), unit: 'ms', goal: '≤ 30', met: listP95 <= 30 };
    app.close();

    // --- open an existing file ----------------------------------------------------------------
    const opens: number[] = [];
    for (let r = 0; r < 5; r++) {
      opens.push(timed(() => openApp({ file, mode: 'test', log: () => {} }).close()));
    }
    const openMs = percentile(opens, 50);
    metrics['open_migrate_ms'] = { value: round(openMs, 1), unit: 'ms', goal: '≤ 200', met: openMs <= 200 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  if (json) {
    const plain = Object.fromEntries(Object.entries(metrics).map(([k, m]) => [k, { value: m.value, unit: m.unit }]));
    process.stdout.write(`${JSON.stringify({ metrics: plain })}\n`);
    return;
  }
  const rows = Object.entries(metrics).map(([name, m]) => [name, `${m.value} ${m.unit}`, m.goal, m.met ? 'ok' : 'MISSET']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...[['måling', 'værdi', 'mål', ''], ...rows].map((r) => (r[i] as string).length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] as number)).join('  ');
  process.stdout.write(`${line(['måling', 'værdi', 'mål', ''])}\n${rows.map(line).join('\n')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`Benchmarken fejlede: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exitCode = 1;
});
