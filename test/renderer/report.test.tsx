/**
 * Statistik and Årsberetning in the whole app. The statistics backend's channels are faked
 * (report-fakes.ts: report:stats answers REPORT_STATS_FIXTURE); the texts, the findings and the case
 * list are the real backend.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { decodeReportLink, encodeReportLink } from '../../renderer/src/features/report/report-link';
import { REPORT_STATS_FIXTURE } from '../fixtures/report-screen-stats';
import { createCase, type RealApi } from './real-api';
import { freshBackend, renderAt } from './render-app';
import { fakeReportChannels, type ReportFake } from './report-fakes';

let real: RealApi;
let fake: ReportFake;
beforeEach(() => {
  real = freshBackend();
  fake = fakeReportChannels();
});
afterEach(() => { real.close(); });

type StatsInput = { query: { period: { from: string; to: string }; filters: { forvaltningId: number | null; types: string[] }; minN: number } };
const lastStats = () => fake.calls['report:stats']?.at(-1) as StatsInput;

test('the period picker asks for a calendar year, a reporting year from the start month, or from–to', async () => {
  const { user } = renderAt('#/statistik');
  await screen.findByRole('heading', { level: 1, name: 'Statistik' });
  await screen.findByRole('table', { name: 'Hovedtal' });
  // Today is 14.03.2025: the last whole calendar year.
  expect(lastStats().query.period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  expect(lastStats().query.minN).toBe(5);

  await user.click(screen.getByRole('radio', { name: 'Beretningsår fra april' }));
  await user.selectOptions(screen.getByLabelText('Beretningsår'), '2023/24');
  await waitFor(() => expect(lastStats().query.period).toEqual({ from: '2023-04-01', to: '2024-03-31' }));

  await user.click(screen.getByRole('radio', { name: 'Fra–til' }));
  await user.type(screen.getByLabelText('Fra'), '01.02.2025');
  await user.type(screen.getByLabelText('Til'), '31.01.2025');
  expect(await screen.findByText('Periodens start skal ligge før eller på dens slutning.')).toBeInTheDocument();
  const asked = fake.calls['report:stats']?.length;
  await user.clear(screen.getByLabelText('Til'));
  await user.type(screen.getByLabelText('Til'), '30.04.2025');
  await waitFor(() => expect(lastStats().query.period).toEqual({ from: '2025-02-01', to: '2025-04-30' }));
  // A wrong period was never asked for.
  expect(fake.calls['report:stats']?.slice(asked ?? 0).map((c) => (c as StatsInput).query.period.to)).not.toContain('2025-01-31');
});

test('the filters go to the backend; the tables show n beside every share and the previous period', async () => {
  const { user } = renderAt('#/statistik');
  const types = await screen.findByRole('table', { name: 'Henvendelser efter type' });
  const settings = await real.call('settings:get', {});
  const first = settings.forvaltninger[0]!;
  await user.selectOptions(screen.getByLabelText('Forvaltning'), first.name);
  await user.click(screen.getByRole('checkbox', { name: 'Egen drift' }));
  await user.click(screen.getByRole('checkbox', { name: 'Klage' }));
  await waitFor(() => expect(lastStats().query.filters).toEqual({ forvaltningId: first.id, types: ['klage', 'egen drift'] }));

  const klage = within(types).getByRole('row', { name: /^Klage/ });
  // 20 of 30 henvendelser in 2025, 10 in 2024.
  expect(within(klage).getAllByRole('cell').map((c) => c.textContent)).toEqual(['20', '66,7 % (20 af 30)', '30', '10']);
  // Fewer than minN (5) henstillinger: no share, the count instead.
  const fulgt = within(screen.getByRole('table', { name: 'Henstillinger' })).getByRole('row', { name: /^Fulgt/ });
  expect(within(fulgt).getAllByRole('cell')[1]).toHaveTextContent('– (2 af 3; for få til en andel)');
  expect(screen.getByText(/Andele vises kun, når der er mindst 5 at regne af/)).toBeInTheDocument();
  // The trend and the forvaltninger as tables; the heat map's numbers printed in every cell.
  expect(screen.getByRole('table', { name: 'Udvikling' })).toHaveTextContent('2023');
  const heat = screen.getByRole('table', { name: 'Forvaltning og regel (ikke overholdt)' });
  expect(within(within(heat).getByRole('row', { name: /^Socialforvaltningen/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['6', '1']);
  expect(screen.getByRole('table', { name: 'Gentagne mønstre (mindst 3 klagepunkter)' })).toHaveTextContent('Jobcenter Nord');
});

test('a count links to the case list filtered to the cases behind it, under a banner', async () => {
  const { user } = renderAt('#/statistik');
  const types = await screen.findByRole('table', { name: 'Henvendelser efter type' });
  const link = within(types).getByRole('link', { name: '20: Henvendelser efter type – Klage, vis sagerne' });
  const token = /^#\/sager\?rapport=([A-Za-z0-9_-]+)$/.exec(link.getAttribute('href') ?? '')?.[1];
  expect(token).toBeDefined();
  const decoded = decodeReportLink(token!);
  expect(decoded?.drill).toEqual({ metric: 'type', key: 'klage', key2: null, ruleId: null, which: 'current' });
  expect(decoded?.query).toEqual(lastStats().query);
  // The previous period's count opens the previous period's cases.
  const previous = within(types).getByRole('link', { name: '10: Henvendelser efter type – Klage (forrige periode), vis sagerne' });
  expect(decodeReportLink(/rapport=(.+)$/.exec(previous.getAttribute('href')!)![1]!)?.drill.which).toBe('previous');
  // A heat-map cell opens its forvaltning and rule.
  const cell = within(screen.getByRole('table', { name: 'Forvaltning og regel (ikke overholdt)' })).getByRole('link', { name: /^6: .*Socialforvaltningen – FVL § 19/ });
  expect(decodeReportLink(/rapport=(.+)$/.exec(cell.getAttribute('href')!)![1]!)?.drill).toMatchObject({ metric: 'heatmap', key: 'Socialforvaltningen', ruleId: 'fvl-19-partshoering' });

  await user.click(link);
  expect(await screen.findByText('Sager bag tallet: Henvendelser efter type – Klage (2024)')).toBeInTheDocument();
  await waitFor(() => expect(fake.calls['cases:list']?.at(-1)).toMatchObject({ report: { query: decoded!.query, drill: decoded!.drill }, statuses: [], adviserId: null }));
  expect(screen.queryByRole('search', { name: 'Filtre' })).not.toBeInTheDocument();

  await user.click(screen.getByRole('link', { name: 'Vis alle sager' }));
  expect(await screen.findByRole('search', { name: 'Filtre' })).toBeInTheDocument();
  await waitFor(() => expect((fake.calls['cases:list']?.at(-1) as { report?: unknown }).report).toBeUndefined());
});

test('a damaged drill-down address says so and offers the whole list', async () => {
  renderAt(`#/sager?rapport=${encodeReportLink({ query: lastStatsQuery(), drill: { metric: 'type', key: 'klage', key2: null, ruleId: null, which: 'current' } }).slice(0, 20)}`);
  expect(await screen.findByText(/Adressen peger på tal fra statistikken, men kan ikke læses/)).toBeInTheDocument();
});

function lastStatsQuery() {
  return { period: REPORT_STATS_FIXTURE.period, filters: REPORT_STATS_FIXTURE.filters, minN: 5, patternMin: 3, trendPeriods: 5 };
}

test('the report settings are saved through report:save-settings, with Danish messages first', async () => {
  const { user } = renderAt('#/statistik');
  await screen.findByRole('table', { name: 'Hovedtal' });
  const minN = screen.getByLabelText('Mindste antal for en andel');
  await user.clear(minN);
  await user.type(minN, '0');
  await user.click(screen.getByRole('button', { name: 'Gem indstillinger' }));
  expect(minN).toHaveAccessibleDescription(/Skriv et helt tal fra 1 til 1000\./);
  expect(fake.calls['report:save-settings']).toBeUndefined();
  await user.clear(minN);
  await user.type(minN, '10');
  await user.selectOptions(screen.getByLabelText('Beretningsåret begynder i'), 'juli');
  await user.click(screen.getByRole('button', { name: 'Gem indstillinger' }));
  expect(await screen.findByText('Indstillingerne for statistikken er gemt.')).toBeInTheDocument();
  expect(fake.settings).toEqual({ startMonth: 7, minN: 10, patternMin: 3 });
  await waitFor(() => expect(lastStats().query.minN).toBe(10));
  expect(screen.getByRole('radio', { name: 'Beretningsår fra juli' })).toBeInTheDocument();
});

test('Årsberetning: sections validated in Danish, saved with Ctrl+S, previewed live, and the leave guard asks', async () => {
  const { user } = renderAt('#/aarsberetning');
  await screen.findByRole('heading', { level: 1, name: 'Årsberetning' });
  const title = await screen.findByLabelText('Titel');
  expect(title).toHaveValue('Årsberetning 2024');
  const forord = screen.getByLabelText('Forord');
  expect(forord).toHaveAccessibleDescription(/## overskrift, \*\*fed\*\*/);
  await user.type(forord, '# Ikke en titel');
  expect(forord).toHaveAccessibleDescription(/Forord: Brevets titel kan ikke ændres i et afsnit \(linje 1\)/);
  await user.keyboard('{Control>}s{/Control}');
  expect(await screen.findByRole('alert')).toHaveTextContent('Årsberetningens tekster er ikke gemt. Ret de markerede felter.');
  expect(await real.call('report:texts', { period: { from: '2024-01-01', to: '2024-12-31' } })).toMatchObject({ forord: '' });

  await user.clear(forord);
  await user.type(forord, 'Året har været **travlt**.');
  const preview = screen.getByRole('article', { name: 'Forhåndsvisning af Årsberetning 2024' });
  expect(within(preview).getByRole('heading', { name: 'Forord' })).toBeInTheDocument();
  expect(preview).toHaveTextContent('Året har været travlt.');

  // Leaving with unsaved text asks first.
  const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
  window.location.hash = '#/sager';
  await waitFor(() => expect(confirm).toHaveBeenCalled());
  expect(window.location.hash).toBe('#/aarsberetning');
  confirm.mockRestore();

  await user.click(forord);
  await user.keyboard('{Control>}s{/Control}');
  expect(await screen.findByText('Teksterne til årsberetningen for 2024 er gemt.')).toBeInTheDocument();
  expect(await real.call('report:texts', { period: { from: '2024-01-01', to: '2024-12-31' } })).toMatchObject({ title: 'Årsberetning 2024', forord: 'Året har været **travlt**.' });
});

