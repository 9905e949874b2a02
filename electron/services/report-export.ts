/**
 * The annual report as a file: the PDF (the whole årsberetning – cover, the adviser's texts, every
 * table and chart, the chosen anonymised findings – through the letters' PDF module), the XLSX and the
 * CSV tables (a ZIP). All three are made from ONE `reportStats` for the query, so they show the same
 * numbers as the Statistik screen and `ombud report --json`. Dated the backend's today (noon UTC), so
 * the same data and day give the same bytes in the app and in `ombud report`.
 */
import { catalogEntryName } from '../../db/queries/catalog';
import type { IsoDate } from '../../shared/domain/dates';
import { periodLabel } from '../../shared/report/period';
import { annualReportDocument } from '../../shared/report/report-document';
import type { ReportQuery, ReportStats } from '../../shared/report/stats';
import { renderLetterPdf } from '../pdf';
import { reportCsvZip } from '../report-export/csv';
import { reportXlsx } from '../report-export/xlsx';
import { reportFindings, reportTexts } from './annual-report';
import type { ServiceContext } from './context';
import { today } from './deadline-common';
import { letterheadSettings } from './letterhead';
import { reportStats } from './report-stats';

export type ReportExportFormat = 'pdf' | 'xlsx' | 'csv';
export type ReportFile = { fileName: string; mediaType: string; bytes: Uint8Array };

const MEDIA: Record<ReportExportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'application/zip',
};

/** The PDF of the whole report for the statistics' period: the texts and findings the adviser chose for it. */
export async function renderAnnualReportPdf(ctx: ServiceContext, stats: ReportStats, date: IsoDate): Promise<Uint8Array> {
  const texts = reportTexts(ctx, stats.period);
  const available = reportFindings(ctx, stats.period);
  // In the order the adviser chose; one no longer issued in the period is left out rather than guessed.
  const findings = texts.findingVersionIds.flatMap((id) => available.filter((f) => f.versionId === id));
  const doc = annualReportDocument({ stats, texts, findings, letterhead: letterheadSettings(ctx), date });
  return renderLetterPdf(doc, { createdAt: new Date(`${date}T12:00:00Z`) });
}

/** One format from already computed statistics (the CLI writes several from one computation). */
export async function reportFile(ctx: ServiceContext, stats: ReportStats, format: ReportExportFormat, date: IsoDate = today(ctx)): Promise<ReportFile> {
  const createdAt = new Date(`${date}T12:00:00Z`);
  const label = periodLabel(stats.period).replace(/[/\\:]/g, '-');
  switch (format) {
    case 'pdf':
      return { fileName: `Årsberetning ${label}.pdf`, mediaType: MEDIA.pdf, bytes: await renderAnnualReportPdf(ctx, stats, date) };
    case 'xlsx': {
      const id = stats.filters.forvaltningId;
      const forvaltning = id === null ? null : catalogEntryName(ctx.db, 'forvaltning', id);
      return { fileName: `Statistik ${label}.xlsx`, mediaType: MEDIA.xlsx, bytes: await reportXlsx(stats, { createdAt, forvaltning }) };
    }
    case 'csv':
      return { fileName: `Statistik ${label} (CSV).zip`, mediaType: MEDIA.csv, bytes: await reportCsvZip(stats, { createdAt }) };
  }
}

/** report:export – the statistics for the query, then the file. */
export async function exportReport(ctx: ServiceContext, query: ReportQuery, format: ReportExportFormat): Promise<ReportFile> {
  return reportFile(ctx, reportStats(ctx, query), format);
}
