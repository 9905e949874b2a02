/** electron/services/klagefrist.ts: the citizen's klagefrist from the notice, its state, and the .ics file. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getDeadlineSettings, saveDeadlineSettings } from '../../../electron/services/deadlines';
import { checkKlagefrist, getKlagefrist, klagefristIcs, icsEscape, icsFold, setKlagefrist } from '../../../electron/services/klagefrist';
import type { DecisionNoticeInput } from '../../../shared/domain/deadline-tracking';
import { thrownAppError } from '../../db/helpers';
import { deadlineWorld, type DeadlineWorld } from './deadline-helpers';

/** A notice under RSL § 67 with correct klagevejledning, unless `extra` says otherwise. */
function n(notifiedOn: string, channel: DecisionNoticeInput['channel'], extra: Partial<DecisionNoticeInput> = {}): DecisionNoticeInput {
  return { notifiedOn, channel, guidance: 'korrekt', basis: { kind: 'regel', ruleId: 'rsl-67-klagefrist' }, ...extra };
}

/** checkKlagefrist() for a notice that has a klagefrist. */
function due(w: DeadlineWorld, notice: DecisionNoticeInput) {
  const k = checkKlagefrist(w.ctx, notice);
  if (k === null) throw new Error('ingen klagefrist');
  return k;
}

let w: DeadlineWorld;
beforeEach(() => {
  w = deadlineWorld('2025-06-20');
});
afterEach(() => w.app.close());

describe('the klagefrist', () => {
  it('Digital Post counts from the day it was available (legal-rules.md § b.2: 03.06.2025 → 01.07.2025)', () => {
    const k = due(w, n('2025-06-03', 'digital_post'));
    expect(k.dueOn).toBe('2025-07-01');
    expect(k.explanation.rule?.id).toBe('rsl-67-klagefrist');
    expect(k.explanation.lines[0]).toBe('Afgørelsen var tilgængelig i Digital Post 03.06.2025; den dag regnes som modtagelsesdagen, også hvis det er en weekend eller helligdag.');
    expect(k).toMatchObject({ state: 'afventer', daysLeft: 11 });
  });

  it('a letter is presumed received 6 hverdage after its date, then 4 uger', () => {
    // 02.06.2025 + 6 hverdage: 3, 4, 5, 6, (7–8 weekend, 9 2. pinsedag) 10, 11 → onsdag 11.06.2025.
    const k = due(w, n('2025-06-02', 'brev'));
    expect(k.explanation.start).toBe('2025-06-11');
    expect(k.dueOn).toBe('2025-07-09');
    expect(k.explanation.lines[0]).toBe(
      'Brev dateret 02.06.2025: formodes modtaget 6 hverdage efter dateringen, dvs. onsdag 11.06.2025 (formodningsreglen i Justitsministeriets vejledning nr. 9533 af 26. juni 2018 om beregning af klagefrister).',
    );
    expect(k.explanation.letterLines[0]).toBe('Afgørelsen blev sendt med posten og er dateret den 2. juni 2025. Et brev regnes for modtaget 6 hverdage efter dateringen, det vil sige onsdag den 11. juni 2025.');
    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), letterPresumptionWorkingDays: 2 });
    expect(due(w, n('2025-06-02', 'brev')).dueOn).toBe('2025-07-02');
    expect(due(w, n('2025-06-02', 'personligt')).dueOn).toBe('2025-06-30');
  });

  it('rolls forward from Kristi himmelfartsdag (legal-rules.md § b.3: 01.05.2025 → 30.05.2025)', () => {
    const k = due(w, n('2025-05-01', 'digital_post'));
    expect(k.explanation.counts).toBe('2025-05-29');
    expect(k.dueOn).toBe('2025-05-30');
    expect(k.state).toBe('overskredet');
  });

  it('snart within soonWorkingDays, overskredet when passed', () => {
    const k = w.klage('2025-05-20');
    setKlagefrist(w.ctx, k.caseId, n('2025-06-03', 'digital_post'));
    w.setToday('2025-06-26');
    expect(getKlagefrist(w.ctx, k.caseId).klagefrist?.state).toBe('afventer'); // 27, 30, 1: three working days
    w.setToday('2025-06-27');
    expect(getKlagefrist(w.ctx, k.caseId).klagefrist?.state).toBe('snart');
    w.setToday('2025-07-01');
    expect(getKlagefrist(w.ctx, k.caseId).klagefrist).toMatchObject({ state: 'snart', daysLeft: 0 });
    w.setToday('2025-07-02');
    expect(getKlagefrist(w.ctx, k.caseId).klagefrist).toMatchObject({ state: 'overskredet', daysLeft: -1 });
  });

  it('is stored on the case and logged; null clears it; a rule without a computable deadline is refused', () => {
    const k = w.klage('2025-05-20');
    expect(setKlagefrist(w.ctx, k.caseId, n('2025-06-03', 'digital_post'))?.dueOn).toBe('2025-07-01');
    expect(getKlagefrist(w.ctx, k.caseId).notice).toEqual(n('2025-06-03', 'digital_post'));
    expect(w.ctx.db.prepare('SELECT klagefrist_due FROM cases WHERE id = ?').pluck().get(k.caseId)).toBe('2025-07-01');
    expect(w.actions(k.caseId)).toContain('Klagefrist registreret: 01.07.2025');
    const e = thrownAppError(() => setKlagefrist(w.ctx, k.caseId, n('2025-06-03', 'brev', { basis: { kind: 'regel', ruleId: 'ksl-65e-borgerraadgiver' } })));
    expect(e.fields?.['basis.ruleId']).toMatch(/har ingen frist, der kan beregnes/);
    expect(thrownAppError(() => checkKlagefrist(w.ctx, n('2025-06-21', 'brev'))).fields).toEqual({ notifiedOn: 'Datoen for meddelelsen kan ikke ligge i fremtiden.' });
    expect(setKlagefrist(w.ctx, k.caseId, null)).toBeNull();
    expect(getKlagefrist(w.ctx, k.caseId)).toEqual({ notice: null, klagefrist: null, target: null });
    expect(w.actions(k.caseId).at(-1)).toBe('Klagefrist fjernet');
  });
});

