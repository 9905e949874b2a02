/**
 * Import/eksport. Import: pick a CSV or XLSX file, or a JSON export (a backup: everything comes
 * back), run a dry run ("Kontrollér") or the real import,
 * follow the job with a progress bar (import:status every 200 ms) and stop it if needed
 * ("Annullér": import:cancel; nothing is saved), then read the row-by-row report.
 * Export: build the file in the backend and hand it to the browser's download.
 */
import { useEffect, useRef, useState } from 'react';
import type { ImportStatus } from '../../../../shared/domain/import-report';
import { errorMessage, send } from '../../api/client';
import { Page } from '../../components/Page';
import { ImportReportView } from './ImportReportView';
import { downloadFile, readFileAsBase64 } from './read-file';
import { formatCount } from '../cases/case-list-state';

const POLL_MS = 200;

const phaseText: Record<ImportStatus['phase'], string> = {
  'læser': 'Læser filen',
  'kontrollerer': 'Kontrollerer rækkerne',
  'skriver': 'Gemmer henvendelserne',
  'færdig': 'Færdig',
  'fejlet': 'Fejlet',
  'annulleret': 'Annulleret',
};

const FINAL: ReadonlySet<ImportStatus['phase']> = new Set(['færdig', 'fejlet', 'annulleret']);

type Run = { dryRun: boolean; status: ImportStatus | null };

