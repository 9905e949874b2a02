/**
 * Property tests of the deadline engine (fast-check): the counting rules of legal-rules.md § b hold
 * for any start date 2000–2040, any profile, any closing days near the start and any amount.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  calendarDaysBetween,
  computeDeadline,
  danishPublicHolidays,
  DeadlineExplanationSchema,
  easterSunday,
  formatDanishDate,
  formatDanishLetterDateWithWeekday,
  isWorkingDay,
  nonWorkingReason,
  parseDeadlineAmount,
  formatSpec,
  weekdayIndex,
  workingDaysBetween,
  type CalendarProfile,
  type CalendarSettings,
  type ComputeInput,
  type DeadlineExplanation,
  type DeadlineOwner,
  type DeadlineSpec,
} from '../../../shared/deadlines';

const RUNS = { numRuns: 200 };
const FIRST = calendarDaysBetween('1970-01-01', '2000-01-01');
const LAST = calendarDaysBetween('1970-01-01', '2040-12-31');

const date = fc.integer({ min: FIRST, max: LAST }).map((n) => addCalendarDays('1970-01-01', n));
const profile = fc.constantFrom<CalendarProfile>('helligdage', 'standard', 'udvidet');
const unit = fc.constantFrom<DeadlineSpec['unit']>('arbejdsdage', 'dage', 'uger', 'maaneder');
/** A start date with up to 6 closing days in the following 60 days. */
const setup = fc
  .tuple(date, profile, fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 6 }))
  .map(([start, p, offsets]): { start: string; profile: CalendarProfile; calendar: CalendarSettings } => ({
    start,
    profile: p,
    calendar: { closingDays: offsets.map((o) => ({ date: addCalendarDays(start, o), reason: 'juleluk' })) },
  }));

/** The engine with the counting these properties were written for (profile and closing days), unless an owner is named. */
function compute(input: Omit<ComputeInput, 'owner'> & Partial<Pick<ComputeInput, 'owner'>>): DeadlineExplanation {
  return computeDeadline({ owner: 'maal', ...input });
}

function daysFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

describe('arbejdsdage', () => {
  it('the due date is a working day exactly N working days after the start; counted and skipped cover the span', () => {
    fc.assert(
      fc.property(setup, fc.integer({ min: 1, max: 60 }), ({ start, profile: p, calendar }, n) => {
        const e = compute({ start, spec: { amount: n, unit: 'arbejdsdage', rollForward: true, profile: p }, calendar });
        expect(isWorkingDay(e.due, p, calendar)).toBe(true);
        expect(workingDaysBetween(start, e.due, p, calendar)).toBe(n);
        expect(e.counted).toHaveLength(n);
        expect(e.counted.at(-1)).toBe(e.counts);
        expect(e.counted.every((d) => isWorkingDay(d, p, calendar))).toBe(true);
        expect(e.skipped.every((s) => nonWorkingReason(s.date, p, calendar) === s.reason && s.reason !== '')).toBe(true);
        expect([...e.counted, ...e.skipped.map((s) => s.date)].sort()).toEqual(daysFrom(start, e.due));
        expect(e.rolledForward).toBeNull();
      }),
      RUNS,
    );
  });

  it('N+1 arbejdsdage end after N', () => {
    fc.assert(
      fc.property(setup, fc.integer({ min: 0, max: 60 }), ({ start, profile: p, calendar }, n) => {
        expect(addWorkingDays(start, n + 1, p, calendar) > addWorkingDays(start, n, p, calendar)).toBe(true);
      }),
      RUNS,
    );
  });

  it('counting back undoes counting forward from a working day', () => {
    fc.assert(
      fc.property(setup, fc.integer({ min: 0, max: 60 }), ({ start, profile: p, calendar }, n) => {
        const from = addWorkingDays(start, 1, p, calendar);
        expect(addWorkingDays(addWorkingDays(from, n, p, calendar), -n, p, calendar)).toBe(from);
        expect(workingDaysBetween(addWorkingDays(from, n, p, calendar), from, p, calendar)).toBe(n === 0 ? 0 : -n);
      }),
      RUNS,
    );
  });
});

