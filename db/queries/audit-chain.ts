/**
 * The audit log's hash chain (migration 0190): the row hash, the verification that recomputes it,
 * and the one permitted change of an old row (a retention run anonymising its old values).
 *
 * The hash definition here is the live one; migration 0190 keeps a frozen copy for the rows it
 * chained, and test/db/audit-chain.test.ts asserts the two agree.
 */
import { createHash } from 'node:crypto';
import type { ReadableDB, WritableDB } from '../types';
import { cached } from './cached';

/** The prev_hash of the first row. */
export const AUDIT_GENESIS = '0'.repeat(64);

/** The action of a retention run's own audit row; only such a row may anonymise older rows (migration 0190's trigger). */
export const RETENTION_AUDIT_ACTION = 'Sletning efter opbevaringsfrist';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What a row's hash covers: everything but `changes` itself (its SHA-256 as first written stands in for it). */
export type ChainedAuditFields = Readonly<{
  prevHash: string; id: number; at: string; actor: string; entity: string; entityId: number | null; caseId: number | null;
  action: string; detailsSha256: string; originalAt: string | null;
}>;

/** SHA-256 hex of the fields as a JSON array: one unambiguous text per row (no separator can be forged into a value). */
export function auditRowHash(r: ChainedAuditFields): string {
  return sha256Hex(JSON.stringify([r.prevHash, r.id, r.at, r.actor, r.entity, r.entityId, r.caseId, r.action, r.detailsSha256, r.originalAt]));
}

/** The one stored time format (Date.toISOString), so that comparing two times as text compares them as dates. */
export const AUDIT_AT_FORMAT = /^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** `at` in the stored format; throws on a time that is not one. */
export function canonicalAuditAt(at: string): string {
  if (AUDIT_AT_FORMAT.test(at)) return at;
  const t = Date.parse(at);
  if (Number.isNaN(t)) throw new Error(`Ugyldigt tidspunkt i revisionssporet: ${at}`);
  const iso = new Date(t).toISOString();
  if (!AUDIT_AT_FORMAT.test(iso)) throw new Error(`Ugyldigt tidspunkt i revisionssporet: ${at}`);
  return iso;
}

export type AuditHead = Readonly<{ id: number; hash: string }>;

