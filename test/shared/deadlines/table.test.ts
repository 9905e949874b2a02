/**
 * Table tests of the deadline engine: the worked examples of legal-rules.md § b (b.2–b.4), Easter
 * 2023–2027, year ends, month ends, store bededag before and after its abolition, every unit in
 * every calendar profile, closing days, pauses, extensions and the Danish explanation lines.
 */
import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped,
  addWorkingDays,
  computeDeadline,
  danishPublicHolidays,
  DeadlineExplanationSchema,
  easterSunday,
  formatDanishLetterDate,
  formatDanishLetterDateWithWeekday,
  formatSpec,
  isWorkingDay,
  nextWorkingDay,
  nonWorkingReason,
  parseDeadlineAmount,
  workingDaysBetween,
  type CalendarProfile,
  type CalendarSettings,
  type ComputeInput,
  type DeadlineExplanation,
  type DeadlineSpec,
  type ExplainedRule,
} from '../../../shared/deadlines';

const NO_CLOSING: CalendarSettings = { closingDays: [] };
const OFL_36: ExplainedRule = {
  id: 'ofl-36-frist',
  label: 'OFL § 36 – Frist for aktindsigt',
  citation: 'offentlighedslovens § 36, stk. 1, jf. lovbekendtgørelse nr. 145 af 24. februar 2020',
};
const RSL_67: ExplainedRule = {
  id: 'rsl-67-klagefrist',
  label: 'RSL § 67 – Klagefrist',
  citation: 'retssikkerhedslovens § 67, stk. 1',
};
const PROFILES: ReadonlyArray<CalendarProfile> = ['helligdage', 'standard', 'udvidet'];

function spec(amount: number, unit: DeadlineSpec['unit'], profile: CalendarProfile, rollForward = true): DeadlineSpec {
  return { amount, unit, profile, rollForward };
}

/** A deadline without its owner: the tests below count it as a local target unless they name one. */
type Input = Omit<ComputeInput, 'owner'> & Partial<Pick<ComputeInput, 'owner'>>;

/** The engine with the old counting (profile and closing days) unless the test names an owner. */
function compute(input: Input): DeadlineExplanation {
  return computeDeadline({ owner: 'maal', ...input });
}

function due(start: string, s: DeadlineSpec, extra: Partial<ComputeInput> = {}): string {
  return compute({ start, spec: s, calendar: NO_CLOSING, ...extra }).due;
}

