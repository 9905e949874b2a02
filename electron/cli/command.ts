/** What a CLI command is: its name, Danish help and the function that runs it. */
import type { OptionSpec } from './args';

export type CliIo = Readonly<{
  out: (text: string) => void;
  err: (text: string) => void;
  /** Working directory against which relative file names are resolved. */
  cwd: string;
}>;

/** Exit codes: 0 done, 1 the data was refused (import errors, unreadable file), 2 wrong use of the command. */
export const EXIT_OK = 0;
export const EXIT_DATA = 1;
export const EXIT_USAGE = 2;

export type Command = Readonly<{
  name: string;
  /** One line for the overview. */
  summary: string;
  usage: string;
  /** Extra paragraphs for `ombud <kommando> --help`. */
  details: ReadonlyArray<string>;
  options: ReadonlyArray<OptionSpec>;
  /** `db` is the resolved --db path. */
  run: (argv: ReadonlyArray<string>, db: string, io: CliIo) => Promise<number>;
}>;
