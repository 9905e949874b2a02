/**
 * The rule catalogue: the service behind the rules:* channels. Shipped rules come from
 * shared/rules/catalog.ts (installed by syncShippedCatalog when the app opens); the adviser adds
 * their own rules (e.g. the municipality's svarpolitik), edits shipped ones (which then stay as
 * edited when a newer catalogue arrives), retires rules and edits the theme → rule suggestions.
 *
 * Each write is validated with the form's own rules (validateRuleInput, Danish messages) and
 * stored together with its audit entry in one transaction. The audit trail's entity id is a
 * number, so a rule's id (a slug) is named in the action text instead.
 *
 * A shipped rule keeps its role: a background rule (or one the reference could not verify) cannot
 * be turned into a norm by editing it; an adviser who wants to rely on it writes an own rule and
 * takes responsibility for it (breachRefusal). Theme suggestions never link such a rule.
 */
import { DeadlineOwnerVocab } from '../../shared/deadlines/owner';
import { formatSpec } from '../../shared/deadlines/text';
import { copenhagenDate } from '../../shared/domain/dates';
import {
  RuleIdSchema,
  RuleRole,
  Verification,
  breachRefusal,
  validateRuleInput,
  type Rule,
  type RuleCitation,
  type RuleDeadline,
  type RuleInput,
  type RuleQuery,
} from '../../shared/domain/rule';
import { AppError, validationError } from '../../shared/ipc/result';
import { appendAudit, type AuditChange } from '../../db/queries/audit';
import { catalogEntryExists, catalogEntryName } from '../../db/queries/catalog';
import {
  getRule as queryGetRule,
  insertOwnRule,
  ruleBreachFacts,
  listRules as queryListRules,
  ruleCitations,
  ruleValidity,
  setRuleValidTo,
  setThemeRuleIds,
  suggestRulesForThemes,
  themeRuleIds,
  themesSuggestingRule,
  updateRuleContent,
} from '../../db/queries/rules';
import type { ReadableDB } from '../../db/types';
import type { ServiceContext } from './context';

const ID_MESSAGE = 'Id’et må kun bestå af små bogstaver (a-z), tal og bindestreger, skal begynde med et bogstav eller tal og være 2-80 tegn langt (fx kom-svarpolitik-2).';

function today(ctx: ServiceContext): string {
  return copenhagenDate(ctx.clock.now());
}

function nowIso(ctx: ServiceContext): string {
  return ctx.clock.now().toISOString();
}

function audit(ctx: ServiceContext, action: string, changes: AuditChange[]): void {
  appendAudit(ctx.db, { at: nowIso(ctx), actor: ctx.actor(), entity: 'rule', entityId: null, caseId: null, action, changes });
}

function requireRule(db: ReadableDB, id: string): Rule {
  const rule = queryGetRule(db, id);
  if (rule === null) throw new AppError('not_found', `Reglen »${id}« findes ikke i regelkataloget.`);
  return rule;
}

/** Trimmed text, blank sources dropped, and an all-empty deadline read as "no deadline". */
function clean(input: RuleInput): RuleInput {
  const d = input.deadline;
  const deadline: RuleDeadline | null =
    d === null || (d.amount === null && d.unit === null && d.text.trim() === '' && d.from.trim() === '')
      ? null
      : { amount: d.amount, unit: d.unit, text: d.text.trim(), from: d.from.trim(), rollForward: d.rollForward, owner: d.owner, owes: d.owes.trim() };
  return {
    id: input.id.trim(),
    lawShort: input.lawShort.trim(),
    lawFull: input.lawFull.trim(),
    paragraph: input.paragraph.trim(),
    title: input.title.trim(),
    summary: input.summary.trim(),
    category: input.category.trim(),
    citation: input.citation.trim(),
    role: input.role,
    deadline,
    sources: input.sources.map((s) => s.trim()).filter((s) => s !== ''),
    verification: input.verification,
    note: input.note.trim(),
  };
}

