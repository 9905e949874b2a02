import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { formatImportIssue, type ImportStatus } from '../../../shared/domain/import-report';
import { AppError } from '../../../shared/ipc/result';
import { runImport, type ImportProgress } from '../../../electron/services/import';
import { createImportJobs } from '../../../electron/services/import-jobs';
import type { OpenedApp } from '../../../electron/services/open-app';
import { count, csvBytes, memoryApp } from './helpers';

const HEADER = ['sagsnr', 'modtaget', 'type', 'kanal', 'borger_navn', 'borger_cpr', 'afsluttet', 'forvaltning', 'afdeling', 'tema', 'beskrivelse', 'udfald'];

const GOOD: string[][] = [
  HEADER,
  ['2024-0007', '03.02.2024', 'klage', 'telefon', 'Grethe Ærbø', '010190-1234', '2024-03-01', 'Beskæftigelse', 'Jobcenter', 'Sagsbehandlingstid|Ventetid i telefonkø', 'Ingen svar på ansøgningen om fleksjob i fire måneder.', 'kritik'],
  ['2024-0007', '', '', '', '', '', '', 'Kultur og Fritid', 'Biblioteket', 'Manglende svar', 'Lånerkortet blev spærret uden varsel.', 'ingen kritik'],
  ['2024-0008', '2024-02-05', 'vejledning', 'e-mail', 'Ib Holm', '', '', '', '', '', '', ''],
];

let app: OpenedApp | undefined;
afterEach(() => app?.close());

