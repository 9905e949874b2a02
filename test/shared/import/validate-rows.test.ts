import { describe, expect, it } from 'vitest';
import { formatImportIssue } from '../../../shared/domain/import-report';
import { COLUMN_NAMES, LATER_COLUMNS, mapHeader } from '../../../shared/import/columns';
import { deriveSummary, validateRows, type RowInput } from '../../../shared/import/validate-rows';

const TODAY = '2025-06-30';
const HEADER = ['sagsnr', 'modtaget', 'type', 'kanal', 'borger_navn', 'borger_cpr', 'kompetence', 'behandling', 'afsluttet', 'forvaltning', 'afdeling', 'tema', 'beskrivelse', 'udfald'];

type Cells = Partial<Record<(typeof HEADER)[number], string>>;

/** Rows as objects, numbered from line 2 (line 1 is the header). */
function rows(...items: Cells[]): RowInput[] {
  return items.map((r, i) => ({ line: i + 2, cells: HEADER.map((h) => r[h] ?? '') }));
}

function run(...items: Cells[]) {
  return validateRows(HEADER, 1, rows(...items), { today: TODAY });
}

function messages(...items: Cells[]): string[] {
  return run(...items).errors.map(formatImportIssue);
}

const klage: Cells = { sagsnr: '2025-0001', modtaget: '2025-03-01', type: 'klage', forvaltning: 'Beskæftigelse' };

describe('header', () => {
  it('maps names case-insensitively in any order', () => {
    const m = mapHeader(['Type', ' SAGSNR ', 'Modtaget', 'Borger_Navn'], 1);
    expect(m.errors).toEqual([]);
    expect([...m.index]).toEqual([['type', 0], ['sagsnr', 1], ['modtaget', 2], ['borger_navn', 3]]);
  });

  it('names an unknown column, a repeated column and a missing required column', () => {
    const m = mapHeader(['sagsnr', 'sagsnr', 'farve', 'type'], 1);
    expect(m.errors.map(formatImportIssue)).toEqual([
      'linje 1, kolonne sagsnr: kolonnen står mere end én gang i overskriften',
      `linje 1, kolonne farve: kolonnen "farve" kendes ikke; tilladte kolonner er ${COLUMN_NAMES.join(', ')}`,
      'linje 1, kolonne modtaget: den obligatoriske kolonne mangler i overskriften',
    ]);
  });

  it('refuses columns of later features with a message naming the feature', () => {
    for (const name of Object.keys(LATER_COLUMNS)) {
      const m = mapHeader(['sagsnr', 'modtaget', 'type', name], 1);
      expect(m.errors).toHaveLength(1);
      expect(m.errors[0]?.column).toBe(name);
      expect(m.errors[0]?.message).toContain('endnu ikke');
      expect(m.errors[0]?.message).toContain(LATER_COLUMNS[name]);
    }
  });
});

