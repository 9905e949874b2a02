/**
 * Statutory deadlines on the municipality's own handling (aktindsigt 7 arbejdsdage, genvurdering 4
 * uger, GDPR 1 måned, …), attached to a klagepunkt from the rule catalogue: the service behind
 * point-deadlines:*. The due date comes from the rule's deadline and the current calendar; the
 * `standard` calendar profile, since a rule does not name one.
 *
 * A deadline may instead follow the municipality's svarpolitik (basis 'svarpolitik', from the
 * deadline settings): a local target, not law, counted as one (owner 'maal', legal-rules.md § b.5,
 * gfs-14-dages-svar). Its date follows the current policy, like a rule's follows the current rule.
 *
 * Once met, a deadline is final like a request's verdict: a calendar change recomputes only the
 * unmet ones (electron/services/deadlines.ts).
 */
import { getCaseDetail, pointCaseId } from '../../db/queries/cases';
import {
  deletePointDeadline as deletePointDeadlineRow,
  getPointDeadlineRow,
  insertPointDeadline,
  pointDeadlineRowsForCase,
  updatePointDeadline as updatePointDeadlineRow,
  type PointDeadlineRow,
} from '../../db/queries/point-deadlines';
import { getRule } from '../../db/queries/rules';
import { formatDanishDate, isValidIsoDate, type IsoDate } from '../../shared/domain/dates';
import { PointDeadlineBasis, type AnswerPolicy, type DeadlineSettings, type PointDeadline, type PointDeadlineBasisCode, type PointDeadlineInput } from '../../shared/domain/deadline-tracking';
import type { Rule } from '../../shared/domain/rule';
import { computeDeadline, formatDanishLetterDateWithWeekday, type CalendarSettings, type DeadlineExplanation } from '../../shared/deadlines';
import { AppError, validationError } from '../../shared/ipc/result';
import type { ServiceContext } from './context';
import { auditDeadline, calendarOf, loadSettings, nowIso, ruleDeadlineInput, ruleRef, ruleSpec, today } from './deadline-common';

function notFound(): AppError {
  return new AppError('not_found', 'Fristen findes ikke. Den kan være slettet.');
}

/** The deadline of `rule` from `startOn`; null when the rule has no computable deadline. */
export function computePointDue(rule: Rule, startOn: IsoDate, calendar: CalendarSettings): DeadlineExplanation | null {
  const spec = ruleSpec(rule);
  if (spec === null) return null;
  // Whose deadline it is (the rule's `deadline.owner`) decides which days count (legal-rules.md § b.5).
  return computeDeadline({ start: startOn, spec, calendar, ...ruleDeadlineInput(rule) });
}

/** How a svarpolitik deadline is named in lists, explanations and the history. */
export const ANSWER_POLICY_LABEL = PointDeadlineBasis.label('svarpolitik');

/**
 * The svarpolitik's deadline from `startOn` (the municipality's receipt of the henvendelse): a local
 * target (owner 'maal'), so the closing days may count, and the explanation says it is not law.
 */
export function computeAnswerPolicyDue(policy: AnswerPolicy, startOn: IsoDate, calendar: CalendarSettings): DeadlineExplanation {
  const e = computeDeadline({
    start: startOn,
    spec: { amount: policy.amount, unit: policy.unit, rollForward: false, profile: 'standard' },
    calendar,
    owner: 'maal',
    startEvent: 'kommunens modtagelse af henvendelsen',
    owes: 'et svar, en kvittering eller et foreløbigt svar',
  });
  const text = policy.text.trim();
  const head = `${ANSWER_POLICY_LABEL}: en målsætning, kommunen selv har sat – ikke en frist i loven.${text === '' ? '' : ` ${text}`}`;
  return { ...e, lines: [head, ...e.lines] };
}

/** A stored deadline as it would be computed now: from its rule or the svarpolitik; null when it cannot be. */
export function currentPointDue(
  row: Pick<PointDeadlineRow, 'basis' | 'start_on'>,
  rule: Rule | null,
  settings: DeadlineSettings,
): DeadlineExplanation | null {
  const calendar = calendarOf(settings);
  if (row.basis === 'svarpolitik') return settings.answerPolicy === null ? null : computeAnswerPolicyDue(settings.answerPolicy, row.start_on, calendar);
  return rule === null ? null : computePointDue(rule, row.start_on, calendar);
}

/** "FVL § 16, stk. 2 – …" for a rule, the svarpolitik's label, or the bare id of a rule that is gone. */
export function pointDeadlineLabel(row: Pick<PointDeadlineRow, 'basis' | 'rule_id'>, rule: Rule | null): string {
  if (row.basis === 'svarpolitik') return ANSWER_POLICY_LABEL;
  return rule === null ? (row.rule_id ?? '') : ruleRef(rule).label;
}

/** "Lovfrist" for a rule's deadline, "Frist efter svarpolitikken" for the svarpolitik (not law), in the history. */
function entryNoun(basis: PointDeadlineBasisCode): string {
  return basis === 'svarpolitik' ? 'Frist efter svarpolitikken' : 'Lovfrist';
}

