/**
 * Sager: search-as-you-type (debounced, "/" jumps to the search box), filters ("Mine sager": the
 * adviser at the desk), sortable headers and the virtualised list of every henvendelse with the
 * total count, each row with its next deadline and adviser. Opened from a number of the statistics
 * (`#/sager?rapport=…`), it lists exactly the henvendelser behind that number instead, says which
 * under a banner, and "Vis alle sager" returns to the list with its own filters.
 */
import { useEffect, useMemo, useRef, type Dispatch, type SetStateAction } from 'react';
import type { SortKey } from '../../../../shared/domain/case-list';
import { CaseStatus, CaseType } from '../../../../shared/domain/vocab';
import { useAppData } from '../../app/AppDataProvider';
import { navigate } from '../../app/router';
import { DateField, dateFieldError } from '../../components/DateField';
import { CheckboxField, SelectField, type Option } from '../../components/Field';
import { Page } from '../../components/Page';
import { useActor } from '../actor/ActorProvider';
import { CaseGrid } from './CaseGrid';
import { formatCount, hasFilters, initialCaseListState, queryOf, type CaseListState } from './case-list-state';
import { useCasePages } from './use-case-pages';
import { SEARCH_SHORTCUT_HINT } from '../../components/search-shortcut';
import { DocumentHits } from '../records/DocumentHits';
import { decodeReportLink, reportBannerText } from '../report/report-link';

const SEARCH_DELAY_MS = 150;

function isTypingTarget(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;
}

