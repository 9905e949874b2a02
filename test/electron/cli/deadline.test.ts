/** `ombud deadline` against a real database file, through the real launcher. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { DEFAULT_DEADLINE_SETTINGS, writeDeadlineSettings } from '../../../db/queries/deadline-settings';
import { DeadlineExplanationSchema } from '../../../shared/deadlines';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = path.join(root, 'electron/cli/bin.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'ombud-cli-deadline-'));
const db = path.join(dir, 'ombud.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ombud(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, OMBUD_USER_DATA_DIR: path.join(dir, 'userdata') } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function json(...args: string[]): { due: string; dueDanish: string; explanation: unknown } {
  const r = ombud('deadline', ...args, '--json', '--db', db);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as { due: string; dueDanish: string; explanation: unknown };
}

describe('ombud deadline', { timeout: 60_000 }, () => {
  it('--add: the aktindsigt example in each calendar, with the explanation lines', () => {
    const r = ombud('deadline', '--from', '2025-05-26', '--add', '7 arbejdsdage', '--profile', 'standard', '--db', db);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('Frist: fredag 06.06.2025 (2025-06-06)');
    expect(r.out).toContain('  Sprunget over: 29.05.2025 – Kristi himmelfartsdag (helligdag); 31.05.2025 – lørdag; 01.06.2025 – søndag; 05.06.2025 – grundlovsdag (standard-kalenderen).');
    expect(r.out).toContain('  Fristen udløber fredag 06.06.2025.');
    expect(json('--from', '2025-05-26', '--add', '7 arbejdsdage', '--profile', 'helligdage').due).toBe('2025-06-05');
    expect(json('--from', '2025-05-26', '--add', '7 arbejdsdage', '--profile', 'udvidet').due).toBe('2025-06-10');
    // Without --profile: standard.
    expect(json('--from', '2025-05-26', '--add', '7 arbejdsdage').due).toBe('2025-06-06');
  });

  it('--add accepts singular and plural units, and rolls forward only when asked', () => {
    expect(json('--from', '2025-05-26', '--add', '1 arbejdsdag').due).toBe('2025-05-27');
    expect(json('--from', '2025-06-03', '--add', '4 uger').due).toBe('2025-07-01');
    expect(json('--from', '2025-06-03', '--add', '1 uge').due).toBe('2025-06-10');
    expect(json('--from', '2025-01-31', '--add', '1 måned').due).toBe('2025-02-28');
    expect(json('--from', '2024-02-29', '--add', '12 måneder').due).toBe('2025-02-28');
    expect(json('--from', '2025-05-26', '--add', '1 dag').due).toBe('2025-05-27');
    expect(json('--from', '2025-05-26', '--add', '5 dage').due).toBe('2025-05-31');
    expect(json('--from', '2025-05-26', '--add', '5 dage', '--roll-forward').due).toBe('2025-06-02');
    const u = json('--from', '2025-05-01', '--add', '4 uger', '--roll-forward', '--profile', 'udvidet');
    expect(u).toMatchObject({ due: '2025-06-02', dueDanish: '02.06.2025' });
    const e = DeadlineExplanationSchema.parse(u.explanation);
    expect(e).toMatchObject({ counts: '2025-05-29', rolledForward: { from: '2025-05-29', to: '2025-06-02' }, rule: null });
  });

  it('--rule: the rule’s amount, unit and roll-forward from the catalogue, in the standard calendar', () => {
    const r = json('--from', '2025-05-26', '--rule', 'ofl-36-frist');
    expect(r.due).toBe('2025-06-06');
    const e = DeadlineExplanationSchema.parse(r.explanation);
    expect(e.rule?.id).toBe('ofl-36-frist');
    expect(e.spec).toEqual({ amount: 7, unit: 'arbejdsdage', rollForward: false, profile: 'standard' });
    // rsl-67-klagefrist: 4 uger with roll-forward; 01.05.2025 + 4 uger = Kristi himmelfartsdag.
    expect(json('--from', '2025-05-01', '--rule', 'rsl-67-klagefrist').due).toBe('2025-05-30');
    expect(json('--from', '2025-05-01', '--rule', 'rsl-67-klagefrist', '--profile', 'udvidet').due).toBe('2025-06-02');
    const text = ombud('deadline', '--from', '2025-06-03', '--rule', 'rsl-67-klagefrist', '--db', db);
    expect(text.code).toBe(0);
    expect(text.out.split('\n')[0]).toBe('Frist: tirsdag 01.07.2025 (2025-07-01)');
    expect(text.out).toMatch(/^ {2}Regel: .*\(rsl-67-klagefrist\)\. Kilde: https:\/\//m);
  });

  it('uses the municipality’s closing days from the database', () => {
    const { db: handle } = openDatabase(db);
    try {
      writeDeadlineSettings(handle, { ...DEFAULT_DEADLINE_SETTINGS, closingDays: [{ date: '2025-12-29', reason: 'juleluk' }, { date: '2025-12-30', reason: 'juleluk' }] }, '2025-01-01T00:00:00.000Z');
    } finally {
      handle.close();
    }
    const r = ombud('deadline', '--from', '2025-12-23', '--add', '3 arbejdsdage', '--profile', 'helligdage', '--db', db);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('Frist: fredag 02.01.2026 (2026-01-02)');
    expect(r.out).toContain('29.12.2025 – lukkedag: juleluk; 30.12.2025 – lukkedag: juleluk');
  });

  it('exits 1 with a Danish message for a rule without a computable deadline or an unknown rule', () => {
    const none = ombud('deadline', '--from', '2025-06-03', '--rule', 'fvl-6-underretning-inhabilitet', '--db', db);
    expect(none.code).toBe(1);
    expect(none.err).toBe('Fejl: Reglen »fvl-6-underretning-inhabilitet« har ingen frist, der kan beregnes (fristen er "snarest").\n');
    expect(none.out).toBe('');
    const unknown = ombud('deadline', '--from', '2025-06-03', '--rule', 'fvl-999', '--db', db);
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
    [['--from', '2025-06-03', '--rule', 'ofl-36-frist', '--roll-forward'], /--roll-forward kan ikke bruges med --rule/],
    [['--from', '2025-06-03', '--add', '4 uger', 'ekstra'], /Uventet argument/],
    [['--from', '2025-06-03', '--add', '4 uger', '--frob'], /Ukendt tilvalg/],
  ])('exits 2 on wrong use: %j', (args, message) => {
    const r = ombud('deadline', ...args, '--db', db);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^Fejl: /);
    expect(r.err).toMatch(message);
    expect(r.err).toContain('Skriv "ombud deadline --help"');
  });

  it('has Danish help and is listed in the overview', () => {
    const h = ombud('deadline', '--help');
    expect(h.code).toBe(0);
    expect(h.out).toContain('Brug: ombud deadline --from <dato> --add "<antal> <enhed>"');
    expect(h.out).toContain('Startdagen tælles ikke med.');
    expect(ombud('--help').out).toMatch(/^ {2}deadline +Beregn en frist med forklaring/m);
  });
});
