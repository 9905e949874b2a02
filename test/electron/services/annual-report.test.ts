/**
 * electron/services/annual-report.ts: the årsberetning's texts per period (defaults, validation in
 * Danish, round trip, history) and the findings a report may include – the newest issued version per
 * henvendelse dated in the period, anonymised so nothing personal of the case reaches the report.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createCase } from '../../../electron/services/cases';
import { issueFinding, saveFindingSection, setAnonymisationTerms, startNewFindingVersion } from '../../../electron/services/findings';
import { reportFindings, reportTexts, saveReportTexts } from '../../../electron/services/annual-report';
import { reportingYear } from '../../../shared/report/period';
import { caseInput, thrownAppError } from '../../db/helpers';
import { deadlineWorld } from './deadline-helpers';

const w = deadlineWorld('2026-03-02');
afterAll(() => w.app.close());

const Y2025 = reportingYear(2025);
const Y2026 = reportingYear(2026);

describe('report texts', () => {
  it('are the defaults for a period with nothing stored', () => {
    expect(reportTexts(w.ctx, reportingYear(2024, 4))).toEqual({
      title: 'Årsberetning 2024/25', forord: '', omFunktionen: '', aaretsTemaer: '', anbefalinger: '', statusSidsteAar: '', findingVersionIds: [],
    });
  });

  it('round trip per period and are recorded in the history', () => {
    const texts = { ...reportTexts(w.ctx, Y2025), title: '  Årsberetning   2025 ', forord: 'Året i **korte** træk.\n\n- første\n- anden', anbefalinger: '## Partshøring\nForvaltningen bør …' };
    const saved = saveReportTexts(w.ctx, Y2025, texts);
    expect(saved.title).toBe('Årsberetning 2025');
    expect(reportTexts(w.ctx, Y2025)).toEqual(saved);
    // Another period keeps its own (default) texts.
    expect(reportTexts(w.ctx, Y2026).forord).toBe('');
    const entry = w.ctx.db.prepare("SELECT actor, entity, case_id AS caseId, changes FROM audit_log WHERE action = 'Årsberetningens tekster for 2025 gemt'").get() as
      { actor: string; entity: string; caseId: number | null; changes: string };
    expect(entry).toMatchObject({ actor: 'Mette Rådgiver', entity: 'annual_report', caseId: null });
    expect(JSON.parse(entry.changes)).toEqual(expect.arrayContaining([{ field: 'Forord', before: 'tom', after: `${texts.forord.length} tegn` }]));
  });

  it('refuses a blank title, section markup that does not parse, an unknown finding and a backwards period, in Danish', () => {
    const base = reportTexts(w.ctx, Y2026);
    const e = thrownAppError(() => saveReportTexts(w.ctx, Y2026, { ...base, title: ' ', aaretsTemaer: '# Titel', findingVersionIds: [99999] }));
    expect(e.code).toBe('validation');
    expect(e.fields).toEqual({
      title: 'Skriv en titel på årsberetningen.',
      aaretsTemaer: expect.stringContaining('Årets temaer: Brevets titel kan ikke ændres i et afsnit (linje 1)'),
      findingVersionIds: 'En af de valgte udtalelser findes ikke. Vælg udtalelserne igen.',
    });
    expect(reportTexts(w.ctx, Y2026).title).toBe('Årsberetning 2026');
    expect(thrownAppError(() => reportTexts(w.ctx, { from: '2026-02-01', to: '2026-01-01' })).fields).toEqual({ period: 'Periodens start skal ligge før eller på dens slutning.' });
  });
});

describe('report findings', () => {
  const PERSONAL = ['Kirsten', 'Ølgaard', 'Şahin', 'Havnegade', '010190-1234', '0101901234', '23456789', 'kirsten.sahin@eksempel.dk', 'Vejle Sygehus'];

  async function issuedCase(letterDate: string): Promise<number> {
    w.setToday(letterDate);
    const base = caseInput(w.ctx.db, { receivedOn: '2025-01-06' });
    const point = base.points[0]!;
    const c = createCase(w.ctx, {
      ...base,
      citizen: { name: 'Kirsten Ølgaard Şahin', address: 'Havnegade 12, 7100 Vejle', phone: '23 45 67 89', email: 'kirsten.sahin@eksempel.dk', cpr: '010190-1234' },
      summary: 'Kirsten Ølgaard Şahin (0101901234) fik ikke svar fra Vejle Sygehus; ring 23456789',
      points: [{ ...point, description: 'Vejle Sygehus fik akterne uden samtykke fra Kirsten Ølgaard Şahin', outcome: 'kritik' }],
    });
    setAnonymisationTerms(w.ctx, c.id, ['Vejle Sygehus']);
    await issueFinding(w.ctx, c.id, null);
    return c.id;
  }

  it('summarise the newest issued version of each henvendelse dated in the period, with nothing personal', async () => {
    const inPeriod = await issuedCase('2025-05-02');
    await issuedCase('2026-01-15');
    const all = reportFindings(w.ctx, Y2025);
    expect(all).toHaveLength(1);
    const [f] = all;
    expect(f).toMatchObject({ letterDate: '2025-05-02' });
    expect(f!.title).toContain('fik ikke svar fra');
    expect(f!.text).toMatch(/Klagepunkt 1/u);
    expect(f!.text).toMatch(/kritisabelt/u);
    for (const p of PERSONAL) {
      expect(f!.title.includes(p), `the title holds "${p}"`).toBe(false);
      expect(f!.text.includes(p), `the text holds "${p}"`).toBe(false);
    }

    // A new version issued later replaces the old one in its own period only.
    w.setToday('2026-02-02');
    startNewFindingVersion(w.ctx, inPeriod);
    saveFindingSection(w.ctx, inPeriod, 'indledning', 'Ny indledning.');
    await issueFinding(w.ctx, inPeriod, 'Rettelse');
    expect(reportFindings(w.ctx, Y2025)).toEqual([]);
    expect(reportFindings(w.ctx, Y2026).map((x) => x.letterDate)).toEqual(['2026-01-15', '2026-02-02']);

    // The chosen findings are saved with the texts, in the chosen order.
    const ids = reportFindings(w.ctx, Y2026).map((x) => x.versionId).reverse();
    expect(saveReportTexts(w.ctx, Y2026, { ...reportTexts(w.ctx, Y2026), findingVersionIds: ids }).findingVersionIds).toEqual(ids);
  });
});
