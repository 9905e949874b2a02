/** electron/services/klagefrist.ts: the citizen's klagefrist from the notice, its state, and the .ics file. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getSettings, saveSettings } from '../../../electron/services/deadlines';
import { check, get, ics, icsEscape, icsFold, set } from '../../../electron/services/klagefrist';
import { thrownAppError } from '../../db/helpers';
import { deadlineWorld, type DeadlineWorld } from './deadline-helpers';

let w: DeadlineWorld;
beforeEach(() => {
  w = deadlineWorld('2025-06-20');
});
afterEach(() => w.app.close());

describe('the klagefrist', () => {
  it('Digital Post counts from the day it was available (legal-rules.md § b.2: 03.06.2025 → 01.07.2025)', () => {
    const k = check(w.ctx, { notifiedOn: '2025-06-03', channel: 'digital_post', ruleId: null });
    expect(k.dueOn).toBe('2025-07-01');
    expect(k.explanation.rule?.id).toBe('rsl-67-klagefrist');
    expect(k.explanation.lines[0]).toBe('Afgørelsen var tilgængelig i Digital Post 03.06.2025; den dag regnes som modtagelsesdagen, også hvis det er en weekend eller helligdag.');
    expect(k).toMatchObject({ state: 'afventer', daysLeft: 11 });
  });

  it('a letter is presumed received 6 hverdage after its date, then 4 uger', () => {
    // 02.06.2025 + 6 hverdage: 3, 4, 5, 6, (7–8 weekend, 9 2. pinsedag) 10, 11 → onsdag 11.06.2025.
    const k = check(w.ctx, { notifiedOn: '2025-06-02', channel: 'brev', ruleId: null });
    expect(k.explanation.start).toBe('2025-06-11');
    expect(k.dueOn).toBe('2025-07-09');
    expect(k.explanation.lines[0]).toMatch(/^Brev dateret 02\.06\.2025: formodes modtaget 6 hverdage efter dateringen \(Ankestyrelsens vejledning fra 2018/);
    saveSettings(w.ctx, { ...getSettings(w.ctx), letterPresumptionWorkingDays: 2 });
    expect(check(w.ctx, { notifiedOn: '2025-06-02', channel: 'brev', ruleId: null }).dueOn).toBe('2025-07-02');
    expect(check(w.ctx, { notifiedOn: '2025-06-02', channel: 'personligt', ruleId: null }).dueOn).toBe('2025-06-30');
  });

  it('rolls forward from Kristi himmelfartsdag (legal-rules.md § b.3: 01.05.2025 → 30.05.2025)', () => {
    const k = check(w.ctx, { notifiedOn: '2025-05-01', channel: 'digital_post', ruleId: null });
    expect(k.explanation.counts).toBe('2025-05-29');
    expect(k.dueOn).toBe('2025-05-30');
    expect(k.state).toBe('overskredet');
  });

  it('snart within soonWorkingDays, overskredet when passed', () => {
    const k = w.klage('2025-05-20');
    set(w.ctx, k.caseId, { notifiedOn: '2025-06-03', channel: 'digital_post', ruleId: null });
    w.setToday('2025-06-26');
    expect(get(w.ctx, k.caseId).klagefrist?.state).toBe('afventer'); // 27, 30, 1: three working days
    w.setToday('2025-06-27');
    expect(get(w.ctx, k.caseId).klagefrist?.state).toBe('snart');
    w.setToday('2025-07-01');
    expect(get(w.ctx, k.caseId).klagefrist).toMatchObject({ state: 'snart', daysLeft: 0 });
    w.setToday('2025-07-02');
    expect(get(w.ctx, k.caseId).klagefrist).toMatchObject({ state: 'overskredet', daysLeft: -1 });
  });

  it('is stored on the case and logged; null clears it; a rule without a computable deadline is refused', () => {
    const k = w.klage('2025-05-20');
    expect(set(w.ctx, k.caseId, { notifiedOn: '2025-06-03', channel: 'digital_post', ruleId: null })?.dueOn).toBe('2025-07-01');
    expect(get(w.ctx, k.caseId).notice).toEqual({ notifiedOn: '2025-06-03', channel: 'digital_post', ruleId: 'rsl-67-klagefrist' });
    expect(w.ctx.db.prepare('SELECT klagefrist_due FROM cases WHERE id = ?').pluck().get(k.caseId)).toBe('2025-07-01');
    expect(w.actions(k.caseId)).toContain('Klagefrist registreret: 01.07.2025');
    const e = thrownAppError(() => set(w.ctx, k.caseId, { notifiedOn: '2025-06-03', channel: 'brev', ruleId: 'ksl-65e-borgerraadgiver' }));
    expect(e.fields?.['ruleId']).toMatch(/har ingen frist, der kan beregnes/);
    expect(thrownAppError(() => check(w.ctx, { notifiedOn: '2025-06-21', channel: 'brev', ruleId: null })).fields).toEqual({ notifiedOn: 'Datoen for meddelelsen kan ikke ligge i fremtiden.' });
    expect(set(w.ctx, k.caseId, null)).toBeNull();
    expect(get(w.ctx, k.caseId)).toEqual({ notice: null, klagefrist: null, target: null });
    expect(w.actions(k.caseId).at(-1)).toBe('Klagefrist fjernet');
  });
});

describe('.ics export', () => {
  it('one all-day event with a 2-day alarm, CRLF, escaped text, stable UID, and only the sagsnr', () => {
    const k = w.klage('2025-05-20', '2025-0042');
    set(w.ctx, k.caseId, { notifiedOn: '2025-06-03', channel: 'digital_post', ruleId: null });
    const file = ics(w.ctx, k.caseId);
    expect(file).toMatchObject({ fileName: 'klagefrist-2025-0042.ics', mimeType: 'text/calendar' });
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('\r\nDTSTART;VALUE=DATE:20250701\r\nDTEND;VALUE=DATE:20250702\r\n');
    expect(unfolded).toContain('\r\nSUMMARY:Klagefrist: 2025-0042\r\n');
    expect(unfolded).toContain('\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n');
    expect(unfolded).toContain('\r\nTRIGGER:-P2D\r\n');
    expect(unfolded).toContain(`\r\nUID:ombud-klagefrist-${k.caseId}@ombud.local\r\n`);
    expect(unfolded).toContain('DESCRIPTION:Afgørelsen var tilgængelig i Digital Post 03.06.2025\\; den dag regnes som modtagelsesdagen\\, også');
    expect(unfolded).toContain('\\nFristen udløber tirsdag 01.07.2025.');
    // No personal data: the citizen's name from caseInput is nowhere in the file.
    expect(unfolded).not.toContain('Søren');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // The same case gives the same UID on a second export.
    expect(Buffer.from(ics(w.ctx, k.caseId).contentBase64, 'base64').toString('utf8')).toContain(`UID:ombud-klagefrist-${k.caseId}@ombud.local`);
    expect(thrownAppError(() => ics(w.ctx, w.klage('2025-05-20').caseId)).code).toBe('not_found');
  });

  it('escapes and folds per RFC 5545', () => {
    expect(icsEscape('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = icsFold(`DESCRIPTION:${'æ'.repeat(60)}`);
    expect(folded.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'æ'.repeat(60)}`);
  });
});
