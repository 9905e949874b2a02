/**
 * `ombud audit verify|export`: the audit trail from the command line. `verify` recomputes the whole
 * hash chain (migration 0190) against the head recorded beside the database and exits 1 naming the
 * first broken row; `export` writes the log (filtered by period) as CSV or JSON, and is recorded.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { NO_AUDIT_FILTER } from '../../../shared/domain/audit';
import { isValidIsoDate, type IsoDate } from '../../../shared/domain/dates';
import { exportAudit, verifyAuditNow } from '../../services/audit';
import { flag, parseArgs, stringOption, UsageError, type ParsedArgs } from '../args';
import { EXIT_DATA, EXIT_OK, type Command } from '../command';
import { withApp } from '../open';

function dateOption(args: ParsedArgs, name: string): IsoDate | null {
  const v = stringOption(args, name);
  if (v === undefined) return null;
  if (!isValidIsoDate(v)) throw new UsageError(`--${name} skal være en dato som ÅÅÅÅ-MM-DD, ikke "${v}".`);
  return v;
}

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Kontrollér revisionssporet, eller eksportér det som CSV eller JSON',
  usage: 'ombud audit verify [--db <fil>]  |  ombud audit export --out <fil> [--from ÅÅÅÅ-MM-DD] [--to ÅÅÅÅ-MM-DD] [--json] [--db <fil>]',
  details: [
    'verify genberegner hele revisionssporets kæde af kontrolsummer og sammenligner med den seneste række, der er noteret ved siden af databasen (<database>.revisionsspor). Afslutter med 0, når sporet er helt, og med 1 og den første brudte række, når en række er ændret, fjernet eller indsat bagefter.',
    'export skriver revisionssporet (alle rækker, eller perioden --from til --to, begge dage med) som CSV (semikolon, UTF-8 med BOM) eller med --json som JSON. Eksporten noteres selv i revisionssporet.',
  ],
  options: [
    { name: 'out', kind: 'string', valueName: 'fil', description: 'export: filen, der skrives til (påkrævet)' },
    { name: 'from', kind: 'string', valueName: 'ÅÅÅÅ-MM-DD', description: 'export: første dag' },
    { name: 'to', kind: 'string', valueName: 'ÅÅÅÅ-MM-DD', description: 'export: sidste dag' },
    { name: 'json', kind: 'boolean', description: 'export: JSON i stedet for CSV' },
  ],
  async run(argv, db, io) {
    const args = parseArgs(argv, auditCommand.options);
    const [sub, ...rest] = args.positionals;
    if (rest.length > 0) throw new UsageError(`Uventet argument: ${rest.join(' ')}`);
    if (sub === 'verify') {
      const status = await withApp(db, (app) => verifyAuditNow(app.ctx));
      if (status.state === 'ok') {
        io.out(`Revisionssporet er helt: ${status.rows} ${status.rows === 1 ? 'række' : 'rækker'} kontrolleret.`);
        return EXIT_OK;
      }
      io.err(status.state === 'broken' ? `Revisionssporet er brudt (første brudte række: ${status.firstBrokenId}). ${status.reason}` : 'Revisionssporet kunne ikke kontrolleres.');
      return EXIT_DATA;
    }
    if (sub === 'export') {
      const out = stringOption(args, 'out');
      if (out === undefined) throw new UsageError('Angiv med --out, hvilken fil revisionssporet skal skrives til.');
      const from = dateOption(args, 'from');
      const to = dateOption(args, 'to');
      if (from !== null && to !== null && to < from) throw new UsageError('--to ligger før --from.');
      const format = flag(args, 'json') ? 'json' : 'csv';
      const target = path.resolve(io.cwd, out);
      const file = await withApp(db, (app) => exportAudit(app.ctx, { ...NO_AUDIT_FILTER, from, to }, format));
      try {
        writeFileSync(target, file.text, { encoding: 'utf8', mode: 0o600 });
      } catch (e) {
        throw new UsageError(`Kan ikke skrive ${out}: ${e instanceof Error ? e.message : String(e)}`);
      }
      io.out(`Revisionssporet er eksporteret som ${format.toUpperCase()} til ${target}`);
      return EXIT_OK;
    }
    throw new UsageError(sub === undefined ? 'Angiv verify eller export.' : `Ukendt underkommando "${sub}": brug verify eller export.`);
  },
};