describe('runImport', () => {
  it('imports henvendelser with klagepunkter, creates and reports missing catalogue entries, audits and indexes', async () => {
    app = memoryApp();
    const before = { f: count(app, 'forvaltninger'), t: count(app, 'themes') };
    const report = await runImport(app.ctx, { fileName: 'sager.csv', content: csvBytes(GOOD), dryRun: false });
    expect(report).toEqual({
      ok: true, dryRun: false, errors: [], warnings: [], henvendelser: 2, klagepunkter: 2,
      created: { forvaltninger: ['Kultur og Fritid'], afdelinger: ['Kultur og Fritid / Biblioteket'], themes: ['Ventetid i telefonkø'] },
    });
    expect(count(app, 'forvaltninger')).toBe(before.f + 1);
    expect(count(app, 'themes')).toBe(before.t + 1);
    const db = app.ctx.db;
    const c = db.prepare("SELECT * FROM cases WHERE sagsnr = '2024-0007'").get() as Record<string, unknown>;
    expect(c).toMatchObject({
      received_on: '2024-02-03', type: 'klage', channel: 'telefon', citizen_name: 'Grethe Ærbø', citizen_cpr: '010190-1234',
      status: 'afsluttet', closed_on: '2024-03-01', sagsnr_year: 2024, sagsnr_seq: 7, competence_reason_id: null, handling: null,
      summary: 'Ingen svar på ansøgningen om fleksjob i fire måneder.',
    });
    const points = db.prepare('SELECT position, description, outcome FROM complaint_points WHERE case_id = ? ORDER BY position').all(c['id']);
    expect(points).toEqual([
      { position: 1, description: 'Ingen svar på ansøgningen om fleksjob i fire måneder.', outcome: 'kritik' },
      { position: 2, description: 'Lånerkortet blev spærret uden varsel.', outcome: 'ingen_kritik' },
    ]);
    expect(count(app, 'complaint_point_themes')).toBe(3);
    const v = db.prepare("SELECT status, summary, (SELECT count(*) FROM complaint_points p WHERE p.case_id = c.id) AS n FROM cases c WHERE sagsnr = '2024-0008'").get();
    expect(v).toEqual({ status: 'modtaget', summary: 'Vejledning', n: 0 });
    const audit = db.prepare('SELECT actor, action, case_id FROM audit_log WHERE entity = ? ORDER BY id').all('case') as Array<{ actor: string; action: string }>;
    expect(audit.map((a) => [a.actor, a.action])).toEqual([['Testrådgiver', 'Importeret'], ['Testrådgiver', 'Importeret']]);
    const hits = db.prepare('SELECT rowid FROM case_fts WHERE case_fts MATCH ?').all('"biblioteket"*');
    expect(hits).toEqual([{ rowid: c['id'] }]);
  });

  it('imports competence per klagepunkt: one vejvist outside competence beside one investigated, and an outside-but-undersøgt row with a warning', async () => {
    app = memoryApp();
    const rows = [
      ['sagsnr', 'modtaget', 'type', 'kompetence', 'behandling', 'forvaltning', 'beskrivelse', 'udfald'],
      ['2024-0010', '2024-03-01', 'klage', 'Afgørelsens indhold (hører under klageinstansen)', 'vejvist', 'Social', 'Afslaget på hjælpemidlet er forkert.', 'afvist'],
      ['2024-0010', '', '', 'inden for', 'undersøgt', 'Social', 'Borgeren blev ikke partshørt.', 'kritik'],
      // Historical files hold this: outside competence, yet marked undersøgt. Imported, with a warning.
      ['2024-0011', '2024-03-04', 'klage', 'over 1 år', 'undersøgt', 'Beskæftigelse', 'Sagen sluttede i 2021.', ''],
      ['2024-0012', '2024-03-05', 'vejvisning', 'anden klageinstans', 'vejvist', '', '', ''],
    ];
    const report = await runImport(app.ctx, { fileName: 'historik.csv', content: csvBytes(rows), dryRun: false });
    expect(report).toMatchObject({ ok: true, errors: [], henvendelser: 3, klagepunkter: 3 });
    expect(report.warnings.map(formatImportIssue)).toEqual([
      'linje 4, kolonne behandling: klagepunktet er uden for kompetence (over 1 år), men markeret som undersøgt; det er importeret som angivet – tjek, om det er rigtigt',
    ]);
    const db = app.ctx.db;
    const points = db.prepare(
      `SELECT c.sagsnr, p.position, r.name AS reason, p.handling FROM complaint_points p JOIN cases c ON c.id = p.case_id
         LEFT JOIN competence_reasons r ON r.id = p.competence_reason_id ORDER BY c.sagsnr, p.position`,
    ).all();
    expect(points).toEqual([
      { sagsnr: '2024-0010', position: 1, reason: 'Afgørelsens indhold (hører under klageinstansen)', handling: 'vejvist' },
      { sagsnr: '2024-0010', position: 2, reason: null, handling: 'undersoegt' },
      // The old token finds the shipped reason by its code.
      { sagsnr: '2024-0011', position: 1, reason: 'Afsluttet for over 1 år siden', handling: 'undersoegt' },
    ]);
    const own = db.prepare(
      `SELECT r.name AS reason, c.handling FROM cases c LEFT JOIN competence_reasons r ON r.id = c.competence_reason_id WHERE c.sagsnr = '2024-0012'`,
    ).get();
    expect(own).toEqual({ reason: 'Anden klageinstans, ombudsmand eller domstol', handling: 'vejvist' });
  });

  it('refuses a competence reason the municipality does not have, naming the ones it has', async () => {
    app = memoryApp();
    const rows = [
      ['sagsnr', 'modtaget', 'type', 'kompetence', 'forvaltning'],
      ['2024-0013', '2024-03-01', 'klage', 'Skattesag', 'Social'],
    ];
    const report = await runImport(app.ctx, { fileName: 'x.csv', content: csvBytes(rows), dryRun: true });
    expect(report.ok).toBe(false);
    expect(report.errors.map(formatImportIssue)).toEqual([
      'linje 2, kolonne kompetence: kompetencegrunden "Skattesag" findes ikke; brug en af: inden for, Afgørelsens indhold (hører under klageinstansen), ' +
        'Politisk beslutning eller serviceniveau, Ansættelsesforhold, Afsluttet for over 1 år siden, Anden klageinstans, ombudsmand eller domstol, ' +
        'Fuldmagt mangler (en ny grund tilføjes under Indstillinger → Kompetencegrunde)',
    ]);
  });

  it('writes nothing when a single row is wrong, and lists every error', async () => {
    app = memoryApp();
    const before = ['cases', 'complaint_points', 'forvaltninger', 'themes', 'audit_log'].map((t) => count(app as OpenedApp, t));
    const bad = [...GOOD, ['2024-0009', '31.02.2024', 'klage', 'fax', '', '', '', '', '', '', '', '']];
    const report = await runImport(app.ctx, { fileName: 'sager.csv', content: csvBytes(bad), dryRun: false });
    expect(report.ok).toBe(false);
    expect(report.henvendelser).toBe(0);
    expect(report.errors.map(formatImportIssue)).toEqual([
      'linje 5, kolonne modtaget: 31.02.2024 er ikke en gyldig dato.',
      'linje 5, kolonne kanal: "fax" er ikke en gyldig værdi; brug en af: telefon, e-mail, brev, personligt, digital formular',
      'linje 5, kolonne forvaltning: Klagepunkt 1: vælg den forvaltning, klagen angår.',
    ]);
    expect(['cases', 'complaint_points', 'forvaltninger', 'themes', 'audit_log'].map((t) => count(app as OpenedApp, t))).toEqual(before);
  });

  it('a dry run validates and reports, including what would be created, without writing', async () => {
    app = memoryApp();
    const before = ['cases', 'forvaltninger', 'afdelinger', 'themes', 'audit_log'].map((t) => count(app as OpenedApp, t));
    const report = await runImport(app.ctx, { fileName: 'sager.csv', content: csvBytes(GOOD, ','), dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, henvendelser: 2, klagepunkter: 2 });
    expect(report.created.forvaltninger).toEqual(['Kultur og Fritid']);
    expect(report.created.afdelinger).toEqual(['Kultur og Fritid / Biblioteket']);
    expect(['cases', 'forvaltninger', 'afdelinger', 'themes', 'audit_log'].map((t) => count(app as OpenedApp, t))).toEqual(before);
  });

  it('refuses a sagsnr that is already in the database (ignoring case)', async () => {
    app = memoryApp();
    expect((await runImport(app.ctx, { fileName: 'a.csv', content: csvBytes(GOOD), dryRun: false })).ok).toBe(true);
    const again = [HEADER, ['2024-0008', '2024-02-05', 'vejledning', '', '', '', '', '', '', '', '', ''], ['X-1', '2024-02-05', 'vejledning', '', '', '', '', '', '', '', '', '']];
    const report = await runImport(app.ctx, { fileName: 'b.csv', content: csvBytes(again), dryRun: true });
    expect(report.errors.map(formatImportIssue)).toEqual([
      'linje 2, kolonne sagsnr: sagsnr 2024-0008 findes allerede i databasen (som 2024-0008); en import kan kun oprette nye henvendelser',
    ]);
    expect(count(app, 'cases')).toBe(2);
  });

  it('reports files it cannot read: not UTF-8, unterminated quote, empty, header only', async () => {
    app = memoryApp();
    const latin1 = new Uint8Array([...new TextEncoder().encode('sagsnr;modtaget;type\n1;2024-01-01;klage\n2;2024-01-01;vejledning;'), 0xe6, 0x0a]);
    const cases: Array<[Uint8Array, string]> = [
      [latin1, 'linje 3: filen er ikke gemt som UTF-8'],
      [new TextEncoder().encode('sagsnr;modtaget;type\n1;"2024-01-01;klage\n'), 'linje 2: et felt, der begynder med anførselstegn i linje 2, bliver aldrig afsluttet'],
      [new Uint8Array(), 'linje 1: filen er tom'],
      [new TextEncoder().encode('sagsnr;modtaget;type\r\n'), 'linje 1: filen indeholder ingen rækker under overskriften'],
    ];
    for (const [content, start] of cases) {
      const report = await runImport(app.ctx, { fileName: 'x.csv', content, dryRun: false });
      expect(report.ok).toBe(false);
      expect(formatImportIssue(report.errors[0] as (typeof report.errors)[number])).toContain(start);
    }
  });

  it('reads XLSX: first sheet, header in row 1, real date cells and text dates, sheet row numbers', async () => {
    app = memoryApp();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sager');
    wb.addWorksheet('Andet ark').addRow(['ignoreres']);
    ws.addRow(['Sagsnr', 'Modtaget', 'Type', 'Forvaltning', 'Afsluttet', 'Borger_CPR', 'Beskrivelse']);
    ws.addRow(['2023-0001', new Date(Date.UTC(2023, 4, 17)), 'klage', 'Social', '01.06.2023', 101901234, 'Rig tekst']);
    ws.addRow([]);
    ws.addRow([2023002, '17/05/2023', 'vejvisning', '', new Date(Date.UTC(2023, 4, 20)), '', '']);
    ws.getCell('B2').numFmt = 'dd-mm-yyyy';
    ws.getCell('G2').value = { richText: [{ text: 'Rig ' }, { text: 'tekst', font: { bold: true } }] };
    const content = new Uint8Array(await wb.xlsx.writeBuffer());
    const report = await runImport(app.ctx, { fileName: 'sager.xlsx', content, dryRun: false });
    expect(report.errors).toEqual([]);
    expect(report.henvendelser).toBe(2);
    const rows = app.ctx.db.prepare('SELECT sagsnr, received_on, closed_on, citizen_cpr, summary FROM cases ORDER BY sagsnr').all();
    expect(rows).toEqual([
      { sagsnr: '2023-0001', received_on: '2023-05-17', closed_on: '2023-06-01', citizen_cpr: '010190-1234', summary: 'Rig tekst' },
      { sagsnr: '2023002', received_on: '2023-05-17', closed_on: '2023-05-20', citizen_cpr: null, summary: 'Vejvisning' },
    ]);

    const bad = new ExcelJS.Workbook();
    const bs = bad.addWorksheet('Sager');
    bs.addRow(['sagsnr', 'modtaget', 'type']);
    bs.addRow(['A', '2023-01-01', 'vejledning']);
    bs.addRow([]);
    bs.addRow(['B', '30.02.2023', 'vejledning']);
    const badReport = await runImport(app.ctx, { fileName: 'fejl.xlsx', content: new Uint8Array(await bad.xlsx.writeBuffer()), dryRun: false });
    expect(badReport.errors.map(formatImportIssue)).toEqual(['linje 4, kolonne modtaget: 30.02.2023 er ikke en gyldig dato.']);
  });

  it('reports progress through the phases and yields between chunks', async () => {
    app = memoryApp();
    const rows = [HEADER];
    for (let i = 1; i <= 5000; i++) rows.push([`P-${i}`, '2024-01-01', 'vejledning', '', '', '', '', '', '', '', '', '']);
    const seen: ImportProgress[] = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const report = await runImport(app.ctx, { fileName: 'mange.csv', content: csvBytes(rows), dryRun: false }, (p) => seen.push(p));
    clearInterval(timer);
    expect(report.henvendelser).toBe(5000);
    expect([...new Set(seen.map((p) => p.phase))]).toEqual(['læser', 'kontrollerer', 'skriver']);
    expect(seen.filter((p) => p.phase === 'kontrollerer').map((p) => p.done)).toEqual([0, 2000, 4000, 5000]);
    expect(seen.at(-1)).toEqual({ phase: 'skriver', done: 5000, total: 5000 });
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('createImportJobs', () => {
  it('runs an import in the background and reports status until færdig', async () => {
    app = memoryApp();
    const jobs = createImportJobs();
    const { jobId } = jobs.start(app.ctx, { fileName: 'sager.csv', content: csvBytes(GOOD), dryRun: false });
    const phases: ImportStatus['phase'][] = [];
    let status = jobs.status(jobId);
    while (status.phase !== 'færdig' && status.phase !== 'fejlet') {
      phases.push(status.phase);
      await new Promise((r) => setImmediate(r));
      status = jobs.status(jobId);
    }
    expect(phases[0]).toBe('læser');
    expect(status.phase).toBe('færdig');
    expect(status.report?.henvendelser).toBe(2);
    expect(status.failure).toBeNull();
  });

  it('reports a database failure as fejlet with a Danish message, and an unknown id as not_found', async () => {
    app = memoryApp();
    const jobs = createImportJobs({ log: () => {} });
    app.ctx.db.exec("CREATE TRIGGER no_cases BEFORE INSERT ON cases BEGIN SELECT RAISE(ABORT, 'nej'); END");
    const { jobId } = jobs.start(app.ctx, { fileName: 'sager.csv', content: csvBytes(GOOD), dryRun: false });
    let status = jobs.status(jobId);
    while (status.phase !== 'færdig' && status.phase !== 'fejlet') {
      await new Promise((r) => setImmediate(r));
      status = jobs.status(jobId);
    }
    expect(status.phase).toBe('fejlet');
    expect(status.failure).toMatch(/^Importen mislykkedes, og intet er gemt\./);
    expect(count(app, 'cases')).toBe(0);
    expect(count(app, 'forvaltninger')).toBe(7);
    let err: unknown;
    try {
      jobs.status('findes-ikke');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('not_found');
  });
});

describe('rules, the forvaltning’s view and henstillinger', () => {
  const H = ['sagsnr', 'modtaget', 'type', 'afsluttet', 'forvaltning', 'beskrivelse', 'regler', 'udfald', 'forvaltning_enig', 'henstilling', 'henstilling_fulgt'];

  /** The rules these rows cite; OR IGNORE because the shipped catalogue may already hold them. */
  function withRules(target: OpenedApp): OpenedApp {
    const ins = target.ctx.db.prepare(
      `INSERT OR IGNORE INTO rules (id, origin, law_short, law_full, paragraph, title, summary, category, verification, created_at, updated_at)
       VALUES (?, 'shipped', 'FVL', 'Forvaltningsloven', '§', 'Titel', 'Resumé', 'Kategori', 'yes', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')`,
    );
    for (const id of ['fvl-19-partshoering', 'fvl-22-begrundelse', 'gfs-besvarelse']) ins.run(id);
    return target;
  }

  it('records regler as breached in the file’s order, the forvaltning’s view, and one henstilling per klagepunkt', async () => {
    app = withRules(memoryApp());
    const rows = [
      H,
      ['2024-0100', '2024-02-01', 'klage', '2024-04-15', 'Beskæftigelse', 'Ikke partshørt.', 'GFS-besvarelse | fvl-19-partshoering|', 'kritik', 'Ja', 'Partshør før afgørelse.', 'nej'],
      ['2024-0100', '', '', '', 'Social', 'Ingen begrundelse.', 'fvl-22-begrundelse', 'bemærkning', 'nej', 'Begrund afgørelser.', ''],
      ['2024-0101', '2024-03-01', 'klage', '', 'Social', 'Venter på svar.', '', '', '', 'Svar borgeren.', 'ja'],
    ];
    const report = await runImport(app.ctx, { fileName: 'sager.csv', content: csvBytes(rows), dryRun: false });
    expect(report.errors).toEqual([]);
    const db = app.ctx.db;
    expect(db.prepare(`SELECT c.sagsnr, p.position, pr.rule_id, pr.position AS link, pr.assessment, pr.reasoning
      FROM point_rules pr JOIN complaint_points p ON p.id = pr.point_id JOIN cases c ON c.id = p.case_id ORDER BY c.sagsnr, p.position, pr.position`).all()).toEqual([
      { sagsnr: '2024-0100', position: 1, rule_id: 'gfs-besvarelse', link: 1, assessment: 'ikke_overholdt', reasoning: '' },
      { sagsnr: '2024-0100', position: 1, rule_id: 'fvl-19-partshoering', link: 2, assessment: 'ikke_overholdt', reasoning: '' },
      { sagsnr: '2024-0100', position: 2, rule_id: 'fvl-22-begrundelse', link: 1, assessment: 'ikke_overholdt', reasoning: '' },
    ]);
    expect(db.prepare('SELECT forvaltning_agreed, apologised, put_right FROM complaint_points ORDER BY id').all()).toEqual([
      { forvaltning_agreed: 1, apologised: 0, put_right: 0 },
      { forvaltning_agreed: 0, apologised: 0, put_right: 0 },
      { forvaltning_agreed: null, apologised: 0, put_right: 0 },
    ]);
    // Given on the afsluttet date, else on modtaget; addressed to the klagepunkt's forvaltning.
    expect(db.prepare(`SELECT c.sagsnr, p.position, f.name AS forvaltning, r.text, r.given_on, r.status, r.status_on, r.follow_up_on
      FROM recommendations r JOIN cases c ON c.id = r.case_id JOIN complaint_points p ON p.id = r.point_id JOIN forvaltninger f ON f.id = r.forvaltning_id
      ORDER BY r.id`).all()).toEqual([
      { sagsnr: '2024-0100', position: 1, forvaltning: 'Beskæftigelse', text: 'Partshør før afgørelse.', given_on: '2024-04-15', status: 'ikke_fulgt', status_on: '2024-04-15', follow_up_on: null },
      { sagsnr: '2024-0100', position: 2, forvaltning: 'Social', text: 'Begrund afgørelser.', given_on: '2024-04-15', status: 'afventer', status_on: null, follow_up_on: null },
      { sagsnr: '2024-0101', position: 1, forvaltning: 'Social', text: 'Svar borgeren.', given_on: '2024-03-01', status: 'fulgt', status_on: '2024-03-01', follow_up_on: null },
    ]);
  });

  it('reports unknown rule ids (one query for the file), an answer without a henstilling and bad values, and writes nothing', async () => {
    app = withRules(memoryApp());
    const tables = ['cases', 'complaint_points', 'point_rules', 'recommendations', 'audit_log'];
    const before = tables.map((t) => count(app as OpenedApp, t));
    const rows = [
      H,
      ['2024-0200', '2024-02-01', 'klage', '2024-04-15', 'Beskæftigelse', 'Fint punkt.', 'fvl-19-partshoering', 'kritik', 'ja', 'Gør det bedre.', 'ja'],
      ['2024-0201', '2024-02-01', 'klage', '', 'Social', 'Punkt.', 'fvl-19-partshoering|fvl-99-findes-ikke|gfs-besvarelse', '', '', '', ''],
      ['2024-0202', '2024-02-01', 'klage', '', 'Social', 'Punkt.', 'findes-heller-ikke', '', 'måske', '', 'ja'],
      ['2024-0203', '2024-02-01', 'vejledning', '', '', 'Vejledning.', '', '', '', 'Henstilling uden forvaltning.', 'sommetider'],
    ];
    const report = await runImport(app.ctx, { fileName: 'sager.csv', content: csvBytes(rows), dryRun: false });
    expect(report.ok).toBe(false);
    expect(report.errors.map(formatImportIssue)).toEqual([
      'linje 3, kolonne regler: reglen "fvl-99-findes-ikke" findes ikke i regelkataloget',
      'linje 4, kolonne regler: reglen "findes-heller-ikke" findes ikke i regelkataloget',
      'linje 4, kolonne forvaltning_enig: "måske" er ikke en gyldig værdi; brug ja eller nej',
      'linje 4, kolonne henstilling_fulgt: henstilling_fulgt kræver, at kolonnen henstilling også er udfyldt',
      'linje 5, kolonne henstilling: en henstilling gives til klagepunktets forvaltning, så kolonnen forvaltning skal også være udfyldt',
      'linje 5, kolonne henstilling_fulgt: "sommetider" er ikke en gyldig værdi; brug ja, nej eller lad cellen være tom, hvis forvaltningen ikke har svaret',
    ]);
    expect(tables.map((t) => count(app as OpenedApp, t))).toEqual(before);

    // The same file without the unknown ids and the bad rows imports whole.
    const fixed = await runImport(app.ctx, { fileName: 'sager.csv', content: csvBytes(rows.slice(0, 2)), dryRun: false });
    expect(fixed).toMatchObject({ ok: true, henvendelser: 1, klagepunkter: 1 });
    expect(count(app, 'point_rules')).toBe(1);
    expect(count(app, 'recommendations')).toBe(1);
  });

  it('a dry run reports unknown rules too', async () => {
    app = withRules(memoryApp());
    const rows = [H, ['2024-0300', '2024-02-01', 'klage', '', 'Social', '', 'ingen-saadan-regel', '', '', '', '']];
    const report = await runImport(app.ctx, { fileName: 'sager.csv', content: csvBytes(rows), dryRun: true });
    expect(report.errors.map(formatImportIssue)).toEqual(['linje 2, kolonne regler: reglen "ingen-saadan-regel" findes ikke i regelkataloget']);
  });
});
