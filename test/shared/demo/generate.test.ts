import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION } from '../../../electron/services/seed';
import { DEFAULT_COMPETENCE_REASONS } from '../../../shared/domain/competence';
import { checkCpr } from '../../../shared/domain/cpr';
import { generateDemoRows } from '../../../shared/demo/generate';
import { ORGANISATION } from '../../../shared/demo/vocabulary';
import { validateRows } from '../../../shared/import/validate-rows';
import { DEFAULT_DEADLINE_SETTINGS } from '../../../db/queries/deadline-settings';
import { demoDeadlineCalc } from '../../../electron/services/demo';
import { addDemoFollowUp } from '../../../shared/demo/follow-up';
import { getRule } from '../../../db/queries/rules';
import { openApp } from '../../../electron/services/open-app';
import { checkPortableCase, PortableCaseSchema } from '../../../shared/import/portable';

const TODAY = '2025-06-30';

describe('generateDemoRows', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateDemoRows({ seed: 7, cases: 300, today: TODAY });
    const b = generateDemoRows({ seed: 7, cases: 300, today: TODAY });
    const c = generateDemoRows({ seed: 8, cases: 300, today: TODAY });
    expect(a).toEqual(b);
    expect(a.rows).not.toEqual(c.rows);
    expect(a.henvendelser).toBe(300);
  });

  it('produces rows that pass the import validation, with the counts it reports', () => {
    const t = generateDemoRows({ seed: 1, cases: 2000, today: TODAY });
    const r = validateRows(t.header, 1, t.rows.map((cells, i) => ({ line: i + 2, cells })), { today: TODAY });
    expect(r.errors).toEqual([]);
    expect(r.cases).toHaveLength(t.henvendelser);
    expect(r.points).toBe(t.klagepunkter);
  });

  it('hits an exact number of klagepunkter when asked', () => {
    const t = generateDemoRows({ seed: 3, klagepunkter: 1234, today: TODAY });
    expect(t.klagepunkter).toBe(1234);
  });

  it('spreads plausible data: every type, 1–4 klagepunkter per klage, valid CPR, dates within the period', () => {
    const t = generateDemoRows({ seed: 5, cases: 3000, today: TODAY });
    const col = (name: string) => t.header.indexOf(name as (typeof t.header)[number]);
    const types = new Set(t.rows.map((r) => r[col('type')]).filter(Boolean));
    expect([...types].sort()).toEqual(['egen drift', 'klage', 'vejledning', 'vejvisning']);
    const r = validateRows(t.header, 1, t.rows.map((cells, i) => ({ line: i + 2, cells })), { today: TODAY });
    const cases = r.cases.map((c) => c.value);
    for (const c of cases) {
      if (c.type === 'klage') expect(c.points.length).toBeGreaterThanOrEqual(1);
      expect(c.points.length).toBeLessThanOrEqual(4);
      expect(c.receivedOn >= '2021-06-30' && c.receivedOn <= TODAY).toBe(true);
      if (c.citizen.cpr) expect(checkCpr(c.citizen.cpr).ok).toBe(true);
    }
    const outcomes = new Set(cases.flatMap((c) => c.points.map((p) => p.outcome)));
    expect(outcomes.has('kritik') && outcomes.has('ingen_kritik') && outcomes.has(null)).toBe(true);
    expect(cases.some((c) => c.status === 'afsluttet') && cases.some((c) => c.status === 'modtaget')).toBe(true);
  });

  it('draws competence per klagepunkt: some klager mix a point vejvist outside competence with investigated ones, without import warnings', () => {
    const t = generateDemoRows({ seed: 5, cases: 3000, today: TODAY });
    const r = validateRows(t.header, 1, t.rows.map((cells, i) => ({ line: i + 2, cells })), { today: TODAY });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    const cases = r.cases.map((c) => c.value);
    const mixed = cases.filter((c) =>
      c.points.some((p) => p.competenceReason !== null && p.handling === 'vejvist') && c.points.some((p) => p.competenceReason === null && p.handling === 'undersoegt'));
    expect(mixed.length).toBeGreaterThan(10);
    // Reasons are written by the seeded names; "ikke forelagt" is never a reason.
    const names = new Set(cases.flatMap((c) => [c.competenceReason, ...c.points.map((p) => p.competenceReason)]).flatMap((x) => (x ? [x] : [])));
    expect([...names].every((n) => DEFAULT_COMPETENCE_REASONS.some((d) => d.name === n))).toBe(true);
    // A vejvisning without klagepunkter keeps its own competence and handling.
    expect(cases.some((c) => c.type === 'vejvisning' && c.points.length === 0 && c.handling === 'vejvist')).toBe(true);
  });

  it('continues the sagsnr series after the numbers already used', () => {
    const t = generateDemoRows({ seed: 1, cases: 5, today: TODAY, years: 0.01, lastSeq: () => 41 });
    expect(t.rows[0]?.[0]).toBe('2025-0042');
  });

  it('uses the seed organisation names', () => {
    for (const f of ORGANISATION) {
      const seeded = DEFAULT_ORGANISATION.find((d) => d.name === f.name);
      expect(seeded, f.name).toBeDefined();
      for (const a of f.afdelinger) expect(seeded?.afdelinger, `${f.name} / ${a}`).toContain(a);
    }
  });
});

