/**
 * ReadableDB and WritableDB really differ (db/types.ts): a read-only handle cannot be passed to a
 * writing query. The `@ts-expect-error` lines are checked by `tsc -b` (npm run typecheck): if the
 * brands stopped keeping the handles apart, the call would compile, the directive would be unused,
 * and the typecheck would fail.
 */
import { describe, expect, it } from 'vitest';
import { countCases, insertCase, updateCase } from '../../db/queries/cases';
import { SqliteDriver } from '../../db/driver';
import type { ReadableDB, WritableDB } from '../../db/types';
import { caseInput, NOW, seededDb } from './helpers';

/** Never called: it exists for the compiler. */
function compileTimeOnly(readOnly: ReadableDB, writable: WritableDB): void {
  // @ts-expect-error a read-only handle cannot reach a writing query
  insertCase(readOnly, caseInput(writable), NOW);
  // @ts-expect-error nor an update
  updateCase(readOnly, 1, 1, caseInput(writable), NOW);
  // @ts-expect-error a bare driver handle is neither: only openDatabase hands out typed handles
  countCases(new SqliteDriver(':memory:'));
  // A writable handle may read.
  countCases(writable);
}

describe('database handle types', () => {
  it('a writable handle reads and writes; the read-only type is the same object at run time', () => {
    const db = seededDb();
    expect(typeof compileTimeOnly).toBe('function');
    const readOnly: ReadableDB = db;
    expect(countCases(readOnly)).toBe(0);
    insertCase(db, caseInput(db), NOW);
    expect(countCases(readOnly)).toBe(1);
  });
});
