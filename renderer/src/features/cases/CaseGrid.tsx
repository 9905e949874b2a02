/**
 * The virtualised case table. Only the rows in view (plus a small overscan) are in the DOM, and
 * their pages are fetched as they come into view, so 100,000 henvendelser scroll like 100.
 *
 * ARIA grid with aria-activedescendant: focus stays on the grid while ↑/↓, Page Up/Down, Home/End
 * move the selected row and Enter opens it; aria-rowcount/aria-rowindex tell a screen reader where
 * in the whole list a row is, although most rows are not rendered.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { CaseListRow, SortKey } from '../../../../shared/domain/case-list';
import { formatDanishDate } from '../../../../shared/domain/dates';
import { CaseStatus, CaseType } from '../../../../shared/domain/vocab';
import type { CasePages } from './use-case-pages';

const ROW_HEIGHT = 36;

type Column = Readonly<{ label: string; sort?: SortKey; className?: string }>;
const columns: ReadonlyArray<Column> = [
  { label: 'Sagsnr', sort: 'sagsnr' },
  { label: 'Modtaget', sort: 'receivedOn' },
  { label: 'Type', sort: 'type' },
  { label: 'Status', sort: 'status' },
  // Not sortable: computed for the listed page only (db/queries/cases.ts NEXT_DEADLINE_SQL).
  { label: 'Næste frist' },
  { label: 'Borger', sort: 'citizenName' },
  { label: 'Resumé' },
  { label: 'Forvaltninger' },
  { label: 'Rådgiver' },
  { label: 'Klagepunkter', className: 'num' },
];

/** What kind of deadline, short enough for the column ("Anmodning", "Klagefrist", "Lovfrist", "Eget mål"). */
export const NEXT_KIND: Readonly<Record<NonNullable<CaseListRow['nextDeadline']>['kind'], string>> = {
  anmodning: 'Anmodning',
  klagefrist: 'Klagefrist',
  lovfrist: 'Lovfrist',
  eget_maal: 'Eget mål',
};

/** The next deadline: date and kind; a passed one says so in words, not only in colour. */
function NextDeadlineCell({ next, today }: Readonly<{ next: CaseListRow['nextDeadline']; today: string }>) {
  if (next === null) return <div role="gridcell" className="grid-cell muted">–</div>;
  const passed = next.dueOn < today;
  const kind = NEXT_KIND[next.kind];
  return (
    <div role="gridcell" className={`grid-cell next-deadline${passed ? ' is-overdue' : ''}`} title={`${kind} ${formatDanishDate(next.dueOn)}${passed ? ' – overskredet' : ''}`}>
      {formatDanishDate(next.dueOn)} <span className="next-deadline-kind">{kind}</span>
      {passed ? <span className="visually-hidden">, overskredet</span> : null}
    </div>
  );
}

export function rowDomId(index: number): string {
  return `case-row-${index}`;
}

export function CaseGrid({ pages, total, sort, direction, onSort, selected, onSelect, onOpen, today }: Readonly<{
  pages: CasePages;
  total: number;
  sort: SortKey;
  direction: 'asc' | 'desc';
  onSort: (key: SortKey) => void;
  selected: number;
  onSelect: (index: number) => void;
  onOpen: (caseId: number) => void;
  /** The backend's today (app:info): a next deadline before it is shown as passed. */
  today: string;
}>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // The header row is sticky inside the scroll element; rows start below it.
    paddingStart: ROW_HEIGHT,
    scrollPaddingStart: ROW_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { ensure } = pages;
  useEffect(() => { ensure(first, last); }, [ensure, first, last]);

  // Coming back from a case: show the row that was selected.
  useEffect(() => {
    if (selected > 0 && selected < total) virtualizer.scrollToIndex(selected, { align: 'center' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const safeSelected = Math.min(selected, Math.max(total - 1, 0));
  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 2);

  function move(to: number) {
    const i = Math.max(0, Math.min(total - 1, to));
    onSelect(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.target !== e.currentTarget || e.altKey || e.ctrlKey || e.metaKey) return;
    switch (e.key) {
      case 'ArrowDown': move(safeSelected + 1); break;
      case 'ArrowUp': move(safeSelected - 1); break;
      case 'PageDown': move(safeSelected + pageRows); break;
      case 'PageUp': move(safeSelected - pageRows); break;
      case 'Home': move(0); break;
      case 'End': move(total - 1); break;
      case 'Enter': {
        const row = pages.rowAt(safeSelected);
        if (row) onOpen(row.id);
        break;
      }
      default: return;
    }
    e.preventDefault();
  }

  return (
    <div
      ref={scrollRef}
      className="grid"
      role="grid"
      aria-label="Henvendelser"
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      tabIndex={0}
      aria-activedescendant={total > 0 ? rowDomId(safeSelected) : undefined}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row">
          {columns.map((c) => {
            const active = c.sort !== undefined && c.sort === sort;
            return (
              <div
                key={c.label}
                role="columnheader"
                className={`grid-cell ${c.className ?? ''}`}
                aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {c.sort ? (
                  <button type="button" className="sort-button" onClick={() => onSort(c.sort as SortKey)}>
                    {c.label}
                    <span className="sort-indicator" aria-hidden="true">{active ? (direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                ) : c.label}
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() - ROW_HEIGHT }}>
        {items.map((item) => {
          const row = pages.rowAt(item.index);
          const isSelected = item.index === safeSelected;
          return (
            <div
              key={item.key}
              id={rowDomId(item.index)}
              role="row"
              aria-rowindex={item.index + 2}
              aria-selected={isSelected}
              className={`grid-row grid-row--body${isSelected ? ' is-selected' : ''}${item.index % 2 ? ' is-odd' : ''}`}
              style={{ transform: `translateY(${item.start - ROW_HEIGHT}px)` }}
              onClick={() => {
                onSelect(item.index);
                if (row) onOpen(row.id);
              }}
            >
              {row ? (
                <>
                  <div role="gridcell" className="grid-cell grid-cell--sagsnr">
                    <a href={`#/sager/${row.id}`} tabIndex={-1} onClick={(e) => e.stopPropagation()}>{row.sagsnr}</a>
                  </div>
                  <div role="gridcell" className="grid-cell">{formatDanishDate(row.receivedOn)}</div>
                  <div role="gridcell" className="grid-cell">{CaseType.label(row.type)}</div>
                  <div role="gridcell" className="grid-cell"><span className={`badge badge--${row.status}`}>{CaseStatus.label(row.status)}</span></div>
                  <NextDeadlineCell next={row.nextDeadline} today={today} />
                  <div role="gridcell" className="grid-cell" title={row.citizenName}>{row.citizenName}</div>
                  <div role="gridcell" className="grid-cell" title={row.summary}>{row.summary}</div>
                  <div role="gridcell" className="grid-cell" title={row.forvaltninger}>{row.forvaltninger}</div>
                  <div role="gridcell" className="grid-cell" title={row.adviser ?? undefined}>{row.adviser ?? <span className="muted">–</span>}</div>
                  <div role="gridcell" className="grid-cell num">{row.pointCount}</div>
                </>
              ) : (
                <div role="gridcell" aria-colspan={columns.length} className="grid-cell grid-cell--loading">Henter …</div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
