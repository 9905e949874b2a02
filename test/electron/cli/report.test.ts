/** `ombud report --json` on the hand-counted world (test/electron/report/fixture.ts): main() in-process against the database file. */
import { openApp } from '../../../electron/services/open-app';
import { reportStats } from '../../../electron/services/report-stats';
import type { ReportStats } from '../../../shared/report/stats';
import { buildReportWorld } from '../report/fixture';
import { cliFolder } from './run-cli';
import { TEST_DB_KEY } from '../../setup/db-key';

const { db, ombud } = cliFolder('ombud-cli-report');

beforeAll(() => {
  buildReportWorld(db).app.close();
});

function statsNow(query: Parameters<typeof reportStats>[1]): ReportStats {
  const app = openApp({ key: TEST_DB_KEY, file: db, mode: 'test', log: () => {}, actor: () => 'Test' });
  try {
    return reportStats(app.ctx, query);
  } finally {
    app.close();
  }
}

describe('ombud report', () => {
  it('--json prints one JSON object equal to reportStats, with the settings and a trend of ten periods', async () => {
    const r = await ombud('report', '--from', '2025-01-01', '--to', '2025-12-31', '--json', '--db', db);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out) as ReportStats;
    expect(parsed).toEqual(statsNow({ period: { from: '2025-01-01', to: '2025-12-31' }, filters: { forvaltningId: null, types: [] }, minN: 5, patternMin: 3, trendPeriods: 10 }));
    expect(parsed.trend).toHaveLength(10);
    expect(parsed.henvendelser.total).toBe(4);
    expect(parsed.ownProcessing).toEqual({ closed: 4, medianWorkingDays: 7, withinTarget: 3 });
  });

  it('--forvaltning and --type filter as the screen does', async () => {
    const r = await ombud('report', '--from', '2025-01-01', '--to', '2025-12-31', '--json', '--forvaltning', 'social', '--type', 'klage,egen drift', '--db', db);
    expect(r.err).toBe('');
    const parsed = JSON.parse(r.out) as ReportStats;
    expect(parsed.filters.types).toEqual(['klage', 'egen drift']);
    expect(parsed.henvendelser.total).toBe(2);
    expect(parsed.klagepunkter.total).toBe(2);
  });

  it('refuses wrong use in Danish with exit code 2', async () => {
    const cases: Array<[string[], string]> = [
      [['--from', '2025-01-01', '--to', '2025-12-31'], 'Angiv, hvad der skal skrives: --json, --pdf, --xlsx, --csv.'],
      [['--to', '2025-12-31', '--json'], 'Angiv perioden med --from ÅÅÅÅ-MM-DD og --to ÅÅÅÅ-MM-DD'],
      [['--from', '2025-13-01', '--to', '2025-12-31', '--json'], '--from skal være en gyldig dato som ÅÅÅÅ-MM-DD, ikke "2025-13-01".'],
      [['--from', '2025-12-31', '--to', '2025-01-01', '--json'], 'Periodens start skal ligge før eller på dens slutning.'],
      [['--from', '2025-01-01', '--to', '2025-12-31', '--json', '--type', 'klager'], '--type skal være klage, vejledning, vejvisning, egen drift, ikke "klager".'],
      [['--from', '2025-01-01', '--to', '2025-12-31', '--json', '--forvaltning', 'Skat'], 'Forvaltningen "Skat" findes ikke.'],
    ];
    for (const [args, message] of cases) {
      const r = await ombud('report', ...args, '--db', db);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toContain(message);
    }
  });
});
