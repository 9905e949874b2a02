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
    super(`Filen ${file} kan ikke åbnes som en Ombud-database: den er ikke en database, eller den kan ikke læses. Filen er ikke ændret.`, { cause });
    this.name = 'DbUnreadableError';
  }
}

/** A database file needs a key, and none was given (the CLI, the preview and tests read OMBUD_DB_KEY). */
export class DbKeyMissingError extends DbOpenError {
  readonly reason = 'key';
  /** `how`: what is wrong with the key's source, or how to give it. */
  constructor(file: string, how?: string) {
    super(
      `Databasen ${file} er krypteret og kan ikke åbnes uden databasenøglen. ` +
        (how ?? 'Sæt miljøvariablen OMBUD_DB_KEY til nøglen, eller OMBUD_DB_KEY_FILE til stien til en fil, der indeholder den.'),
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
