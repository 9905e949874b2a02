/**
 * Characters a text may not hold, with the Danish message the form, the IPC boundary and the import
 * all give.
 *
 * - Bidi overrides and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F) make a text look different
 *   from what it is ("Trojan Source", CVE-2021-42574): `2025-0001‮7` shows as another sagsnr. No text
 *   Ombud stores needs them: Danish is written left to right, and a right-to-left name shows correctly
 *   without them (Unicode's bidi algorithm).
 * - NUL ends a string in C and in many viewers, so what is stored and what is shown differ.
 * - Identifiers (sagsnr, names used as keys, initials, codes) take no control characters at all
 *   (U+0000–U+001F, U+007F–U+009F): they are matched, sorted and written into files and file names.
 *
 * Free texts keep tab and line breaks.
 */
import { z } from 'zod';

const BIDI = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/u;

const codePoint = (c: string): string => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function bidiProblem(text: string): string | null {
  const m = BIDI.exec(text);
  return m === null ? null : `Teksten indeholder et usynligt retningstegn (${codePoint(m[0])}), som får teksten til at se anderledes ud, end den er. Fjern det, og prøv igen.`;
}

/** A free text (a description, a note, a reason): no NUL and no bidi overrides. Danish message or null. */
export function freeTextProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'Teksten indeholder et nultegn (U+0000), som ikke kan gemmes. Fjern det, og prøv igen.';
  return bidiProblem(text);
}

/** An identifier (sagsnr, a name used as a key, initials, a code): no control characters and no bidi overrides. */
export function identifierProblem(text: string): string | null {
  const m = CONTROL.exec(text);
  if (m !== null) return `Teksten indeholder et usynligt styretegn (${codePoint(m[0])}), fx et linjeskift eller en tabulator. Fjern det, og prøv igen.`;
  return bidiProblem(text);
}

/**
 * A string of at most `max` characters that `problem` accepts; a refusal keeps its Danish words on its
 * field through the IPC boundary (`params.adviser`, electron/ipc/dispatch.ts).
 */
function checked(max: number, problem: (text: string) => string | null) {
  return z.string().max(max).superRefine((s, ctx) => {
    const p = problem(s);
    if (p !== null) ctx.addIssue({ code: 'custom', message: p, params: { adviser: true } });
  });
}

/** A free text field of the IPC contract: at most `max` characters, no NUL, no bidi overrides. */
export const freeText = (max: number) => checked(max, freeTextProblem);

/** An identifier field of the IPC contract: at most `max` characters, no control characters, no bidi overrides. */
export const identifierText = (max: number) => checked(max, identifierProblem);

/** Where a payload holds a string `freeTextProblem` refuses: the field path and the message. */
export type UnsafeText = Readonly<{ path: string; message: string }>;

/**
 * The first string anywhere in a request's plain data that holds NUL or a bidi override, so no
 * channel can store one, whichever field carries it. File contents (`…Base64`) are bytes, not text,
 * and are skipped.
 */
export function findUnsafeText(value: unknown, path: string[] = []): UnsafeText | null {
  if (typeof value === 'string') {
    const message = freeTextProblem(value);
    return message === null ? null : { path: path.join('.'), message };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.endsWith('Base64')) continue;
      const found = findUnsafeText(v, [...path, k]);
      if (found !== null) return found;
    }
  }
  return null;
}
