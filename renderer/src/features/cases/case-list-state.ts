/**
 * What the case list remembers while the adviser opens a case and comes back: the filters as typed,
 * the sort and the selected row. Held by the app shell, not by the screen, so it survives navigation.
 */
import type { CaseListQuery, SortKey } from '../../../../shared/domain/case-list';
import { CaseStatus, CaseType, type CaseStatusCode, type CaseTypeCode } from '../../../../shared/domain/vocab';
import { parseDateField } from '../../components/DateField';

export type CaseListState = {
  /** The search text as typed; `search` is the debounced value sent to the backend. */
  searchText: string;
  search: string;
  /** '' = alle, 'open' = every status but afsluttet, or one status code. */
  status: string;
  type: string;
  forvaltningId: string;
  themeId: string;
  /** "Mine sager": only the henvendelser whose adviser is the one at the desk. */
  mine: boolean;
  fromText: string;
  toText: string;
  sort: SortKey;
  direction: 'asc' | 'desc';
  selectedIndex: number;
};

export function initialCaseListState(): CaseListState {
  return {
    searchText: '', search: '', status: '', type: '', forvaltningId: '', themeId: '', mine: false, fromText: '', toText: '',
    sort: 'receivedOn', direction: 'desc', selectedIndex: 0,
  };
}

export const PAGE_SIZE = 100;

function isStatus(s: string): s is CaseStatusCode {
  return (CaseStatus.codes as readonly string[]).includes(s);
}
function isType(s: string): s is CaseTypeCode {
  return (CaseType.codes as readonly string[]).includes(s);
}

/**
 * The query for the backend; dates that are not (yet) valid are left out rather than sent. `actorId`
 * is the adviser at the desk, whom "Mine sager" means.
 */
export function queryOf(s: CaseListState, actorId: number | null): Omit<CaseListQuery, 'offset' | 'limit'> {
  const from = parseDateField(s.fromText);
  const to = parseDateField(s.toText);
  const statuses: CaseStatusCode[] =
    s.status === 'open' ? CaseStatus.codes.filter((c) => c !== 'afsluttet') : isStatus(s.status) ? [s.status] : [];
  return {
    search: s.search.trim(),
    statuses,
    types: isType(s.type) ? [s.type] : [],
    forvaltningId: s.forvaltningId === '' ? null : Number(s.forvaltningId),
    themeId: s.themeId === '' ? null : Number(s.themeId),
    adviserId: s.mine ? actorId : null,
    receivedFrom: from === null || from === 'invalid' ? null : from,
    receivedTo: to === null || to === 'invalid' ? null : to,
    sort: s.sort,
    direction: s.direction,
  };
}

export function hasFilters(s: CaseListState): boolean {
  return s.searchText !== '' || s.status !== '' || s.type !== '' || s.forvaltningId !== '' || s.themeId !== '' || s.mine || s.fromText !== '' || s.toText !== '';
}

/** 1234 → "1.234" (Danish thousands separator), without depending on the ICU data of the runtime. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
