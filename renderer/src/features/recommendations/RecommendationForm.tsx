/**
 * Add or edit a henstilling on the case page. Choosing the klagepunkt it arises from fills in that
 * klagepunkt's forvaltning (the usual case); the adviser can still choose another.
 */
import { useState, type FormEvent } from 'react';
import type { Point } from '../../../../shared/domain/case';
import type { IsoDate } from '../../../../shared/domain/dates';
import { RecommendationStatus, type RecommendationInput, type RecommendationStatusCode } from '../../../../shared/domain/recommendation';
import type { Settings } from '../../../../shared/domain/settings';
import { DateField } from '../../components/DateField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useValidatedSubmit } from '../../components/use-validated-submit';
import { SelectField, TextAreaField, type Option } from '../../components/Field';
import { toRecommendationInput, type RecommendationDraft } from './recommendation-draft';
import { pointLabel } from '../cases/point-label';

const statusOptions: Option[] = RecommendationStatus.entries.map((e) => ({ value: e.code, label: e.label }));

export function RecommendationForm({ idPrefix, title, caseId, initial, points, settings, today, onSave, onCancel }: Readonly<{
  idPrefix: string;
  title: string;
  caseId: number;
  initial: RecommendationDraft;
  points: ReadonlyArray<Point>;
  settings: Settings;
  today: IsoDate;
  onSave: (input: RecommendationInput) => Promise<void>;
  onCancel: () => void;
}>) {
  const [draft, setDraft] = useState(initial);
  const { errors, message, saving, summaryRef, revalidate, submit: submitDraft } = useValidatedSubmit({
    check: (d: RecommendationDraft) => toRecommendationInput(d, caseId, today),
    save: onSave,
    notSaved: 'Henstillingen er ikke gemt. Ret de markerede felter.',
  });
  const domId = (path: string) => `${idPrefix}-${path}`;

  function update(next: RecommendationDraft) {
    setDraft(next);
    revalidate(next);
  }
  const set = <K extends keyof RecommendationDraft>(key: K, value: RecommendationDraft[K]) => update({ ...draft, [key]: value });

  function submit(e: FormEvent) {
    e.preventDefault();
    void submitDraft(draft);
  }

  const pointOptions: Option[] = [{ value: '', label: 'Hele henvendelsen' }, ...points.map((p) => ({ value: String(p.id), label: pointLabel(p, settings) }))];
  const forvaltningOptions: Option[] = [
    { value: '', label: 'Vælg forvaltning' },
    ...settings.forvaltninger.filter((f) => !f.retired || f.id === draft.forvaltningId).map((f) => ({ value: String(f.id), label: f.retired ? `${f.name} (udgået)` : f.name })),
  ];

  return (
    <form className="recommendation-form" onSubmit={submit} noValidate aria-label={title}>
      <ErrorSummary ref={summaryRef} message={message} errors={errors} focusTargetFor={domId} />
      <TextAreaField id={domId('text')} label="Henstilling" value={draft.text} error={errors['text']} rows={3} maxLength={20000} required
        onChange={(v) => set('text', v)} />
      <div className="form-grid">
        <SelectField id={domId('pointId')} label="Klagepunkt" width="s" value={draft.pointId === null ? '' : String(draft.pointId)} options={pointOptions}
          error={errors['pointId']}
          onChange={(v) => {
            const pointId = v === '' ? null : Number(v);
            const point = points.find((p) => p.id === pointId);
            update({ ...draft, pointId, forvaltningId: point?.forvaltningId ?? draft.forvaltningId });
          }} />
        <SelectField id={domId('forvaltningId')} label="Forvaltning" width="m" value={draft.forvaltningId === null ? '' : String(draft.forvaltningId)}
          options={forvaltningOptions} error={errors['forvaltningId']} required onChange={(v) => set('forvaltningId', v === '' ? null : Number(v))} />
        <DateField id={domId('givenOn')} label="Givet den" value={draft.givenOnText} today={today} error={errors['givenOn']} required
          onChange={(t) => set('givenOnText', t)} />
        <DateField id={domId('followUpOn')} label="Opfølgningsdato" value={draft.followUpOnText} today={today} error={errors['followUpOn']}
          onChange={(t) => set('followUpOnText', t)} />
      </div>
      <div className="form-grid">
        <SelectField id={domId('status')} label="Status" width="s" value={draft.status} options={statusOptions} error={errors['status']}
          onChange={(v) => {
            const status = v as RecommendationStatusCode;
            // An answer date belongs only to an answered henstilling; clear it when going back to Afventer.
            update({ ...draft, status, statusOnText: status === 'afventer' ? '' : draft.statusOnText });
          }} />
        <DateField id={domId('statusOn')} label="Svardato" value={draft.statusOnText} today={today} error={errors['statusOn']}
          hint="dd.mm.åååå – når forvaltningen har svaret" onChange={(t) => set('statusOnText', t)} />
      </div>
      <TextAreaField id={domId('answer')} label="Forvaltningens svar" value={draft.answer} error={errors['answer']} rows={2} maxLength={20000}
        onChange={(v) => set('answer', v)} />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={saving || undefined}>Gem henstilling</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>Annullér</button>
      </div>
    </form>
  );
}