describe('cells', () => {
  it('accepts all four date spellings', () => {
    for (const modtaget of ['2025-03-01', '01.03.2025', '01-03-2025', '01/03/2025', '1.3.2025']) {
      const r = run({ ...klage, modtaget });
      expect(r.errors).toEqual([]);
      expect(r.cases[0]?.value.receivedOn).toBe('2025-03-01');
    }
  });

  it('reports impossible and malformed dates with the exact line and column', () => {
    expect(messages(klage, klage, klage, klage, klage, { ...klage, sagsnr: '2025-0002', modtaget: '31.02.2025' })).toEqual([
      'linje 7, kolonne modtaget: 31.02.2025 er ikke en gyldig dato.',
    ]);
    expect(messages({ ...klage, modtaget: '2025/03/01' })).toEqual([
      'linje 2, kolonne modtaget: "2025/03/01" er ikke en gyldig dato (skriv ÅÅÅÅ-MM-DD, DD.MM.ÅÅÅÅ, DD-MM-ÅÅÅÅ eller DD/MM/ÅÅÅÅ)',
    ]);
    expect(messages({ ...klage, modtaget: '2025-02-29' })).toEqual(['linje 2, kolonne modtaget: 2025-02-29 er ikke en gyldig dato.']);
  });

  it('reports unknown vocabulary tokens with the allowed values', () => {
    expect(messages({ ...klage, type: 'klagesag' })).toEqual([
      'linje 2, kolonne type: "klagesag" er ikke en gyldig værdi; brug en af: klage, vejledning, vejvisning, egen drift',
    ]);
    expect(messages({ ...klage, udfald: 'skarp kritik' })[0]).toMatch(/^linje 2, kolonne udfald: "skarp kritik" er ikke en gyldig værdi; brug en af: ingen kritik, /);
    expect(messages({ ...klage, kanal: 'E-MAIL', udfald: 'Alvorlig  Kritik' })).toEqual([]);
  });

  it('validates CPR numbers: form, and a real date in the first six digits', () => {
    expect(messages({ ...klage, borger_cpr: '310290-1234' })).toEqual([
      'linje 2, kolonne borger_cpr: CPR-nummerets første seks cifre (310290) er ikke en gyldig dato.',
    ]);
    expect(messages({ ...klage, borger_cpr: '12345' })).toEqual(['linje 2, kolonne borger_cpr: CPR-nummeret skal skrives som DDMMÅÅ-XXXX eller 10 cifre.']);
    const r = run({ ...klage, borger_cpr: '0101901234' });
    expect(r.errors).toEqual([]);
    expect(r.cases[0]?.value.citizen.cpr).toBe('010190-1234');
  });

  it('requires sagsnr on every row, and modtaget and type for every henvendelse', () => {
    expect(messages({ ...klage, sagsnr: '' }, { ...klage, sagsnr: '2025-0002', type: '' })).toEqual([
      'linje 2, kolonne sagsnr: sagsnr skal udfyldes',
      'linje 3, kolonne type: type skal udfyldes i mindst én række for sagsnr 2025-0002',
    ]);
  });

  it('reports every error of a row, in column order', () => {
    expect(messages({ sagsnr: '2025-0009', modtaget: '2025-13-01', type: 'x', udfald: 'y', afdeling: 'Jobcenter' })).toEqual([
      'linje 2, kolonne modtaget: 2025-13-01 er ikke en gyldig dato.',
      'linje 2, kolonne type: "x" er ikke en gyldig værdi; brug en af: klage, vejledning, vejvisning, egen drift',
      'linje 2, kolonne afdeling: Klagepunkt 1: vælg forvaltningen før afdelingen.',
      'linje 2, kolonne udfald: "y" er ikke en gyldig værdi; brug en af: ingen kritik, bemærkning, beklageligt, kritik, alvorlig kritik, meget alvorlig kritik, afvist, videresendt',
    ]);
  });

  it('flags a row with more fields than the header', () => {
    const r = validateRows(['sagsnr', 'modtaget', 'type'], 1, [{ line: 2, cells: ['1', '2025-01-01', 'vejledning', 'overskud'] }], { today: TODAY });
    expect(r.errors.map(formatImportIssue)).toEqual(['linje 2: rækken har flere felter (4) end overskriften (3); tjek skilletegn og anførselstegn']);
  });
});

describe('henvendelser', () => {
  it('groups rows by sagsnr (ignoring case) into one henvendelse with klagepunkter in row order', () => {
    const r = run(
      { ...klage, tema: 'Sagsbehandlingstid|manglende svar|Sagsbehandlingstid', beskrivelse: 'Første punkt', udfald: 'kritik', afsluttet: '2025-04-01' },
      { sagsnr: '2025-0002', modtaget: '2025-03-02', type: 'vejledning' },
      { sagsnr: '2025-0001', forvaltning: 'Social', afdeling: 'PPR', beskrivelse: 'Andet punkt' },
    );
    expect(r.errors).toEqual([]);
    expect(r.cases).toHaveLength(2);
    const [a, b] = r.cases.map((c) => c.value);
    expect(a?.points.map((p, i) => [r.cases[0]?.locate(`points.${i}.forvaltning`).line, p.forvaltning, p.afdeling, p.themes, p.description, p.outcome])).toEqual([
      [2, 'Beskæftigelse', null, ['Sagsbehandlingstid', 'manglende svar'], 'Første punkt', 'kritik'],
      [4, 'Social', 'PPR', [], 'Andet punkt', null],
    ]);
    expect(a?.status).toBe('afsluttet');
    expect(a?.closedOn).toBe('2025-04-01');
    expect(a?.summary).toBe('Første punkt');
    // A vejledning row with every klagepunkt column empty creates no klagepunkt; the summary is the type.
    expect(b?.points).toEqual([]);
    expect(b?.status).toBe('modtaget');
    expect(b?.summary).toBe('Vejledning');
    expect(r.points).toBe(2);
  });

  it('reports henvendelse columns that disagree between rows of one sagsnr', () => {
    expect(messages({ ...klage, kanal: 'telefon' }, { ...klage, kanal: '' }, { ...klage, sagsnr: '2025-0001', kanal: 'brev', modtaget: '01.03.2025' })).toEqual([
      'linje 4, kolonne kanal: "brev" passer ikke med "telefon" i linje 2 for samme sagsnr 2025-0001; alle rækker i en henvendelse skal have samme værdi (eller en tom celle)',
    ]);
  });

  it('checks afsluttet against modtaget and today, in the case form\'s words', () => {
    expect(messages({ ...klage, afsluttet: '28.02.2025' })).toEqual([
      'linje 2, kolonne afsluttet: Afslutningsdatoen kan ikke ligge før modtagelsesdatoen.',
    ]);
    expect(messages({ ...klage, afsluttet: '2025-07-01' })).toEqual(['linje 2, kolonne afsluttet: Afslutningsdatoen kan ikke ligge i fremtiden.']);
    expect(messages({ ...klage, modtaget: '2025-07-01' })).toEqual(['linje 2, kolonne modtaget: Modtagelsesdatoen kan ikke ligge i fremtiden.']);
  });

  it('requires a forvaltning on every klagepunkt of a klage, not of other types', () => {
    expect(messages({ ...klage, forvaltning: '' }, { ...klage, forvaltning: '', beskrivelse: 'x' })).toEqual([
      'linje 2, kolonne forvaltning: Klagepunkt 1: vælg den forvaltning, klagen angår.',
      'linje 3, kolonne forvaltning: Klagepunkt 2: vælg den forvaltning, klagen angår.',
    ]);
    const r = run({ sagsnr: 'V-1', modtaget: '2025-01-01', type: 'vejvisning', tema: 'Aktindsigt' });
    expect(r.errors).toEqual([]);
    expect(r.cases[0]?.value.points).toHaveLength(1);
  });

  it('skips rows with every cell empty', () => {
    const r = run(klage, {}, {});
    expect(r.errors).toEqual([]);
    expect(r.rows).toBe(1);
  });
});

