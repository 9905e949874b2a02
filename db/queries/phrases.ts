/**
 * The phrase library (migration 0160): list in order (scope, key, position), insert at the end of
 * its scope and key, update, delete, and swap with a neighbour. Positions are only compared, never
 * shown, so a delete leaves a gap rather than renumbering.
 */
import { Outcome } from '../../shared/domain/vocab';
import type { Phrase, PhraseInput, PhraseScope } from '../../shared/letters/phrases';
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';

type PhraseRow = { id: number; scope: PhraseScope; key: string | null; title: string; text: string; position: number };

const SCOPE_ORDER = "CASE scope WHEN 'generel' THEN 0 WHEN 'udfald' THEN 1 ELSE 2 END";
/** Outcomes from the mildest grade to the strongest (vocab.ts lists them so), rules by id. */
const KEY_ORDER = `CASE WHEN scope = 'udfald' THEN CASE key ${Outcome.codes.map((c, i) => `WHEN '${c}' THEN ${i}`).join(' ')} ELSE ${Outcome.codes.length} END ELSE 0 END, key`;

function toPhrase(r: PhraseRow): Phrase {
  return { id: r.id, scope: r.scope, key: r.key, title: r.title, text: r.text };
}

/** Every phrase: general first, then by outcome (mildest grade first), then by rule id; within a scope and key by position. */
export function listPhrases(db: ReadableDB): Phrase[] {
  const rows = cached(db, `SELECT id, scope, key, title, text, position FROM phrases ORDER BY ${SCOPE_ORDER}, ${KEY_ORDER}, position, id`).all() as PhraseRow[];
  return rows.map(toPhrase);
}

/** One phrase, or null. */
export function getPhrase(db: ReadableDB, id: number): Phrase | null {
  const row = cached(db, 'SELECT id, scope, key, title, text, position FROM phrases WHERE id = ?').get(id) as PhraseRow | undefined;
  return row ? toPhrase(row) : null;
}

function nextPosition(db: ReadableDB, scope: PhraseScope, key: string | null): number {
  return (cached(db, 'SELECT coalesce(max(position), 0) + 1 AS n FROM phrases WHERE scope = ? AND key IS ?').get(scope, key) as { n: number }).n;
}

/** A new phrase, last in its scope and key; its id. */
export function insertPhrase(db: WritableDB, input: PhraseInput, nowIso: string): number {
  const info = cached(db, 'INSERT INTO phrases (scope, key, title, text, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    input.scope, input.key, input.title, input.text, nextPosition(db, input.scope, input.key), nowIso, nowIso,
  );
  return Number(info.lastInsertRowid);
}

/** Change a phrase; moved to another scope or key it goes last there. False when it does not exist. */
export function updatePhrase(db: WritableDB, id: number, input: PhraseInput, nowIso: string): boolean {
  const before = getPhrase(db, id);
  if (before === null) return false;
  const moved = before.scope !== input.scope || before.key !== input.key;
  const position = moved ? nextPosition(db, input.scope, input.key) : null;
  cached(db, 'UPDATE phrases SET scope = ?, key = ?, title = ?, text = ?, position = coalesce(?, position), updated_at = ? WHERE id = ?')
    .run(input.scope, input.key, input.title, input.text, position, nowIso, id);
  return true;
}

/** Remove a phrase; false when it does not exist. */
export function deletePhrase(db: WritableDB, id: number): boolean {
  return cached(db, 'DELETE FROM phrases WHERE id = ?').run(id).changes > 0;
}

/**
 * Swap a phrase with its neighbour in its scope and key (`op`: the one before it, `ned`: after).
 * False when there is no such neighbour (already first or last) or no such phrase.
 */
export function movePhrase(db: WritableDB, id: number, direction: 'op' | 'ned', nowIso: string): boolean {
  const me = cached(db, 'SELECT id, scope, key, position FROM phrases WHERE id = ?').get(id) as Omit<PhraseRow, 'title' | 'text'> | undefined;
  if (!me) return false;
  const sql = direction === 'op'
    ? `SELECT id, position FROM phrases WHERE scope = @scope AND key IS @key AND (position < @position OR (position = @position AND id < @id))
        ORDER BY position DESC, id DESC LIMIT 1`
    : `SELECT id, position FROM phrases WHERE scope = @scope AND key IS @key AND (position > @position OR (position = @position AND id > @id))
        ORDER BY position, id LIMIT 1`;
  const other = cached(db, sql).get({ scope: me.scope, key: me.key, position: me.position, id: me.id }) as { id: number; position: number } | undefined;
  if (!other) return false;
  // Equal positions (never written by this module, but possible in an imported file) become distinct.
  const [mine, theirs] = other.position === me.position
    ? (direction === 'op' ? [me.position, me.position + 1] : [me.position + 1, me.position])
    : [other.position, me.position];
  const set = cached(db, 'UPDATE phrases SET position = ?, updated_at = ? WHERE id = ?');
  set.run(mine, nowIso, me.id);
  set.run(theirs, nowIso, other.id);
  return true;
}