describe('helligdage (legal-rules.md § b.4)', () => {
  // The table in § b.4 for 2025–2027, plus 2023 (with store bededag) and 2024 (without).
  const TABLE: Record<number, Record<string, string>> = {
    2023: {
      nytårsdag: '2023-01-01', skærtorsdag: '2023-04-06', langfredag: '2023-04-07', påskedag: '2023-04-09', '2. påskedag': '2023-04-10',
      'store bededag': '2023-05-05', 'Kristi himmelfartsdag': '2023-05-18', pinsedag: '2023-05-28', '2. pinsedag': '2023-05-29', juledag: '2023-12-25', '2. juledag': '2023-12-26',
    },
    2024: {
      nytårsdag: '2024-01-01', skærtorsdag: '2024-03-28', langfredag: '2024-03-29', påskedag: '2024-03-31', '2. påskedag': '2024-04-01',
      'Kristi himmelfartsdag': '2024-05-09', pinsedag: '2024-05-19', '2. pinsedag': '2024-05-20', juledag: '2024-12-25', '2. juledag': '2024-12-26',
    },
    2025: {
      nytårsdag: '2025-01-01', skærtorsdag: '2025-04-17', langfredag: '2025-04-18', påskedag: '2025-04-20', '2. påskedag': '2025-04-21',
      'Kristi himmelfartsdag': '2025-05-29', pinsedag: '2025-06-08', '2. pinsedag': '2025-06-09', juledag: '2025-12-25', '2. juledag': '2025-12-26',
    },
    2026: {
      nytårsdag: '2026-01-01', skærtorsdag: '2026-04-02', langfredag: '2026-04-03', påskedag: '2026-04-05', '2. påskedag': '2026-04-06',
      'Kristi himmelfartsdag': '2026-05-14', pinsedag: '2026-05-24', '2. pinsedag': '2026-05-25', juledag: '2026-12-25', '2. juledag': '2026-12-26',
    },
    2027: {
      nytårsdag: '2027-01-01', skærtorsdag: '2027-03-25', langfredag: '2027-03-26', påskedag: '2027-03-28', '2. påskedag': '2027-03-29',
      'Kristi himmelfartsdag': '2027-05-06', pinsedag: '2027-05-16', '2. pinsedag': '2027-05-17', juledag: '2027-12-25', '2. juledag': '2027-12-26',
    },
  };

  it.each(Object.entries(TABLE))('%s matches the reference table', (year, expected) => {
    const got = Object.fromEntries(danishPublicHolidays(Number(year)).map((h) => [h.name, h.date]));
    expect(got).toEqual(expected);
  });

  it.each([
    [2000, '2000-04-23'], [2008, '2008-03-23'], [2011, '2011-04-24'], [2019, '2019-04-21'],
    [2023, '2023-04-09'], [2024, '2024-03-31'], [2025, '2025-04-20'], [2026, '2026-04-05'], [2027, '2027-03-28'], [2038, '2038-04-25'],
  ])('påskedag %i is %s (Gregorian computus)', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('names the Easter days as helligdage in every profile, before the weekend', () => {
    for (const profile of PROFILES) {
      expect(nonWorkingReason('2025-04-17', profile, NO_CLOSING)).toBe('skærtorsdag (helligdag)');
      expect(nonWorkingReason('2025-04-18', profile, NO_CLOSING)).toBe('langfredag (helligdag)');
      expect(nonWorkingReason('2025-04-19', profile, NO_CLOSING)).toBe('lørdag');
      expect(nonWorkingReason('2025-04-20', profile, NO_CLOSING)).toBe('påskedag (helligdag)');
      expect(nonWorkingReason('2025-04-21', profile, NO_CLOSING)).toBe('2. påskedag (helligdag)');
      expect(nonWorkingReason('2025-04-22', profile, NO_CLOSING)).toBeNull();
    }
  });

  it.each([
    // Start the Wednesday before Easter; 1 arbejdsdag lands on the Tuesday after 2. påskedag.
    [2023, '2023-04-05', '2023-04-11'],
    [2024, '2024-03-27', '2024-04-02'],
    [2025, '2025-04-16', '2025-04-22'],
    [2026, '2026-04-01', '2026-04-07'],
    [2027, '2027-03-24', '2027-03-30'],
  ])('Easter %i: 1 arbejdsdag from %s is %s in every profile', (_year, start, expected) => {
    for (const profile of PROFILES) expect(due(start, spec(1, 'arbejdsdage', profile))).toBe(expected);
  });

  it('counts Easter week in an explanation: skipped days with reasons', () => {
    const e = compute({ start: '2026-04-01', spec: spec(2, 'arbejdsdage', 'helligdage'), calendar: NO_CLOSING });
    expect(e.counted).toEqual(['2026-04-07', '2026-04-08']);
    expect(e.skipped).toEqual([
      { date: '2026-04-02', reason: 'skærtorsdag (helligdag)' },
      { date: '2026-04-03', reason: 'langfredag (helligdag)' },
      { date: '2026-04-04', reason: 'lørdag' },
      { date: '2026-04-05', reason: 'påskedag (helligdag)' },
      { date: '2026-04-06', reason: '2. påskedag (helligdag)' },
    ]);
  });
});

describe('store bededag: a helligdag up to and including 2023', () => {
  it('10 arbejdsdage from 28.04.2023 skip store bededag 05.05.2023 → 15.05.2023', () => {
    const e = compute({ start: '2023-04-28', spec: spec(10, 'arbejdsdage', 'helligdage'), calendar: NO_CLOSING });
    expect(e.due).toBe('2023-05-15');
    expect(e.skipped).toContainEqual({ date: '2023-05-05', reason: 'store bededag (helligdag)' });
  });

  it('10 arbejdsdage from 19.04.2024 count the fourth Friday after Easter (26.04.2024) → 03.05.2024', () => {
    for (const profile of PROFILES) expect(due('2024-04-19', spec(10, 'arbejdsdage', profile))).toBe('2024-05-03');
    expect(isWorkingDay('2024-04-26', 'udvidet', NO_CLOSING)).toBe(true);
  });
});

describe('year ends: 24.12–02.01 in each profile', () => {
  const DAYS = ['2025-12-24', '2025-12-25', '2025-12-26', '2025-12-27', '2025-12-28', '2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'];
  const HELLIGDAGE = [null, 'juledag (helligdag)', '2. juledag (helligdag)', 'lørdag', 'søndag', null, null, null, 'nytårsdag (helligdag)', null];
  const STANDARD = ['juleaftensdag (standard-kalenderen)', ...HELLIGDAGE.slice(1, 7), 'nytårsaftensdag (standard-kalenderen)', ...HELLIGDAGE.slice(8)];
  it.each([
    ['helligdage', HELLIGDAGE],
    ['standard', STANDARD],
    ['udvidet', STANDARD],
  ] as const)('%s', (profile, reasons) => {
    expect(DAYS.map((d) => nonWorkingReason(d, profile, NO_CLOSING))).toEqual(reasons);
  });

  it('juledag on a Saturday is named as juledag (2027)', () => {
    expect(nonWorkingReason('2027-12-25', 'helligdage', NO_CLOSING)).toBe('juledag (helligdag)');
    expect(nonWorkingReason('2027-12-26', 'helligdage', NO_CLOSING)).toBe('2. juledag (helligdag)');
    expect(nonWorkingReason('2028-01-01', 'standard', NO_CLOSING)).toBe('nytårsdag (helligdag)');
  });

  it.each([
    ['helligdage', 1, '2025-12-24'],
    ['standard', 1, '2025-12-29'],
    ['udvidet', 1, '2025-12-29'],
    ['helligdage', 3, '2025-12-30'],
    ['standard', 3, '2026-01-02'],
    ['udvidet', 3, '2026-01-02'],
    ['helligdage', 6, '2026-01-05'],
    ['standard', 6, '2026-01-07'],
  ] as const)('%s: %i arbejdsdage from 23.12.2025 → %s', (profile, n, expected) => {
    expect(addWorkingDays('2025-12-23', n, profile, NO_CLOSING)).toBe(expected);
    expect(workingDaysBetween('2025-12-23', expected, profile, NO_CLOSING)).toBe(n);
  });

  it('rolls a 4-week deadline ending on 24.12 forward only in standard and udvidet', () => {
    // 26.11.2025 + 4 uger = onsdag 24.12.2025.
    expect(due('2025-11-26', spec(4, 'uger', 'helligdage'))).toBe('2025-12-24');
    expect(due('2025-11-26', spec(4, 'uger', 'standard'))).toBe('2025-12-29');
    expect(due('2025-11-26', spec(4, 'uger', 'udvidet'))).toBe('2025-12-29');
  });
});

describe('months (legal-rules.md § b.2, forældelseslovens § 27, stk. 1)', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28', true],
    ['2024-01-31', 1, '2024-02-29', true],
    ['2024-02-29', 12, '2025-02-28', true],
    ['2025-03-31', 1, '2025-04-30', true],
    ['2025-01-15', 1, '2025-02-15', false],
    ['2025-11-30', 3, '2026-02-28', true],
    ['2025-12-31', 2, '2026-02-28', true],
    ['2025-08-31', 6, '2026-02-28', true],
    ['2025-05-31', 0, '2025-05-31', false],
  ] as const)('%s + %i måneder → %s', (start, n, expected, clamped) => {
    expect(addMonthsClamped(start, n)).toBe(expected);
    const e = compute({ start, spec: spec(n, 'maaneder', 'helligdage', false), calendar: NO_CLOSING });
    expect(e.counts).toBe(expected);
    expect(e.monthEndClamped).toBe(clamped);
  });

  it('counts backwards too', () => {
    expect(addMonthsClamped('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonthsClamped('2025-01-15', -13)).toBe('2023-12-15');
  });
});

