/**
 * A small hand-counted world for the annual report's statistics, built through the services as the
 * adviser would: six henvendelser over 2024 and 2025, their klagepunkter, rules, requests (on time,
 * on time thanks to an extension, late, unanswered), henstillinger, and closed henvendelser whose
 * working days span weekends, Easter, Kristi himmelfart, grundlovsdag, Christmas and a closing day.
 * The expected numbers are worked out by hand in report-stats.test.ts, day by day.
 */
import { answerRequest, createRequest, extendRequest } from '../../../electron/services/requests';
import { checkClosing, createCase, getCase, updateCase } from '../../../electron/services/cases';
import { createRecommendation } from '../../../electron/services/recommendations';
import { getDeadlineSettings, saveDeadlineSettings } from '../../../electron/services/deadlines';
import { openApp, type OpenedApp } from '../../../electron/services/open-app';
import type { CaseInput, PointInput } from '../../../shared/domain/case';
import { caseInput, org } from '../../db/helpers';
import { TEST_DB_KEY } from '../../setup/db-key';

export type ReportWorld = Readonly<{
  app: OpenedApp;
  ids: Readonly<Record<'c1' | 'c2' | 'c3' | 'c4' | 'c5' | 'c6', number>>;
  forvaltning: Readonly<{ beskaeftigelse: number; social: number }>;
  competenceReason: string;
}>;

export function buildReportWorld(file = ':memory:', target = true): ReportWorld {
  const app = openApp({ key: TEST_DB_KEY, file, mode: 'test', clock: { now: () => new Date('2026-01-15T10:00:00Z') }, actor: () => 'Mette Rådgiver', log: () => {} });
  const ctx = app.ctx;
  const o = org(ctx.db);
  const settings = getDeadlineSettings(ctx);
  // Fredag 02.05.2025 is the municipality's closing day; the adviser's own target is 10 arbejdsdage.
  saveDeadlineSettings(ctx, {
    ...settings,
    closingDays: [{ date: '2025-05-02', reason: 'Kommunens lukkedag' }],
    adviserTarget: target ? { amount: 10, unit: 'arbejdsdage', rollForward: false, profile: 'standard' } : null,
  });
  const besk = o.forvaltning('Beskæftigelse');
  const social = o.forvaltning('Social');
  const jobcenter = o.afdeling('Beskæftigelse', 'Jobcenter');
  const reasonName = 'Afgørelsens indhold (hører under klageinstansen)';
  const point = (p: Partial<PointInput>): PointInput => ({ forvaltningId: besk, afdelingId: jobcenter, themeIds: [], description: 'Klagepunkt', outcome: null, ...p });
  const add = (c: Partial<CaseInput>) => createCase(ctx, caseInput(ctx.db, { status: 'under_behandling', ...c }));
  const close = (id: number, closedOn: string) => {
    const c = getCase(ctx, id);
    // The adviser closes with the open points seen (e.g. "Ingen kritik" beside a rule not complied with).
    const seen = checkClosing(ctx, id).map((item) => item.key);
    updateCase(ctx, id, c.version, { ...c, citizen: { ...c.citizen, cpr: null }, status: 'afsluttet', statusManual: true, closedOn } as never, seen);
  };
  const breach = (ruleId: string) => ({ ruleId, assessment: 'ikke_overholdt' as const, reasoning: '' });

  const c1 = add({
    receivedOn: '2025-04-14', type: 'klage', channel: 'email',
    points: [
      point({ themeIds: [o.theme('Sagsbehandlingstid')], rules: [breach('fvl-19-partshoering')], outcome: 'kritik', handling: 'undersoegt', forvaltningAgreed: true }),
      point({
        themeIds: [o.theme('Sagsbehandlingstid'), o.theme('Vejledning')],
        rules: [breach('fvl-19-partshoering'), { ruleId: 'fvl-22-begrundelse', assessment: 'overholdt', reasoning: '' }],
        outcome: 'ingen_kritik', handling: 'undersoegt', forvaltningAgreed: false,
      }),
    ],
  });
  const c2 = add({
    receivedOn: '2025-04-28', type: 'klage', channel: 'telefon',
    points: [
      point({ themeIds: [o.theme('Vejledning')], rules: [breach('fvl-19-partshoering')], outcome: 'alvorlig_kritik', handling: 'maegling' }),
      point({ forvaltningId: social, afdelingId: o.afdeling('Social', 'Handicap og psykiatri'), outcome: 'videresendt', handling: 'videresendt', competenceReasonId: o.reason(reasonName) }),
    ],
  });
  const c3 = add({ receivedOn: '2025-06-02', type: 'vejledning', channel: null, points: [] });
  const c4 = add({
    receivedOn: '2025-09-01', type: 'egen_drift', channel: 'brev',
    points: [point({ forvaltningId: social, afdelingId: o.afdeling('Social', 'Socialrådgivning'), themeIds: [o.theme('Vejledning')], rules: [breach('fvl-22-begrundelse')] })],
  });
  const c5 = add({
    receivedOn: '2024-12-20', type: 'klage', channel: 'email',
    points: [point({ forvaltningId: o.forvaltning('Børn og Unge'), afdelingId: o.afdeling('Børn og Unge', 'Skole'), outcome: 'beklageligt' })],
  });
  const c6 = add({ receivedOn: '2024-03-05', type: 'vejvisning', channel: 'telefon', points: [] });

  const request = (caseId: number, forvaltningId: number, sentOn: string) => createRequest(ctx, { caseId, forvaltningId, kind: 'redegoerelse', sentOn, spec: null, note: '' });
  const answer = (id: number, answeredOn: string) => answerRequest(ctx, id, { answeredOn, summary: '', agreed: [] });
  // R1: due 07.05.2025, answered 05.05.2025 – on time.
  answer(request(c1.id, besk, '2025-04-22').id, '2025-05-05');
  // R2: due 19.05.2025, extended to 26.05.2025, answered 23.05.2025 – on time by the extension.
  const r2 = request(c2.id, besk, '2025-05-05');
  extendRequest(ctx, r2.id, { granted: '2025-05-15', newDue: '2025-05-26', add: null, reason: 'Forvaltningen bad om en uge mere' });
  answer(r2.id, '2025-05-23');
  // R3: due 19.05.2025, answered 10.06.2025 – late.
  answer(request(c2.id, social, '2025-05-05').id, '2025-06-10');
  // R4: never answered.
  request(c4.id, social, '2025-09-02');

  const recommend = (caseId: number, forvaltningId: number, status: 'fulgt' | 'ikke_fulgt' | 'afventer', givenOn: string) =>
    createRecommendation(ctx, { caseId, pointId: null, forvaltningId, text: 'Henstilling', givenOn, status, statusOn: status === 'afventer' ? null : '2025-11-01', answer: '', followUpOn: null });
  recommend(c1.id, besk, 'fulgt', '2025-06-01');
  recommend(c2.id, social, 'afventer', '2025-07-01');
  recommend(c2.id, besk, 'ikke_fulgt', '2025-07-01');

  close(c1.id, '2025-04-25');
  close(c2.id, '2025-05-06');
  close(c3.id, '2025-06-20');
  close(c5.id, '2025-01-08');
  close(c6.id, '2024-03-07');
  return { app, ids: { c1: c1.id, c2: c2.id, c3: c3.id, c4: c4.id, c5: c5.id, c6: c6.id }, forvaltning: { beskaeftigelse: besk, social }, competenceReason: reasonName };
}
