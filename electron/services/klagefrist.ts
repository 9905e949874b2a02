/**
 * The citizen's klagefrist: the service behind klagefrist:*. The adviser records when and how the
 * citizen was notified of the decision; the klagefrist is the rule's deadline (by default RSL § 67:
 * 4 uger, rolled forward to a working day) counted from the day the decision is taken to be received
 * (legal-rules.md § b.1):
 * - Digital Post: the day it was available in the mailbox, even a weekend or holiday;
 * - handed over in person: that day;
 * - letter post: a configurable number of hverdage after the letter's date (Ankestyrelsen's 2018
 *   guidance: 6), since the presumption has changed over time.
 * The date is stored on the henvendelse (cases.klagefrist_due) for the lists and the Frister view.
 */
import { caseDeadlineRow, setCaseKlagefrist, type CaseDeadlineRow, type DecisionNoticeCode } from '../../db/queries/case-deadlines';
import { getRule } from '../../db/queries/rules';
import { formatDanishDate, isValidIsoDate, type IsoDate } from '../../shared/domain/dates';
import { DecisionNotice, type CaseDeadline, type DeadlineSettings } from '../../shared/domain/deadline-tracking';
import type { Rule } from '../../shared/domain/rule';
import { addCalendarDays, addWorkingDays, computeDeadline, formatDanishDateWithWeekday, type DeadlineExplanation } from '../../shared/deadlines';
import { AppError, validationError } from '../../shared/ipc/result';
import type { ServiceContext } from './context';
import {
  auditDeadline,
  calendarOf,
  daysLeft,
  keepStoredDue,
  loadSettings,
  ruleRef,
  ruleSpec,
  simpleStateOf,
  targetDeadline,
  targetExplanation,
  today,
} from './deadline-common';

/** The rule used when the adviser names none: the social area's general klagefrist. */
export const DEFAULT_KLAGEFRIST_RULE = 'rsl-67-klagefrist';

export type Notice = Readonly<{ notifiedOn: IsoDate; channel: DecisionNoticeCode; ruleId: string | null }>;

/** The day the decision counts as received, and the sentence saying why. */
function presumedReceipt(notice: Notice, settings: DeadlineSettings): { date: IsoDate; line: string } {
  const on = formatDanishDate(notice.notifiedOn);
  switch (notice.channel) {
    case 'digital_post':
      return { date: notice.notifiedOn, line: `Afgørelsen var tilgængelig i Digital Post ${on}; den dag regnes som modtagelsesdagen, også hvis det er en weekend eller helligdag.` };
    case 'personligt':
      return { date: notice.notifiedOn, line: `Afgørelsen blev udleveret personligt ${on}; den dag er modtagelsesdagen.` };
    case 'brev': {
      const n = settings.letterPresumptionWorkingDays;
      // Hverdage for the post: weekends and public holidays only. The municipality's closing days
      // and the standard profile's extra days do not stop the postal service.
      const date = addWorkingDays(notice.notifiedOn, n, 'helligdage', { closingDays: [] });
      return {
        date,
        line: `Brev dateret ${on}: formodes modtaget ${n} hverdage efter dateringen (Ankestyrelsens vejledning fra 2018; indstillingen kan ændres), dvs. ${formatDanishDateWithWeekday(date)}.`,
      };
    }
  }
}

/** The klagefrist and its explanation, with the presumption step first. */
export function computeKlagefrist(rule: Rule, notice: Notice, settings: DeadlineSettings): DeadlineExplanation | null {
  const spec = ruleSpec(rule);
  if (spec === null) return null;
  const receipt = presumedReceipt(notice, settings);
  const e = computeDeadline({ start: receipt.date, spec, calendar: calendarOf(settings), rule: ruleRef(rule) });
  return { ...e, lines: [receipt.line, ...e.lines] };
}

function toCaseDeadline(e: DeadlineExplanation, on: IsoDate, settings: DeadlineSettings): CaseDeadline {
  return { dueOn: e.due, state: simpleStateOf(e.due, on, settings.soonWorkingDays, e.spec.profile, calendarOf(settings)), daysLeft: daysLeft(on, e.due), explanation: e };
}

