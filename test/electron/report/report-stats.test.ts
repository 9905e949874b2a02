/**
 * electron/services/report-stats.ts on a hand-counted world (./fixture.ts). Every expected number
 * is worked out below from the fixture, not from the code: working days on the standard calendar
 * (weekends, helligdage, grundlovsdag, 24. and 31. december) plus the closing day 02.05.2025, counted
 * after the start day up to and including the end day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportDrill, reportSettings, reportStats, saveReportSettings, workingDayCounter } from '../../../electron/services/report-stats';
import { listCases } from '../../../electron/services/cases';
import { defaultCaseListQuery } from '../../../shared/domain/case-list';
import { workingDaysBetween } from '../../../shared/deadlines';
import type { ReportDrill, ReportQuery } from '../../../shared/report/stats';
import { ReportStatsSchema } from '../../../shared/report/stats';
import { reportTables } from '../../../shared/report/tables';
import { thrownAppError } from '../../db/helpers';
import { buildReportWorld, type ReportWorld } from './fixture';

let w: ReportWorld;
beforeAll(() => {
  w = buildReportWorld();
});
afterAll(() => w.app.close());

const YEAR_2025: ReportQuery = { period: { from: '2025-01-01', to: '2025-12-31' }, filters: { forvaltningId: null, types: [] }, minN: 5, patternMin: 3, trendPeriods: 3 };
const drill = (metric: ReportDrill['metric'], key: string | null = null, more: Partial<ReportDrill> = {}): ReportDrill => ({ metric, key, key2: null, ruleId: null, which: 'current', ...more });

describe('reportStats over the hand-counted year 2025', () => {
  it('counts henvendelser received in 2025 by type and channel, every key present', () => {
    const s = reportStats(w.app.ctx, YEAR_2025);
    expect(ReportStatsSchema.parse(s)).toEqual(s);
    expect(s.label).toBe('2025');
    // C1 (klage, e-mail), C2 (klage, telefon), C3 (vejledning, no channel), C4 (egen drift, brev); C5 and C6 are 2024's.
    expect(s.henvendelser).toEqual({
      total: 4,
      byType: { klage: 2, vejledning: 1, vejvisning: 0, 'egen drift': 1 },
      byChannel: { telefon: 1, 'e-mail': 1, brev: 1, personligt: 0, 'digital formular': 0, ukendt: 1 },
    });
    expect(s.egenDrift).toBe(1);
  });

  it('counts klagepunkter per forvaltning, afdeling, theme, rule, outcome, agreement, handling and competence', () => {
    const s = reportStats(w.app.ctx, YEAR_2025);
    // P1, P2 (C1), P3, P4 (C2), P5 (C4); the klager C1 and C2 hold 4 klagepunkter.
    expect(s.klagepunkter).toEqual({ total: 5, perKlage: 2 });
    expect(s.byForvaltning).toEqual([
      { forvaltning: 'Beskæftigelse', klagepunkter: 3, afdelinger: [{ afdeling: 'Jobcenter', klagepunkter: 3 }] },
      { forvaltning: 'Social', klagepunkter: 2, afdelinger: [{ afdeling: 'Handicap og psykiatri', klagepunkter: 1 }, { afdeling: 'Socialrådgivning', klagepunkter: 1 }] },
    ]);
    // P2 counts under both its themes.
    expect(s.byTema).toEqual([{ tema: 'Vejledning', klagepunkter: 3 }, { tema: 'Sagsbehandlingstid', klagepunkter: 2 }]);
    // P2's fvl-22 is "overholdt": not a breach.
    expect(s.rulesBreached.map((r) => [r.ruleId, r.klagepunkter])).toEqual([['fvl-19-partshoering', 3], ['fvl-22-begrundelse', 1]]);
    expect(s.outcomes).toEqual({
      'ingen kritik': 1, bemærkning: 0, beklageligt: 0, kritik: 1, 'alvorlig kritik': 1, 'meget alvorlig kritik': 0, afvist: 0, videresendt: 1, 'ikke afgjort': 1,
    });
    expect(s.forvaltningAgreed).toEqual({ ja: 1, nej: 1, ukendt: 3 });
    expect(s.handling).toEqual({ undersøgt: 2, videresendt: 1, vejvist: 0, afvist: 0, mægling: 1, 'ikke angivet': 1 });
    expect(s.competence).toEqual([{ reason: w.competenceReason, klagepunkter: 1 }]);
    expect(s.henstillinger).toEqual({ total: 3, fulgt: 1, ikkeFulgt: 1, afventer: 1 });
  });

  it("counts the forvaltninger's answers to requests sent in 2025, the extension included, with the median of an odd count", () => {
    const s = reportStats(w.app.ctx, YEAR_2025);
    // R1 sent 22.04, answered 05.05: 23, 24, 25, 28, 29, 30.04, 01.05 (02.05 closing day), 05.05 = 8 working days; due 07.05 → on time.
    // R2 sent 05.05, answered 23.05: 6–9, 12–16, 19–23 May = 14; due 19.05, extended to 26.05 → on time.
    // R3 sent 05.05, answered 10.06: 14 to 23.05, 26–28.05 (29.05 Kristi himmelfart), 30.05, 2–4.06 (05.06 grundlovsdag), 6.06
    //    (09.06 2. pinsedag), 10.06 = 23; late.
    // R4 sent 02.09, unanswered. Median of 8, 14, 23 = 14.
    expect(s.forvaltningAnswers).toEqual({ requests: 4, answered: 3, onTime: 2, unanswered: 1, medianWorkingDays: 14 });
  });

  it("counts the adviser's own processing of henvendelser closed in 2025, whenever received, with the median of an even count", () => {
    const s = reportStats(w.app.ctx, YEAR_2025);
    // C5 20.12.2024 → 08.01.2025: 23, 27, 30.12 (24, 25, 26, 31.12 and 01.01 are off), 2, 3, 6, 7, 8.01 = 8; target 10.01 → within.
    // C1 14.04 → 25.04: 15, 16 (Easter 17–21.04), 22–25 = 6; target 01.05 → within.
    // C2 28.04 → 06.05: 29, 30.04, 01.05 (02.05 closing day), 5, 6.05 = 5; target 13.05 → within.
    // C3 02.06 → 20.06: 3, 4 (05.06 grundlovsdag), 6, 9–13, 16–20 = 13; target 17.06 → not within.
    // Median of 5, 6, 8, 13 = (6 + 8) / 2 = 7.
    expect(s.ownProcessing).toEqual({ closed: 4, medianWorkingDays: 7, withinTarget: 3 });
  });

  it('compares with 2024 and shows the trend, the period itself last', () => {
    const s = reportStats(w.app.ctx, YEAR_2025);
    expect(s.previous.label).toBe('2024');
    expect(s.previous.period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    // C5 (klage, one klagepunkt) and C6 (vejvisning); C6 closed 07.03.2024 after 2 working days.
    expect(s.previous.henvendelser.total).toBe(2);
    expect(s.previous.henvendelser.byType).toEqual({ klage: 1, vejledning: 0, vejvisning: 1, 'egen drift': 0 });
    expect(s.previous.klagepunkter).toEqual({ total: 1, perKlage: 1 });
    expect(s.previous.outcomes['beklageligt']).toBe(1);
    expect(s.previous.ownProcessing).toEqual({ closed: 1, medianWorkingDays: 2, withinTarget: 1 });
    expect(s.previous.forvaltningAnswers).toEqual({ requests: 0, answered: 0, onTime: 0, unanswered: 0, medianWorkingDays: null });
    expect(s.trend).toEqual([
      { period: { from: '2023-01-01', to: '2023-12-31' }, label: '2023', henvendelser: 0, klagepunkter: 0 },
      { period: { from: '2024-01-01', to: '2024-12-31' }, label: '2024', henvendelser: 2, klagepunkter: 1 },
      { period: { from: '2025-01-01', to: '2025-12-31' }, label: '2025', henvendelser: 4, klagepunkter: 5 },
    ]);
  });

  it('finds the patterns: forvaltning × rule, and the afdeling + rule that recurs at least patternMin times', () => {
    const s = reportStats(w.app.ctx, YEAR_2025);
    expect(s.patterns.heatmap).toEqual({
      forvaltninger: ['Beskæftigelse', 'Social'],
      rules: [{ ruleId: 'fvl-19-partshoering', title: s.rulesBreached[0]?.title }, { ruleId: 'fvl-22-begrundelse', title: s.rulesBreached[1]?.title }],
      cells: [[3, 0], [0, 1]],
    });
    expect(s.patterns.recurring).toEqual([
      { forvaltning: 'Beskæftigelse', afdeling: 'Jobcenter', ruleId: 'fvl-19-partshoering', title: s.rulesBreached[0]?.title, klagepunkter: 3, caseIds: [w.ids.c2, w.ids.c1] },
    ]);
    expect(reportStats(w.app.ctx, { ...YEAR_2025, patternMin: 4 }).patterns.recurring).toEqual([]);
  });

  it('leaves withinTarget null when the adviser has no own target', () => {
    const noTarget = buildReportWorld(':memory:', false);
    try {
      expect(reportStats(noTarget.app.ctx, YEAR_2025).ownProcessing).toEqual({ closed: 4, medianWorkingDays: 7, withinTarget: null });
    } finally {
      noTarget.app.close();
    }
  });

  it('refuses a period that ends before it starts, in Danish', () => {
    const e = thrownAppError(() => reportStats(w.app.ctx, { ...YEAR_2025, period: { from: '2025-12-31', to: '2025-01-01' } }));
    expect(e.message).toBe('Periodens start skal ligge før eller på dens slutning.');
  });
});

describe('filters', () => {
  it('a forvaltning: only its klagepunkter, and the henvendelser, requests and henstillinger that have one', () => {
    const s = reportStats(w.app.ctx, { ...YEAR_2025, filters: { forvaltningId: w.forvaltning.social, types: [] } });
    // C2 (P4) and C4 (P5); R3 and R4; H2; closed in 2025 with a Social klagepunkt: C2 (5 working days).
    expect(s.henvendelser.total).toBe(2);
    expect(s.klagepunkter).toEqual({ total: 2, perKlage: 1 });
    expect(s.byForvaltning.map((f) => f.forvaltning)).toEqual(['Social']);
    expect(s.forvaltningAnswers).toEqual({ requests: 2, answered: 1, onTime: 0, unanswered: 1, medianWorkingDays: 23 });
    expect(s.henstillinger).toEqual({ total: 1, fulgt: 0, ikkeFulgt: 0, afventer: 1 });
    expect(s.ownProcessing).toEqual({ closed: 1, medianWorkingDays: 5, withinTarget: 1 });
    expect(s.trend.at(-1)).toMatchObject({ henvendelser: 2, klagepunkter: 2 });
  });

  it('types: only henvendelser of those types, their requests and their closing', () => {
    const s = reportStats(w.app.ctx, { ...YEAR_2025, filters: { forvaltningId: null, types: ['klage'] } });
    expect(s.henvendelser.total).toBe(2);
    expect(s.klagepunkter.total).toBe(4);
    expect(s.forvaltningAnswers.requests).toBe(3);
    // C1 6, C2 5, C5 8 → median 6.
    expect(s.ownProcessing).toEqual({ closed: 3, medianWorkingDays: 6, withinTarget: 3 });
    expect(s.trend.at(-1)).toMatchObject({ henvendelser: 2, klagepunkter: 4 });
  });
});

describe('drill-down: the henvendelser behind a number, newest received first', () => {
  const ids = () => w.ids;
  it.each<[string, ReportDrill, (i: ReportWorld['ids']) => number[]]>([
    ['every henvendelse', drill('henvendelser'), (i) => [i.c4, i.c3, i.c2, i.c1]],
    ['klagepunkter', drill('klagepunkter'), (i) => [i.c4, i.c2, i.c1]],
    ['type egen drift', drill('type', 'egen drift'), (i) => [i.c4]],
    ['no channel', drill('channel', 'ukendt'), (i) => [i.c3]],
    ['an afdeling', drill('afdeling', 'Social', { key2: 'Handicap og psykiatri' }), (i) => [i.c2]],
    ['a theme', drill('tema', 'Vejledning'), (i) => [i.c4, i.c2, i.c1]],
    ['a rule', drill('rule', 'fvl-19-partshoering'), (i) => [i.c2, i.c1]],
    ['an outcome', drill('outcome', 'ikke afgjort'), (i) => [i.c4]],
    ['agreed', drill('agreed', 'nej'), (i) => [i.c1]],
    ['outside competence', drill('competence'), (i) => [i.c2]],
    ['henstillinger awaiting', drill('henstillinger', 'afventer'), (i) => [i.c2]],
    ['requests answered on time', drill('onTime'), (i) => [i.c2, i.c1]],
    ['requests unanswered', drill('unanswered'), (i) => [i.c4]],
    ['closed', drill('closed'), (i) => [i.c3, i.c2, i.c1, i.c5]],
    ['closed within target', drill('withinTarget'), (i) => [i.c2, i.c1, i.c5]],
    ['a heatmap cell', drill('heatmap', 'Social', { ruleId: 'fvl-22-begrundelse' }), (i) => [i.c4]],
    ['a pattern', drill('pattern', 'Beskæftigelse', { key2: 'Jobcenter', ruleId: 'fvl-19-partshoering' }), (i) => [i.c2, i.c1]],
    ['the previous period', drill('henvendelser', null, { which: 'previous' }), (i) => [i.c5, i.c6]],
  ])('%s', (_name, d, expected) => {
    expect(reportDrill(w.app.ctx, YEAR_2025, d)).toEqual(expected(ids()));
  });

  it('opens as many henvendelser as every count of henvendelser says, table by table', () => {
    const s = reportStats(w.app.ctx, YEAR_2025);
    for (const [type, n] of Object.entries(s.henvendelser.byType)) expect(reportDrill(w.app.ctx, YEAR_2025, drill('type', type))).toHaveLength(n);
    for (const [channel, n] of Object.entries(s.henvendelser.byChannel)) expect(reportDrill(w.app.ctx, YEAR_2025, drill('channel', channel))).toHaveLength(n);
    // Every drill-down of the tables answers, and a row whose count (column "n") is not 0 opens a case.
    for (const t of reportTables(s)) {
      if (t.columns[1]?.key !== 'n') continue;
      for (const row of t.rows) {
        if (row.drill === null) continue;
        const n = row.cells[1];
        const opened = reportDrill(w.app.ctx, YEAR_2025, row.drill);
        if (typeof n === 'number') expect(opened.length > 0, `${t.id}: ${String(row.cells[0])}`).toBe(n > 0);
      }
    }
  });

  it('the case list lists exactly the henvendelser behind a number, with its other filters', () => {
    const report = { query: YEAR_2025, drill: drill('klagepunkter') };
    const all = listCases(w.app.ctx, { ...defaultCaseListQuery(), report });
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.id)).toEqual([w.ids.c4, w.ids.c2, w.ids.c1]);
    const onlyKlager = listCases(w.app.ctx, { ...defaultCaseListQuery(), types: ['klage'], report });
    expect(onlyKlager.rows.map((r) => r.id)).toEqual([w.ids.c2, w.ids.c1]);
    const none = listCases(w.app.ctx, { ...defaultCaseListQuery(), report: { query: YEAR_2025, drill: drill('type', 'vejvisning') } });
    expect(none).toEqual({ total: 0, rows: [] });
  });
});

describe('working days', () => {
  it('the running count equals the deadline engine day by day', () => {
    const calendar = { closingDays: [{ date: '2025-05-02', reason: 'Lukkedag' }] };
    const count = workingDayCounter(calendar, ['2024-12-01', '2025-07-01']);
    for (const [from, to] of [['2024-12-20', '2025-01-08'], ['2025-04-14', '2025-04-25'], ['2025-04-28', '2025-05-06'], ['2025-05-05', '2025-06-10'], ['2025-06-02', '2025-06-02']] as const) {
      expect(count(from, to)).toBe(workingDaysBetween(from, to, 'standard', calendar));
    }
  });
});

describe('report settings', () => {
  it('defaults to a calendar year, minN 5 and patterns of 3; saves validated, with an audit entry', () => {
    expect(reportSettings(w.app.ctx)).toEqual({ startMonth: 1, minN: 5, patternMin: 3 });
    expect(saveReportSettings(w.app.ctx, { startMonth: 4, minN: 10, patternMin: 3 })).toEqual({ startMonth: 4, minN: 10, patternMin: 3 });
    const audits = w.app.ctx.db.prepare("SELECT actor, action, changes FROM audit_log WHERE entity = 'report_settings' ORDER BY id").all() as Array<{ actor: string; action: string; changes: string }>;
    expect(audits.map((a) => ({ ...a, changes: JSON.parse(a.changes) as unknown }))).toEqual([
      {
        actor: 'Mette Rådgiver', action: 'Indstillinger for årsberetningen ændret',
        changes: [{ field: 'Årsberetningens startmåned', before: '1', after: '4' }, { field: 'Mindste antal for en andel', before: '5', after: '10' }],
      },
    ]);
    const e = thrownAppError(() => saveReportSettings(w.app.ctx, { startMonth: 13, minN: 0, patternMin: 1.5 }));
    expect(e.fields).toEqual({
      startMonth: 'Startmåneden skal være en måned fra 1 (januar) til 12 (december).',
      minN: 'Mindste antal for en andel skal være et helt tal fra 1 til 1000.',
      patternMin: 'Et mønster skal gå igen mindst 2 og højst 1000 gange.',
    });
    expect(reportSettings(w.app.ctx)).toEqual({ startMonth: 4, minN: 10, patternMin: 3 });
    saveReportSettings(w.app.ctx, { startMonth: 1, minN: 5, patternMin: 3 });
  });
});
