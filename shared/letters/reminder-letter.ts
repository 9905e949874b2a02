/**
 * The rykker to the forvaltning: the request sent on its date with its first deadline, earlier
 * reminders, that no answer has come, and when the answer is now asked for – the extended deadline
 * when one is recorded and has not passed, else "hurtigst muligt". The level is printed when the
 * rykker the letter goes with is recorded on the letter's own date (rykker 2 recorded today → "Rykker
 * 2"); otherwise the letter is simply "Rykker", never a guessed number. Pure.
 */
import type { Block, LetterDocument } from './document';
import { DEFAULT_CASE_LETTER_PHRASES, type CaseLetterPhrases } from './case-letter-phrases';
import { caseLetter, deadlineDay, heading, onDay, onDays, para, pointsList, signature } from './case-letter-parts';
import type { CaseLetterSource } from './case-letter-source';
import { mustHaveRequest } from './request-letter';

export const REMINDER_SECTIONS = { title: 'titel', body: 'rykker', points: 'klagepunkter' } as const;

export function draftReminderLetter(src: CaseLetterSource, ph: CaseLetterPhrases = DEFAULT_CASE_LETTER_PHRASES): LetterDocument {
  const S = REMINDER_SECTIONS;
  const r = mustHaveRequest(src);
  const current = r.reminders.filter((x) => x.onDate === src.date).at(-1);
  const title = ph.reminder.title(current?.level ?? null);
  const earlier = r.reminders.filter((x) => x.onDate < src.date).map((x) => x.onDate);
  const blocks: Block[] = [
    heading(1, title, S.title),
    para(ph.reminder.sent({ sentOn: onDay(r.sentOn), forvaltning: r.forvaltning, what: ph.askedFor(r.kind), firstDue: deadlineDay(r.firstDue) }), S.body),
  ];
  if (r.points.length > 0) blocks.push(para(ph.request.pointsIntro(r.points.length), S.points), pointsList(r.points, ph, S.points));
  if (earlier.length > 0) blocks.push(para(ph.reminder.earlier(onDays(earlier)), S.body));
  blocks.push(para(ph.reminder.noAnswer, S.body));
  // An extension is a new date the forvaltning was given: ask for it while it lies ahead; once it
  // has passed too, a date already missed would be no answer, so the letter asks for it at once.
  const extended = r.dueOn !== r.firstDue;
  if (extended) blocks.push(para(ph.reminder.extended(deadlineDay(r.dueOn)), S.body));
  blocks.push(para(extended && r.dueOn >= src.date ? ph.reminder.answerBy(deadlineDay(r.dueOn)) : ph.reminder.answerSoon, S.body), signature(src, ph));
  return caseLetter(src, { title, recipient: [r.forvaltning], keywords: [r.forvaltning], blocks });
}
