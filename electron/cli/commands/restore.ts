/** `ombud restore <fil> [--ja]`: put a verified backup in place of the database, the current state backed up first. */
import path from 'node:path';
import { formatDanishDateTime, systemClock } from '../../../shared/domain/dates';
import { backupFolder, restoreBackup, verifyForRestore } from '../../services/backups';
import { flag, parseArgs, stringOption, UsageError } from '../args';
import { EXIT_DATA, EXIT_OK, EXIT_USAGE, type Command } from '../command';
import { reopenApp, tryOpenApp } from '../open';
import { cliBackupSetup } from './backup';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Gendan databasen fra en sikkerhedskopi (den nuværende tilstand sikkerhedskopieres først)',
  usage: 'ombud restore <fil> [--ja] [--dir <mappe>] [--db <fil>]',
  details: [
    '<fil> er en sikkerhedskopi: et filnavn i mappen med sikkerhedskopier (fx ombud-2025-06-15-100000.sqlite) eller en sti.',
    'Kopien kontrolleres først (nøgle, hele filen, rækkeantal og revisionsspor). Uden --ja vises kun, hvad der vil ske.',
    'Med --ja tages en sikkerhedskopi af den nuværende database, og derefter lægges kopien på plads. Kan den nuværende database ikke åbnes (beskadiget eller tom), springes den kopi over, og filen gemmes ved siden af.',
    'Gendannelsen noteres i den gendannede databases log med, hvem der gendannede fra hvilken kopi.',
  ],
  options: [
    { name: 'ja', kind: 'boolean', description: 'gendan (uden: vis kun, hvad der vil ske)' },
    { name: 'dir', kind: 'string', valueName: 'mappe', description: 'mappen med sikkerhedskopier (standard: den valgte)' },
  ],
  async run(argv, db, io) {
    const args = parseArgs(argv, restoreCommand.options);
    if (args.positionals.length !== 1) throw new UsageError('Angiv præcis én sikkerhedskopi, der skal gendannes fra.');
    const chosen = args.positionals[0] as string;
    const setup = cliBackupSetup(stringOption(args, 'dir'), io.cwd);
    const folder = backupFolder(setup);
    // A bare file name is one from the backup folder; anything else is a path from here.
    const file = /^ombud-[\d-]+\.sqlite$/.test(chosen) ? chosen : path.resolve(io.cwd, chosen);
    const opened = tryOpenApp(db);
    try {
      const key = opened.key;
      const check = verifyForRestore(folder, file, key);
      if (check.problem !== null) {
        io.err(`Fejl: Sikkerhedskopien kan ikke bruges: ${check.problem} Intet er ændret.`);
        return EXIT_DATA;
      }
      const taken = check.entry ? ` (taget ${formatDanishDateTime(check.entry.created)})` : '';
      io.out(`Sikkerhedskopien ${chosen}${taken} er kontrolleret og kan gendannes.`);
      if (opened.app === null) {
        io.out(`Den nuværende database kan ikke åbnes (${opened.error instanceof Error ? opened.error.message : String(opened.error)}),`);
        io.out('så der kan ikke tages en sikkerhedskopi af den først. Filen gemmes ved siden af under et nyt navn.');
      }
      if (!flag(args, 'ja')) {
        io.out(`Kør kommandoen igen med --ja for at gendanne ${path.resolve(db)} fra den.`);
        return EXIT_USAGE;
      }
      const current = opened.app;
      const { app, outcome } = restoreBackup({
        databasePath: path.resolve(db),
        key,
        setup,
        file,
        clock: systemClock,
        actor: opened.actor,
        current,
        reopen: () => reopenApp(db, opened.actor, key),
      });
      opened.app = null;
      app.close();
      io.out(`Databasen er gendannet fra ${outcome.restoredFrom}.`);
      io.out(outcome.before !== null ? `Tilstanden før gendannelsen er gemt i ${outcome.before}.` : (outcome.skipped ?? ''));
      return EXIT_OK;
    } finally {
      opened.app?.close();
    }
  },
};
