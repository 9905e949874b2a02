/**
 * What an import reports: a CSV quote never closed does not hide the errors of the lines before it,
 * one bad value does not hide another in the same row, a JSON export names the henvendelse and the
 * field, and the progress counts rows (henvendelser for a JSON file), never bytes.
 */
import { describe, expect, it } from 'vitest';
import { exportJsonValue } from '../../../electron/services/export';
import { runImport, type ImportProgress } from '../../../electron/services/import';
import { formatImportIssue } from '../../../shared/domain/import-report';
import { FIXTURE_NOW, fillEveryField } from './full-fixture';
import { appsClosedAfterEach, count, csvBytes } from './helpers';

const app = appsClosedAfterEach();

const encode = (text: string) => new TextEncoder().encode(text);

describe('CSV errors', () => {
  it('an unclosed quote is reported after the errors of the lines before it, and nothing is written', async () => {
    const a = app();
    const text = [
      'sagsnr;modtaget;type;forvaltning;beskrivelse',
      '2025-0001;2025-03-01;klage;Social;I orden',
      '2025-0002;31.02.2025;klage;Social;Forkert dato',
      '2025-0003;2025-03-01;klage;;Mangler forvaltning',
      '2025-0004;2025-03-01;klage;Social;"Anførselstegnet lukkes aldrig',
      '2025-0005;2025-03-01;klage;Social;Sidste linje',
    ].join('\n');
    const report = await runImport(a.ctx, { fileName: 'x.csv', content: encode(text), dryRun: false });
    expect(report.errors.map(formatImportIssue)).toEqual([
      'linje 3, kolonne modtaget: 31.02.2025 er ikke en gyldig dato.',
      'linje 4, kolonne forvaltning: Klagepunkt 1: vælg den forvaltning, klagen angår.',
      'linje 5: et felt, der begynder med anførselstegn i linje 5, bliver aldrig afsluttet; tjek anførselstegnene i den linje',
    ]);
    expect(count(a, 'cases')).toBe(0);
  });

  it('reports every bad value of a row, not only the first', async () => {
    const a = app();
    const header = ['sagsnr', 'modtaget', 'type', 'kanal', 'borger_email', 'borger_telefon', 'borger_cpr', 'forvaltning', 'udfald'];
    const rows = [
      ['2025-0001', '31.02.2025', 'klage', 'fax', 'ikke-en-mail', '12', '320190-1234', '', 'skarp kritik'],
      // Without a sagsnr the row belongs to no henvendelse, but its other cells are still checked.
      ['', '2025-03-01', 'klage', 'telefon', 'også-forkert', '', '', 'Social', ''],
    ];
    const report = await runImport(a.ctx, { fileName: 'x.csv', content: csvBytes([header, ...rows]), dryRun: true });
    expect(report.errors.map(formatImportIssue)).toEqual([
      'linje 2, kolonne modtaget: 31.02.2025 er ikke en gyldig dato.',
      'linje 2, kolonne kanal: "fax" er ikke en gyldig værdi; brug en af: telefon, e-mail, brev, personligt, digital formular',
      'linje 2, kolonne borger_email: E-mailadressen ser ikke rigtig ud (fx navn@eksempel.dk).',
      'linje 2, kolonne borger_telefon: Telefonnummeret må kun indeholde cifre, mellemrum, bindestreg og evt. + (mindst 8 cifre).',
      'linje 2, kolonne borger_cpr: CPR-nummerets første seks cifre (320190) er ikke en gyldig dato.',
      'linje 2, kolonne forvaltning: Klagepunkt 1: vælg den forvaltning, klagen angår.',
      'linje 2, kolonne udfald: "skarp kritik" er ikke en gyldig værdi; brug en af: ingen kritik, bemærkning, beklageligt, kritik, alvorlig kritik, meget alvorlig kritik, afvist, videresendt',
      'linje 3, kolonne sagsnr: sagsnr skal udfyldes',
      'linje 3, kolonne borger_email: E-mailadressen ser ikke rigtig ud (fx navn@eksempel.dk).',
    ]);
  });
});

