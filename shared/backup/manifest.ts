/**
 * The backup folder's manifest (`ombud-sikkerhedskopier.json`): what each backup is and whether it
 * was verified. It lives in the folder beside the files, outside the database, so a restore can
 * choose the newest good backup when the database itself cannot be opened.
 */
import { z } from 'zod';
import { formatDanishDateTime } from '../domain/dates';

export const MANIFEST_FILE_NAME = 'ombud-sikkerhedskopier.json';

export const BackupEntrySchema = z.object({
  /** File name inside the folder (ombud-YYYY-MM-DD-HHMMSS.sqlite, UTC). */
  file: z.string(),
  /** When it was taken (ISO timestamp). */
  created: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
  /** Rows per table, as counted in the database when it was taken. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** The audit chain's newest row when it was taken: the copy's chain must hold up to it. */
  auditHead: z.object({ id: z.number().int().positive(), hash: z.string() }).nullable().default(null),
  /** True only when the last verification passed; an unverified backup is never offered as good. */
  verified: z.boolean(),
  /** When it was last verified (ISO timestamp). */
  checked: z.string(),
  /** The Danish reason when verification failed. */
  problem: z.string().nullable(),
});
export type BackupEntry = z.infer<typeof BackupEntrySchema>;

export const ManifestSchema = z.object({ version: z.literal(1), backups: z.array(BackupEntrySchema) });
export type Manifest = z.infer<typeof ManifestSchema>;

/** A good backup: verified and without a problem. */
export function isGoodBackup(e: BackupEntry): boolean {
  return e.verified && e.problem === null;
}

/** The newest good backup, or null. */
export function newestGoodBackup(entries: ReadonlyArray<BackupEntry>): BackupEntry | null {
  let best: BackupEntry | null = null;
  for (const e of entries) if (isGoodBackup(e) && (best === null || Date.parse(e.created) > Date.parse(best.created))) best = e;
  return best;
}

/** Whether a new automatic backup is due at start: none good yet, or the newest is 24 hours old or more. */
export function automaticBackupDue(entries: ReadonlyArray<BackupEntry>, now: Date): boolean {
  const newest = newestGoodBackup(entries);
  if (newest === null) return true;
  return now.getTime() - Date.parse(newest.created) >= 24 * 3_600_000;
}

/** A backup as the folder's list names it: a plain file name, never a path (the folder is the setting's). */
export const BackupFileNameSchema = z.string().max(64, 'Ukendt sikkerhedskopi.').regex(/^ombud-\d{4}-\d{2}-\d{2}-\d{6}(-\d+)?\.sqlite$/, 'Ukendt sikkerhedskopi.');

export const BackupListSchema = z.object({
  folder: z.string(),
  defaultFolder: z.string(),
  /** Newest first; `present` is false when the file is gone from the folder. */
  backups: z.array(BackupEntrySchema.extend({ present: z.boolean() })),
  /** What the automatic backup at this start did; null when none was due (or outside the app). */
  lastAutomatic: z.object({ at: z.string(), ok: z.boolean(), message: z.string() }).nullable(),
});
export type BackupList = z.infer<typeof BackupListSchema>;

export const RestoreOutcomeSchema = z.object({
  restoredFrom: z.string(),
  backupCreated: z.string().nullable(),
  /** The backup of the state before the restore, or null when it could not be taken (`skipped` says why). */
  before: z.string().nullable(),
  skipped: z.string().nullable(),
});
export type RestoreOutcome = z.infer<typeof RestoreOutcomeSchema>;

/** The offer when the database cannot be opened (the app's dialog, the preview's terminal). */
export function backupOfferText(offer: Readonly<{ created: string }>): string {
  return `Gendan den nyeste gode sikkerhedskopi fra ${formatDanishDateTime(offer.created)}?`;
}
