/**
 * The case list's search also looks in the akter: what it finds there (a letter's text, a sender, a
 * title) is offered beside the list, folded away, as links to the henvendelser – the list itself
 * stays the case search it was. Nothing is shown when the akter hold no match.
 */
import { useEffect, useState } from 'react';
import type { DocumentSearchHit } from '../../../../shared/domain/records';
import { send } from '../../api/client';

/** "…borgeren «klager» over…" → text with the matched words marked. */
function Snippet({ text }: Readonly<{ text: string }>) {
  const parts = text.split(/«|»/);
  return <>{parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : <span key={i}>{p}</span>))}</>;
}

const LIMIT = 20;

export function DocumentHits({ search }: Readonly<{ search: string }>) {
  const [hits, setHits] = useState<DocumentSearchHit[]>([]);
  useEffect(() => {
    const text = search.trim();
    let current = true;
    if (text === '') {
      setHits([]);
      return;
    }
    // A failed side search is not worth an alert over the case list: the list is the answer.
    send('documents:search', { text, caseId: null, limit: LIMIT })
      .then((h) => { if (current) setHits(h); })
      .catch(() => { if (current) setHits([]); });
    return () => { current = false; };
  }, [search]);
  if (hits.length === 0) return null;
  return (
    <details className="document-hits">
      <summary>Søgningen findes også i {hits.length === LIMIT ? `mindst ${LIMIT}` : hits.length} {hits.length === 1 ? 'akt' : 'akter'}</summary>
      <ul className="entry-list" aria-label="Fundet i akter">
        {hits.map((h) => (
          <li key={h.documentId} className="entry">
            <a href={`#/sager/${h.caseId}/akter`}>{h.sagsnr} – {h.title}</a>
            <p className="muted"><Snippet text={h.snippet} /></p>
          </li>
        ))}
      </ul>
    </details>
  );
}
