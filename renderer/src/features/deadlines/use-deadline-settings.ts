/** The deadline settings (Kalender og frister), loaded once per screen that needs the defaults. */
import { useEffect, useState } from 'react';
import type { DeadlineSettings } from '../../../../shared/domain/deadline-tracking';
import { send } from '../../api/client';

export function useDeadlineSettings(): DeadlineSettings | null {
  const [settings, setSettings] = useState<DeadlineSettings | null>(null);
  useEffect(() => {
    let live = true;
    // Without them a form falls back to its own default; the save still uses the stored settings.
    send('deadlines:settings', {}).then((s) => { if (live) setSettings(s); }, () => undefined);
    return () => { live = false; };
  }, []);
  return settings;
}
