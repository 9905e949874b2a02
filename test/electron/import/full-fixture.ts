/**
 * A database that uses every field Ombud stores: every column of every data table holds, in some
 * row, a value that is neither NULL nor its column's default (`unusedColumns` proves it, so a
 * column added by a later migration fails the round-trip test until this fixture fills it — and
 * then the test proves the export and import carry it).
 *
 * Written through the one bulk write path (db/queries/bulk-import.ts) and the case form's service,
 * with a catalogue, rules and settings that differ from what a new database is seeded with.
 */
import { createHash } from 'node:crypto';
import { writeImportedCases } from '../../../db/queries/bulk-import';
import { getRule } from '../../../db/queries/rules';
import type { WritableDB } from '../../../db/types';
import { createCase, updateCase } from '../../../electron/services/cases';
import type { OpenedApp } from '../../../electron/services/open-app';
import type { PortableCase, PortableExportHead, PortableFinding } from '../../../shared/import/portable';
import type { LetterDocument } from '../../../shared/letters/document';
import { caseInput, org } from '../../db/helpers';
import { pngImage, toBase64 } from '../../fixtures/images';

export const FIXTURE_NOW = '2025-06-30T10:00:00.000Z';

/** The data tables (everything but the audit trail, the search index and SQLite's own). */
export const DATA_TABLES = [
  'settings', 'forvaltninger', 'afdelinger', 'themes', 'advisers', 'competence_reasons', 'rules', 'theme_rules', 'closing_days', 'letterhead', 'phrases', 'report_settings', 'retention_settings', 'annual_reports',
  'cases', 'complaint_points', 'complaint_point_themes', 'point_rules', 'point_deadlines', 'recommendations', 'requests', 'request_points', 'request_events',
  'finding_section_edits', 'finding_drafts', 'finding_versions', 'finding_anonymisation_terms',
] as const;

/** Columns no data sets apart from the database's own bookkeeping: the surrogate key and the concurrency counter. */
const BOOKKEEPING = new Set(['id', 'version']);

/** `table.column` for every column that no row fills with a value other than NULL and the column's default. */
export function unusedColumns(db: WritableDB): string[] {
  const out: string[] = [];
  for (const table of DATA_TABLES) {
    const cols = db.prepare('SELECT name, dflt_value FROM pragma_table_info(?)').all(table) as Array<{ name: string; dflt_value: string | null }>;
    for (const c of cols) {
      if (BOOKKEEPING.has(c.name)) continue;
      const used = db.prepare(`SELECT 1 FROM ${table} WHERE "${c.name}" IS NOT NULL ${c.dflt_value === null ? '' : `AND "${c.name}" IS NOT ${c.dflt_value}`} LIMIT 1`).get();
      if (used === undefined) out.push(`${table}.${c.name}`);
    }
  }
  return out;
}

const deadlines = {
  requestDefault: { amount: 8, unit: 'arbejdsdage' as const, rollForward: true, profile: 'udvidet' as const },
  soonWorkingDays: 3,
  longOverdueWorkingDays: 12,
  adviserTarget: { amount: 30, unit: 'dage' as const, rollForward: true, profile: 'standard' as const },
  letterPresumptionWorkingDays: 5,
  lookaheadDays: 21,
  answerPolicy: { amount: 10, unit: 'arbejdsdage' as const, text: 'Svar inden for 10 arbejdsdage.' },
  closingDays: [{ date: '2025-12-29', reason: 'Juleluk' }, { date: '2025-12-30', reason: 'Juleluk' }],
};

