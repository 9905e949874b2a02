/**
 * The background check of the database file (electron/services/integrity.ts), as the app shell reads
 * it through `system:integrity`: 'kører' while SQLite's full `integrity_check` runs, 'ok' when it
 * found nothing, 'beskadiget' when it (or any request) found the file damaged – then every change
 * is refused and the adviser is told to export and restore –, 'ikke kontrolleret' when it has not
 * run (an in-memory database, the command line) or could not run (the reason is in `message`).
 */
import { z } from 'zod';

export const INTEGRITY_STATUSES = ['kører', 'ok', 'beskadiget', 'ikke kontrolleret'] as const;

export const IntegrityStateSchema = z.object({
  status: z.enum(INTEGRITY_STATUSES),
  /** One Danish sentence or two for the adviser. */
  message: z.string(),
  /** When the last check finished (ISO), null while none has. */
  checkedAt: z.string().nullable(),
});
export type IntegrityState = z.infer<typeof IntegrityStateSchema>;

/** The answer to every change while the file is damaged (a damaged file is never written to). */
export const DAMAGED_REFUSAL =
  'Databasefilen er beskadiget, så Ombud gemmer ikke ændringer i den. Intet er gemt. Eksportér dine data, gendan den nyeste gode sikkerhedskopi, og kontakt IT-supporten.';
