import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getFristOverview } from '../../../electron/services/deadlines';
import { openApp } from '../../../electron/services/open-app';
import { copenhagenDate } from '../../../shared/domain/dates';
import { ImportReportSchema } from '../../../shared/domain/import-report';
import { cliFolder } from './run-cli';
import { TEST_DB_KEY } from '../../setup/db-key';

const { dir, db, userData, ombud, launcher } = cliFolder('ombud-cli');

describe('ombud CLI', () => {
  it('prints Danish help, globally and per command', async () => {
    const g = await ombud('--help');
    expect(g.code).toBe(0);
    expect(g.out).toContain('Brug: ombud <kommando> [tilvalg] [--db <fil>]');
    for (const c of ['import', 'export', 'demo']) expect(g.out).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(g.out).toContain(path.join(userData, 'ombud.sqlite'));
    const i = await ombud('import', '--help');
    expect(i.code).toBe(0);
    expect(i.out).toContain('--dry-run');
    expect(i.out).toContain('kontrollér filen og vis rapporten uden at gemme noget');
  });

  it('creates demo data, exports it, and validates the export against an empty database', async () => {
    const demo = await ombud('demo', '--cases', '40', '--seed', '5', '--db', db);
    expect(demo.err).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/^Importeret: 40 henvendelser med \d+ klagepunkter\./);
    // Again: the sagsnr series continues, so a second run does not clash.
    const again = await ombud('demo', '--cases', '10', '--db', db);
    expect(again.code).toBe(0);
    expect(again.err).toBe('');

    const exp = await ombud('export', '--format', 'csv', '--out', 'ud.csv', '--db', db);
    expect(exp.code).toBe(0);
    expect(exp.out).toContain('Eksporteret 50 henvendelser som CSV');
    const csv = readFileSync(path.join(dir, 'ud.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFsagsnr;modtaget;type;')).toBe(true);

    const dry = await ombud('import', 'ud.csv', '--dry-run', '--json', '--db', path.join(dir, 'tom.sqlite'));
    expect(dry.code).toBe(0);
    const report = ImportReportSchema.parse(JSON.parse(dry.out));
    expect(report).toMatchObject({ ok: true, dryRun: true, henvendelser: 50, errors: [] });

    const json = await ombud('export', '--format=json', '--out', 'ud.json', '--db', db);
    expect(json.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'ud.json'), 'utf8')).cases).toHaveLength(50);

    const demoCsv = await ombud('demo', '--cases', '5', '--csv', 'demo.csv', '--db', path.join(dir, 'urørt.sqlite'));
    expect(demoCsv.code).toBe(0);
    expect(readFileSync(path.join(dir, 'demo.csv'), 'utf8').split('\r\n')[0]).toBe('\uFEFFsagsnr;modtaget;type;kanal;borger_navn;borger_email;borger_telefon;borger_adresse;borger_cpr;kompetence;behandling;afsluttet;forvaltning;afdeling;tema;beskrivelse;regler;udfald;forvaltning_enig;henstilling;henstilling_fulgt;anmodet;svarfrist;besvaret');
  });

  it('fills a new database with follow-up: requests, rykkere, klagefrister, lovfrister and henstillinger that Frister shows', async () => {
    const file = path.join(dir, 'demo-opfølgning.sqlite');
    const demo = await ombud('demo', '--cases', '200', '--seed', '3', '--db', file);
    // No errors and no warnings: the demo passes the JSON import's checks as it is.
    expect(demo.err).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/^Importeret: 200 henvendelser med \d+ klagepunkter\.\n$/);

    const app = openApp({ key: TEST_DB_KEY, file, mode: 'cli', actor: () => 'Test', log: () => {} });
    try {
      const today = copenhagenDate(app.ctx.clock.now());
      const count = (sql: string) => (app.ctx.db.prepare(sql).get() as { n: number }).n;
      expect(count('SELECT count(*) AS n FROM requests WHERE answered_on IS NOT NULL AND answered_on <= due_on')).toBeGreaterThan(0);
      expect(count('SELECT count(*) AS n FROM requests WHERE answered_on IS NOT NULL AND answered_on > due_on')).toBeGreaterThan(0);
      expect(count(`SELECT count(*) AS n FROM requests WHERE answered_on IS NULL AND closed_on IS NULL AND due_on >= '${today}'`)).toBeGreaterThan(0);
      expect(count(`SELECT count(*) AS n FROM requests r WHERE answered_on IS NULL AND due_on < '${today}'
        AND EXISTS (SELECT 1 FROM request_events e WHERE e.request_id = r.id AND e.kind = 'rykker')`)).toBeGreaterThan(0);
      // Open requests only on open henvendelser, each dated within its henvendelse.
      expect(count('SELECT count(*) AS n FROM requests r JOIN cases c ON c.id = r.case_id WHERE r.answered_on IS NULL AND c.closed_on IS NOT NULL')).toBe(0);
      expect(count('SELECT count(*) AS n FROM requests r JOIN cases c ON c.id = r.case_id WHERE r.sent_on < c.received_on OR r.answered_on > c.closed_on')).toBe(0);
      expect(count('SELECT count(*) AS n FROM cases WHERE klagefrist_due IS NOT NULL')).toBeGreaterThan(0);
      expect(count('SELECT count(*) AS n FROM point_deadlines WHERE met_on IS NOT NULL')).toBeGreaterThan(0);
      expect(count('SELECT count(*) AS n FROM point_deadlines WHERE met_on IS NULL')).toBeGreaterThan(0);
      expect(count("SELECT count(*) AS n FROM recommendations WHERE status = 'afventer' AND follow_up_on IS NOT NULL")).toBeGreaterThan(0);
      expect(count("SELECT count(*) AS n FROM recommendations WHERE status <> 'afventer'")).toBeGreaterThan(0);

      const overview = getFristOverview(app.ctx);
      expect(overview.overdue.length).toBeGreaterThan(0);
      expect(overview.ahead.length).toBeGreaterThan(0);
      const kinds = new Set([...overview.overdue, ...overview.dueToday, ...overview.ahead].map((i) => i.kind));
      for (const kind of ['anmodning', 'lovfrist', 'henstilling'] as const) expect(kinds, kind).toContain(kind);
    } finally {
      app.close();
    }
  });

  it('exits 1 with the row-by-row report on stderr when the file has errors, and imports nothing', async () => {
    writeFileSync(path.join(dir, 'fejl.csv'), 'sagsnr;modtaget;type\nA-1;2024-01-01;vejledning\nA-2;31.02.2025;vejvisning\n');
    const r = await ombud('import', 'fejl.csv', '--db', path.join(dir, 'fejl.sqlite'));
    expect(r.code).toBe(1);
    expect(r.err.split('\n')).toEqual([
      'linje 3, kolonne modtaget: 31.02.2025 er ikke en gyldig dato.',
      'Importen er afvist: 1 fejl. Intet er importeret; ret filen, og prøv igen.',
      '',
    ]);
    const j = await ombud('import', 'fejl.csv', '--json', '--db', path.join(dir, 'fejl.sqlite'));
    expect(j.code).toBe(1);
    expect(ImportReportSchema.parse(JSON.parse(j.out)).errors).toEqual([{ line: 3, column: 'modtaget', message: '31.02.2025 er ikke en gyldig dato.' }]);
  });

  it('imports a klagepunkt outside competence marked undersøgt, printing a warning (exit 0), in text and JSON', async () => {
    writeFileSync(
      path.join(dir, 'advarsel.csv'),
      'sagsnr;modtaget;type;kompetence;behandling;forvaltning\nK-1;2024-01-01;klage;afgørelsens indhold;undersøgt;Social\nK-1;2024-01-01;klage;inden for;undersøgt;Social\n',
    );
    const warning = 'linje 2, kolonne behandling: klagepunktet er uden for kompetence (afgørelsens indhold), men markeret som undersøgt; det er importeret som angivet – tjek, om det er rigtigt';
    const r = await ombud('import', 'advarsel.csv', '--db', path.join(dir, 'advarsel.sqlite'));
    expect(r.code).toBe(0);
    expect(r.err.split('\n')).toEqual([`advarsel: ${warning}`, '']);
    expect(r.out).toContain('Importeret: 1 henvendelse med 2 klagepunkter.');
    expect(r.out).toContain('1 advarsel: rækkerne er importeret som angivet; tjek dem (se ovenfor).');
    const j = await ombud('import', 'advarsel.csv', '--dry-run', '--json', '--db', path.join(dir, 'advarsel-2.sqlite'));
    expect(j.code).toBe(0);
    expect(ImportReportSchema.parse(JSON.parse(j.out)).warnings).toEqual([{ line: 2, column: 'behandling', message: warning.replace(/^linje 2, kolonne behandling: /, '') }]);
  });

  it('exits 2 on wrong use, with a Danish message on stderr', async () => {
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
      const r = await ombud(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out + r.err).toContain(text);
    }
  });
});