function validate(input: RuleInput, extra: Record<string, string> = {}): void {
  const errors = { ...extra, ...validateRuleInput(input) };
  if (!RuleIdSchema.safeParse(input.id).success) errors['id'] = ID_MESSAGE;
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

/** The deadline in words for the audit trail: "7 arbejdsdage fra …, forlænges til næste hverdag". */
function deadlineWords(d: RuleDeadline | null): string {
  if (d === null) return '';
  // The engine's singular or plural ("1 måned", never "1 måneder"); the rule's own words said once,
  // also when they begin with the amount ("14 dage (myndighedens svarfrist)").
  const amount = d.amount !== null && d.unit !== null ? formatSpec({ amount: d.amount, unit: d.unit }) : '';
  const text = d.text.trim();
  const what = text === '' || text === amount ? amount : amount === '' || text.startsWith(amount) ? text : `${amount} – ${text}`;
  const from = d.from === '' ? '' : ` fra ${d.from}`;
  const owes = d.owes === '' ? '' : `; skal have givet: ${d.owes}`;
  return `${what}${from}${d.rollForward ? ' (forlænges til næste hverdag)' : ''} – ${DeadlineOwnerVocab.label(d.owner).toLocaleLowerCase('da-DK')}${owes}`;
}

/** The fields an adviser sees, with their Danish labels, for the audit diff. */
function auditFields(r: RuleInput): Array<[string, string]> {
  return [
    ['Lov', r.lawShort],
    ['Lovens fulde navn', r.lawFull],
    ['Paragraf', r.paragraph],
    ['Titel', r.title],
    ['Resumé', r.summary],
    ['Kategori', r.category],
    ['Henvisning i breve', r.citation],
    ['Rolle', RuleRole.label(r.role)],
    ['Frist', deadlineWords(r.deadline)],
    ['Kilder', r.sources.join('\n')],
    ['Verificering', Verification.label(r.verification)],
    ['Note', r.note],
  ];
}

function diff(before: RuleInput, after: RuleInput): AuditChange[] {
  const a = auditFields(before);
  const b = auditFields(after);
  return b.flatMap(([field, value], i) => {
    const old = (a[i] as [string, string])[1];
    return old === value ? [] : [{ field, before: old, after: value }];
  });
}

// ---------------------------------------------------------------------------------------------

/** The catalogue, filtered (see db/queries/rules.ts listRules). */
export function listRules(ctx: ServiceContext, q: RuleQuery): Rule[] {
  return queryListRules(ctx.db, q, today(ctx));
}

/** One rule with the klagepunkter citing it and the themes that suggest it. */
export function getRule(ctx: ServiceContext, id: string): { rule: Rule; citations: RuleCitation[]; suggestedForThemeIds: number[] } {
  const rule = requireRule(ctx.db, id);
  return { rule, citations: ruleCitations(ctx.db, id), suggestedForThemeIds: themesSuggestingRule(ctx.db, id) };
}

/** Add the adviser's own rule (e.g. the municipality's svarpolitik) under a new id. */
export function createRule(ctx: ServiceContext, raw: RuleInput): Rule {
  const input = clean(raw);
  validate(input);
  return ctx.db.transaction(() => {
    insertOwnRule(ctx.db, input, nowIso(ctx));
    const changes = auditFields(input)
      .filter(([, value]) => value !== '')
      .map(([field, after]) => ({ field, before: '', after }));
    audit(ctx, `Regel oprettet: ${input.id}`, changes);
    return requireRule(ctx.db, input.id);
  })();
}

/** Change a rule's content. A shipped rule is marked as edited, so newer catalogues leave it alone. */
export function updateRule(ctx: ServiceContext, id: string, raw: RuleInput): Rule {
  const input = clean(raw);
  validate(input, input.id === id ? {} : { id: 'En regels id kan ikke ændres. Opret en ny regel, hvis du vil bruge et andet id.' });
  return ctx.db.transaction(() => {
    const before = requireRule(ctx.db, id);
    if (before.origin === 'shipped' && input.role !== before.role) {
      throw validationError({
        role: 'En regel fra regelkataloget beholder sin rolle. Vil du bygge på en baggrundsregel som norm, så opret en egen regel og tag selv ansvar for den.',
      });
    }
    const changes = diff(before, input);
    if (changes.length === 0) return before;
    updateRuleContent(ctx.db, id, input, nowIso(ctx));
    audit(ctx, `Regel ændret: ${id}`, before.origin === 'shipped' && !before.edited ? [...changes, { field: 'Tilpasset af rådgiveren', before: 'Nej', after: 'Ja' }] : changes);
    return requireRule(ctx.db, id);
  })();
}

/**
 * Retire a rule (it stays on the klagepunkter that cite it, but is no longer offered) or bring it
 * back. Retiring sets `valid_to` to today; nothing is deleted.
 */
export function setRuleRetired(ctx: ServiceContext, id: string, retired: boolean): Rule {
  return ctx.db.transaction(() => {
    const before = requireRule(ctx.db, id);
    const isRetired = before.validTo !== null && before.validTo <= today(ctx);
    if (isRetired === retired) return before;
    const validTo = retired ? today(ctx) : null;
    setRuleValidTo(ctx.db, id, validTo, nowIso(ctx));
    audit(ctx, retired ? `Regel markeret som udgået: ${id}` : `Regel taget i brug igen: ${id}`, [
      { field: 'Gælder til', before: before.validTo ?? '', after: validTo ?? '' },
    ]);
    return requireRule(ctx.db, id);
  })();
}

/** The rules to offer for a klagepunkt with these themes, most-suggested first. */
export function suggestRules(ctx: ServiceContext, themeIds: number[]): string[] {
  return suggestRulesForThemes(ctx.db, themeIds, today(ctx));
}

/** Replace the rules a theme suggests; answers the stored list. */
export function setThemeRules(ctx: ServiceContext, themeId: number, ruleIds: string[]): string[] {
  const wanted = [...new Set(ruleIds.map((r) => r.trim()))];
  return ctx.db.transaction(() => {
    if (!catalogEntryExists(ctx.db, 'theme', themeId)) throw new AppError('not_found', 'Temaet findes ikke længere.');
    const known = ruleValidity(ctx.db, wanted);
    const missing = wanted.filter((r) => !known.has(r));
    if (missing.length > 0) {
      const list = missing.map((r) => `»${r}«`).join(', ');
      throw validationError({ ruleIds: missing.length === 1 ? `Reglen ${list} findes ikke i regelkataloget.` : `Reglerne ${list} findes ikke i regelkataloget.` });
    }
    // A suggestion is a rule to record as breached; background rules are never offered.
    const refused = [...ruleBreachFacts(ctx.db, wanted).values()].map((f) => breachRefusal(f)).filter((m): m is string => m !== null);
    if (refused.length > 0) throw validationError({ ruleIds: refused.join(' ') });
    const before = themeRuleIds(ctx.db, themeId);
    setThemeRuleIds(ctx.db, themeId, wanted);
    const after = themeRuleIds(ctx.db, themeId);
    if (before.join('\n') !== after.join('\n')) {
      const name = catalogEntryName(ctx.db, 'theme', themeId) ?? String(themeId);
      audit(ctx, 'Regelforslag for tema ændret', [{ field: `Tema ${name}`, before: before.join(', '), after: after.join(', ') }]);
    }
    return after;
  })();
}
