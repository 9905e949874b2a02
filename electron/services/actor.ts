/**
 * Who acts (shared/ipc/actor.ts). The person at the desk chooses which adviser they are when Ombud
 * starts; the choice is remembered per OS user outside the database (`fileActorStore`, a small
 * JSON file in the user-data folder, which Windows keeps per user), so a shared database never
 * decides who sits at which desk. Every call carries the chosen adviser; dispatch resolves it here
 * to the name the history records. The OS account is never recorded: a call without a chosen
 * adviser may only read, changes Ombud makes by itself at start are recorded as `SYSTEM_ACTOR`,
 * and the command line records `--som`, the database's current adviser, or `CLI_ACTOR`.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { catalogEntryName, catalogEntryRetired, findAdviserByName, listAdvisers } from '../../db/queries/catalog';
import { getCurrentAdviserId } from '../../db/queries/settings';
import type { ReadableDB } from '../../db/types';
import type { Adviser, Settings } from '../../shared/domain/settings';
import { normaliseToken } from '../../shared/domain/vocab';
import { NO_ACTOR_MESSAGE, STALE_ACTOR_MESSAGE, type ActorRef } from '../../shared/ipc/actor';
import { AppError } from '../../shared/ipc/result';
import type { ServiceContext } from './context';
import { addCatalogEntry } from './settings';

/** Recorded for what Ombud changes by itself at start (a new version recomputing deadlines). */
export const SYSTEM_ACTOR = 'Ombud (programopdatering)';
/** Recorded for `ombud …` when neither `--som` nor the database names an adviser. */
export const CLI_ACTOR = 'Kommandolinjen';

/** Who one call acts as: a resolved adviser, or nobody (then only reads are answered, with `refusal` for writes). */
export type CallActor = Readonly<{ name: string; adviserId: number }> | Readonly<{ name: null; refusal: string }>;

/** An actor function that refuses: the history must never get a made-up name. */
export function refusingActor(message: string = NO_ACTOR_MESSAGE): () => string {
  return () => {
    throw new AppError('forbidden', message);
  };
}

/** The envelope's adviser, looked up for this call (renamed since the choice: the new name). */
export function resolveActor(db: ReadableDB, ref: ActorRef | null): CallActor {
  if (ref === null) return { name: null, refusal: NO_ACTOR_MESSAGE };
  const name = catalogEntryName(db, 'adviser', ref.adviserId);
  if (name === null || catalogEntryRetired(db, 'adviser', ref.adviserId) === true) return { name: null, refusal: STALE_ACTOR_MESSAGE };
  return { name, adviserId: ref.adviserId };
}

/** The service context of one call: the shared one, with this call's actor. */
export function withActor(ctx: ServiceContext, actor: CallActor): ServiceContext {
  const name = actor.name;
  return { ...ctx, actor: name === null ? refusingActor(actor.refusal) : () => name };
}

// ---------------------------------------------------------------------------------------------
// The remembered choice

/** Where the desk's choice is kept, per database file (adviser ids belong to one database). */
export type ActorStore = Readonly<{
  get: (databasePath: string) => number | null;
  set: (databasePath: string, adviserId: number) => void;
}>;

/** Kept in memory only (tests; a backend opened without a user-data folder). */
export function memoryActorStore(): ActorStore {
  const chosen = new Map<string, number>();
  return { get: (db) => chosen.get(db) ?? null, set: (db, id) => void chosen.set(db, id) };
}

type ActorFile = { version: 1; databases: Record<string, { adviserId: number }> };

/** Windows paths compare without case, so C:\Users\… and c:\users\… are one database. */
function fileKey(databasePath: string, platform: NodeJS.Platform): string {
  const resolved = path.resolve(databasePath);
  return platform === 'win32' ? resolved.toLowerCase() : resolved;
}

function readActorFile(file: string): ActorFile {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ActorFile> | null;
    if (parsed && parsed.version === 1 && typeof parsed.databases === 'object' && parsed.databases !== null) return { version: 1, databases: parsed.databases };
  } catch {
    // Missing (first start) or damaged: the adviser simply chooses again; nothing else depends on it.
  }
  return { version: 1, databases: {} };
}