describe('the worked examples of legal-rules.md § b', () => {
  it.each([
    ['helligdage', '2025-06-05'],
    ['standard', '2025-06-06'],
    ['udvidet', '2025-06-10'],
  ] as const)('aktindsigt received 26.05.2025 + 7 arbejdsdage, %s → %s', (profile, expected) => {
    const e = compute({ start: '2025-05-26', spec: spec(7, 'arbejdsdage', profile, false), calendar: NO_CLOSING });
    expect(e.due).toBe(expected);
    expect(e.counted).toHaveLength(7);
    expect(e.counted.at(-1)).toBe(expected);
  });

  it('Digital Post 03.06.2025 + 4 uger → tirsdag 01.07.2025', () => {
    for (const profile of PROFILES) expect(due('2025-06-03', spec(4, 'uger', profile))).toBe('2025-07-01');
  });

  it.each([
    ['helligdage', '2025-05-30'],
    ['standard', '2025-05-30'],
    ['udvidet', '2025-06-02'],
  ] as const)('01.05.2025 + 4 uger = Kristi himmelfartsdag, rolled forward in %s → %s', (profile, expected) => {
    const e = compute({ start: '2025-05-01', spec: spec(4, 'uger', profile), calendar: NO_CLOSING });
    expect(e.counts).toBe('2025-05-29');
    expect(e.rolledForward?.from).toBe('2025-05-29');
    expect(e.due).toBe(expected);
  });

  it('GDPR request 31.01.2025 + 1 måned → fredag 28.02.2025', () => {
    for (const profile of PROFILES) expect(due('2025-01-31', spec(1, 'maaneder', profile))).toBe('2025-02-28');
  });
});

describe('every unit × every profile', () => {
  // Start mandag 26.05.2025 (or tirsdag 29.04.2025 for måneder), across Kristi himmelfart, grundlovsdag and pinse.
  const CASES: ReadonlyArray<readonly [DeadlineSpec['unit'], number, string, string, Record<CalendarProfile, string>]> = [
    ['arbejdsdage', 7, '2025-05-26', '—', { helligdage: '2025-06-05', standard: '2025-06-06', udvidet: '2025-06-10' }],
    ['dage', 10, '2025-05-26', '2025-06-05', { helligdage: '2025-06-05', standard: '2025-06-06', udvidet: '2025-06-06' }],
    ['uger', 2, '2025-05-26', '2025-06-09', { helligdage: '2025-06-10', standard: '2025-06-10', udvidet: '2025-06-10' }],
    ['maaneder', 1, '2025-04-29', '2025-05-29', { helligdage: '2025-05-30', standard: '2025-05-30', udvidet: '2025-06-02' }],
  ];
  for (const [unit, amount, start, counts, rolled] of CASES) {
    for (const profile of PROFILES) {
      it(`${amount} ${unit}, ${profile}: roll-forward → ${rolled[profile]}`, () => {
        const withRoll = compute({ start, spec: spec(amount, unit, profile, true), calendar: NO_CLOSING });
        expect(withRoll.due).toBe(rolled[profile]);
        const without = compute({ start, spec: spec(amount, unit, profile, false), calendar: NO_CLOSING });
        expect(without.due).toBe(unit === 'arbejdsdage' ? rolled[profile] : counts);
        expect(without.rolledForward).toBeNull();
        expect(DeadlineExplanationSchema.parse(withRoll)).toEqual(withRoll);
      });
    }
  }

  it('0 arbejdsdage is the start day, rolled forward only when the rule says so', () => {
    expect(due('2025-05-31', spec(0, 'arbejdsdage', 'helligdage', false))).toBe('2025-05-31');
    expect(due('2025-05-31', spec(0, 'arbejdsdage', 'helligdage', true))).toBe('2025-06-02');
  });
});

describe('closing days (calendar.closingDays, every profile)', () => {
  const JULELUK: CalendarSettings = {
    closingDays: [
      { date: '2025-12-29', reason: 'juleluk' },
      { date: '2025-12-30', reason: 'juleluk' },
      { date: '2025-06-14', reason: 'sommerfest' },
      { date: '2025-12-25', reason: 'juleluk' },
      { date: '2025-08-15', reason: '' },
    ],
  };

  it('are non-working in every profile, with their reason', () => {
    for (const profile of PROFILES) {
      expect(nonWorkingReason('2025-12-29', profile, JULELUK)).toBe('lukkedag: juleluk');
      expect(nonWorkingReason('2025-06-14', profile, JULELUK)).toBe('lukkedag: sommerfest');
      expect(nonWorkingReason('2025-08-15', profile, JULELUK)).toBe('lukkedag');
      // A holiday keeps its own name.
      expect(nonWorkingReason('2025-12-25', profile, JULELUK)).toBe('juledag (helligdag)');
    }
  });

  it.each([
    ['helligdage', '2026-01-02'],
    ['standard', '2026-01-06'],
    ['udvidet', '2026-01-06'],
  ] as const)('3 arbejdsdage from 23.12.2025 with juleluk 29.–30.12, %s → %s', (profile, expected) => {
    const e = compute({ start: '2025-12-23', spec: spec(3, 'arbejdsdage', profile), calendar: JULELUK });
    expect(e.due).toBe(expected);
    expect(e.skipped).toContainEqual({ date: '2025-12-30', reason: 'lukkedag: juleluk' });
  });

  it('move a rolled-forward deadline past them', () => {
    // 01.12.2025 + 4 uger = mandag 29.12.2025 (juleluk) → tirsdag is juleluk too → onsdag 31.12 (helligdage).
    expect(due('2025-12-01', spec(4, 'uger', 'helligdage'), { calendar: JULELUK })).toBe('2025-12-31');
    expect(due('2025-12-01', spec(4, 'uger', 'standard'), { calendar: JULELUK })).toBe('2026-01-02');
    expect(nextWorkingDay('2025-12-23', 'standard', JULELUK)).toBe('2026-01-02');
  });
});

