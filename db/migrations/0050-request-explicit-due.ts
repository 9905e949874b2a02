/**
 * 0050: a request's deadline given as a date rather than counted. An imported `svarfrist`
 * (shared/formats/import.md) is the date the forvaltning was actually given; recomputing it from the
 * default spec after a calendar change would silently move a date nobody computed. `explicit_due`
 * keeps that date; the service then applies only the request's own pauses and extensions to it.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    ALTER TABLE requests ADD COLUMN explicit_due TEXT CHECK (explicit_due IS NULL OR explicit_due >= sent_on);
  `);
}