/** The catalogue, rules and settings: not the seeded defaults (renamed, reordered, retired, own entries). */
const FIXTURE_HEAD: PortableExportHead = {
  format: 'ombud-export',
  version: 2,
  exportedAt: FIXTURE_NOW,
  municipality: 'Ærøskøbing Kommune',
  organisation: [
    { name: 'Social', retiredAt: null, sortOrder: 1, afdelinger: [{ name: 'Handicap og psykiatri', retiredAt: null, sortOrder: 2 }, { name: 'PPR', retiredAt: '2025-01-02T08:00:00.000Z', sortOrder: 5 }] },
    { name: 'Beskæftigelse', retiredAt: null, sortOrder: 2, afdelinger: [{ name: 'Jobcenter', retiredAt: null, sortOrder: 1 }] },
    { name: 'Gamle Teknik', retiredAt: '2024-05-01T08:00:00.000Z', sortOrder: 9, afdelinger: [] },
  ],
  themes: [
    { name: 'Sagsbehandlingstid', retiredAt: null, sortOrder: 1, rules: ['gfs-rimelig-sagsbehandlingstid', 'kom-svarpolitik'] },
    { name: 'Partshøring', retiredAt: null, sortOrder: 2, rules: ['fvl-19-partshoering'] },
    { name: 'Gammelt tema', retiredAt: '2024-06-01T08:00:00.000Z', sortOrder: 3, rules: [] },
  ],
  competenceReasons: [
    { name: 'Afgørelsens indhold', retiredAt: null, sortOrder: 1, code: 'afgoerelsens_indhold' },
    { name: 'Fuldmagt mangler', retiredAt: '2025-02-01T08:00:00.000Z', sortOrder: 2, code: 'fuldmagt_mangler' },
    { name: 'Forsikringssag', retiredAt: null, sortOrder: 3, code: null },
  ],
  advisers: [
    { name: 'Anne Ærø', initials: 'AÆ', email: 'anne@eksempel.dk', retiredAt: null, title: 'Chefkonsulent' },
    { name: 'Bo Tidligere', initials: 'BT', email: 'bo@eksempel.dk', retiredAt: '2024-12-31T08:00:00.000Z' },
  ],
  rules: [
    {
      id: 'kom-svarpolitik', origin: 'own', lawShort: 'KOM', lawFull: 'Kommunens svarpolitik', paragraph: 'pkt. 2', title: 'Svar inden for 10 dage',
      summary: 'Kommunen svarer inden for 10 arbejdsdage.', category: 'God forvaltningsskik', citation: 'Kommunens svarpolitik, pkt. 2', role: 'norm',
      deadline: { amount: 10, unit: 'arbejdsdage', text: '10 arbejdsdage', from: 'modtagelsen', rollForward: true, owner: 'maal', owes: 'et svar' },
      sources: ['https://www.eksempel.dk/svarpolitik'], verification: 'partial', note: 'Vedtaget 2024.', validFrom: '2024-01-01', validTo: null, catalogVersion: null, edited: false,
    },
    {
      id: 'kom-gammel-regel', origin: 'own', lawShort: 'KOM', lawFull: 'Kommunens tidligere retningslinje', paragraph: 'pkt. 1', title: 'Gammel retningslinje',
      summary: 'Afløst.', category: 'Kommunale regler', citation: '', role: 'baggrund', deadline: null, sources: [], verification: 'no', note: '',
      validFrom: null, validTo: '2024-12-31', catalogVersion: null, edited: false,
    },
  ],
  settings: { deadlines, report: { startMonth: 4, minN: 7, patternMin: 4 }, retention: { years: 7 } },
  letterhead: {
    office: 'Borgerrådgiveren i Eksempel', addressLines: ['Rådhuspladsen 1', '9999 Eksempelby'], contactLines: ['Tlf. 12 34 56 78'],
    logo: { mediaType: 'image/png', contentBase64: toBase64(pngImage()) },
  },
  phrases: [
    { scope: 'generel', key: null, title: 'Noteret', text: 'Jeg har noteret mig, at …' },
    { scope: 'udfald', key: 'kritik', title: 'Kritik 2', text: 'Jeg finder det kritisabelt, at … (anden)' },
    { scope: 'udfald', key: 'kritik', title: 'Kritik 1', text: 'Jeg finder det kritisabelt, at …' },
    { scope: 'regel', key: 'kom-svarpolitik', title: 'Svarpolitik', text: 'Efter kommunens svarpolitik …' },
  ],
  annualReports: [{
    from: '2025-01-01', to: '2025-12-31', title: 'Årsberetning 2025', forord: 'Et **travlt** år.', omFunktionen: 'Borgerrådgiveren er uafhængig.',
    aaretsTemaer: '## Svartider\n\nMange ventede.', anbefalinger: '- Svar til tiden', statusSidsteAar: 'Fulgt.',
    findings: [{ sagsnr: '2025-0007', version: 2 }], updatedAt: '2026-01-10T09:00:00.000Z', updatedBy: 'Mette Rådgiver',
  }],
};

