/**
 * The annual report's files from the app: the query of the screens' state for the period (the one
 * `reportQueryOf`, so the file shows what Statistik shows), made by the backend (report:export) and
 * handed to the browser as a download – in the desktop app Electron's save dialog.
 */
import { send } from '../../api/client';
import { downloadFile } from '../import/read-file';
import type { ReportExporter } from './AarsberetningScreen';
import { reportQueryOf, type ReportScreenState } from './report-period';

export function reportExporter(state: ReportScreenState): ReportExporter {
  return async ({ format, period }) => {
    const settings = await send('report:settings', {});
    const file = await send('report:export', { query: reportQueryOf(state, period, settings), format });
    downloadFile(file.fileName, file.mediaType, file.contentBase64);
  };
}
