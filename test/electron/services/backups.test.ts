import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAuditAnchor, verifyAndAnchor } from '../../../db/audit-anchor';
import { SqliteDriver } from '../../../db/driver';
import { applyDbKey, generateDbKey, type DbKey } from '../../../db/key';
import { auditHead } from '../../../db/queries/audit-chain';
import {
  backupAtStartIfDue,
  backupFolder,
  backupFolderProblem,
  checkBackup,
  createBackup,
  listBackups,
  readManifest,
  restoreBackup,
  setBackupFolder,
  verifyBackupFile,
  type BackupSetup,
} from '../../../electron/services/backups';
import { createCase, listCases } from '../../../electron/services/cases';
import { openApp, type OpenedApp } from '../../../electron/services/open-app';
import { MANIFEST_FILE_NAME } from '../../../shared/backup/manifest';
import { defaultCaseListQuery } from '../../../shared/domain/case-list';
import type { Clock } from '../../../shared/domain/dates';
import { caseInput, thrownAppError } from '../../db/helpers';
import { ownerOnlyMode } from '../../setup/file-mode';

/** A clock the test moves by hand. */
function movableClock(start: string): Clock & { set: (iso: string) => void; advanceHours: (h: number) => void } {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), set: (iso) => (t = new Date(iso).getTime()), advanceHours: (h) => (t += h * 3_600_000) };
}

let dir: string;
let dbFile: string;
let key: DbKey;
let setup: BackupSetup;
let clock: ReturnType<typeof movableClock>;
let app: OpenedApp;

