/**
 * One entry of Akter og journal, read-only: an akt (date, direction, title, sender/recipient, file,
 * who added it, whether its text could be read) or a journal note (kind, date and time, author,
 * text). Changing it is an explicit step: Ret, Slet; an akt also opens and saves.
 */
import { formatDanishDate, formatDanishDateTime } from '../../../../shared/domain/dates';
import { formatFileSize, UNREADABLE_TEXT_NOTE, type CaseDocument, type JournalNote } from '../../../../shared/domain/records';
import { DocumentDirection, JournalKind } from '../../../../shared/domain/vocab';

const small = 'button button--secondary button--small';

export function DocumentItem({ doc, requestLabel, onOpen, onSave, onEdit, onRemove }: Readonly<{
  doc: CaseDocument;
  requestLabel: string | null;
  onOpen: () => void;
  onSave: () => void;
  onEdit: () => void;
  onRemove: () => void;
}>) {
  const name = `akt «${doc.title}»`;
  return (
    <article className="record record--document" aria-labelledby={`doc-${doc.id}-title`}>
      <h3 id={`doc-${doc.id}-title`} className="record-title">
        <span className="record-date">{formatDanishDate(doc.documentDate)}</span> · Akt · {DocumentDirection.label(doc.direction)} · {doc.title}
      </h3>
      <p className="muted">
        {doc.party !== '' ? <>{doc.direction === 'ud' ? 'Til' : 'Fra'} {doc.party} · </> : null}
        {doc.fileName} ({formatFileSize(doc.size)}) · tilføjet af {doc.addedBy} {formatDanishDateTime(doc.addedAt)}
        {requestLabel ? <> · svar på {requestLabel}</> : null}
      </p>
      {doc.textStatus === 'ulaeselig' ? <p className="field-hint">{UNREADABLE_TEXT_NOTE}.</p> : null}
      <div className="entry-actions">
        <button type="button" className={small} onClick={onOpen} aria-label={`Åbn ${name}`}>Åbn</button>
        <button type="button" className={small} onClick={onSave} aria-label={`Gem som … – ${name}`}>Gem som …</button>
        <button type="button" className={small} onClick={onEdit} aria-label={`Ret ${name}`}>Ret</button>
        <button type="button" className={small} onClick={onRemove} aria-label={`Slet ${name}`}>Slet</button>
      </div>
    </article>
  );
}

export function NoteItem({ note, onEdit, onRemove }: Readonly<{ note: JournalNote; onEdit: () => void; onRemove: () => void }>) {
  const kind = JournalKind.label(note.kind);
  const when = `${formatDanishDate(note.notedOn)}${note.notedAt === null ? '' : ` kl. ${note.notedAt.replace(':', '.')}`}`;
  const name = `${kind.toLowerCase()} ${when}`;
  return (
    <article className="record record--note" aria-labelledby={`note-${note.id}-title`}>
      <h3 id={`note-${note.id}-title`} className="record-title">
        <span className="record-date">{when}</span> · {kind} · {note.author}
      </h3>
      <p className="prewrap">{note.text}</p>
      {note.updatedAt !== note.createdAt ? <p className="muted">Rettet {formatDanishDateTime(note.updatedAt)} (se historikken)</p> : null}
      <div className="entry-actions">
        <button type="button" className={small} onClick={onEdit} aria-label={`Ret ${name}`}>Ret</button>
        <button type="button" className={small} onClick={onRemove} aria-label={`Slet ${name}`}>Slet</button>
      </div>
    </article>
  );
}
