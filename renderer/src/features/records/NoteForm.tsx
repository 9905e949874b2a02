/** Write or correct a journal note: kind, date, optional time and the text (with the counter near the limit). */
import type { IsoDate } from '../../../../shared/domain/dates';
import { RECORD_LIMITS, type JournalNoteInput } from '../../../../shared/domain/records';
import { JournalKind, type JournalKindCode } from '../../../../shared/domain/vocab';
import { DateField } from '../../components/DateField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextAreaField, TextField, type Option } from '../../components/Field';
import { useDraftForm } from './use-draft-form';
import { toNoteInput, type NoteDraft } from './record-drafts';

const kindOptions: Option[] = JournalKind.entries.map((e) => ({ value: e.code, label: e.label }));

export function NoteForm({ idPrefix, title, caseId, initial, today, onSave, onCancel }: Readonly<{
  idPrefix: string;
  title: string;
  caseId: number;
  initial: NoteDraft;
  today: IsoDate;
  onSave: (input: JournalNoteInput) => Promise<void>;
  onCancel: () => void;
}>) {
  const { draft, set, submit, errors, message, saving, summaryRef } = useDraftForm(initial, {
    check: (d: NoteDraft) => toNoteInput(d, caseId, today),
    save: onSave,
    notSaved: 'Notatet er ikke gemt. Ret de markerede felter.',
  });
  const domId = (path: string) => `${idPrefix}-${path}`;
  return (
    <form className="record-form" onSubmit={submit} noValidate aria-label={title}>
      <ErrorSummary ref={summaryRef} message={message} errors={errors} focusTargetFor={domId} />
      <div className="form-grid">
        <SelectField id={domId('kind')} label="Art" width="s" value={draft.kind} options={kindOptions} error={errors['kind']}
          onChange={(v) => set('kind', v as JournalKindCode)} />
        <DateField id={domId('notedOn')} label="Dato" value={draft.dateText} today={today} error={errors['notedOn']} required
          onChange={(t) => set('dateText', t)} />
        <TextField id={domId('notedAt')} label="Klokkeslæt" hint="tt.mm, kan udelades" width="xs" value={draft.timeText} error={errors['notedAt']}
          inputMode="numeric" maxLength={5} onChange={(v) => set('timeText', v)} />
      </div>
      <TextAreaField id={domId('text')} label="Tekst" value={draft.text} error={errors['text']} rows={5} limit={RECORD_LIMITS.noteText} required
        onChange={(v) => set('text', v)} />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={saving || undefined}>Gem notat</button>
        <button type="button" className="button button--secondary" onClick={onCancel}>Annullér</button>
      </div>
    </form>
  );
}
