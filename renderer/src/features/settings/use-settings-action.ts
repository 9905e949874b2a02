/**
 * Runs one settings/catalog request for a section: the fresh Settings it returns replace the app's
 * copy, success is announced in the section's status line and a refusal (e.g. "in use, cannot be
 * deleted") in its alert, with the field message when the backend names a field.
 */
import { useCallback, useState } from 'react';
import type { Settings } from '../../../../shared/domain/settings';
import { ApiError, errorMessage } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';

export type SettingsAction = Readonly<{
  notice: string | null;
  error: string | null;
  busy: boolean;
  /** Resolves true on success, so a form knows whether to clear its input. */
  run: (request: () => Promise<Settings>, success: string) => Promise<boolean>;
  clear: () => void;
}>;

export function useSettingsAction(): SettingsAction {
  const { setSettings } = useAppData();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(async (request: () => Promise<Settings>, success: string) => {
    setBusy(true);
    setNotice(null);
    setError(null);
    try {
      setSettings(await request());
      setNotice(success);
      return true;
    } catch (e) {
      const fieldMessages = e instanceof ApiError ? Object.values(e.fields) : [];
      setError(fieldMessages.length > 0 ? fieldMessages.join(' ') : errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, [setSettings]);

  const clear = useCallback(() => { setNotice(null); setError(null); }, []);
  return { notice, error, busy, run, clear };
}
