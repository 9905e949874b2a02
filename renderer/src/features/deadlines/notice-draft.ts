/**
 * How and when the decision was notified to the citizen, whether it gave correct klagevejledning, and
 * what the klagefrist rests on, as typed – the input of the citizen's klagefrist. Kept as text so a
 * half-typed date is never lost.
 */
import type { IsoDate } from '../../../../shared/domain/dates';
import { formatDanishDate } from '../../../../shared/domain/dates';
import type { DecisionNotice, DecisionNoticeInput, KlagevejledningCode } from '../../../../shared/domain/deadline-tracking';
import type { DeadlineUnitCode } from '../../../../shared/domain/rule';
import { DATE_FORMAT_MESSAGE, parseDateField } from '../../components/DateField';
import { parseWholeNumber } from './deadline-text';

export type NoticeChannel = (typeof DecisionNotice.codes)[number];

/** The "Klagefrist efter" choice: `regel:<id>`, `ingen` or `manuel`. */
export type BasisChoice = `regel:${string}` | 'ingen' | 'manuel';

export type NoticeDraft = {
  notifiedOnText: string;
  channel: NoticeChannel | '';
  guidance: KlagevejledningCode;
  basis: BasisChoice;
  manualAmountText: string;
  manualUnit: DeadlineUnitCode;
  manualSource: string;
};

export const DEFAULT_KLAGEFRIST_RULE = 'rsl-67-klagefrist';

export function emptyNoticeDraft(): NoticeDraft {
  // "Ved ikke" until the adviser has looked at the decision: the honest default, and the banner
  // then says the frist may not bind the citizen.
  return { notifiedOnText: '', channel: '', guidance: 'ukendt', basis: `regel:${DEFAULT_KLAGEFRIST_RULE}`, manualAmountText: '', manualUnit: 'uger', manualSource: '' };
}

export function noticeDraftFrom(n: DecisionNoticeInput | null): NoticeDraft {
  if (n === null) return emptyNoticeDraft();
  const base = { ...emptyNoticeDraft(), notifiedOnText: formatDanishDate(n.notifiedOn), channel: n.channel, guidance: n.guidance };
  const b = n.basis;
  if (b.kind === 'regel') return { ...base, basis: `regel:${b.ruleId}` };
  if (b.kind === 'ingen') return { ...base, basis: 'ingen' };
  return { ...base, basis: 'manuel', manualAmountText: String(b.amount), manualUnit: b.unit, manualSource: b.source };
}

/** Neither the date nor the channel typed: no notice (the rest keeps its defaults). */
export function isNoticeEmpty(d: NoticeDraft): boolean {
  return d.notifiedOnText.trim() === '' && d.channel === '';
}

/**
 * The notice when the fields are filled and valid; `errors` says what is missing, keyed like the
 * backend's fields (`notifiedOn`, `channel`, `basis.amount`, `basis.source`); empty when blank.
 */
export function toNotice(d: NoticeDraft, today: IsoDate): { notice: DecisionNoticeInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (isNoticeEmpty(d)) return { notice: null, errors };
  const on = parseDateField(d.notifiedOnText);
  if (on === null) errors['notifiedOn'] = 'Skriv den dato, afgørelsen blev meddelt borgeren.';
  else if (on === 'invalid') errors['notifiedOn'] = DATE_FORMAT_MESSAGE;
  else if (on > today) errors['notifiedOn'] = 'Datoen for meddelelsen kan ikke ligge i fremtiden.';
  if (d.channel === '') errors['channel'] = 'Vælg hvordan afgørelsen blev meddelt.';
  let basis: DecisionNoticeInput['basis'] | null = null;
  if (d.basis === 'ingen') basis = { kind: 'ingen' };
  else if (d.basis === 'manuel') {
    const amount = parseWholeNumber(d.manualAmountText);
    if (amount === null || amount < 1) errors['basis.amount'] = 'Skriv fristens længde som et helt tal, fx 4.';
    if (d.manualSource.trim() === '') errors['basis.source'] = 'Skriv, hvor fristen står – fx lov og paragraf eller afgørelsens klagevejledning.';
    if (amount !== null && amount >= 1) basis = { kind: 'manuel', amount, unit: d.manualUnit, source: d.manualSource.trim() };
  } else basis = { kind: 'regel', ruleId: d.basis.slice('regel:'.length) };
  if (Object.keys(errors).length > 0 || on === null || on === 'invalid' || d.channel === '' || basis === null) return { notice: null, errors };
  return { notice: { notifiedOn: on, channel: d.channel, guidance: d.guidance, basis }, errors };
}