export function CaseListScreen({ state, setState, report = null }: Readonly<{
  state: CaseListState;
  setState: Dispatch<SetStateAction<CaseListState>>;
  /** The drill-down token from the route; null: the ordinary list. */
  report?: string | null;
}>) {
  const { settings, today } = useAppData();
  const { adviser } = useActor();
  const actorId = adviser?.id ?? null;
  const searchRef = useRef<HTMLInputElement>(null);
  const link = useMemo(() => (report === null ? null : decodeReportLink(report)), [report]);
  // Behind a number the list's own filters do not apply, so the count is the number's; the sort stays.
  const query = useMemo(() => {
    if (link === null) return queryOf(state, actorId);
    const fresh = queryOf({ ...initialCaseListState(), sort: state.sort, direction: state.direction }, actorId);
    return { ...fresh, report: { query: link.query, drill: link.drill } };
  }, [state, actorId, link]);
  const pages = useCasePages(query);
  const patch = (p: Partial<CaseListState>) => setState((s) => ({ ...s, ...p }));
  // Any change of what is listed starts at the top again.
  const filter = (p: Partial<CaseListState>) => setState((s) => ({ ...s, ...p, selectedIndex: 0 }));

  useEffect(() => {
    if (state.searchText === state.search) return;
    const t = window.setTimeout(() => setState((s) => ({ ...s, search: s.searchText, selectedIndex: 0 })), SEARCH_DELAY_MS);
    return () => window.clearTimeout(t);
  }, [state.searchText, state.search, setState]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key === '/' && !e.ctrlKey && !e.altKey && !e.metaKey && !isTypingTarget(e.target)) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function onSort(key: SortKey) {
    setState((s) => ({
      ...s,
      sort: key,
      // Dates read naturally newest first; text columns A–Å.
      direction: s.sort === key ? (s.direction === 'asc' ? 'desc' : 'asc') : key === 'receivedOn' || key === 'updatedAt' ? 'desc' : 'asc',
      selectedIndex: 0,
    }));
  }

  const statusOptions: Option[] = [
    { value: '', label: 'Alle' },
    { value: 'open', label: 'Åbne (ikke afsluttede)' },
    ...CaseStatus.entries.map((e) => ({ value: e.code, label: e.label })),
  ];
  const typeOptions: Option[] = [{ value: '', label: 'Alle' }, ...CaseType.entries.map((e) => ({ value: e.code, label: e.label }))];
  const forvaltningOptions: Option[] = [
    { value: '', label: 'Alle' },
    ...settings.forvaltninger.map((f) => ({ value: String(f.id), label: f.retired ? `${f.name} (udgået)` : f.name })),
  ];
  const themeOptions: Option[] = [{ value: '', label: 'Alle' }, ...settings.themes.map((t) => ({ value: String(t.id), label: t.retired ? `${t.name} (udgået)` : t.name }))];
  const fromError = dateFieldError(state.fromText);
  const toError = dateFieldError(state.toText);
  const total = pages.total;
  const filtered = hasFilters(state);

  return (
    <Page title="Sager" wide>
      {report !== null && link === null ? (
        <div role="alert" className="alert alert--error">
          <p>Adressen peger på tal fra statistikken, men kan ikke læses. <a href="#/sager">Vis alle sager</a></p>
        </div>
      ) : null}
      {link !== null ? (
        <div className="report-drill-banner" role="region" aria-labelledby="report-drill-title">
          <p id="report-drill-title" className="report-drill-title">{reportBannerText(link)}</p>
          <p>
            <a className="button button--secondary" href="#/sager">Vis alle sager</a>{' '}
            <a href="#/statistik">Tilbage til statistikken</a>
          </p>
        </div>
      ) : (
        <div role="search" className="filters" aria-label="Filtre">
          <div className="field field--search">
            <label htmlFor="case-search" className="field-label">Søg</label>
            <p id="case-search-hint" className="field-hint">Sagsnr, borger, resumé … {SEARCH_SHORTCUT_HINT}</p>
            <input
              id="case-search"
              ref={searchRef}
              className="input input--l"
              type="search"
              value={state.searchText}
              autoComplete="off"
              spellCheck={false}
              aria-keyshortcuts="/"
              aria-describedby="case-search-hint"
              onChange={(e) => patch({ searchText: e.target.value })}
              onKeyDown={(e) => {
                // ↓ from the search box goes straight to the results.
                if (e.key === 'ArrowDown') { e.preventDefault(); document.querySelector<HTMLElement>('[role="grid"]')?.focus(); }
              }}
            />
          </div>
          <SelectField id="filter-status" label="Status" width="s" value={state.status} options={statusOptions} onChange={(v) => filter({ status: v })} />
          <SelectField id="filter-type" label="Type" width="s" value={state.type} options={typeOptions} onChange={(v) => filter({ type: v })} />
          <SelectField id="filter-forvaltning" label="Forvaltning" width="m" value={state.forvaltningId} options={forvaltningOptions} onChange={(v) => filter({ forvaltningId: v })} />
          <SelectField id="filter-theme" label="Tema" width="m" value={state.themeId} options={themeOptions} onChange={(v) => filter({ themeId: v })} />
          <DateField id="filter-from" label="Modtaget fra" value={state.fromText} today={today} error={fromError} onChange={(t) => filter({ fromText: t })} />
          <DateField id="filter-to" label="Modtaget til" value={state.toText} today={today} error={toError} onChange={(t) => filter({ toText: t })} />
          {adviser !== null ? <CheckboxField id="filter-mine" label="Mine sager" checked={state.mine} onChange={(on) => filter({ mine: on })} /> : null}
          {filtered ? (
            <div className="filters-reset">
              <button type="button" className="button button--secondary" onClick={() => {
                const fresh = initialCaseListState();
                setState((s) => ({ ...fresh, sort: s.sort, direction: s.direction }));
              }}>Nulstil filtre</button>
            </div>
          ) : null}
        </div>
      )}

      <p className="result-count" role="status" aria-live="polite">
        {total === null ? 'Henter henvendelser …' : `${formatCount(total)} ${total === 1 ? 'henvendelse' : 'henvendelser'}`}
      </p>

      {pages.error ? (
        <div role="alert" className="alert alert--error">
          <p>Sagslisten kunne ikke hentes: {pages.error}</p>
          <button type="button" className="button button--secondary" onClick={pages.retry}>Prøv igen</button>
        </div>
      ) : null}

      {total === 0 && !pages.error ? (
        <div className="empty-state">
          {link !== null ? (
            <p>Der er ingen henvendelser bag tallet.</p>
          ) : filtered ? (
            <p>Ingen henvendelser matcher søgningen. Ret søgeteksten eller vælg Nulstil filtre.</p>
          ) : (
            <p>Der er endnu ingen henvendelser. Opret den første under <a href="#/ny">Ny henvendelse</a>, eller importér eksisterende sager under <a href="#/import">Import/eksport</a>.</p>
          )}
        </div>
      ) : null}

      {link === null ? <DocumentHits search={state.search} /> : null}

      {total !== null && total > 0 ? (
        <CaseGrid
          pages={pages}
          total={total}
          sort={state.sort}
          direction={state.direction}
          onSort={onSort}
          selected={state.selectedIndex}
          onSelect={(i) => patch({ selectedIndex: i })}
          onOpen={(id) => navigate({ name: 'case', id })}
          today={today}
        />
      ) : null}
    </Page>
  );
}
