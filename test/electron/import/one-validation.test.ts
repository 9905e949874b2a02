/**
 * One validation for the case form and the import: the same henvendelse is refused or accepted by
 * both, with the same words (shared/domain/case.ts: validateCaseInput, reached from the import
 * through shared/import/portable.ts: checkPortableCase). Before, the import accepted the e-mail
 * `ikke-en-mail` and the telephone `12`, and the case it created could then not be saved unchanged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createCase, getCase, updateCase } from '../../../electron/services/cases';
import { runImport } from '../../../electron/services/import';
import type { OpenedApp } from '../../../electron/services/open-app';
import { getSettings } from '../../../electron/services/settings';
import { draftFromDetail, toCaseInput } from '../../../renderer/src/features/cases/case-draft';
import type { CaseInput } from '../../../shared/domain/case';
import { AppError } from '../../../shared/ipc/result';
import { caseInput } from '../../db/helpers';
import { csvBytes, memoryApp } from './helpers';

let app: OpenedApp | null = null;
afterEach(() => {
  app?.close();
  app = null;
});

const TODAY = '2025-06-30';

/** The import row of the henvendelse caseInput() describes (one klagepunkt). */
const BASE_ROW: Record<string, string> = {
  sagsnr: '2025-0001', modtaget: '2025-03-10', type: 'klage', kanal: 'telefon', borger_navn: 'Søren Ærøskøbing', borger_email: 'soren@eksempel.dk',
  borger_telefon: '12 34 56 78', borger_adresse: 'Strandvejen 1, 5970 Ærøskøbing', borger_cpr: '', afsluttet: '', forvaltning: 'Beskæftigelse',
  afdeling: 'Jobcenter', tema: 'Sagsbehandlingstid', beskrivelse: 'Ingen afgørelse efter fire måneder.',
};

type Row = Readonly<{ column: string; value: string; path: string; form: (i: CaseInput, v: string) => CaseInput; refused: boolean }>;

const citizen = (field: keyof CaseInput['citizen']) => (i: CaseInput, v: string): CaseInput => ({ ...i, citizen: { ...i.citizen, [field]: v } });
const point = (change: (p: CaseInput['points'][number], v: string) => CaseInput['points'][number]) => (i: CaseInput, v: string): CaseInput => ({
  ...i, points: i.points.map((p, k) => (k === 0 ? change(p, v) : p)),
});
const closed = (i: CaseInput, v: string): CaseInput => ({ ...i, closedOn: v, status: 'afsluttet' });

/** Bad and good values, each given to the form and to the import. */
const TABLE: Row[] = [
  { column: 'borger_email', value: 'ikke-en-mail', path: 'citizen.email', form: citizen('email'), refused: true },
  { column: 'borger_email', value: 'a@b', path: 'citizen.email', form: citizen('email'), refused: true },
  { column: 'borger_email', value: 'navn@eksempel.dk', path: 'citizen.email', form: citizen('email'), refused: false },
  { column: 'borger_email', value: `${'n'.repeat(200)}@eksempel.dk`, path: 'citizen.email', form: citizen('email'), refused: true },
  { column: 'borger_telefon', value: '12', path: 'citizen.phone', form: citizen('phone'), refused: true },
  { column: 'borger_telefon', value: 'ring efter kl. 10', path: 'citizen.phone', form: citizen('phone'), refused: true },
  { column: 'borger_telefon', value: '+45 12 34 56 78', path: 'citizen.phone', form: citizen('phone'), refused: false },
  { column: 'borger_telefon', value: '1'.repeat(41), path: 'citizen.phone', form: citizen('phone'), refused: true },
  { column: 'borger_cpr', value: '320190-1234', path: 'citizen.cpr', form: citizen('cpr'), refused: true },
  { column: 'borger_cpr', value: '12', path: 'citizen.cpr', form: citizen('cpr'), refused: true },
  { column: 'borger_cpr', value: '0101801234', path: 'citizen.cpr', form: citizen('cpr'), refused: false },
  { column: 'borger_navn', value: 'Å'.repeat(201), path: 'citizen.name', form: citizen('name'), refused: true },
  { column: 'borger_navn', value: 'Åse Ørsted', path: 'citizen.name', form: citizen('name'), refused: false },
  { column: 'borger_adresse', value: 'x'.repeat(401), path: 'citizen.address', form: citizen('address'), refused: true },
  { column: 'sagsnr', value: 's'.repeat(41), path: 'sagsnr', form: (i, v) => ({ ...i, sagsnr: v }), refused: true },
  { column: 'sagsnr', value: 'SAG/2025/17', path: 'sagsnr', form: (i, v) => ({ ...i, sagsnr: v }), refused: false },
  { column: 'modtaget', value: '2025-07-01', path: 'receivedOn', form: (i, v) => ({ ...i, receivedOn: v }), refused: true },
  { column: 'modtaget', value: TODAY, path: 'receivedOn', form: (i, v) => ({ ...i, receivedOn: v }), refused: false },
  { column: 'afsluttet', value: '2025-03-09', path: 'closedOn', form: closed, refused: true },
  { column: 'afsluttet', value: '2025-07-01', path: 'closedOn', form: closed, refused: true },
  { column: 'afsluttet', value: '2025-03-10', path: 'closedOn', form: closed, refused: false },
  { column: 'beskrivelse', value: 'x'.repeat(20001), path: 'points.0.description', form: point((p, v) => ({ ...p, description: v })), refused: true },
  { column: 'forvaltning', value: '', path: 'points.0.forvaltningId', form: point((p) => ({ ...p, forvaltningId: null, afdelingId: null })), refused: true },
];

