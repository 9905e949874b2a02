/**
 * The letter that answers a request for indsigt (GDPR art. 15(1) a–h): which henvendelser Ombud
 * holds, which kinds of data, why, who receives them, how long they are kept, the right to have
 * them corrected or erased, and the right to complain to Datatilsynet. Pure: the service gathers
 * the facts, electron/pdf renders the letter.
 */
import { formatDanishDate } from '../domain/dates';
import { formatDanishLetterDate } from '../deadlines/text';
import type { Block, LetterDocument } from '../letters/document';
import { senderLines, type LetterheadSettings } from '../letters/letterhead-settings';

export type InsightLetterCase = Readonly<{ sagsnr: string; receivedOn: string; closedOn: string | null; summary: string }>;

export type InsightLetterSource = Readonly<{
  letterhead: LetterheadSettings;
  date: string;
  recipient: ReadonlyArray<string>;
  signer: Readonly<{ name: string; title: string }>;
  cases: ReadonlyArray<InsightLetterCase>;
  /** The kinds of data held, in Danish ("Dit navn og din adresse", "Akter (breve og mails)" …). */
  categories: ReadonlyArray<string>;
  /** The forvaltninger the henvendelser concern: who received data from the adviser. */
  forvaltninger: ReadonlyArray<string>;
  retentionYears: number;
}>;

const TITLE = 'Indsigt i dine oplysninger';
const p = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }] });
const h = (text: string): Block => ({ kind: 'heading', level: 2, text });

export function draftInsightLetter(src: InsightLetterSource): LetterDocument {
  const office = src.letterhead.office.trim() === '' ? 'Borgerrådgiveren' : src.letterhead.office.trim();
  const municipality = src.letterhead.municipality.trim();
  const who = municipality === '' ? office : `${office} i ${municipality}`;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: TITLE },
    p(`Du har bedt om at få at vide, hvilke oplysninger ${who} har om dig. Her er svaret efter databeskyttelsesforordningens artikel 15. Oplysningerne selv får du i den vedlagte fil.`),
    h('Dine henvendelser'),
  ];
  if (src.cases.length === 0) {
    blocks.push(p('Vi har ingen henvendelser registreret om dig.'));
  } else {
    blocks.push({
      kind: 'table',
      caption: `Henvendelser (${src.cases.length})`,
      note: '',
      columns: [
        { label: 'Sagsnr.', kind: 'text' },
        { label: 'Modtaget', kind: 'text' },
        { label: 'Afsluttet', kind: 'text' },
        { label: 'Emne', kind: 'text' },
      ],
      rows: src.cases.map((c) => [c.sagsnr, formatDanishDate(c.receivedOn), c.closedOn === null ? 'Ikke afsluttet' : formatDanishDate(c.closedOn), c.summary.trim() === '' ? '–' : c.summary.trim()]),
    });
  }
  blocks.push(
    h('Hvilke oplysninger vi har'),
    src.categories.length === 0
      ? p('Vi har ingen oplysninger om dig ud over dem, der står ovenfor.')
      : { kind: 'list', ordered: false, items: src.categories.map((c) => [{ text: c }]) },
    h('Hvorfor vi har dem'),
    p(`Vi bruger oplysningerne til at behandle dine henvendelser til ${office}: at forstå din sag, at spørge forvaltningen og svare dig, og til at dokumentere, hvad der er sket i sagen (notatpligt efter offentlighedsloven). Tal uden navne bruges i vores årsberetning.`),
    h('Hvem der har fået oplysninger'),
    p(
      src.forvaltninger.length === 0
        ? 'Vi har ikke givet oplysninger om dig videre til nogen forvaltning.'
        : `Vi har delt oplysninger fra dine henvendelser med de forvaltninger, sagerne handler om: ${src.forvaltninger.join(', ')}. Vi giver ikke oplysninger til andre uden for kommunen, medmindre loven kræver det.`,
    ),
    h('Hvor længe vi gemmer dem'),
    p(`Når en henvendelse er afsluttet, gemmer vi oplysningerne i ${src.retentionYears} år. Derefter sletter vi dine personoplysninger: navn, CPR-nummer og kontaktoplysninger fjernes, tekster anonymiseres og akternes filer slettes.`),
    h('Dine rettigheder'),
    p('Du kan bede os om at rette oplysninger, der er forkerte, og om at slette eller begrænse oplysninger, som vi ikke længere har brug for. Kontakt os, hvis du har spørgsmål til svaret.'),
    p('Du kan klage over vores behandling af dine personoplysninger til Datatilsynet, Carl Jacobsens Vej 35, 2500 Valby, dt@datatilsynet.dk, www.datatilsynet.dk.'),
    { kind: 'signature', greeting: 'Med venlig hilsen', name: src.signer.name, title: src.signer.title },
  );
  return {
    meta: {
      title: TITLE,
      subject: `Svar på anmodning om indsigt, ${formatDanishLetterDate(src.date)}`,
      keywords: [TITLE, 'Databeskyttelse', 'Artikel 15'],
      author: src.signer.name,
      language: 'da-DK',
      runningHeader: TITLE,
    },
    letterhead: {
      sender: senderLines(src.letterhead),
      recipient: [...src.recipient],
      copyTo: [],
      date: src.date,
      reference: src.cases.length === 1 ? `Sagsnr. ${src.cases[0]?.sagsnr ?? ''}` : 'Indsigt',
      logo: src.letterhead.logo,
    },
    blocks,
  };
}
