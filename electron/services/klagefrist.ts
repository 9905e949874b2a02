/**
 * The citizen's klagefrist: the service behind klagefrist:*. The adviser records when and how the
 * citizen was notified of the decision, whether the decision gave correct klagevejledning, and what
 * the klagefrist rests on: a catalogue rule that sets a deadline the citizen must meet (RSL § 67 for
 * the social and employment areas, ombudsmandsloven § 13, an own rule …), no statutory klagefrist, or
 * a frist typed by hand with its source.
 *
 * It is the citizen's deadline (legal-rules.md § b.5), so it is counted with owner `borger`: only
 * Saturdays, Sundays and public holidays move it, never the municipality's closing days. It is counted
 * from the day the decision is taken to be received (§ b.1):
 * - Digital Post: the day it was available in the mailbox, even a weekend or holiday;
 * - handed over in person: that day;
 * - letter post: the municipality's setting of hverdage after the letter's date (Justitsministeriets
 *   vejledning nr. 9533 af 26/06/2018 uses 6). PostNord stopped delivering letters at the end of
 *   2025 (§ b.5), so for later letters the explanation says the presumption is not verified.
 * Without correct klagevejledning (or when that is unknown) the frist may not be enforceable against
 * the citizen (FVL § 25), and the explanation says so instead of treating it as simply run out.
 * The date is stored on the henvendelse (cases.klagefrist_due) for the lists and the Frister view.
 */
import { caseDeadlineRow, setCaseKlagefrist, type CaseDeadlineRow } from '../../db/queries/case-deadlines';
import { getRule } from '../../db/queries/rules';
import { formatDanishDate, isValidIsoDate, type IsoDate } from '../../shared/domain/dates';
import {
  DecisionNotice,
  Klagevejledning,
  klagefristMayNotBind,
  type CaseDeadline,
  type DeadlineSettings,
  type DecisionNoticeInput,
  type Klagefrist,
  type KlagevejledningCode,
} from '../../shared/domain/deadline-tracking';
import type { Rule } from '../../shared/domain/rule';
import {
  addCalendarDays,
  addWorkingDays,
  computeDeadline,
  formatDanishDateWithWeekday,
  formatDanishLetterDate,
  formatDanishLetterDateWithWeekday,
  formatSpec,
  type DeadlineExplanation,
  type DeadlineSpec,
} from '../../shared/deadlines';
import { AppError, validationError } from '../../shared/ipc/result';
import type { ServiceContext } from './context';
import { auditDeadline, calendarOf, daysLeft, keepStoredDue, loadSettings, ruleRef, simpleStateOf, targetDeadline, targetExplanation, today } from './deadline-common';

/** The rule offered first: the social area's general klagefrist. */
export const DEFAULT_KLAGEFRIST_RULE = 'rsl-67-klagefrist';

/** Justitsministeriets vejledning nr. 9533 af 26/06/2018 om beregning af klagefrister (legal-rules.md § b.1). */
const JM_GUIDANCE = 'Justitsministeriets vejledning nr. 9533 af 26. juni 2018 om beregning af klagefrister';
const JM_LETTER_DAYS = 6;
/** PostNord delivered its last letters on 30.12.2025 (legal-rules.md § b.5). */
const LAST_POSTNORD_DAY = '2025-12-30';

type Step = Readonly<{ line: string; letter: string }>;

