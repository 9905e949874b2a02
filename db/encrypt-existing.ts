/**
 * The one-time encryption of a database written before Ombud encrypted its files.
 *
 * SQLite3 Multiple Ciphers has no sqlcipher_export(), and `VACUUM INTO` copies with the source's
 * (absent) key, so the way that works with this driver is `PRAGMA rekey` on a copy (in rollback-
 * journal mode: rekey is not supported in WAL mode). The original is replaced only after the
 * encrypted copy has been verified — integrity_check, the same user_version and the same row count
 * in every table — and an encrypted backup of it has been kept beside it
 * (`<file>.foer-kryptering-<timestamp>.sqlite`). Until the final rename the original holds all the
 * data, so a crash at any point leaves a database that opens.
 */
import { renameSync, rmSync } from 'node:fs';
import { SqliteDriver, type SqliteDatabase, type SqliteOptions } from './driver';
import { encryptWithDbKey, type DbKey } from './key';
import { DbEncryptionError } from './errors';
import { copyPrivate, fileStamp, SIDE_FILES, withReadOnly } from './file-safety';

export type EncryptedExisting = Readonly<{ backupFile: string }>;

type Snapshot = Readonly<{ version: number; counts: ReadonlyMap<string, number> }>;

/** user_version and the row count of every table (virtual tables and their shadow tables included). */
function snapshot(db: SqliteDatabase): Snapshot {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const counts = new Map<string, number>();
  for (const t of tables) counts.set(t, db.prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`).pluck().get() as number);
  return { version: db.pragma('user_version', { simple: true }) as number, counts };
}

function differences(a: Snapshot, b: Snapshot): string | null {
  if (a.version !== b.version) return `skemaversion ${b.version} i stedet for ${a.version}`;
  if (a.counts.size !== b.counts.size) return `${b.counts.size} tabeller i stedet for ${a.counts.size}`;
  for (const [t, n] of a.counts) if (b.counts.get(t) !== n) return `tabellen ${t} har ${b.counts.get(t) ?? 0} rækker i stedet for ${n}`;
  return null;
}

/** Merge the WAL into the file and leave it in rollback mode, so the file alone holds everything. */
function checkpointPlain(file: string, driver: SqliteOptions): void {
  const db = new SqliteDriver(file, { ...driver, fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  for (const s of SIDE_FILES) rmSync(file + s, { force: true });
}

/**
 * Encrypt the unencrypted database `file` with `key` (it has passed the checks in file-safety.ts).
 * Throws DbEncryptionError, with the original unchanged in content, when any step fails.
 */
export function encryptExisting(file: string, key: DbKey, driver: SqliteOptions, now: Date): EncryptedExisting {
  const stamp = fileStamp(now);
  const work = `${file}.krypteres-${stamp}.tmp`;
  const backupFile = `${file}.foer-kryptering-${stamp}.sqlite`;
  try {
    checkpointPlain(file, driver);
    const before = withReadOnly(file, null, driver, snapshot);
    copyPrivate(file, work);
    const db = new SqliteDriver(work, { ...driver, fileMustExist: true });
    try {
      db.pragma('journal_mode = DELETE');
      encryptWithDbKey(db, key);
    } finally {
      db.close();
    }
    const after = withReadOnly(work, key, driver, (enc) => {
      const check = enc.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`den krypterede kopi fejler integritetskontrollen (${String(check)})`);
      return snapshot(enc);
    });
    const diff = differences(before, after);
    if (diff !== null) throw new Error(`den krypterede kopi afviger: ${diff}`);
    copyPrivate(work, backupFile);
    renameSync(work, file);
    return { backupFile };
  } catch (e) {
    for (const f of [work, ...SIDE_FILES.map((s) => work + s)]) rmSync(f, { force: true });
    throw new DbEncryptionError(file, e instanceof Error ? e.message : String(e));
  }
}

