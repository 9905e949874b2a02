/** Dates as a Danish letter writes them: "1. december 2026" (no leading zero, month in lower case). */
const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

export function danishLongDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m === null) throw new Error(`Ugyldig dato i brevet: ${iso}`);
  const month = MONTHS[Number(m[2]) - 1];
  if (month === undefined) throw new Error(`Ugyldig måned i brevet: ${iso}`);
  return `${Number(m[3])}. ${month} ${m[1]}`;
}