const ruleOfRow = (ctx: ServiceContext, row: Pick<PointDeadlineRow, 'rule_id'>): Rule | null => (row.rule_id === null ? null : getRule(ctx.db, row.rule_id));

/** true when met on or before the due date; false when met late, or unmet and passed; null while running. */
export function keptOf(dueOn: IsoDate, metOn: IsoDate | null, on: IsoDate): boolean | null {
  if (metOn !== null) return metOn <= dueOn;
  return on > dueOn ? false : null;
}

function toView(row: PointDeadlineRow, rule: Rule | null, settings: DeadlineSettings, on: IsoDate): PointDeadline {
  let explanation = currentPointDue(row, rule, settings);
  if (explanation !== null && explanation.due !== row.due_on) {
    // A met deadline keeps the date it was judged against (see the module comment); so does one whose
    // rule (or svarpolitik) was changed since, until it is saved again.
    explanation = {
      ...explanation,
      lines: [...explanation.lines, `Med den nuværende kalender ville fristen være ${formatDanishDate(explanation.due)}; den registrerede frist ${formatDanishDate(row.due_on)} er bevaret.`],
      due: row.due_on,
    };
  }
  return {
    id: row.id,
    caseId: row.case_id,
    pointId: row.point_id,
    pointPosition: row.point_position,
    basis: row.basis,
    ruleId: row.rule_id,
    ruleLabel: pointDeadlineLabel(row, rule),
    startOn: row.start_on,
    dueOn: row.due_on,
    metOn: row.met_on,
    kept: keptOf(row.due_on, row.met_on, on),
    explanation: explanation ?? {
      // The rule lost its computable deadline after the fact (the adviser edited it), or the
      // svarpolitik was switched off: keep the date.
      rule: rule === null ? null : ruleRef(rule), owner: row.basis === 'svarpolitik' ? 'maal' : rule?.deadline?.owner ?? 'myndighed', start: row.start_on, spec: { amount: 0, unit: 'dage', rollForward: false, profile: 'standard' },
      counted: [], skipped: [], counts: row.due_on, monthEndClamped: false, rolledForward: null, adjustments: [], due: row.due_on,
      lines: [
        row.basis === 'svarpolitik'
          ? `Kommunen har ikke længere en svarpolitik i indstillingerne; den registrerede frist ${formatDanishDate(row.due_on)} er bevaret.`
          : `Reglen har ikke længere en frist, der kan beregnes; den registrerede frist ${formatDanishDate(row.due_on)} er bevaret.`,
      ],
      letterLines: [`Fristen udløber ${formatDanishLetterDateWithWeekday(row.due_on)}.`],
    },
    note: row.note,
  };
}

function view(ctx: ServiceContext, row: PointDeadlineRow): PointDeadline {
  return toView(row, ruleOfRow(ctx, row), loadSettings(ctx), today(ctx));
}

export function listPointDeadlinesForCase(ctx: ServiceContext, caseId: number): PointDeadline[] {
  if (getCaseDetail(ctx.db, caseId) === null) throw new AppError('not_found', 'Henvendelsen findes ikke. Den kan være slettet.');
  const settings = loadSettings(ctx);
  const on = today(ctx);
  return pointDeadlineRowsForCase(ctx.db, caseId).map((r) => toView(r, ruleOfRow(ctx, r), settings, on));
}

type Validated = { caseId: number; basis: PointDeadlineBasisCode; rule: Rule | null; label: string; dueOn: IsoDate };

/** Validate; returns the case id, the basis with its rule (null for the svarpolitik), its label and the computed due date. */
function validate(ctx: ServiceContext, input: PointDeadlineInput, before: PointDeadlineRow | null): Validated {
  const errors: Record<string, string> = {};
  const caseId = pointCaseId(ctx.db, input.pointId);
  if (caseId === null) errors['pointId'] = 'Klagepunktet findes ikke. Det kan være slettet.';
  else if (before !== null && before.case_id !== caseId) errors['pointId'] = 'En frist kan ikke flyttes til en anden henvendelse.';
  const settings = loadSettings(ctx);
  const basis = input.basis ?? 'regel';
  if (basis === 'svarpolitik') {
    let explanation: DeadlineExplanation | null = null;
    if (settings.answerPolicy === null) {
      errors['ruleId'] = 'Kommunen har ingen svarpolitik i indstillingerne (Kalender og frister). Angiv den der, eller vælg en regel.';
    } else if (!isValidIsoDate(input.startOn)) errors['startOn'] = 'Startdatoen er ikke en gyldig dato.';
    else explanation = computeAnswerPolicyDue(settings.answerPolicy, input.startOn, calendarOf(settings));
    checkMet(ctx, input, errors);
    if (Object.keys(errors).length > 0 || caseId === null || explanation === null) throw validationError(errors);
    return { caseId, basis, rule: null, label: ANSWER_POLICY_LABEL, dueOn: explanation.due };
  }
  const ruleId = input.ruleId ?? '';
  const rule = ruleId === '' ? null : getRule(ctx.db, ruleId);
  let explanation: DeadlineExplanation | null = null;
  if (ruleId === '') errors['ruleId'] = 'Vælg den regel, fristen følger af.';
  else if (rule === null) errors['ruleId'] = `Reglen "${ruleId}" findes ikke i regelkataloget.`;
  else if (!isValidIsoDate(input.startOn)) errors['startOn'] = 'Startdatoen er ikke en gyldig dato.';
  else {
    explanation = computePointDue(rule, input.startOn, calendarOf(settings));
    if (explanation === null) {
      const text = rule.deadline?.text.trim() ?? '';
      errors['ruleId'] = `Reglen ${ruleRef(rule).label} har ingen frist, der kan beregnes${text === '' ? '' : ` („${text}“)`}. Vælg en regel med en frist i dage, arbejdsdage, uger eller måneder.`;
    }
  }
  checkMet(ctx, input, errors);
  if (Object.keys(errors).length > 0 || caseId === null || rule === null || explanation === null) throw validationError(errors);
  return { caseId, basis, rule, label: ruleRef(rule).label, dueOn: explanation.due };
}