/** The choice in a JSON file (paths.ts `actorChoicePath`), written whole and renamed into place. */
export function fileActorStore(file: string, platform: NodeJS.Platform = process.platform): ActorStore {
  return {
    get(databasePath) {
      const entry = readActorFile(file).databases[fileKey(databasePath, platform)];
      const id = entry?.adviserId;
      return typeof id === 'number' && Number.isInteger(id) && id > 0 ? id : null;
    },
    set(databasePath, adviserId) {
      const data = readActorFile(file);
      data.databases[fileKey(databasePath, platform)] = { adviserId };
      mkdirSync(path.dirname(file), { recursive: true });
      // A crash mid-write must not leave half a file: write a sibling, then rename over (atomic on one volume).
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`, 'utf8');
      renameSync(tmp, file);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The actor:* channels

function activeAdviser(db: ReadableDB, adviserId: number): boolean {
  return catalogEntryRetired(db, 'adviser', adviserId) === false;
}

/** The adviser this OS user chose last time for this database, when still active. */
export function rememberedActor(ctx: ServiceContext, store: ActorStore): { adviserId: number | null } {
  const id = store.get(ctx.databasePath);
  return { adviserId: id !== null && activeAdviser(ctx.db, id) ? id : null };
}

/** Choose who sits at the desk; remembered for the next start. Not a change to the data: nothing is logged. */
export function chooseActor(ctx: ServiceContext, store: ActorStore, adviserId: number): { adviserId: number } {
  if (!activeAdviser(ctx.db, adviserId)) {
    throw new AppError('validation', 'Rådgiveren findes ikke længere eller er fratrådt. Vælg en anden, eller opret dig selv.', { adviserId: 'Vælg en aktiv rådgiver.' });
  }
  store.set(ctx.databasePath, adviserId);
  return { adviserId };
}

/**
 * Add the person at the desk as a new adviser and choose them. The history records the creation
 * under their own name: they are the one acting, and nobody else has been chosen yet.
 */
export function registerActor(ctx: ServiceContext, store: ActorStore, input: { name: string; initials: string }): { adviserId: number; settings: Settings } {
  const name = input.name.trim().replace(/\s+/g, ' ');
  const settings = addCatalogEntry({ ...ctx, actor: () => name }, { kind: 'adviser', name: input.name, parentId: null, initials: input.initials, email: '' });
  const adviserId = findAdviserByName(ctx.db, name);
  if (adviserId === null) throw new AppError('internal', 'Rådgiveren blev oprettet, men kunne ikke findes bagefter. Prøv at vælge den på listen.');
  store.set(ctx.databasePath, adviserId);
  return { adviserId, settings };
}

// ---------------------------------------------------------------------------------------------
// The command line

export type CliActor = Readonly<{ name: string }> | Readonly<{ problem: string }>;

/**
 * Who `ombud …` records: `--som` (an active adviser's initials or name, case-insensitive), else the
 * database's current adviser (Indstillinger), else `CLI_ACTOR` — never the OS account.
 */
export function cliActor(db: ReadableDB, som: string | null): CliActor {
  if (som !== null) {
    const key = normaliseToken(som);
    const active = listAdvisers(db).filter((a) => !a.retired);
    const byInitials = active.filter((a) => a.initials !== '' && normaliseToken(a.initials) === key);
    const found: Adviser | undefined = active.find((a) => normaliseToken(a.name) === key) ?? (byInitials.length === 1 ? byInitials[0] : undefined);
    if (found) return { name: found.name };
    const known = active.map((a) => (a.initials ? `${a.name} (${a.initials})` : a.name)).join(', ');
    if (byInitials.length > 1) return { problem: `--som "${som}": flere rådgivere har de initialer; skriv navnet i stedet (${known}).` };
    return { problem: active.length === 0
      ? `--som "${som}": databasen har ingen aktive rådgivere. Opret dem under Indstillinger → Rådgivere.`
      : `--som "${som}" er hverken initialer eller navn på en aktiv rådgiver. Aktive rådgivere: ${known}.` };
  }
  const current = getCurrentAdviserId(db);
  const name = current === null ? null : catalogEntryName(db, 'adviser', current);
  return { name: name ?? CLI_ACTOR };
}