describe('pauses', () => {
  const aktindsigt = (profile: CalendarProfile = 'helligdage'): Input => ({ start: '2025-05-26', spec: spec(7, 'arbejdsdage', profile, false), calendar: NO_CLOSING });

  it('arbejdsdage: the due date moves by the working days in the pause', () => {
    const e = compute({ ...aktindsigt(), pauses: [{ from: '2025-06-02', to: '2025-06-03', reason: 'afventer oplysninger fra borgeren' }] });
    expect(e.counts).toBe('2025-06-05');
    expect(e.due).toBe('2025-06-10');
    expect(e.adjustments).toEqual([{ kind: 'pause', reason: 'afventer oplysninger fra borgeren', before: '2025-06-05', after: '2025-06-10', detail: '2 arbejdsdage i pausen' }]);
    expect(e.lines).toContain('Pause fra mandag 02.06.2025 til tirsdag 03.06.2025 (afventer oplysninger fra borgeren): 2 arbejdsdage i pausen; fristen flyttes fra 05.06.2025 til tirsdag 10.06.2025.');
  });

  it('arbejdsdage: a pause over non-working days only changes nothing', () => {
    const e = compute({ ...aktindsigt(), pauses: [{ from: '2025-05-29', to: '2025-06-01', reason: 'weekend' }] });
    // 29.05 is Kristi himmelfartsdag, 30.05 is a working day in helligdage; in udvidet all four days are non-working.
    expect(e.due).toBe('2025-06-06');
    const u = compute({ ...aktindsigt('udvidet'), pauses: [{ from: '2025-05-29', to: '2025-06-01', reason: '' }] });
    expect(u.due).toBe('2025-06-10');
    expect(u.adjustments[0]).toMatchObject({ before: '2025-06-10', after: '2025-06-10', detail: '0 arbejdsdage i pausen' });
    expect(u.lines).toContain('Pause fra torsdag 29.05.2025 til søndag 01.06.2025: 0 arbejdsdage i pausen; fristen er uændret 10.06.2025.');
  });

  it('calendar units: the due date moves by the calendar days in the pause, then rolls forward', () => {
    const digitalPost: Input = { start: '2025-06-03', spec: spec(4, 'uger', 'helligdage'), calendar: NO_CLOSING };
    const week = compute({ ...digitalPost, pauses: [{ from: '2025-06-10', to: '2025-06-16', reason: 'sagen sendt til partshøring' }] });
    expect(week.due).toBe('2025-07-08');
    expect(week.adjustments[0]?.detail).toBe('7 dage i pausen');
    const four = compute({ ...digitalPost, pauses: [{ from: '2025-06-10', to: '2025-06-13', reason: '' }] });
    expect(four.due).toBe('2025-07-07');
    expect(four.adjustments[0]?.detail).toBe('4 dage i pausen; Lørdag 05.07.2025 er ikke en arbejdsdag: lørdag; næste arbejdsdag, mandag 07.07.2025, bruges');
    expect(four.lines).toContain(
      'Pause fra tirsdag 10.06.2025 til fredag 13.06.2025: 4 dage i pausen; fristen flyttes fra 01.07.2025 til mandag 07.07.2025. Lørdag 05.07.2025 er ikke en arbejdsdag: lørdag; næste arbejdsdag, mandag 07.07.2025, bruges.',
    );
    const noRoll = compute({ ...digitalPost, spec: spec(4, 'uger', 'helligdage', false), pauses: [{ from: '2025-06-10', to: '2025-06-13', reason: '' }] });
    expect(noRoll.due).toBe('2025-07-05');
  });

  it('a one-day pause moves a dage deadline by one day; a pause after the deadline changes nothing', () => {
    expect(due('2025-03-03', spec(10, 'dage', 'helligdage', false), { pauses: [{ from: '2025-03-05', to: '2025-03-05', reason: '' }] })).toBe('2025-03-14');
    const late = compute({ start: '2025-03-03', spec: spec(10, 'dage', 'helligdage', false), calendar: NO_CLOSING, pauses: [{ from: '2025-03-20', to: '2025-03-25', reason: 'for sent' }] });
    expect(late.due).toBe('2025-03-13');
    expect(late.lines).toContain('Pause fra torsdag 20.03.2025 til tirsdag 25.03.2025 (for sent) begyndte efter fristen 13.03.2025 og ændrer den ikke.');
  });

  it('refuses a pause that ends before it starts', () => {
    expect(() => compute({ ...aktindsigt(), pauses: [{ from: '2025-06-03', to: '2025-06-02', reason: '' }] })).toThrow(/kan ikke slutte/);
  });
});

describe('extensions', () => {
  const digitalPost: Input = { start: '2025-06-03', spec: spec(4, 'uger', 'standard'), calendar: NO_CLOSING };

  it('to an explicit new date, as given', () => {
    const e = compute({ ...digitalPost, extensions: [{ granted: '2025-06-20', newDue: '2025-08-02', add: null, reason: 'aftalt med borgeren' }] });
    expect(e.due).toBe('2025-08-02');
    expect(e.adjustments).toEqual([{ kind: 'forlængelse', reason: 'aftalt med borgeren', before: '2025-07-01', after: '2025-08-02', detail: 'ny dato' }]);
    expect(e.lines).toContain('Forlængelse givet 20.06.2025 (aftalt med borgeren): ny frist lørdag 02.08.2025 (før 01.07.2025).');
  });

  it('by an amount in a unit from the current due date, with roll-forward', () => {
    const weeks = compute({ ...digitalPost, extensions: [{ granted: '2025-06-20', newDue: null, add: { amount: 2, unit: 'uger' }, reason: 'partshøring' }] });
    expect(weeks.due).toBe('2025-07-15');
    expect(weeks.adjustments[0]?.detail).toBe('+ 2 uger');
    expect(weeks.lines).toContain('Forlængelse givet 20.06.2025 (partshøring): 2 uger lagt til 01.07.2025 giver tirsdag 15.07.2025.');
    const days = compute({ ...digitalPost, extensions: [{ granted: '2025-06-20', newDue: null, add: { amount: 1, unit: 'arbejdsdage' }, reason: '' }] });
    expect(days.due).toBe('2025-07-02');
    expect(days.lines).toContain('Forlængelse givet 20.06.2025: 1 arbejdsdag lagt til 01.07.2025 giver onsdag 02.07.2025.');
    const month = compute({ ...digitalPost, extensions: [{ granted: '2025-06-20', newDue: null, add: { amount: 1, unit: 'maaneder' }, reason: '' }] });
    // 01.08.2025 is a Friday.
    expect(month.due).toBe('2025-08-01');
  });

  it('pauses and extensions apply in date order, each recording before and after', () => {
    const e = compute({
      ...digitalPost,
      extensions: [{ granted: '2025-06-25', newDue: null, add: { amount: 1, unit: 'uger' }, reason: 'forlænget' }],
      pauses: [{ from: '2025-06-10', to: '2025-06-11', reason: 'pause' }],
    });
    expect(e.adjustments.map((a) => [a.kind, a.before, a.after])).toEqual([
      ['pause', '2025-07-01', '2025-07-03'],
      ['forlængelse', '2025-07-03', '2025-07-10'],
    ]);
    expect(e.due).toBe('2025-07-10');
  });

  it('refuses an extension with both or neither of a date and an amount', () => {
    expect(() => compute({ ...digitalPost, extensions: [{ granted: '2025-06-20', newDue: null, add: null, reason: '' }] })).toThrow(/enten en ny dato/);
    expect(() => compute({ ...digitalPost, extensions: [{ granted: '2025-06-20', newDue: '2025-07-20', add: { amount: 1, unit: 'dage' }, reason: '' }] })).toThrow(/enten en ny dato/);
  });
});

