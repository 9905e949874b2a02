/**
 * `ombud export --format json` followed by an import into an empty database gives exactly the same
 * data: every table, row by row, on a database that uses every field (./full-fixture.ts).
 *
 * Compared as natural keys (a sagsnr, a name, a klagepunkt's place) instead of surrogate ids, which
 * differ between databases. Not compared, by design: `id` columns, `cases.version` (the optimistic
 * concurrency counter starts again at 1), the creation time of catalogue entries, rules and closing
 * days (the import's time), and the settings that belong to the installation rather than the data
 * (initialized, rule_catalog_version, deadline_counting_version, current_adviser_id). The case
 * history is compared entry by entry, with the one entry the import adds at its end.
 */
import { describe, expect, it } from 'vitest';
import type { WritableDB } from '../../../db/types';
import { getLetterhead } from '../../../db/queries/letterhead';
import { listPhrases } from '../../../db/queries/phrases';
import { getDeadlineSettings } from '../../../electron/services/deadlines';
import { exportJsonValue } from '../../../electron/services/export';
import { runImport } from '../../../electron/services/import';
import { formatImportIssue } from '../../../shared/domain/import-report';
import { DATA_TABLES, FIXTURE_NOW, fillEveryField, unusedColumns } from './full-fixture';
import { appsClosedAfterEach } from './helpers';

const app = appsClosedAfterEach();

/** How a row of a referenced table is named in another database. */
const NATURAL_KEY: Record<string, (alias: string) => string> = {
  cases: (a) => `(SELECT sagsnr FROM cases WHERE id = ${a})`,
  complaint_points: (a) => `(SELECT c.sagsnr || '#' || p.position FROM complaint_points p JOIN cases c ON c.id = p.case_id WHERE p.id = ${a})`,
  forvaltninger: (a) => `(SELECT name FROM forvaltninger WHERE id = ${a})`,
  afdelinger: (a) => `(SELECT f.name || '/' || d.name FROM afdelinger d JOIN forvaltninger f ON f.id = d.forvaltning_id WHERE d.id = ${a})`,
  themes: (a) => `(SELECT name FROM themes WHERE id = ${a})`,
  competence_reasons: (a) => `(SELECT name FROM competence_reasons WHERE id = ${a})`,
  advisers: (a) => `(SELECT name FROM advisers WHERE id = ${a})`,
  rules: (a) => a,
  finding_versions: (a) => `(SELECT c.sagsnr || '#v' || v.version FROM finding_versions v JOIN cases c ON c.id = v.case_id WHERE v.id = ${a})`,
  requests: (a) => `(SELECT c.sagsnr || '|' || r.sent_on || '|' || r.kind || '|' || f.name FROM requests r JOIN cases c ON c.id = r.case_id JOIN forvaltninger f ON f.id = r.forvaltning_id WHERE r.id = ${a})`,
};

/** Per table, the columns that are the installation's, not the data's (see the file comment). */
const NOT_COMPARED: Record<string, readonly string[]> = {
  forvaltninger: ['created_at'], afdelinger: ['created_at'], themes: ['created_at'], advisers: ['created_at'], competence_reasons: ['created_at'],
  rules: ['created_at', 'updated_at'], closing_days: ['created_at'], cases: ['version'], letterhead: ['updated_at'], phrases: ['created_at', 'updated_at'],
};

/** Every row of a table with its references by natural key, sorted so the order of ids does not matter. */
function tableRows(db: WritableDB, table: string): string[] {
  const fks = new Map((db.prepare('SELECT "from", "table" FROM pragma_foreign_key_list(?)').all(table) as Array<{ from: string; table: string }>).map((f) => [f.from, f.table]));
  const skip = new Set(['id', ...(NOT_COMPARED[table] ?? [])]);
  const cols = (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as Array<{ name: string }>).map((c) => c.name).filter((c) => !skip.has(c));
  const select = cols.map((c) => {
    const target = fks.get(c);
    if (target === undefined) return `t."${c}" AS "${c}"`;
    const key = NATURAL_KEY[target];
    if (key === undefined) throw new Error(`${table}.${c} peger på ${target}, som testen ikke kan navngive`);
    return `${key(`t."${c}"`)} AS "${c}"`;
  });
  let rows = db.prepare(`SELECT ${select.join(', ')} FROM ${table} t`).all() as Array<Record<string, unknown>>;
  if (table === 'settings') {
    rows = rows.filter((r) => r['key'] === 'municipality_name' || r['key'] === 'deadline_settings').map((r) => (r['key'] === 'deadline_settings' ? { ...r, value: JSON.parse(String(r['value'])) } : r));
  }
  return rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
}

/** Each case's history, oldest first, by sagsnr. */
function histories(db: WritableDB): Map<string, unknown[]> {
  const rows = db.prepare(
    `SELECT c.sagsnr, a.at, a.actor, a.entity, a.action, a.changes FROM audit_log a JOIN cases c ON c.id = a.case_id ORDER BY a.case_id, a.id`,
  ).all() as Array<{ sagsnr: string } & Record<string, unknown>>;
  const out = new Map<string, unknown[]>();
  for (const { sagsnr, ...entry } of rows) out.set(sagsnr, [...(out.get(sagsnr) ?? []), entry]);
  return out;
}

