/**
 * Why a database file was refused. Every refusal leaves the file exactly as it was (a damaged one is
 * also copied aside); the reason lets the app offer the right way out (restore a backup, set the key).
 */
export type DbOpenFailure = 'damaged' | 'empty' | 'future' | 'unreadable' | 'key' | 'other';

/** A database file Ombud will not open; the message is Danish, for the adviser. */
export abstract class DbOpenError extends Error {
  abstract readonly reason: DbOpenFailure;
}

/** The database file was written by a newer Ombud; it is left untouched. */
export class DbFromFutureError extends DbOpenError {
  readonly reason = 'future';
  constructor(readonly fileVersion: number, readonly knownVersion: number) {
    super(
      `Databasen er fra en nyere version af Ombud (skemaversion ${fileVersion}; denne version kender op til ${knownVersion}). ` +
        'Den er ikke ændret. Opdatér Ombud for at åbne den.',
    );
    this.name = 'DbFromFutureError';
  }
}

/**
 * The file is not an Ombud/SQLite database, or cannot be read. The message is Danish only; SQLite's
 * English reason is kept as `cause` for the log.
 */
export class DbUnreadableError extends DbOpenError {
  readonly reason = 'unreadable';
  constructor(file: string, cause: unknown) {
    super(`Filen ${file} kan ikke åbnes som en Ombud-database. ${sqliteErrorText(cause) ?? 'Den er ikke en database, eller den kan ikke læses.'} Filen er ikke ændret.`, { cause });
    this.name = 'DbUnreadableError';
  }
}

/**
 * SQLite's result codes in the adviser's words. The driver's own text ("database disk image is
 * malformed", "SQLITE_FULL: database or disk is full") is English and technical, so it never reaches
 * a message: dispatch (electron/ipc/dispatch.ts) and the start-up dialog (electron/backend/host.ts)
 * both ask this one table. An extended code (`SQLITE_IOERR_WRITE`, `SQLITE_CONSTRAINT_UNIQUE`) is
 * answered by its primary code.
 */
const SQLITE_TEXTS: Readonly<Record<string, string>> = {
  SQLITE_CORRUPT: 'Databasefilen er beskadiget.',
  SQLITE_NOTADB: 'Filen er ikke en Ombud-database, eller nøglen til den passer ikke.',
  SQLITE_FULL: 'Disken er fuld, så databasen kan ikke skrives.',
  SQLITE_IOERR: 'Computeren kunne ikke læse eller skrive databasefilen (fejl på disken eller netværksdrevet).',
  SQLITE_READONLY: 'Databasefilen er skrivebeskyttet, så intet kan gemmes i den.',
  SQLITE_BUSY: 'Databasen er optaget af et andet program (fx kommandolinjen eller en sikkerhedskopi).',
  SQLITE_LOCKED: 'Databasen er optaget af et andet program (fx kommandolinjen eller en sikkerhedskopi).',
  SQLITE_CONSTRAINT: 'Ændringen strider mod databasens regler for sammenhæng mellem data.',
  SQLITE_CANTOPEN: 'Databasefilen kunne ikke åbnes. Mappen findes måske ikke, eller du har ikke adgang til den.',
  SQLITE_PERM: 'Du har ikke adgang til databasefilen.',
  SQLITE_NOMEM: 'Computeren har ikke hukommelse nok lige nu.',
  SQLITE_AUTH: 'Du har ikke adgang til databasefilen.',
  SQLITE_TOOBIG: 'Teksten eller filen er for stor til databasen.',
  SQLITE_PROTOCOL: 'Databasen er optaget af et andet program (fx kommandolinjen eller en sikkerhedskopi).',
  SQLITE_SCHEMA: 'Databasens opbygning blev ændret under arbejdet.',
  SQLITE_MISMATCH: 'Databasen fik en værdi af en forkert type.',
  SQLITE_RANGE: 'Databasen fik en forkert forespørgsel.',
  SQLITE_ERROR: 'Databasen kunne ikke udføre forespørgslen.',
  SQLITE_INTERNAL: 'Der opstod en intern fejl i databasen.',
  SQLITE_ABORT: 'Databasen afbrød ændringen.',
  SQLITE_INTERRUPT: 'Databasen afbrød ændringen.',
  SQLITE_NOLFS: 'Databasefilen er for stor til dette drev.',
  SQLITE_MISUSE: 'Der opstod en intern fejl i databasen.',
  SQLITE_FORMAT: 'Databasefilen er beskadiget.',
  SQLITE_NOTICE: 'Databasen gav en advarsel.',
  SQLITE_WARNING: 'Databasen gav en advarsel.',
};

