/**
 * Udtalelse on the case page: the finding's auto-draft from the case's own data (findings:draft),
 * shown as the letter will look. Fetched again when the case changes and on "Dan udkastet igen", so
 * an answer or a henstilling recorded meanwhile is in the draft at once. Nothing is stored.
 */
import { useCallback, useEffect, useState } from 'react';
import { formatDanishDate } from '../../../../shared/domain/dates';
import type { LetterDocument } from '../../../../shared/letters/document';
import { errorMessage, send } from '../../api/client';
import { LetterView } from './LetterView';

export function FindingSection({ caseId, version, refresh }: Readonly<{ caseId: number; version: number; refresh: number }>) {
  const [document, setDocument] = useState<LetterDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      setDocument((await send('findings:draft', { caseId })).document);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load, version, refresh]);

  return (
    <section className="form-section finding" aria-labelledby="finding-title">
      <h2 id="finding-title">Udtalelse</h2>
      {error ? <p role="alert" className="alert alert--error">{error}</p> : null}
      {document === null && !error ? <p className="muted">Danner udkast …</p> : null}
      {document !== null ? (
        <>
          <div className="finding-toolbar">
            <p className="muted">Udkast dannet ud fra sagens oplysninger {formatDanishDate(document.letterhead.date)}</p>
            <button type="button" className="button button--secondary" aria-disabled={busy} onClick={() => { if (!busy) void load(); }}>
              Dan udkastet igen
            </button>
          </div>
          <LetterView document={document} baseLevel={3} label="Udkast til udtalelse" />
        </>
      ) : null}
    </section>
  );
}
