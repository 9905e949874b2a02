/** `ombud deadline` against a real database file: main() in-process, and the real launcher for a closed pipe. */
import { openDatabase } from '../../../db/connection';
import { DEFAULT_DEADLINE_SETTINGS, writeDeadlineSettings } from '../../../db/queries/deadline-settings';
import { DeadlineExplanationSchema } from '../../../shared/deadlines';
import { cliFolder } from './run-cli';
import { TEST_DB_KEY } from '../../setup/db-key';

const { db, ombud, launcherSpawn } = cliFolder('ombud-cli-deadline');

async function json(...args: string[]): Promise<{ due: string; dueDanish: string; explanation: unknown }> {
  const r = await ombud('deadline', ...args, '--json', '--db', db);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as { due: string; dueDanish: string; explanation: unknown };
}

describe('ombud deadline', () => {
  it('--add: the aktindsigt example in each calendar, with the explanation lines', async () => {
    const r = await ombud('deadline', '--from', '2025-05-26', '--add', '7 arbejdsdage', '--profile', 'standard', '--db', db);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Frist: fredag 06.06.2025 (2025-06-06)');
    expect(r.out).toContain('  Sprunget over: 29.05.2025 – Kristi himmelfartsdag (helligdag); 31.05.2025 – lørdag; 01.06.2025 – søndag; 05.06.2025 – grundlovsdag (standard-kalenderen).');
    expect(r.out).toContain('  Fristen udløber fredag 06.06.2025.');
    expect((await json('--from', '2025-05-26', '--add', '7 arbejdsdage', '--profile', 'helligdage')).due).toBe('2025-06-05');
    expect((await json('--from', '2025-05-26', '--add', '7 arbejdsdage', '--profile', 'udvidet')).due).toBe('2025-06-10');
    // Without --profile: standard.
    expect((await json('--from', '2025-05-26', '--add', '7 arbejdsdage')).due).toBe('2025-06-06');
  });

  it('--add accepts singular and plural units, and rolls forward only when asked', async () => {
    expect((await json('--from', '2025-05-26', '--add', '1 arbejdsdag')).due).toBe('2025-05-27');
    expect((await json('--from', '2025-06-03', '--add', '4 uger')).due).toBe('2025-07-01');
    expect((await json('--from', '2025-06-03', '--add', '1 uge')).due).toBe('2025-06-10');
    expect((await json('--from', '2025-01-31', '--add', '1 måned')).due).toBe('2025-02-28');
    expect((await json('--from', '2024-02-29', '--add', '12 måneder')).due).toBe('2025-02-28');
    expect((await json('--from', '2025-05-26', '--add', '1 dag')).due).toBe('2025-05-27');
    expect((await json('--from', '2025-05-26', '--add', '5 dage')).due).toBe('2025-05-31');
    expect((await json('--from', '2025-05-26', '--add', '5 dage', '--roll-forward')).due).toBe('2025-06-02');
    const u = await json('--from', '2025-05-01', '--add', '4 uger', '--roll-forward', '--profile', 'udvidet');
    expect(u).toMatchObject({ due: '2025-06-02', dueDanish: '02.06.2025' });
    const e = DeadlineExplanationSchema.parse(u.explanation);
    expect(e).toMatchObject({ counts: '2025-05-29', rolledForward: { from: '2025-05-29', to: '2025-06-02' }, rule: null });
  });

  it('--rule: the rule’s amount, unit and roll-forward from the catalogue, in the standard calendar', async () => {
    const r = await json('--from', '2025-05-26', '--rule', 'ofl-36-frist');
    expect(r.due).toBe('2025-06-06');
    const e = DeadlineExplanationSchema.parse(r.explanation);
    expect(e.rule?.id).toBe('ofl-36-frist');
    expect(e.spec).toEqual({ amount: 7, unit: 'arbejdsdage', rollForward: false, profile: 'standard' });
    // rsl-67-klagefrist: 4 uger with roll-forward; 01.05.2025 + 4 uger = Kristi himmelfartsdag.
    expect((await json('--from', '2025-05-01', '--rule', 'rsl-67-klagefrist')).due).toBe('2025-05-30');
    // The citizen's deadline: the profile's Friday after Kristi himmelfartsdag does not extend it …
    const borger = await json('--from', '2025-05-01', '--rule', 'rsl-67-klagefrist', '--profile', 'udvidet');
    expect(borger.due).toBe('2025-05-30');
    expect(DeadlineExplanationSchema.parse(borger.explanation)).toMatchObject({ owner: 'borger', spec: { profile: 'helligdage' } });
    // … counted as the authority's, it would.
    expect((await json('--from', '2025-05-01', '--rule', 'rsl-67-klagefrist', '--profile', 'udvidet', '--owner', 'myndighed')).due).toBe('2025-06-02');
    const text = await ombud('deadline', '--from', '2025-06-03', '--rule', 'rsl-67-klagefrist', '--db', db);
    expect(text.code).toBe(0);
    expect(text.out.split('\n')[0]).toBe('Frist: tirsdag 01.07.2025 (2025-07-01)');
    expect(text.out).toContain('  Det er ikke angivet, hvis frist det er, så reglens egen angivelse bruges: borgerens frist.\n');
    // The rule by its formal citation, never a web page (legal-rules.md § b.5).
    expect(text.out).toMatch(/^ {2}Regel: .+\. Hjemmel: .+\.$/m);
    expect(text.out).not.toContain('http');
  });

  it('--owner: borger, myndighed, mål (or maal) decide which days count; --brev prints the letter text', async () => {
    // 08.05.2025 + 4 uger = grundlovsdag 05.06.2025: the citizen's deadline stays, the authority's moves.
    expect((await json('--from', '2025-05-08', '--add', '4 uger', '--roll-forward', '--owner', 'borger')).due).toBe('2025-06-05');
    expect((await json('--from', '2025-05-08', '--add', '4 uger', '--roll-forward', '--owner', 'myndighed')).due).toBe('2025-06-06');
    expect((await json('--from', '2025-05-08', '--add', '4 uger', '--roll-forward', '--owner', 'mål')).due).toBe('2025-06-06');
    expect((await json('--from', '2025-05-08', '--add', '4 uger', '--roll-forward', '--owner', 'MAAL')).due).toBe('2025-06-06');
    const r = await ombud('deadline', '--from', '2025-05-08', '--add', '4 uger', '--roll-forward', '--owner', 'borger', '--brev', '--db', db);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('\nBrevtekst:\n  Fristen er på 4 uger regnet fra torsdag den 8. maj 2025. Den dag tæller ikke med.\n  Fristen udløber torsdag den 5. juni 2025.\n');
    expect(r.out).toContain('kommunens kontorer kan være lukket');
    // Without --owner and without a rule: the authority's, and the lines say so.
    const none = await ombud('deadline', '--from', '2025-05-08', '--add', '4 uger', '--db', db);
    expect(none.out).toContain('  Det er ikke angivet, hvis frist det er, og uden en regel regnes fristen som en lovbestemt frist for myndigheden.\n');
  });

  it('uses the municipality’s closing days from the database', async () => {
    const { db: handle } = openDatabase(db, { key: TEST_DB_KEY });
    try {
      writeDeadlineSettings(handle, { ...DEFAULT_DEADLINE_SETTINGS, closingDays: [{ date: '2025-12-29', reason: 'juleluk' }, { date: '2025-12-30', reason: 'juleluk' }] }, '2025-01-01T00:00:00.000Z');
    } finally {
      handle.close();
    }
    // A local target skips them …
    const r = await ombud('deadline', '--from', '2025-12-23', '--add', '3 arbejdsdage', '--profile', 'helligdage', '--owner', 'mål', '--db', db);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('Frist: fredag 02.01.2026 (2026-01-02)');
    expect(r.out).toContain('29.12.2025 – lukkedag: juleluk; 30.12.2025 – lukkedag: juleluk');
    // … a statutory deadline does not (FOB 2021-1): it names them instead.
    const statutory = await ombud('deadline', '--from', '2025-12-23', '--add', '3 arbejdsdage', '--profile', 'helligdage', '--db', db);
    expect(statutory.out.split('\n')[0]).toBe('Frist: tirsdag 30.12.2025 (2025-12-30)');
    expect(statutory.out).toContain('Kommunens lukkedage 29.12.2025 (juleluk) og 30.12.2025 (juleluk) ligger i fristens løbetid, men forlænger ikke en lovbestemt frist (FOB 2021-1).');
  });

  it('exits 1 with a Danish message for a rule without a computable deadline or an unknown rule', async () => {
    const none = await ombud('deadline', '--from', '2025-06-03', '--rule', 'fvl-6-underretning-inhabilitet', '--db', db);
    expect(none.code).toBe(1);
    expect(none.err).toBe('Fejl: Reglen »fvl-6-underretning-inhabilitet« har ingen frist, der kan beregnes (fristen er "snarest").\n');
    expect(none.out).toBe('');
    const unknown = await ombud('deadline', '--from', '2025-06-03', '--rule', 'fvl-999', '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toBe('Fejl: Reglen »fvl-999« findes ikke i regelkataloget.\n');
  });

  it.each([
    [['--add', '4 uger'], /Angiv startdatoen med --from/],
    [['--from', '2025-02-30', '--add', '4 uger'], /--from skal være en gyldig dato/],
    [['--from', 'i morgen', '--add', '4 uger'], /--from skal være en gyldig dato/],
    [['--from', '2025-06-03'], /Angiv enten --add/],
    [['--from', '2025-06-03', '--add', '4 uger', '--rule', 'ofl-36-frist'], /Angiv enten --add/],
    [['--from', '2025-06-03', '--add', '4 år'], /--add skal være et antal og en enhed/],
    [['--from', '2025-06-03', '--add', 'fire uger'], /--add skal være et antal og en enhed/],
    [['--from', '2025-06-03', '--add', '4 uger', '--profile', 'weekend'], /--profile skal være helligdage, standard eller udvidet/],
    [['--from', '2025-06-03', '--add', '4 uger', '--owner', 'kommune'], /--owner skal være borger, myndighed eller mål/],
    [['--from', '2025-06-03', '--rule', 'ofl-36-frist', '--roll-forward'], /--roll-forward kan ikke bruges med --rule/],
    [['--from', '2025-06-03', '--add', '4 uger', 'ekstra'], /Uventet argument/],
    [['--from', '2025-06-03', '--add', '4 uger', '--frob'], /Ukendt tilvalg/],
  ])('exits 2 on wrong use: %j', async (args, message) => {
    const r = await ombud('deadline', ...args, '--db', db);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^Fejl: /);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('Skriv "ombud deadline --help"');
  });

  it('has Danish help and is listed in the overview', async () => {
    const h = await ombud('deadline', '--help');
    expect(h.code).toBe(0);
    expect(h.out).toContain('Brug: ombud deadline --from <dato> --add "<antal> <enhed>"');
    expect(h.out).toContain('Startdagen tælles ikke med.');
    expect(h.out).toContain('--owner <hvis>');
    expect(h.out).toContain('hvis frist: borger, myndighed eller mål');
    expect((await ombud('--help')).out).toMatch(/^ {2}deadline +Beregn en frist med forklaring/m);
  });
});

