/**
 * Demo data (`ombud demo`): invented henvendelser with their follow-up, imported as a JSON export so
 * that the requests, klagefrister, statutory deadlines and henstillinger the CSV cannot carry arrive
 * through the one import path, checked by the same validation as a file from an adviser.
 *
 * The henvendelser are generateDemoRows' (the CSV rows the bench also uses), read through the CSV
 * import's validation into portable henvendelser; addDemoFollowUp (shared/demo/follow-up.ts) adds the
 * follow-up with due dates counted here by the app's own deadline services and the database's
 * settings. The file's catalogue and settings are the database's own (exportHead), so the import
 * changes nothing but the henvendelser it adds.
 */
import { listAdvisers } from '../../db/queries/catalog';
import { lastSagsnrSeq } from '../../db/queries/cases';
import { readDeadlineSettings } from '../../db/queries/deadline-settings';
import { getRule } from '../../db/queries/rules';
import { addDemoFollowUp, type DemoDeadlineCalc } from '../../shared/demo/follow-up';
import { generateDemoRows } from '../../shared/demo/generate';
import { addDemoRecords } from '../../shared/demo/records';
import { copenhagenDate } from '../../shared/domain/dates';
import type { DeadlineSettings } from '../../shared/domain/deadline-tracking';
import type { ImportReport } from '../../shared/domain/import-report';
import type { Rule } from '../../shared/domain/rule';
import { computeDeadline } from '../../shared/deadlines';
import type { PortableExport } from '../../shared/import/portable';
import { HEAD_RECORD } from '../../shared/import/read-json';
import { validateRows } from '../../shared/import/validate-rows';
import type { ServiceContext } from './context';
import { calendarOf } from './deadline-common';
import { exportHead } from './export';
import { runImport } from './import';
import { computeKlagefrist } from './klagefrist';
import { computePointDue } from './point-deadlines';

export type DemoInput = Readonly<{ seed: number; cases: number }>;

/** The due dates the demo stores, counted as the requests, klagefrist and point-deadline services count them. */
export function demoDeadlineCalc(settings: DeadlineSettings, rule: (id: string) => Rule | null): DemoDeadlineCalc {
  const calendar = calendarOf(settings);
  return {
    // A request's svarfrist is a local target (owner 'maal'), as the import counts a request without a due date.
    requestDue: (sentOn) => computeDeadline({ start: sentOn, spec: settings.requestDefault, calendar, owner: 'maal' }).due,
    klagefristDue: (notice) => computeKlagefrist(notice, notice.basis.kind === 'regel' ? rule(notice.basis.ruleId) : null, settings)?.due ?? null,
    pointDue: (ruleId, startOn) => {
      const r = rule(ruleId);
      return r === null ? null : (computePointDue(r, startOn, calendar)?.due ?? null);
    },
  };
}

/** The demo as a JSON export for this database: its catalogue and settings, and the new henvendelser. */
export function buildDemoExport(ctx: ServiceContext, input: DemoInput): PortableExport {
  const now = ctx.clock.now();
  const today = copenhagenDate(now);
  const table = generateDemoRows({ seed: input.seed, cases: input.cases, today, lastSeq: (year) => lastSagsnrSeq(ctx.db, year) });
  const read = validateRows(table.header, 1, table.rows.map((cells, i) => ({ line: i + 2, cells })), { today });
  // The generator's own tests keep its rows valid; a problem here is a bug, reported by the import below.
  const calc = demoDeadlineCalc(readDeadlineSettings(ctx.db), (id) => getRule(ctx.db, id));
  const advisers = listAdvisers(ctx.db).filter((a) => !a.retired).map((a) => a.name);
  const followed = addDemoFollowUp(read.cases.map((c) => c.value), { seed: input.seed, today, calc, advisers });
  const cases = addDemoRecords(followed, { seed: input.seed, today });
  return { ...exportHead(ctx.db, now.toISOString()), cases };
}

/** Create the demo henvendelser in the database (all or nothing, like any import); the import's report. */
export async function createDemoData(ctx: ServiceContext, input: DemoInput): Promise<ImportReport> {
  const doc = buildDemoExport(ctx, input);
  const content = new TextEncoder().encode(JSON.stringify(doc));
  const report = await runImport(ctx, { fileName: `demo-seed-${input.seed}.json`, content, dryRun: false });
  // Into a database with henvendelser the import notes that the file's catalogue and settings were
  // not applied; here they are the database's own, so the note would only puzzle.
  return { ...report, warnings: report.warnings.filter((w) => w.record !== HEAD_RECORD) };
}
