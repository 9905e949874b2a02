/** shared/report/tables.ts: the one list of tables – shares only from minN on, always beside their n, the previous period, the drill-down keys. */
import type { PeriodStats, ReportStats } from '../../../shared/report/stats';
import { ReportStatsSchema } from '../../../shared/report/stats';
import { reportTables, type ReportTable } from '../../../shared/report/tables';

function period(from: string, to: string, o: Partial<PeriodStats> = {}): PeriodStats {
  return {
    period: { from, to },
    henvendelser: {
      total: 10,
      byType: { klage: 6, vejledning: 3, vejvisning: 1, 'egen drift': 0 },
      byChannel: { telefon: 4, 'e-mail': 3, brev: 0, personligt: 0, 'digital formular': 2, ukendt: 1 },
    },
    klagepunkter: { total: 4, perKlage: 4 / 6 },
    byForvaltning: [{ forvaltning: 'Social', klagepunkter: 3, afdelinger: [{ afdeling: 'Handicap og psykiatri', klagepunkter: 3 }] }, { forvaltning: 'Ikke angivet', klagepunkter: 1, afdelinger: [{ afdeling: 'Ikke angivet', klagepunkter: 1 }] }],
    byTema: [{ tema: 'Vejledning', klagepunkter: 2 }],
    rulesBreached: [{ ruleId: 'fvl-19-partshoering', title: 'Partshøring', klagepunkter: 2 }],
    outcomes: { 'ingen kritik': 1, bemærkning: 0, beklageligt: 0, kritik: 2, 'alvorlig kritik': 0, 'meget alvorlig kritik': 0, afvist: 0, videresendt: 0, 'ikke afgjort': 1 },
    forvaltningAgreed: { ja: 1, nej: 1, ukendt: 2 },
    handling: { undersøgt: 3, videresendt: 0, vejvist: 0, afvist: 0, mægling: 0, 'ikke angivet': 1 },
    competence: [],
    henstillinger: { total: 2, fulgt: 1, ikkeFulgt: 0, afventer: 1 },
    egenDrift: 0,
    forvaltningAnswers: { requests: 8, answered: 6, onTime: 4, unanswered: 2, medianWorkingDays: 7.5 },
    ownProcessing: { closed: 9, medianWorkingDays: 12, withinTarget: 5 },
    ...o,
  };
}

function stats(o: Partial<ReportStats> = {}): ReportStats {
  return ReportStatsSchema.parse({
    ...period('2025-01-01', '2025-12-31'),
    label: '2025',
    filters: { forvaltningId: null, types: [] },
    minN: 5,
    patternMin: 3,
    previous: {
      ...period('2024-01-01', '2024-12-31', {
        henvendelser: { total: 7, byType: { klage: 7, vejledning: 0, vejvisning: 0, 'egen drift': 0 }, byChannel: { telefon: 7, 'e-mail': 0, brev: 0, personligt: 0, 'digital formular': 0, ukendt: 0 } },
        byTema: [{ tema: 'Sagsbehandlingstid', klagepunkter: 5 }],
      }),
      label: '2024',
    },
    trend: [{ period: { from: '2025-01-01', to: '2025-12-31' }, label: '2025', henvendelser: 10, klagepunkter: 4 }],
    patterns: { heatmap: { forvaltninger: ['Social'], rules: [{ ruleId: 'fvl-19-partshoering', title: 'Partshøring' }], cells: [[2]] }, recurring: [] },
    ...o,
  });
}

const table = (tables: ReportTable[], id: string): ReportTable => {
  const t = tables.find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
};
const rowOf = (t: ReportTable, label: string) => {
  const r = t.rows.find((x) => x.cells[0] === label);
  if (!r) throw new Error(`no row ${label} in ${t.id}`);
  return r;
};
const col = (t: ReportTable, key: string) => t.columns.findIndex((c) => c.key === key);

