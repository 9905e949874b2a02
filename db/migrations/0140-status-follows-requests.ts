/**
 * 0140: whether a henvendelse's status was set by the adviser or follows the case.
 *
 * While a request to the forvaltning is open the status is "afventer forvaltningen", unless the
 * adviser chose a status by hand (`status_manual` = 1); when the last open request is answered or
 * closed, the status returns to `status_resume`, the status the case had when it started waiting
 * (null: not waiting). Existing cases keep the status they have, so they count as set by hand:
 * nothing changes under an adviser's feet on the first start after the upgrade.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    ALTER TABLE cases ADD COLUMN status_manual INTEGER NOT NULL DEFAULT 1 CHECK (status_manual IN (0, 1));
    ALTER TABLE cases ADD COLUMN status_resume TEXT CHECK (status_resume IN ('modtaget', 'under_behandling', 'afventer_forvaltningen', 'afsluttet'));
  `);
}
