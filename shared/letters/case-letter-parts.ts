/**
 * What the anmodning, the rykker and the kvittering share: the letterhead and metadata from the
 * letterhead settings, the dates as letters write them (the deadline module's letter form, so a
 * deadline reads "mandag den 30. juni 2025" in every letter), the klagepunkter as a numbered list,
 * and the signature. Pure.
 */
import { danishList, formatDanishLetterDate, formatDanishLetterDateWithWeekday } from '../deadlines/text';
import type { Block, Inline, LetterDocument } from './document';
import type { CaseLetterPhrases } from './case-letter-phrases';
import type { CaseLetterPoint, CaseLetterSource } from './case-letter-source';
import { senderLines } from './letterhead-settings';

/** "den 3. marts 2025": a day that has happened. */
export function onDay(date: string): string {
  return `den ${formatDanishLetterDate(date)}`;
}

/** "mandag den 30. juni 2025": a deadline. */
export function deadlineDay(date: string): string {
  return formatDanishLetterDateWithWeekday(date);
}

/** "den 3. marts 2025 og den 17. marts 2025": each date in full, listed. */
export function onDays(dates: ReadonlyArray<string>): string {
  return danishList(dates.map(onDay));
}

export function heading(level: 1 | 2, text: string, section: string): Block {
  return { kind: 'heading', level, text, section };
}

export function para(text: string, section: string): Block {
  return { kind: 'paragraph', runs: [{ text }], section };
}

/**
 * The klagepunkter, numbered by their position in the case. All of them (1, 2, 3 …) are an ordered
 * list; a selection (1 and 3) is a bulleted list whose items carry the case's own number, so the
 * forvaltning and the citizen can refer to "klagepunkt 3" as the case does.
 */
export function pointsList(points: ReadonlyArray<CaseLetterPoint>, ph: CaseLetterPhrases, section: string): Block {
  const sorted = [...points].sort((a, b) => a.position - b.position);
  const consecutive = sorted.every((p, i) => p.position === i + 1);
  const items: Inline[][] = sorted.map((p) => [{ text: consecutive ? p.description.trim() : ph.pointLine(p.position, p.description) }]);
  return { kind: 'list', ordered: consecutive, items, section };
}

export function signature(src: CaseLetterSource, ph: CaseLetterPhrases): Block {
  return { kind: 'signature', greeting: ph.greeting, name: src.adviser.name, title: src.adviser.title, section: 'underskrift' };
}

/** The citizen's name and address lines, as the address window prints them. */
export function citizenLines(src: CaseLetterSource): string[] {
  return [src.citizen.name, ...src.citizen.address.split(/\r?\n|,\s*/)].map((l) => l.trim()).filter((l) => l !== '');
}

/** The letter around its blocks: letterhead from the settings, reference and metadata from the case. */
export function caseLetter(
  src: CaseLetterSource,
  o: { title: string; recipient: string[]; keywords: string[]; blocks: Block[] },
): LetterDocument {
  const keywords = [o.title, src.sagsnr, ...o.keywords].filter((k, i, all) => k.trim() !== '' && all.indexOf(k) === i);
  return {
    meta: {
      title: `${o.title} i sag ${src.sagsnr}`,
      subject: src.summary.trim(),
      keywords,
      author: src.adviser.name,
      language: 'da-DK',
      runningHeader: `${o.title} · Sagsnr. ${src.sagsnr}`,
    },
    letterhead: {
      sender: senderLines(src.letterhead),
      recipient: o.recipient,
      copyTo: [],
      date: src.date,
      reference: `Sagsnr. ${src.sagsnr}`,
      logo: src.letterhead.logo,
    },
    blocks: o.blocks,
  };
}
