/**
 * One of the case's other letters – the anmodning om redegørelse, the rykker, the kvittering – opened
 * from the place the adviser works on it: the preview of the letter the backend drafts (letters:draft,
 * the same document the PDF prints), "Gem som PDF" (letters:pdf) and "Send og gem som akt"
 * (letters:send), which files the PDF as an outgoing akt on the case. Keyboard: the heading takes
 * focus when the panel opens, Escape closes it, and the opener gets focus back (the parent's job).
 */
import { useEffect, useRef, useState } from 'react';
import type { CaseDocument } from '../../../../shared/domain/records';
import type { CaseLetterInput } from '../../../../shared/letters/case-letter-source';
import type { LetterDocument } from '../../../../shared/letters/document';
import { errorMessage, send } from '../../api/client';
import { downloadFile } from '../import/read-file';
import { LetterView } from './LetterView';

export function CaseLetterPanel({ input, title, level, onClose, onSent }: Readonly<{
  input: CaseLetterInput;
  /** The panel's heading, e.g. "Anmodningsbrev til Beskæftigelsesforvaltningen". */
  title: string;
  /** The heading's level where the panel sits; the letter's own title is one below. */
  level: 3 | 4;
  onClose: () => void;
  /** The letter is filed: the parent closes the panel, reloads and names the akt. */
  onSent: (doc: CaseDocument) => void;
}>) {
  const [document, setDocument] = useState<LetterDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const { caseId, kind, requestId } = input;

  useEffect(() => {
    heading.current?.focus();
  }, []);

  useEffect(() => {
    let live = true;
    send('letters:draft', { caseId, kind, requestId })
      .then((r) => { if (live) setDocument(r.document); })
      .catch((e: unknown) => { if (live) setError(errorMessage(e)); });
    return () => { live = false; };
  }, [caseId, kind, requestId]);

  async function savePdf() {
    setError(null);
    setSaved(null);
    try {
      const pdf = await send('letters:pdf', { caseId, kind, requestId });
      downloadFile(pdf.fileName, pdf.mediaType, pdf.contentBase64);
      setSaved(`${pdf.fileName} er gemt.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function sendLetter() {
    if (busy) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      onSent(await send('letters:send', { caseId, kind, requestId }));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  }

  const Heading = `h${level}` as const;
  const id = `letter-${kind}-${requestId ?? 'sag'}`;
  return (
    <section className="letter-panel" aria-labelledby={`${id}-title`}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); onClose(); } }}>
      <Heading id={`${id}-title`} ref={heading} tabIndex={-1} className="letter-panel-title">{title}</Heading>
      {error ? <p role="alert" className="alert alert--error">{error}</p> : null}
      <div role="status" className="feedback">{saved ? <p className="alert alert--success">{saved}</p> : null}</div>
      {document === null && error === null ? <p className="muted">Danner brevet …</p> : null}
      <div className="button-row">
        <button type="button" className="button" aria-disabled={busy || document === null || undefined}
          onClick={() => { if (document !== null) void sendLetter(); }}>Send og gem som akt</button>
        <button type="button" className="button button--secondary" aria-disabled={document === null || undefined}
          onClick={() => { if (document !== null) void savePdf(); }}>Gem som PDF</button>
        <button type="button" className="button button--secondary" onClick={onClose}>Luk</button>
      </div>
      {document !== null ? <LetterView document={document} baseLevel={(level + 1) as 4 | 5} label={`Forhåndsvisning: ${title}`} /> : null}
    </section>
  );
}