/**
 * Run the real launcher with its stdout read by a reader that stops after the first line (like
 * `ombud … | head -1`): the reader closes its end of the pipe, and the command's next write fails
 * with EPIPE. Resolves with the first line, the exit code and everything written to stderr. Only a
 * separate process has a pipe to close, so this is one of the two tests that start the launcher.
 */
function firstLineOnly(...args: string[]): Promise<{ first: string; code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = launcherSpawn(...args);
    let out = '';
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { err += chunk; });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('\n')) child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ first: out.split('\n')[0] ?? '', code, err }));
  });
}

describe('output into a reader that closes early', () => {
  it('ombud … | head -1 exits normally, without an error or a stack trace', async () => {
    const cases: Array<[string[], string | RegExp]> = [
      // 10000 arbejdsdage as JSON: far more than a pipe holds, so the command is still writing when the reader leaves.
      [['deadline', '--from', '2025-01-01', '--add', '10000 arbejdsdage', '--json'], '{'],
      [['deadline', '--from', '2025-05-26', '--add', '7 arbejdsdage'], 'Frist: fredag 06.06.2025 (2025-06-06)'],
      [['rules', 'list', '--json'], '{'],
      [['rules', 'list'], /^id +lov +paragraf/],
    ];
    for (const [args, first] of cases) {
      const r = await firstLineOnly(...args, '--db', db);
      const label = `ombud ${args.join(' ')} | head -1`;
      if (typeof first === 'string') expect(r.first, label).toBe(first);
      else expect(r.first, label).toMatch(first);
      expect(r.err, label).not.toMatch(/Error|EPIPE|\n\s+at /);
      expect(r.err, label).toBe('');
      expect(r.code, label).toBe(0);
    }
  });
});

describe('ombud rules show: a deadline said once', () => {
  it('does not repeat the deadline inside itself, and says "1 måned"', async () => {
    const fvl23 = await ombud('rules', 'show', 'fvl-23-mundtlig-afgoerelse', '--db', db);
    expect(fvl23.code).toBe(0);
    const line = fvl23.out.split('\n').find((l) => l.startsWith('Frist:')) ?? '';
    expect(line).toMatch(/^Frist: +14 dage \(myndighedens svarfrist\) fra /);
    expect(line).not.toContain('14 dage (14 dage');
    expect((await ombud('rules', 'list', '--db', db)).out).not.toMatch(/\b1 måneder\b/);
  });
});