describe('JSON export → import into an empty database', () => {
  it('the fixture fills every column of every data table', () => {
    const a = app();
    fillEveryField(a);
    expect(unusedColumns(a.ctx.db)).toEqual([]);
  });

  it('gives exactly the same data, table by table and row by row', async () => {
    const source = app();
    fillEveryField(source);
    const json = `${JSON.stringify(exportJsonValue(source.ctx.db, FIXTURE_NOW), null, 2)}\n`;

    const target = app();
    const report = await runImport(target.ctx, { fileName: 'ombud-eksport.json', content: new TextEncoder().encode(json), dryRun: false });
    expect(report.errors.map(formatImportIssue)).toEqual([]);
    expect(report).toMatchObject({ ok: true, henvendelser: 4, klagepunkter: 3 });

    for (const table of DATA_TABLES) expect(tableRows(target.ctx.db, table), table).toEqual(tableRows(source.ctx.db, table));

    const before = histories(source.ctx.db);
    const after = histories(target.ctx.db);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [sagsnr, entries] of before) {
      const restored = after.get(sagsnr) ?? [];
      expect(restored.slice(0, -1), sagsnr).toEqual(entries);
      expect(restored.at(-1), sagsnr).toMatchObject({ action: 'Importeret', changes: JSON.stringify([{ field: 'Importfil', before: '', after: 'ombud-eksport.json' }]) });
    }

    // And the restored database exports the same file again (but for the history's new entries).
    const again = exportJsonValue(target.ctx.db, FIXTURE_NOW);
    const withoutHistory = (v: typeof again) => ({ ...v, cases: v.cases.map((c) => ({ ...c, history: [] })) });
    expect(withoutHistory(again)).toEqual(withoutHistory(JSON.parse(json) as typeof again));
  });

  it('restores a file written before the Frister look ahead existed with the default of 14 days', async () => {
    const source = app();
    fillEveryField(source);
    const value = exportJsonValue(source.ctx.db, FIXTURE_NOW);
    expect(value.settings.deadlines.lookaheadDays).toBe(21);
    const { lookaheadDays: _dropped, ...older } = value.settings.deadlines;
    const json = JSON.stringify({ ...value, settings: { deadlines: older } });

    const target = app();
    const report = await runImport(target.ctx, { fileName: 'ombud-eksport.json', content: new TextEncoder().encode(json), dryRun: false });
    expect(report.errors.map(formatImportIssue)).toEqual([]);
    expect(getDeadlineSettings(target.ctx)).toMatchObject({ lookaheadDays: 14, letterPresumptionWorkingDays: 5 });
  });
  it('restores a version-3 file, without letterhead, phrases or titles, keeping the database\'s own', async () => {
    const source = app();
    fillEveryField(source);
    const { letterhead: _l, phrases: _p, ...value } = exportJsonValue(source.ctx.db, FIXTURE_NOW);
    const older = { ...value, version: 3, advisers: value.advisers.map(({ title: _t, ...a }) => a) };

    const target = app();
    const seeded = listPhrases(target.ctx.db);
    const report = await runImport(target.ctx, { fileName: 'ombud-eksport.json', content: new TextEncoder().encode(JSON.stringify(older)), dryRun: false });
    expect(report.errors.map(formatImportIssue)).toEqual([]);
    expect(getLetterhead(target.ctx.db)).toMatchObject({ office: 'Borgerrådgiveren', addressLines: [], logo: null });
    expect(listPhrases(target.ctx.db).map((p) => p.title)).toEqual(seeded.map((p) => p.title));
    expect(target.ctx.db.prepare("SELECT title FROM advisers WHERE name = 'Anne Ærø'").pluck().get()).toBe('Borgerrådgiver');
  });

  it('refuses a file whose letterhead or phrases break the rules, naming the field', async () => {
    const source = app();
    fillEveryField(source);
    const value = exportJsonValue(source.ctx.db, FIXTURE_NOW);
    const bad = { ...value, letterhead: { ...value.letterhead, office: '' }, phrases: [{ scope: 'udfald', key: 'lidt_kritik', title: 'T', text: 'x' }] };
    const target = app();
    const report = await runImport(target.ctx, { fileName: 'ombud-eksport.json', content: new TextEncoder().encode(JSON.stringify(bad)), dryRun: false });
    expect(report.ok).toBe(false);
    expect(report.errors.map(formatImportIssue).join('\n')).toMatch(/letterhead\.office.*Skriv afsenderens navn/);
    expect(report.errors.map(formatImportIssue).join('\n')).toMatch(/phrases\.0\.key.*Udfaldet findes ikke/);
  });

  it('restores a file written before answers had a summary with an empty one', async () => {
    const source = app();
    fillEveryField(source);
    const value = exportJsonValue(source.ctx.db, FIXTURE_NOW);
    const older = { ...value, cases: value.cases.map((c) => ({ ...c, requests: c.requests.map(({ answerSummary: _dropped, ...r }) => r) })) };

    const target = app();
    const report = await runImport(target.ctx, { fileName: 'ombud-eksport.json', content: new TextEncoder().encode(JSON.stringify(older)), dryRun: false });
    expect(report.errors.map(formatImportIssue)).toEqual([]);
    expect(target.ctx.db.prepare('SELECT DISTINCT answer_summary FROM requests').pluck().all()).toEqual(['']);
  });
});