const times = (createdAt: string, updatedAt: string) => ({ createdAt, updatedAt });

function richCase(): PortableCase {
  return {
    sagsnr: '2025-0007',
    receivedOn: '2025-03-03',
    channel: 'email',
    type: 'klage',
    citizen: { name: 'Åse Ørsted', address: 'Ågade 1, 5970 Ærøskøbing', phone: '+45 12 34 56 78', email: 'aase@eksempel.dk', cpr: '010180-1234' },
    representative: { name: 'Bent Bisidder', relation: 'Bisidder', phone: '87654321', email: 'bent@eksempel.dk', powerOfAttorney: true },
    summary: 'Klage over sagsbehandlingen af hjælpemidler',
    description: 'Borgeren har ventet længe.\nOg fik intet svar.',
    status: 'afsluttet',
    // Set by hand, with the status it would have returned to: both columns of migration 0140 filled.
    statusManual: true,
    statusResume: 'under_behandling',
    competenceReason: null,
    handling: null,
    closedOn: '2025-06-20',
    adviser: 'Anne Ærø',
    points: [
      {
        forvaltning: 'Social', afdeling: 'Handicap og psykiatri', themes: ['Partshøring', 'Sagsbehandlingstid'], description: 'Ingen partshøring', outcome: 'kritik',
        rules: [
          { ruleId: 'fvl-19-partshoering', assessment: 'ikke_overholdt', reasoning: 'Der blev ikke partshørt.' },
          { ruleId: 'kom-svarpolitik', assessment: 'overholdt', reasoning: 'Svar i tide.' },
        ],
        forvaltningAgreed: true, apologised: true, putRight: true, competenceReason: null, handling: 'undersoegt',
        deadlines: [
          { basis: 'regel', ruleId: 'fvl-16-aktindsigt-frist', startOn: '2025-03-05', dueOn: '2025-03-12', metOn: '2025-03-11', note: 'Overholdt', ...times('2025-03-05T09:00:00.000Z', '2025-03-11T09:00:00.000Z') },
          { basis: 'svarpolitik', ruleId: null, startOn: '2025-03-03', dueOn: '2025-03-13', metOn: null, note: '', ...times('2025-03-03T09:00:00.000Z', '2025-03-03T09:00:00.000Z') },
        ],
        ...times('2025-03-03T09:00:00.000Z', '2025-06-20T09:00:00.000Z'),
      },
      {
        forvaltning: 'Beskæftigelse', afdeling: 'Jobcenter', themes: [], description: 'Afslaget er forkert', outcome: 'videresendt', rules: [],
        forvaltningAgreed: false, apologised: false, putRight: false, competenceReason: 'Forsikringssag', handling: 'vejvist', deadlines: [],
        ...times('2025-03-03T09:00:00.000Z', '2025-03-04T09:00:00.000Z'),
      },
    ],
    decisionNotice: { notifiedOn: '2025-02-10', channel: 'brev', guidance: 'mangelfuld', basis: { kind: 'regel', ruleId: 'rsl-67-klagefrist' } },
    klagefristDue: '2025-03-17',
    targetDue: '2025-04-02',
    recommendations: [
      { point: 1, forvaltning: 'Social', text: 'Partshør fremover.', givenOn: '2025-06-01', status: 'fulgt', statusOn: '2025-06-15', answer: 'Vi følger den.', followUpOn: '2025-09-01', ...times('2025-06-01T09:00:00.000Z', '2025-06-15T09:00:00.000Z') },
      { point: null, forvaltning: 'Beskæftigelse', text: 'Svar hurtigere.', givenOn: '2025-06-02', status: 'afventer', statusOn: null, answer: '', followUpOn: null, ...times('2025-06-02T09:00:00.000Z', '2025-06-02T09:00:00.000Z') },
    ],
    requests: [
      {
        forvaltning: 'Social', kind: 'redegoerelse', sentOn: '2025-03-10', spec: { amount: 10, unit: 'arbejdsdage', rollForward: true, profile: 'standard' },
        dueOn: '2025-04-07', explicitDue: null, answeredOn: '2025-04-10', closedOn: null, verdict: { onTime: false, workingDaysUsed: 21, daysLate: 3 }, note: 'Rykket to gange',
        answerSummary: 'Forvaltningen erkender, at partshøring manglede, og genoptager sagen.',
        points: [1],
        events: [
          { kind: 'rykker', onDate: '2025-03-25', level: 1, pauseTo: null, newDue: null, add: null, oldDue: null, reason: 'Ingen svar', createdAt: '2025-03-25T09:00:00.000Z' },
          { kind: 'forlaengelse', onDate: '2025-03-26', level: null, pauseTo: null, newDue: '2025-04-02', add: null, oldDue: '2025-03-24', reason: 'Ferie', createdAt: '2025-03-26T09:00:00.000Z' },
          { kind: 'forlaengelse', onDate: '2025-03-27', level: null, pauseTo: null, newDue: null, add: { amount: 2, unit: 'uger' }, oldDue: '2025-04-02', reason: 'Sygdom', createdAt: '2025-03-27T09:00:00.000Z' },
          { kind: 'pause', onDate: '2025-03-28', level: null, pauseTo: '2025-03-31', newDue: null, add: null, oldDue: null, reason: 'Afventer borger', createdAt: '2025-03-28T09:00:00.000Z' },
        ],
        ...times('2025-03-10T09:00:00.000Z', '2025-04-10T09:00:00.000Z'),
      },
      {
        forvaltning: 'Beskæftigelse', kind: 'akter', sentOn: '2025-03-11', spec: { amount: 2, unit: 'uger', rollForward: false, profile: 'helligdage' },
        dueOn: '2025-03-25', explicitDue: '2025-03-25', answeredOn: null, closedOn: '2025-04-01', verdict: { onTime: true, workingDaysUsed: 0, daysLate: 0 }, note: '', answerSummary: '', points: [],
        events: [], ...times('2025-03-11T09:00:00.000Z', '2025-04-01T09:00:00.000Z'),
      },
    ],
    documents: [
      {
        fileName: 'Klage fra borgeren.txt', mediaType: 'text/plain; charset=utf-8', title: 'Klage over hjælpemidler', documentDate: '2025-03-03', direction: 'ind',
        party: 'Åse Ørsted', request: null, textStatus: 'laest', extractedText: 'Jeg klager over, at min ansøgning om rollator ikke er besvaret.',
        contentBase64: Buffer.from('Jeg klager over, at min ansøgning om rollator ikke er besvaret.', 'utf8').toString('base64'),
        addedBy: 'Anne Ærø', addedAt: '2025-03-03T10:00:00.000Z', updatedAt: '2025-03-04T10:00:00.000Z',
      },
      {
        fileName: 'redegørelse.pdf', mediaType: 'application/pdf', title: 'Redegørelse fra Social', documentDate: '2025-04-10', direction: 'intern',
        party: 'Social', request: 1, textStatus: 'ulaeselig', extractedText: '', contentBase64: Buffer.from('%PDF-1.4 beskadiget').toString('base64'),
        addedBy: 'Bo Tidligere', addedAt: '2025-04-10T10:00:00.000Z', updatedAt: '2025-04-10T10:00:00.000Z',
      },
    ],
    journal: [
      { kind: 'telefonnotat', notedOn: '2025-03-03', notedAt: '09:15', text: 'Borgeren ringede og fortalte om sagen.', author: 'Anne Ærø', ...times('2025-03-03T09:15:00.000Z', '2025-03-03T09:20:00.000Z') },
      { kind: 'moede', notedOn: '2025-03-20', notedAt: null, text: 'Møde med Social om sagen.', author: 'Bo Tidligere', ...times('2025-03-20T12:00:00.000Z', '2025-03-21T12:00:00.000Z') },
      { kind: 'intern_note', notedOn: '2025-04-11', notedAt: null, text: 'Afventer borgerens bemærkninger.', author: 'Anne Ærø', ...times('2025-04-11T12:00:00.000Z', '2025-04-11T12:00:00.000Z') },
    ],
    finding: fixtureFinding(),
    history: [
      { at: '2025-03-03T09:00:00.000Z', actor: 'Anne Ærø', action: 'Oprettet', changes: [{ field: 'Resumé', before: '', after: 'Klage' }] },
      { at: '2025-06-20T09:00:00.000Z', actor: 'Anne Ærø', action: 'Ændret', changes: [{ field: 'Status', before: 'Modtaget', after: 'Afsluttet' }] },
    ],
    ...times('2025-03-03T09:00:00.000Z', '2025-06-20T09:00:00.000Z'),
  };
}

