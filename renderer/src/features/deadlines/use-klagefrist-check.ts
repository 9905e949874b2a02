/**
 * The klagefrist computed from a notice before the case exists (`klagefrist:check`), recomputed as
 * soon as both fields are filled; an answer for an older notice is dropped.
 */
import { useEffect, useState } from 'react';
import type { CaseDeadline } from '../../../../shared/domain/deadline-tracking';
import { errorMessage, send } from '../../api/client';
import type { Notice } from './notice-draft';

export function useKlagefristCheck(notice: Notice | null): { klagefrist: CaseDeadline | null; error: string | null } {
  const [state, setState] = useState<{ klagefrist: CaseDeadline | null; error: string | null }>({ klagefrist: null, error: null });
  const on = notice?.notifiedOn ?? null;
  const channel = notice?.channel ?? null;
  const ruleId = notice?.ruleId ?? null;
  useEffect(() => {
    if (on === null || channel === null) { setState({ klagefrist: null, error: null }); return undefined; }
    let live = true;
    send('klagefrist:check', { notifiedOn: on, channel, ruleId }).then(
      (klagefrist) => { if (live) setState({ klagefrist, error: null }); },
      (e: unknown) => { if (live) setState({ klagefrist: null, error: errorMessage(e) }); },
    );
    return () => { live = false; };
  }, [on, channel, ruleId]);
  return state;
}
