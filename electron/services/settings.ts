/**
 * Settings and the organisation catalogue: the service behind settings:* and catalog:*. Each
 * change is validated, written with its audit entry in one transaction, and answered with the
 * whole Settings object so the renderer never holds a stale catalogue.
 *
 * Renaming a forvaltning, afdeling or theme re-indexes the cases that use it: their names are part
 * of the search text (db/queries/search-index.ts).
 */
import { competenceReasonNameProblem } from '../../shared/domain/competence';
import { adviserTitleProblem, catalogKindLabel, catalogNameProblem, type CatalogKind, type Settings } from '../../shared/domain/settings';
import { AppError, validationError } from '../../shared/ipc/result';
import { appendAudit, type AuditChange } from '../../db/queries/audit';
import {
  casesUsingCatalogEntry,
  catalogEntryName,
  catalogEntryRetired,
  deleteCatalogEntry as queryDeleteCatalogEntry,
  insertAdviser,
  insertAfdeling,
  insertCompetenceReason,
  insertForvaltning,
  insertTheme,
  listAdvisers,
  listCompetenceReasons,
  listForvaltninger,
  listThemes,
  renameCatalogEntry as queryRenameCatalogEntry,
  setCatalogRetired,
  updateAdviser as queryUpdateAdviser,
} from '../../db/queries/catalog';
import { getCurrentAdviserId, getMunicipalityName, setCurrentAdviserId, setMunicipalityName } from '../../db/queries/settings';
import { reindexCases } from '../../db/queries/search-index';
import type { ReadableDB } from '../../db/types';
import type { ServiceContext } from './context';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Everything the settings page shows. */
export function getSettings(ctx: ServiceContext): Settings {
  return {
    municipalityName: getMunicipalityName(ctx.db),
    currentAdviserId: getCurrentAdviserId(ctx.db),
    forvaltninger: listForvaltninger(ctx.db),
    themes: listThemes(ctx.db),
    competenceReasons: listCompetenceReasons(ctx.db),
    advisers: listAdvisers(ctx.db),
  };
}