/** What the form (the case service, which runs the form's validation) says about the field, or undefined. */
function formSays(a: OpenedApp, input: CaseInput, path: string): string | undefined {
  try {
    createCase(a.ctx, input);
    return undefined;
  } catch (e) {
    if (e instanceof AppError && e.fields) return e.fields[path];
    throw e;
  }
}

/** What the import says about the column of the row, or undefined. */
async function importSays(a: OpenedApp, row: Record<string, string>, column: string): Promise<string | undefined> {
  const header = Object.keys(row);
  const report = await runImport(a.ctx, { fileName: 'x.csv', content: csvBytes([header, header.map((h) => row[h] ?? '')]), dryRun: true });
  return report.errors.find((e) => e.column === column && e.line === 2)?.message;
}

describe('the case form and the import refuse and accept the same things, with the same words', () => {
  it.each(TABLE)('$column = "$value"', async ({ column, value, path, form, refused }) => {
    app = memoryApp();
    const input = form({ ...caseInput(app.ctx.db), sagsnr: '2025-0001' }, value);
    const row = column === 'forvaltning' ? { ...BASE_ROW, forvaltning: '', afdeling: '' } : { ...BASE_ROW, [column]: value };
    // The dry run first: the form's save of a good value creates the henvendelse.
    const fromImport = await importSays(app, row, column);
    const fromForm = formSays(app, input, path);
    expect(fromImport).toBe(fromForm);
    expect(fromForm !== undefined, `${column} = ${value}`).toBe(refused);
  });

  it('places a klagepunkt\'s problem on the file\'s line and column: linje 3, kolonne afdeling', async () => {
    app = memoryApp();
    const header = Object.keys(BASE_ROW);
    const rows = [BASE_ROW, { ...BASE_ROW, forvaltning: '', afdeling: 'Jobcenter', beskrivelse: 'Andet punkt' }].map((r) => header.map((h) => r[h] ?? ''));
    const report = await runImport(app.ctx, { fileName: 'x.csv', content: csvBytes([header, ...rows]), dryRun: true });
    expect(report.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [3, 'forvaltning', 'Klagepunkt 2: vælg den forvaltning, klagen angår.'],
      [3, 'afdeling', 'Klagepunkt 2: vælg forvaltningen før afdelingen.'],
    ]);
  });

  it('a henvendelse the import accepts can be opened in the form and saved unchanged', async () => {
    app = memoryApp();
    const header = [...Object.keys(BASE_ROW), 'udfald'];
    const rows = [
      { ...BASE_ROW, borger_cpr: '010180-1234', borger_telefon: '+45 12 34 56 78', afsluttet: '2025-05-01', udfald: 'kritik' },
      { ...BASE_ROW, borger_telefon: '', forvaltning: 'Social', afdeling: '', tema: '', beskrivelse: 'Andet punkt', afsluttet: '', udfald: '' },
    ].map((r) => header.map((h) => (r as Record<string, string>)[h] ?? ''));
    const report = await runImport(app.ctx, { fileName: 'x.csv', content: csvBytes([header, ...rows]), dryRun: false });
    expect(report.errors).toEqual([]);
    const id = app.ctx.db.prepare("SELECT id FROM cases WHERE sagsnr = '2025-0001'").pluck().get() as number;
    const detail = getCase(app.ctx, id);
    const { input, errors } = toCaseInput(draftFromDetail(detail), getSettings(app.ctx), TODAY);
    expect(errors).toEqual({});
    const saved = updateCase(app.ctx, id, detail.version, input);
    expect(saved.version).toBe(detail.version + 1);
  });
});
