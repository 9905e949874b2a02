/**
 * `ombud <kommando> [--db <fil>]`: the headless entry point (electron/cli/bin.mjs loads this).
 * Danish messages; results on stdout, errors on stderr; exit code 0 done, 1 data refused, 2 usage.
 */
import { DbOpenError } from '../../db/errors';
import { AppError } from '../../shared/ipc/result';
import { defaultDatabasePath } from '../services/paths';
import { UsageError } from './args';
import { EXIT_DATA, EXIT_OK, EXIT_USAGE, type CliIo, type Command } from './command';
import { COMMANDS } from './commands';
import { commandHelp, globalHelp } from './help';
import { runAs } from './open';

const defaultIo: CliIo = {
  out: (t) => process.stdout.write(`${t}\n`),
  err: (t) => process.stderr.write(`${t}\n`),
  cwd: process.cwd(),
};

type Global = { db: string | null; som: string | null; help: boolean; rest: string[] };

/** Take the options every command shares (--db, --som, --help) out of the argument list, wherever they are. */
function splitGlobal(argv: ReadonlyArray<string>): Global {
  const g: Global = { db: null, som: null, help: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      g.rest.push(...argv.slice(i));
      break;
    }
    if (a === '--help' || a === '-h') g.help = true;
    else if (a === '--db') {
      const v = argv[i + 1];
      if (v === undefined || v === '') throw new UsageError('--db skal have en værdi (fil).');
      g.db = v;
      i++;
    } else if (a.startsWith('--db=')) {
      const v = a.slice('--db='.length);
      if (v === '') throw new UsageError('--db skal have en værdi (fil).');
      g.db = v;
    } else if (a === '--som' || a.startsWith('--som=')) {
      const v = a === '--som' ? argv[++i] : a.slice('--som='.length);
      if (v === undefined || v.trim() === '') throw new UsageError('--som skal have en værdi (en rådgivers initialer eller navn).');
      g.som = v;
    } else g.rest.push(a);
  }
  return g;
}

export async function main(argv: ReadonlyArray<string>, io: CliIo = defaultIo): Promise<number> {
  let command: Command | undefined;
  try {
    const g = splitGlobal(argv);
    const [name, ...rest] = g.rest;
    if (name === undefined || name === 'help') {
      io.out(globalHelp(COMMANDS, defaultDatabasePath()));
      return g.help || name === 'help' ? EXIT_OK : EXIT_USAGE;
    }
    command = COMMANDS.find((c) => c.name === name);
    if (!command) {
      io.err(`Ukendt kommando: ${name}. Skriv "ombud --help" for at se kommandoerne.`);
      return EXIT_USAGE;
    }
    if (g.help) {
      io.out(commandHelp(command));
      return EXIT_OK;
    }
    const run = command.run;
    return await runAs(g.som, () => run(rest, g.db ?? defaultDatabasePath(), io));
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`Fejl: ${e.message}`);
      io.err(command ? `Skriv "ombud ${command.name} --help" for at se, hvordan kommandoen bruges.` : 'Skriv "ombud --help" for hjælp.');
      return EXIT_USAGE;
    }
    if (e instanceof AppError || e instanceof DbOpenError) {
      io.err(`Fejl: ${e.message}`);
      return EXIT_DATA;
    }
    io.err(`Uventet fejl: ${e instanceof Error ? e.message : String(e)}. Intet er ændret af den mislykkede handling.`);
    return EXIT_DATA;
  }
}
