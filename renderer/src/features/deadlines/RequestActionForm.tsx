/**
 * The actions on an open request, one small form at a time: send the next rykker, extend the
 * deadline (to a new date, or by N units; a reason is required), pause it (from–to, reason),
 * register the answer (when, a summary of the statement, per klagepunkt of the request's forvaltning
 * whether it agrees an error was made, and the statement itself as a file, stored as an akt in the
 * same transaction), or close it without an answer.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { TEXT_LIMITS, tooLongMessage, type Point } from '../../../../shared/domain/case';
import { formatDanishDate, type IsoDate } from '../../../../shared/domain/dates';
import type { AgreedCode, RequestView } from '../../../../shared/domain/deadline-tracking';
import type { Settings } from '../../../../shared/domain/settings';
import type { DeadlineUnitCode } from '../../../../shared/domain/rule';
import { ApiError, notSavedMessage, send } from '../../api/client';
import { DATE_FORMAT_MESSAGE, DateField, parseDateField } from '../../components/DateField';
import { FileField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { pointLabel } from '../cases/point-label';
import { fileProblem, readFileAsBase64 } from '../records/record-files';
import { parseWholeNumber, unitOptions } from './deadline-text';
import { reminderLetter } from './reminder-letter';

export type RequestAction = 'remind' | 'extend' | 'pause' | 'answer' | 'close';

export const ACTION_TITLES: Readonly<Record<RequestAction, string>> = {
  remind: 'Send rykker',
  extend: 'Forlæng frist',
  pause: 'Sæt på pause',
  answer: 'Registrér svar',
  close: 'Luk uden svar',
};

type Values = {
  on: string; to: string; reason: string; mode: 'date' | 'add'; newDue: string; amount: string; unit: DeadlineUnitCode;
  summary: string;
  /** Point id → the forvaltning's agreement, for the klagepunkter of the request's forvaltning. */
  agreed: Record<number, AgreedCode>;
  /** The forvaltning's statement, chosen with the answer; null: none. */
  statement: File | null;
};

const agreedOptions: ReadonlyArray<{ value: AgreedCode; label: string }> = [
  { value: 'ukendt', label: 'Ukendt' }, { value: 'ja', label: 'Ja' }, { value: 'nej', label: 'Nej' },
];

const agreedOf = (p: Pick<Point, 'forvaltningAgreed'>): AgreedCode => (p.forvaltningAgreed === null ? 'ukendt' : p.forvaltningAgreed ? 'ja' : 'nej');

function requiredDate(text: string, missing: string, errors: Record<string, string>, key: string): IsoDate | null {
  const d = parseDateField(text);
  if (d === null) errors[key] = missing;
  else if (d === 'invalid') errors[key] = DATE_FORMAT_MESSAGE;
  return d === null || d === 'invalid' ? null : d;
}