describe('whose deadline: the citizen’s klagefrist is never extended by closing days (legal-rules.md § b.5)', () => {
  it('a Digital Post decision of 02.06.2025 with a closing day on 30.06.2025 gives 30.06.2025, and says offices may be closed', () => {
    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), closingDays: [{ date: '2025-06-30', reason: 'Personaledag' }] });
    const k = due(w, n('2025-06-02', 'digital_post'));
    expect(k.dueOn).toBe('2025-06-30');
    expect(k.explanation.owner).toBe('borger');
    expect(k.explanation.lines.join('\n')).toMatch(/lukket/);
    expect(k.explanation.letterLines.join('\n')).toMatch(/30\. juni 2025/);
  });

  it('a letter’s presumption names Justitsministeriets vejledning, and warns for letters after PostNord stopped delivering', () => {
    w.setToday('2026-02-20');
    const k = due(w, n('2026-01-05', 'brev'));
    expect(k.explanation.lines[0]).toMatch(/Justitsministeriets vejledning nr\. 9533 af 26\. juni 2018/);
    expect(k.explanation.lines[1]).toMatch(/^PostNord omdelte de sidste breve 30\.12\.2025; formodningen er ikke efterprøvet/);
    saveDeadlineSettings(w.ctx, { ...getDeadlineSettings(w.ctx), letterPresumptionWorkingDays: 3 });
    expect(due(w, n('2026-01-05', 'brev')).explanation.lines[0]).toMatch(/kommunens indstilling \(Justitsministeriets vejledning .* bruger 6 hverdage\)/);
  });

  it('the letter form has no ids and no web addresses', () => {
    const k = due(w, n('2025-06-03', 'digital_post'));
    const letter = k.explanation.letterLines.join('\n');
    expect(letter).toMatch(/den 3\. juni 2025/);
    expect(letter).not.toMatch(/https?:|rsl-67|\d{2}\.\d{2}\.\d{4}/);
  });
});

describe('klagevejledning: without it the frist may not bind the citizen', () => {
  it('a decision without correct klagevejledning: the frist is computed, and the explanation says it may not be enforceable', () => {
    const k = w.klage('2025-05-20');
    const out = setKlagefrist(w.ctx, k.caseId, n('2025-05-01', 'digital_post', { guidance: 'mangelfuld' }));
    expect(out).toMatchObject({ dueOn: '2025-05-30', state: 'overskredet', guidance: 'mangelfuld' });
    expect(out?.explanation.lines.at(-1)).toMatch(/^Afgørelsen gav ikke korrekt klagevejledning \(FVL § 25\)\. Klagefristen kan derfor muligvis ikke gøres gældende over for borgeren/);
    expect(out?.explanation.letterLines.at(-1)).toMatch(/muligvis ikke gøres gældende over for dig/);
    expect(getKlagefrist(w.ctx, k.caseId).notice?.guidance).toBe('mangelfuld');
    expect(getKlagefrist(w.ctx, k.caseId).klagefrist?.guidance).toBe('mangelfuld');
  });

  it('unknown klagevejledning says so too; correct klagevejledning adds nothing', () => {
    expect(due(w, n('2025-06-03', 'digital_post', { guidance: 'ukendt' })).explanation.lines.at(-1)).toMatch(/^Det er ikke oplyst, om afgørelsen gav korrekt klagevejledning/);
    expect(due(w, n('2025-06-03', 'digital_post')).explanation.lines.join(' ')).not.toMatch(/klagevejledning/);
  });
});