/** Validate a notice; returns the rule and the computed klagefrist. */
function validated(ctx: ServiceContext, notice: Notice, settings: DeadlineSettings): { rule: Rule; explanation: DeadlineExplanation } {
  const errors: Record<string, string> = {};
  if (!isValidIsoDate(notice.notifiedOn)) errors['notifiedOn'] = 'Datoen er ikke en gyldig dato.';
  else if (notice.notifiedOn > today(ctx)) errors['notifiedOn'] = 'Datoen for meddelelsen kan ikke ligge i fremtiden.';
  const ruleId = notice.ruleId ?? DEFAULT_KLAGEFRIST_RULE;
  const rule = getRule(ctx.db, ruleId);
  let explanation: DeadlineExplanation | null = null;
  if (rule === null) errors['ruleId'] = `Reglen "${ruleId}" findes ikke i regelkataloget.`;
  else if (errors['notifiedOn'] === undefined) {
    explanation = computeKlagefrist(rule, notice, settings);
    if (explanation === null) errors['ruleId'] = `Reglen ${ruleRef(rule).label} har ingen frist, der kan beregnes. Vælg en regel med en frist i dage, arbejdsdage, uger eller måneder.`;
  }
  if (Object.keys(errors).length > 0 || rule === null || explanation === null) throw validationError(errors);
  return { rule, explanation };
}

function mustGetCase(ctx: ServiceContext, caseId: number): CaseDeadlineRow {
  const row = caseDeadlineRow(ctx.db, caseId);
  if (row === null) throw new AppError('not_found', 'Henvendelsen findes ikke. Den kan være slettet.');
  return row;
}

function noticeText(row: Pick<CaseDeadlineRow, 'decision_notice' | 'decision_notified_on' | 'klagefrist_rule_id' | 'klagefrist_due'>): Map<string, string> {
  return new Map([
    ['Meddelt', formatDanishDate(row.decision_notified_on)],
    ['Meddelt via', row.decision_notice === null ? '' : DecisionNotice.label(row.decision_notice)],
    ['Regel', row.klagefrist_rule_id ?? ''],
    ['Klagefrist', formatDanishDate(row.klagefrist_due)],
  ]);
}

/** Record (or with null, clear) how and when the citizen was notified; returns the klagefrist. */
export function set(ctx: ServiceContext, caseId: number, notice: Notice | null): CaseDeadline | null {
  return ctx.db.transaction(() => {
    const before = mustGetCase(ctx, caseId);
    const settings = loadSettings(ctx);
    let result: CaseDeadline | null = null;
    if (notice === null) setCaseKlagefrist(ctx.db, caseId, null);
    else {
      const { rule, explanation } = validated(ctx, notice, settings);
      setCaseKlagefrist(ctx.db, caseId, { notifiedOn: notice.notifiedOn, notice: notice.channel, ruleId: rule.id, dueOn: explanation.due });
      result = toCaseDeadline(explanation, today(ctx), settings);
    }
    const after = mustGetCase(ctx, caseId);
    const b = noticeText(before);
    const a = noticeText(after);
    const changes = [...a.keys()].filter((k) => a.get(k) !== b.get(k)).map((field) => ({ field, before: b.get(field) ?? '', after: a.get(field) ?? '' }));
    if (changes.length > 0) {
      auditDeadline(ctx, {
        entity: 'case', entityId: caseId, caseId,
        action: notice === null ? 'Klagefrist fjernet' : `Klagefrist registreret: ${formatDanishDate(after.klagefrist_due)}`,
        changes,
      });
    }
    return result;
  })();
}

/** The klagefrist as stored, explained with today's calendar (a closed case keeps its stored date). */
function storedKlagefrist(ctx: ServiceContext, row: CaseDeadlineRow, settings: DeadlineSettings): CaseDeadline | null {
  if (row.decision_notified_on === null || row.decision_notice === null || row.klagefrist_rule_id === null || row.klagefrist_due === null) return null;
  const rule = getRule(ctx.db, row.klagefrist_rule_id);
  const computed = rule === null ? null : computeKlagefrist(rule, { notifiedOn: row.decision_notified_on, channel: row.decision_notice, ruleId: rule.id }, settings);
  const e = computed === null
    ? {
        // The rule no longer has a computable deadline (edited since): the stored date stands alone.
        rule: null, start: row.decision_notified_on, spec: { amount: 0, unit: 'dage' as const, rollForward: false, profile: 'standard' as const },
        counted: [], skipped: [], counts: row.klagefrist_due, monthEndClamped: false, rolledForward: null, adjustments: [], due: row.klagefrist_due,
        lines: [`Reglen har ikke længere en frist, der kan beregnes; den registrerede klagefrist ${formatDanishDate(row.klagefrist_due)} er bevaret.`],
      }
    : keepStoredDue(computed, row.klagefrist_due, 'den registrerede klagefrist er bevaret:');
  return toCaseDeadline(e, today(ctx), settings);
}

