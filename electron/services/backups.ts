/**
 * Backups and restore. A backup is `VACUUM INTO` a new file in the adviser's backup folder (often a
 * network drive), taken from the open database, so it is encrypted with the same key (db/key.ts).
 * It is written under a temporary name and only renamed to `ombud-YYYY-MM-DD-HHMMSS.sqlite` (UTC)
 * once it is verified: it opens with the key, `PRAGMA integrity_check` says ok, every table has the
 * row count the database had when the copy was taken, and the audit chain holds. The result goes in
 * the folder's manifest (shared/backup/manifest.ts), outside the database, so a restore can choose
 * when the database cannot be opened. A file that failed verification is never counted as good.
 *
 * The folder the adviser chose is kept in `<userData>/sikkerhedskopi.json` (services/paths.ts) for
 * the same reason. Rotation (shared/backup/rotation.ts) deletes older good backups only after a new
 * good one exists.
 *
 * Restore: the chosen backup is verified first, the current state backed up (skipped, and said so,
 * only when the current file cannot be opened), the database closed, the backup put in place (stale
 * -wal/-shm removed) and opened again, and the restored database records who restored it from which
 * backup.
 */
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openReadOnly } from '../../db/read-only';
import type { DbKey } from '../../db/key';
import { writeAuditAnchor } from '../../db/audit-anchor';
import { appendAudit } from '../../db/queries/audit';
import { auditHead, verifyAuditChain, type AuditHead } from '../../db/queries/audit-chain';
import { integrityCheck, tableCounts, vacuumInto, withWritersHeld } from '../../db/queries/backup';
import type { ReadableDB } from '../../db/types';
import { automaticBackupDue, isGoodBackup, ManifestSchema, MANIFEST_FILE_NAME, type BackupEntry, type Manifest, type RestoreOutcome } from '../../shared/backup/manifest';
import { backupsToKeep, DEFAULT_ROTATION } from '../../shared/backup/rotation';
import { formatDanishDateTime, type Clock } from '../../shared/domain/dates';
import { AppError } from '../../shared/ipc/result';
import type { ServiceContext } from './context';
import { DEFAULT_BACKUP_DIR_NAME } from './paths';

/** Where the backup settings live and what the default folder is (paths.ts gives the real ones). */
export type BackupSetup = Readonly<{
  /** `<userData>/sikkerhedskopi.json`; null: the folder is remembered in memory only (tests). */
  settingsFile: string | null;
  /** `<userData>/Sikkerhedskopier`: used until the adviser chooses a folder, created when needed. */
  defaultFolder: string;
  /** The OS temp folder: a backup folder inside it is refused (it is emptied behind the adviser's back). */
  tempRoot: string;
}>;

/** What the handlers get from whoever opened the backend (open-app.ts, backend/host.ts). */
export type BackupDeps = Readonly<{
  setup: BackupSetup;
  /** Close the database, restore the backup and reopen it: only the owner of the open database can. */
  restore?: (file: string, actor: string) => RestoreOutcome;
  /** What the automatic backup at this start did (backend/host.ts), for the Sikkerhedskopier section. */
  lastAutomatic?: () => AutomaticBackupResult | null;
}>;

/** Who takes the automatic backup at start, in the history. */
export const AUTOMATIC_BACKUP_ACTOR = 'Ombud (automatisk sikkerhedskopi)';
/** Who restored, when the adviser accepted the offer at start (before anyone is chosen in Ombud). */
export const STARTUP_RESTORE_ACTOR = 'Rådgiveren ved opstart (tilbud om gendannelse)';

/** Without a configured folder (tests, a database opened by path): `Sikkerhedskopier` beside the database. */
export function setupBeside(databasePath: string): BackupSetup {
  const base = databasePath === ':memory:' ? os.tmpdir() : path.dirname(databasePath);
  return { settingsFile: null, defaultFolder: path.join(base, DEFAULT_BACKUP_DIR_NAME), tempRoot: os.tmpdir() };
}

