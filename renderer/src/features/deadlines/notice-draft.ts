/**
 * How and when the decision was notified to the citizen, as typed – the input of the citizen's
 * klagefrist. Kept as text so a half-typed date is never lost.
 */
import type { IsoDate } from '../../../../shared/domain/dates';
import { formatDanishDate } from '../../../../shared/domain/dates';
import type { DecisionNotice } from '../../../../shared/domain/deadline-tracking';
import { DATE_FORMAT_MESSAGE, parseDateField } from '../../components/DateField';

export type NoticeChannel = (typeof DecisionNotice.codes)[number];
export type NoticeDraft = { notifiedOnText: string; channel: NoticeChannel | ''; ruleId: string };
export type Notice = { notifiedOn: IsoDate; channel: NoticeChannel; ruleId: string | null };

export const DEFAULT_KLAGEFRIST_RULE = 'rsl-67-klagefrist';

export function emptyNoticeDraft(): NoticeDraft {
  return { notifiedOnText: '', channel: '', ruleId: DEFAULT_KLAGEFRIST_RULE };
}

export function noticeDraftFrom(n: { notifiedOn: string; channel: NoticeChannel; ruleId: string } | null): NoticeDraft {
  if (n === null) return emptyNoticeDraft();
  return { notifiedOnText: formatDanishDate(n.notifiedOn), channel: n.channel, ruleId: n.ruleId };
}

export function isNoticeEmpty(d: NoticeDraft): boolean {
  return d.notifiedOnText.trim() === '' && d.channel === '';
}

/** The notice when both fields are filled and valid; `errors` says what is missing (empty when blank). */
export function toNotice(d: NoticeDraft, today: IsoDate): { notice: Notice | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (isNoticeEmpty(d)) return { notice: null, errors };
  const on = parseDateField(d.notifiedOnText);
  if (on === null) errors['notifiedOn'] = 'Skriv den dato, afgørelsen blev meddelt borgeren.';
  else if (on === 'invalid') errors['notifiedOn'] = DATE_FORMAT_MESSAGE;
  else if (on > today) errors['notifiedOn'] = 'Datoen for meddelelsen kan ikke ligge i fremtiden.';
  if (d.channel === '') errors['channel'] = 'Vælg hvordan afgørelsen blev meddelt.';
  if (Object.keys(errors).length > 0 || on === null || on === 'invalid' || d.channel === '') return { notice: null, errors };
  return { notice: { notifiedOn: on, channel: d.channel, ruleId: d.ruleId === '' ? null : d.ruleId }, errors };
}