/** The adviser's target for the case, or null when the settings have none and nothing is stored. */
function target(row: CaseDeadlineRow, settings: DeadlineSettings, on: IsoDate): CaseDeadline | null {
  const spec = settings.adviserTarget;
  const calendar = calendarOf(settings);
  if (row.closed_on !== null) {
    // A closed case keeps the target it had (see deadlines.saveSettings).
    if (row.target_due === null) return null;
    const e = spec === null ? null : targetExplanation(row.received_on, spec, calendar);
    const explanation = e === null
      ? { rule: null, start: row.received_on, spec: { amount: 0, unit: 'dage' as const, rollForward: false, profile: 'standard' as const }, counted: [], skipped: [], counts: row.target_due, monthEndClamped: false, rolledForward: null, adjustments: [], due: row.target_due, lines: [`Eget mål: ${formatDanishDate(row.target_due)} (fastsat, mens henvendelsen var åben).`] }
      : keepStoredDue(e, row.target_due, 'målet fra dengang henvendelsen blev afsluttet er bevaret:');
    return targetDeadline({ closedOn: row.closed_on, dueOn: row.target_due, explanation }, on, settings);
  }
  if (spec === null) return null;
  // Computed from the receipt date rather than read back, so an edited receipt date is reflected at once.
  const e = targetExplanation(row.received_on, spec, calendar);
  return targetDeadline({ closedOn: null, dueOn: e.due, explanation: e }, on, settings);
}

export function get(ctx: ServiceContext, caseId: number) {
  const row = mustGetCase(ctx, caseId);
  const settings = loadSettings(ctx);
  return {
    notice:
      row.decision_notified_on === null || row.decision_notice === null || row.klagefrist_rule_id === null
        ? null
        : { notifiedOn: row.decision_notified_on, channel: row.decision_notice, ruleId: row.klagefrist_rule_id },
    klagefrist: storedKlagefrist(ctx, row, settings),
    target: target(row, settings, today(ctx)),
  };
}

/** The klagefrist a notice would give, without storing anything (the warning at intake). */
export function check(ctx: ServiceContext, notice: Notice): CaseDeadline {
  const settings = loadSettings(ctx);
  return toCaseDeadline(validated(ctx, notice, settings).explanation, today(ctx), settings);
}

// ---------------------------------------------------------------------------------------------
// .ics (RFC 5545)

/** TEXT value escaping (RFC 5545 § 3.3.11): backslash, semicolon, comma and newlines. */
export function icsEscape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Fold a content line at 75 octets (RFC 5545 § 3.1), never inside a UTF-8 character. */
export function icsFold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    // Continuation lines start with a space, which counts towards their 75.
    if (octets + size > 75) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

const icsDate = (iso: IsoDate): string => iso.replace(/-/g, '');

/**
 * The klagefrist as a calendar file: one all-day event on the due date with a reminder two days
 * before. Only the sagsnr identifies the case: the file leaves Ombud for a calendar that may be
 * synchronised anywhere, so no name, CPR or description of the complaint goes into it.
 */
export function ics(ctx: ServiceContext, caseId: number): { fileName: string; mimeType: 'text/calendar'; contentBase64: string } {
  const row = mustGetCase(ctx, caseId);
  const k = storedKlagefrist(ctx, row, loadSettings(ctx));
  if (k === null) throw new AppError('not_found', 'Der er ikke registreret en klagefrist på henvendelsen.');
  const stamp = ctx.clock.now().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  const summary = `Klagefrist: ${row.sagsnr}`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ombud//Klagefrist//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    // Stable per case, so importing an updated file replaces the event instead of adding a second.
    `UID:ombud-klagefrist-${caseId}@ombud.local`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icsDate(k.dueOn)}`,
    `DTEND;VALUE=DATE:${icsDate(addCalendarDays(k.dueOn, 1))}`,
    `SUMMARY:${icsEscape(summary)}`,
    `DESCRIPTION:${icsEscape(k.explanation.lines.join('\n'))}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${icsEscape(`${summary} udløber om 2 dage`)}`,
    'TRIGGER:-P2D',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  const text = `${lines.map(icsFold).join('\r\n')}\r\n`;
  const safe = row.sagsnr.replace(/[^A-Za-z0-9._-]+/g, '_');
  return { fileName: `klagefrist-${safe}.ics`, mimeType: 'text/calendar', contentBase64: Buffer.from(text, 'utf8').toString('base64') };
}