/** Validate and send; returns the field errors, or the updated request. */
async function perform(action: RequestAction, r: RequestView, v: Values): Promise<{ errors: Record<string, string> } | { updated: RequestView }> {
  const errors: Record<string, string> = {};
  const on = requiredDate(v.on, 'Skriv datoen.', errors, 'on');
  const reason = v.reason.trim();
  if ((action === 'extend' || action === 'pause') && reason === '') errors['reason'] = 'Skriv begrundelsen.';
  if (action === 'remind' && on) return { updated: await send('requests:remind', { id: r.id, on, note: reason }) };
  if (action === 'answer') {
    const tooLong = tooLongMessage(v.summary, TEXT_LIMITS.answerSummary);
    if (tooLong !== null) errors['summary'] = tooLong;
    const problem = v.statement === null ? null : fileProblem(v.statement);
    if (problem !== null) errors['document'] = problem;
    if (on && Object.keys(errors).length === 0) {
      const agreed = Object.entries(v.agreed).map(([pointId, a]) => ({ pointId: Number(pointId), agreed: a }));
      const document = v.statement === null ? undefined : { fileName: v.statement.name, contentBase64: await readFileAsBase64(v.statement) };
      return { updated: await send('requests:answer', { id: r.id, answer: { answeredOn: on, summary: v.summary, agreed, ...(document ? { document } : {}) } }) };
    }
  }
  if (action === 'close' && on) return { updated: await send('requests:close', { id: r.id, closedOn: on, reason }) };
  if (action === 'pause') {
    const to = requiredDate(v.to, 'Skriv den sidste dag i pausen.', errors, 'to');
    if (on && to && Object.keys(errors).length === 0) return { updated: await send('requests:pause', { id: r.id, from: on, to, reason }) };
  }
  if (action === 'extend') {
    let newDue: IsoDate | null = null;
    let add: { amount: number; unit: DeadlineUnitCode } | null = null;
    if (v.mode === 'date') newDue = requiredDate(v.newDue, 'Skriv den nye frist.', errors, 'newDue');
    else {
      const amount = parseWholeNumber(v.amount);
      if (amount === null || amount === 0) errors['amount'] = 'Skriv et helt tal større end 0.';
      else add = { amount, unit: v.unit };
    }
    if (on && Object.keys(errors).length === 0) {
      return { updated: await send('requests:extend', { id: r.id, extension: { granted: on, newDue, add, reason } }) };
    }
  }
  return { errors };
}

/** The summary's heading when fields must be corrected, as every form words it. */
const NOT_SAVED = 'Handlingen er ikke gemt. Ret de markerede felter.';

