/**
 * `ombud deadline`: the stand-alone frist-beregner (peers.md § 3.3 #9). Either an amount and unit
 * (`--add "7 arbejdsdage"`) or a rule from the catalogue (`--rule ofl-36-frist`), counted from
 * `--from` by the same engine as the app (shared/deadlines), with the municipality's closing days
 * from the database. Prints the due date and the explanation, sentence by sentence. `--owner` says
 * whose deadline it is (legal-rules.md § b.5); without it, the rule's own, or the authority's.
 */
import { closingDays } from '../../../db/queries/deadline-settings';
import { formatDanishDate, parseDateText } from '../../../shared/domain/dates';
import {
  CalendarProfileSchema,
  computeDeadline,
  DeadlineOwnerVocab,
  formatDanishDateWithWeekday,
  parseDeadlineAmount,
  type CalendarProfile,
  type DeadlineExplanation,
  type DeadlineOwner,
  type DeadlineSpec,
} from '../../../shared/deadlines';
import { assumedOwnerLine, ruleDeadlineInput, ruleSpec } from '../../services/deadline-common';
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

/** `--owner borger|myndighed|mål` (also `maal`); null when not given. */
function ownerOption(args: ParsedArgs): DeadlineOwner | null {
  const raw = stringOption(args, 'owner');
  if (raw === undefined) return null;
  const token = raw.trim().toLowerCase();
  const owner = token === 'maal' ? 'maal' : DeadlineOwnerVocab.parse(token);
  if (owner === undefined) throw new UsageError(`--owner skal være borger, myndighed eller mål, ikke "${raw}".`);
  return owner;
}

function fromOption(args: ParsedArgs): string {
  const raw = stringOption(args, 'from');
  if (raw === undefined) throw new UsageError('Angiv startdatoen med --from ÅÅÅÅ-MM-DD (fx --from 2025-05-26).');
  const iso = parseDateText(raw);
  if (iso === null) throw new UsageError(`--from skal være en gyldig dato som ÅÅÅÅ-MM-DD, ikke "${raw}".`);
  return iso;
}

function print(e: DeadlineExplanation, opts: Readonly<{ json: boolean; letter: boolean; note: string | null }>, io: CliIo): void {
  const explanation = opts.note === null ? e : { ...e, lines: [opts.note, ...e.lines] };
  if (opts.json) {
    io.out(JSON.stringify({ due: e.due, dueDanish: formatDanishDate(e.due), explanation }, null, 2));
    return;
  }
  io.out(`Frist: ${formatDanishDateWithWeekday(e.due)} (${e.due})`);
  io.out('');
  io.out('Beregning:');
  for (const line of explanation.lines) io.out(`  ${line}`);
  if (opts.letter) {
    io.out('');
    io.out('Brevtekst:');
    for (const line of e.letterLines) io.out(`  ${line}`);
  }
}

