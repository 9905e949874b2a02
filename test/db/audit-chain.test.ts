/**
 * The audit log is append-only in every way SQL allows and hash-chained (migration 0190,
 * db/queries/audit-chain.ts): REPLACE, a back-dated row, an id out of order, UPDATE and DELETE are
 * refused by the database itself; with the triggers dropped, every change, a row removed in the
 * middle and rows cut off the end are found by verifyAuditChain, which names the first broken row.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { anchorOnClose, auditAnchorPath, readAuditAnchor, verifyAndAnchor, writeAuditAnchor } from '../../db/audit-anchor';
import { configureConnection } from '../../db/connection';
import { SqliteDriver } from '../../db/driver';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import m0190, { auditRowHash as frozenHash, GENESIS, RETENTION_ACTION } from '../../db/migrations/0190-audit-chain';
import { appendAudit, caseHistory, type AuditEntry } from '../../db/queries/audit';
import {
  AUDIT_GENESIS, auditRowHash, redactAuditForCases, RETENTION_AUDIT_ACTION, sha256Hex, verifyAuditChain,
} from '../../db/queries/audit-chain';
import type { WritableDB } from '../../db/types';

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  at: '2025-06-15T10:00:00.000Z', actor: 'Mette Ærø', entity: 'case', entityId: 1, caseId: 1, action: 'Ændret',
  changes: [{ field: 'Status', before: 'Modtaget', after: 'Under behandling' }], ...over,
});

function migrated(below?: number): WritableDB {
  const db = new SqliteDriver(':memory:') as WritableDB;
  configureConnection(db, true);
  migrate(db, { file: null, list: below === undefined ? MIGRATIONS : MIGRATIONS.filter((m) => m.version < below) });
  return db;
}

/** A log of `n` entries, one minute apart. */
function logOf(n: number): WritableDB {
  const db = migrated();
  for (let i = 0; i < n; i++) appendAudit(db, entry({ at: new Date(Date.UTC(2025, 5, 15, 10, i)).toISOString(), caseId: (i % 3) + 1, entityId: (i % 3) + 1 }));
  return db;
}

const row = (db: WritableDB, id: number) => db.prepare('SELECT * FROM audit_log WHERE id = ?').get(id) as Record<string, string | number | null>;

/** Insert a row by hand the way an outsider with the SQLite shell would, chained correctly unless told otherwise. */
function rawInsert(db: WritableDB, over: { id?: number; at?: string; hash?: string | null; verb?: string } = {}): void {
  const head = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  const id = over.id ?? (head?.id ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS;
  const at = over.at ?? '2030-01-01T00:00:00.000Z';
  const changes = '[]';
  const details = sha256Hex(changes);
  const hash = over.hash === undefined
    ? auditRowHash({ prevHash, id, at, actor: 'X', entity: 'case', entityId: 1, caseId: 1, action: 'Indsat', detailsSha256: details, originalAt: null })
    : over.hash;
  db.prepare(`${over.verb ?? 'INSERT'} INTO audit_log (id, at, actor, entity, entity_id, case_id, action, changes, prev_hash, hash, details_sha256)
    VALUES (?, ?, 'X', 'case', 1, 1, 'Indsat', ?, ?, ?, ?)`).run(id, at, changes, prevHash, hash, details);
}

describe('the hash definition', () => {
  it('is the same in migration 0190 (frozen) and in db/queries/audit-chain.ts (live)', () => {
    expect(AUDIT_GENESIS).toBe(GENESIS);
    expect(RETENTION_AUDIT_ACTION).toBe(RETENTION_ACTION);
    const samples = [
      { prevHash: GENESIS, id: 1, at: '2025-06-15T10:00:00.000Z', actor: 'Søren Øst', entity: 'case', entityId: 3, caseId: 3, action: 'Ændret', detailsSha256: sha256Hex('[]'), originalAt: null },
      { prevHash: 'a'.repeat(64), id: 99, at: '2026-01-01T00:00:00.000Z', actor: 'a","b', entity: 'settings', entityId: null, caseId: null, action: 'Å\n"x"', detailsSha256: sha256Hex('æ'), originalAt: '2020-01-01' },
    ];
    for (const s of samples) {
      expect(auditRowHash(s)).toBe(frozenHash({
        prev_hash: s.prevHash, id: s.id, at: s.at, actor: s.actor, entity: s.entity, entity_id: s.entityId, case_id: s.caseId, action: s.action,
        details_sha256: s.detailsSha256, original_at: s.originalAt,
      }));
    }
  });

  it('cannot be forged by moving text between fields', () => {
    const base = { prevHash: GENESIS, id: 1, at: '2025-06-15T10:00:00.000Z', entity: 'case', entityId: 1, caseId: 1, detailsSha256: sha256Hex('[]'), originalAt: null };
    expect(auditRowHash({ ...base, actor: 'ab', action: 'c' })).not.toBe(auditRowHash({ ...base, actor: 'a', action: 'bc' }));
    expect(auditRowHash({ ...base, actor: 'a', action: 'b', entityId: null })).not.toBe(auditRowHash({ ...base, actor: 'a', action: 'b', entityId: 0 }));
  });
});

describe('migration 0190 chains the existing rows once', () => {
  it('in id order, and appendAudit continues the same chain', () => {
    const db = migrated(190);
    const ins = db.prepare("INSERT INTO audit_log (at, actor, entity, entity_id, case_id, action, changes) VALUES (?, 'Mette', 'case', 1, 1, 'Ændret', ?)");
    // Times written before the chain may go back and be in another ISO form: they are kept as they were.
    ins.run('2025-06-15T10:00:00Z', '[{"field":"Status","before":"a","after":"b"}]');
    ins.run('2025-06-14T09:00:00.000Z', '[]');
    ins.run('2025-06-16T09:00:00.000Z', '[]');
    migrate(db, { file: null });
    expect(row(db, 1)).toMatchObject({ at: '2025-06-15T10:00:00Z', prev_hash: GENESIS, details_sha256: sha256Hex('[{"field":"Status","before":"a","after":"b"}]'), redacted_by: null });
    expect(row(db, 2)['prev_hash']).toBe(row(db, 1)['hash']);
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 3, head: { id: 3, hash: row(db, 3)['hash'] } });
    // The next entry from a clock behind the last legacy row is stored at that row's time, in the one form.
    appendAudit(db, entry({ at: '2025-06-01T00:00:00.000Z' }));
    expect(row(db, 4)).toMatchObject({ at: '2025-06-16T09:00:00.000Z', prev_hash: row(db, 3)['hash'] });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 4 });
  });

  it('chains an empty log too (the first entry points at the genesis value)', () => {
    const db = migrated();
    expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 0, head: null });
    appendAudit(db, entry());
    expect(row(db, 1)['prev_hash']).toBe(GENESIS);
    expect(m0190).toBeTypeOf('function');
  });
});

