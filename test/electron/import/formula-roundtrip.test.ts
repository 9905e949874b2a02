import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../../shared/import/csv';
import { createCase } from '../../../electron/services/cases';
import { exportCsvText, exportRows } from '../../../electron/services/export';
import { runImport } from '../../../electron/services/import';
import { caseInput } from '../../db/helpers';
import { FORMULA_TEXTS, LIVE_FORMULA_FIELD } from '../../fixtures/formula-texts';
import { appsClosedAfterEach } from './helpers';

const app = appsClosedAfterEach();

/** The raw fields as a spreadsheet sees them (no formula guard undone): the file's own text. */
function rawFields(csv: string): string[][] {
  return csv.replace(/^\uFEFF/u, '').split('\r\n').filter((l) => l !== '').map((l) => l.split(';'));
}

describe('the case export neutralises formulas and the import reads them back (OWASP CSV injection)', () => {
  const [cmd, hyperlink, phone, minus, at] = FORMULA_TEXTS;

  function seeded() {
    const a = app();
    const input = caseInput(a.ctx.db, { sagsnr: 'F-1' });
    createCase(a.ctx, {
      ...input,
      citizen: { ...input.citizen, name: cmd, phone, address: at },
      points: input.points.map((p) => ({ ...p, description: minus })),
    });
    createCase(a.ctx, { ...caseInput(a.ctx.db, { sagsnr: 'F-2' }), receivedOn: '2025-03-11', points: input.points.map((p) => ({ ...p, description: hyperlink })) });
    return a;
  }

  it('writes every such text cell with a quote in front, so Excel shows text', () => {
    const csv = exportCsvText(seeded().ctx.db);
    const [header, ...rows] = rawFields(csv);
    const col = (name: string) => (header ?? []).indexOf(name);
    expect(rows[0]?.[col('borger_navn')]).toBe(`'${cmd}`);
    expect(rows[0]?.[col('borger_telefon')]).toBe(`'${phone}`);
    expect(rows[0]?.[col('borger_adresse')]).toBe(`'${at}`);
    expect(rows[0]?.[col('beskrivelse')]).toBe(`'${minus}`);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    // No field of the file starts a formula.
    expect(csv.replace(/^\uFEFF/u, '')).not.toMatch(LIVE_FORMULA_FIELD);
  });

  it('export → import keeps the same text (CSV and an XLSX made from the same rows)', async () => {
    const a = seeded();
    const csv = exportCsvText(a.ctx.db);
    const b = app();
    const rb = await runImport(b.ctx, { fileName: 'x.csv', content: new TextEncoder().encode(csv), dryRun: false });
    expect(rb.errors).toEqual([]);
    expect(exportCsvText(b.ctx.db)).toBe(csv);
    const names = b.ctx.db.prepare("SELECT citizen_name, citizen_phone FROM cases WHERE sagsnr = 'F-1'").get();
    expect(names).toEqual({ citizen_name: cmd, citizen_phone: phone });

    // The same rows as an XLSX with the guarded texts as plain string cells (a re-save of the CSV in Excel).
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Ark1');
    for (const r of parseCsv(csv).records) ws.addRow(r.fields.map((f) => (/^'*[=+\-@\t\r]/u.test(f) ? `'${f}` : f)));
    const c = app();
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer);
    const rc = await runImport(c.ctx, { fileName: 'x.xlsx', content: xlsx, dryRun: false });
    expect(rc.errors).toEqual([]);
    expect(exportRows(c.ctx.db)).toEqual(exportRows(a.ctx.db));
  });
});
