/**
 * A small, strict argument parser: `--name value`, `--name=value` and boolean `--flag`. Unknown
 * options are errors (a misspelt `--dry-rum` must not silently import for real).
 */
export type OptionSpec = Readonly<{ name: string; kind: 'string' | 'boolean'; description: string; valueName?: string }>;

export type ParsedArgs = Readonly<{ positionals: string[]; options: Record<string, string | boolean> }>;

/** A usage error: printed with the command's help, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseArgs(argv: ReadonlyArray<string>, specs: ReadonlyArray<OptionSpec>): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const positionals: string[] = [];
  const options: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const spec = byName.get(name);
    if (!spec) throw new UsageError(`Ukendt tilvalg: --${name}`);
    if (spec.kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} tager ingen værdi.`);
      options[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || value === '') throw new UsageError(`--${name} skal have en værdi (${spec.valueName ?? 'værdi'}).`);
    options[name] = value;
  }
  return { positionals, options };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.options[name] === true;
}

/** A whole number within bounds, or a Danish usage error naming the option. */
export function intOption(args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const raw = stringOption(args, name);
  if (raw === undefined) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new UsageError(`--${name} skal være et helt tal, ikke "${raw}".`);
  const n = Number(raw);
  if (n < min || n > max) throw new UsageError(`--${name} skal være mellem ${min} og ${max}.`);
  return n;
}
