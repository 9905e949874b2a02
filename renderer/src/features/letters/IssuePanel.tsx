/**
 * Issuing the finding: what it means (the text is locked, both letters are stored with their
 * SHA-256, a correction becomes a new version), the sections that still cite a rule not fully
 * verified, and – for a new version – why it replaces the issued one.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { TextAreaField } from '../../components/Field';
import { FINDING_REASON_MAX } from '../../../../shared/letters/finding-state';

export function IssuePanel({ nextVersion, supersedes, unverified, onIssue, onCancel }: Readonly<{
  nextVersion: number;
  /** The version this one replaces, or null for the first. */
  supersedes: number | null;
  /** Labels of the sections that still carry the "not fully verified" note. */
  unverified: ReadonlyArray<string>;
  onIssue: (reason: string | null) => Promise<void>;
  onCancel: () => void;
}>) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { heading.current?.focus(); }, []);

  async function issue() {
    if (busy) return;
    if (supersedes !== null && reason.trim() === '') {
      setReasonError(`Skriv, hvorfor version ${nextVersion} erstatter version ${supersedes}.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onIssue(supersedes === null ? null : reason.trim());
    } catch (e) {
      if (e instanceof ApiError && e.fields.reason !== undefined) setReasonError(e.fields.reason);
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="issue-panel alert alert--warning" aria-labelledby="issue-title"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onCancel(); } }}>
      <h3 id="issue-title" ref={heading} tabIndex={-1}>Udsend udtalelsen som version {nextVersion}</h3>
      <p>
        Teksten låses, når udtalelsen udsendes. Brevet til borgeren og brevet til forvaltningen gemmes i sagen
        som PDF med kontrolsum, og historikken viser, hvem der udsendte den. En senere rettelse bliver en ny
        version, der erstatter denne; alle versioner kan altid læses.
      </p>
      {unverified.length > 0 ? (
        <div className="alert alert--error">
          <p>Udtalelsen henviser stadig til regler, der ikke er fuldt verificeret. Kontrollér henvisningen og fjern bemærkningen i:</p>
          <ul>{unverified.map((l) => <li key={l}>{l}</li>)}</ul>
        </div>
      ) : null}
      {supersedes !== null ? (
        <TextAreaField id="issue-reason" label={`Hvorfor erstatter version ${nextVersion} version ${supersedes}?`} required
          value={reason} onChange={(v) => { setReason(v); setReasonError(null); }} rows={3} limit={FINDING_REASON_MAX} error={reasonError ?? undefined} />
      ) : null}
      {error ? <p role="alert" className="field-error">{error}</p> : null}
      <div className="button-row">
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void issue()}>Udsend version {nextVersion}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>Annullér</button>
      </div>
    </section>
  );
}
