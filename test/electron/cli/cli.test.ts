import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportReportSchema } from '../../../shared/domain/import-report';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = path.join(root, 'electron/cli/bin.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'ombud-cli-'));
const db = path.join(dir, 'ombud.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ombud(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, OMBUD_USER_DATA_DIR: path.join(dir, 'userdata') } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('ombud CLI', { timeout: 60_000 }, () => {
  it('prints Danish help, globally and per command', () => {
    const g = ombud('--help');
    expect(g.code).toBe(0);
    expect(g.out).toContain('Brug: ombud <kommando> [tilvalg] [--db <fil>]');
    for (const c of ['import', 'export', 'demo']) expect(g.out).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(g.out).toContain(path.join(dir, 'userdata', 'ombud.sqlite'));
    const i = ombud('import', '--help');
    expect(i.code).toBe(0);
    expect(i.out).toContain('--dry-run');
    expect(i.out).toContain('kontrollér filen og vis rapporten uden at gemme noget');
  });

  it('creates demo data, exports it, and validates the export against an empty database', () => {
    const demo = ombud('demo', '--cases', '40', '--seed', '5', '--db', db);
    expect(demo.err).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/^Importeret: 40 henvendelser med \d+ klagepunkter\./);
    // Again: the sagsnr series continues, so a second run does not clash.
    expect(ombud('demo', '--cases', '10', '--db', db).code).toBe(0);

    const exp = ombud('export', '--format', 'csv', '--out', 'ud.csv', '--db', db);
    expect(exp.code).toBe(0);
    expect(exp.out).toContain('Eksporteret 50 henvendelser som CSV');
    const csv = readFileSync(path.join(dir, 'ud.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFsagsnr;modtaget;type;')).toBe(true);

    const dry = ombud('import', 'ud.csv', '--dry-run', '--json', '--db', path.join(dir, 'tom.sqlite'));
    expect(dry.code).toBe(0);
    const report = ImportReportSchema.parse(JSON.parse(dry.out));
    expect(report).toMatchObject({ ok: true, dryRun: true, henvendelser: 50, errors: [] });

    const json = ombud('export', '--format=json', '--out', 'ud.json', '--db', db);
    expect(json.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'ud.json'), 'utf8')).cases).toHaveLength(50);

    const demoCsv = ombud('demo', '--cases', '5', '--csv', 'demo.csv', '--db', path.join(dir, 'urørt.sqlite'));
    expect(demoCsv.code).toBe(0);
    expect(readFileSync(path.join(dir, 'demo.csv'), 'utf8').split('\r\n')[0]).toBe('\uFEFFsagsnr;modtaget;type;kanal;borger_navn;borger_email;borger_telefon;borger_adresse;borger_cpr;kompetence;behandling;afsluttet;forvaltning;afdeling;tema;beskrivelse;regler;udfald;forvaltning_enig;henstilling;henstilling_fulgt;anmodet;svarfrist;besvaret');
  });

  it('exits 1 with the row-by-row report on stderr when the file has errors, and imports nothing', () => {
    writeFileSync(path.join(dir, 'fejl.csv'), 'sagsnr;modtaget;type\nA-1;2024-01-01;vejledning\nA-2;31.02.2025;vejvisning\n');
    const r = ombud('import', 'fejl.csv', '--db', path.join(dir, 'fejl.sqlite'));
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      'linje 3, kolonne modtaget: "31.02.2025" er ikke en gyldig dato',
      'Importen er afvist: 1 fejl. Intet er importeret; ret filen, og prøv igen.',
      '',
    ]);
    const j = ombud('import', 'fejl.csv', '--json', '--db', path.join(dir, 'fejl.sqlite'));
    expect(j.code).toBe(1);
    expect(ImportReportSchema.parse(JSON.parse(j.out)).errors).toEqual([{ line: 3, column: 'modtaget', message: '"31.02.2025" er ikke en gyldig dato' }]);
  });

  it('imports a klagepunkt outside competence marked undersøgt, printing a warning (exit 0), in text and JSON', () => {
    writeFileSync(
      path.join(dir, 'advarsel.csv'),
      'sagsnr;modtaget;type;kompetence;behandling;forvaltning\nK-1;2024-01-01;klage;afgørelsens indhold;undersøgt;Social\nK-1;2024-01-01;klage;inden for;undersøgt;Social\n',
    );
    const warning = 'linje 2, kolonne behandling: klagepunktet er uden for kompetence (afgørelsens indhold), men markeret som undersøgt; det er importeret som angivet – tjek, om det er rigtigt';
    const r = ombud('import', 'advarsel.csv', '--db', path.join(dir, 'advarsel.sqlite'));
    expect(r.code).toBe(0);
    expect(r.err.split('\n')).toEqual([`advarsel: ${warning}`, '']);
    expect(r.out).toContain('Importeret: 1 henvendelse med 2 klagepunkter.');
    expect(r.out).toContain('1 advarsel: rækkerne er importeret som angivet; tjek dem (se ovenfor).');
    const j = ombud('import', 'advarsel.csv', '--dry-run', '--json', '--db', path.join(dir, 'advarsel-2.sqlite'));
    expect(j.code).toBe(0);
    expect(ImportReportSchema.parse(JSON.parse(j.out)).warnings).toEqual([{ line: 2, column: 'behandling', message: warning.replace(/^linje 2, kolonne behandling: /, '') }]);
  });

  it('exits 2 on wrong use, with a Danish message on stderr', () => {
    const cases: Array<[string[], string]> = [
      [[], 'Brug: ombud'],
      [['frob'], 'Ukendt kommando: frob'],
      [['import', '--db', db], 'Angiv den fil, der skal importeres.'],
      [['import', 'findes-ikke.csv', '--db', db], 'Filen findes-ikke.csv findes ikke eller kan ikke læses.'],
      [['import', 'x.csv', '--dry-rum', '--db', db], 'Ukendt tilvalg: --dry-rum'],
      [['export', '--format', 'xml', '--out', 'x', '--db', db], '--format skal være csv eller json, ikke "xml".'],
      [['export', '--db', db], 'Angiv med --out'],
      [['demo', '--cases', 'mange', '--db', db], '--cases skal være et helt tal, ikke "mange".'],
    ];
    for (const [args, text] of cases) {
      const r = ombud(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out + r.err).toContain(text);
    }
  });
});
