/**
 * `ombud indsigt --cpr <nr> | --navn <navn> --out <fil> [--pdf] [--sag <sagsnr> …]`: indsigt (GDPR art. 15)
 * for one person through the same service as the Databeskyttelse screen. Without --sag every
 * henvendelse that matches goes into the file; the matches and why each matched are printed first,
 * so a namesake can be left out by naming the henvendelser to keep with --sag. Recorded in the
 * history of each henvendelse handed out.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/ipc/result';
import { insightJson, insightPdf, searchInsight } from '../../services/insight';
import { flag, parseArgs, stringOption, UsageError } from '../args';
import { EXIT_OK, type Command } from '../command';
import { withApp } from '../open';

export const indsigtCommand: Command = {
  name: 'indsigt',
  summary: 'Udlever indsigt (databeskyttelsesforordningens art. 15) til en borger som JSON eller PDF',
  usage: 'ombud indsigt (--cpr <nr> | --navn <navn>) --out <fil> [--pdf] [--sag <sagsnr>[,<sagsnr>…]] [--db <fil>]',
  details: [
    'Finder henvendelserne om personen på CPR-nummer og/eller navn (borgerens og repræsentantens) og skriver hvorfor hver henvendelse passer. Uden --sag kommer alle fundne henvendelser med; med --sag kun de nævnte (så en navnebror kan udelades). --pdf skriver brevet til borgeren i stedet for JSON-filen med alle data og akternes filer. Udleveringen skrives i hver henvendelses historik. Filen indeholder personoplysninger.',
  ],
  options: [
    { name: 'cpr', kind: 'string', valueName: 'nr', description: 'borgerens CPR-nummer (DDMMÅÅ-XXXX)' },
    { name: 'navn', kind: 'string', valueName: 'navn', description: 'borgerens eller repræsentantens navn' },
    { name: 'out', kind: 'string', valueName: 'fil', description: 'filen, indsigten skrives til (påkrævet)' },
    { name: 'pdf', kind: 'boolean', description: 'skriv brevet til borgeren som PDF i stedet for JSON' },
    { name: 'sag', kind: 'string', valueName: 'sagsnr', description: 'kun disse henvendelser (kommasepareret)' },
  ],
  async run(argv, db, io) {
    const args = parseArgs(argv, indsigtCommand.options);
    if (args.positionals.length > 0) throw new UsageError(`Uventet argument: ${args.positionals.join(' ')}`);
    const cpr = stringOption(args, 'cpr') ?? null;
    const name = stringOption(args, 'navn') ?? null;
    const out = stringOption(args, 'out');
    if (cpr === null && name === null) throw new UsageError('Angiv personen med --cpr eller --navn.');
    if (out === undefined) throw new UsageError('Angiv filen med --out (fx --out indsigt.json).');
    const only = stringOption(args, 'sag')?.split(',').map((s) => s.trim()).filter((s) => s !== '') ?? null;
    const target = path.resolve(io.cwd, out);
    await withApp(db, async (app) => {
      const query = { cpr, name };
      const matches = searchInsight(app.ctx, query);
      if (matches.length === 0) throw new AppError('not_found', 'Ingen henvendelser passer til søgningen. Intet er udleveret.');
      for (const m of matches) io.out(`${m.sagsnr}  ${m.reasons.join('; ')}`);
      const kept = only === null ? matches : matches.filter((m) => only.includes(m.sagsnr));
      const unknown = only === null ? [] : only.filter((s) => !matches.some((m) => m.sagsnr === s));
      if (unknown.length > 0) throw new UsageError(`Disse sagsnumre passer ikke til søgningen: ${unknown.join(', ')}.`);
      const input = { query, caseIds: kept.map((m) => m.caseId) };
      const file = flag(args, 'pdf') ? await insightPdf(app.ctx, input) : insightJson(app.ctx, input);
      const bytes = Buffer.from(file.contentBase64, 'base64');
      writeFileSync(target, bytes, { mode: 0o600 });
      io.out(`Indsigt i ${kept.length} henvendelse${kept.length === 1 ? '' : 'r'} er skrevet til ${target} (${bytes.length.toLocaleString('da-DK')} byte).`);
    });
    return EXIT_OK;
  },
};
