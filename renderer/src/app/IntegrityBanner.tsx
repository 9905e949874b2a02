/**
 * The banner the app shell shows when the database file is damaged (`system:integrity`, from the
 * background integrity check in electron/services/integrity.ts or a request that met the damage).
 * It is asked once at start and then every half minute, since the check finishes after the window
 * is shown; nothing is shown while the file is in order. The backend refuses every change from then
 * on, so the banner says why and what to do: export, restore the newest good backup, call IT.
 */
import { useEffect, useState } from 'react';
import type { IntegrityState } from '../../../shared/domain/integrity';
import { send } from '../api/client';

/** How often the shell asks again (ms). */
export const INTEGRITY_POLL_MS = 30_000;

export function IntegrityBanner() {
  const [state, setState] = useState<IntegrityState | null>(null);
  useEffect(() => {
    let live = true;
    const ask = () => {
      send('system:integrity', {}).then((s) => { if (live) setState(s); }, () => { /* the next poll asks again */ });
    };
    ask();
    const timer = setInterval(ask, INTEGRITY_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  if (state?.status !== 'beskadiget') return null;
  return (
    <div className="alert alert--error integrity-banner" role="alert">
      <p>{state.message}</p>
    </div>
  );
}
