/**
 * What a JSON export carries besides the henvendelser: the organisation, themes with their rule
 * suggestions, competence reasons, advisers, the rules the data depends on, and the settings.
 *
 * Into a database without henvendelser (a new installation, or a restore) the file is the truth:
 * every entry gets the file's name, order and retirement, unused entries the file does not have are
 * removed (the defaults a new database is seeded with), and the settings, closing days and theme →
 * rule suggestions, the letterhead and the phrase library become the file's — so export → import
 * gives the same data. Into a database that
 * already has henvendelser, the import only adds: missing entries and rules are created, and what
 * the database has is left alone (the outcome says what was not applied).
 */
import type { PortableExportHead } from '../../shared/import/portable';
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';
import { normalisePhraseInput } from '../../shared/letters/phrases';
import { setLetterheadLogo, setLetterheadText } from './letterhead';
import { insertPhrase } from './phrases';
import { writeReportSettings } from './report';
import { writeRetentionYears } from './retention';
import {
  DEFAULT_ADVISER_TITLE, catalogUseCount, deleteCatalogEntry, findAdviserByName, findAfdelingByName, findCompetenceReason, findForvaltningByName, findThemeByName,
  insertAdviser, insertAfdeling, insertCompetenceReason, insertForvaltning, insertTheme, renameCatalogEntry,
} from './catalog';
import { countCases } from './cases';
import { DEFAULT_DEADLINE_SETTINGS, writeDeadlineSettings } from './deadline-settings';
import { getRule, restoreRule, sameRuleContent, setRuleValidTo, setThemeRuleIds } from './rules';
import { getCurrentAdviserId, setMunicipalityName } from './settings';

type Table = 'forvaltninger' | 'afdelinger' | 'themes' | 'competence_reasons' | 'advisers';

function setOrderAndRetired(db: WritableDB, table: Exclude<Table, 'advisers'>, id: number, sortOrder: number, retiredAt: string | null): void {
  cached(db, `UPDATE ${table} SET sort_order = ?, retired_at = ? WHERE id = ?`).run(sortOrder, retiredAt, id);
}

function setRetired(db: WritableDB, table: Table, id: number, retiredAt: string | null): void {
  cached(db, `UPDATE ${table} SET retired_at = ? WHERE id = ?`).run(retiredAt, id);
}

