/**
 * How a rule is written in the UI: its reference ("FVL § 19 – Partshøring"), its deadline in words
 * and whether it has left the catalogue. Kept in one place so the list, the rule page and the
 * klagepunkt editor word a rule the same way.
 */
import { DeadlineUnit, type Rule, type RuleDeadline } from '../../../../shared/domain/rule';

/** "FVL § 19" – the paragraph already carries its § sign when the law uses one. */
export function ruleReference(rule: Pick<Rule, 'lawShort' | 'paragraph'>): string {
  const p = rule.paragraph.trim();
  const needsSign = /^\d/.test(p);
  return `${rule.lawShort} ${needsSign ? '§ ' : ''}${p}`.trim();
}

export function ruleHeading(rule: Pick<Rule, 'lawShort' | 'paragraph' | 'title'>): string {
  return `${ruleReference(rule)} – ${rule.title}`;
}

/** The short form for lists: "7 arbejdsdage", or the text when the deadline cannot be computed. */
export function deadlineShort(d: RuleDeadline | null): string {
  if (d === null) return '';
  if (d.amount !== null && d.unit !== null) return `${d.amount} ${DeadlineUnit.label(d.unit)}`;
  return d.text.trim();
}

/** "7 arbejdsdage fra myndighedens modtagelse af anmodningen". */
export function deadlineInWords(d: RuleDeadline | null): string {
  if (d === null) return 'Reglen fastsætter ingen frist.';
  const short = deadlineShort(d) || 'Frist';
  const from = d.from.trim();
  return from === '' ? short : `${short} fra ${from}`;
}

/** A rule has left the catalogue once its valid-to date has passed (rules are never deleted). */
export function isRetired(rule: Pick<Rule, 'validTo'>, today: string): boolean {
  return rule.validTo !== null && rule.validTo <= today;
}

/** Lower-cased text a picker or search matches against: id, law, paragraph and title. */
export function ruleSearchText(rule: Rule): string {
  return `${rule.id} ${ruleReference(rule)} ${rule.paragraph} ${rule.title}`.toLocaleLowerCase('da-DK');
}