function audit(ctx: ServiceContext, entity: string, entityId: number | null, action: string, changes: AuditChange[]): void {
  appendAudit(ctx.db, { at: ctx.clock.now().toISOString(), actor: ctx.actor(), entity, entityId, caseId: null, action, changes });
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The field label of a catalogue kind in the audit trail ("Forvaltning", "Tema", …). */
const KIND_FIELD: Record<CatalogKind, string> = {
  forvaltning: 'Forvaltning', afdeling: 'Afdeling', theme: 'Tema', competence_reason: 'Kompetencegrund', adviser: 'Rådgiver',
};

function checkName(name: string, kind: CatalogKind): void {
  const problem = catalogNameProblem(name) ?? (kind === 'competence_reason' ? competenceReasonNameProblem(name) : null);
  if (problem) throw validationError({ name: problem });
}

function checkEmail(email: string): void {
  const e = email.trim();
  if (e !== '' && !EMAIL_RE.test(e)) throw validationError({ email: 'E-mailadressen ser ikke rigtig ud (fx navn@eksempel.dk).' });
}

function requireEntry(db: ReadableDB, kind: CatalogKind, id: number): string {
  const name = catalogEntryName(db, kind, id);
  if (name === null) throw new AppError('not_found', `${capital(catalogKindLabel[kind])} findes ikke længere.`);
  return name;
}

/** Set the municipality's name (shown on reports and the annual report). */
export function setMunicipality(ctx: ServiceContext, name: string): Settings {
  if (name.trim() === '') throw validationError({ name: 'Skriv kommunens navn.' });
  ctx.db.transaction(() => {
    const before = getMunicipalityName(ctx.db);
    setMunicipalityName(ctx.db, name);
    const after = getMunicipalityName(ctx.db);
    if (before !== after) audit(ctx, 'settings', null, 'Indstilling ændret', [{ field: 'Kommunens navn', before, after }]);
  })();
  return getSettings(ctx);
}

/** Choose which adviser works at this desk (their name goes into the history), or none. */
export function setCurrentAdviser(ctx: ServiceContext, adviserId: number | null): Settings {
  ctx.db.transaction(() => {
    if (adviserId !== null) requireEntry(ctx.db, 'adviser', adviserId);
    const beforeId = getCurrentAdviserId(ctx.db);
    setCurrentAdviserId(ctx.db, adviserId);
    if (beforeId !== adviserId) {
      const name = (id: number | null) => (id === null ? '' : (catalogEntryName(ctx.db, 'adviser', id) ?? ''));
      audit(ctx, 'settings', null, 'Indstilling ændret', [{ field: 'Aktuel rådgiver', before: name(beforeId), after: name(adviserId) }]);
    }
  })();
  return getSettings(ctx);
}

export type CatalogAddInput = Readonly<{
  kind: CatalogKind; name: string; parentId: number | null; initials?: string | undefined; email?: string | undefined; title?: string | undefined;
}>;

function checkTitle(title: string): void {
  const problem = adviserTitleProblem(title);
  if (problem) throw validationError({ title: problem });
}

/** Add a forvaltning, afdeling (under parentId), theme, competence reason or adviser. */
export function addCatalogEntry(ctx: ServiceContext, input: CatalogAddInput): Settings {
  checkName(input.name, input.kind);
  if (input.kind === 'afdeling' && input.parentId === null) throw validationError({ parentId: 'Vælg den forvaltning, afdelingen hører under.' });
  if (input.kind === 'adviser') {
    checkEmail(input.email ?? '');
    checkTitle(input.title ?? '');
  }
  const at = ctx.clock.now().toISOString();
  ctx.db.transaction(() => {
    let id: number;
    switch (input.kind) {
      case 'forvaltning':
        id = insertForvaltning(ctx.db, input.name, at);
        break;
      case 'afdeling':
        id = insertAfdeling(ctx.db, input.parentId as number, input.name, at);
        break;
      case 'theme':
        id = insertTheme(ctx.db, input.name, at);
        break;
      case 'competence_reason':
        id = insertCompetenceReason(ctx.db, input.name, at);
        break;
      case 'adviser':
        id = insertAdviser(ctx.db, { name: input.name, initials: input.initials ?? '', email: input.email ?? '', title: input.title }, at);
        break;
    }
    audit(ctx, input.kind, id, 'Oprettet', [{ field: KIND_FIELD[input.kind], before: '', after: requireEntry(ctx.db, input.kind, id) }]);
  })();
  return getSettings(ctx);
}

/** Rename an entry. Old cases show the new name; the history keeps the old one. */
export function renameCatalogEntry(ctx: ServiceContext, kind: CatalogKind, id: number, name: string): Settings {
  checkName(name, kind);
  ctx.db.transaction(() => {
    const before = requireEntry(ctx.db, kind, id);
    queryRenameCatalogEntry(ctx.db, kind, id, name);
    const after = requireEntry(ctx.db, kind, id);
    if (before !== after) {
      audit(ctx, kind, id, 'Omdøbt', [{ field: KIND_FIELD[kind], before, after }]);
      reindexCases(ctx.db, casesUsingCatalogEntry(ctx.db, kind, id));
    }
  })();
  return getSettings(ctx);
}

/** Update an adviser's name, initials, e-mail and title under the signature (empty: "Borgerrådgiver"). */
export function updateAdviser(ctx: ServiceContext, id: number, adviser: { name: string; initials: string; email: string; title: string }): Settings {
  checkName(adviser.name, 'adviser');
  checkEmail(adviser.email);
  checkTitle(adviser.title);
  ctx.db.transaction(() => {
    const before = listAdvisers(ctx.db).find((a) => a.id === id);
    if (!before) throw new AppError('not_found', 'Rådgiveren findes ikke længere.');
    queryUpdateAdviser(ctx.db, id, adviser);
    const after = listAdvisers(ctx.db).find((a) => a.id === id);
    if (!after) throw new AppError('not_found', 'Rådgiveren findes ikke længere.');
    const changes: AuditChange[] = [];
    if (before.name !== after.name) changes.push({ field: 'Navn', before: before.name, after: after.name });
    if (before.initials !== after.initials) changes.push({ field: 'Initialer', before: before.initials, after: after.initials });
    if (before.email !== after.email) changes.push({ field: 'E-mail', before: before.email, after: after.email });
    if (before.title !== after.title) changes.push({ field: 'Titel', before: before.title, after: after.title });
    if (changes.length > 0) audit(ctx, 'adviser', id, 'Ændret', changes);
  })();
  return getSettings(ctx);
}

/** Retire an entry (hidden when registering new cases, kept on old ones) or bring it back. */
export function setCatalogEntryRetired(ctx: ServiceContext, kind: CatalogKind, id: number, retired: boolean): Settings {
  ctx.db.transaction(() => {
    const name = requireEntry(ctx.db, kind, id);
    if (catalogEntryRetired(ctx.db, kind, id) === retired) return;
    setCatalogRetired(ctx.db, kind, id, retired, ctx.clock.now().toISOString());
    const state = (r: boolean) => (r ? 'Udgået' : 'Aktiv');
    audit(ctx, kind, id, retired ? 'Markeret som udgået' : 'Taget i brug igen', [{ field: `${KIND_FIELD[kind]} ${name}`, before: state(!retired), after: state(retired) }]);
  })();
  return getSettings(ctx);
}

/** Delete an unused entry; one in use is refused with a hint to retire it instead. */
export function deleteCatalogEntry(ctx: ServiceContext, kind: CatalogKind, id: number): Settings {
  ctx.db.transaction(() => {
    const name = requireEntry(ctx.db, kind, id);
    if (kind === 'adviser' && getCurrentAdviserId(ctx.db) === id) setCurrentAdviserId(ctx.db, null);
    queryDeleteCatalogEntry(ctx.db, kind, id);
    audit(ctx, kind, id, 'Slettet', [{ field: KIND_FIELD[kind], before: name, after: '' }]);
  })();
  return getSettings(ctx);
}