describe('progress', () => {
  it('counts the rows of a CSV file (not its bytes or lines) in every phase', async () => {
    const a = app();
    const header = ['sagsnr', 'modtaget', 'type', 'forvaltning', 'beskrivelse'];
    const rows = [
      ['2025-0001', '2025-03-01', 'klage', 'Social', 'Første\nlinje af tre\nlinjer'],
      ['2025-0001', '', '', 'Social', 'Andet punkt'],
      ['2025-0002', '2025-03-02', 'klage', 'Social', 'Et punkt'],
    ];
    const seen: ImportProgress[] = [];
    const report = await runImport(a.ctx, { fileName: 'x.csv', content: csvBytes([header, ...rows]), dryRun: false }, (p) => seen.push(p));
    expect(report.ok).toBe(true);
    for (const phase of ['læser', 'kontrollerer', 'skriver'] as const) {
      const last = seen.filter((p) => p.phase === phase).at(-1);
      expect(last, phase).toEqual({ phase, done: 3, total: 3 });
    }
    expect(Math.max(...seen.map((p) => p.total))).toBe(3);
  });

  it('counts the henvendelser of a JSON export', async () => {
    const source = app();
    fillEveryField(source);
    const json = JSON.stringify(exportJsonValue(source.ctx.db, FIXTURE_NOW));
    const seen: ImportProgress[] = [];
    const report = await runImport(app().ctx, { fileName: 'eksport.json', content: encode(json), dryRun: true }, (p) => seen.push(p));
    expect(report.errors).toEqual([]);
    expect(seen.filter((p) => p.phase === 'kontrollerer').at(-1)).toEqual({ phase: 'kontrollerer', done: 4, total: 4 });
  });
});

describe('JSON export errors', () => {
  async function exported() {
    const source = app();
    fillEveryField(source);
    return exportJsonValue(source.ctx.db, FIXTURE_NOW);
  }

  it('names the henvendelse by its sagsnr and the field by its path, with the form\'s words; nothing is written', async () => {
    const doc = await exported();
    const [first, second] = doc.cases;
    if (!first || !second) throw new Error('fixturen mangler henvendelser');
    first.citizen.email = 'ikke-en-mail';
    (first.points[1] as { outcome: unknown }).outcome = 'skarp kritik';
    second.points = [{ ...(first.points[0] as (typeof first.points)[number]), forvaltning: null, afdeling: 'Jobcenter' }];
    second.type = 'klage';
    const target = app();
    const report = await runImport(target.ctx, { fileName: 'eksport.json', content: encode(JSON.stringify(doc)), dryRun: false });
    // The schema's own Danish message first; a record it refuses is checked further once it reads.
    expect(report.errors.map(formatImportIssue)).toEqual([
      'sag 2025-0007, felt points.1.outcome: Ugyldigt valg: forventede en af følgende "ingen_kritik"|"bemaerkning"|"beklageligt"|"kritik"|"alvorlig_kritik"|"meget_alvorlig_kritik"|"afvist"|"videresendt"',
      'sag 2025-0100, felt points.0.forvaltning: Klagepunkt 1: vælg den forvaltning, klagen angår.',
      'sag 2025-0100, felt points.0.afdeling: Klagepunkt 1: vælg forvaltningen før afdelingen.',
    ]);
    expect(count(target, 'cases')).toBe(0);
  });

  it('checks a henvendelse the schema accepts with the case form\'s validation', async () => {
    const doc = await exported();
    const first = doc.cases[0];
    if (!first) throw new Error('fixturen mangler henvendelser');
    first.citizen.email = 'ikke-en-mail';
    first.citizen.phone = '12';
    const report = await runImport(app().ctx, { fileName: 'eksport.json', content: encode(JSON.stringify(doc)), dryRun: true });
    expect(report.errors.map(formatImportIssue)).toEqual([
      'sag 2025-0007, felt citizen.email: E-mailadressen ser ikke rigtig ud (fx navn@eksempel.dk).',
      'sag 2025-0007, felt citizen.phone: Telefonnummeret må kun indeholde cifre, mellemrum, bindestreg og evt. + (mindst 8 cifre).',
    ]);
  });

  it('refuses a file that is not valid JSON, not an Ombud export, or of another format version', async () => {
    const a = app();
    const say = async (text: string) => (await runImport(a.ctx, { fileName: 'x.json', content: encode(text), dryRun: true })).errors.map(formatImportIssue);
    expect((await say('{\n  "format": "ombud-export",\n  "version": 2,\n}'))[0]).toMatch(/^linje 4: filen er ikke gyldig JSON/);
    expect(await say('{"format": "noget andet"}')).toEqual(['linje 1, kolonne format: filen er ikke en eksport fra Ombud ("format" skal være "ombud-export")']);
    expect((await say('{"format": "ombud-export", "version": 1, "cases": []}'))[0]).toContain('format 1, men denne version af Ombud læser format 2, 3 og 4;');
  });

  it('into a database that has henvendelser, adds the file\'s and says which settings it kept', async () => {
    const doc = await exported();
    const target = app();
    fillEveryField(target);
    doc.cases = doc.cases.map((c) => ({ ...c, sagsnr: `NY-${c.sagsnr}` }));
    const report = await runImport(target.ctx, { fileName: 'eksport.json', content: encode(JSON.stringify(doc)), dryRun: false });
    expect(report.errors).toEqual([]);
    expect(report.warnings.map(formatImportIssue)[0]).toMatch(/^filens katalog og indstillinger: databasen har allerede henvendelser, så dens indstillinger/);
    expect(count(target, 'cases')).toBe(8);
  });
});
