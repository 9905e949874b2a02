/**
 * Statistik: the annual report's numbers for a period (report:stats), with filters by forvaltning
 * and type. Every table of `reportTables` – the one list the PDF, XLSX and CSV show too – with the
 * previous period beside, the trend and the forvaltninger as tables, the forvaltning × rule table with
 * shading beside its numbers and the recurring patterns; each count opens the cases behind it. The
 * report's settings (start month, minN, patterns) are edited at the bottom.
 */
import { useEffect, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import { CaseType } from '../../../../shared/domain/vocab';
import type { ReportSettings } from '../../../../shared/report/settings';
import { ReportFiltersSchema, type ReportQuery, type ReportStats } from '../../../../shared/report/stats';
import { reportCharts } from '../../../../shared/report/charts';
import { reportTables } from '../../../../shared/report/tables';
import { errorMessage, send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { SelectField } from '../../components/Field';
import { Page } from '../../components/Page';
import { PeriodPicker } from './PeriodPicker';
import { ReportSettingsForm } from './ReportSettingsForm';
import { ChartView } from './ChartView';
import { ReportTableView } from './ReportTableView';
import { defaultPeriodChoice, periodOfChoice, reportQueryOf, type ReportScreenState } from './report-period';

/** How many periods the trend table shows, the period itself included. */
const TYPE_VALUES = ReportFiltersSchema.shape.types.element.options;

type Load<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T };

/** report:settings, loaded once per visit; the screen waits for the start month and minN. */
export function useReportSettings(): [Load<ReportSettings>, (s: ReportSettings) => void] {
  const [load, setLoad] = useState<Load<ReportSettings>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    send('report:settings', {}).then(
      (value) => { if (live) setLoad({ state: 'ready', value }); },
      (e: unknown) => { if (live) setLoad({ state: 'error', message: errorMessage(e) }); },
    );
    return () => { live = false; };
  }, []);
  return [load, (value) => setLoad({ state: 'ready', value })];
}

export function StatistikScreen({ state, setState }: Readonly<{ state: ReportScreenState; setState: Dispatch<SetStateAction<ReportScreenState>> }>) {
  const { settings, today } = useAppData();
  const [reportSettings, setReportSettings] = useReportSettings();
  const choice = state.choice ?? defaultPeriodChoice(today);
  const rs = reportSettings.state === 'ready' ? reportSettings.value : null;
  const period = rs === null ? null : periodOfChoice(choice, rs.startMonth).period;

  const query: ReportQuery | null = useMemo(() => (rs === null || period === null ? null : reportQueryOf(state, period, rs)), [rs, period?.from, period?.to, state.forvaltningId, state.types]); // eslint-disable-line react-hooks/exhaustive-deps

  const [stats, setStats] = useState<Load<{ query: ReportQuery; stats: ReportStats }>>({ state: 'loading' });
  useEffect(() => {
    if (query === null) return;
    let live = true;
    setStats({ state: 'loading' });
    send('report:stats', { query }).then(
      (value) => { if (live) setStats({ state: 'ready', value: { query, stats: value } }); },
      (e: unknown) => { if (live) setStats({ state: 'error', message: errorMessage(e) }); },
    );
    return () => { live = false; };
  }, [query]);

  const forvaltningOptions = [
    { value: '', label: 'Alle forvaltninger' },
    ...settings.forvaltninger.map((f) => ({ value: String(f.id), label: f.retired ? `${f.name} (udgået)` : f.name })),
  ];

  return (
    <Page title="Statistik" wide>
      {reportSettings.state === 'error' ? <p role="alert" className="alert alert--error">Statistikken kan ikke vises: {reportSettings.message}</p> : null}
      {rs === null ? (reportSettings.state === 'loading' ? <p role="status">Henter indstillinger for statistikken …</p> : null) : (
        <>
          <div role="search" aria-label="Periode og filtre" className="filters report-filters">
            <PeriodPicker id="stat-period" choice={choice} startMonth={rs.startMonth} today={today} onChange={(c) => setState((s) => ({ ...s, choice: c }))} />
            <SelectField id="stat-forvaltning" label="Forvaltning" width="m" value={state.forvaltningId} options={forvaltningOptions}
              onChange={(v) => setState((s) => ({ ...s, forvaltningId: v }))} />
            <fieldset className="radio-group radio-group--inline">
              <legend className="field-label">Type</legend>
              {TYPE_VALUES.map((t) => {
                const label = CaseType.entries.find((e) => e.importName === t)?.label ?? t;
                const on = state.types.includes(t);
                return (
                  <div className="checkbox" key={t}>
                    <input id={`stat-type-${t.replace(' ', '-')}`} type="checkbox" checked={on}
                      onChange={(e) => setState((s) => ({ ...s, types: e.target.checked ? TYPE_VALUES.filter((x) => x === t || s.types.includes(x)) : s.types.filter((x) => x !== t) }))} />
                    <label htmlFor={`stat-type-${t.replace(' ', '-')}`}>{label}</label>
                  </div>
                );
              })}
            </fieldset>
          </div>
          <p className="report-min-n">
            Ingen typer valgt betyder alle typer. Andele vises kun, når der er mindst {rs.minN} at regne af – færre giver misvisende procenter og
            rangordener, så der står "–" med antallet i stedet. Hvert antal er et link til sagerne bag tallet.
          </p>
          <p><a href="#/aarsberetning">Skriv årsberetningens tekster for perioden</a></p>

          {stats.state === 'loading' && query !== null ? <p role="status">Henter statistik …</p> : null}
          {stats.state === 'error' ? <p role="alert" className="alert alert--error">Statistikken kunne ikke hentes: {stats.message}</p> : null}
          {stats.state === 'ready' ? (
            <div className="report-tables">
              <h2>Tal for {stats.value.stats.label} med {stats.value.stats.previous.label} til sammenligning</h2>
              {/* The same charts as the PDF prints (one chart model), each with its numbers as a table. */}
              <section className="report-charts" aria-labelledby="report-charts-title">
                <h3 id="report-charts-title">Diagrammer</h3>
                {reportCharts(stats.value.stats).map((c) => <ChartView key={c.id} chart={c} />)}
              </section>
              {reportTables(stats.value.stats).map((t) => <ReportTableView key={t.id} table={t} query={stats.value.query} minN={stats.value.stats.minN} />)}
            </div>
          ) : null}

          <ReportSettingsForm settings={rs} onSaved={setReportSettings} />
        </>
      )}
    </Page>
  );
}
