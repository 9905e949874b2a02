/** `ombud demo --cases N --seed S [--csv <fil>]`: invented but realistic henvendelser for trying Ombud out. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { copenhagenDate, systemClock } from '../../../shared/domain/dates';
import { generateDemoRows } from '../../../shared/demo/generate';
import { writeCsv } from '../../../shared/import/csv';
import { createDemoData } from '../../services/demo';
import { intOption, parseArgs, stringOption, UsageError } from '../args';
import { EXIT_DATA, EXIT_OK, type Command } from '../command';
import { withApp } from '../open';
import { printReport } from './import';

const MAX_DB_CASES = 200_000;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Opret demodata (opdigtede henvendelser) i databasen eller som importfil',
  usage: 'ombud demo [--cases N] [--seed S] [--csv <fil>] [--db <fil>]',
  details: [
    'Alle navne, adresser og CPR-numre er opdigtede. Samme --seed giver de samme data.',
    'Uden --csv importeres data i databasen (sagsnumrene fortsætter efter de eksisterende) med',
    'anmodninger til forvaltningen, rykkere, klagefrister, lovbestemte frister og henstillinger,',
    'så Frister, sagssiden og Henstillinger har indhold; datoerne passer til dags dato.',
    'Med --csv skrives i stedet en importfil (uden det, CSV-formatet ikke rummer), og databasen røres ikke.',
  ],
  options: [
    { name: 'cases', kind: 'string', valueName: 'N', description: 'antal henvendelser (standard: 200; højst 200000 i databasen, 1000000 med --csv)' },
    { name: 'seed', kind: 'string', valueName: 'S', description: 'startværdi for tilfældighedsgeneratoren (standard: 1)' },
    { name: 'csv', kind: 'string', valueName: 'fil', description: 'skriv en CSV-importfil i stedet for at gemme i databasen' },
  ],
  async run(argv, db, io) {
    const args = parseArgs(argv, demoCommand.options);
    if (args.positionals.length > 0) throw new UsageError(`Uventet argument: ${args.positionals.join(' ')}`);
    const csvFile = stringOption(args, 'csv');
    // Into the database the demo travels as one JSON text of about 1.4 kB per henvendelse, which
    // must stay well below the longest string Node can hold (about 500 million characters).
    const cases = intOption(args, 'cases', 200, 1, csvFile === undefined ? MAX_DB_CASES : 1_000_000);
    const seed = intOption(args, 'seed', 1, 0, 2 ** 32 - 1);
    const today = copenhagenDate(systemClock.now());

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

    const report = await withApp(db, (app) => createDemoData(app.ctx, { seed, cases }));
    printReport(report, io);
    return report.ok ? EXIT_OK : EXIT_DATA;
  },
};
