/**
 * The rule catalogue (migration 0030): shipped rules kept in step with the catalogue version the
 * application carries, the adviser's own rules, the klagepunkter citing a rule, and the editable
 * theme → rule suggestions.
 *
 * Rules are never deleted: a klagepunkt that cited a rule must keep pointing at it (point_rules
 * refuses the delete), so a rule leaves the catalogue by getting `valid_to`, the date from which it
 * no longer applies. A rule is retired once `valid_to` ≤ today, the same test the renderer uses.
 */
import { z } from 'zod';
import { copenhagenDate } from '../../shared/domain/dates';
import type { DeadlineOwner } from '../../shared/deadlines/owner';
import type { DeadlineUnitCode, Rule, RuleCitation, RuleDeadline, RuleInput, RuleQuery, RuleRoleCode, VerificationCode, AssessmentCode } from '../../shared/domain/rule';
import { AppError } from '../../shared/ipc/result';
import { DEFAULT_THEME_RULES, type ThemeRuleSuggestion } from '../../shared/rules/theme-suggestions';
import type { ReadableDB, WritableDB } from '../types';
import { findThemeByName } from './catalog';
import { cached } from './cached';
import { getSetting, setSetting } from './settings';

type RuleRow = {
  id: string;
  origin: 'shipped' | 'own';
  law_short: string;
  law_full: string;
  paragraph: string;
  title: string;
  summary: string;
  category: string;
  citation: string;
  role: RuleRoleCode;
  deadline_amount: number | null;
  deadline_unit: DeadlineUnitCode | null;
  deadline_text: string;
  deadline_from: string;
  deadline_roll_forward: 0 | 1;
  deadline_owner: DeadlineOwner;
  deadline_owes: string;
  sources: string;
  verification: VerificationCode;
  note: string;
  valid_from: string | null;
  valid_to: string | null;
  catalog_version: number | null;
  edited: 0 | 1;
  cited_by: number;
};

const RULE_COLUMNS = `r.id, r.origin, r.law_short, r.law_full, r.paragraph, r.title, r.summary, r.category, r.citation, r.role,
  r.deadline_amount, r.deadline_unit, r.deadline_text, r.deadline_from, r.deadline_roll_forward, r.deadline_owner, r.deadline_owes,
  r.sources, r.verification, r.note, r.valid_from, r.valid_to, r.catalog_version, r.edited,
  (SELECT count(*) FROM point_rules pr WHERE pr.rule_id = r.id) AS cited_by`;

const SourcesSchema = z.array(z.string());