export const deadlineCommand: Command = {
  name: 'deadline',
  summary: 'Beregn en frist med forklaring (arbejdsdage, dage, uger, måneder)',
  usage:
    'ombud deadline --from <dato> --add "<antal> <enhed>" [--roll-forward] [--profile <kalender>] [--owner <hvis>] [--brev] [--json]  |  ' +
    'ombud deadline --from <dato> --rule <id> [--profile <kalender>] [--owner <hvis>] [--brev] [--json]',
  details: [
    'Startdagen tælles ikke med. Enheder: arbejdsdage (den N-te arbejdsdag efter startdagen), dage, uger (samme ugedag) og måneder (samme dato; findes den ikke, månedens sidste dag). Både ental og flertal virker: "1 arbejdsdag", "10 arbejdsdage", "1 uge", "4 uger", "1 måned", "3 måneder".',
    'Kalendere: "helligdage" (kun weekender og helligdage), "standard" (også grundlovsdag, 24. og 31. december) og "udvidet" (også fredag efter Kristi himmelfartsdag). Kommunens lukkedage fra databasen er aldrig arbejdsdage. Uden --profile bruges "standard".',
    '--roll-forward flytter en frist, der falder på en dag, som ikke er en arbejdsdag, til næste arbejdsdag. Med --rule bestemmer reglen selv, om fristen flyttes.',
    'Hvis frist? (--owner): "borger" er en frist, borgeren skal overholde (fx en klagefrist); den tælles og flyttes kun over weekender og helligdage, aldrig over kalenderens ekstra fridage eller kommunens lukkedage. "myndighed" er en lovbestemt frist for myndigheden: kalenderen bestemmer arbejdsdagene, men kommunens lukkedage forlænger den ikke. "mål" (eller "maal") er en lokal målsætning, hvor både kalenderen og lukkedagene tæller. Uden --owner bruges reglens egen angivelse, og uden regel "myndighed".',
    'Eksempel: ombud deadline --from 2025-05-26 --add "7 arbejdsdage" --profile standard',
  ],
  options: [
    { name: 'from', kind: 'string', valueName: 'dato', description: 'startdatoen (ÅÅÅÅ-MM-DD), fx modtagelsesdagen; tælles ikke med' },
    { name: 'add', kind: 'string', valueName: 'antal enhed', description: 'fristens længde, fx "7 arbejdsdage", "4 uger" eller "1 måned"' },
    { name: 'rule', kind: 'string', valueName: 'id', description: 'brug fristen fra en regel i regelkataloget, fx ofl-36-frist' },
    { name: 'roll-forward', kind: 'boolean', description: 'flyt fristen til næste arbejdsdag, hvis den falder på en fridag (kun med --add)' },
    { name: 'profile', kind: 'string', valueName: 'kalender', description: 'helligdage, standard eller udvidet' },
    { name: 'owner', kind: 'string', valueName: 'hvis', description: 'hvis frist: borger, myndighed eller mål (standard: reglens egen, ellers myndighed)' },
    { name: 'brev', kind: 'boolean', description: 'skriv også fristen, som et brev kan formulere den' },
    { name: 'json', kind: 'boolean', description: 'skriv resultatet som JSON: { due, dueDanish, explanation }' },
  ],
  async run(argv, db, io) {
    const args = parseArgs(argv, deadlineCommand.options);
    if (args.positionals.length > 0) throw new UsageError(`Uventet argument: ${args.positionals.join(' ')}`);
    const start = fromOption(args);
    const profile = profileOption(args);
    const owner = ownerOption(args);
    const add = stringOption(args, 'add');
    const ruleId = stringOption(args, 'rule');
    const opts = { json: flag(args, 'json'), letter: flag(args, 'brev') };
    if ((add === undefined) === (ruleId === undefined)) throw new UsageError('Angiv enten --add "<antal> <enhed>" eller --rule <id> (ikke begge).');

    if (add !== undefined) {
      const amount = parseDeadlineAmount(add);
      if (amount === null) {
        throw new UsageError(`--add skal være et antal og en enhed, fx "7 arbejdsdage", "4 uger" eller "1 måned" – ikke "${add}". Enheder: arbejdsdag(e), dag(e), uge(r), måned(er).`);
      }
      const spec: DeadlineSpec = { ...amount, rollForward: flag(args, 'roll-forward'), profile: profile ?? DEFAULT_PROFILE };
      const explanation = await withApp(db, (app) => computeDeadline({ start, spec, calendar: { closingDays: closingDays(app.ctx.db) }, owner: owner ?? 'myndighed' }));
      print(explanation, { ...opts, note: owner === null ? assumedOwnerLine(explanation, false) : null }, io);
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
      const explanation = computeDeadline({ start, spec, calendar: { closingDays: closingDays(app.ctx.db) }, ...ruleDeadlineInput(rule, owner) });
      print(explanation, { ...opts, note: owner === null ? assumedOwnerLine(explanation, true) : null }, io);
      return EXIT_OK;
    });
  },
};
