/**
 * `ombud report --from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD [--json] [--pdf <fil>] [--xlsx <fil>] [--csv <mappe>]
 * [--forvaltning <navn>] [--type <type>]`: the annual report for a period, exactly as the Statistik
 * screen shows it (the same `reportStats`), with the report settings' minN and patternMin and a trend of
 * ten periods.
 *
 * The period and filter options and the outputs are lists: an output is one entry in REPORT_OUTPUTS
 * with its option, and the command writes every output asked for from the one computed `ReportStats`
 * (the files through electron/services/report-export.ts, the same bytes as the app's export that day).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findForvaltningByName } from '../../../db/queries/catalog';
import { copenhagenDate, isValidIsoDate, parseDateText, type IsoDate } from '../../../shared/domain/dates';
import { CaseType } from '../../../shared/domain/vocab';
import { periodProblem, TREND_MAX_PERIODS } from '../../../shared/report/period';
import type { ReportFilters, ReportQuery, ReportStats } from '../../../shared/report/stats';
import type { OpenedApp } from '../../services/open-app';
import type * as ReportExport from '../../services/report-export';
import type { ReportFile } from '../../services/report-export';
import { reportSettings, reportStats } from '../../services/report-stats';
import { parseArgs, stringOption, UsageError, type OptionSpec, type ParsedArgs } from '../args';
import { EXIT_OK, type CliIo, type Command } from '../command';
import { withApp } from '../open';

/** One way of writing the report: its option and what it writes (the value is the option's, `true` for a flag). */
export type ReportOutput = Readonly<{
  option: OptionSpec;
  write: (stats: ReportStats, value: string | true, io: CliIo, app: OpenedApp, date: IsoDate) => void | Promise<void>;
}>;

export const REPORT_OUTPUTS: ReadonlyArray<ReportOutput> = [
  {
    option: { name: 'json', kind: 'boolean', description: 'skriv alle tal som ét JSON-objekt (se README: "Statistik og årsberetning")' },
    write: (stats, _value, io) => io.out(JSON.stringify(stats, null, 2)),
  },
  {
    option: { name: 'pdf', kind: 'string', valueName: 'fil.pdf', description: 'skriv hele årsberetningen som tilgængelig PDF (tekster og udvalgte udtalelser fra Årsberetning)' },
    write: async (stats, value, io, app, date) => writeFile(await (await files()).reportFile(app.ctx, stats, 'pdf', date), String(value), io),
  },
  {
    option: { name: 'xlsx', kind: 'string', valueName: 'fil.xlsx', description: 'skriv tabellerne som Excel-projektmappe (et ark pr. tabel)' },
    write: async (stats, value, io, app, date) => writeFile(await (await files()).reportFile(app.ctx, stats, 'xlsx', date), String(value), io),
  },
  {
    option: { name: 'csv', kind: 'string', valueName: 'mappe', description: 'skriv hver tabel som CSV-fil i mappen (UTF-8, semikolon)' },
    write: async (stats, value, io) => {
      const dir = path.resolve(io.cwd, String(value));
      mkdirSync(dir, { recursive: true });
      const { reportCsvFiles } = await import('../../report-export/csv');
      const files = reportCsvFiles(stats);
      // Each file's content already starts with its BOM (Danish Excel reads UTF-8 then).
      for (const f of files) writeFileSync(path.join(dir, f.fileName), f.content);
      io.out(`${files.length} CSV-filer er skrevet til ${dir}.`);
    },
  },
];

/**
 * The PDF, XLSX and ZIP writers (pdf-lib, fonts, exceljs, jszip) load when a file is asked for, not
 * at every start of `ombud` (bench: cli_start_ms).
 */
function files(): Promise<typeof ReportExport> {
  return import('../../services/report-export');
}

function writeFile(file: ReportFile, target: string, io: CliIo): void {
  const full = path.resolve(io.cwd, target);
  writeFileSync(full, file.bytes);
  io.out(`${file.fileName.replace(/\.[a-z]+$/u, '')} er skrevet til ${full} (${file.bytes.length.toLocaleString('da-DK')} byte).`);
}

