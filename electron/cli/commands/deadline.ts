/**
 * `ombud deadline`: the stand-alone frist-beregner (peers.md § 3.3 #9). Either an amount and unit
 * (`--add "7 arbejdsdage"`) or a rule from the catalogue (`--rule ofl-36-frist`), counted from
 * `--from` by the same engine as the app (shared/deadlines), with the municipality's closing days
 * from the database. Prints the due date and the explanation, sentence by sentence.
 */
import { closingDays } from '../../../db/queries/deadline-settings';
import { formatDanishDate, parseDateText } from '../../../shared/domain/dates';
import {
  CalendarProfileSchema,
  computeDeadline,
  formatDanishDateWithWeekday,
  parseDeadlineAmount,
  type CalendarProfile,
  type DeadlineExplanation,
  type DeadlineSpec,
} from '../../../shared/deadlines';
import { ruleRef, ruleSpec } from '../../services/deadline-common';
import { getRule } from '../../services/rules';
import { flag, parseArgs, stringOption, UsageError, type ParsedArgs } from '../args';
import { EXIT_DATA, EXIT_OK, type CliIo, type Command } from '../command';
import { withApp } from '../open';

/** Without --profile: the standard calendar (legal-rules.md § b.3–b.4; forældelseslovens § 27, stk. 2 treats 5/6, 24/12 and 31/12 like holidays). */
const DEFAULT_PROFILE: CalendarProfile = 'standard';

function profileOption(args: ParsedArgs): CalendarProfile | null {
  const raw = stringOption(args, 'profile');
  if (raw === undefined) return null;
  const parsed = CalendarProfileSchema.safeParse(raw.trim().toLowerCase());
  if (!parsed.success) throw new UsageError(`--profile skal være helligdage, standard eller udvidet, ikke "${raw}".`);
  return parsed.data;
}

function fromOption(args: ParsedArgs): string {
  const raw = stringOption(args, 'from');
  if (raw === undefined) throw new UsageError('Angiv startdatoen med --from ÅÅÅÅ-MM-DD (fx --from 2025-05-26).');
  const iso = parseDateText(raw);
  if (iso === null) throw new UsageError(`--from skal være en gyldig dato som ÅÅÅÅ-MM-DD, ikke "${raw}".`);
  return iso;
}

function print(e: DeadlineExplanation, json: boolean, io: CliIo): void {
  if (json) {
    io.out(JSON.stringify({ due: e.due, dueDanish: formatDanishDate(e.due), explanation: e }, null, 2));
    return;
  }
  io.out(`Frist: ${formatDanishDateWithWeekday(e.due)} (${e.due})`);
  io.out('');
  io.out('Beregning:');
  for (const line of e.lines) io.out(`  ${line}`);
}

export const deadlineCommand: Command = {
  name: 'deadline',
  summary: 'Beregn en frist med forklaring (arbejdsdage, dage, uger, måneder)',
  usage: 'ombud deadline --from <dato> --add "<antal> <enhed>" [--roll-forward] [--profile <kalender>] [--json]  |  ombud deadline --from <dato> --rule <id> [--profile <kalender>] [--json]',
  details: [
    'Startdagen tælles ikke med. Enheder: arbejdsdage (den N-te arbejdsdag efter startdagen), dage, uger (samme ugedag) og måneder (samme dato; findes den ikke, månedens sidste dag). Både ental og flertal virker: "1 arbejdsdag", "10 arbejdsdage", "1 uge", "4 uger", "1 måned", "3 måneder".',
    'Kalendere: "helligdage" (kun weekender og helligdage), "standard" (også grundlovsdag, 24. og 31. december) og "udvidet" (også fredag efter Kristi himmelfartsdag). Kommunens lukkedage fra databasen er aldrig arbejdsdage. Uden --profile bruges "standard".',
    '--roll-forward flytter en frist, der falder på en dag, som ikke er en arbejdsdag, til næste arbejdsdag. Med --rule bestemmer reglen selv, om fristen flyttes.',
    'Eksempel: ombud deadline --from 2025-05-26 --add "7 arbejdsdage" --profile standard',
  ],
  options: [
    { name: 'from', kind: 'string', valueName: 'dato', description: 'startdatoen (ÅÅÅÅ-MM-DD), fx modtagelsesdagen; tælles ikke med' },
    { name: 'add', kind: 'string', valueName: 'antal enhed', description: 'fristens længde, fx "7 arbejdsdage", "4 uger" eller "1 måned"' },
    { name: 'rule', kind: 'string', valueName: 'id', description: 'brug fristen fra en regel i regelkataloget, fx ofl-36-frist' },
    { name: 'roll-forward', kind: 'boolean', description: 'flyt fristen til næste arbejdsdag, hvis den falder på en fridag (kun med --add)' },
    { name: 'profile', kind: 'string', valueName: 'kalender', description: 'helligdage, standard eller udvidet' },
    { name: 'json', kind: 'boolean', description: 'skriv resultatet som JSON: { due, dueDanish, explanation }' },
  ],
  async run(argv, db, io) {
    const args = parseArgs(argv, deadlineCommand.options);
    if (args.positionals.length > 0) throw new UsageError(`Uventet argument: ${args.positionals.join(' ')}`);
    const start = fromOption(args);
    const profile = profileOption(args);
    const add = stringOption(args, 'add');
    const ruleId = stringOption(args, 'rule');
    const json = flag(args, 'json');
    if ((add === undefined) === (ruleId === undefined)) throw new UsageError('Angiv enten --add "<antal> <enhed>" eller --rule <id> (ikke begge).');

    if (add !== undefined) {
      const amount = parseDeadlineAmount(add);
      if (amount === null) {
        throw new UsageError(`--add skal være et antal og en enhed, fx "7 arbejdsdage", "4 uger" eller "1 måned" – ikke "${add}". Enheder: arbejdsdag(e), dag(e), uge(r), måned(er).`);
      }
      const spec: DeadlineSpec = { ...amount, rollForward: flag(args, 'roll-forward'), profile: profile ?? DEFAULT_PROFILE };
      const explanation = await withApp(db, (app) => computeDeadline({ start, spec, calendar: { closingDays: closingDays(app.ctx.db) } }));
      print(explanation, json, io);
      return EXIT_OK;
    }

    if (flag(args, 'roll-forward')) throw new UsageError('--roll-forward kan ikke bruges med --rule: reglen bestemmer selv, om fristen flyttes til næste arbejdsdag.');
    const id = ruleId as string;
    return withApp(db, (app) => {
      // An unknown id is an AppError (not_found): main prints it and exits 1.
      const { rule } = getRule(app.ctx, id);
      const spec = ruleSpec(rule, profile ?? DEFAULT_PROFILE);
      if (spec === null) {
        const words = rule.deadline === null || rule.deadline.text === '' ? 'ingen frist' : `fristen er "${rule.deadline.text}"`;
        io.err(`Fejl: Reglen »${rule.id}« har ingen frist, der kan beregnes (${words}).`);
        return EXIT_DATA;
      }
      print(computeDeadline({ start, spec, calendar: { closingDays: closingDays(app.ctx.db) }, rule: ruleRef(rule) }), json, io);
      return EXIT_OK;
    });
  },
};
