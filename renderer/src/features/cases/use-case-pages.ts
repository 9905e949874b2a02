/**
 * Rows of the case list fetched on demand, PAGE_SIZE at a time, as the virtual list asks for them.
 * A query change starts a new generation: pages of an older query that arrive late are dropped, so
 * fast typing in the search box never shows rows of a previous search.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseListQuery, CaseListRow } from '../../../../shared/domain/case-list';
import { errorMessage, send } from '../../api/client';
import { PAGE_SIZE } from './case-list-state';

export type CasePages = Readonly<{
  total: number | null;
  error: string | null;
  rowAt: (index: number) => CaseListRow | undefined;
  /** Make sure the rows first..last (inclusive) are loaded or loading. */
  ensure: (first: number, last: number) => void;
  retry: () => void;
}>;

export function useCasePages(query: Omit<CaseListQuery, 'offset' | 'limit'>): CasePages {
  const key = JSON.stringify(query);
  const pages = useRef(new Map<number, CaseListRow[]>());
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  const [attempt, setAttempt] = useState(0);

  const fetchPage = useCallback((page: number) => {
    if (pages.current.has(page) || inFlight.current.has(page)) return;
    const gen = generation.current;
    inFlight.current.add(page);
    const q = JSON.parse(key) as Omit<CaseListQuery, 'offset' | 'limit'>;
    send('cases:list', { ...q, offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
      (res) => {
        if (gen !== generation.current) return;
        inFlight.current.delete(page);
        pages.current.set(page, res.rows);
        setTotal(res.total);
        setError(null);
        setVersion((v) => v + 1);
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        inFlight.current.delete(page);
        setError(errorMessage(e));
      },
    );
  }, [key]);

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    inFlight.current = new Set();
    setError(null);
    fetchPage(0);
  }, [fetchPage, attempt]);

  const ensure = useCallback((first: number, last: number) => {
    if (last < first) return;
    for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) fetchPage(p);
  }, [fetchPage]);

  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { total, error, rowAt, ensure, retry };
}
