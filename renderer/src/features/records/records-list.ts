/**
 * One chronological list of akter and journal notes, as a paper case file reads: by the date of the
 * letter or the note (then the time of a note, then the order they were added), filtered by what
 * the adviser asks for.
 */
import type { CaseDocument, JournalNote } from '../../../../shared/domain/records';
import type { DocumentDirectionCode } from '../../../../shared/domain/vocab';

export type RecordEntry = Readonly<{ kind: 'document'; doc: CaseDocument }> | Readonly<{ kind: 'note'; note: JournalNote }>;

export type RecordFilter = Readonly<{
  show: 'alle' | 'akter' | 'notater';
  direction: DocumentDirectionCode | 'alle';
  /** The ids the full-text search found (null: no search). */
  hits: Readonly<{ documents: ReadonlySet<number>; notes: ReadonlySet<number> }> | null;
}>;

function sortKey(e: RecordEntry): string {
  return e.kind === 'document' ? `${e.doc.documentDate} 00:00 ${e.doc.addedAt}` : `${e.note.notedOn} ${e.note.notedAt ?? '00:00'} ${e.note.createdAt}`;
}

export function recordEntries(docs: ReadonlyArray<CaseDocument>, notes: ReadonlyArray<JournalNote>, f: RecordFilter): RecordEntry[] {
  const entries: RecordEntry[] = [];
  if (f.show !== 'notater') {
    for (const doc of docs) {
      if (f.direction !== 'alle' && doc.direction !== f.direction) continue;
      if (f.hits !== null && !f.hits.documents.has(doc.id)) continue;
      entries.push({ kind: 'document', doc });
    }
  }
  // A note has no direction: filtering by one shows akter only.
  if (f.show !== 'akter' && f.direction === 'alle') {
    for (const note of notes) {
      if (f.hits !== null && !f.hits.notes.has(note.id)) continue;
      entries.push({ kind: 'note', note });
    }
  }
  return entries.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}