/** The day the decision counts as received, and the sentence saying why, in both forms. */
function presumedReceipt(notice: DecisionNoticeInput, settings: DeadlineSettings): { date: IsoDate; steps: Step[] } {
  const on = formatDanishDate(notice.notifiedOn);
  const onLetter = formatDanishLetterDate(notice.notifiedOn);
  switch (notice.channel) {
    case 'digital_post':
      return {
        date: notice.notifiedOn,
        steps: [{
          line: `Afgørelsen var tilgængelig i Digital Post ${on}; den dag regnes som modtagelsesdagen, også hvis det er en weekend eller helligdag.`,
          letter: `Afgørelsen regnes for modtaget den dag, den var tilgængelig i Digital Post, den ${onLetter}.`,
        }],
      };
    case 'personligt':
      return {
        date: notice.notifiedOn,
        steps: [{ line: `Afgørelsen blev udleveret personligt ${on}; den dag er modtagelsesdagen.`, letter: `Afgørelsen blev udleveret personligt den ${onLetter}.` }],
      };
    case 'brev': {
      const n = settings.letterPresumptionWorkingDays;
      // Hverdage for the post: weekends and public holidays only. The municipality's closing days
      // and the calendar profile's extra days do not stop the postal service.
      const date = addWorkingDays(notice.notifiedOn, n, 'helligdage', { closingDays: [] });
      const source = n === JM_LETTER_DAYS
        ? `formodningsreglen i ${JM_GUIDANCE}`
        : `kommunens indstilling (${JM_GUIDANCE} bruger ${JM_LETTER_DAYS} hverdage)`;
      const steps: Step[] = [{
        line: `Brev dateret ${on}: formodes modtaget ${n} ${n === 1 ? 'hverdag' : 'hverdage'} efter dateringen, dvs. ${formatDanishDateWithWeekday(date)} (${source}).`,
        letter: `Afgørelsen blev sendt med posten og er dateret den ${onLetter}. Et brev regnes for modtaget ${n} ${n === 1 ? 'hverdag' : 'hverdage'} efter dateringen, det vil sige ${formatDanishLetterDateWithWeekday(date)}.`,
      }];
      if (notice.notifiedOn > LAST_POSTNORD_DAY) {
        steps.push({
          line: `PostNord omdelte de sidste breve 30.12.2025; formodningen er ikke efterprøvet for breve sendt derefter. Er der tvivl om, hvornår brevet kom frem, så regn fra den tidligste rimelige dato.`,
          letter: `Er du i tvivl om, hvornår brevet kom frem, så regn fra den tidligste dag, det kan være kommet.`,
        });
      }
      return { date, steps };
    }
  }
}

/** What a missing or unknown klagevejledning means for the frist (FVL § 25; rsl-67's note). */
function guidanceStep(guidance: KlagevejledningCode): Step | null {
  switch (guidance) {
    case 'korrekt':
      return null;
    case 'mangelfuld':
      return {
        line: 'Afgørelsen gav ikke korrekt klagevejledning (FVL § 25). Klagefristen kan derfor muligvis ikke gøres gældende over for borgeren; klag alligevel inden fristen, hvis det kan lade sig gøre.',
        letter: 'Afgørelsen indeholdt ikke en korrekt klagevejledning. Klagefristen kan derfor muligvis ikke gøres gældende over for dig, men klag gerne inden fristen, hvis du kan.',
      };
    case 'ukendt':
      return {
        line: 'Det er ikke oplyst, om afgørelsen gav korrekt klagevejledning. Var den mangelfuld, kan klagefristen muligvis ikke gøres gældende over for borgeren (FVL § 25); regn med fristen, indtil det er afklaret.',
        letter: 'Hvis afgørelsen ikke indeholdt en korrekt klagevejledning, kan klagefristen muligvis ikke gøres gældende over for dig. Klag derfor gerne inden fristen.',
      };
  }
}

/** The deadline a notice rests on: the rule's, or the frist typed by hand; null for "ingen". */
function basisSpec(notice: DecisionNoticeInput, rule: Rule | null): DeadlineSpec | null {
  const b = notice.basis;
  // A klagefrist ending on a Saturday, Sunday or public holiday moves to the next hverdag
  // (legal-rules.md § b.3); the owner `borger` keeps closing days out of it (§ b.5).
  if (b.kind === 'manuel') return { amount: b.amount, unit: b.unit, rollForward: true, profile: 'helligdage' };
  if (b.kind === 'ingen' || rule === null) return null;
  const d = rule.deadline;
  if (d === null || d.amount === null || d.unit === null) return null;
  return { amount: d.amount, unit: d.unit, rollForward: d.rollForward, profile: 'helligdage' };
}

/**
 * The klagefrist and its explanation in both forms (the presumption first, the klagevejledning
 * last); null when there is no statutory klagefrist or the rule has no computable deadline.
 */