describe('reportTables', () => {
  it('gives a share only from minN on: 3 of 10 is a share, any share of 4 klagepunkter is not', () => {
    const tables = reportTables(stats());
    const type = table(tables, 'henvendelser-type');
    expect(rowOf(type, 'Vejledning').cells).toEqual(['Vejledning', 3, 0.3, 10, 0]);
    const outcomes = table(tables, 'udfald');
    expect(rowOf(outcomes, 'Kritisabelt').cells[col(outcomes, 'share')]).toBeNull();
    expect(rowOf(outcomes, 'Kritisabelt').cells[col(outcomes, 'of')]).toBe(4);
    // The same numbers with minN 11: no share of 10 either.
    expect(rowOf(table(reportTables(stats({ minN: 11 })), 'henvendelser-type'), 'Vejledning').cells[2]).toBeNull();
  });

  it('puts the n and the total beside every share', () => {
    for (const t of reportTables(stats())) {
      const share = col(t, 'share');
      if (share < 0) continue;
      expect(col(t, 'n'), t.id).toBeGreaterThan(-1);
      expect(col(t, 'of'), t.id).toBeGreaterThan(-1);
      for (const r of t.rows) {
        const s = r.cells[share];
        if (s === null) continue;
        expect(r.cells[col(t, 'of')], `${t.id}: ${String(r.cells[0])}`).toEqual(expect.any(Number));
        expect(s).toBeCloseTo((r.cells[col(t, 'n')] as number) / (r.cells[col(t, 'of')] as number));
      }
    }
  });

  it("shows the previous period's count beside the period's, names only the previous period has included", () => {
    const tables = reportTables(stats());
    const type = table(tables, 'henvendelser-type');
    expect(type.columns.map((c) => c.label)).toEqual(['Type', 'Antal 2025', 'Andel', 'Andel af', 'Antal 2024']);
    expect(rowOf(type, 'Klage').cells).toEqual(['Klage', 6, 0.6, 10, 7]);
    const tema = table(tables, 'klagepunkter-tema');
    expect(tema.rows.map((r) => [r.cells[0], r.cells[1], r.cells[4]])).toEqual([['Vejledning', 2, 0], ['Sagsbehandlingstid', 0, 5]]);
    const key = table(tables, 'hovedtal');
    expect(rowOf(key, 'Henvendelser i alt').cells).toEqual(['Henvendelser i alt', 10, 7]);
  });

  it('drills down by the import values and names the statistics use', () => {
    const tables = reportTables(stats());
    expect(rowOf(table(tables, 'henvendelser-type'), 'Egen drift').drill).toEqual({ metric: 'type', key: 'egen drift', key2: null, ruleId: null, which: 'current' });
    expect(rowOf(table(tables, 'henvendelser-kanal'), 'Ikke angivet').drill).toMatchObject({ metric: 'channel', key: 'ukendt' });
    expect(rowOf(table(tables, 'udfald'), 'Meget kritisabelt').drill).toMatchObject({ metric: 'outcome', key: 'alvorlig kritik' });
    expect(rowOf(table(tables, 'behandling'), 'Mægling').drill).toMatchObject({ metric: 'handling', key: 'mægling' });
    const afdeling = table(tables, 'klagepunkter-afdeling');
    expect(afdeling.rows[0]?.drill).toMatchObject({ metric: 'afdeling', key: 'Social', key2: 'Handicap og psykiatri' });
    expect(rowOf(table(tables, 'regler-ikke-overholdt'), 'Partshøring').drill).toMatchObject({ metric: 'rule', key: 'fvl-19-partshoering' });
    expect(rowOf(table(tables, 'henstillinger'), 'Afventer svar').drill).toMatchObject({ metric: 'henstillinger', key: 'afventer' });
    expect(rowOf(table(tables, 'forvaltningens-svar'), 'Besvaret rettidigt').drill).toMatchObject({ metric: 'onTime', key: null });
  });

  it('leaves out "inden for målet" when no target is set', () => {
    const withTarget = table(reportTables(stats()), 'egen-sagsbehandling');
    expect(rowOf(withTarget, 'Afsluttet inden for målet').cells).toEqual(['Afsluttet inden for målet', 5, 5 / 9, 9, 5]);
    const none = table(reportTables(stats({ ownProcessing: { closed: 9, medianWorkingDays: 12, withinTarget: null } })), 'egen-sagsbehandling');
    expect(none.rows.map((r) => r.cells[0])).toEqual(['Afsluttet']);
  });
});
