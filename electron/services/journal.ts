/**
 * Journal notes: the service behind the journal:* channels. The author is the adviser who writes
 * the note (notatpligt applies to the borgerrådgiver too); anyone may correct it later, and the
 * history keeps the old → new text with who changed it. Each write is one transaction with its
 * history entry and its index row.
 */
import { caseExists } from '../../db/queries/cases';
import {
  deleteJournalNote,
  getJournalNote,
  insertJournalNote,
  listJournalNotes,
  searchJournalNoteIds,
  updateJournalNote,
} from '../../db/queries/records';
import { copenhagenDate, formatDanishDate } from '../../shared/domain/dates';
import { validateJournalNote, type JournalNote, type JournalNoteInput } from '../../shared/domain/records';
import { JournalKind } from '../../shared/domain/vocab';
import { AppError, validationError } from '../../shared/ipc/result';
import type { ServiceContext } from './context';
import { diffDescriptions } from './history-diff';
import { auditRecord } from './record-audit';

function notFound(): AppError {
  return new AppError('not_found', 'Notatet findes ikke. Det kan være slettet.');
}

function caseNotFound(): AppError {
  return new AppError('not_found', 'Henvendelsen findes ikke. Den kan være slettet.');
}

function validate(ctx: ServiceContext, input: JournalNoteInput): void {
  const errors = validateJournalNote(input, copenhagenDate(ctx.clock.now()));
  if (Object.keys(errors).length > 0) throw validationError(errors);
}

function describe(n: JournalNote): Map<string, string> {
  return new Map([
    ['Notat', JournalKind.label(n.kind)],
    ['Dato', formatDanishDate(n.notedOn) + (n.notedAt === null ? '' : ` kl. ${n.notedAt.replace(':', '.')}`)],
    ['Tekst', n.text],
  ]);
}

export function listNotes(ctx: ServiceContext, caseId: number): JournalNote[] {
  if (!caseExists(ctx.db, caseId)) throw caseNotFound();
  return listJournalNotes(ctx.db, caseId);
}

/** The ids of the notes in one henvendelse whose text matches (folded like the case search). */
export function searchNotes(ctx: ServiceContext, caseId: number, text: string): number[] {
  return searchJournalNoteIds(ctx.db, text, caseId);
}

export function addNote(ctx: ServiceContext, input: JournalNoteInput): JournalNote {
  return ctx.db.transaction(() => {
    if (!caseExists(ctx.db, input.caseId)) throw caseNotFound();
    validate(ctx, input);
    const now = ctx.clock.now().toISOString();
    const id = insertJournalNote(ctx.db, { ...input, text: input.text.trim(), author: ctx.actor(), createdAt: now, updatedAt: now });
    const created = getJournalNote(ctx.db, id);
    if (created === null) throw notFound();
    auditRecord(ctx, 'journal_note', id, created.caseId, `${JournalKind.label(created.kind)} skrevet`, diffDescriptions(new Map(), describe(created)));
    return created;
  })();
}

export function updateNote(ctx: ServiceContext, id: number, input: JournalNoteInput): JournalNote {
  return ctx.db.transaction(() => {
    const before = getJournalNote(ctx.db, id);
    if (before === null) throw notFound();
    if (before.caseId !== input.caseId) throw validationError({ caseId: 'Et notat kan ikke flyttes til en anden henvendelse.' });
    validate(ctx, input);
    updateJournalNote(ctx.db, id, { ...input, text: input.text.trim() }, ctx.clock.now().toISOString());
    const after = getJournalNote(ctx.db, id);
    if (after === null) throw notFound();
    const changes = diffDescriptions(describe(before), describe(after));
    if (changes.length > 0) auditRecord(ctx, 'journal_note', id, after.caseId, 'Notat ændret', changes);
    return after;
  })();
}

export function removeNote(ctx: ServiceContext, id: number): void {
  ctx.db.transaction(() => {
    const before = getJournalNote(ctx.db, id);
    if (before === null) throw notFound();
    deleteJournalNote(ctx.db, id);
    auditRecord(ctx, 'journal_note', id, before.caseId, 'Notat slettet', diffDescriptions(describe(before), new Map()));
  })();
}
