/**
 * The child process of crash.test.ts: opens the database file with its key (as the backend does)
 * and writes transactions through dispatch without pause – henvendelser with klagepunkter, journal
 * notes, requests – printing each write's id only after dispatch has answered ok, i.e. after its
 * commit returned. The parent kills it with SIGKILL at a random moment and then checks that every
 * printed write is there and nothing is half there. crash.test.ts bundles it with esbuild, so each new child starts quickly.
 */
import { writeSync } from 'node:fs';
import { parseDbKey } from '../../../db/key';
import { openApp } from '../../../electron/services/open-app';
import { getSettings } from '../../../electron/services/settings';
import { caseInput, pointInput } from '../../fixtures/cases';
import { seededRandom } from '../seeded-random';

const file = process.argv[2]!;
/** The same sequence of writes for the same seed. */
const random = seededRandom(Number(process.argv[3] ?? '1'));

/** Synchronous write to fd 1: the line is in the pipe before the next write starts. */
function say(line: string): void {
  writeSync(1, `${line}\n`);
}

async function main(): Promise<void> {
  const key = parseDbKey(process.env['OMBUD_DB_KEY'] ?? '');
  const app = openApp({ file, key, mode: 'test', log: () => {} });
  const settings = getSettings(app.ctx);
  const actor = { adviserId: settings.advisers[0]!.id };
  const forvaltningId = settings.forvaltninger[0]!.id;
  const cases: number[] = [];
  say('ready');
  for (;;) {
    const pick = random();
    if (cases.length === 0 || pick < 0.4) {
      const points = 1 + Math.floor(random() * 4);
      const r = await app.dispatch('cases:create', {
        input: caseInput({
          type: 'klage',
          summary: `Nedbrud punkter=${points}`,
          points: Array.from({ length: points }, (_, i) => pointInput({ forvaltningId, description: `Klagepunkt ${i + 1}` })),
        }),
      }, actor);
      if (!r.ok) throw new Error(r.error.message);
      const id = (r.value as { id: number }).id;
      cases.push(id);
      say(`case ${id} ${points}`);
    } else if (pick < 0.7) {
      const caseId = cases[Math.floor(random() * cases.length)]!;
      const r = await app.dispatch('journal:add', { input: { caseId, kind: 'telefonnotat', notedOn: '2025-06-15', notedAt: '10:00', text: `Notat ${'x'.repeat(Math.floor(random() * 2000))}` } }, actor);
      if (!r.ok) throw new Error(r.error.message);
      say(`note ${(r.value as { id: number }).id}`);
    } else {
      const caseId = cases[Math.floor(random() * cases.length)]!;
      const r = await app.dispatch('requests:create', { input: { caseId, forvaltningId, kind: 'redegoerelse', sentOn: '2025-06-02', spec: null, note: 'Anmodning' } }, actor);
      if (!r.ok) throw new Error(r.error.message);
      say(`request ${(r.value as { id: number }).id}`);
    }
  }
}

main().catch((e: unknown) => {
  say(`error ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
});
