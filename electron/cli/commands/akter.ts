/**
 * `ombud akter <sagsnr>`: the akter and journal notes of one henvendelse, oldest first, as the case
 * page lists them – to check what a case file holds without opening the app. `--json` gives the
 * metadata (never the files' bytes).
 */
import { caseIdBySagsnr } from '../../../db/queries/cases';
import { formatDanishDate } from '../../../shared/domain/dates';
import { formatFileSize } from '../../../shared/domain/records';
import { DocumentDirection, JournalKind } from '../../../shared/domain/vocab';
import { AppError } from '../../../shared/ipc/result';
import { listDocuments } from '../../services/documents';
import { listNotes } from '../../services/journal';
import { flag, parseArgs, UsageError } from '../args';
import { EXIT_OK, type Command } from '../command';
import { withApp } from '../open';

export const akterCommand: Command = {
  name: 'akter',
  summary: 'Vis en henvendelses akter og journalnotater',
  usage: 'ombud akter <sagsnr> [--json] [--db <fil>]',
  details: ['Viser akterne (dato, retning, titel, afsender/modtager, fil) og journalnotaterne (dato, art, forfatter, tekst) i datoorden. --json giver oplysningerne uden selve filerne.'],
  options: [{ name: 'json', kind: 'boolean', description: 'skriv resultatet som JSON' }],
  async run(argv, db, io) {
    const args = parseArgs(argv, akterCommand.options);
    const [sagsnr, ...rest] = args.positionals;
    if (sagsnr === undefined) throw new UsageError('Angiv sagsnummeret (fx ombud akter 2025-0007).');
    if (rest.length > 0) throw new UsageError(`Uventet argument: ${rest.join(' ')}`);
    await withApp(db, (app) => {
      const caseId = caseIdBySagsnr(app.ctx.db, sagsnr);
      // main prints it and exits 1, as for an unknown rule.
      if (caseId === null) throw new AppError('not_found', `Der er ingen henvendelse med sagsnummer ${sagsnr}.`);
      const documents = listDocuments(app.ctx, caseId);
      const notes = listNotes(app.ctx, caseId);
      if (flag(args, 'json')) {
        io.out(JSON.stringify({ sagsnr, documents, journal: notes }, null, 2));
        return;
      }
      const lines = [
        ...documents.map((d) => ({
          key: `${d.documentDate} 00:00 ${d.addedAt}`,
          text: `${formatDanishDate(d.documentDate)}  Akt (${DocumentDirection.label(d.direction).toLowerCase()})  ${d.title}${d.party ? ` – ${d.party}` : ''}  [${d.fileName}, ${formatFileSize(d.size)}]`,
        })),
        ...notes.map((n) => ({
          key: `${n.notedOn} ${n.notedAt ?? '00:00'} ${n.createdAt}`,
          text: `${formatDanishDate(n.notedOn)}  ${JournalKind.label(n.kind)} (${n.author})  ${n.text.replace(/\s+/g, ' ').slice(0, 100)}`,
        })),
      ].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      for (const l of lines) io.out(l.text);
      io.out(`${documents.length} ${documents.length === 1 ? 'akt' : 'akter'} og ${notes.length} ${notes.length === 1 ? 'notat' : 'notater'} i sag ${sagsnr}.`);
    });
    return EXIT_OK;
  },
};
