/**
 * The database key outside the desktop app (the CLI, the preview server, tests): from the
 * environment variable OMBUD_DB_KEY, or from the file OMBUD_DB_KEY_FILE names (its content,
 * trimmed). The desktop app keeps its key with the operating system instead (security/db-key.ts).
 * Either way the key is 64 hex digits (a raw key) or a passphrase (db/key.ts `parseDbKey`).
 */
import { readFileSync } from 'node:fs';
import { parseDbKey, type DbKey } from '../../db/key';

export type EnvKey = Readonly<{ ok: true; key: DbKey }> | Readonly<{ ok: false; problem: string }>;

type Env = Readonly<Record<string, string | undefined>>;

/** How to give the key, in every message about a missing one. */
export const HOW_TO_SET_KEY =
  'Sæt miljøvariablen OMBUD_DB_KEY til databasenøglen (64 hex-cifre eller en adgangssætning), ' +
  'eller OMBUD_DB_KEY_FILE til stien til en fil, der kun indeholder nøglen.';

export function dbKeyFromEnv(env: Env = process.env, read: (file: string) => string = (f) => readFileSync(f, 'utf8')): EnvKey {
  const direct = env['OMBUD_DB_KEY'];
  if (direct !== undefined && direct.trim() !== '') {
    const key = parseDbKey(direct);
    if (key) return { ok: true, key };
  }
  const file = env['OMBUD_DB_KEY_FILE'];
  if (file !== undefined && file.trim() !== '') {
    let text: string;
    try {
      text = read(file.trim());
    } catch {
      return { ok: false, problem: `Nøglefilen ${file.trim()} (OMBUD_DB_KEY_FILE) findes ikke eller kan ikke læses.` };
    }
    const key = parseDbKey(text);
    if (!key) return { ok: false, problem: `Nøglefilen ${file.trim()} (OMBUD_DB_KEY_FILE) er tom.` };
    return { ok: true, key };
  }
  return { ok: false, problem: `Ombud mangler databasenøglen. ${HOW_TO_SET_KEY}` };
}
