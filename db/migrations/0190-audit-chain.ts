/**
 * 0190: the audit log becomes hash-chained and append-only in every way SQL allows.
 *
 * Before: triggers refused UPDATE and DELETE, but `INSERT OR REPLACE` overwrote a row, a back-dated
 * row could be inserted with any id, and `DROP TRIGGER` followed by UPDATE/DELETE went unnoticed.
 *
 * - `prev_hash`, `hash`: each row carries the hash of the row before it (the first row: GENESIS),
 *   and its own hash over [prev_hash, id, at, actor, entity, entity_id, case_id, action,
 *   details_sha256, original_at] serialised as a JSON array (auditRowHash below). Changing, removing
 *   or inserting a row anywhere breaks every hash after it.
 * - `details_sha256`: SHA-256 of `changes` as first written. The one permitted change of `changes`
 *   (a retention run anonymising old values) leaves it as it was, so the chain still verifies.
 * - `redacted_by`: NULL, or the id of the later row (a retention run, RETENTION_ACTION) that
 *   anonymised this row's `changes`.
 * - `original_at`: NULL, or, for an entry carried by an imported JSON export, the time the other
 *   database recorded it (the history shows that time; `at` is when this log received it, so `at`
 *   never goes back).
 * - `audit_chain_origin`: how many rows existed before the chain (their times were not checked when
 *   written and may go back; their content is chained like any other row).
 *
 * Triggers: an INSERT must take exactly max(id)+1 (so REPLACE of an existing id is refused too: a
 * BEFORE INSERT trigger runs before the conflict is resolved), carry its hashes and the previous
 * row's hash, and an `at` in the one ISO format (`YYYY-MM-DDTHH:MM:SS.sssZ`, Date.toISOString) not
 * earlier than the previous row's. UPDATE only anonymises (above); DELETE is refused.
 *
 * Frozen: the hash function and the retention run's action are written out here, never imported
 * (db/queries/audit-chain.ts has the live definition; test/db/audit-chain.test.ts asserts they agree).
 */
import { createHash } from 'node:crypto';
import type { WritableDB } from '../types';

/** The prev_hash of the first row. */
export const GENESIS = '0'.repeat(64);

/** The action of a retention run's own audit row, the only row that may anonymise others. */
export const RETENTION_ACTION = 'Sletning efter opbevaringsfrist';

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

type ChainedFields = {
  prev_hash: string; id: number; at: string; actor: string; entity: string; entity_id: number | null; case_id: number | null;
  action: string; details_sha256: string; original_at: string | null;
};

/** The row's hash as this migration computed it (frozen). */
export function auditRowHash(r: ChainedFields): string {
  return sha256(JSON.stringify([r.prev_hash, r.id, r.at, r.actor, r.entity, r.entity_id, r.case_id, r.action, r.details_sha256, r.original_at]));
}

type OldRow = { id: number; at: string; actor: string; entity: string; entity_id: number | null; case_id: number | null; action: string; changes: string };

