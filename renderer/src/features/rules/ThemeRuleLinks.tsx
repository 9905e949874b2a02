/**
 * "Foreslås ved temaerne": the themes whose klagepunkter get this rule suggested. The mapping is
 * stored per theme, so a toggle reads that theme's current list and writes it back with this rule
 * added or removed (other rules of the theme, and their order, are left as they were).
 */
import { useState } from 'react';
import { errorMessage, send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';

export function ThemeRuleLinks({ ruleId, suggestedForThemeIds, onChanged }: Readonly<{
  ruleId: string;
  suggestedForThemeIds: ReadonlyArray<number>;
  onChanged: () => Promise<void>;
}>) {
  const { settings } = useAppData();
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const themes = settings.themes.filter((t) => !t.retired || suggestedForThemeIds.includes(t.id));

  async function toggle(themeId: number, on: boolean) {
    // Ignored rather than disabled while a write is under way: disabling would drop keyboard focus.
    if (busy !== null) return;
    setBusy(themeId);
    setError(null);
    try {
      const current = await send('rules:suggest', { themeIds: [themeId] });
      const next = on ? [...current.filter((r) => r !== ruleId), ruleId] : current.filter((r) => r !== ruleId);
      await send('rules:set-theme-rules', { themeId, ruleIds: next });
      await onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="form-section" aria-labelledby="rule-themes-title">
      <h2 id="rule-themes-title">Foreslås ved temaerne</h2>
      <p className="field-hint">Når et klagepunkt får et af de valgte temaer, foreslås reglen i klagepunktets regler.</p>
      <div role="alert" className="feedback">{error ? <p className="alert alert--error">{error}</p> : null}</div>
      {themes.length === 0 ? <p className="muted">Der er ingen temaer. Opret dem under Indstillinger.</p> : (
        <fieldset className="themes">
          <legend className="visually-hidden">Foreslås ved temaerne</legend>
          <ul className="themes-list">
            {themes.map((t) => (
              <li key={t.id} className="checkbox">
                <input id={`rule-theme-${t.id}`} type="checkbox" checked={suggestedForThemeIds.includes(t.id)}
                  aria-busy={busy === t.id || undefined} onChange={(e) => void toggle(t.id, e.target.checked)} />
                <label htmlFor={`rule-theme-${t.id}`}>{t.name}{t.retired ? ' (udgået)' : ''}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </section>
  );
}