export function ImportScreen() {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [exportBusy, setExportBusy] = useState<'csv' | 'json' | null>(null);
  const [exportNotice, setExportNotice] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const live = useRef(true);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    live.current = true;
    return () => { live.current = false; };
  }, []);

  async function start(dryRun: boolean) {
    if (busy) return;
    if (!file) {
      setFileError('Vælg en CSV-, XLSX- eller JSON-fil først.');
      document.getElementById('import-file')?.focus();
      return;
    }
    setFileError(null);
    setFailure(null);
    setBusy(true);
    setCancelling(false);
    setRun({ dryRun, status: null });
    try {
      const contentBase64 = await readFileAsBase64(file);
      const { jobId } = await send('import:start', { fileName: file.name, contentBase64, dryRun });
      setJobId(jobId);
      for (;;) {
        if (!live.current) return;
        const status = await send('import:status', { jobId });
        if (!live.current) return;
        setRun({ dryRun, status });
        if (FINAL.has(status.phase)) {
          if (status.failure) setFailure(status.failure);
          break;
        }
        await new Promise((r) => window.setTimeout(r, POLL_MS));
      }
    } catch (e) {
      if (live.current) setFailure(errorMessage(e));
    } finally {
      if (live.current) {
        setBusy(false);
        setJobId(null);
        resultRef.current?.focus();
      }
    }
  }

  /** Stop the running job; the polling loop above then sees it end as `annulleret` (or `færdig`, if it had already committed). */
  async function cancel() {
    if (jobId === null || cancelling) return;
    setCancelling(true);
    try {
      const status = await send('import:cancel', { jobId });
      if (live.current) setRun((r) => (r ? { ...r, status } : r));
    } catch (e) {
      if (live.current) setFailure(errorMessage(e));
    }
  }

  async function exportAs(format: 'csv' | 'json') {
    if (exportBusy) return;
    setExportBusy(format);
    setExportError(null);
    setExportNotice(null);
    try {
      const out = await send('export:build', { format });
      downloadFile(out.fileName, out.mimeType, out.contentBase64);
      setExportNotice(`Filen ${out.fileName} er dannet og gemmes i din mappe til overførsler.`);
    } catch (e) {
      setExportError(errorMessage(e));
    } finally {
      setExportBusy(null);
    }
  }

  const status = run?.status ?? null;
  const report = status?.report ?? null;
  // The backend counts rows of a CSV/XLSX file and henvendelser of a JSON export, never bytes.
  const unit = file !== null && /\.json$/i.test(file.name) ? 'henvendelser' : 'rækker';
  const progressLabel = status
    ? `${phaseText[status.phase]}${status.total > 0 ? ` – ${formatCount(status.done)} af ${formatCount(status.total)} ${unit}` : ''}`
    : run ? 'Sender filen …' : '';

  return (
    <Page title="Import/eksport">
      <section className="form-section" aria-labelledby="import-title">
        <h2 id="import-title">Importér henvendelser</h2>
        <p className="muted">
          Filen skal følge Ombuds importformat (CSV med semikolon eller XLSX, én række pr. klagepunkt) eller være en
          JSON-eksport fra Ombud, som bringer alt tilbage: henvendelser, vurderinger, henstillinger, anmodninger, frister og
          indstillinger. Kør først en prøvekørsel: den kontrollerer hver række uden at gemme noget.
        </p>
        <div className={`field${fileError ? ' field--error' : ''}`}>
          <label htmlFor="import-file" className="field-label">Fil (CSV, XLSX eller JSON)</label>
          {fileError ? <p id="import-file-error" className="field-error">{fileError}</p> : null}
          <input
            id="import-file"
            type="file"
            className="file-input"
            accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={fileError ? 'import-file-error' : undefined}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setFileError(null); setRun(null); setFailure(null); }}
          />
        </div>
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => void start(true)} aria-disabled={busy || undefined}>
            Kontrollér (prøvekørsel)
          </button>
          <button type="button" className="button" onClick={() => void start(false)} aria-disabled={busy || undefined}>
            Importér
          </button>
        </div>

        {run ? (
          <div className="import-progress">
            <label htmlFor="import-progress" className="field-label">{run.dryRun ? 'Prøvekørsel' : 'Import'}</label>
            <progress
              id="import-progress"
              max={status && status.total > 0 ? status.total : 1}
              value={status ? (status.total > 0 ? status.done : status.phase === 'færdig' ? 1 : undefined) : undefined}
              aria-describedby="import-phase"
            />
            <p id="import-phase" className="muted" role="status">{progressLabel}</p>
            {busy && jobId !== null && !(status && FINAL.has(status.phase)) ? (
              <div className="button-row">
                <button type="button" className="button button--secondary" onClick={() => void cancel()} aria-disabled={cancelling || undefined}>
                  {cancelling ? 'Annullerer …' : run.dryRun ? 'Annullér prøvekørslen' : 'Annullér importen'}
                </button>
              </div>
            ) : null}
          </div>
        ) : null}

        <div ref={resultRef} tabIndex={-1} className="import-result">
          {failure ? <p role="alert" className="alert alert--error">{failure}</p> : null}
          {status?.phase === 'annulleret' && !busy ? (
            <p role="status" className="alert">{run?.dryRun ? 'Prøvekørslen blev annulleret.' : 'Importen blev annulleret. Intet er gemt.'}</p>
          ) : null}
          {report && !busy ? <ImportReportView report={report} /> : null}
        </div>
      </section>

      <section className="form-section" aria-labelledby="export-title">
        <h2 id="export-title">Eksportér</h2>
        <p className="muted">
          Alle henvendelser med klagepunkter i importformatet (CSV), eller alt, hvad Ombud rummer, som JSON – den kan importeres i en tom
          database og giver præcis de samme data. CSV-filen indeholder ikke akter og journalnotater; det gør JSON-filen (med selve filerne).
          Filen indeholder personoplysninger – opbevar den sikkert.
        </p>
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => void exportAs('csv')} aria-disabled={exportBusy !== null || undefined}>
            Eksportér CSV
          </button>
          <button type="button" className="button button--secondary" onClick={() => void exportAs('json')} aria-disabled={exportBusy !== null || undefined}>
            Eksportér JSON
          </button>
        </div>
        <div role="status">{exportBusy ? <p className="muted">Danner filen …</p> : exportNotice ? <p className="alert alert--success">{exportNotice}</p> : null}</div>
        {exportError ? <p role="alert" className="alert alert--error">{exportError}</p> : null}
      </section>
    </Page>
  );
}
