/** Case numbers: generated as ÅÅÅÅ-NNNN per year of receipt, editable by the adviser, unique. */
import { identifierProblem } from './text-safety';

const GENERATED_RE = /^(\d{4})-(\d{4,})$/;

export function formatSagsnr(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(4, '0')}`;
}

/** Year and running number of a generated-style sagsnr, or null for free-form numbers. */
export function parseSagsnr(s: string): { year: number; seq: number } | null {
  const m = GENERATED_RE.exec(s);
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
}

/** Danish message when a (user-edited) sagsnr is not acceptable, else null. */
export function sagsnrProblem(s: string): string | null {
  if (s.trim() === '') return 'Sagsnummeret må ikke være tomt.';
  if (s !== s.trim()) return 'Sagsnummeret må ikke begynde eller slutte med mellemrum.';
  if (s.length > 40) return 'Sagsnummeret må højst være 40 tegn.';
  if (/[\r\n\t;]/.test(s)) return 'Sagsnummeret må ikke indeholde linjeskift, tabulator eller semikolon.';
  const hidden = identifierProblem(s);
  if (hidden !== null) return hidden.replace(/^Teksten/u, 'Sagsnummeret');
  return null;
}