describe('appendAudit', () => {
  it('assigns id max+1 and the previous hash, and a verified chain results', () => {
    const db = logOf(5);
    expect((db.prepare('SELECT id FROM audit_log ORDER BY id').pluck().all() as number[])).toEqual([1, 2, 3, 4, 5]);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 5, head: { id: 5 } });
  });

  it('never refuses work when the PC clock goes back: the previous time is kept', () => {
    const db = migrated();
    appendAudit(db, entry({ at: '2025-06-15T12:00:00.000Z' }));
    expect(() => appendAudit(db, entry({ at: '2025-06-15T08:00:00.000Z' }))).not.toThrow();
    appendAudit(db, entry({ at: '2025-06-15T13:00:00Z' }));
    expect(db.prepare('SELECT at FROM audit_log ORDER BY id').pluck().all()).toEqual(['2025-06-15T12:00:00.000Z', '2025-06-15T12:00:00.000Z', '2025-06-15T13:00:00.000Z']);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 3 });
  });

  it('keeps an imported entry’s own time for the history while `at` follows the log', () => {
    const db = migrated();
    appendAudit(db, entry({ at: '2025-06-15T12:00:00.000Z' }));
    appendAudit(db, entry({ at: '2025-06-15T12:00:00.000Z', action: 'Oprettet', originalAt: '2019-02-03T04:05:06.000Z' }));
    expect(caseHistory(db, 1).map((h) => [h.action, h.at])).toEqual([['Oprettet', '2019-02-03T04:05:06.000Z'], ['Ændret', '2025-06-15T12:00:00.000Z']]);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 2 });
  });
});

