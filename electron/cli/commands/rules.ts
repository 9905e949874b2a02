/**
 * `ombud rules list|show`: the rule catalogue from the command line, e.g. to check which catalogue
 * version a database holds or to look up a rule's sources. Every rule that is not fully verified
 * carries "ikke fuldt verificeret", in the table and in the JSON (`mark`), as everywhere else.
 * `show` prints the formal citation a letter uses, the rule's role (a background rule cannot be
 * recorded as breached) and whose deadline it is.
 */
import { catalogEntryName } from '../../../db/queries/catalog';
import { storedCatalogVersion } from '../../../db/queries/rules';
import { formatSpec } from '../../../shared/deadlines/text';
import { DeadlineOwnerVocab } from '../../../shared/deadlines/owner';
import { RuleRole, Verification, breachRefusal, formalCitation, ruleHeading, verificationMark, type Rule, type RuleDeadline } from '../../../shared/domain/rule';
import { getRule, listRules } from '../../services/rules';
import { flag, parseArgs, UsageError } from '../args';
import { EXIT_OK, type CliIo, type Command } from '../command';
import { withApp } from '../open';

/** The deadline as the table shows it: "7 arbejdsdage", "1 måned", or the text when it cannot be computed. */
function deadlineShort(d: RuleDeadline | null): string {
  if (d === null) return '';
  if (d.amount !== null && d.unit !== null) return formatSpec({ amount: d.amount, unit: d.unit });
  return d.text;
}

/** Shortened to `width` characters with an ellipsis, so one long paragraph cannot break the table. */
function fit(text: string, width: number): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length <= width ? t : `${t.slice(0, width - 1)}…`;
}

const COLUMNS: ReadonlyArray<Readonly<{ header: string; width: number; cell: (r: Rule) => string }>> = [
  { header: 'id', width: 32, cell: (r) => r.id },
  { header: 'lov', width: 10, cell: (r) => r.lawShort },
  { header: 'paragraf', width: 26, cell: (r) => r.paragraph },
  { header: 'titel', width: 46, cell: (r) => r.title },
  { header: 'frist', width: 26, cell: (r) => deadlineShort(r.deadline) },
  { header: 'verificering', width: 22, cell: (r) => verificationMark(r.verification) ?? '' },
];

function printTable(rules: ReadonlyArray<Rule>, io: CliIo): void {
  const widths = COLUMNS.map((c) => Math.min(c.width, Math.max(c.header.length, ...rules.map((r) => fit(c.cell(r), c.width).length))));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ').trimEnd();
  io.out(line(COLUMNS.map((c) => c.header)));
  for (const r of rules) io.out(line(COLUMNS.map((c, i) => fit(c.cell(r), widths[i] as number))));
  const unverified = rules.filter((r) => verificationMark(r.verification) !== null).length;
  io.out('');
  io.out(`${rules.length} ${rules.length === 1 ? 'regel' : 'regler'}, heraf ${unverified} ikke fuldt verificeret.`);
}

function deadlineLong(d: RuleDeadline): string {
  const short = deadlineShort(d);
  const text = d.text.trim();
  // The text usually starts with the amount itself ("14 dage (myndighedens svarfrist)"): say it once.
  const head = text === '' || text === short ? short : text.startsWith(short) ? text : `${short} (${text})`;
  const from = d.from !== '' ? ` fra ${d.from}` : '';
  // Only a computable deadline has a last day that could fall on a weekend (legal-rules.md § b.3).
  const computable = d.amount !== null && d.unit !== null;
  const roll = !computable ? '' : d.rollForward ? '; falder sidste dag på en weekend eller helligdag, flyttes den til næste hverdag' : '; vises uforlænget';
  return `${head}${from}${roll}`;
}

