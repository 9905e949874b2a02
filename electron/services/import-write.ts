/**
 * The write half of the import: validated henvendelser into the database with a handful of prepared
 * statements, inside the caller's single transaction (import.ts). Deliberately not a loop over the
 * one-case insert of db/queries/cases.ts: that opens a savepoint, re-checks the sagsnr and clears
 * theme links per case, which multiplies the cost of a 100,000-row import several times over. The
 * column values are the same as that insert stores (sagsnr_key, sagsnr_year/seq, citizen_sort).
 */
import { appendAudit } from '../../db/queries/audit';
import { cached } from '../../db/queries/cached';
import { findOrCreateAfdeling, findOrCreateForvaltning, findOrCreateTheme } from '../../db/queries/catalog';
import { reindexCases } from '../../db/queries/search-index';
import type { ImportReport } from '../../shared/domain/import-report';
import { parseSagsnr } from '../../shared/domain/sagsnr';
import { danishSortKey } from '../../shared/domain/sort-key';
import { nameKey } from '../../shared/import/columns';
import type { ImportCase } from '../../shared/import/validate-rows';
import type { ServiceContext } from './context';

export type Created = ImportReport['created'];

/** The audit action of a henvendelse created by import (shown in its history). */
export const IMPORT_AUDIT_ACTION = 'importeret';

/** Afdelinger are reported with their forvaltning: "Jobcenter" can exist under more than one. */
export function afdelingLabel(forvaltning: string, afdeling: string): string {
  return `${forvaltning} / ${afdeling}`;
}

const INSERT_CASE = `INSERT INTO cases (
    sagsnr, sagsnr_key, sagsnr_year, sagsnr_seq, received_on, channel, type,
    citizen_name, citizen_sort, citizen_address, citizen_phone, citizen_email, citizen_cpr,
    summary, description, status, competence, handling, closed_on, version, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, 1, ?, ?)`;

const INSERT_POINT = `INSERT INTO complaint_points (case_id, position, forvaltning_id, afdeling_id, description, outcome, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

const INSERT_POINT_THEME = 'INSERT OR IGNORE INTO complaint_point_themes (point_id, theme_id) VALUES (?, ?)';

/** Insert every case; must run inside a transaction and never awaits. Returns the created catalogue entries. */
export function writeImportedCases(ctx: ServiceContext, fileName: string, cases: ReadonlyArray<ImportCase>): Created {
  const db = ctx.db;
  const nowIso = ctx.clock.now().toISOString();
  const actor = ctx.actor();
  const created: Created = { forvaltninger: [], afdelinger: [], themes: [] };
  const forvaltningIds = new Map<string, number>();
  const afdelingIds = new Map<string, number>();
  const themeIds = new Map<string, number>();

  const forvaltningId = (name: string): number => {
    const key = nameKey(name);
    let id = forvaltningIds.get(key);
    if (id === undefined) {
      const r = findOrCreateForvaltning(db, name, nowIso);
      if (r.created) created.forvaltninger.push(name);
      id = r.id;
      forvaltningIds.set(key, id);
    }
    return id;
  };
  const afdelingId = (forvaltning: string, fid: number, name: string): number => {
    const key = `${fid}\u0000${nameKey(name)}`;
    let id = afdelingIds.get(key);
    if (id === undefined) {
      const r = findOrCreateAfdeling(db, fid, name, nowIso);
      if (r.created) created.afdelinger.push(afdelingLabel(forvaltning, name));
      id = r.id;
      afdelingIds.set(key, id);
    }
    return id;
  };
  const themeId = (name: string): number => {
    const key = nameKey(name);
    let id = themeIds.get(key);
    if (id === undefined) {
      const r = findOrCreateTheme(db, name, nowIso);
      if (r.created) created.themes.push(name);
      id = r.id;
      themeIds.set(key, id);
    }
    return id;
  };

  const insCase = cached(db, INSERT_CASE);
  const insPoint = cached(db, INSERT_POINT);
  const insTheme = cached(db, INSERT_POINT_THEME);
  const changes = [{ field: 'Importfil', before: '', after: fileName }];
  const ids: number[] = [];
  for (const c of cases) {
    const parsed = parseSagsnr(c.sagsnr);
    const info = insCase.run(
      c.sagsnr, nameKey(c.sagsnr), parsed?.year ?? null, parsed?.seq ?? null, c.receivedOn, c.channel, c.type,
      c.citizen.name, danishSortKey(c.citizen.name), c.citizen.address, c.citizen.phone, c.citizen.email, c.citizen.cpr,
      c.summary, c.status, c.competence, c.handling, c.closedOn, nowIso, nowIso,
    );
    const id = Number(info.lastInsertRowid);
    c.points.forEach((p, i) => {
      const fid = p.forvaltning === null ? null : forvaltningId(p.forvaltning);
      const aid = fid === null || p.forvaltning === null || p.afdeling === null ? null : afdelingId(p.forvaltning, fid, p.afdeling);
      const pointId = Number(insPoint.run(id, i + 1, fid, aid, p.description, p.outcome, nowIso, nowIso).lastInsertRowid);
      for (const t of p.themes) insTheme.run(pointId, themeId(t));
    });
    appendAudit(db, { at: nowIso, actor, entity: 'case', entityId: id, caseId: id, action: IMPORT_AUDIT_ACTION, changes });
    ids.push(id);
  }
  reindexCases(db, ids);
  return created;
}
