/**
 * How a rule is written in the UI: its reference ("FVL § 19 – Partshøring"), its deadline in words
 * and whether it has left the catalogue. Kept in one place so the list, the rule page and the
 * klagepunkt editor word a rule the same way.
 */
import { formatSpec } from '../../../../shared/deadlines/text';
import { ruleHeading, ruleReference, verificationMark, type Rule, type RuleDeadline } from '../../../../shared/domain/rule';

// Named in shared/domain/rule.ts so the backend's explanations and messages say it the same way.
export { ruleHeading, ruleReference };

/** The short form for lists: "7 arbejdsdage", "1 måned", or the text when the deadline cannot be computed. */
export function deadlineShort(d: RuleDeadline | null): string {
  if (d === null) return '';
  // The engine's wording, singular or plural ("1 måned", not the unit's plural label).
  if (d.amount !== null && d.unit !== null) return formatSpec({ amount: d.amount, unit: d.unit });
  return d.text.trim();
}

/**
 * "7 arbejdsdage fra myndighedens modtagelse af anmodningen"; the rule's own words when they add to
 * the amount, said once: "14 dage (myndighedens svarfrist) fra …", never "14 dage (14 dage (…))".
 */
export function deadlineInWords(d: RuleDeadline | null): string {
  if (d === null) return 'Reglen fastsætter ingen frist.';
  const short = deadlineShort(d);
  const text = d.text.trim();
  const head = text === '' || text === short ? short || 'Frist' : text.startsWith(short) ? text : `${short} (${text})`;
  const from = d.from.trim();
  return from === '' ? head : `${head} fra ${from}`;
}

/** A rule has left the catalogue once its valid-to date has passed (rules are never deleted). */
export function isRetired(rule: Pick<Rule, 'validTo'>, today: string): boolean {
  return rule.validTo !== null && rule.validTo <= today;
}

/** Lower-cased text a picker or search matches against: id, law, paragraph and title. */
export function ruleSearchText(rule: Rule): string {
  return `${rule.id} ${ruleReference(rule)} ${rule.paragraph} ${rule.title}`.toLocaleLowerCase('da-DK');
}

/**
 * The heading with the "ikke fuldt verificeret" mark in words, for places that can only show text
 * (a select's options): a rule not fully verified is flagged wherever it is shown.
 */
export function ruleHeadingMarked(rule: Pick<Rule, 'lawShort' | 'paragraph' | 'title' | 'verification'>): string {
  const mark = verificationMark(rule.verification);
  return mark === null ? ruleHeading(rule) : `${ruleHeading(rule)} (${mark})`;
}
