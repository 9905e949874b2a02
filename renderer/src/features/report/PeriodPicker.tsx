/**
 * The report's period: Kalenderår, Beretningsår fra <startmåned> (only when the municipality's
 * reporting year does not start in January) or Fra–til with two date fields (dd.mm.åååå).
 */
import { formatDanishDate, type IsoDate } from '../../../../shared/domain/dates';
import { periodLabel, reportingYear } from '../../../../shared/report/period';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/Field';
import { MONTHS, periodOfChoice, type PeriodChoice, type PeriodKind } from './report-period';

const YEARS_BACK = 10;

export function PeriodPicker({ id, choice, onChange, startMonth, today }: Readonly<{
  id: string;
  choice: PeriodChoice;
  onChange: (c: PeriodChoice) => void;
  startMonth: number;
  today: IsoDate;
}>) {
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i);
  const kinds: Array<[PeriodKind, string]> = [
    ['year', 'Kalenderår'],
    ...(startMonth === 1 ? [] : [['reporting', `Beretningsår fra ${MONTHS[startMonth - 1] ?? ''}`] as [PeriodKind, string]]),
    ['custom', 'Fra–til'],
  ];
  const kind = choice.kind === 'reporting' && startMonth === 1 ? 'year' : choice.kind;
  const result = periodOfChoice({ ...choice, kind }, startMonth);
  const errors = result.errors;
  return (
    <div className="period-picker">
      <fieldset className="radio-group radio-group--inline">
        <legend className="field-label">Periode</legend>
        {kinds.map(([k, label]) => (
          <div className="radio" key={k}>
            <input id={`${id}-kind-${k}`} type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => onChange({ ...choice, kind: k })} />
            <label htmlFor={`${id}-kind-${k}`}>{label}</label>
          </div>
        ))}
      </fieldset>
      {kind === 'year' ? (
        <SelectField id={`${id}-year`} label="År" width="s" value={String(choice.year)} onChange={(v) => onChange({ ...choice, year: Number(v) })}
          options={years.map((y) => ({ value: String(y), label: String(y) }))} />
      ) : null}
      {kind === 'reporting' ? (
        <SelectField id={`${id}-reporting`} label="Beretningsår" width="s" value={String(choice.year)} onChange={(v) => onChange({ ...choice, year: Number(v) })}
          options={years.map((y) => ({ value: String(y), label: periodLabel(reportingYear(y, startMonth)) }))} />
      ) : null}
      {kind === 'custom' ? (
        <div className="period-range">
          <DateField id={`${id}-from`} label="Fra" value={choice.fromText} today={today} error={errors?.from} onChange={(t) => onChange({ ...choice, fromText: t })} />
          <DateField id={`${id}-to`} label="Til" value={choice.toText} today={today} error={errors?.to} onChange={(t) => onChange({ ...choice, toText: t })} />
        </div>
      ) : null}
      {errors?.period ? <p className="field-error" role="alert">{errors.period}</p> : null}
      {result.period !== null ? <p className="field-hint" aria-live="polite">Perioden er {periodLabel(result.period)} ({formatDanishDate(result.period.from as IsoDate)}–{formatDanishDate(result.period.to as IsoDate)}).</p> : null}
    </div>
  );
}

