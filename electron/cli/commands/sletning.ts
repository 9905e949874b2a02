/**
 * `ombud sletning --plan` / `ombud sletning --udfør --token <T>`: sletning efter opbevaringsperiode
 * through the same service as the Databeskyttelse screen. --plan prints what would be deleted or
 * anonymised and the plan's token; --udfør carries out exactly that plan (refused if anything has
 * changed since), in one transaction, recorded in the audit log.
 */
import { formatDanishDate } from '../../../shared/domain/dates';
import { retentionPlan, runRetention } from '../../services/retention';
import { flag, parseArgs, stringOption, UsageError } from '../args';
import { EXIT_OK, type Command } from '../command';
import { withApp } from '../open';

export const sletningCommand: Command = {
  name: 'sletning',
  summary: 'Vis eller udfør sletning af personoplysninger efter opbevaringsperioden',
  usage: 'ombud sletning --plan | --udfør --token <token> [--db <fil>]',
  details: [
    '--plan viser, hvilke afsluttede henvendelser der har passeret opbevaringsperioden, og hvad der sker med hver: navne erstattes af "[anonymiseret]", CPR-nummer og kontaktoplysninger slettes, fritekster anonymiseres, akternes filer og udtalelsernes PDF-filer slettes. Planen slutter med en token.',
    '--udfør --token udfører netop den plan; er noget ændret siden, afvises kørslen, og intet slettes.',
  ],
  options: [
    { name: 'plan', kind: 'boolean', description: 'vis planen og dens token' },
    { name: 'udfør', kind: 'boolean', description: 'udfør planen med --token' },
    { name: 'token', kind: 'string', valueName: 'token', description: 'planens token (fra --plan)' },
  ],
  async run(argv, db, io) {
    const args = parseArgs(argv, sletningCommand.options);
    if (args.positionals.length > 0) throw new UsageError(`Uventet argument: ${args.positionals.join(' ')}`);
    const plan = flag(args, 'plan');
    const run = flag(args, 'udfør');
    if (plan === run) throw new UsageError('Angiv enten --plan eller --udfør --token <token>.');
    const token = stringOption(args, 'token');
    if (run && token === undefined) throw new UsageError('--udfør kræver planens token: --token <token> (vist af ombud sletning --plan).');
    await withApp(db, (app) => {
      if (plan) {
        const p = retentionPlan(app.ctx);
        io.out(`Opbevaringsperiode: ${p.years} år efter afslutning. Henvendelser afsluttet før ${formatDanishDate(p.cutoff)}: ${p.cases.length}.`);
        for (const c of p.cases) {
          io.out(`${c.sagsnr}  afsluttet ${formatDanishDate(c.closedOn)}`);
          for (const i of c.items) io.out(`  ${i.category}: ${i.action} (${i.count})`);
        }
        io.out(`Token: ${p.token}`);
        return;
      }
      const r = runRetention(app.ctx, token as string);
      io.out(`${r.cases} henvendelse${r.cases === 1 ? '' : 'r'} er anonymiseret: ${r.sagsnumre.join(', ')}.`);
      io.out(`Fritekster: ${r.textsAnonymised}. Filer slettet: ${r.filesDeleted}. Udtalelsesversioner: ${r.findingVersions}. Historikposter anonymiseret: ${r.auditEntriesAnonymised}.`);
    });
    return EXIT_OK;
  },
};
