/**
 * Registrér anmodning: to which forvaltning (default the first klagepunkt's), which klagepunkter it
 * concerns (default those of the chosen forvaltning), what was asked for,
 * when it was sent, and the deadline – the default from Kalender og frister, a count of its own, or
 * a fixed date.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Point } from '../../../../shared/domain/case';
import type { IsoDate } from '../../../../shared/domain/dates';
import { formatDanishDate } from '../../../../shared/domain/dates';
import { RequestKind, type DeadlineSettings, type RequestInput } from '../../../../shared/domain/deadline-tracking';
import type { Settings } from '../../../../shared/domain/settings';
import { ApiError, notSavedMessage } from '../../api/client';
import { DATE_FORMAT_MESSAGE, DateField, parseDateField } from '../../components/DateField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, SelectField, TextAreaField, type Option } from '../../components/Field';
import { pointLabel } from '../cases/point-label';
import { specShort } from './deadline-text';
import { specDraft, toSpec, type SpecDraft } from './spec-draft';
import { SpecFields } from './SpecFields';

const kindOptions: Option[] = RequestKind.entries.map((e) => ({ value: e.code, label: e.label }));
const FALLBACK_SPEC = { amount: 10, unit: 'arbejdsdage', profile: 'standard', rollForward: true } as const;

export function RequestForm({ caseId, points, settings, deadlineSettings, today, onSave, onCancel }: Readonly<{
  caseId: number;
  points: ReadonlyArray<Point>;
  settings: Settings;
  deadlineSettings: DeadlineSettings | null;
  today: IsoDate;
  onSave: (input: RequestInput) => Promise<void>;
  onCancel: () => void;
}>) {
  const [forvaltningId, setForvaltningId] = useState<number | null>(points[0]?.forvaltningId ?? null);
  const ofForvaltning = (f: number | null): number[] => points.filter((p) => p.forvaltningId !== null && p.forvaltningId === f).map((p) => p.id);
  const [pointIds, setPointIds] = useState<number[]>(() => ofForvaltning(points[0]?.forvaltningId ?? null));
  function chooseForvaltning(f: number | null) {
    setForvaltningId(f);
    // Another forvaltning is asked about its own klagepunkter; the adviser can still add or remove.
    setPointIds(ofForvaltning(f));
  }
  const [kind, setKind] = useState<RequestInput['kind']>('redegoerelse');
  const [sentText, setSentText] = useState(formatDanishDate(today));
  const [mode, setMode] = useState<'default' | 'custom' | 'date'>('default');
  const [dueText, setDueText] = useState('');
  const [spec, setSpec] = useState<SpecDraft>(specDraft(deadlineSettings?.requestDefault ?? FALLBACK_SPEC));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  // The summary takes focus in the render that shows it, never later while the adviser types.
  const [failures, setFailures] = useState(0);
  useEffect(() => { if (failures > 0) summaryRef.current?.focus(); }, [failures]);
  const domId = (path: string) => `req-new-${path}`;

  function fail(found: Record<string, string>, text: string) {
    setErrors(found);
    setMessage(text);
    setFailures((n) => n + 1);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const found: Record<string, string> = {};
    const sent = parseDateField(sentText);
    if (sent === null) found['sentOn'] = 'Skriv den dato, anmodningen blev sendt.';
    else if (sent === 'invalid') found['sentOn'] = DATE_FORMAT_MESSAGE;
    if (forvaltningId === null) found['forvaltningId'] = 'Vælg den forvaltning, anmodningen er sendt til.';
    const converted = mode === 'custom' ? toSpec(spec) : { spec: null, error: undefined };
    if (converted.error) found['spec-amount'] = converted.error;
    const due = mode === 'date' ? parseDateField(dueText) : null;
    if (mode === 'date' && due === null) found['explicitDue'] = 'Skriv svarfristens dato.';
    else if (due === 'invalid') found['explicitDue'] = DATE_FORMAT_MESSAGE;
    else if (due !== null && sent !== null && sent !== 'invalid' && due < sent) found['explicitDue'] = 'Svarfristen kan ikke ligge før anmodningen blev sendt.';
    if (Object.keys(found).length > 0 || sent === null || sent === 'invalid' || forvaltningId === null || due === 'invalid') {
      fail(found, 'Anmodningen er ikke gemt. Ret de markerede felter.');
      return;
    }
    setSaving(true);
    try {
      await onSave({ caseId, forvaltningId, kind, sentOn: sent, spec: converted.spec, explicitDue: due, pointIds, note: note.trim() });
    } catch (err) {
      fail(err instanceof ApiError ? { ...err.fields } : {}, notSavedMessage(err, 'Anmodningen er ikke gemt. Ret de markerede felter.'));
      setSaving(false);
    }
  }

  const forvaltningOptions: Option[] = [
    { value: '', label: 'Vælg forvaltning' },
    ...settings.forvaltninger.filter((f) => !f.retired || f.id === forvaltningId).map((f) => ({ value: String(f.id), label: f.name })),
  ];
  const defaultText = deadlineSettings ? `Standardfrist (${specShort(deadlineSettings.requestDefault)})` : 'Standardfrist';

  return (
    <form className="recommendation-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Ny anmodning">
      <ErrorSummary ref={summaryRef} message={message} errors={errors} focusTargetFor={domId} />
      <div className="form-grid">
        <SelectField id={domId('forvaltningId')} label="Forvaltning" width="m" required value={forvaltningId === null ? '' : String(forvaltningId)}
          options={forvaltningOptions} error={errors['forvaltningId']} onChange={(v) => chooseForvaltning(v === '' ? null : Number(v))} />
        <SelectField id={domId('kind')} label="Anmodning om" width="s" value={kind} options={kindOptions}
          onChange={(v) => setKind(v as RequestInput['kind'])} />
        <DateField id={domId('sentOn')} label="Sendt den" value={sentText} today={today} required error={errors['sentOn']} onChange={setSentText} />
      </div>
      {points.length > 0 ? (
        <fieldset className="radio-group" id={domId('pointIds')} tabIndex={-1}>
          <legend className="field-label">Angår klagepunkterne</legend>
          {errors['pointIds'] ? <p className="field-error">{errors['pointIds']}</p> : null}
          {points.map((p) => (
            <CheckboxField key={p.id} id={domId(`point-${p.id}`)} label={pointLabel(p, settings)} checked={pointIds.includes(p.id)}
              onChange={(on) => setPointIds((ids) => (on ? [...ids, p.id] : ids.filter((x) => x !== p.id)))} />
          ))}
        </fieldset>
      ) : null}
      <fieldset className="radio-group">
        <legend className="field-label">Svarfrist</legend>
        <div className="radio">
          <input id={domId('default')} type="radio" name="req-new-spec" checked={mode === 'default'} onChange={() => setMode('default')} />
          <label htmlFor={domId('default')}>{defaultText}</label>
        </div>
        <div className="radio">
          <input id={domId('custom')} type="radio" name="req-new-spec" checked={mode === 'custom'} onChange={() => setMode('custom')} />
          <label htmlFor={domId('custom')}>Anden frist</label>
        </div>
        <div className="radio">
          <input id={domId('date')} type="radio" name="req-new-spec" checked={mode === 'date'} onChange={() => setMode('date')} />
          <label htmlFor={domId('date')}>Fast dato</label>
        </div>
        {mode === 'custom' ? <SpecFields idPrefix={domId('spec')} value={spec} onChange={setSpec} error={errors['spec-amount']} amountLabel="Antal" /> : null}
        {mode === 'date' ? (
          <DateField id={domId('explicitDue')} label="Svarfrist den" value={dueText} today={today} required error={errors['explicitDue']} onChange={setDueText} />
        ) : null}
      </fieldset>
      <TextAreaField id={domId('note')} label="Note" value={note} rows={2} maxLength={5000} onChange={setNote} />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={saving || undefined}>Gem anmodning</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>Annullér</button>
      </div>
    </form>
  );
}