describe('the explanation lines (Danish sentences)', () => {
  it('aktindsigt 26.05.2025 + 7 arbejdsdage in the standard calendar: the rule by its citation, never a URL', () => {
    const e = compute({
      start: '2025-05-26',
      spec: spec(7, 'arbejdsdage', 'standard', false),
      calendar: NO_CLOSING,
      owner: 'myndighed',
      rule: OFL_36,
    });
    expect(e.lines).toEqual([
      'Regel: OFL § 36 – Frist for aktindsigt. Hjemmel: offentlighedslovens § 36, stk. 1, jf. lovbekendtgørelse nr. 145 af 24. februar 2020.',
      'Fristen er 7 arbejdsdage regnet fra mandag 26.05.2025; startdagen tælles ikke med.',
      'Kalender: lovbestemt frist for myndigheden. Hvilke dage der er arbejdsdage, er ikke fastlagt i loven; kommunens kalenderprofil »standard« bruges: ' +
        'weekender, helligdage, grundlovsdag, juleaftensdag og nytårsaftensdag er ikke arbejdsdage. Kommunens lukkedage forlænger ikke en lovbestemt frist (FOB 2021-1).',
      'Talte arbejdsdage (7): 27.05.2025, 28.05.2025, 30.05.2025, 02.06.2025, 03.06.2025, 04.06.2025, 06.06.2025.',
      'Sprunget over: 29.05.2025 – Kristi himmelfartsdag (helligdag); 31.05.2025 – lørdag; 01.06.2025 – søndag; 05.06.2025 – grundlovsdag (standard-kalenderen).',
      'Den 7. arbejdsdag efter startdagen er fredag 06.06.2025.',
      'Fristen udløber fredag 06.06.2025.',
    ]);
  });

  it('4 uger with roll-forward in the udvidet calendar', () => {
    const e = compute({ start: '2025-05-01', spec: spec(4, 'uger', 'udvidet'), calendar: NO_CLOSING });
    expect(e.lines.slice(2)).toEqual([
      '4 uger efter startdagen er torsdag 29.05.2025 (samme ugedag).',
      'Torsdag 29.05.2025 er ikke en arbejdsdag: Kristi himmelfartsdag (helligdag). Fristen flyttes til næste arbejdsdag, mandag 02.06.2025.',
      'Sprunget over ved flytningen: 29.05.2025 – Kristi himmelfartsdag (helligdag); 30.05.2025 – fredag efter Kristi himmelfartsdag (udvidet-kalenderen); 31.05.2025 – lørdag; 01.06.2025 – søndag.',
      'Fristen udløber mandag 02.06.2025.',
    ]);
    expect(e.rolledForward?.skipped.map((s) => s.reason)).toEqual(['Kristi himmelfartsdag (helligdag)', 'fredag efter Kristi himmelfartsdag (udvidet-kalenderen)', 'lørdag', 'søndag']);
  });

  it('1 måned clamped to the month end, and a date left unextended', () => {
    const gdpr = compute({ start: '2025-01-31', spec: spec(1, 'maaneder', 'helligdage'), calendar: NO_CLOSING, rule: { id: 'gdpr-12', label: 'Svar på anmodning', citation: '' } });
    expect(gdpr.lines).toEqual([
      'Regel: Svar på anmodning.',
      'Fristen er 1 måned regnet fra fredag 31.01.2025; startdagen tælles ikke med.',
      'Kalender: lokal målsætning, ikke en lovbestemt frist. Med kalenderprofilen »helligdage« er weekender, helligdage og kommunens lukkedage ikke arbejdsdage.',
      '1 måned efter startdagen er fredag 28.02.2025.',
      'Den 31. findes ikke i februar 2025, så månedens sidste dag bruges.',
      'Fristen udløber fredag 28.02.2025.',
    ]);
    // 01.05.2025 + 2 dage = lørdag 03.05.2025; a rule without roll-forward shows it unextended (§ b.3).
    const own = compute({ start: '2025-05-01', spec: spec(2, 'dage', 'helligdage', false), calendar: NO_CLOSING });
    expect(own.due).toBe('2025-05-03');
    // Without a rule, the roll-forward line does not speak of one.
    expect(own.lines).toContain('Lørdag 03.05.2025 er ikke en arbejdsdag: lørdag. Fristen er angivet uden flytning til næste arbejdsdag, så den vises uforlænget.');
    const ruled = compute({ start: '2025-05-01', spec: spec(2, 'dage', 'helligdage', false), calendar: NO_CLOSING, owner: 'myndighed', rule: OFL_36 });
    expect(ruled.lines).toContain('Lørdag 03.05.2025 er ikke en arbejdsdag: lørdag. Reglen flytter ikke fristen, så den vises uforlænget.');
  });
});

