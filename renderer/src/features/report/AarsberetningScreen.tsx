/**
 * Årsberetning: the adviser's own words in the annual report for a period – the title and the five
 * narrative sections in the letters' section markup, and the issued findings to include as anonymised
 * summaries (chosen and ordered) – beside a live preview. Saved with Ctrl+S or "Gem" through
 * report:save-texts; leaving or changing the period with unsaved edits asks first. The export buttons
 * appear when the shell hands in an `exporter` (the report's PDF, XLSX and CSV).
 */
import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { formatDanishDate, type IsoDate } from '../../../../shared/domain/dates';
import { periodLabel, type ReportPeriod } from '../../../../shared/report/period';
import { REPORT_TEXT_MAX, REPORT_TEXT_SECTIONS, reportTextProblems, type AnnualReportTexts, type ReportFindingSummary } from '../../../../shared/report/texts';
import type { LetterheadSettings } from '../../../../shared/letters/letterhead-settings';
import { annualReportDocument } from '../../../../shared/report/report-document';
import type { ReportStats } from '../../../../shared/report/stats';
import { ApiError, errorMessage, notSavedMessage, send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { setLeaveGuard, UNSAVED_CHANGES_QUESTION } from '../../app/router';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { LetterView } from '../letters/LetterView';
import { SECTION_MARKUP_HINT } from '../letters/SectionEditor';
import { PeriodPicker } from './PeriodPicker';
import { useReportSettings } from './StatistikScreen';
import { defaultPeriodChoice, periodOfChoice, reportQueryOf, type PeriodChoice, type ReportScreenState } from './report-period';

export type ReportExportFormat = 'pdf' | 'xlsx' | 'csv';
/** Makes and saves the report for the period in one format; resolves when done, throws an ApiError in Danish. */
export type ReportExporter = (request: Readonly<{ format: ReportExportFormat; period: ReportPeriod }>) => Promise<void>;

const EXPORTS: ReadonlyArray<readonly [ReportExportFormat, string]> = [
  ['pdf', 'Gem som PDF'],
  ['xlsx', 'Gem som Excel (XLSX)'],
  ['csv', 'Gem tabeller som CSV'],
];

type Loaded = Readonly<{ period: ReportPeriod; saved: AnnualReportTexts; findings: ReportFindingSummary[] }>;

const NOT_SAVED = 'Årsberetningens tekster er ikke gemt. Ret de markerede felter.';

function same(a: AnnualReportTexts, b: AnnualReportTexts): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function fieldId(key: string): string {
  return key === 'findingVersionIds' ? 'aarsberetning-udtalelser' : `aarsberetning-${key}`;
}

export function AarsberetningScreen({ state, setState, exporter }: Readonly<{
  state: ReportScreenState;
  setState: Dispatch<SetStateAction<ReportScreenState>>;
  exporter?: ReportExporter;
}>) {
  const { today } = useAppData();
  const [reportSettings] = useReportSettings();
  // Without the report's settings only the calendar year and from–to are offered.
  const startMonth = reportSettings.state === 'ready' ? reportSettings.value.startMonth : 1;
  const choice = state.choice ?? defaultPeriodChoice(today);
  const period = periodOfChoice(choice, startMonth).period;
  const periodKey = period === null ? null : `${period.from}_${period.to}`;

  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<AnnualReportTexts | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const dirty = loaded !== null && draft !== null && !same(draft, loaded.saved);

  useEffect(() => {
    if (period === null) return;
    let live = true;
    setLoadError(null);
    Promise.all([send('report:texts', { period }), send('report:findings', { period })]).then(
      ([texts, findings]) => {
        if (!live) return;
        setLoaded({ period, saved: texts, findings });
        setDraft(texts);
        setErrors({});
        setSummary(null);
        setStatus(null);
      },
      (e: unknown) => { if (live) setLoadError(errorMessage(e)); },
    );
    return () => { live = false; };
  }, [periodKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // The statistics and the letterhead for the live preview of the whole report (what "Gem som PDF" prints).
  const [printed, setPrinted] = useState<{ stats: ReportStats; letterhead: LetterheadSettings } | null>(null);
  useEffect(() => {
    if (period === null || reportSettings.state !== 'ready') return;
    let live = true;
    setPrinted(null);
    Promise.all([send('report:stats', { query: reportQueryOf(state, period, reportSettings.value) }), send('letterhead:get', {})]).then(
      ([stats, letterhead]) => { if (live) setPrinted({ stats, letterhead }); },
      (e: unknown) => { if (live) setLoadError(errorMessage(e)); },
    );
    return () => { live = false; };
  }, [periodKey, reportSettings.state, state.forvaltningId, state.types.join(',')]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    setLeaveGuard(() => dirty);
    return () => setLeaveGuard(null);
  }, [dirty]);

  useEffect(() => {
    if (summary !== null) summaryRef.current?.focus();
  }, [summary]);

  function choosePeriod(next: PeriodChoice) {
    const p = periodOfChoice(next, startMonth).period;
    const moves = p !== null && loaded !== null && (p.from !== loaded.period.from || p.to !== loaded.period.to);
    if (moves && dirty && !window.confirm(UNSAVED_CHANGES_QUESTION)) return;
    setState((s) => ({ ...s, choice: next }));
  }

  function patch(p: Partial<AnnualReportTexts>) {
    setDraft((d) => (d === null ? d : { ...d, ...p }));
    setStatus(null);
  }

  async function save() {
    if (draft === null || loaded === null || busy) return;
    const problems = reportTextProblems(draft);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      setSummary(NOT_SAVED);
      return;
    }
    setBusy(true);
    try {
      const saved = await send('report:save-texts', { period: loaded.period, texts: draft });
      setLoaded({ ...loaded, saved });
      setDraft(saved);
      setErrors({});
      setSummary(null);
      setStatus(`Teksterne til årsberetningen for ${periodLabel(loaded.period)} er gemt.`);
    } catch (e) {
      setErrors(e instanceof ApiError ? { ...e.fields } : {});
      setSummary(notSavedMessage(e, NOT_SAVED));
    } finally {
      setBusy(false);
    }
  }

  const live = draft === null ? {} : reportTextProblems(draft);
  const shown = (key: string): string | undefined => errors[key] ?? live[key];

  return (
    <Page title="Årsberetning" wide>
      {reportSettings.state === 'error' ? <p className="alert alert--info">Beretningsåret kan ikke vælges lige nu ({reportSettings.message}); vælg kalenderår eller fra–til.</p> : null}
      <PeriodPicker id="aarsberetning-period" choice={choice} startMonth={startMonth} today={today} onChange={choosePeriod} />
      {loadError !== null ? <p role="alert" className="alert alert--error">Årsberetningen kunne ikke hentes: {loadError}</p> : null}
      {loaded === null || draft === null ? (loadError === null && period !== null ? <p role="status">Henter årsberetningen …</p> : null) : (
        <div className="report-editor">
          <form className="report-editor-form" noValidate aria-labelledby="aarsberetning-form-title"
            onSubmit={(e) => { e.preventDefault(); void save(); }}
            onKeyDown={(e) => {
              if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 's' || e.key === 'S')) { e.preventDefault(); void save(); }
            }}>
            <h2 id="aarsberetning-form-title">Tekster for {periodLabel(loaded.period)}</h2>
            <ErrorSummary ref={summaryRef} message={summary} errors={errors} focusTargetFor={fieldId} />
            <TextField id={fieldId('title')} label="Titel" value={draft.title} error={shown('title')} onChange={(v) => patch({ title: v })} />
            {REPORT_TEXT_SECTIONS.map((s) => (
              <TextAreaField key={s.key} id={fieldId(s.key)} label={s.title} hint={SECTION_MARKUP_HINT} rows={8} limit={REPORT_TEXT_MAX}
                value={draft[s.key]} error={shown(s.key)} spellCheck onChange={(v) => patch({ [s.key]: v })} />
            ))}
            <FindingPicker findings={loaded.findings} chosen={draft.findingVersionIds} error={shown('findingVersionIds')}
              onChange={(ids) => patch({ findingVersionIds: ids })} />
            <div className="button-row">
              <button type="submit" className="button" aria-keyshortcuts="Control+S" aria-disabled={busy || undefined}>Gem</button>
              {dirty ? <span className="muted">Ændringer er ikke gemt.</span> : null}
            </div>
            <p role="status" className="field-hint">{status ?? ''}</p>
            {exporter !== undefined ? <ExportButtons exporter={exporter} period={loaded.period} /> : null}
          </form>
          <section className="report-editor-preview" aria-labelledby="aarsberetning-preview-title">
            <h2 id="aarsberetning-preview-title">Forhåndsvisning</h2>
            {printed === null ? <p className="muted">Danner forhåndsvisningen …</p> : (
              <LetterView baseLevel={3} label={`Forhåndsvisning af ${draft.title || 'årsberetningen'}`}
                document={annualReportDocument({
                  stats: printed.stats,
                  texts: draft,
                  findings: draft.findingVersionIds.flatMap((id) => loaded.findings.filter((f) => f.versionId === id)),
                  letterhead: printed.letterhead,
                  date: today as IsoDate,
                })} />
            )}
          </section>
        </div>
      )}
    </Page>
  );
}