/** The newest row's id, hash and time, or null for an empty log. */
export function auditHead(db: ReadableDB): (AuditHead & { at: string }) | null {
  const row = cached(db, 'SELECT id, hash, at FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null; at: string } | undefined;
  return row === undefined ? null : { id: row.id, hash: row.hash ?? '', at: row.at };
}

/** The stored hash of row `id`, or null when there is no such row. */
export function auditHashAt(db: ReadableDB, id: number): string | null {
  return (cached(db, 'SELECT hash FROM audit_log WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null;
}

export type AuditChainResult =
  | { ok: true; rows: number; head: AuditHead | null }
  | { ok: false; rows: number; firstBrokenId: number; reason: string };

type ChainRow = [
  id: number, at: string, actor: string, entity: string, entityId: number | null, caseId: number | null, action: string, changes: string,
  prevHash: string | null, hash: string | null, detailsSha256: string | null, redactedBy: number | null, originalAt: string | null,
];

const CHAIN_SQL = `SELECT id, at, actor, entity, entity_id, case_id, action, changes, prev_hash, hash, details_sha256, redacted_by, original_at
  FROM audit_log WHERE id > ? ORDER BY id LIMIT ?`;

/** Rows written before the chain existed: their times were never checked and may go back (migration 0190). */
function lastLegacyId(db: ReadableDB): number {
  return (cached(db, 'SELECT last_legacy_id FROM audit_chain_origin WHERE id = 1').pluck().get() as number | undefined) ?? 0;
}

/**
 * Recompute every hash in id order: ids contiguous from 1 (a deleted row is a gap), each row
 * pointing at the one before it, `at` never going back (after the rows that predate the chain),
 * `details_sha256 === sha256(changes)` unless a retention run anonymised the row. With `anchor`
 * (the head recorded outside the database, db/audit-anchor.ts), a log that is shorter than it or
 * does not contain it is broken too: cutting off the newest rows leaves a valid but shorter chain.
 */
export function verifyAuditChain(db: ReadableDB, anchor?: AuditHead | null): AuditChainResult {
  const verifier = startAuditVerification(db, anchor);
  for (;;) {
    const result = verifier.step(10_000);
    if (result !== null) return result;
  }
}

/** A verification in steps: `step` checks up to `maxRows` more rows and returns the result when done, else null. */
export type AuditVerification = Readonly<{ step: (maxRows: number) => AuditChainResult | null; rowsChecked: () => number }>;

/**
 * The same verification, a chunk at a time, so the backend can answer requests between chunks
 * (100,000 rows take over a second). Each chunk reads by id (no iterator stays open, so other
 * statements run between chunks); rows appended meanwhile are verified too. Run a step only when
 * no write transaction is open on the connection: rows it saw could otherwise be rolled back.
 */
export function startAuditVerification(db: ReadableDB, anchor?: AuditHead | null): AuditVerification {
  let rows = 0;
  let prevHash = AUDIT_GENESIS;
  let prevTime = Number.NEGATIVE_INFINITY;
  let head: AuditHead | null = null;
  let anchorSeen = false;
  let done: AuditChainResult | null = null;
  const legacyUntil = lastLegacyId(db);
  const broken = (id: number, reason: string): AuditChainResult => ({ ok: false, rows, firstBrokenId: id, reason });
  const check = (r: ChainRow): AuditChainResult | null => {
    const [id, at, actor, entity, entityId, caseId, action, changes, storedPrev, storedHash, details, redactedBy, originalAt] = r;
    const expected = rows + 1;
    if (id !== expected) return broken(expected, `Række ${expected} mangler i revisionssporet (efter række ${rows} kommer række ${id}).`);
    rows++;
    if (storedPrev !== prevHash) return broken(id, `Række ${id} peger ikke på den forrige række: en række før den er ændret, fjernet eller indsat.`);
    if (details === null || storedHash === null) return broken(id, `Række ${id} mangler sin kontrolsum.`);
    if (redactedBy === null) {
      if (sha256Hex(changes) !== details) return broken(id, `Række ${id} er ændret: de registrerede ændringer svarer ikke til kontrolsummen.`);
    } else if (!(redactedBy > id && cached(db, 'SELECT action FROM audit_log WHERE id = ?').pluck().get(redactedBy) === RETENTION_AUDIT_ACTION)) {
      return broken(id, `Række ${id} er markeret som anonymiseret af række ${redactedBy}, som ikke er en sletning efter opbevaringsfrist.`);
    }
    const time = Date.parse(at);
    if (id > legacyUntil) {
      if (!AUDIT_AT_FORMAT.test(at) || Number.isNaN(time)) return broken(id, `Række ${id} har et ugyldigt tidspunkt (${at}).`);
      if (time < prevTime) return broken(id, `Række ${id} er dateret før rækken før den.`);
    }
    if (!Number.isNaN(time)) prevTime = Math.max(prevTime, time);
    const hash = auditRowHash({ prevHash, id, at, actor, entity, entityId, caseId, action, detailsSha256: details, originalAt });
    if (hash !== storedHash) return broken(id, `Række ${id} er ændret: dens kontrolsum passer ikke.`);
    if (anchor && id === anchor.id) {
      if (hash !== anchor.hash) return broken(id, `Række ${id} er ikke den række, der sidst blev registreret som den nyeste: revisionssporet er udskiftet eller skrevet om.`);
      anchorSeen = true;
    }
    prevHash = hash;
    head = { id, hash };
    return null;
  };
  const step = (maxRows: number): AuditChainResult | null => {
    if (done !== null) return done;
    const chunk = cached(db, CHAIN_SQL).raw().all(head?.id ?? 0, maxRows) as ChainRow[];
    for (const r of chunk) {
      done = check(r);
      if (done !== null) return done;
    }
    if (chunk.length === maxRows) return null;
    done = anchor && !anchorSeen
      ? broken(rows + 1, `Revisionssporet er kortere end sidst: det sluttede ved række ${anchor.id}, nu ved række ${rows}. Rækkerne fra ${rows + 1} er fjernet.`)
      : { ok: true, rows, head };
    return done;
  };
  return { step, rowsChecked: () => rows };
}

/** One change of an entry: field, old value, new value (db/queries/audit.ts). */
type Change = Readonly<{ field: string; before: string; after: string }>;

/**
 * Anonymise the old values of every entry of the given henvendelser, as a retention run does: the
 * one way an audit row may change. `redact` must keep each change's field (the trigger refuses
 * anything else); the row keeps its hash and `details_sha256` and names the retention run's row
 * (`retentionAuditId`, written first, action RETENTION_AUDIT_ACTION) in `redacted_by`, so the
 * chain still verifies and shows that, and by which run, the row was anonymised. Rows already
 * anonymised, and rows whose text is not a list of changes, are left as they are. Returns the number
 * of rows changed.
 */
export function redactAuditForCases(db: WritableDB, caseIds: ReadonlyArray<number>, retentionAuditId: number, redact: (changes: Change[]) => Change[]): number {
  return db.transaction(() => {
    if (cached(db, 'SELECT action FROM audit_log WHERE id = ?').pluck().get(retentionAuditId) !== RETENTION_AUDIT_ACTION) {
      throw new Error(`Række ${retentionAuditId} i revisionssporet er ikke en sletning efter opbevaringsfrist.`);
    }
    const rows = cached(db, `SELECT id, changes FROM audit_log
      WHERE case_id IN (SELECT value FROM json_each(?)) AND redacted_by IS NULL AND id < ? ORDER BY id`).all(JSON.stringify(caseIds), retentionAuditId) as Array<{ id: number; changes: string }>;
    const update = cached(db, 'UPDATE audit_log SET changes = ?, redacted_by = ? WHERE id = ?');
    let n = 0;
    for (const r of rows) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(r.changes);
      } catch {
        continue;
      }
      if (!Array.isArray(parsed)) continue;
      const before = parsed as Change[];
      const after = redact(before.map((c) => ({ ...c })));
      const text = JSON.stringify(after.map((c) => ({ field: c.field, before: c.before, after: c.after })));
      if (text === r.changes) continue;
      update.run(text, retentionAuditId, r.id);
      n++;
    }
    return n;
  })();
}
