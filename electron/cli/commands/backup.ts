/** `ombud backup [--dir <mappe>]`: a verified backup of the database now, like "Tag sikkerhedskopi nu". */
import os from 'node:os';
import path from 'node:path';
import { backupFolder, createBackup, type BackupSetup } from '../../services/backups';
import { backupSettingsPath, defaultBackupDir } from '../../services/paths';
import { parseArgs, stringOption, UsageError } from '../args';
import { EXIT_OK, type Command } from '../command';
import { withApp } from '../open';

/** The folder the adviser chose (as in the app), or `--dir` for this one run. */
export function cliBackupSetup(dir: string | undefined, cwd: string): BackupSetup {
  if (dir !== undefined) return { settingsFile: null, defaultFolder: path.resolve(cwd, dir), tempRoot: os.tmpdir() };
  return { settingsFile: backupSettingsPath(), defaultFolder: defaultBackupDir(), tempRoot: os.tmpdir() };
}

function megabytes(bytes: number): string {
  return (bytes / 1_048_576).toLocaleString('da-DK', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Tag en kontrolleret sikkerhedskopi af databasen nu',
  usage: 'ombud backup [--dir <mappe>] [--db <fil>]',
  details: [
    'Sikkerhedskopien er krypteret med databasens nøgle og kontrolleres, før den tæller: den åbnes med nøglen, SQLite kontrollerer hele filen, og hver tabel skal have lige så mange rækker som databasen. Den skrives i mappen, der er valgt under Databeskyttelse (standard: Sikkerhedskopier i Ombuds mappe), eller i --dir.',
    'Ældre kopier ryddes op: de nyeste 7 dage, 4 uger og 12 måneder gemmes.',
  ],
  options: [{ name: 'dir', kind: 'string', valueName: 'mappe', description: 'mappen, kopien skrives i (kun denne gang)' }],
  async run(argv, db, io) {
    const args = parseArgs(argv, backupCommand.options);
    if (args.positionals.length > 0) throw new UsageError(`Uventet argument: ${args.positionals.join(' ')}`);
    const setup = cliBackupSetup(stringOption(args, 'dir'), io.cwd);
    const entry = await withApp(db, (app) => createBackup(app.ctx, setup, 'manual', app.ctx.actor()));
    io.out(`Sikkerhedskopi taget og kontrolleret: ${path.join(backupFolder(setup), entry.file)}`);
    io.out(`  ${megabytes(entry.size)} MB, SHA-256 ${entry.sha256}`);
    return EXIT_OK;
  },
};
