/**
 * CPR numbers (personnummer). Since 2007 the modulus-11 check no longer holds for all numbers
 * (CPR-kontoret), so only the form and the date part are validated: the first six digits must be a
 * real date, with the century taken from the 7th digit as the CPR register defines it.
 */
import { isValidIsoDate, makeIsoDate } from './dates';

const CPR_RE = /^(\d{6})-?(\d{4})$/;

export type CprCheck = { ok: true; value: string } | { ok: false; message: string };

/** Century of a CPR number from its 7th digit and two-digit year (CPR-kontorets regel). */
function fullYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

/** Validate and normalise to `DDMMÅÅ-XXXX`. Accepts `DDMMÅÅ-XXXX`, 10 digits, or spaces around them. */
export function checkCpr(input: string): CprCheck {
  const compact = input.replace(/\s+/g, '');
  const m = CPR_RE.exec(compact);
  if (!m) return { ok: false, message: 'CPR-nummeret skal skrives som DDMMÅÅ-XXXX eller 10 cifre.' };
  const date6 = m[1] as string;
  const last4 = m[2] as string;
  const dd = Number(date6.slice(0, 2));
  const mm = Number(date6.slice(2, 4));
  const yy = Number(date6.slice(4, 6));
  const year = fullYear(yy, Number(last4[0]));
  if (!isValidIsoDate(makeIsoDate(year, mm, dd))) {
    return { ok: false, message: `CPR-nummerets første seks cifre (${date6}) er ikke en gyldig dato.` };
  }
  return { ok: true, value: `${date6}-${last4}` };
}

/** Shown instead of the full number until the adviser reveals it: the birth date part only. */
export function maskCpr(cpr: string): string {
  const m = CPR_RE.exec(cpr.replace(/\s+/g, ''));
  return m ? `${m[1]}-••••` : '••••••-••••';
}
