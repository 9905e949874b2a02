/**
 * Legal dates are calendar dates in Europe/Copenhagen, stored and sent as ISO `YYYY-MM-DD` strings
 * (PlainDate semantics, never timestamps: ecosystem.md § 8, peers.md § 3.3 #10).
 */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DANISH_RE = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date written as YYYY-MM-DD (rejects 2025-02-31). */
export function isValidIsoDate(s: string): boolean {
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1800 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function makeIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Parse the date spellings the import format accepts: YYYY-MM-DD, DD.MM.YYYY, DD-MM-YYYY, DD/MM/YYYY.
 * Returns the ISO date, or null when the text is not one of those forms or not a real date.
 */
export function parseDateText(text: string): IsoDate | null {
  const s = text.trim();
  if (ISO_RE.test(s)) return isValidIsoDate(s) ? s : null;
  const m = DANISH_RE.exec(s);
  if (!m) return null;
  const iso = makeIsoDate(Number(m[4]), Number(m[3]), Number(m[1]));
  return isValidIsoDate(iso) ? iso : null;
}

/**
 * True when the text is written in one of parseDateText's spellings but is no calendar date
 * (31.02.2025, 2025-13-01): the adviser then hears that the date does not exist, not that the
 * format is wrong.
 */
export function isImpossibleDateText(text: string): boolean {
  const s = text.trim();
  return (ISO_RE.test(s) || DANISH_RE.test(s)) && parseDateText(s) === null;
}

/** "31.02.2025 er ikke en gyldig dato.": one wording for the forms and the import. */
export function impossibleDateMessage(text: string): string {
  return `${text.trim()} er ikke en gyldig dato.`;
}

/** dd.mm.åååå, the Danish way of writing a date. */
export function formatDanishDate(iso: IsoDate | null | undefined): string {
  if (!iso) return '';
  const m = ISO_RE.exec(iso);
  if (!m) return iso;
  return `${m[3]}.${m[2]}.${m[1]}`;
}

/** dd.mm.åååå kl. tt.mm for an ISO timestamp, in Danish time. */
export function formatDanishDateTime(timestamp: string): string {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp;
  const parts = new Intl.DateTimeFormat('da-DK', {
    timeZone: 'Europe/Copenhagen', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}.${get('month')}.${get('year')} kl. ${get('hour')}.${get('minute')}`;
}

/** The calendar date in Copenhagen at the given instant. */
export function copenhagenDate(instant: Date): IsoDate {
  // en-CA formats as YYYY-MM-DD; the time zone makes a late-evening UTC instant the right Danish day.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

/** Injected time source, so services and tests agree on "today" (architecture § 3.5). */
export type Clock = Readonly<{ now: () => Date }>;
export const systemClock: Clock = { now: () => new Date() };
export function fixedClock(isoTimestamp: string): Clock {
  const t = new Date(isoTimestamp);
  return { now: () => new Date(t.getTime()) };
}
