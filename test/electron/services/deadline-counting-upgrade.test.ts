/**
 * Deadlines stored under older counting rules are recomputed once at start (electron/services/
 * deadlines.ts, upgradeDeadlineCounting): a klagefrist that version 1 extended over a closing day
 * must not keep showing the citizen a later date than the law allows (legal-rules.md § b.5).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEADLINE_COUNTING_VERSION, getDeadlineSettings, saveDeadlineSettings, upgradeDeadlineCounting } from '../../../electron/services/deadlines';
import { getKlagefrist, setKlagefrist } from '../../../electron/services/klagefrist';
import { deadlineWorld, type DeadlineWorld } from './deadline-helpers';

let w: DeadlineWorld;
beforeEach(() => {
  w = deadlineWorld('2025-06-10');
});
afterEach(() => w.app.close());

describe('recomputing deadlines stored under older counting rules', () => {
  it('moves a klagefrist that a closing day had extended back to the legal date, once, and logs it on the case', () => {
    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), closingDays: [{ date: '2025-06-30', reason: 'Personaledag' }] });
    const k = w.klage('2025-06-03');
    setKlagefrist(w.ctx, k.caseId, { notifiedOn: '2025-06-02', channel: 'digital_post', guidance: 'korrekt', basis: { kind: 'regel', ruleId: 'rsl-67-klagefrist' } });
    // What version 1 stored: the closing day moved the last day to 01.07.2025.
    w.ctx.db.prepare("UPDATE cases SET klagefrist_due = '2025-07-01' WHERE id = ?").run(k.caseId);
    w.ctx.db.prepare("DELETE FROM settings WHERE key = 'deadline_counting_version'").run();

    expect(upgradeDeadlineCounting(w.ctx)).toBe(1);
    expect(getKlagefrist(w.ctx, k.caseId).klagefrist?.dueOn).toBe('2025-06-30');
    expect(w.actions(k.caseId).at(-1)).toMatch(/^Frist genberegnet efter nye regler for, hvis frist det er .*: 01\.07\.2025 → 30\.06\.2025$/);
    expect(w.ctx.db.prepare("SELECT value FROM settings WHERE key = 'deadline_counting_version'").pluck().get()).toBe(String(DEADLINE_COUNTING_VERSION));
    // Once only.
    expect(upgradeDeadlineCounting(w.ctx)).toBe(0);
  });
});
