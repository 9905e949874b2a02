/**
 * Attach (or edit) a statutory deadline on a klagepunkt: the rule, when it started, when it was met.
 * Besides the rules with a computable deadline, the municipality's svarpolitik (from the settings)
 * is offered as a basis: a local target, not law, and named so.
 */
import { useState, type FormEvent } from 'react';
import type { Point } from '../../../../shared/domain/case';
import { formatDanishDate, type IsoDate } from '../../../../shared/domain/dates';
import { PointDeadlineBasis, type AnswerPolicy, type PointDeadline, type PointDeadlineInput } from '../../../../shared/domain/deadline-tracking';
import { formatSpec } from '../../../../shared/deadlines/text';
import { verificationMark, type Rule } from '../../../../shared/domain/rule';
import { ApiError, notSavedMessage } from '../../api/client';
import { DATE_FORMAT_MESSAGE, DateField, dateFieldError, parseDateField } from '../../components/DateField';
import { SelectField, TextAreaField, type Option } from '../../components/Field';
import { useAppData } from '../../app/AppDataProvider';
import { pointLabel } from '../cases/point-label';
import { ruleHeading } from '../rules/rule-text';
import { deadlineShortOf } from './point-deadline-text';

/** The select's value for the svarpolitik: never a rule id (those have no '#'). */
const SVARPOLITIK = '#svarpolitik';

export function PointDeadlineForm({ idPrefix, title, points, rules, answerPolicy = null, initial, today, onSave, onCancel }: Readonly<{
  idPrefix: string;
  title: string;
  points: ReadonlyArray<Point>;
  /** Rules with a computable deadline. */
  rules: ReadonlyArray<Rule>;
  /** The municipality's svarpolitik, offered as a basis when it has one. */
  answerPolicy?: AnswerPolicy | null;
  initial: PointDeadline | null;
  today: IsoDate;
  onSave: (input: PointDeadlineInput) => Promise<void>;
  onCancel: () => void;
}>) {
  const { settings } = useAppData();
  const [pointId, setPointId] = useState(String(initial?.pointId ?? points[0]?.id ?? ''));
  const [ruleId, setRuleId] = useState(initial?.basis === 'svarpolitik' ? SVARPOLITIK : (initial?.ruleId ?? ''));
  const [startText, setStartText] = useState(formatDanishDate(initial?.startOn ?? null));
  const [metText, setMetText] = useState(formatDanishDate(initial?.metOn ?? null));
  const [note, setNote] = useState(initial?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const id = (k: string) => `${idPrefix}-${k}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    const start = parseDateField(startText);
    const met = parseDateField(metText);
    if (pointId === '') found['pointId'] = 'Vælg klagepunktet.';
    if (ruleId === '') found['ruleId'] = 'Vælg den regel, fristen følger af.';
    if (start === null) found['startOn'] = 'Skriv den dato, fristen begyndte at løbe.';
    else if (start === 'invalid') found['startOn'] = dateFieldError(startText) ?? DATE_FORMAT_MESSAGE;
    if (met === 'invalid') found['metOn'] = dateFieldError(metText) ?? DATE_FORMAT_MESSAGE;
    if (Object.keys(found).length > 0 || start === null || start === 'invalid' || met === 'invalid') {
      setErrors(found);
      setFailure('Fristen er ikke gemt. Ret de markerede felter.');
      return;
    }
    try {
      const basis = ruleId === SVARPOLITIK ? 'svarpolitik' : 'regel';
      await onSave({ pointId: Number(pointId), basis, ruleId: basis === 'svarpolitik' ? null : ruleId, startOn: start, metOn: met, note: note.trim() });
    } catch (err) {
      setErrors(err instanceof ApiError ? { ...err.fields } : {});
      setFailure(notSavedMessage(err, 'Fristen er ikke gemt. Ret de markerede felter.'));
    }
  }

  const pointOptions: Option[] = points.map((p) => ({ value: String(p.id), label: pointLabel(p, settings) }));
  const policyOption: Option[] =
    answerPolicy !== null
      ? [{ value: SVARPOLITIK, label: `${PointDeadlineBasis.label('svarpolitik')} (${formatSpec(answerPolicy)})` }]
      : initial?.basis === 'svarpolitik'
        ? [{ value: SVARPOLITIK, label: PointDeadlineBasis.label('svarpolitik') }]
        : [];
  const ruleOptions: Option[] = [
    { value: '', label: 'Vælg regel' },
    // An option is text only, so the "ikke fuldt verificeret" mark is written into it.
    ...rules.map((r) => {
      const mark = verificationMark(r.verification);
      return { value: r.id, label: `${ruleHeading(r)} (${deadlineShortOf(r)})${mark === null ? '' : ` – ${mark}`}` };
    }),
    ...policyOption,
  ];
  return (
    <form className="recommendation-form" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
      {failure ? <p role="alert" className="alert alert--error">{failure}</p> : null}
      <div className="form-grid">
        <SelectField id={id('pointId')} label="Klagepunkt" width="s" value={pointId} options={pointOptions} error={errors['pointId']} onChange={setPointId} />
        <SelectField id={id('ruleId')} label="Lovbestemt frist" value={ruleId} options={ruleOptions} error={errors['ruleId']} required onChange={setRuleId} />
      </div>
      <div className="form-grid">
        <DateField id={id('startOn')} label="Fristen løber fra" value={startText} today={today} required error={errors['startOn']} onChange={setStartText} />
        <DateField id={id('metOn')} label="Overholdt den" value={metText} today={today} error={errors['metOn']}
          hint="dd.mm.åååå – når kommunen handlede" onChange={setMetText} />
      </div>
      <TextAreaField id={id('note')} label="Note" value={note} rows={2} maxLength={5000} onChange={setNote} />
      <div className="button-row">
        <button type="submit" className="button button--small">Gem frist</button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>Annullér</button>
      </div>
    </form>
  );
}
