/**
 * Themes of a klagepunkt as a checkbox list that is ONE Tab stop (roving tabindex): ↑/↓ (or ←/→,
 * Home/End) move between the themes, Space toggles, Tab leaves the list — 21 themes are no longer
 * 21 Tab stops on the way to the description. A filter field narrows a long list while typing.
 * Retired themes are offered only when already chosen, so old cases keep them but new input cannot
 * pick them.
 */
import { useState, type KeyboardEvent } from 'react';
import type { Theme } from '../../../../shared/domain/settings';

const FILTER_FROM = 10;

export function ThemePicker({ idPrefix, themes, selected, onChange, error }: Readonly<{
  idPrefix: string;
  themes: ReadonlyArray<Theme>;
  selected: ReadonlyArray<number>;
  onChange: (ids: number[]) => void;
  error?: string | undefined;
}>) {
  const [filter, setFilter] = useState('');
  const [active, setActive] = useState(0);
  const offered = themes.filter((t) => !t.retired || selected.includes(t.id));
  const needle = filter.trim().toLocaleLowerCase('da-DK');
  const shown = needle === '' ? offered : offered.filter((t) => selected.includes(t.id) || t.name.toLocaleLowerCase('da-DK').includes(needle));
  const errorId = `${idPrefix}-error`;
  const hintId = `${idPrefix}-hint`;

  const boxId = (i: number, t: Theme) => (i === 0 ? `${idPrefix}-first` : `${idPrefix}-${t.id}`);
  // The one checkbox Tab lands on: the last one the adviser was on, kept inside the (filtered) list.
  const current = Math.min(active, Math.max(shown.length - 1, 0));

  function move(e: KeyboardEvent<HTMLInputElement>, i: number) {
    const n = shown.length;
    const to = e.key === 'ArrowDown' || e.key === 'ArrowRight' ? (i + 1) % n
      : e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? (i + n - 1) % n
        : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : null;
    const target = to === null ? undefined : shown[to];
    if (to === null || target === undefined) return;
    e.preventDefault();
    setActive(to);
    document.getElementById(boxId(to, target))?.focus();
  }

  function toggle(id: number, on: boolean) {
    onChange(on ? [...selected.filter((x) => x !== id), id] : selected.filter((x) => x !== id));
  }

  return (
    <fieldset className={`themes${error ? ' field--error' : ''}`} aria-describedby={error ? `${hintId} ${errorId}` : hintId}>
      <legend className="field-label">Temaer</legend>
      <p id={hintId} className="field-hint">↑/↓ flytter mellem temaerne, mellemrum vælger.</p>
      {error ? <p id={errorId} className="field-error">{error}</p> : null}
      {offered.length === 0 ? <p className="field-hint">Der er ingen temaer. Opret dem under Indstillinger.</p> : null}
      {offered.length >= FILTER_FROM ? (
        <div className="themes-filter">
          <label htmlFor={`${idPrefix}-filter`} className="visually-hidden">Filtrér temaer</label>
          <input
            id={`${idPrefix}-filter`}
            className="input input--m"
            type="search"
            placeholder="Filtrér temaer"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Escape' && filter !== '') { setFilter(''); e.stopPropagation(); } }}
            autoComplete="off"
          />
        </div>
      ) : null}
      <ul className="themes-list">
        {shown.map((t, i) => {
          const cbId = boxId(i, t);
          return (
            <li key={t.id} className="checkbox">
              <input id={cbId} type="checkbox" checked={selected.includes(t.id)} onChange={(e) => toggle(t.id, e.target.checked)}
                tabIndex={i === current ? 0 : -1} onFocus={() => setActive(i)} onKeyDown={(e) => move(e, i)} />
              <label htmlFor={cbId}>{t.name}{t.retired ? ' (udgået)' : ''}</label>
            </li>
          );
        })}
      </ul>
      {shown.length === 0 && offered.length > 0 ? <p className="field-hint">Ingen temaer matcher filteret.</p> : null}
    </fieldset>
  );
}
