/**
 * `ombud import <fil.csv|fil.xlsx|fil.json> [--dry-run] [--json]`: the import of docs/reference/import-format.md,
 * or of a JSON export (everything an export holds comes back, all or nothing).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatImportIssue, type ImportReport } from '../../../shared/domain/import-report';
import { runImport } from '../../services/import';
import { flag, parseArgs, UsageError } from '../args';
import { EXIT_DATA, EXIT_OK, type CliIo, type Command } from '../command';
import { withApp } from '../open';

function readInput(file: string, io: CliIo): Uint8Array {
  try {
    return readFileSync(path.resolve(io.cwd, file));
  } catch {
    throw new UsageError(`Filen ${file} findes ikke eller kan ikke læses.`);
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The human-readable report: every error line, every warning line (rows imported as written that
 * the adviser should check), then a summary (import.md § Behaviour).
 */
export function printReport(report: ImportReport, io: CliIo): void {
  for (const e of report.errors) io.err(formatImportIssue(e));
  for (const w of report.warnings) io.err(`advarsel: ${formatImportIssue(w)}`);
  if (!report.ok) {
    io.err(`Importen er afvist: ${plural(report.errors.length, 'fejl', 'fejl')}. Intet er importeret; ret filen, og prøv igen.`);
    return;
  }
  const what = `${plural(report.henvendelser, 'henvendelse', 'henvendelser')} med ${plural(report.klagepunkter, 'klagepunkt', 'klagepunkter')}`;
  io.out(report.dryRun ? `Prøvekørsel: filen er i orden. ${what} ville blive importeret. Intet er gemt.` : `Importeret: ${what}.`);
  const verb = report.dryRun ? 'Ville blive oprettet' : 'Oprettet';
  const { forvaltninger, afdelinger, themes } = report.created;
  if (forvaltninger.length) io.out(`${verb} forvaltninger: ${forvaltninger.join(', ')}`);
  if (afdelinger.length) io.out(`${verb} afdelinger: ${afdelinger.join(', ')}`);
  if (themes.length) io.out(`${verb} temaer: ${themes.join(', ')}`);
  if (report.warnings.length) {
    const rows = plural(report.warnings.length, 'advarsel', 'advarsler');
    io.out(`${rows}: rækkerne ${report.dryRun ? 'ville blive' : 'er'} importeret som angivet; tjek dem (se ovenfor).`);
  }
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Importér henvendelser fra en CSV- eller Excel-fil eller en JSON-eksport (alt eller intet)',
  usage: 'ombud import <fil.csv|fil.xlsx|fil.json> [--dry-run] [--json] [--db <fil>]',
  details: [
    'Filen skal følge importformatet: én række pr. klagepunkt, rækker med samme sagsnr er én henvendelse.',
    'Er der blot én fejl, importeres intet, og alle fejl vises som "linje N, kolonne X: …".',
    'En JSON-eksport (ombud export --format json) bringer alt tilbage: vurderinger, henstillinger, anmodninger med historik,',
    'frister og klagefrister; i en tom database også katalog og indstillinger. Fejl vises som "sag S, felt F: …".',
    'Advarsler (fx et klagepunkt uden for kompetence, der er markeret undersøgt) stopper ikke importen; de vises som "advarsel: linje N, …".',
  ],
  options: [
    { name: 'dry-run', kind: 'boolean', description: 'kontrollér filen og vis rapporten uden at gemme noget' },
    { name: 'json', kind: 'boolean', description: 'skriv rapporten som JSON på standard-output' },
  ],
  async run(argv, db, io) {
    const args = parseArgs(argv, importCommand.options);
    const [file, ...extra] = args.positionals;
    if (file === undefined) throw new UsageError('Angiv den fil, der skal importeres.');
    if (extra.length > 0) throw new UsageError(`Der kan kun importeres én fil ad gangen (fik også: ${extra.join(' ')}).`);
    const content = readInput(file, io);
    const report = await withApp(db, (app) => runImport(app.ctx, { fileName: path.basename(file), content, dryRun: flag(args, 'dry-run') }));
    if (flag(args, 'json')) io.out(JSON.stringify(report, null, 2));
    else printReport(report, io);
    return report.ok ? EXIT_OK : EXIT_DATA;
  },
};