export default function up(db: WritableDB): void {
  db.exec(`
    DROP TRIGGER audit_log_no_update;
    ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
    ALTER TABLE audit_log ADD COLUMN hash TEXT;
    ALTER TABLE audit_log ADD COLUMN details_sha256 TEXT;
    ALTER TABLE audit_log ADD COLUMN redacted_by INTEGER;
    ALTER TABLE audit_log ADD COLUMN original_at TEXT;
    CREATE TABLE audit_chain_origin (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      legacy_rows INTEGER NOT NULL,
      last_legacy_id INTEGER NOT NULL
    ) STRICT;
  `);

  // Existing rows are chained once, in the order of their ids.
  const rows = db.prepare('SELECT id, at, actor, entity, entity_id, case_id, action, changes FROM audit_log ORDER BY id').iterate() as IterableIterator<OldRow>;
  const set = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ?, details_sha256 = ? WHERE id = ?');
  let prev = GENESIS;
  let count = 0;
  let lastId = 0;
  const updates: Array<[string, string, string, number]> = [];
  for (const r of rows) {
    const details = sha256(r.changes);
    const hash = auditRowHash({ prev_hash: prev, id: r.id, at: r.at, actor: r.actor, entity: r.entity, entity_id: r.entity_id, case_id: r.case_id, action: r.action, details_sha256: details, original_at: null });
    updates.push([prev, hash, details, r.id]);
    prev = hash;
    count++;
    lastId = r.id;
  }
  for (const u of updates) set.run(...u);
  db.prepare('INSERT INTO audit_chain_origin (id, legacy_rows, last_legacy_id) VALUES (1, ?, ?)').run(count, lastId);

  db.exec(`
    CREATE TRIGGER audit_chain_origin_fixed_update BEFORE UPDATE ON audit_chain_origin
      BEGIN SELECT RAISE(ABORT, 'revisionssporets udgangspunkt kan ikke ændres'); END;
    CREATE TRIGGER audit_chain_origin_fixed_delete BEFORE DELETE ON audit_chain_origin
      BEGIN SELECT RAISE(ABORT, 'revisionssporets udgangspunkt kan ikke slettes'); END;

    CREATE TRIGGER audit_log_append_only BEFORE INSERT ON audit_log
    BEGIN
      SELECT RAISE(ABORT, 'audit_log: id skal være det næste i rækken')
        WHERE NEW.id IS NOT (SELECT coalesce(max(id), 0) + 1 FROM audit_log);
      SELECT RAISE(ABORT, 'audit_log: rækken mangler sin hash')
        WHERE NEW.hash IS NULL OR NEW.prev_hash IS NULL OR NEW.details_sha256 IS NULL
          OR length(NEW.hash) <> 64 OR length(NEW.details_sha256) <> 64;
      SELECT RAISE(ABORT, 'audit_log: prev_hash er ikke den forrige rækkes hash')
        WHERE NEW.prev_hash IS NOT coalesce((SELECT hash FROM audit_log WHERE id = NEW.id - 1), '${GENESIS}');
      SELECT RAISE(ABORT, 'audit_log: tidspunktet skal have formen ÅÅÅÅ-MM-DDTHH:MM:SS.sssZ')
        WHERE NEW.at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9].[0-9][0-9][0-9]Z'
          OR julianday(NEW.at) IS NULL;
      SELECT RAISE(ABORT, 'audit_log: tidspunktet ligger før den forrige række')
        WHERE julianday(NEW.at) < julianday((SELECT at FROM audit_log WHERE id = NEW.id - 1));
      SELECT RAISE(ABORT, 'audit_log: en ny række kan ikke være anonymiseret')
        WHERE NEW.redacted_by IS NOT NULL;
    END;

    CREATE TRIGGER audit_log_only_anonymised BEFORE UPDATE ON audit_log
    BEGIN
      SELECT RAISE(ABORT, 'audit_log kan kun udvides, ikke ændres')
        WHERE OLD.redacted_by IS NOT NULL
          OR NEW.redacted_by IS NULL
          OR NEW.redacted_by <= OLD.id
          OR NOT EXISTS (SELECT 1 FROM audit_log r WHERE r.id = NEW.redacted_by AND r.action = '${RETENTION_ACTION}')
          OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor IS NOT OLD.actor OR NEW.entity IS NOT OLD.entity
          OR NEW.entity_id IS NOT OLD.entity_id OR NEW.case_id IS NOT OLD.case_id OR NEW.action IS NOT OLD.action
          OR NEW.prev_hash IS NOT OLD.prev_hash OR NEW.hash IS NOT OLD.hash OR NEW.details_sha256 IS NOT OLD.details_sha256
          OR NEW.original_at IS NOT OLD.original_at;
      -- The anonymised text keeps the entry's fields in their order; only the values change.
      SELECT RAISE(ABORT, 'audit_log: en anonymisering må kun ændre værdierne')
        WHERE NOT json_valid(NEW.changes) OR json_type(NEW.changes) <> 'array'
          OR (SELECT json_group_array(json_extract(value, '$.field')) FROM json_each(OLD.changes))
             IS NOT (SELECT json_group_array(json_extract(value, '$.field')) FROM json_each(NEW.changes));
    END;
  `);
}