function ids(db: WritableDB, table: Table): number[] {
  return cached(db, `SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[];
}

/** Apply the file's catalogue, rules and settings; must run inside the import's transaction. */
export function applyExportHead(db: WritableDB, head: PortableExportHead, nowIso: string): void {
  const restore = countCases(db) === 0;
  const keep = { forvaltninger: new Set<number>(), afdelinger: new Set<number>(), themes: new Set<number>(), competence_reasons: new Set<number>(), advisers: new Set<number>() };

  // Rules first: theme suggestions and cases point at them.
  for (const r of head.rules) {
    const stored = getRule(db, r.id);
    if (stored === null) restoreRule(db, r, nowIso);
    else if (restore) {
      // The adviser's own and edited rules are theirs; an unedited shipped rule is this version's
      // catalogue (it may be newer than the file's) and keeps its content, only its retirement.
      if (r.origin === 'own' || r.edited) restoreRule(db, r, nowIso);
      else if (stored.validTo !== r.validTo) setRuleValidTo(db, r.id, r.validTo, nowIso);
    }
  }

  for (const f of head.organisation) {
    let fid = findForvaltningByName(db, f.name);
    const isNew = fid === null;
    fid ??= insertForvaltning(db, f.name, nowIso);
    keep.forvaltninger.add(fid);
    if (restore) {
      renameCatalogEntry(db, 'forvaltning', fid, f.name);
      setOrderAndRetired(db, 'forvaltninger', fid, f.sortOrder, f.retiredAt);
    } else if (isNew) setRetired(db, 'forvaltninger', fid, f.retiredAt);
    for (const a of f.afdelinger) {
      let aid = findAfdelingByName(db, fid, a.name);
      const isNewA = aid === null;
      aid ??= insertAfdeling(db, fid, a.name, nowIso);
      keep.afdelinger.add(aid);
      if (restore) {
        renameCatalogEntry(db, 'afdeling', aid, a.name);
        setOrderAndRetired(db, 'afdelinger', aid, a.sortOrder, a.retiredAt);
      } else if (isNewA) setRetired(db, 'afdelinger', aid, a.retiredAt);
    }
  }

  for (const t of head.themes) {
    let tid = findThemeByName(db, t.name);
    const isNew = tid === null;
    tid ??= insertTheme(db, t.name, nowIso);
    keep.themes.add(tid);
    if (restore) {
      renameCatalogEntry(db, 'theme', tid, t.name);
      setOrderAndRetired(db, 'themes', tid, t.sortOrder, t.retiredAt);
      setThemeRuleIds(db, tid, t.rules);
    } else if (isNew) {
      setRetired(db, 'themes', tid, t.retiredAt);
      setThemeRuleIds(db, tid, t.rules);
    }
  }

  for (const r of head.competenceReasons) {
    // A shipped default is found by its code even when either side renamed it (migration 0080).
    const byCode = r.code === null ? null : (cached(db, 'SELECT id FROM competence_reasons WHERE code = ?').pluck().get(r.code) as number | undefined) ?? null;
    let rid = byCode ?? findCompetenceReason(db, r.name);
    const isNew = rid === null;
    rid ??= insertCompetenceReason(db, r.name, nowIso);
    keep.competence_reasons.add(rid);
    if (restore) {
      renameCatalogEntry(db, 'competence_reason', rid, r.name);
      setOrderAndRetired(db, 'competence_reasons', rid, r.sortOrder, r.retiredAt);
      if (r.code !== null && byCode === null && cached(db, 'SELECT 1 FROM competence_reasons WHERE code = ?').get(r.code) === undefined) {
        cached(db, 'UPDATE competence_reasons SET code = ? WHERE id = ?').run(r.code, rid);
      }
    } else if (isNew) setRetired(db, 'competence_reasons', rid, r.retiredAt);
  }

  for (const a of head.advisers) {
    let aid = findAdviserByName(db, a.name);
    const isNew = aid === null;
    aid ??= insertAdviser(db, a, nowIso);
    keep.advisers.add(aid);
    if (restore) {
      renameCatalogEntry(db, 'adviser', aid, a.name);
      cached(db, 'UPDATE advisers SET initials = ?, email = ?, retired_at = ?, title = ? WHERE id = ?')
        .run(a.initials.trim(), a.email.trim(), a.retiredAt, a.title ?? DEFAULT_ADVISER_TITLE, aid);
    } else if (isNew) setRetired(db, 'advisers', aid, a.retiredAt);
  }

  if (restore) {
    // The defaults a new database is seeded with, which the file does not have; never the adviser at this desk.
    const current = getCurrentAdviserId(db);
    const kinds = [
      ['afdelinger', 'afdeling'], ['forvaltninger', 'forvaltning'], ['themes', 'theme'], ['competence_reasons', 'competence_reason'], ['advisers', 'adviser'],
    ] as const;
    for (const [table, kind] of kinds) {
      for (const id of ids(db, table)) {
        if (keep[table].has(id) || (kind === 'adviser' && id === current)) continue;
        if (kind === 'forvaltning' && cached(db, 'SELECT 1 FROM afdelinger WHERE forvaltning_id = ?').get(id) !== undefined) continue;
        if (catalogUseCount(db, kind, id) === 0 && !usedElsewhere(db, kind, id)) deleteCatalogEntry(db, kind, id);
      }
    }
    setMunicipalityName(db, head.municipality);
    const { lookaheadDays, ...deadlines } = head.settings.deadlines;
    writeDeadlineSettings(db, { ...deadlines, lookaheadDays: lookaheadDays ?? DEFAULT_DEADLINE_SETTINGS.lookaheadDays }, nowIso);
    if (head.settings.report !== undefined) writeReportSettings(db, head.settings.report, nowIso);
    if (head.settings.retention !== undefined) writeRetentionYears(db, head.settings.retention.years, nowIso);
    // A file from before version 4 has neither: the database keeps its own.
    if (head.letterhead !== undefined) {
      setLetterheadText(db, head.letterhead, nowIso);
      const logo = head.letterhead.logo;
      setLetterheadLogo(db, logo === null ? null : { mediaType: logo.mediaType, bytes: new Uint8Array(Buffer.from(logo.contentBase64, 'base64')) }, nowIso);
    }
    if (head.phrases !== undefined) {
      cached(db, 'DELETE FROM phrases').run();
      for (const p of head.phrases) insertPhrase(db, normalisePhraseInput(p), nowIso);
    }
  }
}

/**
 * What applyExportHead will leave as it is, in Danish: nothing into a database without
 * henvendelser; otherwise the settings, and each rule the database has with other content.
 */
export function exportHeadNotes(db: ReadableDB, head: PortableExportHead): string[] {
  if (countCases(db) === 0) return [];
  const notes = [
    'databasen har allerede henvendelser, så dens indstillinger (kommunens navn, frister, lukkedage, svarpolitik, brevpapir, standardtekster), katalogets rækkefølge og temaernes regelforslag er beholdt; kun forvaltninger, afdelinger, temaer, kompetencegrunde, rådgivere og regler, som databasen ikke har, oprettes',
  ];
  for (const r of head.rules) {
    const stored = getRule(db, r.id);
    if (stored !== null && (r.origin === 'own' || r.edited) && !(sameRuleContent(stored, r) && stored.validTo === r.validTo)) notes.push(`reglen ${r.id} findes allerede i databasen med et andet indhold; databasens udgave beholdes`);
  }
  return notes;
}

/** Requests and henstillinger name a forvaltning too (a theme's suggestions go with it: ON DELETE CASCADE). */
function usedElsewhere(db: WritableDB, kind: 'afdeling' | 'forvaltning' | 'theme' | 'competence_reason' | 'adviser', id: number): boolean {
  if (kind !== 'forvaltning') return false;
  return cached(db, 'SELECT 1 FROM requests WHERE forvaltning_id = ? UNION ALL SELECT 1 FROM recommendations WHERE forvaltning_id = ? LIMIT 1').get(id, id) !== undefined;
}