const open = () => openApp({ file: dbFile, mode: 'test', clock, key, actor: () => 'Tester' });
const caseCount = (a: OpenedApp) => listCases(a.ctx, defaultCaseListQuery()).total;
const auditActions = (a: OpenedApp) => a.ctx.db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all() as string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ombud-backups-'));
  dbFile = path.join(dir, 'data', 'ombud.sqlite');
  key = generateDbKey();
  // The temp root is a folder of its own, so the test's folders (under the OS temp) are allowed.
  setup = { settingsFile: path.join(dir, 'userdata', 'sikkerhedskopi.json'), defaultFolder: path.join(dir, 'userdata', 'Sikkerhedskopier'), tempRoot: path.join(dir, 'os-temp') };
  clock = movableClock('2025-06-15T10:00:00.000Z');
  app = open();
  createCase(app.ctx, caseInput(app.ctx.db, { citizen: { name: 'Første Borger', address: '', phone: '', email: '', cpr: null } }));
});
afterEach(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('createBackup', () => {
  it('writes a verified, encrypted copy readable by the user only, named by the time, and lists it in the manifest', () => {
    const entry = createBackup(app.ctx, setup, 'manual', 'Tester');
    const folder = setup.defaultFolder;
    const file = path.join(folder, entry.file);
    expect(entry.file).toBe('ombud-2025-06-15-100000.sqlite');
    expect(entry.verified).toBe(true);
    expect(entry.problem).toBeNull();
    expect(entry.counts['cases']).toBe(1);
    expect(entry.size).toBe(statSync(file).size);
    expect(ownerOnlyMode(file)).toBe(0o600);
    // Encrypted: no SQLite header, and the citizen's name is nowhere in the bytes.
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(bytes.includes(Buffer.from('Første Borger'))).toBe(false);
    // No temporary file is left, and the manifest knows the backup.
    expect(readdirSync(folder).sort()).toEqual([MANIFEST_FILE_NAME, entry.file].sort());
    expect(readManifest(folder).backups.map((b) => b.file)).toEqual([entry.file]);
    expect(auditActions(app)).toContain('Sikkerhedskopi taget');
  });

  it('refuses a folder that cannot be reached with a Danish message and no crash', () => {
    mkdirSync(path.join(dir, 'net'));
    setBackupFolder(setup, path.join(dir, 'net'));
    rmSync(path.join(dir, 'net'), { recursive: true, force: true });
    expect(() => createBackup(app.ctx, setup, 'manual', 'Tester')).toThrow(/kan ikke nås/);
  });

  it('deletes older backups by the rotation only once a new good one exists', () => {
    // 40 daily backups: 7 daily + the weekly/monthly ones remain, never the newest removed.
    for (let d = 0; d < 40; d++) {
      createBackup(app.ctx, setup, 'automatic', 'Tester');
      clock.advanceHours(24);
    }
    const files = readdirSync(setup.defaultFolder).filter((f) => f.endsWith('.sqlite'));
    const listed = listBackups(setup.defaultFolder);
    expect(files.sort()).toEqual(listed.map((b) => b.file).sort());
    expect(files.length).toBeLessThan(20);
    expect(files.length).toBeGreaterThanOrEqual(7);
    expect(listed[0]?.file).toBe('ombud-2025-07-24-100000.sqlite');
  });
});

describe('verifyBackupFile', () => {
  it('refuses a backup with one flipped byte', () => {
    const entry = createBackup(app.ctx, setup, 'manual', 'Tester');
    const file = path.join(setup.defaultFolder, entry.file);
    const bytes = readFileSync(file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(file, bytes);
    expect(verifyBackupFile(file, key, entry.counts)).not.toBeNull();
    const checked = checkBackup(setup.defaultFolder, entry.file, key, clock);
    expect(checked.verified).toBe(false);
    expect(checked.problem).toMatch(/ændret/);
    // And a restore of it is refused before anything changes.
    const before = caseCount(app);
    expect(thrownAppError(() => restoreBackup({ databasePath: dbFile, key, setup, file: entry.file, clock, actor: 'Tester', current: app, reopen: open })).message).toMatch(/kan ikke bruges/);
    expect(caseCount(app)).toBe(before);
  });

  it('refuses a backup opened with another key', () => {
    const entry = createBackup(app.ctx, setup, 'manual', 'Tester');
    const file = path.join(setup.defaultFolder, entry.file);
    expect(verifyBackupFile(file, key, entry.counts)).toBeNull();
    expect(verifyBackupFile(file, generateDbKey(), entry.counts)).toMatch(/nøgle/);
    expect(verifyBackupFile(file, null, entry.counts)).toMatch(/nøgle/);
  });

  it('refuses a backup whose row counts differ from the database it was taken from', () => {
    const entry = createBackup(app.ctx, setup, 'manual', 'Tester');
    const file = path.join(setup.defaultFolder, entry.file);
    expect(verifyBackupFile(file, key, { ...entry.counts, cases: 2 })).toMatch(/cases/);
  });
});

/** Change the backup behind Ombud's back: its own key, the audit log's triggers dropped first. */
function tamper(file: string, sql: string): void {
  const db = new SqliteDriver(file);
  applyDbKey(db, key);
  for (const t of db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log'").pluck().all() as string[]) db.exec(`DROP TRIGGER "${t}"`);
  db.exec(sql);
  db.close();
}

describe('the audit chain in a backup', () => {
  it('refuses a backup whose audit log was rewritten', () => {
    const entry = createBackup(app.ctx, setup, 'manual', 'Tester');
    const file = path.join(setup.defaultFolder, entry.file);
    tamper(file, "UPDATE audit_log SET actor = 'En anden' WHERE id = 1");
    expect(verifyBackupFile(file, key, entry.counts, entry.auditHead)).toMatch(/Revisionssporet i kopien er brudt: Række 1/);
  });

  it('refuses a backup whose newest audit rows were cut off', () => {
    const entry = createBackup(app.ctx, setup, 'manual', 'Tester');
    expect(entry.auditHead).not.toBeNull();
    const file = path.join(setup.defaultFolder, entry.file);
    tamper(file, `DELETE FROM audit_log WHERE id = ${entry.auditHead!.id}`);
    // Without the counts, the head recorded when it was taken still shows the log is cut short.
    expect(verifyBackupFile(file, key, null, entry.auditHead)).toMatch(/Revisionssporet i kopien er brudt/);
  });

  it('moves the audit anchor to the restored log, so the next start does not report it as cut short', () => {
    const entry = createBackup(app.ctx, setup, 'manual', 'Tester');
    createCase(app.ctx, caseInput(app.ctx.db));
    // The anchor names the newest row of the log before the restore, which the backup does not have.
    expect(verifyAndAnchor(app.ctx.db, dbFile).ok).toBe(true);
    const { app: restored } = restoreBackup({ databasePath: dbFile, key, setup, file: entry.file, clock, actor: 'Tester', current: app, reopen: open });
    app = restored;
    app.close();
    app = open();
    expect(verifyAndAnchor(app.ctx.db, dbFile).ok).toBe(true);
    expect(readAuditAnchor(dbFile)?.id).toBe(auditHead(app.ctx.db)?.id);
  });
});

describe('the automatic backup at start', () => {
  it('runs when none exists, not again within 24 hours, and again after', () => {
    expect(backupAtStartIfDue(app.ctx, setup, 'Ombud')?.ok).toBe(true);
    clock.advanceHours(23);
    expect(backupAtStartIfDue(app.ctx, setup, 'Ombud')).toBeNull();
    clock.advanceHours(1);
    expect(backupAtStartIfDue(app.ctx, setup, 'Ombud')?.ok).toBe(true);
    expect(listBackups(setup.defaultFolder).filter((b) => b.verified)).toHaveLength(2);
  });

  it('reports a network drive that is gone in Danish without throwing, and tries again at the next start', () => {
    const net = path.join(dir, 'net');
    mkdirSync(net);
    setBackupFolder(setup, net);
    rmSync(net, { recursive: true });
    const failed = backupAtStartIfDue(app.ctx, setup, 'Ombud');
    expect(failed?.ok).toBe(false);
    expect(failed?.message).toMatch(/automatiske sikkerhedskopi kunne ikke tages.*netværksdrevet/);
    mkdirSync(net);
    clock.advanceHours(1);
    expect(backupAtStartIfDue(app.ctx, setup, 'Ombud')?.ok).toBe(true);
  });
});

describe('the backup folder setting', () => {
  it('is the default until chosen, and is kept outside the database in the settings file', () => {
    expect(backupFolder(setup)).toBe(setup.defaultFolder);
    const chosen = path.join(dir, 'netværk');
    mkdirSync(chosen);
    expect(setBackupFolder(setup, chosen)).toBe(chosen);
    expect(JSON.parse(readFileSync(setup.settingsFile!, 'utf8'))).toEqual({ folder: chosen });
    expect(backupFolder(setup)).toBe(chosen);
  });

  it('refuses a missing folder, a file, a relative path and the temp folder, in Danish', () => {
    const file = path.join(dir, 'fil.txt');
    writeFileSync(file, 'x');
    mkdirSync(path.join(setup.tempRoot, 'x'), { recursive: true });
    expect(backupFolderProblem(path.join(dir, 'findes-ikke'), setup)).toMatch(/findes ikke/);
    expect(backupFolderProblem(file, setup)).toMatch(/fil, ikke en mappe/);
    expect(backupFolderProblem('relativ/mappe', setup)).toMatch(/fulde sti/);
    expect(backupFolderProblem(path.join(setup.tempRoot, 'x'), setup)).toMatch(/midlertidige/);
    expect(thrownAppError(() => setBackupFolder(setup, '')).message).toMatch(/Skriv stien/);
    expect(existsSync(setup.settingsFile!)).toBe(false);
  });

  it('refuses a folder Ombud cannot write to', () => {
    if (process.getuid?.() === 0) return; // root writes everywhere
    const ro = path.join(dir, 'skrivebeskyttet');
    mkdirSync(ro, { mode: 0o500 });
    expect(backupFolderProblem(ro, setup)).toMatch(/skrive/);
  });
});

describe('restoreBackup', () => {
  it('verifies, backs up the current state first, puts the backup in place and records it in the restored database', () => {
    const entry = createBackup(app.ctx, setup, 'manual', 'Tester');
    clock.advanceHours(2);
    createCase(app.ctx, caseInput(app.ctx.db));
    expect(caseCount(app)).toBe(2);
    const { app: restored, outcome } = restoreBackup({ databasePath: dbFile, key, setup, file: entry.file, clock, actor: 'Rådgiver Rasmussen', current: app, reopen: open });
    app = restored;
    expect(caseCount(app)).toBe(1);
    // The state before the restore is a good backup of its own, with both cases.
    expect(outcome.before).not.toBeNull();
    expect(outcome.skipped).toBeNull();
    const before = listBackups(setup.defaultFolder).find((b) => outcome.before?.endsWith(b.file));
    expect(before?.verified).toBe(true);
    expect(before?.counts['cases']).toBe(2);
    // Recorded in the restored database: from which backup, by whom.
    const last = app.ctx.db.prepare('SELECT actor, action, changes FROM audit_log ORDER BY id DESC LIMIT 1').get() as { actor: string; action: string; changes: string };
    expect(last.actor).toBe('Rådgiver Rasmussen');
    expect(last.action).toBe('Database gendannet fra sikkerhedskopi');
    expect(last.changes).toContain(entry.file);
    expect(last.changes).toContain('15.06.2025 kl. 12.00');
    // No stale -wal/-shm of the old file and nothing set aside is left behind; the backup restored
    // from stays in the folder.
    expect(readdirSync(path.dirname(dbFile)).filter((f) => f.includes('gendann'))).toEqual([]);
    expect(existsSync(path.join(setup.defaultFolder, entry.file))).toBe(true);
  });

  it('restores when the current database cannot be opened, keeping that file aside and saying so', () => {
    const entry = createBackup(app.ctx, setup, 'manual', 'Tester');
    app.close();
    writeFileSync(dbFile, Buffer.alloc(8192, 7));
    rmSync(`${dbFile}-wal`, { force: true });
    rmSync(`${dbFile}-shm`, { force: true });
    const { app: restored, outcome } = restoreBackup({ databasePath: dbFile, key, setup, file: entry.file, clock, actor: 'Tester', current: null, reopen: open });
    app = restored;
    expect(caseCount(app)).toBe(1);
    expect(outcome.before).toBeNull();
    expect(outcome.skipped).toMatch(/kunne ikke åbnes/);
    const aside = readdirSync(path.dirname(dbFile)).filter((f) => f.includes('foer-gendannelse'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(path.dirname(dbFile), aside[0]!))).toEqual(Buffer.alloc(8192, 7));
  });

  it('stops before changing anything when the current state cannot be backed up', () => {
    const entry = createBackup(app.ctx, setup, 'manual', 'Tester');
    createCase(app.ctx, caseInput(app.ctx.db));
    const net = path.join(dir, 'net');
    mkdirSync(net);
    // The chosen backup by path (as `ombud restore <fil>` takes it), while the folder is gone.
    setBackupFolder(setup, net);
    rmSync(net, { recursive: true });
    expect(() => restoreBackup({ databasePath: dbFile, key, setup, file: path.join(setup.defaultFolder, entry.file), clock, actor: 'Tester', current: app, reopen: open })).toThrow(/kan ikke nås/);
    expect(caseCount(app)).toBe(2);
  });
});
