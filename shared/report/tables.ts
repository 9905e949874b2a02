/**
 * The report's statistics as tables – the ONE list of tables that the Statistik screen shows, the PDF
 * prints, the XLSX has a sheet for and the CSV export writes a file for. Made from a `ReportStats`
 * only, so every output shows the same numbers with the same labels and counting units.
 *
 * Every share stands beside its n (a count column and the total it is a share of), and a share of
 * fewer than `minN` is left empty rather than shown (peers.md § 4.2). Each row can carry the drill-down
 * of its main count: the cases behind the number.
 */
import { CaseType, Channel, Handling, Outcome } from '../domain/vocab';
import { periodLabel } from './period';
import type { PeriodStats, ReportDrill, ReportStats } from './stats';

export type ReportCell = string | number | null;
/** `share` cells hold a fraction 0–1 (null: none, or fewer than minN); `days` a median of working days. */
export type ReportColumnKind = 'text' | 'count' | 'share' | 'days' | 'decimal';
export type ReportColumn = Readonly<{ key: string; label: string; kind: ReportColumnKind }>;
export type ReportRow = Readonly<{ cells: ReadonlyArray<ReportCell>; drill: ReportDrill | null }>;
export type ReportTable = Readonly<{
  /** File and sheet name: lower case, no spaces (`henvendelser-type`). */
  id: string;
  title: string;
  /** What is counted, in one Danish sentence. */
  unit: string;
  columns: ReadonlyArray<ReportColumn>;
  rows: ReadonlyArray<ReportRow>;
}>;

const drill = (metric: ReportDrill['metric'], key: string | null = null, key2: string | null = null, ruleId: string | null = null): ReportDrill => ({ metric, key, key2, ruleId, which: 'current' });

function share(n: number, of: number, minN: number): number | null {
  return of === 0 || of < minN ? null : n / of;
}

const UNIT_HENVENDELSER = 'Henvendelser modtaget i perioden.';
const UNIT_KLAGEPUNKTER = 'Klagepunkter i henvendelser modtaget i perioden.';

/** The columns of a table of counts: what is counted, the count, its share with what it is a share of, the previous period's count. */
function countColumns(stats: ReportStats, label: string): ReportColumn[] {
  return [
    { key: 'label', label, kind: 'text' },
    { key: 'n', label: `Antal ${stats.label}`, kind: 'count' },
    { key: 'share', label: 'Andel', kind: 'share' },
    { key: 'of', label: 'Andel af', kind: 'count' },
    { key: 'previous', label: `Antal ${stats.previous.label}`, kind: 'count' },
  ];
}

/** A breakdown of one total: label, count, share (with the total it is a share of), previous period's count. */
function breakdown(
  stats: ReportStats,
  o: Readonly<{
    id: string; title: string; unit: string; label: string; total: number;
    rows: ReadonlyArray<Readonly<{ label: string; n: number; previous: number; drill: ReportDrill }>>;
  }>,
): ReportTable {
  return {
    id: o.id,
    title: o.title,
    unit: o.unit,
    columns: countColumns(stats, o.label),
    rows: o.rows.map((r) => ({ cells: [r.label, r.n, share(r.n, o.total, stats.minN), o.total, r.previous], drill: r.drill })),
  };
}

function byName<T>(list: ReadonlyArray<T>, name: (t: T) => string, value: (t: T) => number, n: string): number {
  const hit = list.find((t) => name(t) === n);
  return hit === undefined ? 0 : value(hit);
}

/** Names from the current period first (in its order), then those only the previous period has. */
function names<T>(cur: ReadonlyArray<T>, prev: ReadonlyArray<T>, name: (t: T) => string): string[] {
  const out = cur.map(name);
  for (const p of prev) if (!out.includes(name(p))) out.push(name(p));
  return out;
}

function vocabRows(
  vocab: ReadonlyArray<Readonly<{ importName: string; label: string }>>,
  cur: Readonly<Record<string, number>>,
  prev: Readonly<Record<string, number>>,
  metric: ReportDrill['metric'],
  extra: ReadonlyArray<Readonly<{ key: string; label: string }>> = [],
) {
  return [...vocab.map((v) => ({ key: v.importName, label: v.label })), ...extra].map((v) => ({
    label: v.label, n: cur[v.key] ?? 0, previous: prev[v.key] ?? 0, drill: drill(metric, v.key),
  }));
}

