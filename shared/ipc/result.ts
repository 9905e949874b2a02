/**
 * Every request channel answers `{ ok: true, value } | { ok: false, error }` (Signal's wrapResult):
 * Electron keeps only `message` of a thrown error, so errors travel as data instead.
 */
import { z } from 'zod';

export const ErrorCodeSchema = z.enum(['validation', 'not_found', 'conflict', 'forbidden', 'bad_request', 'internal']);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const AppErrorDataSchema = z.object({
  code: ErrorCodeSchema,
  /** Danish text for the adviser. */
  message: z.string(),
  /** Field path → Danish message, for errors shown next to a form field. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type AppErrorData = z.infer<typeof AppErrorDataSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Thrown by services; turned into `{ ok: false, error }` at the boundary. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
  toData(): AppErrorData {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export function validationError(fields: Record<string, string>, message = 'Nogle felter skal rettes, før der kan gemmes.'): AppError {
  return new AppError('validation', message, fields);
}