describe('parseDeadlineAmount and formatSpec', () => {
  it.each([
    ['4 uger', 4, 'uger'], ['1 uge', 1, 'uger'], ['1 måned', 1, 'maaneder'], ['3 måneder', 3, 'maaneder'], ['1 maaned', 1, 'maaneder'],
    ['10 arbejdsdag', 10, 'arbejdsdage'], ['10 arbejdsdage', 10, 'arbejdsdage'], ['1 dag', 1, 'dage'], ['30 dage', 30, 'dage'],
    ['  7   Arbejdsdage ', 7, 'arbejdsdage'], ['7arbejdsdage', 7, 'arbejdsdage'], ['0 dage', 0, 'dage'], ['2 ma\u030aneder', 2, 'maaneder'],
  ] as const)('"%s" → %i %s', (text, amount, unit) => {
    expect(parseDeadlineAmount(text)).toEqual({ amount, unit });
  });

  it.each(['', 'uger', '4', '4 år', '-1 dage', '1.5 uger', '10001 dage', '4 uger og 2 dage', 'fire uger'])('"%s" → null', (text) => {
    expect(parseDeadlineAmount(text)).toBeNull();
  });

  it('formats singular and plural', () => {
    expect(formatSpec({ amount: 10, unit: 'arbejdsdage' })).toBe('10 arbejdsdage');
    expect(formatSpec({ amount: 1, unit: 'arbejdsdage' })).toBe('1 arbejdsdag');
    expect(formatSpec({ amount: 1, unit: 'maaneder' })).toBe('1 måned');
    expect(formatSpec({ amount: 2, unit: 'maaneder' })).toBe('2 måneder');
    expect(formatSpec({ amount: 1, unit: 'uger' })).toBe('1 uge');
    expect(formatSpec({ amount: 0, unit: 'dage' })).toBe('0 dage');
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after from up to and including to, negative backwards', () => {
    expect(workingDaysBetween('2025-05-26', '2025-06-05', 'helligdage', NO_CLOSING)).toBe(7);
    expect(workingDaysBetween('2025-06-05', '2025-05-26', 'helligdage', NO_CLOSING)).toBe(-7);
    expect(workingDaysBetween('2025-05-26', '2025-05-26', 'helligdage', NO_CLOSING)).toBe(0);
    expect(workingDaysBetween('2025-05-30', '2025-06-01', 'helligdage', NO_CLOSING)).toBe(0);
    expect(addWorkingDays('2025-06-05', -7, 'helligdage', NO_CLOSING)).toBe('2025-05-26');
  });

  it('rejects an invalid date', () => {
    expect(() => compute({ start: '2025-02-30', spec: spec(1, 'dage', 'standard'), calendar: NO_CLOSING })).toThrow(/ikke en gyldig dato/);
    expect(() => isWorkingDay('30.05.2025', 'standard', NO_CLOSING)).toThrow(/Ugyldig dato/);
  });
});

describe('whose deadline it is decides which days count (legal-rules.md § b.5)', () => {
  const SOMMER: CalendarSettings = { closingDays: [{ date: '2025-06-30', reason: 'sommerlukning' }] };
  const JULELUK: CalendarSettings = {
    closingDays: [
      { date: '2025-12-29', reason: 'juleluk' },
      { date: '2025-12-30', reason: 'juleluk' },
      { date: '2026-01-02', reason: 'juleluk' },
    ],
  };
  const klagefrist: ComputeInput = {
    start: '2025-06-02', spec: spec(4, 'uger', 'standard'), calendar: SOMMER, owner: 'borger',
    rule: RSL_67, startEvent: 'modtagelsen af afgørelsen i Digital Post', owes: 'klagen',
  };

  it('borger: a closing day never extends the citizen’s deadline; the lines say the offices may be closed', () => {
    const e = computeDeadline(klagefrist);
    expect(e.due).toBe('2025-06-30');
    // Counted as a target (closing days count), the same deadline would be a day later.
    expect(computeDeadline({ ...klagefrist, owner: 'maal' }).due).toBe('2025-07-01');
    // The calendar actually used, not the profile given.
    expect(e.spec.profile).toBe('helligdage');
    expect(e.owner).toBe('borger');
    expect(e.lines).toContain(
      'Kalender: borgerens frist – kun weekender og helligdage er ikke arbejdsdage (JM-vejledning nr. 9533 af 26.06.2018). ' +
        'Kommunens lukkedage og fridage som grundlovsdag, juleaftensdag, nytårsaftensdag og fredag efter Kristi himmelfartsdag forlænger ikke borgerens frist. ' +
        'Kalenderprofilen »standard« bruges derfor ikke.',
    );
    expect(e.lines).toContain(
      'Mandag 30.06.2025 er en af kommunens lukkedage (sommerlukning): kommunens kontorer kan være lukket, men borgerens frist forlænges ikke af den grund ' +
        '(JM-vejledning nr. 9533 af 26.06.2018). Borgeren bør indgive senest hverdagen før, eller digitalt.',
    );
    expect(e.lines.at(-1)).toBe('Fristen udløber mandag 30.06.2025.');
  });

  it.each([
    // 08.05.2025 + 4 uger = torsdag 05.06.2025, grundlovsdag.
    ['2025-05-08', 'standard', '2025-06-05', 'grundlovsdag', '2025-06-06'],
    // 02.05.2025 + 4 uger = fredag 30.05.2025, the Friday after Kristi himmelfartsdag.
    ['2025-05-02', 'udvidet', '2025-05-30', 'fredag efter Kristi himmelfartsdag', '2025-06-02'],
    // 26.11.2025 + 4 uger = onsdag 24.12.2025.
    ['2025-11-26', 'standard', '2025-12-24', 'juleaftensdag', '2025-12-29'],
  ] as const)('borger: %s + 4 uger in %s ends on %s (%s), not moved; the authority’s deadline moves to %s', (start, profile, expected, day, authority) => {
    const e = computeDeadline({ start, spec: spec(4, 'uger', profile), calendar: NO_CLOSING, owner: 'borger' });
    expect(e.due).toBe(expected);
    expect(e.rolledForward).toBeNull();
    expect(e.lines.some((l) => l.includes(`er ${day}: kommunens kontorer kan være lukket`))).toBe(true);
    expect(e.letterLines).toContain('Kommunens kontorer kan være lukket den dag, men fristen forlænges ikke af den grund. Indsend derfor senest hverdagen før, eller digitalt.');
    expect(computeDeadline({ start, spec: spec(4, 'uger', profile), calendar: NO_CLOSING, owner: 'myndighed' }).due).toBe(authority);
  });

  it('borger: still moved over weekends and public holidays (Kristi himmelfartsdag → fredag)', () => {
    const e = computeDeadline({ start: '2025-05-01', spec: spec(4, 'uger', 'udvidet'), calendar: NO_CLOSING, owner: 'borger' });
    // The Friday after is a day off only in the udvidet profile, which the citizen's deadline does not use.
    expect(e.due).toBe('2025-05-30');
    expect(e.rolledForward).toEqual({ from: '2025-05-29', to: '2025-05-30', skipped: [{ date: '2025-05-29', reason: 'Kristi himmelfartsdag (helligdag)' }] });
  });

  it('myndighed: 7 arbejdsdage from 23.12.2025 with a juleluk 29.12, 30.12 and 02.01 → 08.01.2026; the closing days are named, not skipped', () => {
    const e = computeDeadline({ start: '2025-12-23', spec: spec(7, 'arbejdsdage', 'standard', false), calendar: JULELUK, owner: 'myndighed' });
    expect(e.due).toBe('2026-01-08');
    expect(e.spec.profile).toBe('standard');
    expect(e.counted).toEqual(['2025-12-29', '2025-12-30', '2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08']);
    expect(e.lines).toContain('Kommunens lukkedage 29.12.2025 (juleluk), 30.12.2025 (juleluk) og 02.01.2026 (juleluk) ligger i fristens løbetid, men forlænger ikke en lovbestemt frist (FOB 2021-1).');
  });

  it('maal: the same 7 arbejdsdage as a local target skip the juleluk → 13.01.2026 (12.01.2026 with 29.–30.12 only)', () => {
    const e = computeDeadline({ start: '2025-12-23', spec: spec(7, 'arbejdsdage', 'standard', false), calendar: JULELUK, owner: 'maal' });
    expect(e.due).toBe('2026-01-13');
    expect(e.skipped).toContainEqual({ date: '2026-01-02', reason: 'lukkedag: juleluk' });
    expect(e.lines).toContain('Kalender: lokal målsætning, ikke en lovbestemt frist. Med kalenderprofilen »standard« er weekender, helligdage, grundlovsdag, juleaftensdag, nytårsaftensdag og kommunens lukkedage ikke arbejdsdage.');
    const twoDays: CalendarSettings = { closingDays: JULELUK.closingDays.slice(0, 2) };
    expect(computeDeadline({ start: '2025-12-23', spec: spec(7, 'arbejdsdage', 'standard', false), calendar: twoDays, owner: 'maal' }).due).toBe('2026-01-12');
    expect(computeDeadline({ start: '2025-12-23', spec: spec(7, 'arbejdsdage', 'standard', false), calendar: twoDays, owner: 'myndighed' }).due).toBe('2026-01-08');
  });

  it('myndighed: a closing day on the last day is said, and does not move the deadline', () => {
    // 5 arbejdsdage from 23.12.2025 in the standard calendar: 29, 30.12, 02, 05, 06.01 → tirsdag 06.01.2026.
    const e = computeDeadline({ start: '2025-12-23', spec: spec(5, 'arbejdsdage', 'standard', true), calendar: { closingDays: [{ date: '2026-01-06', reason: '' }] }, owner: 'myndighed' });
    expect(e.due).toBe('2026-01-06');
    expect(e.lines).toContain('Kommunens lukkedag 06.01.2026 ligger i fristens løbetid, men forlænger ikke en lovbestemt frist (FOB 2021-1). Fristen udløber på en lukkedag, 06.01.2026, og flyttes ikke af den grund.');
  });
});

