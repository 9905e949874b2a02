/**
 * Migration runner (Signal's updateSchema, kysely's rules): a strictly increasing list, the file's
 * `user_version`, a backup of an existing database before it is changed, every pending migration in
 * one transaction, and a refusal of databases from the future. Forward-only: repairs are new
 * migrations.
 */
import { dirname, basename, join } from 'node:path';
import { DbFromFutureError } from './errors';
import { createPrivateFile } from './file-safety';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';
import type { WritableDB } from './types';

export type MigrateResult = Readonly<{ from: number; to: number; backupFile: string | null }>;

export function assertIncreasing(list: ReadonlyArray<Migration>): void {
  for (let i = 1; i < list.length; i++) {
    const prev = list[i - 1] as Migration;
    const cur = list[i] as Migration;
    if (cur.version <= prev.version) throw new Error(`Migrationerne er ikke i stigende rækkefølge: ${prev.version} før ${cur.version}`);
  }
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
}

export function migrate(
  db: WritableDB,
  opts: { file: string | null; backupDir?: string | undefined; now?: (() => Date) | undefined; list?: ReadonlyArray<Migration> } = { file: null },
): MigrateResult {
  const list = opts.list ?? MIGRATIONS;
  const latest = list.length ? (list[list.length - 1] as Migration).version : 0;
  assertIncreasing(list);
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > latest) throw new DbFromFutureError(from, latest);
  const pending = list.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from, backupFile: null };

  let backupFile: string | null = null;
  if (opts.file && from > 0) {
    // VACUUM INTO is synchronous and writes a consistent copy even while in WAL mode, encrypted with
    // the connection's key. SQLite would create it 0644; an empty private file is accepted as target.
    const dir = opts.backupDir ?? dirname(opts.file);
    const when = stamp((opts.now ?? (() => new Date()))());
    backupFile = join(dir, `${basename(opts.file)}.før-migrering-v${from}-${when}.bak`);
    createPrivateFile(backupFile);
    db.prepare('VACUUM INTO ?').run(backupFile);
  }

  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${latest}`);
  })();
  db.pragma('optimize');
  return { from, to: latest, backupFile };
}

export { LATEST_VERSION };
