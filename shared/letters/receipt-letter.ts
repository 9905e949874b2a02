/**
 * The kvittering to the citizen, sent right after intake: the henvendelse received on its date, the
 * klagepunkter as the adviser has understood them, what happens now (the borgerrådgiver looks at the
 * handling, not the decision's content – legal-rules.md c.3; a redegørelse may be asked for; the
 * adviser's own target, called a target), and – while a recorded klagefrist still runs – that the
 * henvendelse neither stops nor extends it, with its recorded date (legal-rules.md b.5: the app never
 * lets a citizen rely on a later date). A part without data is left out. Pure.
 */
import type { Block, LetterDocument } from './document';
import { DEFAULT_CASE_LETTER_PHRASES, type CaseLetterPhrases } from './case-letter-phrases';
import { caseLetter, citizenLines, deadlineDay, heading, onDay, para, pointsList, signature } from './case-letter-parts';
import type { CaseLetterSource } from './case-letter-source';

export const RECEIPT_SECTIONS = { title: 'titel', opening: 'indledning', points: 'klage', next: 'hvad-nu', klagefrist: 'klagefrist' } as const;

export function draftReceiptLetter(src: CaseLetterSource, ph: CaseLetterPhrases = DEFAULT_CASE_LETTER_PHRASES): LetterDocument {
  const S = RECEIPT_SECTIONS;
  const R = ph.receipt;
  const blocks: Block[] = [heading(1, R.title, S.title), para(R.opening({ receivedOn: onDay(src.receivedOn), summary: src.summary }), S.opening)];
  if (src.points.length > 0) {
    blocks.push(heading(2, R.pointsHeading, S.points), para(R.pointsIntro, S.points), pointsList(src.points, ph, S.points), para(R.pointsCorrect, S.points));
  }
  blocks.push(heading(2, R.nextHeading, S.next), para(R.handling, S.next), para(R.notTheDecision, S.next), para(R.mayAsk, S.next));
  // A target already passed is no news to the citizen; only one still ahead is told.
  blocks.push(para(src.targetDue !== null && src.targetDue >= src.date ? R.target(deadlineDay(src.targetDue)) : R.noTarget, S.next));
  if (src.klagefrist !== null && src.klagefrist.dueOn >= src.date) {
    blocks.push(heading(2, R.klagefristHeading, S.klagefrist), para(R.klagefrist(deadlineDay(src.klagefrist.dueOn)), S.klagefrist));
  }
  blocks.push(signature(src, ph));
  return caseLetter(src, { title: R.title, recipient: citizenLines(src), keywords: [], blocks });
}