export function computeKlagefrist(notice: DecisionNoticeInput, rule: Rule | null, settings: DeadlineSettings): DeadlineExplanation | null {
  const spec = basisSpec(notice, rule);
  if (spec === null) return null;
  const receipt = presumedReceipt(notice, settings);
  const b = notice.basis;
  const e = computeDeadline({
    start: receipt.date,
    spec,
    calendar: calendarOf(settings),
    owner: 'borger',
    startEvent: 'modtagelsen af afgørelsen',
    owes: 'klagen være modtaget',
    ...(b.kind === 'regel' && rule !== null ? { rule: ruleRef(rule) } : {}),
  });
  const before: Step[] = [...receipt.steps];
  if (b.kind === 'manuel') {
    before.push({
      line: `Klagefristen er angivet af borgerrådgiveren: ${formatSpec(spec)}. Kilde: ${b.source.trim()}.`,
      letter: `Klagefristen er ${formatSpec(spec)} (${b.source.trim()}).`,
    });
  }
  const after = guidanceStep(notice.guidance);
  const steps = { pre: before, post: after === null ? [] : [after] };
  return {
    ...e,
    lines: [...steps.pre.map((s) => s.line), ...e.lines, ...steps.post.map((s) => s.line)],
    letterLines: [...steps.pre.map((s) => s.letter), ...e.letterLines, ...steps.post.map((s) => s.letter)],
  };
}

/** "RSL § 67 – Klagefrist 4 uger", "Angivet: 3 måneder (…)" or "Ingen lovbestemt klagefrist". */
function basisText(notice: DecisionNoticeInput, rule: Rule | null): string {
  const b = notice.basis;
  if (b.kind === 'ingen') return 'Ingen lovbestemt klagefrist';
  if (b.kind === 'manuel') return `Angivet af borgerrådgiveren: ${formatSpec(b)} (kilde: ${b.source.trim()})`;
  return rule === null ? b.ruleId : ruleRef(rule).label;
}

function toKlagefrist(e: DeadlineExplanation, notice: DecisionNoticeInput, rule: Rule | null, on: IsoDate, settings: DeadlineSettings): Klagefrist {
  const base: CaseDeadline = { dueOn: e.due, state: simpleStateOf(e.due, on, settings.soonWorkingDays, 'helligdage', { closingDays: [] }), daysLeft: daysLeft(on, e.due), explanation: e };
  return { ...base, guidance: notice.guidance, basisText: basisText(notice, rule) };
}

/** Validate a notice; returns its rule (for basis "regel") and the computed klagefrist (null for "ingen"). */
function validated(ctx: ServiceContext, notice: DecisionNoticeInput, settings: DeadlineSettings): { rule: Rule | null; explanation: DeadlineExplanation | null } {
  const errors: Record<string, string> = {};
  if (!isValidIsoDate(notice.notifiedOn)) errors['notifiedOn'] = 'Datoen er ikke en gyldig dato.';
  else if (notice.notifiedOn > today(ctx)) errors['notifiedOn'] = 'Datoen for meddelelsen kan ikke ligge i fremtiden.';
  const b = notice.basis;
  let rule: Rule | null = null;
  if (b.kind === 'regel') {
    rule = getRule(ctx.db, b.ruleId);
    if (rule === null) errors['basis.ruleId'] = `Reglen "${b.ruleId}" findes ikke i regelkataloget.`;
    else if (basisSpec(notice, rule) === null) {
      errors['basis.ruleId'] = `Reglen ${ruleRef(rule).label} har ingen frist, der kan beregnes. Vælg en anden regel, "Ingen lovbestemt klagefrist", eller angiv fristen selv.`;
    } else if (rule.deadline?.owner !== 'borger') {
      errors['basis.ruleId'] = `${ruleRef(rule).label} er ikke en klagefrist, borgeren skal overholde. Vælg en regel med en klagefrist, "Ingen lovbestemt klagefrist", eller angiv fristen selv.`;
    }
  } else if (b.kind === 'manuel') {
    if (b.source.trim() === '') errors['basis.source'] = 'Skriv, hvor fristen står – fx lov og paragraf eller afgørelsens klagevejledning.';
  }
  if (Object.keys(errors).length > 0) throw validationError(errors);
  return { rule, explanation: computeKlagefrist(notice, rule, settings) };
}

function mustGetCase(ctx: ServiceContext, caseId: number): CaseDeadlineRow {
  const row = caseDeadlineRow(ctx.db, caseId);
  if (row === null) throw new AppError('not_found', 'Henvendelsen findes ikke. Den kan være slettet.');
  return row;
}