function parseSources(raw: string): string[] {
  // Written only by this module, but a damaged cell must not hide the rule.
  try {
    const parsed = SourcesSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** No amount and no text: the rule sets no deadline (validateRuleInput refuses a deadline without either). */
function toDeadline(r: RuleRow): RuleDeadline | null {
  if (r.deadline_amount === null && r.deadline_text === '' && r.deadline_from === '') return null;
  return {
    amount: r.deadline_amount,
    unit: r.deadline_unit,
    text: r.deadline_text,
    from: r.deadline_from,
    rollForward: r.deadline_roll_forward === 1,
    owner: r.deadline_owner,
    owes: r.deadline_owes,
  };
}

function toRule(r: RuleRow): Rule {
  return {
    id: r.id,
    origin: r.origin,
    lawShort: r.law_short,
    lawFull: r.law_full,
    paragraph: r.paragraph,
    title: r.title,
    summary: r.summary,
    category: r.category,
    citation: r.citation,
    role: r.role,
    deadline: toDeadline(r),
    sources: parseSources(r.sources),
    verification: r.verification,
    note: r.note,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    catalogVersion: r.catalog_version,
    edited: r.edited === 1,
    citedBy: r.cited_by,
  };
}

/** The content columns of a rule, in the order the INSERT and UPDATE below bind them. */
function contentParams(rule: RuleInput): unknown[] {
  const d = rule.deadline;
  return [
    rule.lawShort,
    rule.lawFull,
    rule.paragraph,
    rule.title,
    rule.summary,
    rule.category,
    rule.citation,
    rule.role,
    d?.amount ?? null,
    d?.unit ?? null,
    d?.text ?? '',
    d?.from ?? '',
    d?.rollForward === true ? 1 : 0,
    // Without a deadline the owner means nothing; 'myndighed' is the column's default (migration 0060).
    d?.owner ?? 'myndighed',
    d?.owes ?? '',
    JSON.stringify(rule.sources),
    rule.verification,
    rule.note,
  ];
}

const CONTENT_SET = `law_short = ?, law_full = ?, paragraph = ?, title = ?, summary = ?, category = ?, citation = ?, role = ?,
  deadline_amount = ?, deadline_unit = ?, deadline_text = ?, deadline_from = ?, deadline_roll_forward = ?, deadline_owner = ?, deadline_owes = ?,
  sources = ?, verification = ?, note = ?`;

const INSERT_SQL = `INSERT INTO rules (id, origin, law_short, law_full, paragraph, title, summary, category, citation, role,
    deadline_amount, deadline_unit, deadline_text, deadline_from, deadline_roll_forward, deadline_owner, deadline_owes, sources, verification, note,
    catalog_version, edited, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`;

function sameContent(stored: Rule, rule: RuleInput): boolean {
  const a = contentParams(stored);
  const b = contentParams(rule);
  return a.every((v, i) => v === b[i]);
}

// ---------------------------------------------------------------------------------------------
// The shipped catalogue

export type CatalogSyncResult = Readonly<{ inserted: number; updated: number; retired: number; keptEdited: number }>;

/** The shipped catalogue version this database holds; 0 before the first install. */
export function storedCatalogVersion(db: ReadableDB): number {
  const n = Number(getSetting(db, 'rule_catalog_version') ?? '0');
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/**
 * Bring the shipped rules up to catalogue `version`, in one transaction, only when the database
 * holds an older version (so an up-to-date start costs one settings read):
 * - a shipped rule not yet stored is inserted;
 * - a stored shipped rule the adviser has not edited gets the new content; its `valid_to` is left
 *   as it is, so a rule the adviser retired stays retired;
 * - a shipped rule the adviser edited (`edited = 1`), and an own rule that happens to have a
 *   shipped id, are left exactly as they are (counted in `keptEdited`);
 * - an un-edited shipped rule missing from the new list gets `valid_to` = today; it is never
 *   deleted, since klagepunkter may cite it.
 * On the very first install it also adds the default theme → rule suggestions for the themes that
 * exist by name; later versions never touch that mapping, which is the adviser's to edit.
 */
export function syncShippedCatalog(
  db: WritableDB,
  rules: ReadonlyArray<RuleInput>,
  version: number,
  nowIso: string,
  themeRules: ReadonlyArray<ThemeRuleSuggestion> = DEFAULT_THEME_RULES,
): CatalogSyncResult {
  const none: CatalogSyncResult = { inserted: 0, updated: 0, retired: 0, keptEdited: 0 };
  if (storedCatalogVersion(db) >= version) return none;
  return db.transaction((): CatalogSyncResult => {
    // Checked again inside the transaction: the desktop app and the CLI may open the file together.
    const stored = storedCatalogVersion(db);
    if (stored >= version) return none;
    let inserted = 0;
    let updated = 0;
    let keptEdited = 0;
    for (const rule of rules) {
      const existing = getRule(db, rule.id);
      if (existing === null) {
        cached(db, INSERT_SQL).run(rule.id, 'shipped', ...contentParams(rule), version, nowIso, nowIso);
        inserted++;
      } else if (existing.origin === 'own' || existing.edited) {
        keptEdited++;
      } else if (sameContent(existing, rule)) {
        cached(db, 'UPDATE rules SET catalog_version = ? WHERE id = ?').run(version, rule.id);
      } else {
        cached(db, `UPDATE rules SET ${CONTENT_SET}, catalog_version = ?, updated_at = ? WHERE id = ?`).run(...contentParams(rule), version, nowIso, rule.id);
        updated++;
      }
    }
    const today = copenhagenDate(new Date(nowIso));
    const retired = cached(
      db,
      `UPDATE rules SET valid_to = ?, catalog_version = ?, updated_at = ?
        WHERE origin = 'shipped' AND edited = 0 AND valid_to IS NULL AND id NOT IN (SELECT value FROM json_each(?))`,
    ).run(today, version, nowIso, JSON.stringify(rules.map((r) => r.id))).changes;
    if (stored === 0) installThemeSuggestions(db, themeRules);
    setSetting(db, 'rule_catalog_version', String(version));
    return { inserted, updated, retired, keptEdited };
  })();
}

/** Link each named theme that exists to the suggested rules that exist; existing links are kept. */
function installThemeSuggestions(db: WritableDB, themeRules: ReadonlyArray<ThemeRuleSuggestion>): void {
  const insert = cached(db, 'INSERT OR IGNORE INTO theme_rules (theme_id, rule_id) SELECT ?, id FROM rules WHERE id = ?');
  for (const entry of themeRules) {
    const themeId = findThemeByName(db, entry.theme);
    if (themeId === null) continue;
    for (const ruleId of entry.ruleIds) insert.run(themeId, ruleId);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

const collator = new Intl.Collator('da', { numeric: true, sensitivity: 'base' });

/** The first number in a paragraph ("§ 16, stk. 2" → 16); rules without one sort last within their law. */
function paragraphNumber(paragraph: string): number {
  const m = /\d+/.exec(paragraph);
  return m ? Number(m[0]) : Number.MAX_SAFE_INTEGER;
}

/** 1 for a lettered paragraph ("§ 9 b", "§§ 11 a og 11 c"), which comes after the plain one. */
function letteredParagraph(paragraph: string): number {
  return /^\D*\d+ ?[a-zæøå]\b/.test(paragraph) ? 1 : 0;
}

/**
 * Catalogue order: by law, then by paragraph number (§ 3 before § 16), a plain paragraph before its
 * lettered ones (§ 9 before § 9 b), then stk. in order, then id.
 */
function compareRules(a: Rule, b: Rule): number {
  const text = (p: string) => p.replace(/^§+\s*/, '');
  return (
    collator.compare(a.lawShort, b.lawShort) ||
    paragraphNumber(a.paragraph) - paragraphNumber(b.paragraph) ||
    letteredParagraph(a.paragraph) - letteredParagraph(b.paragraph) ||
    collator.compare(text(a.paragraph), text(b.paragraph)) ||
    collator.compare(a.id, b.id)
  );
}

/** Search terms: case-folded like SQL's casefold() (db/connection.ts), at most 8. */
function searchTerms(search: string): string[] {
  return search.toLocaleLowerCase('da-DK').split(/\s+/).filter((t) => t !== '').slice(0, 8);
}

/**
 * Rules matching the query, in catalogue order. Every search term must occur (case-insensitively,
 * Æ/Ø/Å included) in the id, title, summary, paragraph or law; retired rules only when asked for.
 */
export function listRules(db: ReadableDB, q: RuleQuery, today: string): Rule[] {
  const terms = searchTerms(q.search);
  const haystack = "casefold(r.id || ' ' || r.title || ' ' || r.summary || ' ' || r.paragraph || ' ' || r.law_short || ' ' || r.law_full)";
  const where = [
    '(? = 1 OR r.valid_to IS NULL OR r.valid_to > ?)',
    '(? IS NULL OR casefold(r.law_short) = casefold(?))',
    '(? IS NULL OR casefold(r.category) = casefold(?))',
    ...terms.map(() => `instr(${haystack}, ?) > 0`),
  ];
  const law = q.lawShort?.trim() || null;
  const category = q.category?.trim() || null;
  const rows = cached(db, `SELECT ${RULE_COLUMNS} FROM rules r WHERE ${where.join(' AND ')}`).all(
    q.includeRetired ? 1 : 0,
    today,
    law,
    law,
    category,
    category,
    ...terms,
  ) as RuleRow[];
  return rows.map(toRule).sort(compareRules);
}

/** One rule, or null when the id is unknown. */
export function getRule(db: ReadableDB, id: string): Rule | null {
  const row = cached(db, `SELECT ${RULE_COLUMNS} FROM rules r WHERE r.id = ?`).get(id) as RuleRow | undefined;
  return row ? toRule(row) : null;
}

/**
 * The catalogue's answer for these rule ids: id → `valid_to` (null while the rule is in force) for
 * each id that exists; ids missing from the map are unknown. One statement for any number of ids
 * (a JSON array parameter), so the import checks a whole file's ids in one pass.
 */
export function ruleValidity(db: ReadableDB, ids: Iterable<string>): Map<string, string | null> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = cached(db, 'SELECT id, valid_to FROM rules WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(list)) as Array<{
    id: string;
    valid_to: string | null;
  }>;
  return new Map(rows.map((r) => [r.id, r.valid_to]));
}

/** What decides whether a rule may be recorded as breached (breachRefusal), and whether it is retired. */
export type RuleBreachFacts = Pick<Rule, 'id' | 'origin' | 'role' | 'verification' | 'lawShort' | 'paragraph' | 'title' | 'validTo'>;

/**
 * The breach facts of these rule ids, by id; unknown ids are missing from the map. One statement for
 * any number of ids, like ruleValidity (the import checks a whole file's ids at once).
 */
export function ruleBreachFacts(db: ReadableDB, ids: Iterable<string>): Map<string, RuleBreachFacts> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = cached(
    db,
    `SELECT id, origin, role, verification, law_short, paragraph, title, valid_to
       FROM rules WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(list)) as Array<{
    id: string;
    origin: 'shipped' | 'own';
    role: RuleRoleCode;
    verification: VerificationCode;
    law_short: string;
    paragraph: string;
    title: string;
    valid_to: string | null;
  }>;
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, origin: r.origin, role: r.role, verification: r.verification, lawShort: r.law_short, paragraph: r.paragraph, title: r.title, validTo: r.valid_to },
    ]),
  );
}

type CitationRow = {
  case_id: number;
  sagsnr: string;
  received_on: string;
  point_id: number;
  position: number;
  forvaltning: string | null;
  assessment: AssessmentCode;
  reasoning: string;
};

/** The klagepunkter citing a rule, newest henvendelse first (then by klagepunkt order). */
export function ruleCitations(db: ReadableDB, ruleId: string): RuleCitation[] {
  const rows = cached(
    db,
    `SELECT c.id AS case_id, c.sagsnr, c.received_on, p.id AS point_id, p.position, f.name AS forvaltning, pr.assessment, pr.reasoning
       FROM point_rules pr
       JOIN complaint_points p ON p.id = pr.point_id
       JOIN cases c ON c.id = p.case_id
       LEFT JOIN forvaltninger f ON f.id = p.forvaltning_id
      WHERE pr.rule_id = ?
      ORDER BY c.received_on DESC, c.id DESC, p.position, p.id`,
  ).all(ruleId) as CitationRow[];
  return rows.map((r) => ({
    caseId: r.case_id,
    sagsnr: r.sagsnr,
    receivedOn: r.received_on,
    pointId: r.point_id,
    position: r.position,
    forvaltning: r.forvaltning,
    assessment: r.assessment,
    reasoning: r.reasoning,
  }));
}

// ---------------------------------------------------------------------------------------------
// Writing

function duplicateIdError(id: string): AppError {
  const message = `Der findes allerede en regel med id'et »${id}«. Vælg et andet id (fx med kommunens forkortelse foran).`;
  return new AppError('conflict', message, { id: message });
}

/** Insert the adviser's own rule. Throws a Danish conflict when the id is taken, also by a retired rule. */
export function insertOwnRule(db: WritableDB, rule: RuleInput, nowIso: string): void {
  if (cached(db, 'SELECT 1 FROM rules WHERE id = ?').get(rule.id) !== undefined) throw duplicateIdError(rule.id);
  cached(db, INSERT_SQL).run(rule.id, 'own', ...contentParams(rule), null, nowIso, nowIso);
}

/**
 * Replace a rule's content (the id stays). A shipped rule becomes `edited`, so newer catalogues
 * leave the adviser's version alone.
 */
export function updateRuleContent(db: WritableDB, id: string, rule: RuleInput, nowIso: string): void {
  const info = cached(db, `UPDATE rules SET ${CONTENT_SET}, edited = CASE WHEN origin = 'shipped' THEN 1 ELSE 0 END, updated_at = ? WHERE id = ?`).run(
    ...contentParams(rule),
    nowIso,
    id,
  );
  if (info.changes === 0) throw new AppError('not_found', `Reglen »${id}« findes ikke.`);
}

/** A rule as a JSON export carries it: its content, origin, validity, catalogue version and edit mark. */
export type RuleBackup = RuleInput & Readonly<{ origin: 'shipped' | 'own'; validFrom: string | null; validTo: string | null; catalogVersion: number | null; edited: boolean }>;

const RESTORE_SQL = `INSERT INTO rules (id, origin, law_short, law_full, paragraph, title, summary, category, citation, role,
    deadline_amount, deadline_unit, deadline_text, deadline_from, deadline_roll_forward, deadline_owner, deadline_owes, sources, verification, note,
    valid_from, valid_to, catalog_version, edited, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET origin = excluded.origin, ${CONTENT_SET.replace(/(\w+) = \?/g, '$1 = excluded.$1')},
    valid_from = excluded.valid_from, valid_to = excluded.valid_to, catalog_version = excluded.catalog_version, edited = excluded.edited,
    updated_at = excluded.updated_at`;

/**
 * Store a rule from a JSON export (the import restoring a backup): inserted when the id is new,
 * otherwise overwritten with the export's content, origin, validity, version and edit mark.
 */
export function restoreRule(db: WritableDB, rule: RuleBackup, nowIso: string): void {
  cached(db, RESTORE_SQL).run(
    rule.id, rule.origin, ...contentParams(rule), rule.validFrom, rule.validTo, rule.catalogVersion, rule.edited ? 1 : 0, nowIso, nowIso,
  );
}

/** Whether two rules say the same (their content; not validity or origin). */
export function sameRuleContent(stored: Rule, rule: RuleInput): boolean {
  return sameContent(stored, rule);
}

/** Retire a rule from `validTo` (a date), or bring it back with null. */
export function setRuleValidTo(db: WritableDB, id: string, validTo: string | null, nowIso: string): void {
  const info = cached(db, 'UPDATE rules SET valid_to = ?, updated_at = ? WHERE id = ?').run(validTo, nowIso, id);
  if (info.changes === 0) throw new AppError('not_found', `Reglen »${id}« findes ikke.`);
}

// ---------------------------------------------------------------------------------------------
// Theme → rule suggestions

/** The rules suggested for one theme, by id. */
export function themeRuleIds(db: ReadableDB, themeId: number): string[] {
  return cached(db, 'SELECT rule_id FROM theme_rules WHERE theme_id = ? ORDER BY rule_id').pluck().all(themeId) as string[];
}

/** The themes that suggest a rule. */
export function themesSuggestingRule(db: ReadableDB, ruleId: string): number[] {
  return cached(db, 'SELECT theme_id FROM theme_rules WHERE rule_id = ? ORDER BY theme_id').pluck().all(ruleId) as number[];
}

/** Replace the rules suggested for a theme. The caller checks that the theme and the rules exist. */
export function setThemeRuleIds(db: WritableDB, themeId: number, ruleIds: ReadonlyArray<string>): void {
  db.transaction(() => {
    cached(db, 'DELETE FROM theme_rules WHERE theme_id = ?').run(themeId);
    const insert = cached(db, 'INSERT OR IGNORE INTO theme_rules (theme_id, rule_id) VALUES (?, ?)');
    for (const id of ruleIds) insert.run(themeId, id);
  })();
}

/**
 * The rules to offer for a klagepunkt with these themes: those suggested by the most of the given
 * themes first, then by id. Retired rules are never suggested, and neither is a rule that cannot be
 * recorded as breached (background, or shipped and unverified: breachRefusal), even if an older
 * catalogue's mapping still links it.
 */
export function suggestRulesForThemes(db: ReadableDB, themeIds: ReadonlyArray<number>, today: string): string[] {
  const ids = [...new Set(themeIds)];
  if (ids.length === 0) return [];
  return cached(
    db,
    `SELECT tr.rule_id
       FROM theme_rules tr JOIN rules r ON r.id = tr.rule_id
      WHERE tr.theme_id IN (SELECT value FROM json_each(?)) AND (r.valid_to IS NULL OR r.valid_to > ?)
        AND r.role = 'norm' AND NOT (r.origin = 'shipped' AND r.verification = 'no')
      GROUP BY tr.rule_id
      ORDER BY count(*) DESC, tr.rule_id`,
  )
    .pluck()
    .all(JSON.stringify(ids), today) as string[];
}