/** A frozen letter of the finding, as a version stores it. */
function frozenLetter(date: string, intro: string): LetterDocument {
  return {
    meta: { title: 'Udtalelse i sag 2025-0007', subject: 'Klage over hjælpemidler', keywords: ['Udtalelse', 'Social'], author: 'Anne Ærø', language: 'da-DK', runningHeader: 'Udtalelse · Sagsnr. 2025-0007' },
    letterhead: { sender: ['Borgerrådgiveren', 'Ærøskøbing Kommune'], recipient: ['Åse Ørsted', 'Strandvejen 1'], copyTo: ['Kopi til: Social'], date, reference: 'Sagsnr. 2025-0007', logo: null },
    blocks: [
      { kind: 'heading', level: 1, text: 'Udtalelse', section: 'titel' },
      { kind: 'paragraph', runs: [{ text: intro }, { text: ' Tak.', emphasis: 'strong' }], section: 'indledning' },
      { kind: 'signature', greeting: 'Med venlig hilsen', name: 'Anne Ærø', title: 'Borgerrådgiver', section: 'underskrift' },
    ],
  };
}

/** Two issued versions (the second supersedes the first with a reason), a third in progress, its edits and extra terms. */
function fixtureFinding(): PortableFinding {
  const pdf = (text: string) => {
    const bytes = Buffer.from(`%PDF-1.7 ${text}`);
    return { base64: bytes.toString('base64'), sha256: createHash('sha256').update(bytes).digest('hex') };
  };
  const version = (n: number, date: string, supersedes: number | null, reason: string) => {
    const toCitizen = pdf(`version ${n} til borgeren`);
    const toForvaltning = pdf(`version ${n} til forvaltningen`);
    return {
      version: n, letterDate: date, document: frozenLetter(date, `Indledning, version ${n}.`), addressees: { citizen: ['Åse Ørsted', 'Strandvejen 1'], forvaltninger: ['Social'] },
      pdfBase64: toCitizen.base64, pdfSha256: toCitizen.sha256, forvaltningPdfBase64: toForvaltning.base64, forvaltningPdfSha256: toForvaltning.sha256,
      issuedAt: `${date}T11:00:00.000Z`, issuedBy: 'Anne Ærø', supersedes, reason,
    };
  };
  return {
    edits: [{ section: 'indledning', blocks: [{ kind: 'paragraph', runs: [{ text: 'Indledning, version 3.' }] }], editedAt: '2025-06-01T10:00:00.000Z', editedBy: 'Bo Tidligere' }],
    draft: { supersedes: 2, startedAt: '2025-06-01T09:00:00.000Z', startedBy: 'Bo Tidligere' },
    versions: [version(1, '2025-05-02', null, ''), version(2, '2025-05-20', 1, 'Mødedatoen var forkert.')],
    anonymisationTerms: ['Strandvejen', 'Nabo Nielsen'],
  };
}

