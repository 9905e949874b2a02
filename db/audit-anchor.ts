/**
 * The audit chain's anchor: the newest row's id and hash, kept outside the database in a small file
 * beside it (`<database>.revisionsspor`, readable by the user only). A hash chain alone cannot show
 * that its newest rows were cut off (what remains is still a valid chain); comparing with the head
 * recorded here can. It catches truncation of the log on this PC. It does not catch a database file
 * replaced together with its anchor file, or an anchor file deleted: whoever can do that can also
 * replace the program.
 *
 * Written after each verification that passes and when the database is closed; a broken chain
 * never overwrites the head recorded last, so the report stays until the chain is restored.
 */
import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { auditHashAt, auditHead, verifyAuditChain, type AuditChainResult, type AuditHead } from './queries/audit-chain';
import type { ReadableDB } from './types';

export const ANCHOR_SUFFIX = '.revisionsspor';

export function auditAnchorPath(databaseFile: string): string {
  return `${databaseFile}${ANCHOR_SUFFIX}`;
}

/** The recorded head, or null when there is none (a new database, or a file that is not an anchor). */
export function readAuditAnchor(databaseFile: string): AuditHead | null {
  let text: string;
  try {
    text = readFileSync(auditAnchorPath(databaseFile), 'utf8');
  } catch {
    return null;
  }
  try {
    const v = JSON.parse(text) as { id?: unknown; hash?: unknown };
    if (typeof v.id === 'number' && Number.isInteger(v.id) && v.id > 0 && typeof v.hash === 'string' && /^[0-9a-f]{64}$/.test(v.hash)) {
      return { id: v.id, hash: v.hash };
    }
  } catch {
    // A damaged anchor is no anchor: the chain itself is still verified.
  }
  return null;
}

/** Record `head` (written to a temporary file and renamed, so a crash never leaves half an anchor). */
export function writeAuditAnchor(databaseFile: string, head: AuditHead): void {
  const file = auditAnchorPath(databaseFile);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify({ id: head.id, hash: head.hash })}\n`, { mode: 0o600 });
  // mode applies only when the file is created; an older temporary file keeps its own.
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

/** Verify the chain against the recorded head and, when it holds, record the current head. */
export function verifyAndAnchor(db: ReadableDB, databaseFile: string | null): AuditChainResult {
  const result = verifyAuditChain(db, databaseFile === null ? null : readAuditAnchor(databaseFile));
  if (result.ok && result.head !== null && databaseFile !== null) writeAuditAnchor(databaseFile, result.head);
  return result;
}

/**
 * On close: record the head without recomputing the chain. Only moves the anchor forward along the
 * same chain: if the recorded row is gone or differs, the anchor stays, so the next start reports it.
 */
export function anchorOnClose(db: ReadableDB, databaseFile: string): void {
  const head = auditHead(db);
  if (head === null) return;
  const recorded = readAuditAnchor(databaseFile);
  if (recorded !== null) {
    if (head.id < recorded.id) return;
    if (auditHashAt(db, recorded.id) !== recorded.hash) return;
  }
  writeAuditAnchor(databaseFile, { id: head.id, hash: head.hash });
}
