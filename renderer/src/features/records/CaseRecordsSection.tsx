/**
 * Akter og journal on the case page: the henvendelse's documents and the adviser's journal notes in
 * one chronological list, read-only until the adviser chooses Ret or Slet. Files are added by
 * dropping them on the section or with "Tilføj akt …"; each file gets its own short form, prefilled
 * with what the file says (a mail's subject, sender and date, else its name and today), and is
 * stored when that form is saved – several files are several forms, saved one by one. Searching
 * looks in titles, senders, the akter's text and the notes (the backend's full-text index).
 *
 * "Dan kvittering" opens the kvittering to the citizen (CaseLetterPanel), sent right after intake;
 * sending files it here as an outgoing akt.
 *
 * Self-contained: it loads what it shows, and tells the page (`onChanged`) when the history grew.
 */
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { formatDanishDate, type IsoDate } from '../../../../shared/domain/dates';
import { formatFileSize, type CaseDocument, type DocumentSuggestion, type JournalNote } from '../../../../shared/domain/records';
import { DocumentDirection, type DocumentDirectionCode } from '../../../../shared/domain/vocab';
import { errorMessage, send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { SelectField, TextField, type Option } from '../../components/Field';
import { CaseLetterPanel } from '../letters/CaseLetterPanel';
import { DocumentForm, type RequestChoice } from './DocumentForm';
import { NoteForm } from './NoteForm';
import { draftFromDocument, draftFromNote, emptyNoteDraft } from './record-drafts';
import { fileProblem, openDocument, readFileAsBase64, saveDocumentAs } from './record-files';
import { DocumentItem, NoteItem } from './RecordItem';
import { recordEntries, type RecordFilter } from './records-list';

/** A file on its way to becoming an akt: read and inspected, or refused with the reason. */
type Pending = Readonly<{ key: number; fileName: string; size: number; contentBase64: string; suggestion: DocumentSuggestion | null; problem: string | null }>;

type Editing = { kind: 'none' } | { kind: 'document'; id: number } | { kind: 'note'; id: number } | { kind: 'new-note' };

const showOptions: Option[] = [{ value: 'alle', label: 'Akter og notater' }, { value: 'akter', label: 'Kun akter' }, { value: 'notater', label: 'Kun notater' }];
const directionOptions: Option[] = [{ value: 'alle', label: 'Alle retninger' }, ...DocumentDirection.entries.map((e) => ({ value: e.code, label: e.label }))];

function requestChoices(requests: ReadonlyArray<{ id: number; forvaltning: string; sentOn: IsoDate }>): RequestChoice[] {
  return requests.map((r) => ({ id: r.id, label: `anmodning til ${r.forvaltning} sendt ${formatDanishDate(r.sentOn)}` }));
}

export function CaseRecordsSection({ caseId, version, onChanged }: Readonly<{
  caseId: number;
  /** The case's version: loaded again when the case is saved. */
  version: number;
  /** After an akt or note is added, changed or removed: the page refreshes its history. */
  onChanged?: () => void;
}>) {
  const { today } = useAppData();
  const [docs, setDocs] = useState<CaseDocument[] | null>(null);
  const [notes, setNotes] = useState<JournalNote[] | null>(null);
  const [requests, setRequests] = useState<RequestChoice[]>([]);
  const [pending, setPending] = useState<Pending[]>([]);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [hits, setHits] = useState<RecordFilter['hits']>(null);
  const [show, setShow] = useState<RecordFilter['show']>('alle');
  const [direction, setDirection] = useState<RecordFilter['direction']>('alle');
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const nextKey = useRef(1);
  const [receipt, setReceipt] = useState(false);
  const receiptButton = useRef<HTMLButtonElement>(null);
  // "Dan kvittering" gets focus back when the kvittering is closed without sending.
  const focusReceipt = useRef(false);
  useEffect(() => {
    if (!focusReceipt.current || receipt) return;
    focusReceipt.current = false;
    receiptButton.current?.focus();
  });

  const reload = useCallback(async () => {
    try {
      const [d, n, r] = await Promise.all([send('documents:list', { caseId }), send('journal:list', { caseId }), send('requests:for-case', { caseId })]);
      setDocs(d);
      setNotes(n);
      setRequests(requestChoices(r));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [caseId]);
  useEffect(() => {
    void reload();
  }, [reload, version]);

  // The full-text search runs in the backend; only the answer to the latest text is kept.
  const searchSeq = useRef(0);
  useEffect(() => {
    const seq = ++searchSeq.current;
    const text = search.trim();
    if (text === '') {
      setHits(null);
      return;
    }
    void Promise.all([send('documents:search', { text, caseId, limit: 200 }), send('journal:search', { caseId, text })])
      .then(([d, n]) => {
        if (seq === searchSeq.current) setHits({ documents: new Set(d.map((h) => h.documentId)), notes: new Set(n.ids) });
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [search, caseId, docs, notes]);

  async function changed(message: string) {
    await reload();
    onChanged?.();
    setNotice(message);
  }

  async function addFiles(files: ReadonlyArray<File>) {
    setNotice(null);
    setError(null);
    for (const file of files) {
      const key = nextKey.current++;
      const base = { key, fileName: file.name, size: file.size, contentBase64: '', suggestion: null };
      const problem = fileProblem(file);
      if (problem !== null) {
        setPending((p) => [...p, { ...base, problem }]);
        continue;
      }
      try {
        const contentBase64 = await readFileAsBase64(file);
        const suggestion = await send('documents:inspect', { fileName: file.name, contentBase64 });
        setPending((p) => [...p, { ...base, contentBase64, suggestion, problem: null }]);
      } catch (e) {
        setPending((p) => [...p, { ...base, problem: errorMessage(e) }]);
      }
    }
  }

  function dropPending(key: number) {
    setPending((p) => p.filter((x) => x.key !== key));
    heading.current?.focus();
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setDragging(false);
    void addFiles([...e.dataTransfer.files]);
  }

  async function open(doc: CaseDocument, how: 'open' | 'save') {
    setError(null);
    try {
      // The desktop app opens it in the system's viewer; elsewhere the page shows or saves it.
      if (how === 'open' && (await send('documents:open', { id: doc.id })).opened) {
        setNotice(`«${doc.fileName}» er åbnet i et andet program.`);
        return;
      }
      const file = await send('documents:content', { id: doc.id });
      if (how === 'save') saveDocumentAs(file);
      else if (!openDocument(file)) setNotice(`«${doc.fileName}» kan ikke vises her og er gemt som fil i stedet.`);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function removeDocument(doc: CaseDocument) {
    if (!window.confirm(`Vil du slette akten «${doc.title}»? Filen slettes fra Ombud, og det kan ikke fortrydes.`)) return;
    try {
      await send('documents:remove', { id: doc.id });
      await changed(`Akten «${doc.title}» er slettet.`);
      heading.current?.focus();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function removeNote(note: JournalNote) {
    if (!window.confirm('Vil du slette notatet? Det kan ikke fortrydes; teksten bevares i historikken.')) return;
    try {
      await send('journal:remove', { id: note.id });
      await changed('Notatet er slettet.');
      heading.current?.focus();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const filter: RecordFilter = { show, direction, hits };
  const entries = docs !== null && notes !== null ? recordEntries(docs, notes, filter) : null;
  const requestLabel = (id: number | null) => (id === null ? null : (requests.find((r) => r.id === id)?.label ?? null));
  const total = (docs?.length ?? 0) + (notes?.length ?? 0);

  return (
    <section className="form-section records" aria-labelledby="records-title">
      <h2 id="records-title" ref={heading} tabIndex={-1}>Akter og journal</h2>
      <div role="status" className="feedback">{notice ? <p className="alert alert--success">{notice}</p> : null}</div>
      {error ? <p role="alert" className="alert alert--error">{error}</p> : null}

      <div
        className={dragging ? 'drop-zone drop-zone--active' : 'drop-zone'}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>Træk filer hertil for at tilføje dem som akter (PDF, e-mail, Word, billeder, tekst; højst 50 MB pr. fil).</p>
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => fileInput.current?.click()}>Tilføj akt …</button>
          <button type="button" className="button button--secondary" onClick={() => { setNotice(null); setEditing({ kind: 'new-note' }); }}
            aria-expanded={editing.kind === 'new-note'}>Skriv notat</button>
          <button ref={receiptButton} type="button" className="button button--secondary" aria-expanded={receipt}
            onClick={() => { setNotice(null); setReceipt(true); }}>Dan kvittering</button>
        </div>
        <input ref={fileInput} type="file" multiple hidden aria-label="Vælg filer til akter"
          onChange={(e) => { const files = [...(e.target.files ?? [])]; e.target.value = ''; void addFiles(files); }} />
      </div>

      {receipt ? (
        <CaseLetterPanel
          input={{ caseId, kind: 'kvittering', requestId: null }}
          title="Kvittering til borgeren"
          level={3}
          onClose={() => { focusReceipt.current = true; setReceipt(false); }}
          onSent={(doc) => {
            setReceipt(false);
            void changed(`Kvitteringen er sendt og gemt som akten «${doc.title}».`).then(() => heading.current?.focus());
          }}
        />
      ) : null}

      {pending.length > 0 ? (
        <ul className="entry-list" aria-label="Nye akter">
          {pending.map((p) => (
            <li key={p.key} className="entry">
              {p.problem !== null || p.suggestion === null ? (
                <div className="alert alert--error">
                  <p><strong>{p.fileName}</strong> kan ikke tilføjes: {p.problem}</p>
                  <button type="button" className="button button--secondary button--small" onClick={() => dropPending(p.key)}
                    aria-label={`Fjern ${p.fileName} fra listen`}>Fjern</button>
                </div>
              ) : (
                <DocumentForm
                  idPrefix={`new-doc-${p.key}`} title={`Ny akt: ${p.fileName}`} fileLine={`${p.fileName} (${formatFileSize(p.size)})`}
                  initial={{ title: p.suggestion.title, dateText: formatDanishDate(p.suggestion.documentDate ?? today), direction: 'ind', party: p.suggestion.party, requestId: null }}
                  requests={requests} today={today} saveLabel="Gem akt"
                  onSave={async (meta) => {
                    const doc = await send('documents:add', { caseId, fileName: p.fileName, contentBase64: p.contentBase64, ...meta });
                    setPending((list) => list.filter((x) => x.key !== p.key));
                    await changed(`Akten «${doc.title}» er gemt.`);
                    heading.current?.focus();
                  }}
                  onCancel={() => dropPending(p.key)}
                />
              )}
            </li>
          ))}
        </ul>
      ) : null}

      {editing.kind === 'new-note' ? (
        <NoteForm idPrefix="new-note" title="Nyt notat" caseId={caseId} initial={emptyNoteDraft(today)} today={today}
          onSave={async (input) => {
            await send('journal:add', { input });
            setEditing({ kind: 'none' });
            await changed('Notatet er gemt.');
            heading.current?.focus();
          }}
          onCancel={() => setEditing({ kind: 'none' })} />
      ) : null}

      <div className="form-grid records-filters">
        <TextField id="records-search" label="Søg i akter og journal" type="search" width="m" value={search} onChange={setSearch}
          hint="Titel, afsender, aktens tekst og notaterne" />
        <SelectField id="records-show" label="Vis" width="s" value={show} options={showOptions} onChange={(v) => setShow(v as RecordFilter['show'])} />
        <SelectField id="records-direction" label="Retning" width="s" value={direction} options={directionOptions}
          onChange={(v) => setDirection(v as DocumentDirectionCode | 'alle')} />
      </div>

      {entries === null && error === null ? <p className="muted">Henter akter og journal …</p> : null}
      {entries !== null && total === 0 ? <p className="muted">Der er ingen akter eller notater i henvendelsen.</p> : null}
      {entries !== null && total > 0 && entries.length === 0 ? <p className="muted">Ingen akter eller notater passer til søgningen.</p> : null}
      {entries !== null && entries.length > 0 ? (
        <ul className="entry-list" aria-label="Akter og notater">
          {entries.map((e) => e.kind === 'document' ? (
            <li key={`d${e.doc.id}`} className="entry">
              {editing.kind === 'document' && editing.id === e.doc.id ? (
                <DocumentForm idPrefix={`doc-${e.doc.id}`} title={`Ret akt «${e.doc.title}»`} fileLine={`${e.doc.fileName} (${formatFileSize(e.doc.size)})`}
                  initial={draftFromDocument(e.doc)} requests={requests} today={today} saveLabel="Gem akt"
                  onSave={async (meta) => {
                    await send('documents:update', { id: e.doc.id, meta });
                    setEditing({ kind: 'none' });
                    await changed('Akten er gemt.');
                    heading.current?.focus();
                  }}
                  onCancel={() => setEditing({ kind: 'none' })} />
              ) : (
                <DocumentItem doc={e.doc} requestLabel={requestLabel(e.doc.requestId)}
                  onOpen={() => void open(e.doc, 'open')} onSave={() => void open(e.doc, 'save')}
                  onEdit={() => { setNotice(null); setEditing({ kind: 'document', id: e.doc.id }); }} onRemove={() => void removeDocument(e.doc)} />
              )}
            </li>
          ) : (
            <li key={`n${e.note.id}`} className="entry">
              {editing.kind === 'note' && editing.id === e.note.id ? (
                <NoteForm idPrefix={`note-${e.note.id}`} title="Ret notat" caseId={caseId} initial={draftFromNote(e.note)} today={today}
                  onSave={async (input) => {
                    await send('journal:update', { id: e.note.id, input });
                    setEditing({ kind: 'none' });
                    await changed('Notatet er gemt.');
                    heading.current?.focus();
                  }}
                  onCancel={() => setEditing({ kind: 'none' })} />
              ) : (
                <NoteItem note={e.note} onEdit={() => { setNotice(null); setEditing({ kind: 'note', id: e.note.id }); }} onRemove={() => void removeNote(e.note)} />
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
