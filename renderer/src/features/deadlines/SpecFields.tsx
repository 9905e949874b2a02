/** How a deadline is counted: "N enhed", the calendar profile and roll-forward. */
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import type { CalendarProfile } from '../../../../shared/deadlines/types';
import type { DeadlineUnitCode } from '../../../../shared/domain/rule';
import { profileOptions, unitOptions } from './deadline-text';
import type { SpecDraft } from './spec-draft';

export function SpecFields({ idPrefix, value, onChange, error, amountLabel = 'Antal' }: Readonly<{
  idPrefix: string;
  value: SpecDraft;
  onChange: (d: SpecDraft) => void;
  error?: string | undefined;
  amountLabel?: string;
}>) {
  return (
    <div className="form-grid">
      <TextField id={`${idPrefix}-amount`} label={amountLabel} width="xs" inputMode="numeric" maxLength={5} value={value.amountText} error={error}
        onChange={(v) => onChange({ ...value, amountText: v })} />
      <SelectField id={`${idPrefix}-unit`} label="Enhed" width="s" value={value.unit} options={unitOptions}
        onChange={(v) => onChange({ ...value, unit: v as DeadlineUnitCode })} />
      <SelectField id={`${idPrefix}-profile`} label="Kalender" width="l" value={value.profile} options={profileOptions}
        onChange={(v) => onChange({ ...value, profile: v as CalendarProfile })} />
      <div className="field field--checkbox">
        <CheckboxField id={`${idPrefix}-roll`} label="Flyt til næste arbejdsdag, hvis fristen falder på en fridag" checked={value.rollForward}
          onChange={(on) => onChange({ ...value, rollForward: on })} />
      </div>
    </div>
  );
}
