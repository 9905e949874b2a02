/** electron/services/journal.ts: journal notes with their author, edits by anyone in the history, search, removal. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { caseHistory } from '../../../db/queries/audit';
import type { WritableDB } from '../../../db/types';
import { createCase } from '../../../electron/services/cases';
import type { ServiceContext } from '../../../electron/services/context';
import { addNote, listNotes, removeNote, searchNotes, updateNote } from '../../../electron/services/journal';
import type { JournalNoteInput } from '../../../shared/domain/records';
import { caseInput, seededDb, thrownAppError, serviceContext } from '../../db/helpers';

let db: WritableDB;
let ctx: ServiceContext;
beforeEach(() => {
  db = seededDb();
  ctx = serviceContext(db);
});
afterEach(() => db.close());

const note = (caseId: number, o: Partial<JournalNoteInput> = {}): JournalNoteInput => ({
  caseId, kind: 'telefonnotat', notedOn: '2025-06-02', notedAt: '09:15', text: 'Borgeren ringede; José fra Jobcenter Nord har lovet svar.', ...o,
});

it('writes a note under the adviser who wrote it, and records it in the history', () => {
  const caseId = createCase(ctx, caseInput(db)).id;
  const n = addNote(ctx, note(caseId));
  expect(n).toMatchObject({ author: 'Mette Rådgiver', kind: 'telefonnotat', notedAt: '09:15' });
  expect(caseHistory(db, caseId)[0]).toMatchObject({
    actor: 'Mette Rådgiver', action: 'Telefonnotat skrevet',
    changes: expect.arrayContaining([{ field: 'Dato', before: '', after: '02.06.2025 kl. 09.15' }]),
  });
});

it('lets another adviser correct the note: the author stays, the history says who changed what', () => {
  const caseId = createCase(ctx, caseInput(db)).id;
  const n = addNote(ctx, note(caseId));
  const other: ServiceContext = { ...ctx, actor: () => 'Anne Ærø' };
  const changed = updateNote(other, n.id, note(caseId, { kind: 'moede', text: 'Møde med borgeren.' }));
  expect(changed).toMatchObject({ author: 'Mette Rådgiver', kind: 'moede', text: 'Møde med borgeren.' });
  expect(caseHistory(db, caseId)[0]).toMatchObject({
    actor: 'Anne Ærø', action: 'Notat ændret',
    changes: expect.arrayContaining([
      { field: 'Notat', before: 'Telefonnotat', after: 'Møde' },
      { field: 'Tekst', before: 'Borgeren ringede; José fra Jobcenter Nord har lovet svar.', after: 'Møde med borgeren.' },
    ]),
  });
});

it('finds notes by their text, folded like the case search', () => {
  const caseId = createCase(ctx, caseInput(db)).id;
  const a = addNote(ctx, note(caseId));
  addNote(ctx, note(caseId, { kind: 'intern_note', text: 'Afventer redegørelsen.' }));
  expect(searchNotes(ctx, caseId, 'jose jobcenter')).toEqual([a.id]);
  expect(searchNotes(ctx, caseId, 'redegør')).toHaveLength(1);
  expect(searchNotes(ctx, caseId, '')).toEqual([]);
});

it('refuses an empty text, a date in the future, and removes with a history entry', () => {
  const caseId = createCase(ctx, caseInput(db)).id;
  expect(thrownAppError(() => addNote(ctx, note(caseId, { text: '   ' }))).fields).toEqual({ text: 'Skriv notatets tekst.' });
  expect(thrownAppError(() => addNote(ctx, note(caseId, { notedOn: '2025-06-16' }))).fields).toEqual({ notedOn: 'Notatets dato kan ikke ligge i fremtiden.' });
  const n = addNote(ctx, note(caseId));
  removeNote(ctx, n.id);
  expect(listNotes(ctx, caseId)).toEqual([]);
  expect(searchNotes(ctx, caseId, 'jobcenter')).toEqual([]);
  expect(caseHistory(db, caseId)[0]).toMatchObject({ action: 'Notat slettet' });
  expect(thrownAppError(() => removeNote(ctx, n.id)).message).toBe('Notatet findes ikke. Det kan være slettet.');
});