// Everything above runs main() in this process; this is the command as a shell starts it.
describe('the ombud launcher (electron/cli/bin.mjs)', () => {
  it('runs the built command: help, an XLSX import, and the exit codes 0, 1 and 2 reach the shell', async () => {
    const help = launcher('--help');
    // Nothing on stderr: the bundle was used (or remade), not the slow tsx fallback with its note.
    expect(help.err).toBe('');
    expect(help.code).toBe(0);
    expect(help.out).toContain('Brug: ombud <kommando> [tilvalg] [--db <fil>]');
    expect(help.out).toContain(path.join(userData, 'ombud.sqlite'));

    // exceljs is loaded on first use in the bundle; an XLSX file proves it still loads.
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Sager');
    sheet.addRow(['sagsnr', 'modtaget', 'type']);
    sheet.addRow(['X-1', '01.02.2024', 'vejledning']);
    writeFileSync(path.join(dir, 'start.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    const xlsx = launcher('import', 'start.xlsx', '--dry-run', '--json', '--db', path.join(dir, 'start.sqlite'));
    expect(xlsx.err).toBe('');
    expect(xlsx.code).toBe(0);
    expect(ImportReportSchema.parse(JSON.parse(xlsx.out))).toMatchObject({ ok: true, dryRun: true, henvendelser: 1 });

    const refused = launcher('deadline', '--from', '2025-06-03', '--rule', 'fvl-999', '--db', db);
    expect(refused).toEqual({ code: 1, out: '', err: 'Fejl: Reglen »fvl-999« findes ikke i regelkataloget.\n' });
    const wrong = launcher('frob');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('Ukendt kommando: frob');
  });
});
