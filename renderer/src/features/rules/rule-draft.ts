/**
 * The rule form's working copy: the deadline amount and the sources are kept as typed (text, one
 * source a line) so nothing is lost on an error; `toRuleInput` builds the contract's RuleInput and
 * runs the shared `validateRuleInput`, so the form shows the same Danish messages as the service.
 * Whose deadline it is starts unchosen ('') for a new rule: the adviser must say it (§ b.5).
 */
import type { DeadlineOwner } from '../../../../shared/deadlines/owner';
import {
  RuleIdSchema,
  validateRuleInput,
  type DeadlineUnitCode,
  type Rule,
  type RuleInput,
  type RuleRoleCode,
  type VerificationCode,
} from '../../../../shared/domain/rule';

export type RuleDraft = {
  id: string;
  lawShort: string;
  lawFull: string;
  paragraph: string;
  title: string;
  summary: string;
  category: string;
  citation: string;
  role: RuleRoleCode;
  hasDeadline: boolean;
  amountText: string;
  unit: DeadlineUnitCode | null;
  deadlineText: string;
  from: string;
  rollForward: boolean;
  owner: DeadlineOwner | '';
  owes: string;
  sourcesText: string;
  verification: VerificationCode;
  note: string;
};

export function emptyRuleDraft(): RuleDraft {
  return {
    id: '', lawShort: '', lawFull: '', paragraph: '', title: '', summary: '', category: '', citation: '', role: 'norm',
    hasDeadline: false, amountText: '', unit: null, deadlineText: '', from: '', rollForward: false, owner: '', owes: '',
    sourcesText: '', verification: 'no', note: '',
  };
}

export function draftFromRule(r: Rule): RuleDraft {
  return {
    id: r.id, lawShort: r.lawShort, lawFull: r.lawFull, paragraph: r.paragraph, title: r.title, summary: r.summary,
    category: r.category, citation: r.citation, role: r.role, hasDeadline: r.deadline !== null, amountText: r.deadline?.amount ? String(r.deadline.amount) : '',
    unit: r.deadline?.unit ?? null, deadlineText: r.deadline?.text ?? '', from: r.deadline?.from ?? '',
    rollForward: r.deadline?.rollForward ?? false, owner: r.deadline?.owner ?? '', owes: r.deadline?.owes ?? '',
    sourcesText: r.sources.join('\n'), verification: r.verification, note: r.note,
  };
}

export function sourcesOf(text: string): string[] {
  return text.split('\n').map((s) => s.trim()).filter((s) => s !== '');
}

export function toRuleInput(d: RuleDraft): { input: RuleInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const id = d.id.trim();
  if (!RuleIdSchema.safeParse(id).success) errors['id'] = 'Id skal være 2–80 tegn: små bogstaver, tal og bindestreg (fx kom-svarpolitik).';
  const amountText = d.amountText.trim();
  const amount = amountText === '' ? null : Number(amountText);
  if (amount !== null && !(Number.isInteger(amount) && amount > 0)) errors['deadline.amount'] = 'Antal skal være et helt tal større end 0.';
  const input: RuleInput = {
    id,
    lawShort: d.lawShort.trim(),
    lawFull: d.lawFull.trim(),
    paragraph: d.paragraph.trim(),
    title: d.title.trim(),
    summary: d.summary.trim(),
    category: d.category.trim(),
    citation: d.citation.trim(),
    role: d.role,
    deadline: d.hasDeadline
      ? {
          amount: amount !== null && Number.isInteger(amount) && amount > 0 ? amount : null,
          unit: d.unit,
          text: d.deadlineText.trim(),
          from: d.from.trim(),
          rollForward: d.rollForward,
          // An unchosen owner goes to validateRuleInput as it is, which asks for it (the form's only way to send one).
          owner: d.owner as DeadlineOwner,
          owes: d.owes.trim(),
        }
      : null,
    sources: sourcesOf(d.sourcesText),
    verification: d.verification,
    note: d.note.trim(),
  };
  // An amount that could not be read must not also be reported as "amount and unit disagree".
  for (const [k, v] of Object.entries(validateRuleInput(input))) if (!(k in errors)) errors[k] = v;
  return { input, errors };
}

/** The form control an error path belongs to (all source errors belong to the one sources field). */
export function ruleFieldFor(path: string): string {
  return path.startsWith('sources.') ? 'sources' : path;
}
