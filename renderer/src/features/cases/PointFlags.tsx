/**
 * How the forvaltning responded on a klagepunkt: did it agree it erred, has it apologised, has the
 * matter been put right. Annual reports count these per klagepunkt alongside the outcome.
 */
import { CheckboxField, SelectField, type Option } from '../../components/Field';
import type { PointDraft } from './case-draft';

const agreedOptions: Option[] = [{ value: '', label: 'Ukendt' }, { value: 'ja', label: 'Ja' }, { value: 'nej', label: 'Nej' }];

export function PointFlags({ index, point, onChange }: Readonly<{
  index: number;
  point: PointDraft;
  onChange: (p: PointDraft) => void;
}>) {
  const prefix = `f-points-${index}`;
  const agreed = point.forvaltningAgreed === null ? '' : point.forvaltningAgreed ? 'ja' : 'nej';
  return (
    <fieldset className="subgroup">
      <legend>Forvaltningens reaktion</legend>
      <SelectField id={`${prefix}-forvaltningAgreed`} label="Forvaltningen erkendte fejl" width="s" value={agreed} options={agreedOptions}
        onChange={(v) => onChange({ ...point, forvaltningAgreed: v === '' ? null : v === 'ja' })} />
      <CheckboxField id={`${prefix}-apologised`} label="Forvaltningen har beklaget" checked={point.apologised}
        onChange={(apologised) => onChange({ ...point, apologised })} />
      <CheckboxField id={`${prefix}-putRight`} label="Forholdet er rettet op" checked={point.putRight}
        onChange={(putRight) => onChange({ ...point, putRight })} />
    </fieldset>
  );
}
