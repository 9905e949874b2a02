/**
 * 0110: what the forvaltning answered, not only when. `answer_summary` holds the adviser's summary of
 * the statement (empty for a request answered before this version, or closed without answer). The
 * forvaltning's agreement per klagepunkt is not stored here: it is the klagepunkt's own
 * `forvaltning_agreed` (migration 0030), which recording the answer sets.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    ALTER TABLE requests ADD COLUMN answer_summary TEXT NOT NULL DEFAULT '' CHECK (length(answer_summary) <= 20000);
  `);
}