/** `backup:restore`: the backend host (or the CLI) restores; a bare openApp has no one to reopen the file. */
export function restoreHere(deps: BackupDeps | undefined, file: string, actor: string): RestoreOutcome {
  if (!deps?.restore) throw new AppError('internal', 'Gendannelse kan kun ske fra Ombud-programmet eller med kommandoen «ombud restore».');
  return deps.restore(file, actor);
}

const FILE_PATTERN = /^ombud-\d{4}-\d{2}-\d{2}-\d{6}(-\d+)?\.sqlite$/;

// ---------------------------------------------------------------------------------------------
// The folder setting

const inMemoryFolders = new WeakMap<BackupSetup, string>();

/** The folder backups go to: the adviser's choice, else the default. */
export function backupFolder(setup: BackupSetup): string {
  if (setup.settingsFile === null) return inMemoryFolders.get(setup) ?? setup.defaultFolder;
  try {
    const parsed = JSON.parse(readFileSync(setup.settingsFile, 'utf8')) as { folder?: unknown };
    if (typeof parsed.folder === 'string' && parsed.folder !== '') return parsed.folder;
  } catch {
    // No file yet, or one that cannot be read: the default folder, and the adviser may choose again.
  }
  return setup.defaultFolder;
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(path.resolve(parent), path.resolve(child));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Why a folder the adviser chose cannot hold backups (Danish), or null when it can. */
export function backupFolderProblem(folder: string, setup: BackupSetup): string | null {
  const f = folder.trim();
  if (f === '') return 'Skriv stien til en mappe.';
  if (!path.isAbsolute(f)) return 'Skriv den fulde sti til mappen, fx \\\\server\\deling\\Ombud eller D:\\Sikkerhedskopier.';
  if (isInside(f, setup.tempRoot)) return 'Mappen ligger i computerens midlertidige mappe, som tømmes uden varsel. Vælg en anden mappe.';
  let isDir: boolean;
  try {
    isDir = statSync(f).isDirectory();
  } catch {
    return 'Mappen findes ikke, eller den kan ikke nås (er netværksdrevet tilsluttet?).';
  }
  if (!isDir) return 'Stien peger på en fil, ikke en mappe.';
  const probe = path.join(f, `.ombud-skrivetest-${process.pid}-${Date.now()}`);
  try {
    writeFileSync(probe, 'ok', { flag: 'wx', mode: 0o600 });
    rmSync(probe, { force: true });
  } catch {
    return 'Ombud kan ikke skrive i mappen. Vælg en mappe, du har skriveadgang til.';
  }
  return null;
}

/** Choose the backup folder (validated, Danish messages); stored outside the database. */
export function setBackupFolder(setup: BackupSetup, folder: string): string {
  const problem = backupFolderProblem(folder, setup);
  if (problem !== null) throw new AppError('validation', problem, { folder: problem });
  const chosen = path.resolve(folder.trim());
  if (setup.settingsFile === null) inMemoryFolders.set(setup, chosen);
  else {
    mkdirSync(path.dirname(setup.settingsFile), { recursive: true });
    const tmp = `${setup.settingsFile}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ folder: chosen }, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, setup.settingsFile);
  }
  return chosen;
}

/** Make sure the folder can be written to: the default one is created, a chosen one must exist. */
function ensureFolder(folder: string, setup: BackupSetup): void {
  if (path.resolve(folder) === path.resolve(setup.defaultFolder)) mkdirSync(folder, { recursive: true, mode: 0o700 });
  let ok: boolean;
  try {
    ok = statSync(folder).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new AppError('internal', `Mappen til sikkerhedskopier (${folder}) kan ikke nås. Er netværksdrevet tilsluttet? Ombud prøver igen ved næste start, eller vælg en anden mappe under Databeskyttelse.`);
}

// ---------------------------------------------------------------------------------------------
// The manifest

/** The folder's manifest; an empty one when there is none (or it cannot be read). */
export function readManifest(folder: string): Manifest {
  try {
    const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(path.join(folder, MANIFEST_FILE_NAME), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Missing or unreadable: no known backups. The files themselves can still be restored by name.
  }
  return { version: 1, backups: [] };
}

function writeManifest(folder: string, manifest: Manifest): void {
  const file = path.join(folder, MANIFEST_FILE_NAME);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
}

function upsertEntry(folder: string, entry: BackupEntry): void {
  const manifest = readManifest(folder);
  writeManifest(folder, { version: 1, backups: [...manifest.backups.filter((b) => b.file !== entry.file), entry] });
}

/** The backups in the folder, newest first, each with whether its file is still there. */
export function listBackups(folder: string): Array<BackupEntry & { present: boolean }> {
  return readManifest(folder)
    .backups.map((b) => ({ ...b, present: existsSync(path.join(folder, b.file)) }))
    .sort((a, b) => Date.parse(b.created) - Date.parse(a.created));
}

// ---------------------------------------------------------------------------------------------
// Verification

/** SHA-256 of a file read in 1 MB pieces: a database of several hundred MB is never held in memory whole. */
function sha256File(file: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const fd = openSync(file, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * The audit chain in the copy (db/queries/audit-chain.ts): every row's hash recomputed, and the row
 * that was the newest when the copy was taken present with the same hash, so a copy whose log was
 * cut short or rewritten is refused. Null when it holds, else the Danish reason.
 */
function auditChainProblem(db: ReadableDB, head: AuditHead | null): string | null {
  const result = verifyAuditChain(db, head);
  return result.ok ? null : `Revisionssporet i kopien er brudt: ${result.reason}`;
}

/**
 * Why the backup file cannot be trusted (Danish), or null when it can: it opens with the key, the
 * integrity check passes, the row counts are those expected (when known) and the audit chain holds
 * (up to `head`, the newest row when the copy was taken, when known).
 */
export function verifyBackupFile(file: string, key: DbKey | null, expected: Readonly<Record<string, number>> | null, head: AuditHead | null = null): string | null {
  let db: ReadableDB;
  try {
    db = openReadOnly(file, { key });
  } catch {
    return 'Filen kan ikke åbnes med databasens nøgle: den er beskadiget, krypteret med en anden nøgle eller ikke en Ombud-database.';
  }
  try {
    let problems: string[];
    try {
      problems = integrityCheck(db);
    } catch {
      return 'Filen er beskadiget: SQLite kunne ikke læse den hele.';
    }
    if (problems.length !== 1 || problems[0] !== 'ok') return `Kontrollen af filen fandt fejl (${problems.length} i alt), fx: ${problems[0] ?? 'ukendt'}.`;
    if (expected !== null) {
      const actual = tableCounts(db);
      for (const table of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
        if (actual[table] !== expected[table]) {
          return `Tabellen ${table} har ${actual[table] ?? 0} rækker i sikkerhedskopien, men databasen havde ${expected[table] ?? 0}.`;
        }
      }
    }
    return auditChainProblem(db, head);
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Taking a backup

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `ombud-YYYY-MM-DD-HHMMSS.sqlite` in UTC (unambiguous across the change to and from summer time). */
export function backupFileName(at: Date): string {
  return `ombud-${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}-${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}.sqlite`;
}

function freeName(folder: string, at: Date): string {
  const base = backupFileName(at);
  if (!existsSync(path.join(folder, base))) return base;
  for (let i = 2; ; i++) {
    const name = base.replace(/\.sqlite$/, `-${i}.sqlite`);
    if (!existsSync(path.join(folder, name))) return name;
  }
}

/** An empty file only this user can read, so the copy is never readable by others, not even for a moment. */
function createPrivateEmptyFile(file: string): void {
  closeSync(openSync(file, 'wx', 0o600));
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Copy and count from the same moment: other writers are held off while a second connection reads both. */
function copyWithCounts(ctx: ServiceContext, tmp: string): { counts: Record<string, number>; head: AuditHead | null } {
  const copy = (db: ReadableDB) => {
    const counts = tableCounts(db);
    const head = auditHead(db);
    vacuumInto(db, tmp);
    return { counts, head: head && { id: head.id, hash: head.hash } };
  };
  // One connection and synchronous code: nothing can write between the count and the copy.
  if (ctx.databasePath === ':memory:') return copy(ctx.db);
  return withWritersHeld(ctx.db, () => {
    const reader = openReadOnly(ctx.databasePath, { key: ctx.dbKey });
    try {
      return copy(reader);
    } finally {
      reader.close();
    }
  });
}

export type BackupReason = 'manual' | 'automatic' | 'before-restore';

const REASON_TEXT: Record<BackupReason, string> = {
  manual: 'Sikkerhedskopi taget',
  automatic: 'Automatisk sikkerhedskopi taget',
  'before-restore': 'Sikkerhedskopi taget før gendannelse',
};

/**
 * Take a backup into the folder and verify it. Returns the manifest entry; when verification failed
 * the file is removed, the failure is kept in the manifest and an AppError says why in Danish.
 */
export function createBackup(ctx: ServiceContext, setup: BackupSetup, reason: BackupReason, actor: string): BackupEntry {
  const folder = backupFolder(setup);
  ensureFolder(folder, setup);
  const at = ctx.clock.now();
  const name = freeName(folder, at);
  const final = path.join(folder, name);
  const tmp = path.join(folder, `.${name}.ikke-kontrolleret`);
  let counts: Record<string, number>;
  let head: AuditHead | null;
  try {
    createPrivateEmptyFile(tmp);
    ({ counts, head } = copyWithCounts(ctx, tmp));
    fsyncFile(tmp);
  } catch (e) {
    rmSync(tmp, { force: true });
    if (e instanceof AppError) throw e;
    throw new AppError('internal', `Sikkerhedskopien kunne ikke skrives i ${folder}: ${e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : 'ukendt fejl'}. Databasen er ikke ændret. Prøv igen, eller vælg en anden mappe.`);
  }
  const problem = verifyBackupFile(tmp, ctx.dbKey, counts, head);
  const checked = ctx.clock.now().toISOString();
  if (problem !== null) {
    rmSync(tmp, { force: true });
    upsertEntry(folder, { file: name, created: at.toISOString(), size: 0, sha256: '', counts, auditHead: head, verified: false, checked, problem });
    throw new AppError('internal', `Sikkerhedskopien blev ikke godkendt og er slettet igen: ${problem}`);
  }
  renameSync(tmp, final);
  const entry: BackupEntry = { file: name, created: at.toISOString(), size: statSync(final).size, sha256: sha256File(final), counts, auditHead: head, verified: true, checked, problem: null };
  upsertEntry(folder, entry);
  // Not before a restore: the backup being restored must stay in the folder (the next backup rotates).
  if (reason !== 'before-restore') rotate(folder);
  // The backup is noted in the database it was taken from (the copy itself does not contain this entry).
  appendAudit(ctx.db, {
    at: checked,
    actor,
    entity: 'backup',
    entityId: null,
    caseId: null,
    action: REASON_TEXT[reason],
    changes: [{ field: 'Fil', before: '', after: final }],
  });
  return entry;
}

/** Delete the good backups the rotation no longer keeps, and the files of failed ones. */
function rotate(folder: string): void {
  const manifest = readManifest(folder);
  const good = manifest.backups.filter(isGoodBackup);
  const keep = backupsToKeep(good, DEFAULT_ROTATION);
  const remaining: BackupEntry[] = [];
  for (const b of manifest.backups) {
    if (keep.has(b.file)) remaining.push(b);
    else rmSync(path.join(folder, b.file), { force: true });
  }
  writeManifest(folder, { version: 1, backups: remaining });
  // Left-over temporary copies from an interrupted backup are never good backups.
  for (const f of readdirSync(folder)) if (f.startsWith('.ombud-') && f.endsWith('.ikke-kontrolleret')) rmSync(path.join(folder, f), { force: true });
}

/** Verify one backup again (the "Kontrollér" button): the file, its SHA-256 and its counts. */
export function checkBackup(folder: string, file: string, key: DbKey | null, clock: Clock): BackupEntry {
  const entry = readManifest(folder).backups.find((b) => b.file === file);
  if (!entry) throw new AppError('not_found', `Sikkerhedskopien ${file} findes ikke i mappens oversigt.`);
  const full = path.join(folder, file);
  let problem: string | null;
  if (!existsSync(full)) problem = 'Filen findes ikke længere i mappen.';
  else if (sha256File(full) !== entry.sha256) problem = 'Filen er ændret, siden sikkerhedskopien blev taget (kontrolsummen passer ikke).';
  else problem = verifyBackupFile(full, key, entry.counts, entry.auditHead);
  const updated: BackupEntry = { ...entry, verified: problem === null, problem, checked: clock.now().toISOString() };
  upsertEntry(folder, updated);
  return updated;
}

/** What the automatic backup at start did: shown to the adviser when it failed. */
export type AutomaticBackupResult = Readonly<{ at: string; ok: boolean; message: string }>;

/**
 * The automatic backup at start: taken when no good backup is in the folder or the newest is 24
 * hours old or more; null when none was due. A failure (a network drive that is gone) is returned as
 * a Danish message, never thrown, and nothing is recorded that would stop the next start trying again.
 */
export function backupAtStartIfDue(ctx: ServiceContext, setup: BackupSetup, actor: string): AutomaticBackupResult | null {
  const now = ctx.clock.now();
  let folder: string;
  try {
    folder = backupFolder(setup);
    if (!automaticBackupDue(readManifest(folder).backups, now)) return null;
    const entry = createBackup(ctx, setup, 'automatic', actor);
    return { at: now.toISOString(), ok: true, message: `Automatisk sikkerhedskopi taget: ${entry.file}.` };
  } catch (e) {
    const detail = e instanceof AppError ? e.message : e instanceof Error ? e.message : String(e);
    return { at: now.toISOString(), ok: false, message: `Den automatiske sikkerhedskopi kunne ikke tages. ${detail}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Restore

/** The chosen backup as a path: a name from the folder's list, or any path (the CLI). */
export function resolveBackupFile(folder: string, file: string): string {
  return path.isAbsolute(file) ? file : FILE_PATTERN.test(file) ? path.join(folder, file) : path.resolve(file);
}

/** Verify a backup chosen for restore; the manifest's counts and SHA-256 when the folder knows it. */
export function verifyForRestore(folder: string, file: string, key: DbKey | null): { entry: BackupEntry | null; problem: string | null } {
  const full = resolveBackupFile(folder, file);
  if (!existsSync(full)) return { entry: null, problem: `Filen ${full} findes ikke.` };
  const sameFolder = path.resolve(path.dirname(full)) === path.resolve(folder);
  const entry = sameFolder ? (readManifest(folder).backups.find((b) => b.file === path.basename(full)) ?? null) : null;
  if (entry && entry.sha256 !== '' && sha256File(full) !== entry.sha256) return { entry, problem: 'Filen er ændret, siden sikkerhedskopien blev taget (kontrolsummen passer ikke).' };
  return { entry, problem: verifyBackupFile(full, key, entry?.counts ?? null, entry?.auditHead ?? null) };
}

/** What a restore needs from whoever owns the open database (the backend host, the CLI). */
export type RestoreRequest<T> = Readonly<{
  databasePath: string;
  key: DbKey | null;
  setup: BackupSetup;
  /** The backup: a file name in the folder or a path. */
  file: string;
  clock: Clock;
  actor: string;
  /** The open database, or null when the current file cannot be opened. */
  current: Readonly<{ ctx: ServiceContext; close: () => void }> | null;
  /** Open the database file again (after the backup is in place). */
  reopen: () => T;
}>;

function stamp(at: Date): string {
  return backupFileName(at).replace(/^ombud-/, '').replace(/\.sqlite$/, '');
}

/**
 * Restore: verify the backup, back up the current state, close, put the backup in place, reopen and
 * record it in the restored database. On any failure before the new file is in place nothing has
 * changed; if the restored file cannot be opened, the previous file is put back.
 */
export function restoreBackup<T extends Readonly<{ ctx: ServiceContext }>>(req: RestoreRequest<T>): { app: T; outcome: RestoreOutcome } {
  const folder = backupFolder(req.setup);
  const full = resolveBackupFile(folder, req.file);
  const { entry, problem } = verifyForRestore(folder, req.file, req.key);
  if (problem !== null) throw new AppError('validation', `Sikkerhedskopien kan ikke bruges: ${problem} Intet er ændret.`);

  const db = req.databasePath;
  const incoming = `${db}.gendannes`;
  const aside = `${db}.foer-gendannelse-${stamp(req.clock.now())}`;
  // The verified bytes are copied beside the database first, so nothing that happens in the folder
  // from here on (a backup of the current state, a network drive that drops) changes what is restored.
  rmSync(incoming, { force: true });
  copyFileSync(full, incoming);
  fsyncFile(incoming);

  let before: string | null = null;
  let skipped: string | null = null;
  if (req.current !== null) {
    // createBackup throws (in Danish) when it fails: then the restore stops before anything changed.
    try {
      before = path.join(folder, createBackup(req.current.ctx, req.setup, 'before-restore', req.actor).file);
    } catch (e) {
      rmSync(incoming, { force: true });
      throw e;
    }
    req.current.close();
  } else {
    skipped = 'Den nuværende database kunne ikke åbnes, så der er ikke taget en sikkerhedskopi af den først. Filen er gemt ved siden af under et nyt navn.';
  }

  const hadFile = existsSync(db);
  if (hadFile) renameSync(db, aside);
  // The old file's -wal/-shm would be replayed into the restored file: they belong to the old one.
  for (const suffix of ['-wal', '-shm']) if (existsSync(db + suffix)) renameSync(db + suffix, aside + suffix);
  renameSync(incoming, db);
  // The audit chain's anchor beside the database (db/audit-anchor.ts) names the newest row of the
  // file just replaced; a deliberate restore moves it to the restored chain's head, or the next
  // start would report the restored log as cut short.
  anchorToFile(db, req.key);

  let app: T;
  try {
    app = req.reopen();
  } catch (e) {
    rmSync(db, { force: true });
    if (hadFile) renameSync(aside, db);
    for (const suffix of ['-wal', '-shm']) if (existsSync(aside + suffix)) renameSync(aside + suffix, db + suffix);
    throw new AppError('internal', `Den gendannede database kunne ikke åbnes (${e instanceof Error ? e.message : String(e)}). Den tidligere database er lagt tilbage.`);
  }
  // The state before is in a verified backup: the file set aside is not needed. Without one (the
  // file could not be opened) it is kept, since it is all there is of that state.
  if (before !== null) for (const suffix of ['', '-wal', '-shm']) rmSync(aside + suffix, { force: true });

  const outcome: RestoreOutcome = { restoredFrom: full, backupCreated: entry?.created ?? null, before, skipped };
  appendAudit(app.ctx.db, {
    at: req.clock.now().toISOString(),
    actor: req.actor,
    entity: 'backup',
    entityId: null,
    caseId: null,
    action: 'Database gendannet fra sikkerhedskopi',
    changes: [
      { field: 'Sikkerhedskopi', before: '', after: entry ? `${full} (taget ${formatDanishDateTime(entry.created)})` : full },
      { field: 'Tilstanden før', before: '', after: before ?? skipped ?? '' },
    ],
  });
  const restoredHead = auditHead(app.ctx.db);
  if (restoredHead !== null) writeAuditAnchor(db, { id: restoredHead.id, hash: restoredHead.hash });
  return { app, outcome };
}

/** Record the audit head of the database file as its anchor (nothing to record in an empty log). */
function anchorToFile(file: string, key: DbKey | null): void {
  const reader = openReadOnly(file, { key });
  try {
    const head = auditHead(reader);
    if (head !== null) writeAuditAnchor(file, { id: head.id, hash: head.hash });
  } finally {
    reader.close();
  }
}
