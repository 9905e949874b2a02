/**
 * The report's settings on the Statistik screen: the month the reporting year starts in, the smallest
 * n a share is shown for, and how often an afdeling + rule must recur to count as a pattern; saved
 * through report:save-settings, the backend's messages shown at their fields.
 */
import { useState } from 'react';
import { ReportSettingsSchema, type ReportSettings } from '../../../../shared/report/settings';
import { ApiError, errorMessage, send } from '../../api/client';
import { SelectField, TextField } from '../../components/Field';
import { MONTHS } from './report-period';

type Draft = { startMonth: string; minN: string; patternMin: string };

function draftOf(s: ReportSettings): Draft {
  return { startMonth: String(s.startMonth), minN: String(s.minN), patternMin: String(s.patternMin) };
}

const MESSAGES: Record<keyof Draft, string> = {
  startMonth: 'Vælg en måned.',
  minN: 'Skriv et helt tal fra 1 til 1000.',
  patternMin: 'Skriv et helt tal fra 2 til 1000.',
};

export function ReportSettingsForm({ settings, onSaved }: Readonly<{ settings: ReportSettings; onSaved: (s: ReportSettings) => void }>) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function save() {
    setStatus(null);
    setFailure(null);
    const parsed = ReportSettingsSchema.safeParse({ startMonth: Number(draft.startMonth), minN: Number(draft.minN), patternMin: Number(draft.patternMin) });
    if (!parsed.success) {
      const out: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]) as keyof Draft;
        out[key] = MESSAGES[key];
      }
      setErrors(out);
      return;
    }
    setErrors({});
    try {
      const saved = await send('report:save-settings', parsed.data);
      setDraft(draftOf(saved));
      onSaved(saved);
      setStatus('Indstillingerne for statistikken er gemt.');
    } catch (e) {
      if (e instanceof ApiError) setErrors({ ...e.fields });
      setFailure(errorMessage(e));
    }
  }

  return (
    <form className="report-settings" aria-labelledby="report-settings-title" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <h2 id="report-settings-title">Indstillinger for statistikken</h2>
      <SelectField id="report-start-month" label="Beretningsåret begynder i" width="s" value={draft.startMonth} error={errors['startMonth']}
        onChange={(v) => setDraft((d) => ({ ...d, startMonth: v }))} options={MONTHS.map((m, i) => ({ value: String(i + 1), label: m }))} />
      <TextField id="report-min-n" label="Mindste antal for en andel" width="xs" inputMode="numeric" value={draft.minN} error={errors['minN']}
        hint="Under dette antal vises ingen procent eller rangorden – kun antallet." onChange={(v) => setDraft((d) => ({ ...d, minN: v }))} />
      <TextField id="report-pattern-min" label="Gentaget mønster fra" width="xs" inputMode="numeric" value={draft.patternMin} error={errors['patternMin']}
        hint="Så mange klagepunkter med samme afdeling og regel i perioden tæller som et gentaget mønster." onChange={(v) => setDraft((d) => ({ ...d, patternMin: v }))} />
      <div className="button-row">
        <button type="submit" className="button">Gem indstillinger</button>
      </div>
      {failure !== null ? <p role="alert" className="alert alert--error">{failure}</p> : null}
      <p role="status" className="field-hint">{status ?? ''}</p>
    </form>
  );
}