describe('calendar units', () => {
  it('dage: start + N; uger: start + 7N on the same weekday (before roll-forward)', () => {
    fc.assert(
      fc.property(setup, fc.integer({ min: 0, max: 400 }), ({ start, profile: p, calendar }, n) => {
        const d = compute({ start, spec: { amount: n, unit: 'dage', rollForward: false, profile: p }, calendar });
        expect(calendarDaysBetween(start, d.counts)).toBe(n);
        expect(d.due).toBe(d.counts);
        const w = compute({ start, spec: { amount: n, unit: 'uger', rollForward: false, profile: p }, calendar });
        expect(weekdayIndex(w.counts)).toBe(weekdayIndex(start));
        expect(calendarDaysBetween(start, w.counts)).toBe(7 * n);
      }),
      RUNS,
    );
  });

  it('måneder: in the right month, day ≤ the start day, and clamped exactly when the day does not exist', () => {
    fc.assert(
      fc.property(setup, fc.integer({ min: 0, max: 36 }), ({ start, profile: p, calendar }, n) => {
        const e = compute({ start, spec: { amount: n, unit: 'maaneder', rollForward: false, profile: p }, calendar });
        const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
        expect(monthIndex(e.counts) - monthIndex(start)).toBe(n);
        expect(Number(e.counts.slice(8))).toBeLessThanOrEqual(Number(start.slice(8)));
        expect(e.monthEndClamped).toBe(e.counts.slice(8) !== start.slice(8));
        // Clamped → the last day of the month (the next day is in the following month).
        if (e.monthEndClamped) expect(addCalendarDays(e.counts, 1).slice(8)).toBe('01');
      }),
      RUNS,
    );
  });

  it('roll-forward lands on a working day, never earlier, passing only non-working days', () => {
    fc.assert(
      fc.property(setup, unit, fc.integer({ min: 0, max: 40 }), ({ start, profile: p, calendar }, u, n) => {
        const e = compute({ start, spec: { amount: n, unit: u, rollForward: true, profile: p }, calendar });
        expect(isWorkingDay(e.due, p, calendar)).toBe(true);
        expect(e.due >= e.counts).toBe(true);
        if (isWorkingDay(e.counts, p, calendar)) {
          expect(e.due).toBe(e.counts);
          expect(e.rolledForward).toBeNull();
        } else {
          expect(e.rolledForward?.from).toBe(e.counts);
          expect(e.rolledForward?.to).toBe(e.due);
          expect(e.rolledForward?.skipped.map((s) => s.date)).toEqual([e.counts, ...daysFrom(e.counts, e.due).slice(0, -1)]);
          expect(e.rolledForward?.skipped.every((s) => nonWorkingReason(s.date, p, calendar) === s.reason)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('pauses and extensions', () => {
  it('a pause over non-working days only leaves an arbejdsdage deadline unchanged', () => {
    fc.assert(
      fc.property(setup, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 20 }), ({ start, profile: p, calendar }, n, offset) => {
        const base = compute({ start, spec: { amount: n, unit: 'arbejdsdage', rollForward: false, profile: p }, calendar });
        // The run of non-working days following some day before the due date (possibly empty).
        const from = addCalendarDays(start, offset % Math.max(1, calendarDaysBetween(start, base.due)));
        let to = addCalendarDays(from, -1);
        while (!isWorkingDay(addCalendarDays(to, 1), p, calendar)) to = addCalendarDays(to, 1);
        if (to < from) return;
        const e = compute({ start, spec: base.spec, calendar, pauses: [{ from, to, reason: '' }] });
        expect(e.due).toBe(base.due);
        expect(e.adjustments[0]?.detail).toBe('0 arbejdsdage i pausen');
      }),
      RUNS,
    );
  });

  it('a pause moves the deadline by the paused time in the deadline’s unit', () => {
    fc.assert(
      fc.property(setup, unit, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 20 }), ({ start, profile: p, calendar }, u, n, offset, length) => {
        const spec: DeadlineSpec = { amount: n, unit: u, rollForward: false, profile: p };
        const base = compute({ start, spec, calendar });
        const from = addCalendarDays(start, offset);
        const to = addCalendarDays(from, length);
        const e = compute({ start, spec, calendar, pauses: [{ from, to, reason: 'afventer' }] });
        const adj = e.adjustments[0];
        expect(adj?.before).toBe(base.due);
        if (from > base.due) expect(e.due).toBe(base.due);
        else if (u === 'arbejdsdage') expect(workingDaysBetween(base.due, e.due, p, calendar)).toBe(workingDaysBetween(addCalendarDays(from, -1), to, p, calendar));
        else expect(calendarDaysBetween(base.due, e.due)).toBe(length + 1);
        expect(e.due >= base.due).toBe(true);
      }),
      RUNS,
    );
  });

  it('an extension by an amount never moves the deadline earlier, and records before/after', () => {
    fc.assert(
      fc.property(setup, unit, unit, fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 12 }), fc.boolean(), ({ start, profile: p, calendar }, u, addUnit, n, add, roll) => {
        const spec: DeadlineSpec = { amount: n, unit: u, rollForward: roll, profile: p };
        const base = compute({ start, spec, calendar });
        const e = compute({ start, spec, calendar, extensions: [{ granted: start, newDue: null, add: { amount: add, unit: addUnit }, reason: '' }] });
        expect(e.adjustments).toHaveLength(1);
        expect(e.adjustments[0]?.before).toBe(base.due);
        expect(e.adjustments[0]?.after).toBe(e.due);
        expect(e.due > base.due).toBe(true);
        if (roll) expect(isWorkingDay(e.due, p, calendar)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('the explanation', () => {
  it('validates against its schema and ends with the due date in Danish', () => {
    fc.assert(
      fc.property(setup, unit, fc.integer({ min: 0, max: 60 }), fc.boolean(), ({ start, profile: p, calendar }, u, n, roll) => {
        const e = compute({ start, spec: { amount: n, unit: u, rollForward: roll, profile: p }, calendar });
        expect(DeadlineExplanationSchema.parse(e)).toEqual(e);
        expect(e.lines.at(-1)).toMatch(new RegExp(`^Fristen udløber (mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag) ${formatDanishDate(e.due).replace(/\./g, '\\.')}\\.$`));
        expect(e.lines[0]).toBe(`Fristen er ${formatSpec(e.spec)} regnet fra ${['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag'][weekdayIndex(start)]} ${formatDanishDate(start)}; startdagen tælles ikke med.`);
      }),
      RUNS,
    );
  });
});

describe('holidays and text', () => {
  it('påskedag is a Sunday between 22 March and 25 April; store bededag only up to 2023', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), (year) => {
        const easter = easterSunday(year);
        expect(weekdayIndex(easter)).toBe(0);
        expect(easter >= `${year}-03-22` && easter <= `${year}-04-25`).toBe(true);
        const names = danishPublicHolidays(year).map((h) => h.name);
        expect(names.includes('store bededag')).toBe(year <= 2023);
        expect(names).toHaveLength(year <= 2023 ? 11 : 10);
      }),
      RUNS,
    );
  });

  it('formatSpec and parseDeadlineAmount round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), unit, (amount, u) => {
        expect(parseDeadlineAmount(formatSpec({ amount, unit: u }))).toEqual({ amount, unit: u });
      }),
      RUNS,
    );
  });
});

describe('whose deadline (legal-rules.md § b.5)', () => {
  const owner = fc.constantFrom<DeadlineOwner>('borger', 'myndighed', 'maal');
  const NO_CLOSING: CalendarSettings = { closingDays: [] };

  it('the citizen’s date never comes after the authority’s, nor the authority’s after the target’s', () => {
    fc.assert(
      fc.property(setup, unit, fc.integer({ min: 0, max: 60 }), fc.boolean(), ({ start, profile: p, calendar }, u, n, roll) => {
        const spec: DeadlineSpec = { amount: n, unit: u, rollForward: roll, profile: p };
        const borger = computeDeadline({ start, spec, calendar, owner: 'borger' }).due;
        const myndighed = computeDeadline({ start, spec, calendar, owner: 'myndighed' }).due;
        const maal = computeDeadline({ start, spec, calendar, owner: 'maal' }).due;
        expect(borger <= myndighed).toBe(true);
        expect(myndighed <= maal).toBe(true);
      }),
      RUNS,
    );
  });

  it('a rolled-forward citizen’s deadline is never a weekend or public holiday, whatever the profile and closing days', () => {
    fc.assert(
      fc.property(setup, unit, fc.integer({ min: 0, max: 60 }), ({ start, profile: p, calendar }, u, n) => {
        const e = computeDeadline({ start, spec: { amount: n, unit: u, rollForward: true, profile: p }, calendar, owner: 'borger' });
        expect(nonWorkingReason(e.due, 'helligdage', NO_CLOSING)).toBeNull();
        expect(e.spec.profile).toBe('helligdage');
      }),
      RUNS,
    );
  });

  it('closing days never move the citizen’s or the authority’s deadline', () => {
    fc.assert(
      fc.property(setup, unit, owner.filter((o) => o !== 'maal'), fc.integer({ min: 0, max: 60 }), fc.boolean(), ({ start, profile: p, calendar }, u, o, n, roll) => {
        const spec: DeadlineSpec = { amount: n, unit: u, rollForward: roll, profile: p };
        expect(computeDeadline({ start, spec, calendar, owner: o }).due).toBe(computeDeadline({ start, spec, calendar: NO_CLOSING, owner: o }).due);
      }),
      RUNS,
    );
  });

  it('the letter form: no URL, no rule id, no dd.mm.åååå, "hverdage" for the citizen, and the due date in words', () => {
    const rule = { id: 'fvl-19-partshoering', label: 'FVL § 19 – Partshøring', citation: 'forvaltningslovens § 19, stk. 1, jf. lovbekendtgørelse nr. 433 af 22. april 2014' };
    const words = fc.constantFrom('', 'klagen', 'en afgørelse eller besked om, hvornår den kommer', 'forvaltningens redegørelse til borgerrådgiveren');
    const adjustment = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 10 }), fc.boolean(), unit);
    fc.assert(
      fc.property(
        setup, unit, owner, fc.integer({ min: 0, max: 60 }), fc.boolean(), fc.boolean(), words, fc.array(adjustment, { maxLength: 2 }),
        ({ start, profile: p, calendar }, u, o, n, roll, withRule, owes, adjustments) => {
          const e = computeDeadline({
            start, spec: { amount: n, unit: u, rollForward: roll, profile: p }, calendar, owner: o, owes, startEvent: 'modtagelsen af afgørelsen',
            ...(withRule ? { rule } : {}),
            pauses: adjustments.filter(([, , pause]) => pause).map(([at, length]) => ({ from: addCalendarDays(start, at), to: addCalendarDays(start, at + length), reason: 'fvl-19 https://x' })),
            extensions: adjustments.filter(([, , pause]) => !pause).map(([at, length, , addUnit]) => ({
              granted: addCalendarDays(start, at), newDue: null, add: { amount: length + 1, unit: addUnit }, reason: 'https://intern',
            })),
          });
          const text = e.letterLines.join('\n');
          expect(text).not.toMatch(/http/);
          expect(text).not.toMatch(/fvl-/);
          expect(text).not.toMatch(/\d{2}\.\d{2}\.\d{4}/);
          if (o === 'borger') expect(text).not.toMatch(/arbejdsdag/);
          expect(text).toContain(formatDanishLetterDateWithWeekday(e.due));
          expect(e.letterLines.every((l) => /^[A-ZÆØÅ]/.test(l) && l.endsWith('.'))).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
