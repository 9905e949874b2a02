/**
 * The metadata of an akt: for a file about to be added (prefilled with what the file suggests) and
 * for an akt already stored (Ret). The file itself never changes; a wrong file is removed and added
 * again.
 */
import type { IsoDate } from '../../../../shared/domain/dates';
import { RECORD_LIMITS, type DocumentMeta } from '../../../../shared/domain/records';
import { DocumentDirection, type DocumentDirectionCode } from '../../../../shared/domain/vocab';
import { DateField } from '../../components/DateField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField, type Option } from '../../components/Field';
import { useDraftForm } from './use-draft-form';
import { toDocumentMeta, type DocumentDraft } from './record-drafts';

const directionOptions: Option[] = DocumentDirection.entries.map((e) => ({ value: e.code, label: e.label }));

export type RequestChoice = Readonly<{ id: number; label: string }>;

export function DocumentForm({ idPrefix, title, fileLine, initial, requests, today, saveLabel, onSave, onCancel }: Readonly<{
  idPrefix: string;
  /** The form's accessible name, e.g. "Ny akt: klage.pdf". */
  title: string;
  /** What file this is (name and size), shown above the fields. */
  fileLine: string;
  initial: DocumentDraft;
  /** The henvendelse's requests, for "Svar på anmodning". */
  requests: ReadonlyArray<RequestChoice>;
  today: IsoDate;
  saveLabel: string;
  onSave: (meta: DocumentMeta) => Promise<void>;
  onCancel: () => void;
}>) {
  const { draft, set, submit, errors, message, saving, summaryRef } = useDraftForm(initial, {
    check: (d: DocumentDraft) => toDocumentMeta(d, today),
    save: onSave,
    notSaved: 'Akten er ikke gemt. Ret de markerede felter.',
  });
  const domId = (path: string) => `${idPrefix}-${path === 'fileName' ? 'title' : path}`;
  const requestOptions: Option[] = [{ value: '', label: 'Ingen' }, ...requests.map((r) => ({ value: String(r.id), label: r.label }))];
  return (
    <form className="record-form" onSubmit={submit} noValidate aria-label={title}>
      <ErrorSummary ref={summaryRef} message={message} errors={errors} focusTargetFor={domId} />
      <p className="muted">{fileLine}</p>
      {errors['fileName'] ? <p className="field-error">{errors['fileName']}</p> : null}
      <TextField id={domId('title')} label="Titel" value={draft.title} error={errors['title']} required maxLength={RECORD_LIMITS.title} onChange={(v) => set('title', v)} />
      <div className="form-grid">
        <DateField id={domId('documentDate')} label="Aktens dato" value={draft.dateText} today={today} error={errors['documentDate']} required
          onChange={(t) => set('dateText', t)} />
        <SelectField id={domId('direction')} label="Retning" width="s" value={draft.direction} options={directionOptions} error={errors['direction']}
          onChange={(v) => set('direction', v as DocumentDirectionCode)} />
        <TextField id={domId('party')} label="Afsender/modtager" width="m" value={draft.party} error={errors['party']} maxLength={RECORD_LIMITS.party}
          onChange={(v) => set('party', v)} />
        {requests.length > 0 ? (
          <SelectField id={domId('requestId')} label="Svar på anmodning" width="m" value={draft.requestId === null ? '' : String(draft.requestId)}
            options={requestOptions} error={errors['requestId']} onChange={(v) => set('requestId', v === '' ? null : Number(v))} />
        ) : null}
      </div>
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={saving || undefined}>{saveLabel}</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>Annullér</button>
      </div>
    </form>
  );
}
