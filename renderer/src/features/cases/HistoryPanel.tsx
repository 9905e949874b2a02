/** Historik: every recorded change of the henvendelse, newest first, with who and when. */
import type { HistoryEntry } from '../../../../shared/domain/case-list';
import { formatDanishDateTime } from '../../../../shared/domain/dates';

export function HistoryPanel({ entries, error }: Readonly<{ entries: ReadonlyArray<HistoryEntry> | null; error: string | null }>) {
  const sorted = entries ? [...entries].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id)) : null;
  return (
    // Focusable: the panel scrolls on its own once the history is long, and keyboard users must be
    // able to scroll it (WCAG 2.1.1; axe scrollable-region-focusable).
    <section className="history" aria-labelledby="history-title" tabIndex={0}>
      <h2 id="history-title">Historik</h2>
      {error ? <p role="alert" className="alert alert--error">{error}</p> : null}
      {sorted === null && !error ? <p className="muted" role="status">Henter historik …</p> : null}
      {sorted && sorted.length === 0 ? <p className="muted">Ingen ændringer registreret.</p> : null}
      {sorted && sorted.length > 0 ? (
        <ol className="history-list" aria-label="Ændringer">
          {sorted.map((h) => (
            <li key={h.id} className="history-entry">
              <p className="history-meta">
                <time dateTime={h.at}>{formatDanishDateTime(h.at)}</time> · <span>{h.actor}</span>
              </p>
              <p className="history-action">{h.action}</p>
              {h.changes.length > 0 ? (
                <ul className="history-changes">
                  {h.changes.map((c, i) => (
                    <li key={i}>
                      <span className="history-field">{c.field}:</span> {c.before === '' ? '(tom)' : c.before} → {c.after === '' ? '(tom)' : c.after}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
