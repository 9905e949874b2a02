/** shared/report/period.ts: reporting years, the previous period, the trend, labels and what a typed period may be. */
import { inPeriod, periodLabel, periodProblem, previousPeriod, reportingYear, trendPeriods } from '../../../shared/report/period';

describe('reportingYear', () => {
  it('a calendar year, and twelve months from another start month', () => {
    expect(reportingYear(2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(reportingYear(2025, 4)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    // Ends on the leap day when February 2024 closes the year.
    expect(reportingYear(2023, 3)).toEqual({ from: '2023-03-01', to: '2024-02-29' });
  });
});

describe('previousPeriod', () => {
  it('a year goes back a year, leap years included', () => {
    expect(previousPeriod({ from: '2025-01-01', to: '2025-12-31' })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(previousPeriod({ from: '2024-01-01', to: '2024-12-31' })).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(previousPeriod(reportingYear(2025, 4))).toEqual({ from: '2024-04-01', to: '2025-03-31' });
  });

  it('whole months go back by months, across the turn of the year', () => {
    expect(previousPeriod({ from: '2025-02-01', to: '2025-04-30' })).toEqual({ from: '2024-11-01', to: '2025-01-31' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-31' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  });

  it('any other range goes back by its number of days', () => {
    expect(previousPeriod({ from: '2025-02-10', to: '2025-02-19' })).toEqual({ from: '2025-01-31', to: '2025-02-09' });
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-10' })).toEqual({ from: '2024-02-20', to: '2024-02-29' });
    expect(previousPeriod({ from: '2025-06-15', to: '2025-06-15' })).toEqual({ from: '2025-06-14', to: '2025-06-14' });
  });
});

describe('trendPeriods', () => {
  it('the periods ending with the period, oldest first, at most ten', () => {
    expect(trendPeriods({ from: '2025-01-01', to: '2025-12-31' }, 3)).toEqual([
      { from: '2023-01-01', to: '2023-12-31' },
      { from: '2024-01-01', to: '2024-12-31' },
      { from: '2025-01-01', to: '2025-12-31' },
    ]);
    expect(trendPeriods({ from: '2025-01-01', to: '2025-12-31' }, 1)).toEqual([{ from: '2025-01-01', to: '2025-12-31' }]);
    const ten = trendPeriods(reportingYear(2025, 4), 25);
    expect(ten).toHaveLength(10);
    expect(ten[0]).toEqual({ from: '2016-04-01', to: '2017-03-31' });
    expect(trendPeriods({ from: '2025-01-01', to: '2025-12-31' })).toHaveLength(10);
  });
});

describe('periodLabel and inPeriod', () => {
  it('a year, a reporting year from another month, or the dates', () => {
    expect(periodLabel({ from: '2025-01-01', to: '2025-12-31' })).toBe('2025');
    expect(periodLabel(reportingYear(2025, 4))).toBe('2025/26');
    expect(periodLabel(reportingYear(2099, 7))).toBe('2099/00');
    expect(periodLabel({ from: '2025-02-10', to: '2025-02-19' })).toBe('10.02.2025–19.02.2025');
    expect(periodLabel({ from: '2025-02-01', to: '2025-04-30' })).toBe('01.02.2025–30.04.2025');
  });

  it('both ends included', () => {
    const p = { from: '2025-01-01', to: '2025-12-31' };
    expect([inPeriod('2025-01-01', p), inPeriod('2025-12-31', p), inPeriod('2024-12-31', p), inPeriod('2026-01-01', p), inPeriod(null, p)]).toEqual([true, true, false, false, false]);
  });
});

describe('periodProblem', () => {
  it('refuses a period ending before it starts or longer than ten years, in Danish', () => {
    expect(periodProblem({ from: '2025-01-01', to: '2025-12-31' })).toBeNull();
    expect(periodProblem({ from: '2025-01-01', to: '2025-01-01' })).toBeNull();
    expect(periodProblem({ from: '2025-01-02', to: '2025-01-01' })).toBe('Periodens start skal ligge før eller på dens slutning.');
    expect(periodProblem({ from: '2014-01-01', to: '2025-12-31' })).toBe('En periode kan højst være ti år.');
    // Ten years and a few days of slack (3,660 days after the start) is the limit.
    expect(periodProblem({ from: '2015-01-01', to: '2024-12-31' })).toBeNull();
    expect(periodProblem({ from: '2015-01-01', to: '2025-01-08' })).toBeNull();
    expect(periodProblem({ from: '2015-01-01', to: '2025-01-09' })).toBe('En periode kan højst være ti år.');
  });
});
