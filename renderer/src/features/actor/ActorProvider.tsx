/**
 * Who sits at the desk. At start it asks the backend which adviser this OS user chose last time
 * (`actor:get`); until someone is chosen the shell shows the start screen (ActorChooser). The
 * choice is handed to the API client (`setActor`), so every call carries it; the header's control
 * opens the chooser again to switch. The adviser's name is read from the settings, so a rename in
 * Indstillinger shows at once.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Adviser } from '../../../../shared/domain/settings';
import { errorMessage, send, setActor } from '../../api/client';
import { StartupFailed, StartupLoading } from '../../app/StartupStatus';
import { useAppData } from '../../app/AppDataProvider';

export type ActorState = Readonly<{
  /** The chosen adviser, or null before anyone is chosen (or after they were retired). */
  adviser: Adviser | null;
  /** True while the chooser is shown: at start, or after "Skift rådgiver". */
  choosing: boolean;
  /** Show the chooser to switch adviser. */
  startChoosing: () => void;
  /** Back to the current adviser without switching (only when one is chosen). */
  cancelChoosing: () => void;
  /** The backend has remembered `adviserId` (actor:choose / actor:register): act as them from now on. */
  chosen: (adviserId: number) => void;
}>;

const ActorContext = createContext<ActorState | null>(null);

export function useActor(): ActorState {
  const v = useContext(ActorContext);
  if (!v) throw new Error('useActor bruges uden for ActorProvider');
  return v;
}

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; adviserId: number | null };

export function ActorProvider({ children }: { children: ReactNode }) {
  const { settings } = useAppData();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [switching, setSwitching] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    send('actor:get', {}).then(
      ({ adviserId }) => {
        if (!live) return;
        // Before the state change, so the screens' first calls already carry the adviser.
        setActor(adviserId === null ? null : { adviserId });
        setLoad({ state: 'ready', adviserId });
      },
      (e: unknown) => { if (live) setLoad({ state: 'error', message: errorMessage(e) }); },
    );
    return () => { live = false; };
  }, [attempt]);

  const adviserId = load.state === 'ready' ? load.adviserId : null;
  // A retired adviser no longer acts: the backend refuses their changes, so choose again.
  const adviser = settings.advisers.find((a) => a.id === adviserId && !a.retired) ?? null;

  const chosen = useCallback((id: number) => {
    setActor({ adviserId: id });
    setLoad({ state: 'ready', adviserId: id });
    setSwitching(false);
  }, []);
  const startChoosing = useCallback(() => setSwitching(true), []);
  const cancelChoosing = useCallback(() => setSwitching(false), []);

  const value = useMemo<ActorState>(
    () => ({ adviser, choosing: switching || adviser === null, startChoosing, cancelChoosing, chosen }),
    [adviser, switching, startChoosing, cancelChoosing, chosen],
  );

  if (load.state === 'loading') return <StartupLoading />;
  if (load.state === 'error') return <StartupFailed message={load.message} onRetry={() => { setLoad({ state: 'loading' }); setAttempt((n) => n + 1); }} />;
  return <ActorContext.Provider value={value}>{children}</ActorContext.Provider>;
}
