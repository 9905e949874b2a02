import { describe, expect, it } from 'vitest';
import { generateDemoRows } from '../../../shared/demo/generate';
import { parseCsv, writeCsv } from '../../../shared/import/csv';
import { SHIPPED_RULES } from '../../../shared/rules/catalog';
import { createCase } from '../../../electron/services/cases';
import { buildExport, exportCsvText, exportJsonValue } from '../../../electron/services/export';
import { runImport } from '../../../electron/services/import';
import type { OpenedApp } from '../../../electron/services/open-app';
import { createRecommendation } from '../../../electron/services/recommendations';
import { caseInput, org } from '../../db/helpers';
import { appsClosedAfterEach, count, NOW } from './helpers';

const app = appsClosedAfterEach();

/**
 * Every shipped rule id in the database, as opening the app does once the catalogue is synced; OR
 * IGNORE so this holds whether or not openApp already put them there.
 */
function withRules(target: OpenedApp): OpenedApp {
  const ins = target.ctx.db.prepare(
    `INSERT OR IGNORE INTO rules (id, origin, law_short, law_full, paragraph, title, summary, category, verification, created_at, updated_at)
     VALUES (?, 'shipped', ?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
  );
  for (const r of SHIPPED_RULES) ins.run(r.id, r.lawShort, r.lawFull, r.paragraph, r.title, r.summary, r.category, r.verification);
  return target;
}

async function importText(target: OpenedApp, text: string): Promise<void> {
  const report = await runImport(target.ctx, { fileName: 'x.csv', content: new TextEncoder().encode(text), dryRun: false });
  expect(report.errors).toEqual([]);
}

describe('export → import round trip', () => {
  it('demo → export CSV → import into an empty database → export again gives the identical file', async () => {
    const demo = generateDemoRows({ seed: 11, cases: 400, today: '2025-06-30' });
    const a = withRules(app());
    await importText(a, writeCsv([demo.header, ...demo.rows]));
    const first = exportCsvText(a.ctx.db);

    const b = withRules(app());
    await importText(b, first);
    const second = exportCsvText(b.ctx.db);
    expect(second).toBe(first);

    // The assessment columns are really exercised: several rules, both answers, every henstilling status.
    const one = (sql: string) => b.ctx.db.prepare(sql).pluck().get();
    expect(one('SELECT count(DISTINCT rule_id) FROM point_rules')).toBeGreaterThan(5);
    expect(one("SELECT count(*) FROM point_rules WHERE assessment = 'ikke_overholdt'")).toBe(count(b, 'point_rules'));
    expect(one('SELECT count(DISTINCT point_id) FROM point_rules WHERE position = 2')).toBeGreaterThan(0);
    expect(b.ctx.db.prepare('SELECT DISTINCT forvaltning_agreed FROM complaint_points ORDER BY 1').pluck().all()).toEqual([null, 0, 1]);
    expect(b.ctx.db.prepare('SELECT DISTINCT status FROM recommendations ORDER BY 1').pluck().all()).toEqual(['afventer', 'fulgt', 'ikke_fulgt']);
    expect(one('SELECT count(*) FROM recommendations')).toBe(count(a, 'recommendations'));
    const records = parseCsv(first).records;
    const header = records[0]?.fields ?? [];
    for (const name of ['regler', 'forvaltning_enig', 'henstilling', 'henstilling_fulgt']) {
      const i = header.indexOf(name);
      expect(records.some((r) => r.fields[i] !== ''), name).toBe(true);
    }

    // The format details: BOM, `;`, one row per klagepunkt, one row for a henvendelse without any.
    expect(first.startsWith('\uFEFFsagsnr;modtaget;type;')).toBe(true);
    const noPointCases = (a.ctx.db.prepare('SELECT count(*) AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM complaint_points p WHERE p.case_id = c.id)').get() as { n: number }).n;
    expect(records.length - 1).toBe(demo.klagepunkter + noPointCases);
    expect(count(b, 'cases')).toBe(demo.henvendelser);
    expect(count(b, 'complaint_points')).toBe(demo.klagepunkter);
  });

  it('keeps what the CSV carries, field by field', async () => {
    const a = app();
    withRules(a);
    const rows = [
      ['sagsnr', 'modtaget', 'type', 'kanal', 'borger_navn', 'borger_email', 'borger_telefon', 'borger_adresse', 'borger_cpr', 'kompetence', 'behandling', 'afsluttet', 'forvaltning', 'afdeling', 'tema', 'beskrivelse', 'regler', 'udfald', 'forvaltning_enig', 'henstilling', 'henstilling_fulgt'],
      ['S-1', '01.02.2024', 'klage', 'digital formular', 'Åse Øster', 'a@eksempel.dk', '+45 12 34 56 78', 'Ågade 1; 2. tv', '0101801234', 'afgørelsens indhold', 'vejvist', '2024-02-10', 'Social', 'PPR', 'B-tema|a-tema', 'Linje 1\r\nLinje "2"; slut', 'GFS-besvarelse|fvl-19-partshoering', 'afvist', 'Nej', ' Svar "altid"; også i ferier ', 'JA'],
      ['S-1', '', '', '', '', '', '', '', '', 'inden for', 'undersøgt', '', 'Social', '', '', 'Andet punkt', '', '', '', 'Afventer svar', ''],
    ];
    await importText(a, writeCsv(rows));
    const out = parseCsv(exportCsvText(a.ctx.db)).records.map((r) => r.fields);
    expect(out[0]?.slice(15, 21)).toEqual(['beskrivelse', 'regler', 'udfald', 'forvaltning_enig', 'henstilling', 'henstilling_fulgt']);
    expect(out[1]).toEqual([
      'S-1', '2024-02-01', 'klage', 'digital formular', 'Åse Øster', 'a@eksempel.dk', '+45 12 34 56 78', 'Ågade 1; 2. tv', '010180-1234', 'Afgørelsens indhold (hører under klageinstansen)', 'vejvist', '2024-02-10', 'Social', 'PPR', 'a-tema|B-tema', 'Linje 1\r\nLinje "2"; slut',
      'gfs-besvarelse|fvl-19-partshoering', 'afvist', 'nej', ' Svar "altid"; også i ferier ', 'ja', '', '', '',
    ]);
    expect(out[2]?.slice(15, 21)).toEqual(['Andet punkt', '', '', '', 'Afventer svar', '']);
    // Competence and handling are the klagepunkt's own: the old token comes back as the reason's name.
    expect(out[2]?.slice(9, 11)).toEqual(['inden for', 'undersøgt']);
  });

  it('exports only the rules assessed ikke overholdt and the first henstilling of a klagepunkt; JSON has them all', async () => {
    const a = withRules(app());
    const o = org(a.ctx.db);
    const c = createCase(a.ctx, caseInput(a.ctx.db, {
      sagsnr: 'R-1',
      points: [{
        forvaltningId: o.forvaltning('Beskæftigelse'), afdelingId: null, themeIds: [], description: 'Punkt', outcome: 'kritik',
        rules: [
          { ruleId: 'gfs-besvarelse', assessment: 'overholdt', reasoning: 'Svar i tide.' },
          { ruleId: 'fvl-22-begrundelse', assessment: 'ikke_overholdt', reasoning: 'Ingen begrundelse.' },
          { ruleId: 'fvl-19-partshoering', assessment: 'ikke_overholdt', reasoning: '' },
        ],
        forvaltningAgreed: true, apologised: true, putRight: false,
      }],
    }));
    const point = c.points[0] as { id: number; forvaltningId: number };
    const base = { caseId: c.id, pointId: point.id, forvaltningId: point.forvaltningId, answer: '', followUpOn: null };
    createRecommendation(a.ctx, { ...base, text: 'Senere henstilling', givenOn: '2025-05-01', status: 'afventer', statusOn: null });
    createRecommendation(a.ctx, { ...base, text: 'Første henstilling', givenOn: '2025-04-01', status: 'ikke_fulgt', statusOn: '2025-04-20' });
    createRecommendation(a.ctx, { ...base, pointId: null, text: 'Om henvendelsen som helhed', givenOn: '2025-03-20', status: 'afventer', statusOn: null });

    const out = parseCsv(exportCsvText(a.ctx.db)).records.map((r) => r.fields);
    expect(out[1]?.slice(16, 21)).toEqual(['fvl-22-begrundelse|fvl-19-partshoering', 'kritik', 'ja', 'Første henstilling', 'nej']);

    const dump = exportJsonValue(a.ctx.db, NOW);
    expect(dump.cases[0]?.points[0]).toMatchObject({
      rules: [
        { ruleId: 'gfs-besvarelse', assessment: 'overholdt', reasoning: 'Svar i tide.' },
        { ruleId: 'fvl-22-begrundelse', assessment: 'ikke_overholdt', reasoning: 'Ingen begrundelse.' },
        { ruleId: 'fvl-19-partshoering', assessment: 'ikke_overholdt', reasoning: '' },
      ],
      forvaltningAgreed: true, apologised: true, putRight: false,
    });
    expect(dump.cases[0]?.recommendations.map((r) => [r.point, r.forvaltning, r.text, r.givenOn, r.status, r.statusOn])).toEqual([
      [null, 'Beskæftigelse', 'Om henvendelsen som helhed', '2025-03-20', 'afventer', null],
      [1, 'Beskæftigelse', 'Første henstilling', '2025-04-01', 'ikke_fulgt', '2025-04-20'],
      [1, 'Beskæftigelse', 'Senere henstilling', '2025-05-01', 'afventer', null],
    ]);
  });

  it('the JSON export contains every case with its klagepunkter, and buildExport base64-encodes the file', async () => {
    const demo = generateDemoRows({ seed: 12, cases: 150, today: '2025-06-30' });
    const a = withRules(app());
    await importText(a, writeCsv([demo.header, ...demo.rows]));
    const file = buildExport(a.ctx, 'json');
    expect(file.fileName).toBe('ombud-eksport-2025-06-30.json');
    expect(file.mimeType).toBe('application/json');
    const dump = JSON.parse(Buffer.from(file.contentBase64, 'base64').toString('utf8')) as ReturnType<typeof exportJsonValue>;
    expect(dump).toMatchObject({ format: 'ombud-export', version: 4, exportedAt: '2025-06-30T10:00:00.000Z', municipality: 'Eksempel Kommune' });
    expect(dump.cases).toHaveLength(demo.henvendelser);
    expect(dump.cases.reduce((n, c) => n + c.points.length, 0)).toBe(demo.klagepunkter);
    expect(new Set(dump.cases.map((c) => c.sagsnr)).size).toBe(demo.henvendelser);
    expect(dump.cases[0]?.history?.[0]).toMatchObject({ action: 'Importeret' });
    const csv = buildExport(a.ctx, 'csv');
    expect(csv.mimeType).toBe('text/csv; charset=utf-8');
    expect(Buffer.from(csv.contentBase64, 'base64').toString('utf8')).toBe(exportCsvText(a.ctx.db));
    const exports = a.ctx.db.prepare("SELECT action FROM audit_log WHERE entity = 'export' ORDER BY id").all();
    expect(exports).toEqual([{ action: 'Eksporteret som JSON' }, { action: 'Eksporteret som CSV' }]);
  });

  it('carries anmodet, svarfrist and besvaret: one request per henvendelse and forvaltning, computed or given', async () => {
    const a = withRules(app());
    const header = ['sagsnr', 'modtaget', 'type', 'forvaltning', 'beskrivelse', 'anmodet', 'svarfrist', 'besvaret'];
    await importText(a, writeCsv([
      header,
      // Computed from the default (10 arbejdsdage, standard): 02.06.2025 → 18.06.2025; answered late.
      ['A-1', '2025-05-20', 'klage', 'Social', 'Punkt 1', '02.06.2025', '', '20.06.2025'],
      ['A-1', '', '', 'Social', 'Punkt 2', '', '', ''],
      // A given svarfrist is kept as given; still open.
      ['A-1', '', '', 'Beskæftigelse', 'Punkt 3', '2025-06-10', '2025-06-30', ''],
      ['A-2', '2025-05-20', 'vejledning', '', '', '', '', ''],
    ]));
    const rows = a.ctx.db.prepare(
      `SELECT f.name, r.kind, r.sent_on, r.due_on, r.explicit_due, r.answered_on, r.verdict_on_time, r.verdict_working_days, r.verdict_days_late
         FROM requests r JOIN forvaltninger f ON f.id = r.forvaltning_id ORDER BY r.sent_on`,
    ).all();
    expect(rows).toEqual([
      { name: 'Social', kind: 'redegoerelse', sent_on: '2025-06-02', due_on: '2025-06-18', explicit_due: null, answered_on: '2025-06-20', verdict_on_time: 0, verdict_working_days: 12, verdict_days_late: 2 },
      { name: 'Beskæftigelse', kind: 'redegoerelse', sent_on: '2025-06-10', due_on: '2025-06-30', explicit_due: '2025-06-30', answered_on: null, verdict_on_time: null, verdict_working_days: null, verdict_days_late: null },
    ]);
    const first = exportCsvText(a.ctx.db);
    const out = parseCsv(first).records.map((r) => r.fields);
    expect(out[0]?.slice(-3)).toEqual(['anmodet', 'svarfrist', 'besvaret']);
    expect(out.slice(1).map((r) => [r[0], r[12], ...r.slice(-3)])).toEqual([
      ['A-1', 'Social', '2025-06-02', '', '2025-06-20'],
      ['A-1', 'Social', '2025-06-02', '', '2025-06-20'],
      ['A-1', 'Beskæftigelse', '2025-06-10', '2025-06-30', ''],
      ['A-2', '', '', '', ''],
    ]);
    const b = withRules(app());
    await importText(b, first);
    expect(exportCsvText(b.ctx.db)).toBe(first);
    expect(b.ctx.db.prepare('SELECT due_on, explicit_due FROM requests ORDER BY sent_on').all()).toEqual([
      { due_on: '2025-06-18', explicit_due: null },
      { due_on: '2025-06-30', explicit_due: '2025-06-30' },
    ]);
    const dump = exportJsonValue(b.ctx.db, NOW);
    expect(dump.cases[0]?.requests.map((r) => [r.forvaltning, r.dueOn, r.verdict])).toEqual([
      ['Social', '2025-06-18', { onTime: false, workingDaysUsed: 12, daysLate: 2 }],
      ['Beskæftigelse', '2025-06-30', null],
    ]);
  });

  it('refuses request columns that disagree, lack anmodet or a forvaltning, or answer before asking', async () => {
    const a = app();
    const header = ['sagsnr', 'modtaget', 'type', 'forvaltning', 'anmodet', 'svarfrist', 'besvaret'];
    const text = writeCsv([
      header,
      ['B-1', '2025-05-20', 'klage', 'Social', '2025-06-02', '', ''],
      ['B-1', '', '', 'Social', '2025-06-03', '', ''],
      ['B-2', '2025-05-20', 'klage', 'Social', '', '2025-06-30', ''],
      ['B-3', '2025-05-20', 'klage', 'Social', '2025-06-02', '', '2025-06-01'],
      ['B-4', '2025-05-20', 'vejledning', '', '2025-06-02', '', ''],
    ]);
    const report = await runImport(a.ctx, { fileName: 'x.csv', content: new TextEncoder().encode(text), dryRun: false });
    expect(report.errors.map((e) => [e.line, e.column, e.message.split(';')[0]])).toEqual([
      [3, 'anmodet', '"2025-06-03" passer ikke med "2025-06-02" i linje 2 for samme sagsnr B-1 og forvaltning Social'],
      [4, 'svarfrist', 'svarfrist kræver, at anmodet er udfyldt for sagsnr B-2 og forvaltning Social'],
      [5, 'besvaret', 'Besvarelsesdatoen 2025-06-01 ligger før anmodningsdatoen 2025-06-02.'],
      [6, 'anmodet', 'anmodet hører til anmodningen til klagepunktets forvaltning, så kolonnen forvaltning skal også være udfyldt'],
    ]);
    expect(count(a, 'requests')).toBe(0);
  });
});