/** The notice as stored, or null when none is recorded. */
export function noticeOfRow(row: CaseDeadlineRow): DecisionNoticeInput | null {
  if (row.decision_notified_on === null || row.decision_notice === null) return null;
  const guidance = row.klagevejledning ?? 'ukendt';
  const base = { notifiedOn: row.decision_notified_on, channel: row.decision_notice, guidance };
  if (row.klagefrist_basis === 'ingen') return { ...base, basis: { kind: 'ingen' } };
  if (row.klagefrist_basis === 'manuel' && row.klagefrist_amount !== null && row.klagefrist_unit !== null) {
    return { ...base, basis: { kind: 'manuel', amount: row.klagefrist_amount, unit: row.klagefrist_unit, source: row.klagefrist_source ?? '' } };
  }
  if (row.klagefrist_rule_id !== null) return { ...base, basis: { kind: 'regel', ruleId: row.klagefrist_rule_id } };
  return { ...base, basis: { kind: 'ingen' } };
}

function noticeText(ctx: ServiceContext, row: CaseDeadlineRow): Map<string, string> {
  const n = noticeOfRow(row);
  const rule = n?.basis.kind === 'regel' ? getRule(ctx.db, n.basis.ruleId) : null;
  return new Map([
    ['Meddelt', formatDanishDate(row.decision_notified_on)],
    ['Meddelt via', row.decision_notice === null ? '' : DecisionNotice.label(row.decision_notice)],
    ['Klagevejledning', n === null ? '' : Klagevejledning.label(n.guidance)],
    ['Klagefrist efter', n === null ? '' : basisText(n, rule)],
    ['Klagefrist', formatDanishDate(row.klagefrist_due)],
  ]);
}

/** Record (or with null, clear) how and when the citizen was notified; returns the klagefrist. */
export function setKlagefrist(ctx: ServiceContext, caseId: number, notice: DecisionNoticeInput | null): Klagefrist | null {
  return ctx.db.transaction(() => {
    const before = mustGetCase(ctx, caseId);
    const settings = loadSettings(ctx);
    let result: Klagefrist | null = null;
    if (notice === null) setCaseKlagefrist(ctx.db, caseId, null);
    else {
      const { rule, explanation } = validated(ctx, notice, settings);
      const b = notice.basis;
      setCaseKlagefrist(ctx.db, caseId, {
        notifiedOn: notice.notifiedOn,
        notice: notice.channel,
        guidance: notice.guidance,
        basis: b.kind,
        ruleId: b.kind === 'regel' ? b.ruleId : null,
        manual: b.kind === 'manuel' ? { amount: b.amount, unit: b.unit, source: b.source.trim() } : null,
        dueOn: explanation?.due ?? null,
      });
      result = explanation === null ? null : toKlagefrist(explanation, notice, rule, today(ctx), settings);
    }
    const after = mustGetCase(ctx, caseId);
    const b = noticeText(ctx, before);
    const a = noticeText(ctx, after);
    const changes = [...a.keys()].filter((k) => a.get(k) !== b.get(k)).map((field) => ({ field, before: b.get(field) ?? '', after: a.get(field) ?? '' }));
    if (changes.length > 0) {
      const action = notice === null
        ? 'Klagefrist fjernet'
        : after.klagefrist_due === null ? 'Afgørelse registreret uden lovbestemt klagefrist' : `Klagefrist registreret: ${formatDanishDate(after.klagefrist_due)}`;
      auditDeadline(ctx, { entity: 'case', entityId: caseId, caseId, action, changes });
    }
    return result;
  })();
}

/**
 * The klagefrist of a stored notice computed with today's calendar and settings (null when there is
 * none), for the settings recomputation; the stored date is not consulted.
 */
export function recomputeStoredKlagefrist(ctx: ServiceContext, row: CaseDeadlineRow, settings: DeadlineSettings): DeadlineExplanation | null {
  const n = noticeOfRow(row);
  if (n === null) return null;
  const rule = n.basis.kind === 'regel' ? getRule(ctx.db, n.basis.ruleId) : null;
  return computeKlagefrist(n, rule, settings);
}

