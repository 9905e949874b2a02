/**
 * Loads what every screen needs before it can render: the settings (organisation, themes, advisers,
 * municipality) and "today" from the backend's clock, so the form default and the validation rule
 * "not in the future" agree with the service layer (and with a test's fixed clock).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { IsoDate } from '../../../shared/domain/dates';
import type { Settings } from '../../../shared/domain/settings';
import { StartupFailed, StartupLoading } from './StartupStatus';
import { errorMessage, send } from '../api/client';

export type AppData = Readonly<{
  settings: Settings;
  today: IsoDate;
  /** Replace the settings with a fresh copy returned by a settings/catalog channel. */
  setSettings: (s: Settings) => void;
}>;

const AppDataContext = createContext<AppData | null>(null);

export function useAppData(): AppData {
  const v = useContext(AppDataContext);
  if (!v) throw new Error('useAppData bruges uden for AppDataProvider');
  return v;
}

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; settings: Settings; today: IsoDate };

export function AppDataProvider({ children }: { children: ReactNode }) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    Promise.all([send('settings:get', {}), send('app:info', {})]).then(
      ([settings, info]) => { if (live) setLoad({ state: 'ready', settings, today: info.today }); },
      (e: unknown) => { if (live) setLoad({ state: 'error', message: errorMessage(e) }); },
    );
    return () => { live = false; };
  }, [attempt]);

  const setSettings = useCallback((settings: Settings) => {
    setLoad((l) => (l.state === 'ready' ? { ...l, settings } : l));
  }, []);

  const value = useMemo<AppData | null>(
    () => (load.state === 'ready' ? { settings: load.settings, today: load.today, setSettings } : null),
    [load, setSettings],
  );

  if (load.state === 'loading') return <StartupLoading />;
  if (load.state === 'error') return <StartupFailed message={load.message} onRetry={() => { setLoad({ state: 'loading' }); setAttempt((n) => n + 1); }} />;
  return <AppDataContext.Provider value={value}>{children}</AppDataContext.Provider>;
}