function checkMet(ctx: ServiceContext, input: PointDeadlineInput, errors: Record<string, string>): void {
  if (input.metOn !== null && isValidIsoDate(input.startOn)) {
    if (!isValidIsoDate(input.metOn)) errors['metOn'] = 'Datoen er ikke en gyldig dato.';
    else if (input.metOn < input.startOn) errors['metOn'] = `Fristen kan ikke være overholdt, før den begyndte at løbe ${formatDanishDate(input.startOn)}.`;
    else if (input.metOn > today(ctx)) errors['metOn'] = 'Datoen kan ikke ligge i fremtiden.';
  }
}

function describe(rule: Rule | null, row: Pick<PointDeadlineRow, 'basis' | 'rule_id' | 'start_on' | 'due_on' | 'met_on' | 'note' | 'point_position'>): Map<string, string> {
  return new Map([
    ['Klagepunkt', `Klagepunkt ${row.point_position}`],
    ['Regel', pointDeadlineLabel(row, rule)],
    ['Start', formatDanishDate(row.start_on)],
    ['Frist', formatDanishDate(row.due_on)],
    ['Overholdt', formatDanishDate(row.met_on)],
    ['Note', row.note],
  ]);
}

function changes(before: Map<string, string>, after: Map<string, string>) {
  const out: Array<{ field: string; before: string; after: string }> = [];
  for (const field of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(field) ?? '';
    const a = after.get(field) ?? '';
    if (a !== b) out.push({ field, before: b, after: a });
  }
  return out;
}

function mustGet(ctx: ServiceContext, id: number): PointDeadlineRow {
  const row = getPointDeadlineRow(ctx.db, id);
  if (row === null) throw notFound();
  return row;
}

function write(input: PointDeadlineInput, v: Validated) {
  return { pointId: input.pointId, basis: v.basis, ruleId: v.rule?.id ?? null, startOn: input.startOn, dueOn: v.dueOn, metOn: input.metOn, note: input.note.trim() };
}

export function createPointDeadline(ctx: ServiceContext, input: PointDeadlineInput): PointDeadline {
  return ctx.db.transaction(() => {
    const v = validate(ctx, input, null);
    const id = insertPointDeadline(ctx.db, write(input, v), nowIso(ctx));
    const row = mustGet(ctx, id);
    auditDeadline(ctx, {
      entity: 'point_deadline', entityId: id, caseId: v.caseId,
      action: `${entryNoun(v.basis)} tilføjet: ${v.label}, frist ${formatDanishDate(v.dueOn)}`,
      changes: changes(new Map(), describe(v.rule, row)),
    });
    return view(ctx, row);
  })();
}

export function updatePointDeadline(ctx: ServiceContext, id: number, input: PointDeadlineInput): PointDeadline {
  return ctx.db.transaction(() => {
    const before = mustGet(ctx, id);
    const v = validate(ctx, input, before);
    updatePointDeadlineRow(ctx.db, id, write(input, v), nowIso(ctx));
    const after = mustGet(ctx, id);
    const diff = changes(describe(ruleOfRow(ctx, before), before), describe(v.rule, after));
    // Saving an unchanged form is not worth a line in the history.
    if (diff.length > 0) auditDeadline(ctx, { entity: 'point_deadline', entityId: id, caseId: v.caseId, action: `${entryNoun(v.basis)} ændret: ${v.label}`, changes: diff });
    return view(ctx, after);
  })();
}

export function deletePointDeadline(ctx: ServiceContext, id: number): void {
  ctx.db.transaction(() => {
    const before = mustGet(ctx, id);
    const rule = ruleOfRow(ctx, before);
    deletePointDeadlineRow(ctx.db, id);
    auditDeadline(ctx, {
      entity: 'point_deadline', entityId: id, caseId: before.case_id,
      action: `${entryNoun(before.basis)} slettet: ${pointDeadlineLabel(before, rule)}`,
      changes: changes(describe(rule, before), new Map()),
    });
  })();
}