function keyFigures(s: ReportStats): ReportTable {
  const p: PeriodStats = s.previous;
  const rows: Array<[string, number | null, number | null, ReportDrill | null]> = [
    ['Henvendelser i alt', s.henvendelser.total, p.henvendelser.total, drill('henvendelser')],
    ['Klagepunkter i alt', s.klagepunkter.total, p.klagepunkter.total, drill('klagepunkter')],
    ['Klagepunkter pr. klage', s.klagepunkter.perKlage, p.klagepunkter.perKlage, null],
    ['Henstillinger givet', s.henstillinger.total, p.henstillinger.total, drill('henstillinger')],
    ['Egen drift-sager', s.egenDrift, p.egenDrift, drill('egenDrift')],
  ];
  return {
    id: 'hovedtal',
    title: 'Hovedtal',
    unit: UNIT_HENVENDELSER,
    columns: [
      { key: 'label', label: 'Nøgletal', kind: 'text' },
      { key: 'n', label: s.label, kind: 'decimal' },
      { key: 'previous', label: s.previous.label, kind: 'decimal' },
    ],
    rows: rows.map(([label, n, prev, d]) => ({ cells: [label, n, prev], drill: d })),
  };
}

export function reportTables(s: ReportStats): ReportTable[] {
  const p = s.previous;
  const k = s.klagepunkter.total;
  const tables: ReportTable[] = [keyFigures(s)];

  tables.push(breakdown(s, {
    id: 'henvendelser-type', title: 'Henvendelser efter type', unit: UNIT_HENVENDELSER, label: 'Type', total: s.henvendelser.total,
    rows: vocabRows(CaseType.entries, s.henvendelser.byType, p.henvendelser.byType, 'type'),
  }));
  tables.push(breakdown(s, {
    id: 'henvendelser-kanal', title: 'Henvendelser efter kanal', unit: UNIT_HENVENDELSER, label: 'Kanal', total: s.henvendelser.total,
    rows: vocabRows(Channel.entries, s.henvendelser.byChannel, p.henvendelser.byChannel, 'channel', [{ key: 'ukendt', label: 'Ikke angivet' }]),
  }));
  tables.push(breakdown(s, {
    id: 'klagepunkter-forvaltning', title: 'Klagepunkter efter forvaltning', unit: UNIT_KLAGEPUNKTER, label: 'Forvaltning', total: k,
    rows: names(s.byForvaltning, p.byForvaltning, (f) => f.forvaltning).map((name) => ({
      label: name, n: byName(s.byForvaltning, (f) => f.forvaltning, (f) => f.klagepunkter, name),
      previous: byName(p.byForvaltning, (f) => f.forvaltning, (f) => f.klagepunkter, name), drill: drill('forvaltning', name),
    })),
  }));
  tables.push({
    id: 'klagepunkter-afdeling',
    title: 'Klagepunkter efter afdeling',
    unit: UNIT_KLAGEPUNKTER,
    columns: [
      { key: 'forvaltning', label: 'Forvaltning', kind: 'text' },
      { key: 'afdeling', label: 'Afdeling', kind: 'text' },
      { key: 'n', label: `Antal ${s.label}`, kind: 'count' },
      { key: 'share', label: 'Andel', kind: 'share' },
      { key: 'of', label: 'Andel af', kind: 'count' },
    ],
    rows: s.byForvaltning.flatMap((f) => f.afdelinger.map((a) => ({
      cells: [f.forvaltning, a.afdeling, a.klagepunkter, share(a.klagepunkter, k, s.minN), k], drill: drill('afdeling', f.forvaltning, a.afdeling),
    }))),
  });
  tables.push(breakdown(s, {
    id: 'klagepunkter-tema', title: 'Klagepunkter efter tema', unit: `${UNIT_KLAGEPUNKTER} Et klagepunkt tæller med under hvert af sine temaer.`, label: 'Tema', total: k,
    rows: names(s.byTema, p.byTema, (t) => t.tema).map((name) => ({
      label: name, n: byName(s.byTema, (t) => t.tema, (t) => t.klagepunkter, name),
      previous: byName(p.byTema, (t) => t.tema, (t) => t.klagepunkter, name), drill: drill('tema', name),
    })),
  }));
  tables.push(breakdown(s, {
    id: 'regler-ikke-overholdt', title: 'Regler vurderet som ikke overholdt', unit: `${UNIT_KLAGEPUNKTER} Et klagepunkt tæller med under hver regel, der ikke er overholdt.`, label: 'Regel', total: k,
    rows: names(s.rulesBreached, p.rulesBreached, (r) => r.ruleId).map((id) => {
      const title = s.rulesBreached.find((r) => r.ruleId === id)?.title ?? p.rulesBreached.find((r) => r.ruleId === id)?.title ?? id;
      return {
        label: title, n: byName(s.rulesBreached, (r) => r.ruleId, (r) => r.klagepunkter, id),
        previous: byName(p.rulesBreached, (r) => r.ruleId, (r) => r.klagepunkter, id), drill: drill('rule', id),
      };
    }),
  }));
  tables.push(breakdown(s, {
    id: 'udfald', title: 'Udfald', unit: UNIT_KLAGEPUNKTER, label: 'Udfald', total: k,
    rows: vocabRows(Outcome.entries, s.outcomes, p.outcomes, 'outcome', [{ key: 'ikke afgjort', label: 'Ikke afgjort' }]),
  }));
  tables.push(breakdown(s, {
    id: 'forvaltningen-enig', title: 'Forvaltningen enig i fejlen', unit: UNIT_KLAGEPUNKTER, label: 'Forvaltningen enig', total: k,
    rows: ([['ja', 'Ja'], ['nej', 'Nej'], ['ukendt', 'Ikke oplyst']] as const).map(([key, label]) => ({
      label, n: s.forvaltningAgreed[key], previous: p.forvaltningAgreed[key], drill: drill('agreed', key),
    })),
  }));
  tables.push(breakdown(s, {
    id: 'behandling', title: 'Behandling', unit: UNIT_KLAGEPUNKTER, label: 'Behandling', total: k,
    rows: vocabRows(Handling.entries, s.handling, p.handling, 'handling', [{ key: 'ikke angivet', label: 'Ikke angivet' }]),
  }));
  tables.push(breakdown(s, {
    id: 'uden-for-kompetence', title: 'Uden for kompetence', unit: `${UNIT_KLAGEPUNKTER} Grunden er kommunens egen (vedtægten).`, label: 'Grund', total: k,
    rows: names(s.competence, p.competence, (c) => c.reason).map((name) => ({
      label: name, n: byName(s.competence, (c) => c.reason, (c) => c.klagepunkter, name),
      previous: byName(p.competence, (c) => c.reason, (c) => c.klagepunkter, name), drill: drill('competence', name),
    })),
  }));
  const h = s.henstillinger;
  tables.push(breakdown(s, {
    id: 'henstillinger', title: 'Henstillinger', unit: 'Henstillinger i henvendelser modtaget i perioden; andelen er af de givne.', label: 'Henstillinger', total: h.total,
    rows: ([['fulgt', 'Fulgt'], ['ikkeFulgt', 'Ikke fulgt'], ['afventer', 'Afventer svar']] as const).map(([key, label]) => ({
      label, n: h[key], previous: p.henstillinger[key], drill: drill('henstillinger', key),
    })),
  }));
  const a = s.forvaltningAnswers;
  tables.push({
    id: 'forvaltningens-svar',
    title: 'Forvaltningernes svar på anmodninger',
    unit: 'Anmodninger sendt i perioden. Rettidigt: besvaret senest på den gældende frist, forlængelser medregnet. Arbejdsdage efter kalenderen standard og kommunens lukkedage.',
    columns: countColumns(s, 'Anmodninger'),
    rows: [
      { cells: ['Sendt', a.requests, null, null, p.forvaltningAnswers.requests], drill: drill('requests') },
      { cells: ['Besvaret', a.answered, share(a.answered, a.requests, s.minN), a.requests, p.forvaltningAnswers.answered], drill: drill('answered') },
      { cells: ['Besvaret rettidigt', a.onTime, share(a.onTime, a.answered, s.minN), a.answered, p.forvaltningAnswers.onTime], drill: drill('onTime') },
      { cells: ['Ikke besvaret', a.unanswered, share(a.unanswered, a.requests, s.minN), a.requests, p.forvaltningAnswers.unanswered], drill: drill('unanswered') },
    ],
  });
  tables.push({
    id: 'svartid',
    title: 'Svartid og egen sagsbehandlingstid (median, arbejdsdage)',
    unit: 'Forvaltningernes svar: fra anmodet til besvaret, over de besvarede. Egen sagsbehandling: fra modtaget til afsluttet for henvendelser afsluttet i perioden, uanset hvornår de kom ind.',
    columns: [
      { key: 'label', label: 'Median', kind: 'text' },
      { key: 'n', label: s.label, kind: 'days' },
      { key: 'count', label: 'Antal talt med', kind: 'count' },
      { key: 'previous', label: p.label, kind: 'days' },
    ],
    rows: [
      { cells: ['Forvaltningernes svartid', a.medianWorkingDays, a.answered, p.forvaltningAnswers.medianWorkingDays], drill: drill('answered') },
      { cells: ['Borgerrådgiverens sagsbehandlingstid', s.ownProcessing.medianWorkingDays, s.ownProcessing.closed, p.ownProcessing.medianWorkingDays], drill: drill('closed') },
    ],
  });
  const o = s.ownProcessing;
  tables.push({
    id: 'egen-sagsbehandling',
    title: 'Borgerrådgiverens egen sagsbehandling',
    unit: 'Henvendelser afsluttet i perioden, uanset hvornår de blev modtaget.',
    columns: countColumns(s, 'Henvendelser'),
    rows: [
      { cells: ['Afsluttet', o.closed, null, null, p.ownProcessing.closed], drill: drill('closed') },
      ...(o.withinTarget === null ? [] : [{
        cells: ['Afsluttet inden for målet', o.withinTarget, share(o.withinTarget, o.closed, s.minN), o.closed, p.ownProcessing.withinTarget] as ReportCell[],
        drill: drill('withinTarget'),
      }]),
    ],
  });
  tables.push({
    id: 'udvikling',
    title: 'Udvikling',
    unit: 'Henvendelser modtaget i hver periode og deres klagepunkter.',
    columns: [
      { key: 'label', label: 'Periode', kind: 'text' },
      { key: 'henvendelser', label: 'Henvendelser', kind: 'count' },
      { key: 'klagepunkter', label: 'Klagepunkter', kind: 'count' },
    ],
    rows: s.trend.map((t) => ({ cells: [t.label || periodLabel(t.period), t.henvendelser, t.klagepunkter], drill: null })),
  });
  const hm = s.patterns.heatmap;
  tables.push({
    id: 'forvaltning-og-regel',
    title: 'Forvaltning og regel (ikke overholdt)',
    unit: 'Klagepunkter i henvendelser modtaget i perioden, hvor reglen er vurderet som ikke overholdt.',
    columns: [{ key: 'forvaltning', label: 'Forvaltning', kind: 'text' }, ...hm.rules.map((r) => ({ key: r.ruleId, label: r.title, kind: 'count' as const }))],
    rows: hm.forvaltninger.map((f, i) => ({ cells: [f, ...(hm.cells[i] ?? [])], drill: drill('forvaltning', f) })),
  });
  tables.push({
    id: 'gentagne-moenstre',
    title: `Gentagne mønstre (mindst ${s.patternMin} klagepunkter)`,
    unit: 'Afdeling og regel, der går igen i perioden: emner til en egen drift-undersøgelse.',
    columns: [
      { key: 'forvaltning', label: 'Forvaltning', kind: 'text' },
      { key: 'afdeling', label: 'Afdeling', kind: 'text' },
      { key: 'regel', label: 'Regel', kind: 'text' },
      { key: 'n', label: 'Klagepunkter', kind: 'count' },
    ],
    rows: s.patterns.recurring.map((r) => ({ cells: [r.forvaltning, r.afdeling, r.title, r.klagepunkter], drill: drill('pattern', r.forvaltning, r.afdeling, r.ruleId) })),
  });
  return tables;
}
