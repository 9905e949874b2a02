/** Danish help texts: the overview (`ombud --help`) and one page per command (`ombud <kommando> --help`). */
import type { OptionSpec } from './args';
import type { Command } from './command';

export const GLOBAL_OPTIONS: ReadonlyArray<OptionSpec> = [
  { name: 'db', kind: 'string', valueName: 'fil', description: 'databasefilen (standard: den samme fil som skrivebordsprogrammet bruger)' },
  {
    name: 'som', kind: 'string', valueName: 'initialer|navn',
    description: 'hvem der udfører ændringen (en aktiv rådgiver); uden: databasens aktuelle rådgiver, ellers "Kommandolinjen"',
  },
  { name: 'help', kind: 'boolean', description: 'vis denne hjælp' },
];

function optionLines(options: ReadonlyArray<OptionSpec>): string[] {
  const labels = options.map((o) => (o.kind === 'string' ? `--${o.name} <${o.valueName ?? 'værdi'}>` : `--${o.name}`));
  const width = Math.max(...labels.map((l) => l.length));
  return options.map((o, i) => `  ${(labels[i] as string).padEnd(width)}  ${o.description}`);
}

export function globalHelp(commands: ReadonlyArray<Command>, defaultDb: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Ombud – kommandolinjeværktøj til borgerrådgiverens sagsdatabase',
    '',
    'Brug: ombud <kommando> [tilvalg] [--db <fil>]',
    '',
    'Kommandoer:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Fælles tilvalg:',
    ...optionLines(GLOBAL_OPTIONS),
    '',
    `Standarddatabase: ${defaultDb}`,
    '',
    'Skriv "ombud <kommando> --help" for at se tilvalgene til en kommando.',
    'Afslutningskoder: 0 = udført, 1 = data afvist (fx fejl i importfilen), 2 = forkert brug af kommandoen.',
    '',
  ].join('\n');
}

export function commandHelp(c: Command): string {
  return [
    `${c.summary}`,
    '',
    `Brug: ${c.usage}`,
    '',
    ...c.details.flatMap((d) => [d, '']),
    'Tilvalg:',
    ...optionLines([...c.options, ...GLOBAL_OPTIONS]),
    '',
  ].join('\n');
}
