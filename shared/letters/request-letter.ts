/**
 * The anmodning om redegørelse (or om sagens akter, om en udtalelse) to the forvaltning: the
 * henvendelse received, the klagepunkter the request concerns, the adviser's questions, what is
 * asked, and the deadline in force (extensions and pauses included) in letter form. A part without
 * data – no klagepunkter, no questions – is left out. Pure: the same source gives the same letter.
 */
import type { Block, Inline, LetterDocument } from './document';
import { DEFAULT_CASE_LETTER_PHRASES, type CaseLetterPhrases } from './case-letter-phrases';
import { caseLetter, deadlineDay, heading, onDay, para, pointsList, signature } from './case-letter-parts';
import type { CaseLetterRequest, CaseLetterSource } from './case-letter-source';

export const REQUEST_SECTIONS = {
  title: 'titel',
  opening: 'indledning',
  points: 'klagepunkter',
  questions: 'spoergsmaal',
  deadline: 'frist',
} as const;

const BULLET = /^\s*(?:[-–•*]|\d{1,2}[.)])\s+/;

/**
 * The adviser's questions as the letter prints them: paragraphs split at blank lines; lines written
 * as a list ("- …", "• …", "1. …") become a list – numbered when they were numbered.
 */
export function questionBlocks(text: string, section: string): Block[] {
  const out: Block[] = [];
  let prose: string[] = [];
  let items: { ordered: boolean; texts: string[] } | null = null;
  const flushProse = (): void => {
    if (prose.length > 0) out.push(para(prose.join(' '), section));
    prose = [];
  };
  const flushItems = (): void => {
    if (items !== null && items.texts.length > 0) {
      out.push({ kind: 'list', ordered: items.ordered, items: items.texts.map((t): Inline[] => [{ text: t }]), section });
    }
    items = null;
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') {
      flushProse();
      flushItems();
    } else if (BULLET.test(line)) {
      flushProse();
      const ordered = /^\d/.test(line);
      if (items !== null && items.ordered !== ordered) flushItems();
      items ??= { ordered, texts: [] };
      items.texts.push(line.replace(BULLET, '').trim());
    } else {
      flushItems();
      prose.push(line);
    }
  }
  flushProse();
  flushItems();
  return out;
}

/** The request an anmodning or a rykker is about; the backend refuses the call before it gets here. */
export function mustHaveRequest(src: CaseLetterSource): CaseLetterRequest {
  if (src.request === null) throw new Error('En anmodning eller rykker kræver en anmodning.');
  return src.request;
}

export function draftRequestLetter(src: CaseLetterSource, ph: CaseLetterPhrases = DEFAULT_CASE_LETTER_PHRASES): LetterDocument {
  const S = REQUEST_SECTIONS;
  const r = mustHaveRequest(src);
  const title = ph.request.title(r.kind);
  const blocks: Block[] = [
    heading(1, title, S.title),
    para(ph.request.opening({ receivedOn: onDay(src.receivedOn), citizen: src.citizen.name, summary: src.summary }), S.opening),
  ];
  if (r.points.length > 0) {
    blocks.push(heading(2, ph.request.pointsHeading, S.points), para(ph.request.pointsIntro(r.points.length), S.points), pointsList(r.points, ph, S.points));
  }
  const questions = questionBlocks(r.questions, S.questions);
  if (questions.length > 0) blocks.push(heading(2, ph.request.questionsHeading, S.questions), ...questions);
  blocks.push(
    heading(2, ph.request.deadlineHeading, S.deadline),
    para(ph.request.asked(r.kind), S.deadline),
    para(ph.request.deadline(deadlineDay(r.dueOn)), S.deadline),
    para(ph.request.ifLate, S.deadline),
    signature(src, ph),
  );
  return caseLetter(src, { title, recipient: [r.forvaltning], keywords: [r.forvaltning], blocks });
}
