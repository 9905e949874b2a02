/**
 * The organisation catalogue: forvaltninger → afdelinger, themes, competence reasons and advisers.
 *
 * Names are unique ignoring case through `name_key` = normaliseToken(name) (JS case folding, so
 * "ÆRØ" and "ærø" collide, which SQLite's ASCII-only NOCASE would miss). An entry that is used by a
 * klagepunkt (or, for an adviser, a henvendelse) can only be retired, never deleted: old cases and
 * statistics must keep pointing at it (shared/domain/settings.ts). A competence reason is in use when
 * a klagepunkt, or a henvendelse without klagepunkter, records it (migration 0080).
 */
import { AppError } from '../../shared/ipc/result';
import type { CompetenceReason } from '../../shared/domain/competence';
import { catalogKindLabel, type Adviser, type Afdeling, type CatalogKind, type Forvaltning, type Theme } from '../../shared/domain/settings';
import { normaliseToken } from '../../shared/domain/vocab';
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';

type EntryRow = { id: number; name: string; retired_at: string | null; uses: number };
type AfdelingRow = EntryRow & { forvaltning_id: number };
type AdviserRow = EntryRow & { initials: string; email: string; title: string };

export type FoundOrCreated = { id: number; created: boolean };

const TABLE: Record<CatalogKind, string> = {
  forvaltning: 'forvaltninger',
  afdeling: 'afdelinger',
  theme: 'themes',
  competence_reason: 'competence_reasons',
  adviser: 'advisers',
};

/** Trimmed, inner whitespace collapsed: what is stored as the display name. */
function cleanName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------------------------
// Listing (with inUse)

/** All forvaltninger with their afdelinger, in catalogue order, each flagged inUse. */
export function listForvaltninger(db: ReadableDB): Forvaltning[] {
  const forv = cached(
    db,
    `SELECT f.id, f.name, f.retired_at,
            (SELECT count(*) FROM complaint_points p WHERE p.forvaltning_id = f.id) AS uses
       FROM forvaltninger f ORDER BY f.sort_order, f.name_key, f.id`,
  ).all() as EntryRow[];
  const afd = cached(
    db,
    `SELECT a.id, a.forvaltning_id, a.name, a.retired_at,
            (SELECT count(*) FROM complaint_points p WHERE p.afdeling_id = a.id) AS uses
       FROM afdelinger a ORDER BY a.sort_order, a.name_key, a.id`,
  ).all() as AfdelingRow[];
  const byParent = new Map<number, Afdeling[]>();
  for (const a of afd) {
    const list = byParent.get(a.forvaltning_id) ?? [];
    list.push({ id: a.id, name: a.name, retired: a.retired_at !== null, inUse: a.uses > 0 });
    byParent.set(a.forvaltning_id, list);
  }
  return forv.map((f) => ({ id: f.id, name: f.name, retired: f.retired_at !== null, inUse: f.uses > 0, afdelinger: byParent.get(f.id) ?? [] }));
}

/** All themes in catalogue order, each flagged inUse. */
export function listThemes(db: ReadableDB): Theme[] {
  const rows = cached(
    db,
    `SELECT t.id, t.name, t.retired_at,
            (SELECT count(*) FROM complaint_point_themes pt WHERE pt.theme_id = t.id) AS uses
       FROM themes t ORDER BY t.sort_order, t.name_key, t.id`,
  ).all() as EntryRow[];
  return rows.map((t) => ({ id: t.id, name: t.name, retired: t.retired_at !== null, inUse: t.uses > 0 }));
}

/** The competence reasons in catalogue order, each flagged inUse (by a klagepunkt or a henvendelse). */
export function listCompetenceReasons(db: ReadableDB): CompetenceReason[] {
  const rows = cached(
    db,
    `SELECT r.id, r.name, r.retired_at,
            EXISTS (SELECT 1 FROM complaint_points p WHERE p.competence_reason_id = r.id)
            OR EXISTS (SELECT 1 FROM cases c WHERE c.competence_reason_id = r.id) AS uses
       FROM competence_reasons r ORDER BY r.sort_order, r.name_key, r.id`,
  ).all() as EntryRow[];
  return rows.map((r) => ({ id: r.id, name: r.name, retired: r.retired_at !== null, inUse: r.uses > 0 }));
}