describe('competence per klagepunkt', () => {
  const warnings = (...items: Cells[]) => run(...items).warnings.map(formatImportIssue);

  it('reads kompetence and behandling per row: one klagepunkt vejvist outside competence, one investigated, no agreement needed', () => {
    const r = run(
      { ...klage, kompetence: 'Afgørelsens indhold (hører under klageinstansen)', behandling: 'vejvist', beskrivelse: 'Afslaget er forkert' },
      { ...klage, kompetence: 'INDEN FOR', behandling: 'Undersøgt', beskrivelse: 'Ingen partshøring' },
      { ...klage, kompetence: 'inden for', behandling: 'undersøgt', beskrivelse: 'Ingen begrundelse' },
    );
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    const c = r.cases[0]?.value;
    expect(c?.points.map((p) => [p.competenceReason, p.handling])).toEqual([
      ['Afgørelsens indhold (hører under klageinstansen)', 'vejvist'],
      [null, 'undersoegt'],
      [null, 'undersoegt'],
    ]);
    // A henvendelse with klagepunkter has no competence of its own.
    expect([c?.competenceReason, c?.handling]).toEqual([null, null]);
  });

  it('accepts the old tokens, naming the shipped reason they stand for', () => {
    const r = run(
      { ...klage, kompetence: 'over 1 år', behandling: 'afvist' },
      { ...klage, kompetence: 'Politisk  Beslutning', behandling: 'afvist' },
      { ...klage, kompetence: 'Inden for kompetence' },
    );
    expect(r.errors).toEqual([]);
    // The name as written; the import finds the shipped default an old token stands for (legacyReasonCode).
    expect(r.cases[0]?.value.points.map((p) => p.competenceReason)).toEqual(['over 1 år', 'Politisk Beslutning', null]);
    expect(r.cases[0]?.locate('points.1.competenceReason')).toEqual({ line: 3, column: 'kompetence' });
  });

  it('imports a klagepunkt outside competence marked undersøgt with a warning, never an error', () => {
    const r = run({ ...klage, kompetence: 'afgørelsens indhold', behandling: 'undersøgt' });
    expect(r.errors).toEqual([]);
    expect(r.cases[0]?.value.points[0]?.handling).toBe('undersoegt');
    expect(r.warnings.map(formatImportIssue)).toEqual([
      'linje 2, kolonne behandling: klagepunktet er uden for kompetence (afgørelsens indhold), men markeret som undersøgt; det er importeret som angivet – tjek, om det er rigtigt',
    ]);
  });

  it('turns "ikke forelagt forvaltningen" into the step it is: inside competence, videresendt', () => {
    const r = run({ ...klage, kompetence: 'Ikke forelagt forvaltningen' }, { ...klage, kompetence: 'ikke forelagt forvaltningen', behandling: 'afvist' });
    expect(r.errors).toEqual([]);
    expect(r.cases[0]?.value.points.map((p) => [p.competenceReason, p.handling])).toEqual([[null, 'videresendt'], [null, 'afvist']]);
    expect(r.warnings.map(formatImportIssue)).toEqual([
      'linje 2, kolonne kompetence: "ikke forelagt forvaltningen" er ikke en kompetencegrund, men et trin (forvaltningen skal se klagen først): klagepunktet er importeret som inden for kompetence og videresendt til forvaltningen',
      'linje 3, kolonne kompetence: "ikke forelagt forvaltningen" er ikke en kompetencegrund, men et trin (forvaltningen skal se klagen først): klagepunktet er importeret som inden for kompetence med behandlingen afvist',
    ]);
  });

  it('warns where an old file left kompetence empty on a continuation row of an henvendelse outside competence', () => {
    expect(warnings({ ...klage, kompetence: 'afgørelsens indhold', behandling: 'afvist' }, { sagsnr: '2025-0001', forvaltning: 'Social' })).toEqual([
      'linje 3, kolonne kompetence: kompetence er tom, men linje 2 for samme sagsnr 2025-0001 er uden for kompetence (afgørelsens indhold); kompetence gælder hvert klagepunkt for sig, så dette klagepunkt er importeret som inden for kompetence',
    ]);
  });

  it('gives a henvendelse without klagepunkter its own competence and handling; its rows must agree', () => {
    const vejvisning = { sagsnr: 'V-1', modtaget: '2025-01-01', type: 'vejvisning' };
    const r = run({ ...vejvisning, kompetence: 'anden klageinstans', behandling: 'vejvist' }, { sagsnr: 'V-1', behandling: 'vejvist' });
    expect(r.errors).toEqual([]);
    expect(r.cases[0]?.value.points).toEqual([]);
    expect([r.cases[0]?.value.competenceReason, r.cases[0]?.value.handling]).toEqual(['anden klageinstans', 'vejvist']);
    expect(r.cases[0]?.locate('competenceReason')).toEqual({ line: 2, column: 'kompetence' });
    expect(messages({ ...vejvisning, behandling: 'vejvist' }, { sagsnr: 'V-1', behandling: 'afvist' })).toEqual([
      'linje 3, kolonne behandling: "afvist" passer ikke med "vejvist" i linje 2 for samme sagsnr V-1; en række uden klagepunkt angiver henvendelsens egen behandling, og de rækker skal have samme værdi (eller en tom celle)',
    ]);
  });

  it('uses the values of a row without a klagepunkt for the klagepunkter that leave theirs empty, with a warning', () => {
    const r = run(
      { sagsnr: 'V-2', modtaget: '2025-01-01', type: 'vejledning', kompetence: 'inden for', behandling: 'vejvist' },
      { sagsnr: 'V-2', forvaltning: 'Social', beskrivelse: 'Punkt' },
      { sagsnr: 'V-2', forvaltning: 'Social', beskrivelse: 'Andet', behandling: 'undersøgt' },
    );
    expect(r.errors).toEqual([]);
    expect(r.cases[0]?.value.points.map((p) => p.handling)).toEqual(['vejvist', 'undersoegt']);
    expect(r.warnings.map(formatImportIssue)).toEqual([
      'linje 2, kolonne kompetence: rækken har intet klagepunkt, men sagsnr V-2 har klagepunkter; kompetence og behandling gælder det enkelte klagepunkt, så rækkens værdier er brugt for klagepunkterne i linje 3, 4, hvor cellerne er tomme',
    ]);
  });

  it('refuses a reason name that is not a valid name', () => {
    expect(messages({ ...klage, kompetence: 'a|b' })).toEqual(['linje 2, kolonne kompetence: "a|b": navnet må ikke indeholde tegnet | (det adskiller temaer i importfilen).']);
  });
});

describe('deriveSummary', () => {
  it('cuts a long description at a word near 120 characters', () => {
    const long = `${'Borgeren har ventet på svar '.repeat(8)}slut`;
    const s = deriveSummary(long, 'klage');
    expect(s.length).toBeLessThanOrEqual(122);
    expect(s.endsWith(' …')).toBe(true);
    expect(long.startsWith(s.slice(0, -2))).toBe(true);
    expect(deriveSummary('  kort\n tekst ', 'klage')).toBe('kort tekst');
    expect(deriveSummary('', 'egen_drift')).toBe('Egen drift');
  });
});