export function RequestActionForm({ action, request, points, settings, today, onDone, onCancel }: Readonly<{
  action: RequestAction;
  request: RequestView;
  /** The case's klagepunkter; the answer asks about those the request concerns. */
  points: ReadonlyArray<Point>;
  settings: Pick<Settings, 'forvaltninger' | 'municipalityName'>;
  today: IsoDate;
  onDone: (updated: RequestView) => void;
  onCancel: () => void;
}>) {
  // The klagepunkter the request names; one naming none (made before they could be named) concerns its forvaltning's.
  const concerned = points.filter((p) => (request.pointIds.length > 0 ? request.pointIds.includes(p.id) : p.forvaltningId === request.forvaltningId));
  const [v, setV] = useState<Values>(() => ({
    on: formatDanishDate(today), to: '', reason: '', mode: 'date', newDue: '', amount: '', unit: request.spec.unit, summary: '', statement: null,
    // Starts from what the klagepunkt already says, so registering an answer never clears it unasked.
    agreed: Object.fromEntries(concerned.map((p) => [p.id, agreedOf(p)])),
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  // Bumped after a failed submit: the alert takes focus right after that render, not a frame later
  // (a delayed focus would steal keystrokes the adviser has already started typing).
  const [failures, setFailures] = useState(0);
  useEffect(() => { if (failures > 0) alertRef.current?.focus(); }, [failures]);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));
  const id = (k: string) => `req-${request.id}-${action}-${k}`;
  const title = action === 'remind' ? `Send rykker ${request.nextReminderLevel}` : ACTION_TITLES[action];
  const letter = action === 'remind' ? reminderLetter(request, request.nextReminderLevel, settings.municipalityName) : '';
  const letterRef = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  async function copyLetter() {
    try {
      await navigator.clipboard.writeText(letter);
      setCopied('Teksten er kopieret.');
    } catch {
      // Without clipboard access the text is selected, so Ctrl+C copies it.
      letterRef.current?.select();
      setCopied('Teksten er markeret. Kopiér den med Ctrl+C.');
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await perform(action, request, v);
      if ('updated' in result) { onDone(result.updated); return; }
      setErrors(result.errors);
      setFailure(NOT_SAVED);
    } catch (err) {
      setErrors(err instanceof ApiError ? { ...err.fields } : {});
      setFailure(notSavedMessage(err, NOT_SAVED));
    }
    setBusy(false);
    setFailures((n) => n + 1);
  }

  const dateLabel = { remind: 'Rykker sendt den', extend: 'Forlænget den', pause: 'Pause fra og med', answer: 'Svar modtaget den', close: 'Lukket den' }[action];
  return (
    <form className="action-form" onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
      {failure ? <div ref={alertRef} tabIndex={-1} role="alert" className="alert alert--error">{failure}</div> : null}
      <div className="form-grid">
        <DateField id={id('on')} label={dateLabel} value={v.on} today={today} required error={errors['on']} onChange={(t) => set('on', t)} />
        {action === 'pause' ? <DateField id={id('to')} label="Pause til og med" value={v.to} today={today} required error={errors['to']} onChange={(t) => set('to', t)} /> : null}
      </div>
      {action === 'extend' ? (
        <fieldset className="radio-group">
          <legend className="field-label">Ny frist</legend>
          <div className="radio">
            <input id={id('mode-date')} type="radio" name={id('mode')} checked={v.mode === 'date'} onChange={() => set('mode', 'date')} />
            <label htmlFor={id('mode-date')}>Ny dato</label>
          </div>
          <div className="radio">
            <input id={id('mode-add')} type="radio" name={id('mode')} checked={v.mode === 'add'} onChange={() => set('mode', 'add')} />
            <label htmlFor={id('mode-add')}>Forlæng med</label>
          </div>
          {v.mode === 'date' ? (
            <DateField id={id('newDue')} label="Ny frist" value={v.newDue} today={today} required error={errors['newDue'] ?? errors['extension.newDue']} onChange={(t) => set('newDue', t)} />
          ) : (
            <div className="form-grid">
              <TextField id={id('amount')} label="Antal" width="xs" inputMode="numeric" maxLength={5} value={v.amount} error={errors['amount'] ?? errors['extension.add']} onChange={(t) => set('amount', t)} />
              <SelectField id={id('unit')} label="Enhed" width="s" value={v.unit} options={unitOptions} onChange={(u) => set('unit', u as DeadlineUnitCode)} />
            </div>
          )}
        </fieldset>
      ) : null}
      {action === 'remind' ? (
        <div className="reminder-letter">
          <label className="field-label" htmlFor={id('letter')}>Rykkerbrev</label>
          <textarea ref={letterRef} id={id('letter')} className="textarea" readOnly rows={Math.min(16, letter.split('\n').length + 1)} value={letter} />
          <div className="button-row">
            <button type="button" className="button button--secondary button--small" onClick={() => void copyLetter()}>Kopiér tekst</button>
            <span role="status" className="muted">{copied ?? ''}</span>
          </div>
        </div>
      ) : null}
      {action === 'answer' ? (
        <>
          <TextAreaField id={id('summary')} label="Resumé af forvaltningens svar" value={v.summary} rows={4} limit={TEXT_LIMITS.answerSummary}
            error={errors['summary']} onChange={(t) => set('summary', t)} />
          <FileField id={id('document')} label="Forvaltningens svar som fil" hint="Kan udelades. Gemmes som akt under Akter og journal (højst 50 MB)."
            error={errors['document'] ?? errors['answer.document.contentBase64']} onChange={(f) => set('statement', f)} />
          {concerned.length > 0 ? (
            <fieldset className="answer-agreed">
              <legend className="field-label">Erkender forvaltningen fejl?</legend>
              {concerned.map((p) => (
                <SelectField key={p.id} id={id(`agreed-${p.id}`)} label={pointLabel(p, settings)} width="s" value={v.agreed[p.id] ?? 'ukendt'}
                  options={agreedOptions} onChange={(a) => set('agreed', { ...v.agreed, [p.id]: a as AgreedCode })} />
              ))}
            </fieldset>
          ) : null}
        </>
      ) : null}
      {action !== 'answer' ? (
        <TextAreaField id={id('reason')} label={action === 'remind' ? 'Note' : 'Begrundelse'} value={v.reason} rows={2} maxLength={2000}
          required={action === 'extend' || action === 'pause'} error={errors['reason'] ?? errors['extension.reason']} onChange={(t) => set('reason', t)} />
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button--small" aria-disabled={busy || undefined}>{title}</button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>Annullér</button>
      </div>
    </form>
  );
}
