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

/** The file is not an Ombud/SQLite database, or is damaged. */
export class DbUnreadableError extends Error {
  constructor(file: string, cause: unknown) {
    super(`Filen ${file} kan ikke åbnes som en Ombud-database: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DbUnreadableError';
  }
}