describe('what the klagefrist rests on', () => {
  it('any catalogue rule that sets a klagefrist: ombudsmandsloven § 13 (1 år)', () => {
    const k = due(w, n('2025-06-03', 'digital_post', { basis: { kind: 'regel', ruleId: 'fob-13-klagefrist' } }));
    expect(k.dueOn).toBe('2026-06-03');
    expect(k.basisText).toMatch(/§ 13/);
  });

  it('a rule that is not a deadline the citizen must meet is refused', () => {
    const e = thrownAppError(() => checkKlagefrist(w.ctx, n('2025-06-03', 'digital_post', { basis: { kind: 'regel', ruleId: 'ofl-36-frist' } })));
    expect(e.fields?.['basis.ruleId']).toMatch(/er ikke en klagefrist, borgeren skal overholde/);
  });

  it('"ingen lovbestemt klagefrist": recorded, nothing computed, not on the Frister screen', () => {
    const k = w.klage('2025-05-20');
    expect(setKlagefrist(w.ctx, k.caseId, n('2025-06-03', 'digital_post', { basis: { kind: 'ingen' } }))).toBeNull();
    expect(getKlagefrist(w.ctx, k.caseId)).toMatchObject({ notice: { basis: { kind: 'ingen' } }, klagefrist: null });
    expect(w.ctx.db.prepare('SELECT klagefrist_due FROM cases WHERE id = ?').pluck().get(k.caseId)).toBeNull();
    expect(w.actions(k.caseId)).toContain('Afgørelse registreret uden lovbestemt klagefrist');
    expect(checkKlagefrist(w.ctx, n('2025-06-03', 'digital_post', { basis: { kind: 'ingen' } }))).toBeNull();
  });

  it('a frist typed by hand with its source', () => {
    const k = w.klage('2025-05-20');
    const manual = n('2025-06-03', 'digital_post', { basis: { kind: 'manuel', amount: 3, unit: 'maaneder', source: 'Afgørelsens klagevejledning' } });
    const out = setKlagefrist(w.ctx, k.caseId, manual);
    expect(out?.dueOn).toBe('2025-09-03');
    expect(out?.basisText).toBe('Angivet af borgerrådgiveren: 3 måneder (kilde: Afgørelsens klagevejledning)');
    expect(out?.explanation.lines).toContain('Klagefristen er angivet af borgerrådgiveren: 3 måneder. Kilde: Afgørelsens klagevejledning.');
    expect(getKlagefrist(w.ctx, k.caseId).notice).toEqual(manual);
    const e = thrownAppError(() => checkKlagefrist(w.ctx, n('2025-06-03', 'digital_post', { basis: { kind: 'manuel', amount: 3, unit: 'maaneder', source: ' ' } })));
    expect(e.fields).toEqual({ 'basis.source': 'Skriv, hvor fristen står – fx lov og paragraf eller afgørelsens klagevejledning.' });
  });
});

describe('.ics export', () => {
  it('one all-day event with a 2-day alarm, CRLF, escaped text, stable UID, and only the sagsnr', () => {
    const k = w.klage('2025-05-20', '2025-0042');
    setKlagefrist(w.ctx, k.caseId, n('2025-06-03', 'digital_post'));
    const file = klagefristIcs(w.ctx, k.caseId);
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
    expect(Buffer.from(klagefristIcs(w.ctx, k.caseId).contentBase64, 'base64').toString('utf8')).toContain(`UID:ombud-klagefrist-${k.caseId}@ombud.local`);
    expect(thrownAppError(() => klagefristIcs(w.ctx, w.klage('2025-05-20').caseId)).code).toBe('not_found');
  });

  it('escapes and folds per RFC 5545', () => {
    expect(icsEscape('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const folded = icsFold(`DESCRIPTION:${'æ'.repeat(60)}`);
    expect(folded.split('\r\n').every((l) => Buffer.byteLength(l, 'utf8') <= 75)).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'æ'.repeat(60)}`);
  });
});