const QUERY_OPTIONS: ReadonlyArray<OptionSpec> = [
  { name: 'from', kind: 'string', valueName: 'ÅÅÅÅ-MM-DD', description: 'periodens første dag (påkrævet)' },
  { name: 'to', kind: 'string', valueName: 'ÅÅÅÅ-MM-DD', description: 'periodens sidste dag, medregnet (påkrævet)' },
  { name: 'forvaltning', kind: 'string', valueName: 'navn', description: 'kun klagepunkter mod denne forvaltning (og de henvendelser, anmodninger og henstillinger, der har en)' },
  { name: 'type', kind: 'string', valueName: 'type', description: `kun henvendelser af denne type; flere adskilt af komma (${CaseType.allowed()})` },
  { name: 'date', kind: 'string', valueName: 'ÅÅÅÅ-MM-DD', description: 'filernes dato (forside og PDF/XLSX-datoer; standard: i dag) – samme data og dato giver samme filer' },
];

function dateOption(args: ParsedArgs, name: 'from' | 'to'): string {
  const raw = stringOption(args, name);
  if (raw === undefined) throw new UsageError(`Angiv perioden med --from ÅÅÅÅ-MM-DD og --to ÅÅÅÅ-MM-DD (fx --from 2025-01-01 --to 2025-12-31).`);
  const iso = parseDateText(raw);
  if (iso === null) throw new UsageError(`--${name} skal være en gyldig dato som ÅÅÅÅ-MM-DD, ikke "${raw}".`);
  return iso;
}

function typesOption(args: ParsedArgs): ReportFilters['types'] {
  const raw = stringOption(args, 'type');
  if (raw === undefined) return [];
  const out: ReportFilters['types'] = [];
  for (const token of raw.split(',')) {
    const code = CaseType.parse(token);
    if (code === undefined) throw new UsageError(`--type skal være ${CaseType.allowed()}, ikke "${token.trim()}".`);
    const name = CaseType.importName(code) as ReportFilters['types'][number];
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'Statistik til årsberetningen for en periode',
  usage: `ombud report --from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD ${REPORT_OUTPUTS.map((o) => `--${o.option.name}${o.option.kind === 'string' ? ` <${o.option.valueName ?? 'værdi'}>` : ''}`).join(' | ')} [--forvaltning <navn>] [--type <type>] [--db <fil>]`,
  details: [
    'Tallene er de samme som på skærmen Statistik: henvendelser modtaget i perioden (begge dage medregnet) med deres klagepunkter, henstillinger og regler; anmodninger sendt i perioden; henvendelser afsluttet i perioden.',
    'Sammenlignes med den foregående periode af samme længde og en udvikling over 10 perioder. Mindste antal for en andel og for et mønster er indstillingerne for årsberetningen.',
    'Eksempel: ombud report --from 2025-01-01 --to 2025-12-31 --json --forvaltning Social',
  ],
  options: [...QUERY_OPTIONS, ...REPORT_OUTPUTS.map((o) => o.option)],
  async run(argv, db, io) {
    const args = parseArgs(argv, reportCommand.options);
    if (args.positionals.length > 0) throw new UsageError(`Uventet argument: ${args.positionals.join(' ')}`);
    const outputs = REPORT_OUTPUTS.filter((o) => args.options[o.option.name] !== undefined);
    if (outputs.length === 0) throw new UsageError(`Angiv, hvad der skal skrives: ${REPORT_OUTPUTS.map((o) => `--${o.option.name}`).join(', ')}.`);
    const period = { from: dateOption(args, 'from'), to: dateOption(args, 'to') };
    const problem = periodProblem(period);
    if (problem !== null) throw new UsageError(problem);
    const types = typesOption(args);
    const dateText = stringOption(args, 'date');
    if (dateText !== undefined && !isValidIsoDate(dateText)) throw new UsageError(`--date skal være en gyldig dato som ÅÅÅÅ-MM-DD, ikke "${dateText}".`);
    const forvaltning = stringOption(args, 'forvaltning');
    return withApp(db, async (app) => {
      let forvaltningId: number | null = null;
      if (forvaltning !== undefined) {
        forvaltningId = findForvaltningByName(app.ctx.db, forvaltning);
        if (forvaltningId === null) throw new UsageError(`Forvaltningen "${forvaltning}" findes ikke.`);
      }
      const settings = reportSettings(app.ctx);
      const query: ReportQuery = { period, filters: { forvaltningId, types }, minN: settings.minN, patternMin: settings.patternMin, trendPeriods: TREND_MAX_PERIODS };
      const stats = reportStats(app.ctx, query);
      const date = (dateText ?? copenhagenDate(app.ctx.clock.now())) as IsoDate;
      for (const o of outputs) await o.write(stats, args.options[o.option.name] as string | true, io, app, date);
      return EXIT_OK;
    });
  },
};
