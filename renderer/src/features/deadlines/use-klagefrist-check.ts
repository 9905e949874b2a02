/**
 * The klagefrist computed from a notice before the case exists (`klagefrist:check`), recomputed as
 * soon as the notice is complete; an answer for an older notice is dropped. `none` is true when the
 * notice says there is no statutory klagefrist.
 */
import { useEffect, useState } from 'react';
import type { DecisionNoticeInput, Klagefrist } from '../../../../shared/domain/deadline-tracking';
import { errorMessage, send } from '../../api/client';

type State = { klagefrist: Klagefrist | null; none: boolean; error: string | null };

export function useKlagefristCheck(notice: DecisionNoticeInput | null): State {
  const [state, setState] = useState<State>({ klagefrist: null, none: false, error: null });
  // One string key, so the effect runs when any part of the notice changes and not on every render.
  const key = notice === null ? null : JSON.stringify(notice);
  useEffect(() => {
    if (key === null) { setState({ klagefrist: null, none: false, error: null }); return undefined; }
    let live = true;
    send('klagefrist:check', JSON.parse(key) as DecisionNoticeInput).then(
      (klagefrist) => { if (live) setState({ klagefrist, none: klagefrist === null, error: null }); },
      (e: unknown) => { if (live) setState({ klagefrist: null, none: false, error: errorMessage(e) }); },
    );
    return () => { live = false; };
  }, [key]);
  return state;
}