/** All advisers by name, each flagged inUse (named on a henvendelse). */
export function listAdvisers(db: ReadableDB): Adviser[] {
  const rows = cached(
    db,
    `SELECT a.id, a.name, a.initials, a.email, a.title, a.retired_at,
            (SELECT count(*) FROM cases c WHERE c.adviser_id = a.id) AS uses
       FROM advisers a ORDER BY a.name_key, a.id`,
  ).all() as AdviserRow[];
  return rows.map((a) => ({ id: a.id, name: a.name, initials: a.initials, email: a.email, title: a.title, retired: a.retired_at !== null, inUse: a.uses > 0 }));
}

// ---------------------------------------------------------------------------------------------
// Lookup

/** Id of the forvaltning with this name (ignoring case and spacing), or null. */
export function findForvaltningByName(db: ReadableDB, name: string): number | null {
  const row = cached(db, 'SELECT id FROM forvaltninger WHERE name_key = ?').get(normaliseToken(name)) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Id of the afdeling with this name under the forvaltning, or null. */
export function findAfdelingByName(db: ReadableDB, forvaltningId: number, name: string): number | null {
  const row = cached(db, 'SELECT id FROM afdelinger WHERE forvaltning_id = ? AND name_key = ?').get(forvaltningId, normaliseToken(name)) as
    | { id: number }
    | undefined;
  return row?.id ?? null;
}

/** Id of the theme with this name, or null. */
export function findThemeByName(db: ReadableDB, name: string): number | null {
  const row = cached(db, 'SELECT id FROM themes WHERE name_key = ?').get(normaliseToken(name)) as { id: number } | undefined;
  return row?.id ?? null;
}

/**
 * Id of the competence reason with this name (ignoring case and spacing), else of the shipped
 * default that `legacyCode` names (an old import token such as "over 1 år", even after a rename),
 * else null. Retired reasons are found too: an import records past cases.
 */
export function findCompetenceReason(db: ReadableDB, name: string, legacyCode: string | null = null): number | null {
  const byName = cached(db, 'SELECT id FROM competence_reasons WHERE name_key = ?').get(normaliseToken(name)) as { id: number } | undefined;
  if (byName) return byName.id;
  if (legacyCode === null) return null;
  const byCode = cached(db, 'SELECT id FROM competence_reasons WHERE code = ?').get(legacyCode) as { id: number } | undefined;
  return byCode?.id ?? null;
}

/** Id of the adviser with this name, or null. */
export function findAdviserByName(db: ReadableDB, name: string): number | null {
  const row = cached(db, 'SELECT id FROM advisers WHERE name_key = ?').get(normaliseToken(name)) as { id: number } | undefined;
  return row?.id ?? null;
}

/** True when a row of this kind exists (retired or not). */
export function catalogEntryExists(db: ReadableDB, kind: CatalogKind, id: number): boolean {
  return cached(db, `SELECT 1 FROM ${TABLE[kind]} WHERE id = ?`).get(id) !== undefined;
}

/** The stored name of an entry, or null when it does not exist. */
export function catalogEntryName(db: ReadableDB, kind: CatalogKind, id: number): string | null {
  const row = cached(db, `SELECT name FROM ${TABLE[kind]} WHERE id = ?`).get(id) as { name: string } | undefined;
  return row?.name ?? null;
}

/** Whether an entry is retired; null when it does not exist. */
export function catalogEntryRetired(db: ReadableDB, kind: CatalogKind, id: number): boolean | null {
  const row = cached(db, `SELECT retired_at FROM ${TABLE[kind]} WHERE id = ?`).get(id) as { retired_at: string | null } | undefined;
  return row === undefined ? null : row.retired_at !== null;
}

/** True when the afdeling exists and belongs to the forvaltning. */
export function afdelingBelongsTo(db: ReadableDB, afdelingId: number, forvaltningId: number): boolean {
  return cached(db, 'SELECT 1 FROM afdelinger WHERE id = ? AND forvaltning_id = ?').get(afdelingId, forvaltningId) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Insert

function duplicateError(kind: CatalogKind, name: string): AppError {
  const message = `Der findes allerede ${indefinite(kind)} med navnet »${cleanName(name)}« (store og små bogstaver tæller ikke).`;
  return new AppError('conflict', message, { name: message });
}

function indefinite(kind: CatalogKind): string {
  switch (kind) {
    case 'forvaltning':
      return 'en forvaltning';
    case 'afdeling':
      return 'en afdeling i denne forvaltning';
    case 'theme':
      return 'et tema';
    case 'competence_reason':
      return 'en kompetencegrund';
    case 'adviser':
      return 'en rådgiver';
  }
}

function nextSortOrder(db: ReadableDB, table: 'forvaltninger' | 'themes' | 'competence_reasons'): number {
  const row = cached(db, `SELECT coalesce(max(sort_order), 0) + 1 AS n FROM ${table}`).get() as { n: number };
  return row.n;
}

/** Insert a forvaltning at the end of the catalogue. Throws a Danish conflict when the name exists. */
export function insertForvaltning(db: WritableDB, name: string, nowIso: string): number {
  if (findForvaltningByName(db, name) !== null) throw duplicateError('forvaltning', name);
  const info = cached(db, 'INSERT INTO forvaltninger (name, name_key, sort_order, created_at) VALUES (?, ?, ?, ?)').run(
    cleanName(name),
    normaliseToken(name),
    nextSortOrder(db, 'forvaltninger'),
    nowIso,
  );
  return Number(info.lastInsertRowid);
}

/** Insert an afdeling under a forvaltning. Names are unique within the forvaltning. */
export function insertAfdeling(db: WritableDB, forvaltningId: number, name: string, nowIso: string): number {
  if (!catalogEntryExists(db, 'forvaltning', forvaltningId)) throw new AppError('not_found', 'Forvaltningen findes ikke.');
  if (findAfdelingByName(db, forvaltningId, name) !== null) throw duplicateError('afdeling', name);
  const order = cached(db, 'SELECT coalesce(max(sort_order), 0) + 1 AS n FROM afdelinger WHERE forvaltning_id = ?').get(forvaltningId) as { n: number };
  const info = cached(db, 'INSERT INTO afdelinger (forvaltning_id, name, name_key, sort_order, created_at) VALUES (?, ?, ?, ?, ?)').run(
    forvaltningId,
    cleanName(name),
    normaliseToken(name),
    order.n,
    nowIso,
  );
  return Number(info.lastInsertRowid);
}

/** Insert a theme at the end of the catalogue. */
export function insertTheme(db: WritableDB, name: string, nowIso: string): number {
  if (findThemeByName(db, name) !== null) throw duplicateError('theme', name);
  const info = cached(db, 'INSERT INTO themes (name, name_key, sort_order, created_at) VALUES (?, ?, ?, ?)').run(
    cleanName(name),
    normaliseToken(name),
    nextSortOrder(db, 'themes'),
    nowIso,
  );
  return Number(info.lastInsertRowid);
}

/** Insert a competence reason at the end of the municipality's list. */
export function insertCompetenceReason(db: WritableDB, name: string, nowIso: string): number {
  if (findCompetenceReason(db, name) !== null) throw duplicateError('competence_reason', name);
  const info = cached(db, 'INSERT INTO competence_reasons (name, name_key, sort_order, created_at) VALUES (?, ?, ?, ?)').run(
    cleanName(name),
    normaliseToken(name),
    nextSortOrder(db, 'competence_reasons'),
    nowIso,
  );
  return Number(info.lastInsertRowid);
}

/** The title a letter prints under an adviser's name when none is given (migration 0160). */
export const DEFAULT_ADVISER_TITLE = 'Borgerrådgiver';

/** Insert an adviser; the title defaults to "Borgerrådgiver". */
export function insertAdviser(db: WritableDB, adviser: { name: string; initials: string; email: string; title?: string | undefined }, nowIso: string): number {
  if (findAdviserByName(db, adviser.name) !== null) throw duplicateError('adviser', adviser.name);
  const info = cached(db, 'INSERT INTO advisers (name, name_key, initials, email, title, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    cleanName(adviser.name),
    normaliseToken(adviser.name),
    adviser.initials.trim(),
    adviser.email.trim(),
    cleanTitle(adviser.title),
    nowIso,
  );
  return Number(info.lastInsertRowid);
}

/** Existing forvaltning by name, or a new one (used by the bulk import; created entries are reported). */
export function findOrCreateForvaltning(db: WritableDB, name: string, nowIso: string): FoundOrCreated {
  const id = findForvaltningByName(db, name);
  return id !== null ? { id, created: false } : { id: insertForvaltning(db, name, nowIso), created: true };
}

/** Existing afdeling by name under the forvaltning, or a new one. */
export function findOrCreateAfdeling(db: WritableDB, forvaltningId: number, name: string, nowIso: string): FoundOrCreated {
  const id = findAfdelingByName(db, forvaltningId, name);
  return id !== null ? { id, created: false } : { id: insertAfdeling(db, forvaltningId, name, nowIso), created: true };
}

/** Existing theme by name, or a new one. */
export function findOrCreateTheme(db: WritableDB, name: string, nowIso: string): FoundOrCreated {
  const id = findThemeByName(db, name);
  return id !== null ? { id, created: false } : { id: insertTheme(db, name, nowIso), created: true };
}

// ---------------------------------------------------------------------------------------------
// Rename, retire, delete

function notFound(kind: CatalogKind): AppError {
  const label = catalogKindLabel[kind];
  return new AppError('not_found', `${label.charAt(0).toUpperCase()}${label.slice(1)} findes ikke længere.`);
}

/** Rename an entry; the new name must be free (ignoring case) among its siblings. */
export function renameCatalogEntry(db: WritableDB, kind: CatalogKind, id: number, name: string): void {
  const key = normaliseToken(name);
  let clash: { id: number } | undefined;
  if (kind === 'afdeling') {
    const parent = cached(db, 'SELECT forvaltning_id FROM afdelinger WHERE id = ?').get(id) as { forvaltning_id: number } | undefined;
    if (!parent) throw notFound(kind);
    clash = cached(db, 'SELECT id FROM afdelinger WHERE forvaltning_id = ? AND name_key = ? AND id <> ?').get(parent.forvaltning_id, key, id) as
      | { id: number }
      | undefined;
  } else {
    clash = cached(db, `SELECT id FROM ${TABLE[kind]} WHERE name_key = ? AND id <> ?`).get(key, id) as { id: number } | undefined;
  }
  if (clash) throw duplicateError(kind, name);
  const info = cached(db, `UPDATE ${TABLE[kind]} SET name = ?, name_key = ? WHERE id = ?`).run(cleanName(name), key, id);
  if (info.changes === 0) throw notFound(kind);
}

/** Update an adviser's name, initials, e-mail and (when given) title. */
export function updateAdviser(db: WritableDB, id: number, adviser: { name: string; initials: string; email: string; title?: string | undefined }): void {
  renameCatalogEntry(db, 'adviser', id, adviser.name);
  cached(db, 'UPDATE advisers SET initials = ?, email = ?, title = coalesce(?, title) WHERE id = ?')
    .run(adviser.initials.trim(), adviser.email.trim(), adviser.title === undefined ? null : cleanTitle(adviser.title), id);
}

/** A title as stored: trimmed, inner whitespace collapsed, the default when empty. */
function cleanTitle(title: string | undefined): string {
  const t = cleanName(title ?? '');
  return t === '' ? DEFAULT_ADVISER_TITLE : t;
}

/** Mark an entry retired (hidden from pickers, kept in old cases) or active again. */
export function setCatalogRetired(db: WritableDB, kind: CatalogKind, id: number, retired: boolean, nowIso: string): void {
  // Keep the original retirement date when asked to retire an already-retired entry.
  const info = retired
    ? cached(db, `UPDATE ${TABLE[kind]} SET retired_at = coalesce(retired_at, ?) WHERE id = ?`).run(nowIso, id)
    : cached(db, `UPDATE ${TABLE[kind]} SET retired_at = NULL WHERE id = ?`).run(id);
  if (info.changes === 0) throw notFound(kind);
}

/** How many klagepunkter (henvendelser for an adviser; both for a competence reason) refer to the entry. */
export function catalogUseCount(db: ReadableDB, kind: CatalogKind, id: number): number {
  const sql: Record<CatalogKind, string> = {
    // A forvaltning is also in use through the afdelinger under it.
    forvaltning: `SELECT count(*) AS n FROM complaint_points
                   WHERE forvaltning_id = @id OR afdeling_id IN (SELECT id FROM afdelinger WHERE forvaltning_id = @id)`,
    afdeling: 'SELECT count(*) AS n FROM complaint_points WHERE afdeling_id = @id',
    theme: 'SELECT count(*) AS n FROM complaint_point_themes WHERE theme_id = @id',
    competence_reason: `SELECT (SELECT count(*) FROM complaint_points WHERE competence_reason_id = @id)
                             + (SELECT count(*) FROM cases WHERE competence_reason_id = @id) AS n`,
    adviser: 'SELECT count(*) AS n FROM cases WHERE adviser_id = @id',
  };
  return (cached(db, sql[kind]).get({ id }) as { n: number }).n;
}

/** Ids of the cases whose search text contains the entry's name (none for an adviser). */
export function casesUsingCatalogEntry(db: ReadableDB, kind: CatalogKind, id: number): number[] {
  const sql: Record<CatalogKind, string | null> = {
    forvaltning: 'SELECT DISTINCT case_id FROM complaint_points WHERE forvaltning_id = ?',
    afdeling: 'SELECT DISTINCT case_id FROM complaint_points WHERE afdeling_id = ?',
    theme: `SELECT DISTINCT p.case_id FROM complaint_point_themes pt JOIN complaint_points p ON p.id = pt.point_id WHERE pt.theme_id = ?`,
    // A reason's name is not part of the search text.
    competence_reason: null,
    adviser: null,
  };
  const q = sql[kind];
  return q === null ? [] : (cached(db, q).all(id) as { case_id: number }[]).map((r) => r.case_id);
}

/**
 * Delete an unused entry. A used one is refused with a Danish conflict that points to retiring it
 * instead. Deleting a forvaltning takes its (necessarily unused) afdelinger with it.
 */
export function deleteCatalogEntry(db: WritableDB, kind: CatalogKind, id: number): void {
  const name = catalogEntryName(db, kind, id);
  if (name === null) throw notFound(kind);
  const uses = catalogUseCount(db, kind, id);
  if (uses > 0) {
    const label = catalogKindLabel[kind];
    const what =
      kind === 'adviser' ? (uses === 1 ? 'henvendelse' : 'henvendelser')
      : kind === 'competence_reason' ? (uses === 1 ? 'registrering' : 'registreringer')
      : uses === 1 ? 'klagepunkt' : 'klagepunkter';
    const pronoun = kind === 'theme' ? 'det' : 'den';
    throw new AppError(
      'conflict',
      `${label.charAt(0).toUpperCase()}${label.slice(1)} »${name}« er i brug i ${uses} ${what} og kan ikke slettes. Du kan i stedet markere ${pronoun} som udgået.`,
    );
  }
  db.transaction(() => {
    if (kind === 'forvaltning') cached(db, 'DELETE FROM afdelinger WHERE forvaltning_id = ?').run(id);
    cached(db, `DELETE FROM ${TABLE[kind]} WHERE id = ?`).run(id);
  })();
}
