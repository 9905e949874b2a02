/**
 * The annual report's settings: the month the municipality's reporting year starts in, the smallest
 * n a share or ranking is shown for, and how often an afdeling + rule must recur to be a pattern.
 */
import { z } from 'zod';

export const ReportSettingsSchema = z.object({ startMonth: z.number().int().min(1).max(12), minN: z.number().int().min(1).max(1000), patternMin: z.number().int().min(2).max(1000) });
export type ReportSettings = z.infer<typeof ReportSettingsSchema>;
