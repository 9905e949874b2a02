/** Historik: every recorded change of the henvendelse, newest first, with who and when. */
import type { HistoryEntry } from '../../../../shared/domain/case-list';
import { useMemo } from 'react';
import { formatDanishDateTime } from '../../../../shared/domain/dates';
import { ruleHeading } from '../rules/rule-text';
import { useRuleCatalog } from '../rules/use-rules';

/**
 * One change in words: "tilføjet: X" when there was nothing before, "fjernet: X" when nothing is
 * left, otherwise "før → efter" ("(tom) → X" read as a fault in the history).
 */
export function changeText(c: Readonly<{ before: string; after: string }>): string {
  if (c.before === '' && c.after === '') return '';
  if (c.before === '') return /^tilføjet\b/.test(c.after) ? c.after : `tilføjet: ${c.after}`;
  if (c.after === '') return `fjernet: ${c.before}`;
  return `${c.before} → ${c.after}`;
}

/**
 * The history stores a rule by its id, which never changes (case-diff.ts); shown, it is named as
 * everywhere else: "Klagepunkt 1: Regel FVL § 19 – Partshøring: Vurdering".
 */
export function fieldText(field: string, headings: ReadonlyMap<string, string>): string {
  return field.replace(/\bRegel ([a-z0-9][a-z0-9-]*)(?=:|$)/g, (whole, id: string) => {
    const heading = headings.get(id);
    return heading === undefined ? whole : `Regel ${heading}`;
  });
}

/** `wide`: the case page's Historik section, full width and scrolling with the page instead of on its own. */
export function HistoryPanel({ entries, error, wide = false }: Readonly<{ entries: ReadonlyArray<HistoryEntry> | null; error: string | null; wide?: boolean }>) {
  const { rules } = useRuleCatalog();
  const headings = useMemo(() => new Map((rules ?? []).map((r) => [r.id, ruleHeading(r)])), [rules]);
  const sorted = entries ? [...entries].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id)) : null;
  return (
    // Focusable: the panel scrolls on its own once the history is long, and keyboard users must be
    // able to scroll it (WCAG 2.1.1; axe scrollable-region-focusable).
    <section className={wide ? 'history history--wide' : 'history'} aria-labelledby="history-title" tabIndex={wide ? undefined : 0}>
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
                      <span className="history-field">{fieldText(c.field, headings)}:</span> {changeText(c)}
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