/**
 * The issued findings of the period as checkboxes, the chosen ones first in the order the report
 * prints them, each movable up and down.
 */
function FindingPicker({ findings, chosen, error, onChange }: Readonly<{
  findings: ReadonlyArray<ReportFindingSummary>;
  chosen: ReadonlyArray<number>;
  error: string | undefined;
  onChange: (ids: number[]) => void;
}>) {
  const byId = new Map(findings.map((f) => [f.versionId, f]));
  const ordered = [...chosen.flatMap((id) => byId.get(id) ?? []), ...findings.filter((f) => !chosen.includes(f.versionId))];
  const move = (id: number, by: -1 | 1) => {
    const next = [...chosen];
    const at = next.indexOf(id);
    const to = at + by;
    if (at < 0 || to < 0 || to >= next.length) return;
    [next[at], next[to]] = [next[to] as number, next[at] as number];
    onChange(next);
  };
  return (
    <fieldset id="aarsberetning-udtalelser" tabIndex={-1} className={`subgroup finding-picker${error ? ' field--error' : ''}`}
      aria-describedby={error ? 'aarsberetning-udtalelser-error' : undefined}>
      <legend>Udvalgte udtalelser (anonymiseret)</legend>
      {error ? <p id="aarsberetning-udtalelser-error" className="field-error">{error}</p> : null}
      {findings.length === 0 ? <p className="muted">Der er ingen udsendte udtalelser dateret i perioden.</p> : (
        <ol className="finding-pick-list">
          {ordered.map((f) => {
            const at = chosen.indexOf(f.versionId);
            const id = `aarsberetning-udtalelse-${f.versionId}`;
            const name = `${f.sagsnr}, ${formatDanishDate(f.letterDate as IsoDate)}`;
            return (
              <li key={f.versionId}>
                <div className="checkbox">
                  <input id={id} type="checkbox" checked={at >= 0} aria-describedby={`${id}-text`}
                    onChange={(e) => onChange(e.target.checked ? [...chosen, f.versionId] : chosen.filter((x) => x !== f.versionId))} />
                  <label htmlFor={id}>{name}: {f.title}</label>
                </div>
                <p id={`${id}-text`} className="field-hint finding-pick-text">{f.text}</p>
                {at >= 0 ? (
                  <div className="button-row">
                    <button type="button" className="button button--secondary button--small" aria-disabled={at === 0 || undefined}
                      aria-label={`Flyt ${name} op`} onClick={() => move(f.versionId, -1)}>Flyt op</button>
                    <button type="button" className="button button--secondary button--small" aria-disabled={at === chosen.length - 1 || undefined}
                      aria-label={`Flyt ${name} ned`} onClick={() => move(f.versionId, 1)}>Flyt ned</button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </fieldset>
  );
}

/** One button per format; a <progress> while the file is made, then what happened. */
function ExportButtons({ exporter, period }: Readonly<{ exporter: ReportExporter; period: ReportPeriod }>) {
  const [running, setRunning] = useState<ReportExportFormat | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function run(format: ReportExportFormat, label: string) {
    if (running !== null) return;
    setRunning(format);
    setMessage(null);
    try {
      await exporter({ format, period });
      setMessage({ ok: true, text: `${label}: færdig.` });
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    } finally {
      setRunning(null);
    }
  }
  return (
    <section className="report-exports" aria-labelledby="aarsberetning-export-title">
      <h3 id="aarsberetning-export-title">Gem årsberetningen</h3>
      <div className="button-row">
        {EXPORTS.map(([format, label]) => (
          <button key={format} type="button" className="button button--secondary" aria-disabled={running !== null || undefined} onClick={() => void run(format, label)}>{label}</button>
        ))}
      </div>
      {running !== null ? <progress aria-label="Årsberetningen gemmes" /> : null}
      {message !== null ? <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'field-hint' : 'alert alert--error'}>{message.text}</p> : null}
    </section>
  );
}
