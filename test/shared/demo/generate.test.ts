import { describe, expect, it } from 'vitest';
import { DEFAULT_ORGANISATION } from '../../../electron/services/seed';
import { DEFAULT_COMPETENCE_REASONS } from '../../../shared/domain/competence';
import { checkCpr } from '../../../shared/domain/cpr';
import { generateDemoRows } from '../../../shared/demo/generate';
import { ORGANISATION } from '../../../shared/demo/vocabulary';
import { validateRows } from '../../../shared/import/validate-rows';

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
