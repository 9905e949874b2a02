/**
 * The list a case-page section shows (henstillinger, anmodninger, lovbestemte frister): loaded for the
 * case, loaded again when the case is saved (`version`) or the section changes something (`reload`),
 * with a Danish error instead of the list when loading fails.
 */
import { useCallback, useEffect, useState } from 'react';
import type { InputOf, OutputOf } from '../../../shared/ipc/contract';
import { errorMessage, send } from './client';

export type CaseListChannel = 'recommendations:for-case' | 'requests:for-case' | 'point-deadlines:for-case';

export function useCaseList<C extends CaseListChannel>(channel: C, caseId: number, version: number) {
  const [items, setItems] = useState<OutputOf<C> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      // Every CaseListChannel takes { caseId }; TypeScript cannot see that through the generic C.
      setItems(await send(channel, { caseId } as InputOf<C>));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [channel, caseId]);
  useEffect(() => {
    void reload();
  }, [reload, version]);
  return { items, setItems, error, setError, reload };
}
