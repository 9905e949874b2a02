/** `ombud demo --cases N --seed S [--csv <fil>]`: invented but realistic henvendelser for trying Ombud out. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lastSagsnrSeq } from '../../../db/queries/cases';
import { copenhagenDate, systemClock } from '../../../shared/domain/dates';
import { generateDemoRows } from '../../../shared/demo/generate';
import { writeCsv } from '../../../shared/import/csv';
import { runImport } from '../../services/import';
import { intOption, parseArgs, stringOption, UsageError } from '../args';
import { EXIT_DATA, EXIT_OK, type Command } from '../command';
import { withApp } from '../open';
import { printReport } from './import';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Opret demodata (opdigtede henvendelser) i databasen eller som importfil',
  usage: 'ombud demo [--cases N] [--seed S] [--csv <fil>] [--db <fil>]',
  details: [
    'Alle navne, adresser og CPR-numre er opdigtede. Samme --seed giver de samme data.',
    'Uden --csv importeres data i databasen (sagsnumrene fortsætter efter de eksisterende);',
    'med --csv skrives de i stedet som en importfil, og databasen røres ikke.',
  ],
  options: [
    { name: 'cases', kind: 'string', valueName: 'N', description: 'antal henvendelser (standard: 200)' },
    { name: 'seed', kind: 'string', valueName: 'S', description: 'startværdi for tilfældighedsgeneratoren (standard: 1)' },
    { name: 'csv', kind: 'string', valueName: 'fil', description: 'skriv en CSV-importfil i stedet for at gemme i databasen' },
  ],
  async run(argv, db, io) {
    const args = parseArgs(argv, demoCommand.options);
    if (args.positionals.length > 0) throw new UsageError(`Uventet argument: ${args.positionals.join(' ')}`);
    const cases = intOption(args, 'cases', 200, 1, 1_000_000);
    const seed = intOption(args, 'seed', 1, 0, 2 ** 32 - 1);
    const today = copenhagenDate(systemClock.now());
    const csvFile = stringOption(args, 'csv');

    if (csvFile !== undefined) {
      const table = generateDemoRows({ seed, cases, today });
      const target = path.resolve(io.cwd, csvFile);
      try {
        writeFileSync(target, writeCsv([table.header, ...table.rows]), 'utf8');
      } catch (e) {
        throw new UsageError(`Kan ikke skrive ${csvFile}: ${e instanceof Error ? e.message : String(e)}`);
      }
      io.out(`Skrev ${table.henvendelser} henvendelser med ${table.klagepunkter} klagepunkter til ${target}`);
      return EXIT_OK;
    }

    const report = await withApp(db, (app) => {
      const table = generateDemoRows({ seed, cases, today, lastSeq: (year) => lastSagsnrSeq(app.ctx.db, year) });
      const content = new TextEncoder().encode(writeCsv([table.header, ...table.rows]));
      return runImport(app.ctx, { fileName: `demo-seed-${seed}.csv`, content, dryRun: false });
    });
    printReport(report, io);
    return report.ok ? EXIT_OK : EXIT_DATA;
  },
};