describe('addDemoFollowUp', () => {
  // The app's own deadline computations with a new database's settings and rule catalogue.
  const app = openApp({ file: ':memory:', mode: 'test', clock: { now: () => new Date(`${TODAY}T10:00:00Z`) }, actor: () => 'Test', log: () => {} });
  afterAll(() => app.close());
  const calc = demoDeadlineCalc(DEFAULT_DEADLINE_SETTINGS, (id) => getRule(app.ctx.db, id));
  const demo = (seed: number, cases: number) => {
    const t = generateDemoRows({ seed, cases, today: TODAY });
    const read = validateRows(t.header, 1, t.rows.map((cells, i) => ({ line: i + 2, cells })), { today: TODAY });
    return addDemoFollowUp(read.cases.map((c) => c.value), { seed, today: TODAY, calc, advisers: ['Mette Rådgiver', 'Jonas Ærø'] });
  };

  it('is deterministic for a seed, and leaves the CSV rows as they were', () => {
    expect(demo(7, 300)).toEqual(demo(7, 300));
    expect(demo(7, 300)).not.toEqual(demo(8, 300));
    // The follow-up draws from its own stream: the henvendelser themselves are the CSV's.
    const plain = validateRows(...csvInput(7, 300)).cases.map((c) => c.value);
    expect(demo(7, 300).map((c) => [c.sagsnr, c.receivedOn, c.closedOn, c.citizen, c.points.map((p) => p.description)]))
      .toEqual(plain.map((c) => [c.sagsnr, c.receivedOn, c.closedOn, c.citizen, c.points.map((p) => p.description)]));
  });

  it('passes the JSON import’s checks: the case form, the henstilling form and the request rules', () => {
    const cases = demo(1, 1500);
    for (const c of cases) expect(checkPortableCase(PortableCaseSchema.parse(JSON.parse(JSON.stringify(c))), TODAY), c.sagsnr).toEqual({});
  });

  it('has requests answered on time and late, open and overdue with a rykker, only on open henvendelser when unanswered', () => {
    const cases = demo(1, 400);
    const requests = cases.flatMap((c) => c.requests.map((r) => ({ c, r, due: calc.requestDue(r.sentOn) })));
    const open = requests.filter(({ r }) => r.answeredOn === null);
    expect(open.some(({ due }) => due < TODAY)).toBe(true);
    expect(open.some(({ due }) => due > TODAY)).toBe(true);
    expect(requests.some(({ r, due }) => r.answeredOn !== null && r.answeredOn <= due)).toBe(true);
    expect(requests.some(({ r, due }) => r.answeredOn !== null && r.answeredOn > due)).toBe(true);
    for (const { c, r, due } of requests) {
      expect(r.sentOn >= c.receivedOn && r.sentOn <= TODAY, c.sagsnr).toBe(true);
      if (c.closedOn !== null) expect(r.answeredOn !== null && r.answeredOn <= c.closedOn, c.sagsnr).toBe(true);
      if (r.answeredOn !== null) expect(r.answeredOn >= r.sentOn && r.answeredOn <= TODAY).toBe(true);
      if (r.answeredOn === null && due < TODAY) {
        expect(r.events).toHaveLength(1);
        expect(r.events[0]).toMatchObject({ kind: 'rykker', level: 1 });
        expect((r.events[0]?.onDate ?? '') > due && (r.events[0]?.onDate ?? '') <= TODAY).toBe(true);
      }
    }
    // The status follows the case: afventer forvaltningen while a request is open.
    for (const c of cases) if (c.requests.some((r) => r.answeredOn === null)) expect(c.status).toBe('afventer_forvaltningen');
    expect(new Set(cases.map((c) => c.adviser))).toEqual(new Set(['Mette Rådgiver', 'Jonas Ærø']));
  });

  it('gives some klager a klagefrist notified before the henvendelse, on RSL § 67, none or the decision’s own', () => {
    const cases = demo(1, 400).filter((c) => c.decisionNotice !== null);
    expect(cases.length).toBeGreaterThan(20);
    for (const c of cases) {
      const n = c.decisionNotice as NonNullable<(typeof c)['decisionNotice']>;
      expect(n.notifiedOn < c.receivedOn).toBe(true);
      expect(c.klagefristDue === null).toBe(n.basis.kind === 'ingen');
      if (c.klagefristDue !== null) expect(c.klagefristDue > n.notifiedOn).toBe(true);
    }
    // None on a henvendelse still open after half a year (its klagefrist ran out long ago).
    const halfYearAgo = new Date(Date.parse(`${TODAY}T00:00:00Z`) - 180 * 86_400_000).toISOString().slice(0, 10);
    expect(cases.filter((c) => c.closedOn === null && c.receivedOn < halfYearAgo).map((c) => c.sagsnr)).toEqual([]);
    expect(new Set(cases.map((c) => c.decisionNotice?.basis.kind))).toEqual(new Set(['regel', 'ingen', 'manuel']));
    expect(new Set(cases.map((c) => c.decisionNotice?.guidance))).toEqual(new Set(['korrekt', 'mangelfuld', 'ukendt']));
    expect(new Set(cases.map((c) => c.decisionNotice?.channel))).toEqual(new Set(['digital_post', 'brev', 'personligt']));
  });

  it('puts aktindsigt deadlines on klagepunkter: met on closed henvendelser, running or met on open ones', () => {
    const cases = demo(1, 400);
    const deadlines = cases.flatMap((c) => c.points.flatMap((p) => p.deadlines.map((d) => ({ c, d }))));
    expect(new Set(deadlines.map(({ d }) => d.ruleId))).toEqual(new Set(['ofl-36-frist', 'fvl-16-aktindsigt-frist']));
    for (const { c, d } of deadlines) {
      expect(d.dueOn).toBe(calc.pointDue(d.ruleId as string, d.startOn));
      if (c.closedOn !== null) expect(d.metOn !== null && d.metOn <= c.closedOn).toBe(true);
      if (d.metOn !== null) expect(d.metOn >= d.startOn && d.metOn <= TODAY).toBe(true);
    }
    const running = deadlines.filter(({ d }) => d.metOn === null);
    expect(running.some(({ d }) => d.dueOn < TODAY) && running.some(({ d }) => d.dueOn > TODAY)).toBe(true);
  });

  it('gives henstillinger follow-up dates and answers: pending ones, followed and not followed', () => {
    const recs = demo(1, 600).flatMap((c) => c.recommendations.map((r) => ({ c, r })));
    expect(new Set(recs.map(({ r }) => r.status))).toEqual(new Set(['afventer', 'fulgt', 'ikke_fulgt']));
    for (const { r } of recs) {
      expect(r.followUpOn !== null && r.followUpOn > r.givenOn).toBe(true);
      if (r.status !== 'afventer') expect(r.answer !== '' && r.statusOn !== null && r.statusOn >= r.givenOn && r.statusOn <= TODAY).toBe(true);
    }
    // Pending on open henvendelser too, so the Frister screen lists their follow-up.
    expect(recs.some(({ c, r }) => c.closedOn === null && r.status === 'afventer')).toBe(true);
  });
});

function csvInput(seed: number, cases: number): Parameters<typeof validateRows> {
  const t = generateDemoRows({ seed, cases, today: TODAY });
  return [t.header, 1, t.rows.map((cells, i) => ({ line: i + 2, cells })), { today: TODAY }];
}