describe('the letter form (letterLines)', () => {
  it('the citizen’s klagefrist: hverdage, the citation, what is due, and the closed offices', () => {
    const e = computeDeadline({
      start: '2025-06-02', spec: spec(4, 'uger', 'standard'), calendar: { closingDays: [{ date: '2025-06-30', reason: 'sommerlukning' }] }, owner: 'borger',
      rule: RSL_67, startEvent: 'modtagelsen af afgørelsen i Digital Post', owes: 'klagen',
    });
    expect(e.letterLines).toEqual([
      'Fristen følger af retssikkerhedslovens § 67, stk. 1.',
      'Fristen er på 4 uger og regnes fra modtagelsen af afgørelsen i Digital Post.',
      'Startdagen er mandag den 2. juni 2025; den tæller ikke med.',
      'Senest mandag den 30. juni 2025 skal klagen være modtaget hos myndigheden.',
      'Kommunens kontorer kan være lukket den dag, men fristen forlænges ikke af den grund. Indsend derfor senest hverdagen før, eller digitalt.',
    ]);
  });

  it('the citizen’s deadline rolled over a holiday, in hverdage', () => {
    const e = computeDeadline({ start: '2025-04-14', spec: spec(5, 'arbejdsdage', 'standard'), calendar: NO_CLOSING, owner: 'borger', owes: 'dine bemærkninger' });
    expect(e.due).toBe('2025-04-24');
    expect(e.letterLines).toEqual([
      'Fristen er på 5 hverdage regnet fra mandag den 14. april 2025. Den dag tæller ikke med.',
      'Lørdage, søndage og helligdage tæller ikke med som hverdage.',
      'Senest torsdag den 24. april 2025 skal dine bemærkninger være modtaget hos myndigheden.',
    ]);
    const rolled = computeDeadline({ start: '2025-05-01', spec: spec(4, 'uger', 'standard'), calendar: NO_CLOSING, owner: 'borger' });
    expect(rolled.letterLines).toEqual([
      'Fristen er på 4 uger regnet fra torsdag den 1. maj 2025. Den dag tæller ikke med.',
      'Den sidste dag ville være torsdag den 29. maj 2025. Da det er Kristi himmelfartsdag, forlænges fristen til den næste hverdag.',
      'Fristen udløber fredag den 30. maj 2025.',
      // The Friday after Kristi himmelfartsdag: a day off in many offices, but not a holiday (§ b.3).
      'Kommunens kontorer kan være lukket den dag, men fristen forlænges ikke af den grund. Indsend derfor senest hverdagen før, eller digitalt.',
    ]);
  });

  it('OFL § 36, the authority’s deadline: the profile is not law, and what must be sent', () => {
    const e = computeDeadline({
      start: '2025-05-26', spec: spec(7, 'arbejdsdage', 'helligdage', false), calendar: { closingDays: [{ date: '2025-06-02', reason: 'personaledag' }] }, owner: 'myndighed',
      rule: OFL_36, startEvent: 'myndighedens modtagelse af anmodningen', owes: 'en afgørelse eller besked om, hvornår den kommer',
    });
    expect(e.due).toBe('2025-06-05');
    expect(e.letterLines).toEqual([
      'Fristen følger af offentlighedslovens § 36, stk. 1, jf. lovbekendtgørelse nr. 145 af 24. februar 2020.',
      'Fristen er på 7 arbejdsdage og regnes fra myndighedens modtagelse af anmodningen.',
      'Startdagen er mandag den 26. maj 2025; den tæller ikke med.',
      'Loven fastlægger ikke præcist, hvilke dage der er arbejdsdage; her tæller lørdage, søndage og helligdage ikke med.',
      'At kommunen holder lukket nogle af dagene, forlænger ikke fristen.',
      'Senest torsdag den 5. juni 2025 skal myndigheden have sørget for en afgørelse eller besked om, hvornår den kommer.',
    ]);
  });

  it('a request to the forvaltning, a local target: phrased as a target, with its pause and extension', () => {
    const e = computeDeadline({
      start: '2025-03-14', spec: spec(10, 'arbejdsdage', 'standard'), calendar: { closingDays: [{ date: '2025-03-21', reason: 'temadag' }] }, owner: 'maal',
      startEvent: 'borgerrådgiverens anmodning', owes: 'forvaltningens redegørelse til borgerrådgiveren',
      pauses: [{ from: '2025-03-24', to: '2025-03-25', reason: 'afventer borgerens samtykke' }],
      extensions: [{ granted: '2025-04-01', newDue: null, add: { amount: 1, unit: 'uger' }, reason: 'aftalt med forvaltningen' }],
    });
    expect(e.counts).toBe('2025-03-31');
    expect(e.due).toBe('2025-04-09');
    expect(e.letterLines).toEqual([
      'Kommunens mål er 10 arbejdsdage og regnes fra borgerrådgiverens anmodning.',
      'Startdagen er fredag den 14. marts 2025; den tæller ikke med.',
      'Lørdage, søndage, helligdage, grundlovsdag, juleaftensdag, nytårsaftensdag og kommunens lukkedage tæller ikke med.',
      'Sagen har været sat i bero fra den 24. marts 2025 til den 25. marts 2025, og måldatoen er derfor flyttet til onsdag den 2. april 2025.',
      'Den 1. april 2025 blev måldatoen udskudt til onsdag den 9. april 2025.',
      'Forvaltningens redegørelse til borgerrådgiveren bør foreligge senest onsdag den 9. april 2025.',
      'Det er en lokal målsætning og ikke en frist, der følger af loven.',
    ]);
    // The adviser's notes (pause and extension reasons) stay in the adviser's lines.
    expect(e.lines.join(' ')).toContain('afventer borgerens samtykke');
    expect(e.letterLines.join(' ')).not.toContain('afventer');
  });

  it('a month clamped to its last day, and a date given when the deadline was set', () => {
    const e = computeDeadline({
      start: '2025-01-31', spec: spec(1, 'maaneder', 'standard', false), calendar: NO_CLOSING, owner: 'myndighed',
      extensions: [{ granted: '2025-01-31', newDue: '2025-03-07', add: null, reason: 'svarfristen er angivet som en dato' }],
    });
    expect(e.letterLines).toEqual([
      'Fristen er på 1 måned regnet fra fredag den 31. januar 2025. Den dag tæller ikke med.',
      'Da februar ikke har nogen 31., er det månedens sidste dag, der gælder.',
      'Fristen er fastsat til fredag den 7. marts 2025.',
      'Fristen udløber fredag den 7. marts 2025.',
    ]);
  });
});

