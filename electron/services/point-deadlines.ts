/**
 * Statutory deadlines on the municipality's own handling (aktindsigt 7 arbejdsdage, genvurdering 4
 * uger, GDPR 1 måned, …), attached to a klagepunkt from the rule catalogue: the service behind
 * point-deadlines:*. The due date comes from the rule's deadline and the current calendar; the
 * `standard` calendar profile, since a rule does not name one.
 *
 * Once met, a deadline is final like a request's verdict: a calendar change recomputes only the
 * unmet ones (electron/services/deadlines.ts).
 */
import { getCaseDetail, pointCaseId } from '../../db/queries/cases';
import {
  deletePointDeadline,
  getPointDeadlineRow,
  insertPointDeadline,
  pointDeadlineRowsForCase,
  updatePointDeadline,
  type PointDeadlineRow,
} from '../../db/queries/point-deadlines';
import { getRule } from '../../db/queries/rules';
import { formatDanishDate, isValidIsoDate, type IsoDate } from '../../shared/domain/dates';
import type { PointDeadline, PointDeadlineInput } from '../../shared/domain/deadline-tracking';
import type { Rule } from '../../shared/domain/rule';
import { computeDeadline, type CalendarSettings, type DeadlineExplanation } from '../../shared/deadlines';
import { AppError, validationError } from '../../shared/ipc/result';
import type { ServiceContext } from './context';
import { auditDeadline, calendarOf, loadSettings, nowIso, ruleRef, ruleSpec, today } from './deadline-common';

function notFound(): AppError {
  return new AppError('not_found', 'Fristen findes ikke. Den kan være slettet.');
}

/** The deadline of `rule` from `startOn`; null when the rule has no computable deadline. */
export function computePointDue(rule: Rule, startOn: IsoDate, calendar: CalendarSettings): DeadlineExplanation | null {
  const spec = ruleSpec(rule);
  if (spec === null) return null;
  return computeDeadline({ start: startOn, spec, calendar, rule: ruleRef(rule) });
}

/** true when met on or before the due date; false when met late, or unmet and passed; null while running. */
export function keptOf(dueOn: IsoDate, metOn: IsoDate | null, on: IsoDate): boolean | null {
  if (metOn !== null) return metOn <= dueOn;
  return on > dueOn ? false : null;
}

function toView(row: PointDeadlineRow, rule: Rule | null, calendar: CalendarSettings, on: IsoDate): PointDeadline {
  let explanation = rule === null ? null : computePointDue(rule, row.start_on, calendar);
  if (explanation !== null && explanation.due !== row.due_on) {
    // A met deadline keeps the date it was judged against (see the module comment); so does one whose
    // rule was edited since, until it is saved again.
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
    ruleId: row.rule_id,
    ruleLabel: rule === null ? row.rule_id : ruleRef(rule).label,
    startOn: row.start_on,
    dueOn: row.due_on,
    metOn: row.met_on,
    kept: keptOf(row.due_on, row.met_on, on),
    explanation: explanation ?? {
      // The rule lost its computable deadline after the fact (the adviser edited it): keep the date.
      rule: rule === null ? null : ruleRef(rule), start: row.start_on, spec: { amount: 0, unit: 'dage', rollForward: false, profile: 'standard' },
      counted: [], skipped: [], counts: row.due_on, monthEndClamped: false, rolledForward: null, adjustments: [], due: row.due_on,
      lines: [`Reglen har ikke længere en frist, der kan beregnes; den registrerede frist ${formatDanishDate(row.due_on)} er bevaret.`],
    },
    note: row.note,
  };
}

function view(ctx: ServiceContext, row: PointDeadlineRow): PointDeadline {
  return toView(row, getRule(ctx.db, row.rule_id), calendarOf(loadSettings(ctx)), today(ctx));
}

export function forCase(ctx: ServiceContext, caseId: number): PointDeadline[] {
  if (getCaseDetail(ctx.db, caseId) === null) throw new AppError('not_found', 'Henvendelsen findes ikke. Den kan være slettet.');
  const calendar = calendarOf(loadSettings(ctx));
  const on = today(ctx);
  return pointDeadlineRowsForCase(ctx.db, caseId).map((r) => toView(r, getRule(ctx.db, r.rule_id), calendar, on));
}

