/**
 * `ombud letter --case <sagsnr> --kind kvittering|anmodning|rykker [--request <n>] --out <fil.pdf>
 * [--date ÅÅÅÅ-MM-DD]`: one of the case's other letters as PDF – the kvittering to the citizen, the
 * anmodning om redegørelse or the rykker to the forvaltning – through the same service and PDF module
 * as the app's "Gem som PDF", so the same case, letter and date give the same bytes. Stores nothing:
 * filing a letter as an akt is the app's "Send og gem som akt".
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { caseIdBySagsnr } from '../../../db/queries/cases';
import { copenhagenDate, isValidIsoDate, type IsoDate } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/ipc/result';
import { CaseLetterKindSchema } from '../../../shared/letters/case-letter-source';
import { renderCaseLetterPdf } from '../../services/case-letters';
import { listRequestsForCase } from '../../services/requests';
import { parseArgs, stringOption, UsageError } from '../args';
import { EXIT_OK, type Command } from '../command';
import { withApp } from '../open';

const KIND_NAMES = { kvittering: 'Kvitteringen', anmodning: 'Anmodningen', rykker: 'Rykkeren' } as const;

export const letterCommand: Command = {
  name: 'letter',
  summary: 'Dan en kvittering, en anmodning om redegørelse eller en rykker i en henvendelse som PDF',
  usage: 'ombud letter --case <sagsnr> --kind kvittering|anmodning|rykker [--request <nr>] --out <fil.pdf> [--date ÅÅÅÅ-MM-DD] [--db <fil>]',
  details: [
    'Skriver brevet som tilgængelig PDF – det samme brev, som sagen viser under "Dan kvittering", "Anmodningsbrev"',
    'og "Rykkerbrev". --request er anmodningens nummer i sagen (1 er den først sendte); det kan udelades, når',
    'sagen kun har én anmodning. --date sætter brevets dato og PDF-filens datoer; samme sag, brev og dato giver',
    'samme fil. Brevet gemmes ikke som akt. Filen indeholder borgerens navn: opbevar den forsvarligt.',
  ],
  options: [
    { name: 'case', kind: 'string', valueName: 'sagsnr', description: 'henvendelsens sagsnummer (påkrævet)' },
    { name: 'kind', kind: 'string', valueName: 'slags', description: 'kvittering, anmodning eller rykker (påkrævet)' },
    { name: 'request', kind: 'string', valueName: 'nr', description: 'anmodningens nummer i sagen (anmodning og rykker)' },
    { name: 'out', kind: 'string', valueName: 'fil.pdf', description: 'filen, brevet skrives til (påkrævet)' },
    { name: 'date', kind: 'string', valueName: 'ÅÅÅÅ-MM-DD', description: 'brevets dato (standard: i dag)' },
  ],
  async run(argv, db, io) {
    const args = parseArgs(argv, letterCommand.options);
    if (args.positionals.length > 0) throw new UsageError(`Uventet argument: ${args.positionals.join(' ')}`);
    const sagsnr = stringOption(args, 'case');
    const kindText = stringOption(args, 'kind');
    const out = stringOption(args, 'out');
    if (sagsnr === undefined) throw new UsageError('Angiv sagsnummeret med --case (fx --case 2025-0007).');
    const kind = CaseLetterKindSchema.safeParse(kindText);
    if (!kind.success) throw new UsageError('Angiv brevet med --kind kvittering, --kind anmodning eller --kind rykker.');
    if (out === undefined) throw new UsageError('Angiv filen med --out (fx --out brev.pdf).');
    const requestText = stringOption(args, 'request');
    const requestNumber = requestText === undefined ? null : Number(requestText);
    if (requestNumber !== null && !(Number.isInteger(requestNumber) && requestNumber >= 1)) {
      throw new UsageError(`--request skal være anmodningens nummer i sagen (1, 2 …), ikke "${requestText}".`);
    }
    if (kind.data === 'kvittering' && requestNumber !== null) throw new UsageError('En kvittering til borgeren hører ikke til en anmodning: udelad --request.');
    const dateText = stringOption(args, 'date');
    if (dateText !== undefined && !isValidIsoDate(dateText)) throw new UsageError(`--date skal være en gyldig dato som ÅÅÅÅ-MM-DD, ikke "${dateText}".`);
    const target = path.resolve(io.cwd, out);
    await withApp(db, async (app) => {
      const caseId = caseIdBySagsnr(app.ctx.db, sagsnr);
      if (caseId === null) throw new AppError('not_found', `Der er ingen henvendelse med sagsnummer ${sagsnr}.`);
      let requestId: number | null = null;
      if (kind.data !== 'kvittering') {
        const requests = listRequestsForCase(app.ctx, caseId);
        if (requestNumber === null && requests.length !== 1) {
          throw new UsageError(requests.length === 0
            ? `Sag ${sagsnr} har ingen anmodninger til forvaltningen.`
            : `Sag ${sagsnr} har ${requests.length} anmodninger: angiv hvilken med --request (1–${requests.length}).`);
        }
        const request = requests[(requestNumber ?? 1) - 1];
        if (request === undefined) throw new AppError('not_found', `Sag ${sagsnr} har ingen anmodning nr. ${requestNumber ?? 1}.`);
        requestId = request.id;
      }
      const date = (dateText ?? copenhagenDate(app.ctx.clock.now())) as IsoDate;
      // The same service as the app's "Gem som PDF": the same case, letter and date give the same bytes.
      const { bytes } = await renderCaseLetterPdf(app.ctx, { caseId, kind: kind.data, requestId }, date);
      writeFileSync(target, bytes);
      io.out(`${KIND_NAMES[kind.data]} i sag ${sagsnr} er skrevet til ${target} (${bytes.length.toLocaleString('da-DK')} byte).`);
    });
    return EXIT_OK;
  },
};