function ownCompetenceCase(): PortableCase {
  return {
    sagsnr: 'V-17', receivedOn: '2025-04-01', channel: 'digital_formular', type: 'vejvisning',
    citizen: { name: 'Bo Berg', address: '', phone: '', email: '', cpr: null }, representative: null,
    summary: 'Spørgsmål om forsikring', description: '', status: 'under_behandling', competenceReason: 'Fuldmagt mangler', handling: 'vejvist',
    closedOn: null, adviser: 'Bo Tidligere', points: [],
    decisionNotice: { notifiedOn: '2025-03-20', channel: 'digital_post', guidance: 'korrekt', basis: { kind: 'manuel', amount: 3, unit: 'maaneder', source: 'Afgørelsens klagevejledning' } },
    klagefristDue: '2025-06-20', targetDue: null, recommendations: [], requests: [], documents: [], journal: [],
    history: [{ at: '2025-04-01T09:00:00.000Z', actor: 'Bo Tidligere', action: 'Oprettet', changes: [] }],
    ...times('2025-04-01T09:00:00.000Z', '2025-04-02T09:00:00.000Z'),
  };
}

function noKlagefristCase(): PortableCase {
  return {
    ...ownCompetenceCase(), sagsnr: 'E-3', type: 'egen_drift', channel: 'personligt', competenceReason: null, handling: 'maegling', adviser: null,
    decisionNotice: { notifiedOn: '2025-03-21', channel: 'personligt', guidance: 'ukendt', basis: { kind: 'ingen' } }, klagefristDue: null, history: [],
  };
}