describe('the database refuses, through plain SQL', () => {
  it('INSERT OR REPLACE of an existing row', () => {
    const db = logOf(3);
    const before = row(db, 2);
    expect(() => rawInsert(db, { id: 2, verb: 'INSERT OR REPLACE' })).toThrow(/næste i rækken/);
    expect(() => rawInsert(db, { id: 2, verb: 'REPLACE' })).toThrow(/næste i rækken/);
    expect(row(db, 2)).toEqual(before);
  });

  it('an id out of order, or left to SQLite', () => {
    const db = logOf(3);
    expect(() => rawInsert(db, { id: 5 })).toThrow(/næste i rækken/);
    expect(() => db.prepare("INSERT INTO audit_log (at, actor, entity, action) VALUES ('2030-01-01T00:00:00.000Z', 'X', 'case', 'Indsat')").run()).toThrow(/næste i rækken/);
    rawInsert(db);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 4 });
  });

  it('a back-dated row, a time in another form, and a row without hashes', () => {
    const db = logOf(3);
    expect(() => rawInsert(db, { at: '2025-06-15T09:00:00.000Z' })).toThrow(/før den forrige/);
    expect(() => rawInsert(db, { at: '2030-01-01 00:00:00' })).toThrow(/formen/);
    expect(() => rawInsert(db, { at: '2030-01-01T00:00:00Z' })).toThrow(/formen/);
    expect(() => rawInsert(db, { hash: null })).toThrow(/mangler sin hash/);
    expect(() => db.prepare("INSERT INTO audit_log (id, at, actor, entity, action, prev_hash, hash, details_sha256) VALUES (4, '2030-01-01T00:00:00.000Z', 'X', 'case', 'I', ?, ?, ?)")
      .run('f'.repeat(64), 'e'.repeat(64), sha256Hex('[]'))).toThrow(/forrige rækkes hash/);
  });

  it('UPDATE and DELETE', () => {
    const db = logOf(3);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'Y' WHERE id = 2").run()).toThrow(/ikke ændres/);
    expect(() => db.prepare("UPDATE audit_log SET changes = '[]' WHERE id = 2").run()).toThrow(/ikke ændres/);
    // Not even dressed up as an anonymisation, when no retention run names it.
    expect(() => db.prepare("UPDATE audit_log SET changes = '[]', redacted_by = 3 WHERE id = 2").run()).toThrow(/ikke ændres/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 3').run()).toThrow(/ikke slettes/);
    expect(() => db.prepare('UPDATE audit_chain_origin SET last_legacy_id = 99').run()).toThrow(/kan ikke ændres/);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 3 });
  });
});

describe('verifyAuditChain finds tampering done with the triggers dropped', () => {
  const dropTriggers = (db: WritableDB) => db.exec('DROP TRIGGER audit_log_only_anonymised; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_append_only;');

  it('a changed value in the middle', () => {
    const db = logOf(6);
    dropTriggers(db);
    db.prepare(`UPDATE audit_log SET changes = '[{"field":"Status","before":"Modtaget","after":"Afsluttet"}]' WHERE id = 4`).run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenId: 4, reason: expect.stringMatching(/Række 4 er ændret/) });
  });

  it('a changed actor or time, even with the row hash recomputed (the next row then breaks)', () => {
    const db = logOf(6);
    dropTriggers(db);
    db.prepare("UPDATE audit_log SET actor = 'Nogen anden' WHERE id = 3").run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenId: 3 });
    const r = row(db, 3);
    const rehash = auditRowHash({
      prevHash: String(r['prev_hash']), id: 3, at: String(r['at']), actor: 'Nogen anden', entity: String(r['entity']), entityId: r['entity_id'] as number,
      caseId: r['case_id'] as number, action: String(r['action']), detailsSha256: String(r['details_sha256']), originalAt: null,
    });
    db.prepare('UPDATE audit_log SET hash = ? WHERE id = 3').run(rehash);
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenId: 4, reason: expect.stringMatching(/peger ikke på den forrige/) });
  });

  it('a row deleted in the middle', () => {
    const db = logOf(6);
    dropTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE id = 3').run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenId: 3, reason: expect.stringMatching(/Række 3 mangler/) });
  });

  it('a back-dated row, correctly chained', () => {
    const db = logOf(3);
    dropTriggers(db);
    rawInsert(db, { at: '2024-01-01T00:00:00.000Z' });
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenId: 4, reason: expect.stringMatching(/dateret før/) });
  });

  it('the last rows deleted: found against the anchor kept beside the database', () => {
    const db = logOf(6);
    const head = verifyAuditChain(db);
    expect(head.ok).toBe(true);
    if (!head.ok || head.head === null) return;
    dropTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE id >= 5').run();
    // Without the anchor the shorter chain is valid; that is what the anchor is for.
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 4 });
    expect(verifyAuditChain(db, head.head)).toMatchObject({ ok: false, rows: 4, firstBrokenId: 5, reason: expect.stringMatching(/kortere end sidst/) });
  });

  it('the whole log replaced by another of the same length or longer', () => {
    const db = logOf(4);
    const head = verifyAuditChain(db);
    if (!head.ok || head.head === null) throw new Error('forventede en gyldig kæde');
    const other = migrated();
    for (let i = 0; i < 5; i++) appendAudit(other, entry({ actor: 'En anden', at: new Date(Date.UTC(2025, 5, 15, 10, i)).toISOString() }));
    db.close();
    expect(verifyAuditChain(other, head.head)).toMatchObject({ ok: false, firstBrokenId: 4, reason: expect.stringMatching(/udskiftet/) });
    expect(verifyAuditChain(migrated(), head.head)).toMatchObject({ ok: false, firstBrokenId: 1, reason: expect.stringMatching(/kortere/) });
  });
});

