/**
 * 0110: what the forvaltning answered, and which klagepunkter a request concerns.
 *
 * `answer_summary` holds the adviser's summary of the statement (empty for a request answered before
 * this version, or closed without answer). The forvaltning's agreement per klagepunkt is not stored
 * here: it is the klagepunkt's own `forvaltning_agreed` (migration 0030), which the answer sets.
 *
 * `request_points` links a request to the klagepunkter it asks about. A request without links (all
 * requests before this version) concerns the klagepunkter of its forvaltning. Removing a klagepunkt
 * removes its links; the request stays.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    ALTER TABLE requests ADD COLUMN answer_summary TEXT NOT NULL DEFAULT '' CHECK (length(answer_summary) <= 20000);

    CREATE TABLE request_points (
      request_id INTEGER NOT NULL REFERENCES requests(id) ON DELETE CASCADE,
      point_id INTEGER NOT NULL REFERENCES complaint_points(id) ON DELETE CASCADE,
      PRIMARY KEY (request_id, point_id)
    ) STRICT;
    CREATE INDEX request_points_point ON request_points(point_id);
  `);
}
