/**
 * Dates are typed as dd.mm.åååå in a plain text field: faster from the keyboard than a native date
 * picker (whose segments and locale differ per platform) and always shown the Danish way. The field
 * holds the text; the owner parses it with parseDateText when saving, so a half-typed date is never
 * thrown away. ↑/↓ move a valid date one day, and "i" (i dag) fills in today.
 */
import type { Ref } from 'react';
import { formatDanishDate, impossibleDateMessage, isImpossibleDateText, parseDateText, type IsoDate } from '../../../shared/domain/dates';
import { TextField } from './Field';

/** Accept 8 digits (ddmmåååå) as a shorthand for dd.mm.åååå. */
export function normaliseDateText(text: string): string {
  const t = text.trim();
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(t);
  if (m) return `${m[1]}.${m[2]}.${m[3]}`;
  const iso = parseDateText(t);
  return iso ? formatDanishDate(iso) : text;
}

/** The ISO date of a date field's text; `null` when empty; `'invalid'` when it is not a real date. */
export function parseDateField(text: string): IsoDate | null | 'invalid' {
  if (text.trim() === '') return null;
  return parseDateText(normaliseDateText(text)) ?? 'invalid';
}

export const DATE_FORMAT_MESSAGE = 'Skriv datoen som dd.mm.åååå, fx 05.03.2025.';

/**
 * What is wrong with a date field's text, or undefined when it is empty or a date: a well-formed but
 * impossible date ("31.02.2025 er ikke en gyldig dato.", as the import says it) is not a format error.
 */
export function dateFieldError(text: string): string | undefined {
  if (parseDateField(text) !== 'invalid') return undefined;
  const normalised = normaliseDateText(text);
  return isImpossibleDateText(normalised) ? impossibleDateMessage(normalised) : DATE_FORMAT_MESSAGE;
}

function addDays(iso: IsoDate, days: number): IsoDate {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function DateField({ id, label, value, onChange, error, today, required, inputRef, hint }: Readonly<{
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string | undefined;
  today: IsoDate;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  hint?: string;
}>) {
  return (
    <TextField
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      error={error}
      hint={hint ?? 'dd.mm.åååå'}
      required={required}
      width="s"
      inputMode="numeric"
      maxLength={10}
      inputRef={inputRef}
      onBlur={() => { const n = normaliseDateText(value); if (n !== value) onChange(n); }}
      onKeyDown={(e) => {
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
          const iso = parseDateField(value);
          const base = iso === null || iso === 'invalid' ? today : addDays(iso, e.key === 'ArrowUp' ? 1 : -1);
          onChange(formatDanishDate(base));
          e.preventDefault();
        } else if (e.key === 'i' || e.key === 'I') {
          onChange(formatDanishDate(today));
          e.preventDefault();
        }
      }}
    />
  );
}