describe('what is due, as a noun phrase, an "at"-clause or the whole predicate', () => {
  it.each([
    ['borger', 'klagen', 'Senest mandag den 30. juni 2025 skal klagen være modtaget hos myndigheden.'],
    ['borger', 'klagen være modtaget', 'Senest mandag den 30. juni 2025 skal klagen være modtaget.'],
    ['borger', 'at klagen er modtaget af den myndighed, der traf afgørelsen', 'Fristen er overholdt, hvis klagen er modtaget af den myndighed, der traf afgørelsen, senest mandag den 30. juni 2025.'],
    ['borger', 'at klagen er indgivet til Folketingets Ombudsmand', 'Fristen er overholdt, hvis klagen er indgivet til Folketingets Ombudsmand senest mandag den 30. juni 2025.'],
    ['myndighed', 'en afgørelse', 'Senest mandag den 30. juni 2025 skal myndigheden have sørget for en afgørelse.'],
    ['myndighed', 'videresendelse af klagen til klageinstansen, hvis afgørelsen fastholdes', 'Senest mandag den 30. juni 2025 skal myndigheden have sørget for videresendelse af klagen til klageinstansen, hvis afgørelsen fastholdes.'],
    ['myndighed', 'forvaltningen have truffet en afgørelse', 'Senest mandag den 30. juni 2025 skal forvaltningen have truffet en afgørelse.'],
    ['maal', 'et svar', 'Et svar bør foreligge senest mandag den 30. juni 2025.'],
    ['maal', 'svaret være sendt', 'Senest mandag den 30. juni 2025 bør svaret være sendt.'],
    ['maal', 'at svaret er sendt', 'Målet er nået, hvis svaret er sendt senest mandag den 30. juni 2025.'],
    ['maal', '', 'Måldatoen er mandag den 30. juni 2025.'],
  ] as const)('%s, "%s"', (owner, owes, expected) => {
    const e = computeDeadline({ start: '2025-06-02', spec: spec(4, 'uger', 'helligdage'), calendar: NO_CLOSING, owner, owes });
    expect(e.letterLines).toContain(expected);
  });
});

describe('formatDanishLetterDate', () => {
  it('writes dates as a letter does', () => {
    expect(formatDanishLetterDate('2025-06-30')).toBe('30. juni 2025');
    expect(formatDanishLetterDateWithWeekday('2025-06-05')).toBe('torsdag den 5. juni 2025');
    expect(formatDanishLetterDateWithWeekday('2026-01-01')).toBe('torsdag den 1. januar 2026');
  });
});
