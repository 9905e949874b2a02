/** The database file was written by a newer Ombud; it is left untouched. */
export class DbFromFutureError extends Error {
  constructor(readonly fileVersion: number, readonly knownVersion: number) {
    super(
      `Databasen er fra en nyere version af Ombud (skemaversion ${fileVersion}; denne version kender op til ${knownVersion}). ` +
        'Den er ikke ændret. Opdatér Ombud for at åbne den.',
    );
    this.name = 'DbFromFutureError';
  }
}

/** The file is not an Ombud/SQLite database, or is damaged. The message is Danish (sqliteErrorText); the driver's error stays in `cause` for the log. */
export class DbUnreadableError extends Error {
  constructor(file: string, override readonly cause: unknown) {
    super(`Filen ${file} kan ikke åbnes som en Ombud-database. ${sqliteErrorText(cause) ?? 'Filen kunne ikke læses.'}`);
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
