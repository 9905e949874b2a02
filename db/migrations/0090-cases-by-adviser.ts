/**
 * 0090: the case list's "Mine sager" and the Frister overview filter henvendelser by their adviser.
 * Without an index that filter reads every row of `cases` (100,000 in the bench); with
 * (adviser_id, received_on) it finds one adviser's henvendelser directly, already in the list's
 * default order (newest received first; rowid is the index's implicit last column). Henvendelser
 * without an adviser are never looked up this way, so they are left out of the index.
 *
 * Frozen in time: plain SQL only.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec('CREATE INDEX cases_adviser ON cases (adviser_id, received_on) WHERE adviser_id IS NOT NULL');
}
