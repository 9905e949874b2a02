/**
 * `ombud finding --case <sagsnr> --out <fil.pdf> [--date ÅÅÅÅ-MM-DD]`: the finding (udtalelse) of a
 * henvendelse as PDF – the auto-draft from the case's data, the same document the case page's
 * Udtalelse section previews, through the same PDF module the app uses. `--date` sets the letter's
 * date and the PDF's dates, so the same case and date give the same bytes.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { caseIdBySagsnr } from '../../../db/queries/cases';
import { copenhagenDate, isValidIsoDate, type IsoDate } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/ipc/result';
import { renderFindingPdf } from '../../services/findings';
import { parseArgs, stringOption, UsageError } from '../args';
import { EXIT_OK, type Command } from '../command';
import { withApp } from '../open';

export const findingCommand: Command = {
  name: 'finding',
  summary: 'Dan en henvendelses udtalelse som PDF (udkastet ud fra sagens oplysninger)',
  usage: 'ombud finding --case <sagsnr> --out <fil.pdf> [--date ÅÅÅÅ-MM-DD] [--db <fil>]',
  details: [
    'Skriver udtalelsen som tilgængelig PDF (mærket struktur, PDF/A-2b-opbygning) – det udkast, som fanen',
    'Udtalelse i sagen viser. --date sætter brevets dato og PDF-filens datoer; samme sag og dato giver samme fil.',
    'Filen indeholder borgerens navn og adresse: opbevar den forsvarligt.',
  ],
  options: [
    { name: 'case', kind: 'string', valueName: 'sagsnr', description: 'henvendelsens sagsnummer (påkrævet)' },
    { name: 'out', kind: 'string', valueName: 'fil.pdf', description: 'filen, udtalelsen skrives til (påkrævet)' },
    { name: 'date', kind: 'string', valueName: 'ÅÅÅÅ-MM-DD', description: 'brevets dato (standard: i dag)' },
  ],
  async run(argv, db, io) {
    const args = parseArgs(argv, findingCommand.options);
    if (args.positionals.length > 0) throw new UsageError(`Uventet argument: ${args.positionals.join(' ')}`);
    const sagsnr = stringOption(args, 'case');
    const out = stringOption(args, 'out');
    if (sagsnr === undefined) throw new UsageError('Angiv sagsnummeret med --case (fx --case 2025-0007).');
    if (out === undefined) throw new UsageError('Angiv filen med --out (fx --out udtalelse.pdf).');
    const dateText = stringOption(args, 'date');
    if (dateText !== undefined && !isValidIsoDate(dateText)) throw new UsageError(`--date skal være en gyldig dato som ÅÅÅÅ-MM-DD, ikke "${dateText}".`);
    const target = path.resolve(io.cwd, out);
    await withApp(db, async (app) => {
      const caseId = caseIdBySagsnr(app.ctx.db, sagsnr);
      if (caseId === null) throw new AppError('not_found', `Der er ingen henvendelse med sagsnummer ${sagsnr}.`);
      const date = (dateText ?? copenhagenDate(app.ctx.clock.now())) as IsoDate;
      // The same service as the app's "Gem som PDF": the same case and date give the same bytes.
      const { bytes } = await renderFindingPdf(app.ctx, caseId, date);
      writeFileSync(target, bytes);
      io.out(`Udtalelsen i sag ${sagsnr} er skrevet til ${target} (${bytes.length.toLocaleString('da-DK')} byte).`);
    });
    return EXIT_OK;
  },
};
