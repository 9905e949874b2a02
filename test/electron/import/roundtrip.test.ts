import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoRows } from '../../../shared/demo/generate';
import { parseCsv, writeCsv } from '../../../shared/import/csv';
import { buildExport, exportCsvText, type exportJsonValue } from '../../../electron/services/export';
import { runImport } from '../../../electron/services/import';
import type { OpenedApp } from '../../../electron/services/open-app';
import { count, memoryApp } from './helpers';

const opened: OpenedApp[] = [];
afterEach(() => opened.splice(0).forEach((a) => a.close()));

function app(): OpenedApp {
  const a = memoryApp();
  opened.push(a);
  return a;
}

async function importText(target: OpenedApp, text: string): Promise<void> {
  const report = await runImport(target.ctx, { fileName: 'x.csv', content: new TextEncoder().encode(text), dryRun: false });
  expect(report.errors).toEqual([]);
}

describe('export → import round trip', () => {
  it('demo → export CSV → import into an empty database → export again gives the identical file', async () => {
    const demo = generateDemoRows({ seed: 11, cases: 400, today: '2025-06-30' });
    const a = app();
    await importText(a, writeCsv([demo.header, ...demo.rows]));
    const first = exportCsvText(a.ctx.db);

    const b = app();
    await importText(b, first);
    const second = exportCsvText(b.ctx.db);
    expect(second).toBe(first);

    // The format details: BOM, `;`, one row per klagepunkt, one row for a henvendelse without any.
    expect(first.startsWith('\uFEFFsagsnr;modtaget;type;')).toBe(true);
    const records = parseCsv(first).records;
    const noPointCases = (a.ctx.db.prepare('SELECT count(*) AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM complaint_points p WHERE p.case_id = c.id)').get() as { n: number }).n;
    expect(records.length - 1).toBe(demo.klagepunkter + noPointCases);
    expect(count(b, 'cases')).toBe(demo.henvendelser);
    expect(count(b, 'complaint_points')).toBe(demo.klagepunkter);
  });

  it('keeps what the CSV carries, field by field', async () => {
    const a = app();
    const rows = [
      ['sagsnr', 'modtaget', 'type', 'kanal', 'borger_navn', 'borger_email', 'borger_telefon', 'borger_adresse', 'borger_cpr', 'kompetence', 'behandling', 'afsluttet', 'forvaltning', 'afdeling', 'tema', 'beskrivelse', 'udfald'],
      ['S-1', '01.02.2024', 'klage', 'digital formular', 'Åse Øster', 'a@eksempel.dk', '+45 12 34 56 78', 'Ågade 1; 2. tv', '0101801234', 'ikke forelagt forvaltningen', 'afvist', '2024-02-10', 'Social', 'PPR', 'B-tema|a-tema', 'Linje 1\r\nLinje "2"; slut', 'afvist'],
    ];
    await importText(a, writeCsv(rows));
    const out = parseCsv(exportCsvText(a.ctx.db)).records.map((r) => r.fields);
    expect(out[1]).toEqual(['S-1', '2024-02-01', 'klage', 'digital formular', 'Åse Øster', 'a@eksempel.dk', '+45 12 34 56 78', 'Ågade 1; 2. tv', '010180-1234', 'ikke forelagt forvaltningen', 'afvist', '2024-02-10', 'Social', 'PPR', 'a-tema|B-tema', 'Linje 1\r\nLinje "2"; slut', 'afvist']);
  });

  it('the JSON export contains every case with its klagepunkter, and buildExport base64-encodes the file', async () => {
    const demo = generateDemoRows({ seed: 12, cases: 150, today: '2025-06-30' });
    const a = app();
    await importText(a, writeCsv([demo.header, ...demo.rows]));
    const file = buildExport(a.ctx, 'json');
    expect(file.fileName).toBe('ombud-eksport-2025-06-30.json');
    expect(file.mimeType).toBe('application/json');
    const dump = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8')) as ReturnType<typeof exportJsonValue>;
    expect(dump).toMatchObject({ format: 'ombud-export', version: 1, exportedAt: '2025-06-30T10:00:00.000Z', municipality: 'Eksempel Kommune' });
    expect(dump.cases).toHaveLength(demo.henvendelser);
    expect(dump.cases.reduce((n, c) => n + c.points.length, 0)).toBe(demo.klagepunkter);
    expect(new Set(dump.cases.map((c) => c.sagsnr)).size).toBe(demo.henvendelser);
    expect(dump.cases[0]?.history[0]).toMatchObject({ action: 'Importeret' });
    const csv = buildExport(a.ctx, 'csv');
    expect(csv.mimeType).toBe('text/csv; charset=utf-8');
    expect(Buffer.from(csv.contentBase64, 'base64').toString('utf8')).toBe(exportCsvText(a.ctx.db));
    const exports = a.ctx.db.prepare("SELECT action FROM audit_log WHERE entity = 'export' ORDER BY id").all();
    expect(exports).toEqual([{ action: 'Eksporteret som JSON' }, { action: 'Eksporteret som CSV' }]);
  });
});
