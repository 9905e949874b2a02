/**
 * Sag: the whole henvendelse in the shared form, saved with optimistic concurrency (the version the
 * form was loaded from travels as expectedVersion), the CPR masked until revealed, and the history.
 * On a conflict the adviser's edits stay in the form; reloading the newer version is their choice.
 * Above the form, the henvendelse's deadlines (the citizen's klagefrist – impossible to miss – and the
 * adviser's own target); below it the requests to the forvaltning, the statutory deadlines on the
 * klagepunkter and the henstillinger (each saved on its own).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseDetail, CaseInput } from '../../../../shared/domain/case';
import type { HistoryEntry } from '../../../../shared/domain/case-list';
import { formatDanishDateTime } from '../../../../shared/domain/dates';
import { ApiError, errorMessage, send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { setLeaveGuard } from '../../app/router';
import { Page } from '../../components/Page';
import { draftFromDetail, type CaseDraft } from './case-draft';
import { CaseForm } from './CaseForm';
import { HistoryPanel } from './HistoryPanel';
import { KlagefristSection } from '../deadlines/KlagefristSection';
import { PointDeadlinesSection } from '../deadlines/PointDeadlinesSection';
import { RequestsSection } from '../deadlines/RequestsSection';
import { RecommendationsSection } from '../recommendations/RecommendationsSection';
import { CaseRecordsSection } from '../records/CaseRecordsSection';

type Load = { state: 'loading' } | { state: 'error'; message: string; notFound: boolean } | { state: 'ready'; detail: CaseDetail };

export function CaseScreen({ id }: Readonly<{ id: number }>) {
  const { settings, today } = useAppData();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [draft, setDraft] = useState<CaseDraft | null>(null);
  // The form as last loaded or saved; the draft differing from it means unsaved edits.
  const [baseline, setBaseline] = useState<CaseDraft | null>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  // Bumped when the adviser discards their edits for the newest version: the form starts afresh.
  const [reloads, setReloads] = useState(0);
  // The version shown and whether the form has unsaved edits, read when the history is fetched again.
  const shown = useRef<{ version: number; dirty: boolean }>({ version: -1, dirty: false });

  const loadCase = useCallback(async () => {
    try {
      const detail = await send('cases:get', { id });
      setLoad({ state: 'ready', detail });
      const fresh = draftFromDetail(detail);
      setDraft(fresh);
      setBaseline(fresh);
      setRevealed(null);
      setConflict(false);
    } catch (e) {
      setLoad({ state: 'error', message: errorMessage(e), notFound: e instanceof ApiError && e.code === 'not_found' });
    }
  }, [id]);

  const loadHistory = useCallback(async () => {
    try {
      const [entries, fresh] = await Promise.all([send('cases:history', { id }), send('cases:get', { id })]);
      setHistory(entries);
      if (fresh.version !== shown.current.version && !shown.current.dirty) {
        // An answer recorded on a request set a klagepunkt's "Forvaltningen erkendte fejl": a form
        // without edits shows it at once; one with edits keeps them and meets the conflict on saving.
        setLoad({ state: 'ready', detail: fresh });
        const form = draftFromDetail(fresh);
        setDraft(form);
        setBaseline(form);
        setHistoryError(null);
        return;
      }
      // A request, henstilling or deadline added on the page moves "senest ændret" with the history.
      // Only that: the version the form saves against, and the form itself, stay as they are.
      setLoad((l) => (l.state === 'ready' && l.detail.id === fresh.id ? { ...l, detail: { ...l.detail, updatedAt: fresh.updatedAt } } : l));
      setHistoryError(null);
    } catch (e) {
      setHistoryError(errorMessage(e));
    }
  }, [id]);

  useEffect(() => {
    setLoad({ state: 'loading' });
    void loadCase();
    void loadHistory();
  }, [loadCase, loadHistory]);

  // Unsaved edits (the form differs from the version last loaded or saved) make leaving ask first.
  useEffect(() => {
    if (load.state === 'ready') shown.current.version = load.detail.version;
  }, [load]);
  useEffect(() => {
    if (baseline === null || draft === null) return undefined;
    shown.current.dirty = draft !== baseline && JSON.stringify(draft) !== JSON.stringify(baseline);
    setLeaveGuard(() => draft !== baseline && JSON.stringify(draft) !== JSON.stringify(baseline));
    return () => setLeaveGuard(null);
  }, [baseline, draft]);

  if (load.state === 'loading' || (load.state === 'ready' && draft === null)) {
    return <Page title="Henvendelse"><p role="status" className="muted">Henter henvendelsen …</p></Page>;
  }
  if (load.state === 'error') {
    return (
      <Page title={load.notFound ? 'Henvendelsen findes ikke' : 'Henvendelsen kunne ikke hentes'}>
        <p role="alert" className="alert alert--error">{load.message}</p>
        <p><a href="#/sager">Tilbage til sagslisten</a></p>
      </Page>
    );
  }
  const detail = load.detail;

  async function save(input: CaseInput) {
    setNotice(null);
    try {
      const updated = await send('cases:update', { id, expectedVersion: detail.version, input });
      setLoad({ state: 'ready', detail: updated });
      const fresh = draftFromDetail(updated);
      setDraft(fresh);
      setBaseline(fresh);
      setRevealed(null);
      setConflict(false);
      setNotice(`Ændringerne er gemt ${formatDanishDateTime(updated.updatedAt)}.`);
      void loadHistory();
    } catch (e) {
      // A newer version is told once, in the box below with its way out; thrown on, the form's error
      // summary would repeat it. A conflict about a field (a taken sagsnr) goes to that field.
      if (e instanceof ApiError && e.code === 'conflict' && Object.keys(e.fields).length === 0) { setConflict(true); return; }
      throw e;
    }
  }

  return (
    <Page title={`Henvendelse ${detail.sagsnr}`} wide>
      <p className="page-meta">
        Oprettet {formatDanishDateTime(detail.createdAt)} · senest ændret {formatDanishDateTime(detail.updatedAt)}
      </p>
      <div role="status" className="status-line">{notice ? <span className="alert alert--success">{notice}</span> : null}</div>
      {conflict ? (
        <div className="alert alert--warning" role="alert">
          <p>Henvendelsen er ændret et andet sted, siden du åbnede den. Dine ændringer står stadig i formularen.</p>
          <button type="button" className="button button--secondary" onClick={() => { setReloads((n) => n + 1); void loadCase().then(loadHistory); }}>
            Hent den nyeste version (kasserer dine ændringer)
          </button>
        </div>
      ) : null}
      <div className="case-layout">
        <div className="case-main">
          <KlagefristSection caseId={detail.id} version={detail.version} onChanged={() => void loadHistory()} />
          <CaseForm
            // Not keyed by version: after a save the Gem button keeps focus instead of being replaced.
            key={`${detail.id}-${reloads}`}
            mode="edit"
            draft={draft as CaseDraft}
            onDraftChange={setDraft}
            settings={settings}
            today={today}
            onSave={save}
            cpr={{
              masked: detail.citizen.cprMasked,
              revealed,
              onReveal: async () => { setRevealed((await send('cases:reveal-cpr', { id })).cpr); },
              onHide: () => setRevealed(null),
            }}
          />
          <RequestsSection caseId={detail.id} points={detail.points} version={detail.version} onChanged={() => void loadHistory()} />
          <PointDeadlinesSection caseId={detail.id} points={detail.points} version={detail.version} onChanged={() => void loadHistory()} />
          <RecommendationsSection caseId={detail.id} points={detail.points} version={detail.version} onChanged={() => void loadHistory()} />
          <CaseRecordsSection caseId={detail.id} version={detail.version} onChanged={() => void loadHistory()} />
        </div>
        <HistoryPanel entries={history} error={historyError} />
      </div>
    </Page>
  );
}
