/**
 * Shared fixtures for the database and service tests: an in-memory database migrated and seeded
 * with the default catalogue, and a valid case input to vary.
 */
import { openDatabase } from '../../db/connection';
import { findAfdelingByName, findCompetenceReason, findForvaltningByName, findThemeByName } from '../../db/queries/catalog';
import type { WritableDB } from '../../db/types';
import type { CaseInput } from '../../shared/domain/case';
import { AppError } from '../../shared/ipc/result';
import { insertCase } from '../../db/queries/cases';
import { reindexCases } from '../../db/queries/search-index';
import type { ServiceContext } from '../../electron/services/context';
import { seedDefaults } from '../../electron/services/seed';
import { fixedClock } from '../../shared/domain/dates';

export const NOW = '2025-06-15T10:00:00.000Z';

/** A fresh, migrated, seeded in-memory database. */
export function seededDb(): WritableDB {
  const { db } = openDatabase(':memory:');
  seedDefaults(db, NOW);
  return db;
}

/** Id of a seeded forvaltning/afdeling/theme/competence reason by name; throws when missing so a typo fails loudly. */
export function org(db: WritableDB) {
  const must = (id: number | null, what: string): number => {
    if (id === null) throw new Error(`Mangler i seed: ${what}`);
    return id;
  };
  return {
    forvaltning: (name: string) => must(findForvaltningByName(db, name), name),
    afdeling: (forvaltning: string, name: string) => must(findAfdelingByName(db, must(findForvaltningByName(db, forvaltning), forvaltning), name), name),
    theme: (name: string) => must(findThemeByName(db, name), name),
    reason: (name: string) => must(findCompetenceReason(db, name), name),
  };
}

/** A valid klage with one klagepunkt (Beskæftigelse/Jobcenter, Sagsbehandlingstid). */
export function caseInput(db: WritableDB, overrides: Partial<CaseInput> = {}): CaseInput {
  const o = org(db);
  return {
    sagsnr: '',
    receivedOn: '2025-03-10',
    channel: 'telefon',
    type: 'klage',
    citizen: { name: 'Søren Ærøskøbing', address: 'Strandvejen 1, 5970 Ærøskøbing', phone: '12 34 56 78', email: 'soren@eksempel.dk', cpr: null },
    representative: null,
    summary: 'Klage over lang sagsbehandlingstid',
    description: 'Borgeren har ventet fire måneder på svar.',
    status: 'modtaget',
    competenceReasonId: null,
    handling: null,
    closedOn: null,
    adviserId: null,
    points: [
      {
        forvaltningId: o.forvaltning('Beskæftigelse'),
        afdelingId: o.afdeling('Beskæftigelse', 'Jobcenter'),
        themeIds: [o.theme('Sagsbehandlingstid')],
        description: 'Ingen afgørelse efter fire måneder.',
        outcome: null,
      },
    ],
    ...overrides,
  };
}

/** Insert a valid case (with overrides) and index it for search, as the service would. */
export function addCase(db: WritableDB, overrides: Partial<CaseInput> = {}): number {
  const { id } = insertCase(db, caseInput(db, overrides), NOW);
  reindexCases(db, [id]);
  return id;
}

/** The AppError a promise rejects with (any other rejection or a resolve fails the test). */
export async function rejectedAppError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

/** The AppError `fn` throws; fails the test when it throws nothing or something else. */
export function thrownAppError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

/** A service context on `db` with a fixed clock, acting as the adviser "Mette Rådgiver". */
export function serviceContext(db: WritableDB, now: string = NOW): ServiceContext {
  return { db, clock: fixedClock(now), mode: 'test', databasePath: ':memory:', appVersion: 'test', dbKey: null, actor: () => 'Mette Rådgiver' };
}