/** The SQLite result code an error carries ('SQLITE_IOERR' for 'SQLITE_IOERR_WRITE'), else null. */
export function sqliteCode(e: unknown): string | null {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const primary = code.split('_').slice(0, 2).join('_');
  return primary in SQLITE_TEXTS ? primary : 'SQLITE_ERROR';
}

/** The Danish sentence for a SQLite error, or null when the error is not from SQLite. */
export function sqliteErrorText(e: unknown): string | null {
  const code = sqliteCode(e);
  return code === null ? null : SQLITE_TEXTS[code]!;
}

/** A code that says the file itself is damaged or not ours: it must not be written to. */
export function isDamageCode(code: string | null): boolean {
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_FORMAT';
}

/** A database file needs a key, and none was given (the CLI, the preview and tests read OMBUD_DB_KEY). */
export class DbKeyMissingError extends DbOpenError {
  readonly reason = 'key';
  /** `how`: what is wrong with the key's source, or how to give it. */
  constructor(file: string, how?: string) {
    super(
      `Databasen ${file} kan ikke åbnes. ` +
        (how ?? 'Databasenøglen mangler. Sæt miljøvariablen OMBUD_DB_KEY til nøglen, eller OMBUD_DB_KEY_FILE til stien til en fil, der indeholder den.'),
    );
    this.name = 'DbKeyMissingError';
  }
}

/**
 * The key does not open the file: another key, or a file whose first page is damaged (SQLCipher
 * cannot tell the two apart: both fail the first page's HMAC). The file is left untouched.
 */
export class DbKeyWrongError extends DbOpenError {
  readonly reason = 'key';
  constructor(file: string) {
    super(
      `Databasen kan ikke låses op med nøglen, Ombud har fået: ${file} er enten krypteret med en anden nøgle, eller dens første side er beskadiget. ` +
        'Filen er ikke ændret.',
    );
    this.name = 'DbKeyWrongError';
  }
}

/** A 0-byte file: never silently made into a new, empty database (the cases would seem to be gone). */
export class DbEmptyError extends DbOpenError {
  readonly reason = 'empty';
  constructor(file: string) {
    super(`Databasefilen ${file} er tom (0 byte). Ombud opretter ikke en ny database oven i den. Filen er ikke ændret.`);
    this.name = 'DbEmptyError';
  }
}

/** SQLite's quick_check found damage: the file is never written to; a copy is kept aside. */
export class DbDamagedError extends DbOpenError {
  readonly reason = 'damaged';
  constructor(file: string, readonly asideFile: string | null, detail: string) {
    super(
      `Databasen ${file} er beskadiget (${detail}). Ombud skriver ikke i den, og filen er ikke ændret.` +
        (asideFile ? ` En kopi af den er gemt som ${asideFile}.` : ''),
    );
    this.name = 'DbDamagedError';
  }
}

/** The one-time encryption of an unencrypted database failed; the original is left as it was. */
export class DbEncryptionError extends DbOpenError {
  readonly reason = 'other';
  constructor(file: string, detail: string) {
    super(`Den ukrypterede database ${file} kunne ikke krypteres: ${detail}. Den oprindelige fil er ikke ændret.`);
    this.name = 'DbEncryptionError';
  }
}
