/**
 * Migration 0050 adds requests.explicit_due: requests written under version 40 keep their data and
 * count as computed (no explicit date); an explicit date before the sending date is refused.
 */
import { describe, expect, it } from 'vitest';
import { upgradedWithRequest } from './old-database';

describe('migration 0050: explicit request due dates', () => {
  it('keeps a version-40 request as computed, and stores an explicit date', () => {
    const db = upgradedWithRequest(40);
    expect(db.prepare('SELECT due_on, explicit_due FROM requests WHERE id = 1').get()).toEqual({ due_on: '2025-03-17', explicit_due: null });
    db.prepare("UPDATE requests SET explicit_due = '2025-03-31', due_on = '2025-03-31' WHERE id = 1").run();
    expect(db.prepare('SELECT explicit_due FROM requests WHERE id = 1').pluck().get()).toBe('2025-03-31');
    db.close();
  });

  it('refuses an explicit date before the request was sent', () => {
    const db = upgradedWithRequest(40);
    expect(() => db.prepare("UPDATE requests SET explicit_due = '2025-03-01' WHERE id = 1").run()).toThrow(/CHECK constraint failed/);
    db.close();
  });
});