/** The head, with a shipped rule the adviser has edited (its content as the database holds it, changed). */
export function fixtureHead(db: WritableDB): PortableExportHead {
  const shipped = getRule(db, 'fvl-22-begrundelse');
  if (shipped === null) throw new Error('fvl-22-begrundelse mangler i kataloget');
  const { citedBy: _c, ...rest } = shipped;
  return { ...FIXTURE_HEAD, rules: [...FIXTURE_HEAD.rules, { ...rest, summary: `${rest.summary} (kommunens præcisering)`, edited: true }] };
}

/** Fill a freshly opened (seeded) database with the fixture. */
export function fillEveryField(app: OpenedApp): void {
  const db = app.ctx.db;
  const head = fixtureHead(db);
  db.transaction(() => writeImportedCases(db, { nowIso: FIXTURE_NOW, actor: 'Fixtur', fileName: 'fixtur.json', head }, [richCase(), ownCompetenceCase(), noKlagefristCase()]))();
  // The case form's own write path too: a henvendelse created and then edited in the form.
  const o = org(db);
  const made = createCase(app.ctx, caseInput(db, { sagsnr: '2025-0100', channel: 'brev', points: [{ ...caseInput(db).points[0]!, forvaltningId: o.forvaltning('Social'), afdelingId: null }] }));
  updateCase(app.ctx, made.id, made.version, { ...caseInput(db), sagsnr: '2025-0100', status: 'afventer_forvaltningen', points: made.points.map((p) => ({ ...p, outcome: 'bemaerkning' as const })) });
}
