/** `ombud export --format csv|json --out <fil>`: every henvendelse, in the import format or as a JSON dump. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { countCases } from '../../../db/queries/cases';
import { countRecords } from '../../../db/queries/records';
import { buildExportText, type ExportFormat } from '../../services/export';
import { parseArgs, stringOption, UsageError } from '../args';
import { EXIT_OK, type Command } from '../command';
import { withApp } from '../open';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Eksportér alle henvendelser som CSV (importformatet) eller JSON',
  usage: 'ombud export --format csv|json --out <fil> [--db <fil>]',
  details: [
    'CSV-filen har samme format som importen (semikolon, UTF-8 med BOM, så dansk Excel åbner den direkte),',
    'så en eksport kan importeres i en tom database. JSON-filen indeholder alle oplysninger, også historikken,',
    'og giver importeret i en tom database (ombud import fil.json) præcis de samme data.',
    'Filen indeholder CPR-numre: opbevar den forsvarligt. Eksporten noteres i loggen.',
  ],
  options: [
    { name: 'format', kind: 'string', valueName: 'csv|json', description: 'filformat (standard: csv)' },
    { name: 'out', kind: 'string', valueName: 'fil', description: 'filen, eksporten skrives til (påkrævet)' },
  ],
  async run(argv, db, io) {
    const args = parseArgs(argv, exportCommand.options);
    if (args.positionals.length > 0) throw new UsageError(`Uventet argument: ${args.positionals.join(' ')}`);
    const format = stringOption(args, 'format') ?? 'csv';
    if (format !== 'csv' && format !== 'json') throw new UsageError(`--format skal være csv eller json, ikke "${format}".`);
    const out = stringOption(args, 'out');
    if (out === undefined) throw new UsageError('Angiv med --out, hvilken fil eksporten skal skrives til.');
    const target = path.resolve(io.cwd, out);
    const result = await withApp(db, (app) => {
      const file = buildExportText(app.ctx, format as ExportFormat);
      const count = countCases(app.ctx.db);
      return { file, count, records: countRecords(app.ctx.db) };
    });
    try {
      writeFileSync(target, result.file.text, 'utf8');
    } catch (e) {
      throw new UsageError(`Kan ikke skrive ${out}: ${e instanceof Error ? e.message : String(e)}`);
    }
    io.out(`Eksporteret ${result.count} ${result.count === 1 ? 'henvendelse' : 'henvendelser'} som ${format.toUpperCase()} til ${target}`);
    const { documents, notes } = result.records;
    // The CSV has no column for them: say what is left out, and where it can be had.
    if (format === 'csv' && documents + notes > 0) {
      io.out(`CSV-filen indeholder ikke de ${documents} akter og ${notes} journalnotater; brug --format json for at få dem med.`);
    }
    return EXIT_OK;
  },
};