describe('redactAuditForCases', () => {
  const retention = (db: WritableDB) => appendAudit(db, entry({ entity: 'retention', entityId: null, caseId: null, action: RETENTION_AUDIT_ACTION, changes: [] }));
  const anonymise = (cs: Array<{ field: string; before: string; after: string }>) => cs.map((c) => ({ ...c, before: '[anonymiseret]', after: '[anonymiseret]' }));

  it('anonymises the old values of the given henvendelser only, and the chain still verifies', () => {
    const db = logOf(6);
    const run = retention(db);
    expect(redactAuditForCases(db, [1, 2], run, anonymise)).toBe(4);
    expect(db.prepare('SELECT id FROM audit_log WHERE redacted_by = ? ORDER BY id').pluck().all(run)).toEqual([1, 2, 4, 5]);
    expect(row(db, 1)['changes']).toBe('[{"field":"Status","before":"[anonymiseret]","after":"[anonymiseret]"}]');
    expect(row(db, 3)['changes']).toContain('Modtaget');
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 7 });
    // Once only: a second run leaves them as the first left them.
    const again = retention(db);
    expect(redactAuditForCases(db, [1], again, (cs) => cs.map((c) => ({ ...c, before: 'x' })))).toBe(0);
  });

  it('needs a retention run’s row, and refuses a redaction that changes the fields', () => {
    const db = logOf(3);
    expect(() => redactAuditForCases(db, [1], 3, anonymise)).toThrow(/ikke en sletning efter opbevaringsfrist/);
    const run = retention(db);
    expect(() => redactAuditForCases(db, [1], run, () => [])).toThrow(/kun ændre værdierne/);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, rows: 4 });
  });

  it('through plain SQL: only once, only naming a later retention row', () => {
    const db = logOf(3);
    const run = retention(db);
    db.prepare("UPDATE audit_log SET changes = '[{\"field\":\"Status\",\"before\":\"\",\"after\":\"\"}]', redacted_by = ? WHERE id = 1").run(run);
    expect(() => db.prepare("UPDATE audit_log SET changes = '[{\"field\":\"Status\",\"before\":\"x\",\"after\":\"\"}]', redacted_by = ? WHERE id = 1").run(run)).toThrow(/ikke ændres/);
    expect(() => db.prepare("UPDATE audit_log SET changes = '[]', redacted_by = ? WHERE id = 4").run(run)).toThrow(/ikke ændres/);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('with the triggers dropped, a row marked as anonymised by something else is found', () => {
    const db = logOf(3);
    db.exec('DROP TRIGGER audit_log_only_anonymised');
    db.prepare("UPDATE audit_log SET changes = '[]', redacted_by = 3 WHERE id = 2").run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, firstBrokenId: 2, reason: expect.stringMatching(/ikke er en sletning/) });
  });
});

describe('the anchor file', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it('is written readable by the user only, moves forward on close, and catches a log cut short', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ombud-anker-'));
    const file = path.join(dir, 'ombud.sqlite');
    const db = logOf(4);
    expect(readAuditAnchor(file)).toBeNull();
    expect(verifyAndAnchor(db, file)).toMatchObject({ ok: true, rows: 4 });
    expect(readAuditAnchor(file)).toEqual({ id: 4, hash: row(db, 4)['hash'] });
    if (process.platform !== 'win32') expect(statSync(auditAnchorPath(file)).mode & 0o777).toBe(0o600);
    appendAudit(db, entry({ at: '2025-07-01T00:00:00.000Z' }));
    anchorOnClose(db, file);
    expect(readAuditAnchor(file)).toMatchObject({ id: 5 });

    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE id = 5').run();
    expect(verifyAndAnchor(db, file)).toMatchObject({ ok: false, firstBrokenId: 5 });
    // Neither a failed verification nor closing moves the anchor back to the shorter log.
    anchorOnClose(db, file);
    expect(readAuditAnchor(file)).toMatchObject({ id: 5 });
    expect(verifyAndAnchor(db, file)).toMatchObject({ ok: false, firstBrokenId: 5 });
  });

  it('ignores a damaged anchor file rather than failing', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'ombud-anker-'));
    const file = path.join(dir, 'ombud.sqlite');
    writeAuditAnchor(file, { id: 1, hash: 'a'.repeat(64) });
    expect(readAuditAnchor(file)).toEqual({ id: 1, hash: 'a'.repeat(64) });
    rmSync(auditAnchorPath(file));
    expect(readAuditAnchor(file)).toBeNull();
  });
});
