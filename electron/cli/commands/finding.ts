/**
 * `ombud finding --case <sagsnr> --out <fil.pdf> [--anonymised] [--copy-to-forvaltning] [--date ÅÅÅÅ-MM-DD]`:
 * the finding (udtalelse) of a henvendelse as PDF – the newest issued version (its stored bytes,
 * unless anonymised), else the current draft with the adviser's edits (the auto-draft when nothing
 * is edited), through the same service as the app's "Gem som PDF", so the same finding and date give
 * the same bytes. `--date` dates a draft; an issued version's date is frozen.
 *
 * `ombud finding --case <sagsnr> --issue [--reason "…"]` issues the current draft, as the app's
 * "Udsend" does, under the CLI's actor (`--som`, the database's current adviser, or Kommandolinjen).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { caseIdBySagsnr } from '../../../db/queries/cases';
import { formatDanishDate, isValidIsoDate, type IsoDate } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/ipc/result';
import { today } from '../../services/deadline-common';
import { issueFinding, newestFindingVersionId, renderFindingPdf } from '../../services/findings';
import { flag, parseArgs, stringOption, UsageError } from '../args';
import { EXIT_OK, type Command } from '../command';
import { withApp } from '../open';

export const findingCommand: Command = {
  name: 'finding',
  summary: 'Dan en henvendelses udtalelse som PDF, eller udsend den',
  usage: 'ombud finding --case <sagsnr> (--out <fil.pdf> [--anonymised] [--copy-to-forvaltning] [--date ÅÅÅÅ-MM-DD] | --issue [--reason "…"]) [--db <fil>]',
  details: [
    'Skriver udtalelsen som tilgængelig PDF (mærket struktur, PDF/A-2b-opbygning): den senest udsendte version',
    '(præcis de gemte bytes), ellers det aktuelle udkast med rådgiverens rettelser. --date sætter brevets dato og',
    'PDF-filens datoer for et udkast; en udsendt versions dato ligger fast. Samme udtalelse og dato giver samme fil.',
    '--issue udsender det aktuelle udkast med dags dato: teksten og begge breve fryses og kan aldrig ændres.',
    'En ny version kræver en begrundelse (--reason).',
    'Filen indeholder borgerens navn og adresse (undtagen med --anonymised): opbevar den forsvarligt.',
  ],
  options: [
    { name: 'case', kind: 'string', valueName: 'sagsnr', description: 'henvendelsens sagsnummer (påkrævet)' },
    { name: 'out', kind: 'string', valueName: 'fil.pdf', description: 'filen, udtalelsen skrives til' },
    { name: 'anonymised', kind: 'boolean', description: 'den anonymiserede udgave til offentliggørelse' },
    { name: 'copy-to-forvaltning', kind: 'boolean', description: 'brevet til forvaltningen (kopi til borgeren) i stedet for brevet til borgeren' },
    { name: 'date', kind: 'string', valueName: 'ÅÅÅÅ-MM-DD', description: 'udkastets dato (standard: i dag)' },
    { name: 'issue', kind: 'boolean', description: 'udsend det aktuelle udkast' },
    { name: 'reason', kind: 'string', valueName: 'tekst', description: 'hvorfor en ny version afløser den forrige (kun med --issue)' },
  ],
  async run(argv, db, io) {
    const args = parseArgs(argv, findingCommand.options);
    if (args.positionals.length > 0) throw new UsageError(`Uventet argument: ${args.positionals.join(' ')}`);
    const sagsnr = stringOption(args, 'case');
    const out = stringOption(args, 'out');
    const issue = flag(args, 'issue');
    const reason = stringOption(args, 'reason');
    if (sagsnr === undefined) throw new UsageError('Angiv sagsnummeret med --case (fx --case 2025-0007).');
    if (issue) {
      for (const other of ['out', 'anonymised', 'copy-to-forvaltning', 'date'] as const) {
        if (args.options[other] !== undefined) throw new UsageError(`--${other} kan ikke bruges med --issue: en udtalelse udsendes med dags dato. Skriv PDF-filen bagefter med --out.`);
      }
    } else {
      if (out === undefined) throw new UsageError('Angiv filen med --out (fx --out udtalelse.pdf), eller udsend udkastet med --issue.');
      if (reason !== undefined) throw new UsageError('--reason bruges kun med --issue.');
    }
    const dateText = stringOption(args, 'date');
    if (dateText !== undefined && !isValidIsoDate(dateText)) throw new UsageError(`--date skal være en gyldig dato som ÅÅÅÅ-MM-DD, ikke "${dateText}".`);

    await withApp(db, async (app) => {
      const caseId = caseIdBySagsnr(app.ctx.db, sagsnr);
      if (caseId === null) throw new AppError('not_found', `Der er ingen henvendelse med sagsnummer ${sagsnr}.`);
      if (issue) {
        const state = await issueFinding(app.ctx, caseId, reason ?? null);
        const v = state.versions[0];
        if (v !== undefined) {
          io.out(`Udtalelsen i sag ${sagsnr} er udsendt som version ${v.version}, dateret ${formatDanishDate(v.letterDate)}.`);
          io.out(`SHA-256 til borgeren: ${v.sha256}`);
          io.out(`SHA-256 til forvaltningen: ${v.forvaltningSha256}`);
        }
        return;
      }
      const versionId = newestFindingVersionId(app.ctx, caseId);
      if (versionId !== null && dateText !== undefined) {
        io.out('Bemærk: --date bruges ikke, fordi udtalelsen er udsendt; den udsendte versions dato ligger fast.');
      }
      // The same service as the app's "Gem som PDF": the same finding and date give the same bytes.
      const { bytes } = await renderFindingPdf(
        app.ctx,
        caseId,
        versionId !== null ? { kind: 'version', versionId } : { kind: 'draft', date: (dateText ?? today(app.ctx)) as IsoDate },
        { variant: flag(args, 'copy-to-forvaltning') ? 'forvaltning' : 'borger', anonymised: flag(args, 'anonymised') },
      );
      const target = path.resolve(io.cwd, out as string);
      writeFileSync(target, bytes);
      const what = versionId === null ? 'Udtalelsen (udkast)' : 'Den udsendte udtalelse';
      io.out(`${what} i sag ${sagsnr} er skrevet til ${target} (${bytes.length.toLocaleString('da-DK')} byte).`);
    });
    return EXIT_OK;
  },
};
