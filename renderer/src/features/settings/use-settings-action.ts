/**
 * Runs one settings request for a section: the fresh value it returns replaces the section's copy
 * (for settings/catalog requests: the app's Settings), success is announced in the section's status
 * line and a refusal (e.g. "in use, cannot be deleted") in its alert, with the field messages when
 * the backend names fields (`fieldErrors`, so a form can put each next to its field).
 */
import { useCallback, useState } from 'react';
import type { Settings } from '../../../../shared/domain/settings';
import { ApiError, errorMessage } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';

export type SectionAction<T> = Readonly<{
  notice: string | null;
  error: string | null;
  /** The backend's message per field of the last refused request; empty otherwise. */
  fieldErrors: Readonly<Record<string, string>>;
  busy: boolean;
  /** Resolves true on success, so a form knows whether to clear its input. */
  run: (request: () => Promise<T>, success: string) => Promise<boolean>;
  clear: () => void;
}>;

export type SettingsAction = SectionAction<Settings>;

export function useSectionAction<T>(onValue: (value: T) => void): SectionAction<T> {
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, string>>>({});
  const [busy, setBusy] = useState(false);

  const run = useCallback(async (request: () => Promise<T>, success: string) => {
    setBusy(true);
    setNotice(null);
    setError(null);
    setFieldErrors({});
    try {
      onValue(await request());
      setNotice(success);
      return true;
    } catch (e) {
      const fields = e instanceof ApiError ? e.fields : {};
      const fieldMessages = Object.values(fields);
      setFieldErrors(fields);
      setError(fieldMessages.length > 0 ? fieldMessages.join(' ') : errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, [onValue]);

  const clear = useCallback(() => { setNotice(null); setError(null); setFieldErrors({}); }, []);
  return { notice, error, fieldErrors, busy, run, clear };
}

export function useSettingsAction(): SettingsAction {
  const { setSettings } = useAppData();
  return useSectionAction<Settings>(setSettings);
}
