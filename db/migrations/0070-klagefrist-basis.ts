/**
 * 0070: what the citizen's klagefrist rests on (legal-rules.md § b.5; FVL § 25).
 *
 * - `klagevejledning`: whether the decision gave correct klagevejledning ('korrekt', 'mangelfuld',
 *   'ukendt'). Without it the klagefrist may not be enforceable against the citizen, so the app must
 *   not call it simply "udløbet".
 * - `klagefrist_basis`: 'regel' (a catalogue rule that sets a klagefrist, `klagefrist_rule_id`),
 *   'ingen' (no statutory klagefrist: nothing is computed) or 'manuel' (a frist typed by hand with
 *   its source: `klagefrist_amount`, `klagefrist_unit`, `klagefrist_source`).
 *
 * Notices recorded before this version were always computed from a rule, and nobody was asked about
 * the klagevejledning: they become 'regel' with klagevejledning 'ukendt' (the honest answer).
 *
 * Frozen in time: the vocabularies in the CHECK constraints are written out as shipped.
 */
import type { WritableDB } from '../types';

export default function up(db: WritableDB): void {
  db.exec(`
    ALTER TABLE cases ADD COLUMN klagevejledning TEXT CHECK (klagevejledning IN ('korrekt','mangelfuld','ukendt'));
    ALTER TABLE cases ADD COLUMN klagefrist_basis TEXT CHECK (klagefrist_basis IN ('regel','ingen','manuel'));
    ALTER TABLE cases ADD COLUMN klagefrist_amount INTEGER CHECK (klagefrist_amount IS NULL OR klagefrist_amount > 0);
    ALTER TABLE cases ADD COLUMN klagefrist_unit TEXT CHECK (klagefrist_unit IN ('arbejdsdage','dage','uger','maaneder'));
    ALTER TABLE cases ADD COLUMN klagefrist_source TEXT;
    UPDATE cases SET klagevejledning = 'ukendt', klagefrist_basis = 'regel' WHERE decision_notified_on IS NOT NULL;
  `);
}
