/**
 * The annual report's settings (migration 0170): the reporting year's start month, the smallest n a
 * share or ranking is shown on (peers.md § 4.2), and how often an afdeling + rule combination must
 * recur to be a pattern. Danish messages for the settings screen.
 */
import { z } from 'zod';

export const ReportSettingsSchema = z.object({
  /** 1 = January (a calendar year); 4 = April (April–March). */
  startMonth: z.number().int().min(1).max(12),
  minN: z.number().int().min(1).max(1000),
  patternMin: z.number().int().min(2).max(1000),
});
export type ReportSettings = z.infer<typeof ReportSettingsSchema>;

export const DEFAULT_REPORT_SETTINGS: ReportSettings = { startMonth: 1, minN: 5, patternMin: 3 };

/** What is wrong with the settings, per field, in Danish; empty when nothing is. */
export function reportSettingsProblems(s: Readonly<Record<keyof ReportSettings, unknown>>): Partial<Record<keyof ReportSettings, string>> {
  const out: Partial<Record<keyof ReportSettings, string>> = {};
  const whole = (v: unknown, lo: number, hi: number): boolean => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;
  if (!whole(s.startMonth, 1, 12)) out.startMonth = 'Startmåneden skal være en måned fra 1 (januar) til 12 (december).';
  if (!whole(s.minN, 1, 1000)) out.minN = 'Mindste antal for en andel skal være et helt tal fra 1 til 1000.';
  if (!whole(s.patternMin, 2, 1000)) out.patternMin = 'Et mønster skal gå igen mindst 2 og højst 1000 gange.';
  return out;
}