/** The klagefrist as stored, explained with today's calendar (the stored date is what is shown). */
function storedKlagefrist(ctx: ServiceContext, row: CaseDeadlineRow, settings: DeadlineSettings): Klagefrist | null {
  const n = noticeOfRow(row);
  if (n === null || row.klagefrist_due === null) return null;
  const rule = n.basis.kind === 'regel' ? getRule(ctx.db, n.basis.ruleId) : null;
  const computed = computeKlagefrist(n, rule, settings);
  const e: DeadlineExplanation = computed === null
    ? {
        // The rule no longer has a computable deadline (edited since): the stored date stands alone.
        rule: null, owner: 'borger', start: row.decision_notified_on ?? row.klagefrist_due,
        spec: { amount: 0, unit: 'dage', rollForward: false, profile: 'helligdage' },
        counted: [], skipped: [], counts: row.klagefrist_due, monthEndClamped: false, rolledForward: null, adjustments: [], due: row.klagefrist_due,
        lines: [`Reglen har ikke længere en frist, der kan beregnes; den registrerede klagefrist ${formatDanishDate(row.klagefrist_due)} er bevaret.`],
        letterLines: [`Klagefristen udløber den ${formatDanishLetterDate(row.klagefrist_due)}.`],
      }
    : keepStoredDue(computed, row.klagefrist_due, 'den registrerede klagefrist er bevaret:');
  return toKlagefrist(e, n, rule, today(ctx), settings);
}

/** The adviser's target for the case, or null when the settings have none and nothing is stored. */
function target(row: CaseDeadlineRow, settings: DeadlineSettings, on: IsoDate): CaseDeadline | null {
  const spec = settings.adviserTarget;
  const calendar = calendarOf(settings);
  if (row.closed_on !== null) {
    // A closed case keeps the target it had (see deadlines.saveSettings).
    if (row.target_due === null) return null;
    const e = spec === null ? null : targetExplanation(row.received_on, spec, calendar);
    const explanation: DeadlineExplanation = e === null
      ? {
          rule: null, owner: 'maal', start: row.received_on, spec: { amount: 0, unit: 'dage', rollForward: false, profile: 'standard' },
          counted: [], skipped: [], counts: row.target_due, monthEndClamped: false, rolledForward: null, adjustments: [], due: row.target_due,
          lines: [`Eget mål: ${formatDanishDate(row.target_due)} (fastsat, mens henvendelsen var åben).`],
          letterLines: [`Målet var at afslutte henvendelsen senest den ${formatDanishLetterDate(row.target_due)}.`],
        }
      : keepStoredDue(e, row.target_due, 'målet fra dengang henvendelsen blev afsluttet er bevaret:');
    return targetDeadline({ closedOn: row.closed_on, dueOn: row.target_due, explanation }, on, settings);
  }
  if (spec === null) return null;
  // Computed from the receipt date rather than read back, so an edited receipt date is reflected at once.
  const e = targetExplanation(row.received_on, spec, calendar);
  return targetDeadline({ closedOn: null, dueOn: e.due, explanation: e }, on, settings);
}

export function getKlagefrist(ctx: ServiceContext, caseId: number) {
  const row = mustGetCase(ctx, caseId);
  const settings = loadSettings(ctx);
  return { notice: noticeOfRow(row), klagefrist: storedKlagefrist(ctx, row, settings), target: target(row, settings, today(ctx)) };
}

/** The klagefrist a notice would give, without storing anything (the warning at intake); null: none. */
export function checkKlagefrist(ctx: ServiceContext, notice: DecisionNoticeInput): Klagefrist | null {
  const settings = loadSettings(ctx);
  const { rule, explanation } = validated(ctx, notice, settings);
  return explanation === null ? null : toKlagefrist(explanation, notice, rule, today(ctx), settings);
}

/** Whether a klagefrist may not bind the citizen, for lists that show it (the Frister overview). */
export function mayNotBind(row: CaseDeadlineRow): boolean {
  return row.decision_notified_on !== null && klagefristMayNotBind(row.klagevejledning ?? 'ukendt');
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
export function klagefristIcs(ctx: ServiceContext, caseId: number): { fileName: string; mimeType: 'text/calendar'; contentBase64: string } {
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