function printRule(rule: Rule, citations: number, themes: string[], io: CliIo): void {
  const mark = verificationMark(rule.verification);
  io.out(`${rule.id}${mark ? ` (${mark})` : ''}`);
  // The one heading every screen and message uses (no "GFS – –" for a rule without a paragraph).
  io.out(ruleHeading(rule));
  io.out('');
  const refusal = breachRefusal(rule);
  const d = rule.deadline;
  const facts: Array<[string, string]> = [
    ['Lov', rule.lawFull],
    ['Paragraf', rule.paragraph],
    ['Kategori', rule.category],
    ['Henvisning', formalCitation(rule)],
    ['Rolle', refusal === null ? RuleRole.label(rule.role) : `${RuleRole.label('baggrund')} – kan ikke registreres som ikke overholdt`],
    ['Frist', d === null ? 'ingen' : deadlineLong(d)],
    ...(d === null ? [] : [['Hvis frist', DeadlineOwnerVocab.label(d.owner)] as [string, string]]),
    ...(d === null || d.owes === '' ? [] : [['Skal ske', d.owes] as [string, string]]),
    ['Verificering', `${Verification.label(rule.verification)}${mark ? ` – ${mark}` : ''}`],
    ['Oprindelse', rule.origin === 'own' ? 'egen regel' : rule.edited ? `leveret (katalogversion ${rule.catalogVersion ?? '?'}), tilpasset af rådgiveren` : `leveret (katalogversion ${rule.catalogVersion ?? '?'})`],
    ['Gælder til', rule.validTo ?? '–'],
    ['Citeret af', `${citations} ${citations === 1 ? 'klagepunkt' : 'klagepunkter'}`],
    ['Foreslås ved', themes.length === 0 ? '–' : themes.join(', ')],
  ];
  const width = Math.max(...facts.map(([k]) => k.length));
  for (const [k, v] of facts) io.out(`${`${k}:`.padEnd(width + 1)}  ${v}`);
  io.out('');
  io.out('Resumé:');
  io.out(rule.summary);
  if (rule.note !== '') {
    io.out('');
    io.out('Note om verificering:');
    io.out(rule.note);
  }
  io.out('');
  io.out('Kilder:');
  if (rule.sources.length === 0) io.out('  (ingen kilde fundet)');
  for (const s of rule.sources) io.out(`  ${s}`);
}

export const rulesCommand: Command = {
  name: 'rules',
  summary: 'Vis regelkataloget (forvaltningsret m.m.) eller én regel',
  usage: 'ombud rules list [--json] [--db <fil>]  |  ombud rules show <id> [--json] [--db <fil>]',
  details: [
    '"list" viser alle gældende regler: id, lov, paragraf, titel og frist. "show <id>" viser én regel med henvisningen til breve, rolle, hvis frist det er, resumé, kilder, note om verificering og antallet af klagepunkter, der henviser til den.',
    'Regler, der ikke er fuldt verificeret, er markeret "ikke fuldt verificeret" – kontrollér dem mod retsinformation.dk, før de bruges som gældende ret.',
  ],
  options: [{ name: 'json', kind: 'boolean', description: 'skriv resultatet som JSON' }],
  async run(argv, db, io) {
    const args = parseArgs(argv, rulesCommand.options);
    const [sub, ...rest] = args.positionals;
    const json = flag(args, 'json');
    if (sub === undefined) throw new UsageError('Angiv "list" eller "show <id>".');
    if (sub === 'list') {
      if (rest.length > 0) throw new UsageError(`Uventet argument: ${rest.join(' ')}`);
      await withApp(db, (app) => {
        const rules = listRules(app.ctx, { search: '', lawShort: null, category: null, includeRetired: false });
        if (json) {
          const version = storedCatalogVersion(app.ctx.db);
          io.out(JSON.stringify({ catalogVersion: version, rules: rules.map((r) => ({ ...r, mark: verificationMark(r.verification) })) }, null, 2));
        } else printTable(rules, io);
      });
      return EXIT_OK;
    }
    if (sub === 'show') {
      const [id, ...extra] = rest;
      if (id === undefined) throw new UsageError('Angiv id’et på den regel, der skal vises (fx ombud rules show fvl-19-partshoering).');
      if (extra.length > 0) throw new UsageError(`Uventet argument: ${extra.join(' ')}`);
      await withApp(db, (app) => {
        // An unknown id is an AppError (not_found): main prints it and exits 1.
        const { rule, citations, suggestedForThemeIds } = getRule(app.ctx, id);
        const themes = suggestedForThemeIds.map((t) => catalogEntryName(app.ctx.db, 'theme', t) ?? String(t));
        if (json) {
          io.out(JSON.stringify({ rule, mark: verificationMark(rule.verification), citationCount: citations.length, suggestedForThemes: themes }, null, 2));
        } else printRule(rule, citations.length, themes, io);
      });
      return EXIT_OK;
    }
    throw new UsageError(`Ukendt underkommando: ${sub}. Brug "list" eller "show <id>".`);
  },
};