test('Årsberetning: the period\'s issued findings, anonymised, are chosen and ordered for the report', async () => {
  const a = await createCase(real, { citizenName: 'Åse Ørsted', summary: 'Åse Ørsted fik ikke svar på sin ansøgning' });
  const b = await createCase(real, { citizenName: 'Bent Bøgh', summary: 'Bent Bøgh klagede over tonen' });
  await real.call('findings:issue', { caseId: a.id, reason: null });
  await real.call('findings:issue', { caseId: b.id, reason: null });
  const { user } = renderAt('#/aarsberetning');
  await user.selectOptions(await screen.findByLabelText('År'), '2025');
  const picker = await screen.findByRole('group', { name: 'Udvalgte udtalelser (anonymiseret)' });
  const boxes = await within(picker).findAllByRole('checkbox');
  expect(boxes).toHaveLength(2);
  expect(picker).not.toHaveTextContent('Ørsted');
  expect(picker).not.toHaveTextContent('Bøgh');
  await user.click(within(picker).getByRole('checkbox', { name: new RegExp(`^${a.sagsnr}`) }));
  await user.click(within(picker).getByRole('checkbox', { name: new RegExp(`^${b.sagsnr}`) }));
  await user.click(within(picker).getByRole('button', { name: new RegExp(`^Flyt ${b.sagsnr}.* op$`) }));
  const preview = screen.getByRole('article', { name: /^Forhåndsvisning/ });
  expect(within(preview).getByRole('heading', { name: 'Udvalgte udtalelser' })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Gem' }));
  expect(await screen.findByText('Teksterne til årsberetningen for 2025 er gemt.')).toBeInTheDocument();
  const findings = await real.call('report:findings', { period: { from: '2025-01-01', to: '2025-12-31' } });
  const byCase = (sagsnr: string) => findings.find((f) => f.sagsnr === sagsnr)!.versionId;
  expect((await real.call('report:texts', { period: { from: '2025-01-01', to: '2025-12-31' } })).findingVersionIds).toEqual([byCase(b.sagsnr), byCase(a.sagsnr)]);
});

test('Årsberetning: the export buttons show a progress bar while the exporter runs', async () => {
  // The shell hands in the exporter; here one the test resolves by hand.
  const { render } = await import('@testing-library/react');
  const { default: userEvent } = await import('@testing-library/user-event');
  const { AppDataProvider } = await import('../../renderer/src/app/AppDataProvider');
  const { AarsberetningScreen } = await import('../../renderer/src/features/report/AarsberetningScreen');
  const { initialReportScreenState } = await import('../../renderer/src/features/report/report-period');
  let finish: () => void = () => {};
  const exporter = vi.fn(() => new Promise<void>((resolve) => { finish = resolve; }));
  const user = userEvent.setup();
  render(<AppDataProvider><AarsberetningScreen state={initialReportScreenState()} setState={() => {}} exporter={exporter} /></AppDataProvider>);
  await user.click(await screen.findByRole('button', { name: 'Gem som Excel (XLSX)' }));
  expect(exporter).toHaveBeenCalledWith({ format: 'xlsx', period: { from: '2024-01-01', to: '2024-12-31' } });
  expect(screen.getByRole('progressbar', { name: 'Årsberetningen gemmes' })).toBeInTheDocument();
  finish();
  expect(await screen.findByText('Gem som Excel (XLSX): færdig.')).toBeInTheDocument();
  expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
});

test.each([
  ['#/statistik', 'Statistik'],
  ['#/aarsberetning', 'Årsberetning'],
])('%s has no axe violations', async (hash, heading) => {
  const { default: axe } = await import('axe-core');
  renderAt(hash);
  await screen.findByRole('heading', { level: 1, name: heading });
  if (hash === '#/statistik') await screen.findByRole('table', { name: 'Forvaltning og regel (ikke overholdt)' });
  else await screen.findByRole('article', { name: /^Forhåndsvisning/ });
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
