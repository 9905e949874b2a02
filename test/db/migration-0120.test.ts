/**
 * Migrations 0120 (akter) and 0130 (journal notes): a version-110 database keeps its henvendelser and
 * requests, and takes akter linked to a request, with the bytes in their own table and the limits
 * of the CHECKs; journal notes take only their three kinds.
 */
import { describe, expect, it } from 'vitest';
import { upgradedWithRequest } from './old-database';
import type { WritableDB } from '../../db/types';

const AT = '2025-01-01T00:00:00.000Z';
const SHA = 'a'.repeat(64);

const insertDocument = (db: WritableDB, o: { size?: number; direction?: string; requestId?: number | null } = {}) =>
  db.prepare(
    `INSERT INTO case_documents (case_id, request_id, file_name, media_type, size, sha256, title, document_date, direction, party, text_status, added_by, added_at, updated_at)
     VALUES (1, ?, 'redegørelse.pdf', 'application/pdf', ?, ?, 'Redegørelse', '2025-03-14', ?, 'Social', 'laest', 'Mette', ?, ?)`,
  ).run(o.requestId ?? null, o.size ?? 3, SHA, o.direction ?? 'ind', AT, AT);

describe('migration 0120: akter', () => {
  it('keeps the version-110 henvendelse and request, and stores an akt answering the request with its bytes apart', () => {
    const db = upgradedWithRequest(110);
    const id = Number(insertDocument(db, { requestId: 1 }).lastInsertRowid);
    db.prepare("INSERT INTO document_contents (document_id, bytes, extracted_text) VALUES (?, ?, 'tekst')").run(id, Buffer.from('abc'));
    expect(db.prepare('SELECT sagsnr FROM cases').pluck().get()).toBe('2025-0001');
    expect(db.prepare('SELECT request_id FROM case_documents').pluck().get()).toBe(1);
    db.prepare('DELETE FROM case_documents WHERE id = ?').run(id);
    // The bytes go with their akt.
    expect(db.prepare('SELECT count(*) FROM document_contents').pluck().get()).toBe(0);
    db.close();
  });

  it('refuses an empty file, one over 50 MB and an unknown direction', () => {
    const db = upgradedWithRequest(110);
    expect(() => insertDocument(db, { size: 0 })).toThrow(/CHECK constraint failed/);
    expect(() => insertDocument(db, { size: 50 * 1024 * 1024 + 1 })).toThrow(/CHECK constraint failed/);
    expect(() => insertDocument(db, { direction: 'sidelæns' })).toThrow(/CHECK constraint failed/);
    db.close();
  });
});

describe('migration 0130: journal notes', () => {
  it('stores a telefonnotat and refuses an unknown kind and an empty text', () => {
    const db = upgradedWithRequest(110);
    const insert = (kind: string, text: string) =>
      db.prepare(`INSERT INTO journal_notes (case_id, kind, noted_on, noted_at, text, author, created_at, updated_at) VALUES (1, ?, '2025-03-03', '09:15', ?, 'Mette', ?, ?)`)
        .run(kind, text, AT, AT);
    insert('telefonnotat', 'Borgeren ringede.');
    expect(() => insert('brevdue', 'Borgeren ringede.')).toThrow(/CHECK constraint failed/);
    expect(() => insert('moede', '')).toThrow(/CHECK constraint failed/);
    expect(db.prepare('SELECT text FROM journal_notes').pluck().all()).toEqual(['Borgeren ringede.']);
    db.close();
  });
});
