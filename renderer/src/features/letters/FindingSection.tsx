/**
 * Udtalelse on the case page: the finding's draft from the case's own data (findings:state's document),
 * shown as the letter will look. Fetched again when the case changes and on "Dan udkastet igen", so
 * an answer or a henstilling recorded meanwhile is in the draft at once. Nothing is stored. "Gem som
 * PDF" hands the browser (Electron: its save dialog) the PDF the backend renders of the same draft.
 */
import { useCallback, useEffect, useState } from 'react';
import { formatDanishDate } from '../../../../shared/domain/dates';
import type { LetterDocument } from '../../../../shared/letters/document';
import { errorMessage, send } from '../../api/client';
import { downloadFile } from '../import/read-file';
import { LetterView } from './LetterView';

export function FindingSection({ caseId, version, refresh }: Readonly<{ caseId: number; version: number; refresh: number }>) {
  const [document, setDocument] = useState<LetterDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const load = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      setDocument((await send('findings:state', { caseId })).document);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, [caseId]);

  /** The draft as PDF from the backend's PDF module – the printed letter, not a print of this page. */
  async function savePdf() {
    setError(null);
    setSaved(null);
    try {
      const pdf = await send('findings:pdf', { caseId, versionId: null, variant: 'borger', anonymised: false });
      downloadFile(pdf.fileName, pdf.mediaType, pdf.contentBase64);
      setSaved(`${pdf.fileName} er gemt.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  useEffect(() => {
    void load();
  }, [load, version, refresh]);

  return (
    <section className="form-section finding" aria-labelledby="finding-title">
      <h2 id="finding-title">Udtalelse</h2>
      {error ? <p role="alert" className="alert alert--error">{error}</p> : null}
      <div role="status" className="feedback">{saved ? <p className="alert alert--success">{saved}</p> : null}</div>
      {document === null && !error ? <p className="muted">Danner udkast …</p> : null}
      {document !== null ? (
        <>
          <div className="finding-toolbar">
            <p className="muted">Udkast dannet ud fra sagens oplysninger {formatDanishDate(document.letterhead.date)}</p>
            <div className="button-row">
              <button type="button" className="button button--secondary" aria-disabled={busy} onClick={() => { if (!busy) void load(); }}>
                Dan udkastet igen
              </button>
              <button type="button" className="button button--secondary" onClick={() => void savePdf()}>Gem som PDF</button>
            </div>
          </div>
          <LetterView document={document} baseLevel={3} label="Udkast til udtalelse" />
        </>
      ) : null}
    </section>
  );
}