/** Validate; returns the case id, the rule and the computed due date. */
function validate(ctx: ServiceContext, input: PointDeadlineInput, before: PointDeadlineRow | null): { caseId: number; rule: Rule; dueOn: IsoDate } {
  const errors: Record<string, string> = {};
  const caseId = pointCaseId(ctx.db, input.pointId);
  if (caseId === null) errors['pointId'] = 'Klagepunktet findes ikke. Det kan være slettet.';
  else if (before !== null && before.case_id !== caseId) errors['pointId'] = 'En frist kan ikke flyttes til en anden henvendelse.';
  const rule = getRule(ctx.db, input.ruleId);
  const settings = loadSettings(ctx);
  let explanation: DeadlineExplanation | null = null;
  if (rule === null) errors['ruleId'] = `Reglen "${input.ruleId}" findes ikke i regelkataloget.`;
  else if (!isValidIsoDate(input.startOn)) errors['startOn'] = 'Startdatoen er ikke en gyldig dato.';
  else {
    explanation = computePointDue(rule, input.startOn, calendarOf(settings));
    if (explanation === null) {
      const text = rule.deadline?.text.trim() ?? '';
      errors['ruleId'] = `Reglen ${ruleRef(rule).label} har ingen frist, der kan beregnes${text === '' ? '' : ` („${text}“)`}. Vælg en regel med en frist i dage, arbejdsdage, uger eller måneder.`;
    }
  }
  if (input.metOn !== null && isValidIsoDate(input.startOn)) {
    if (!isValidIsoDate(input.metOn)) errors['metOn'] = 'Datoen er ikke en gyldig dato.';
    else if (input.metOn < input.startOn) errors['metOn'] = `Fristen kan ikke være overholdt, før den begyndte at løbe ${formatDanishDate(input.startOn)}.`;
    else if (input.metOn > today(ctx)) errors['metOn'] = 'Datoen kan ikke ligge i fremtiden.';
  }
  if (Object.keys(errors).length > 0 || caseId === null || rule === null || explanation === null) throw validationError(errors);
  return { caseId, rule, dueOn: explanation.due };
}

function describe(rule: Rule | null, row: Pick<PointDeadlineRow, 'rule_id' | 'start_on' | 'due_on' | 'met_on' | 'note' | 'point_position'>): Map<string, string> {
  return new Map([
    ['Klagepunkt', `Klagepunkt ${row.point_position}`],
    ['Regel', rule === null ? row.rule_id : ruleRef(rule).label],
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

export function create(ctx: ServiceContext, input: PointDeadlineInput): PointDeadline {
  return ctx.db.transaction(() => {
    const { caseId, rule, dueOn } = validate(ctx, input, null);
    const id = insertPointDeadline(ctx.db, { pointId: input.pointId, ruleId: input.ruleId, startOn: input.startOn, dueOn, metOn: input.metOn, note: input.note.trim() }, nowIso(ctx));
    const row = mustGet(ctx, id);
    auditDeadline(ctx, {
      entity: 'point_deadline', entityId: id, caseId,
      action: `Lovfrist tilføjet: ${ruleRef(rule).label}, frist ${formatDanishDate(dueOn)}`,
      changes: changes(new Map(), describe(rule, row)),
    });
    return view(ctx, row);
  })();
}

export function update(ctx: ServiceContext, id: number, input: PointDeadlineInput): PointDeadline {
  return ctx.db.transaction(() => {
    const before = mustGet(ctx, id);
    const { caseId, rule, dueOn } = validate(ctx, input, before);
    updatePointDeadline(ctx.db, id, { pointId: input.pointId, ruleId: input.ruleId, startOn: input.startOn, dueOn, metOn: input.metOn, note: input.note.trim() }, nowIso(ctx));
    const after = mustGet(ctx, id);
    const diff = changes(describe(getRule(ctx.db, before.rule_id), before), describe(rule, after));
    // Saving an unchanged form is not worth a line in the history.
    if (diff.length > 0) auditDeadline(ctx, { entity: 'point_deadline', entityId: id, caseId, action: `Lovfrist ændret: ${ruleRef(rule).label}`, changes: diff });
    return view(ctx, after);
  })();
}

export function remove(ctx: ServiceContext, id: number): void {
  ctx.db.transaction(() => {
    const before = mustGet(ctx, id);
    const rule = getRule(ctx.db, before.rule_id);
    deletePointDeadline(ctx.db, id);
    auditDeadline(ctx, {
      entity: 'point_deadline', entityId: id, caseId: before.case_id,
      action: `Lovfrist slettet: ${rule === null ? before.rule_id : ruleRef(rule).label}`,
      changes: changes(describe(rule, before), new Map()),
    });
  })();
}
