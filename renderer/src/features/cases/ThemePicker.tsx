/**
 * Themes of a klagepunkt as a checkbox list: Tab reaches it, Space toggles, and a filter field
 * narrows a long list while typing. Retired themes are offered only when already chosen, so old
 * cases keep them but new input cannot pick them.
 */
import { useState } from 'react';
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
  const offered = themes.filter((t) => !t.retired || selected.includes(t.id));
  const needle = filter.trim().toLocaleLowerCase('da-DK');
  const shown = needle === '' ? offered : offered.filter((t) => selected.includes(t.id) || t.name.toLocaleLowerCase('da-DK').includes(needle));
  const errorId = `${idPrefix}-error`;

  function toggle(id: number, on: boolean) {
    onChange(on ? [...selected.filter((x) => x !== id), id] : selected.filter((x) => x !== id));
  }

  return (
    <fieldset className={`themes${error ? ' field--error' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend className="field-label">Temaer</legend>
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
          const cbId = i === 0 ? `${idPrefix}-first` : `${idPrefix}-${t.id}`;
          return (
            <li key={t.id} className="checkbox">
              <input id={cbId} type="checkbox" checked={selected.includes(t.id)} onChange={(e) => toggle(t.id, e.target.checked)} />
              <label htmlFor={cbId}>{t.name}{t.retired ? ' (udgået)' : ''}</label>
            </li>
          );
        })}
      </ul>
      {shown.length === 0 && offered.length > 0 ? <p className="field-hint">Ingen temaer matcher filteret.</p> : null}
    </fieldset>
  );
}
