/**
 * Closing a henvendelse: what the closing check found still open, each with a link to where it is
 * resolved. Closing anyway acknowledges every listed item (the backend writes them into the history
 * entry); with nothing open the adviser simply confirms.
 */
import { useEffect, useRef } from 'react';
import type { OpenItem } from '../../../../../shared/domain/case-workspace';
import { routeHref } from '../../../app/router';

export function ClosingPanel({ caseId, items, busy, error, onConfirm, onCancel, onGo }: Readonly<{
  caseId: number;
  /** The adviser follows a link to resolve an item: the panel closes, the item gets focus. */
  onGo: (item: OpenItem) => void;
  items: ReadonlyArray<OpenItem>;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}>) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => { heading.current?.focus(); }, []);
  return (
    <section className="closing-panel alert alert--warning" aria-labelledby="closing-title"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); onCancel(); } }}>
      <h2 id="closing-title" ref={heading} tabIndex={-1}>
        {items.length === 0 ? 'Luk sagen' : `Sagen har ${items.length === 1 ? 'et åbent punkt' : `${items.length} åbne punkter`}`}
      </h2>
      {items.length === 0 ? <p>Der er intet åbent på henvendelsen. Den får status Afsluttet med dags dato.</p> : (
        <>
          <p>Se punkterne igennem, før henvendelsen lukkes. Lukker du alligevel, skrives punkterne i historikken som set af dig.</p>
          <ul className="closing-items">
            {items.map((item) => (
              <li key={item.key}>
                {item.text}{' '}
                <a href={routeHref({ name: 'case', id: caseId, section: item.section })} onClick={() => onGo(item)}>
                  Gå til punktet
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {error ? <p role="alert" className="field-error">{error}</p> : null}
      <div className="button-row">
        <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => { if (!busy) onConfirm(); }}>
          {items.length === 0 ? 'Luk sagen' : 'Luk alligevel'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>Annullér</button>
      </div>
    </section>
  );
}
