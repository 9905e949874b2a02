/**
 * The working copies of the Akter og journal forms: dates and times kept as typed. The `to…`
 * functions parse them and run the shared validation (shared/domain/records.ts), so the form and
 * the service refuse with the same words.
 */
import { formatDanishDate, type IsoDate } from '../../../../shared/domain/dates';
import {
  validateDocumentMeta,
  validateJournalNote,
  type CaseDocument,
  type DocumentMeta,
  type JournalNote,
  type JournalNoteInput,
} from '../../../../shared/domain/records';
import type { DocumentDirectionCode, JournalKindCode } from '../../../../shared/domain/vocab';
import { DATE_FORMAT_MESSAGE, dateFieldError, parseDateField } from '../../components/DateField';

export type DocumentDraft = { title: string; dateText: string; direction: DocumentDirectionCode; party: string; requestId: number | null };

export function draftFromDocument(d: Pick<CaseDocument, 'title' | 'documentDate' | 'direction' | 'party' | 'requestId'>): DocumentDraft {
  return { title: d.title, dateText: formatDanishDate(d.documentDate), direction: d.direction, party: d.party, requestId: d.requestId };
}

function dateOf(text: string, missing: string, errors: Record<string, string>, key: string): IsoDate | null {
  const iso = parseDateField(text);
  if (iso === null) errors[key] = missing;
  else if (iso === 'invalid') errors[key] = dateFieldError(text) ?? DATE_FORMAT_MESSAGE;
  return iso === null || iso === 'invalid' ? null : iso;
}

export function toDocumentMeta(d: DocumentDraft, today: IsoDate): { input: DocumentMeta | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = dateOf(d.dateText, 'Skriv aktens dato.', errors, 'documentDate');
  if (date !== null && date > today) errors['documentDate'] = 'Aktens dato kan ikke ligge i fremtiden.';
  const input: DocumentMeta = { title: d.title.trim(), documentDate: date ?? today, direction: d.direction, party: d.party.trim(), requestId: d.requestId };
  for (const [k, v] of Object.entries(validateDocumentMeta(input))) if (!(k in errors)) errors[k] = v;
  return { input: Object.keys(errors).length === 0 ? input : null, errors };
}

export type NoteDraft = { kind: JournalKindCode; dateText: string; timeText: string; text: string };

export function emptyNoteDraft(today: IsoDate): NoteDraft {
  return { kind: 'telefonnotat', dateText: formatDanishDate(today), timeText: '', text: '' };
}

export function draftFromNote(n: JournalNote): NoteDraft {
  return { kind: n.kind, dateText: formatDanishDate(n.notedOn), timeText: n.notedAt?.replace(':', '.') ?? '', text: n.text };
}

/** "9.15", "09:15", "0915" → "09:15"; "" → null; otherwise 'invalid'. */
export function parseTimeText(text: string): string | null | 'invalid' {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(\d{1,2})[.:]?(\d{2})$/.exec(t);
  if (!m) return 'invalid';
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return 'invalid';
  return `${String(h).padStart(2, '0')}:${m[2]}`;
}

export function toNoteInput(d: NoteDraft, caseId: number, today: IsoDate): { input: JournalNoteInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = dateOf(d.dateText, 'Skriv notatets dato.', errors, 'notedOn');
  const time = parseTimeText(d.timeText);
  if (time === 'invalid') errors['notedAt'] = 'Skriv klokkeslættet som tt.mm, fx 09.15.';
  const input: JournalNoteInput = { caseId, kind: d.kind, notedOn: date ?? today, notedAt: time === 'invalid' ? null : time, text: d.text };
  for (const [k, v] of Object.entries(validateJournalNote(input, today))) if (!(k in errors)) errors[k] = v;
  return { input: Object.keys(errors).length === 0 ? input : null, errors };
}
