/**
 * Sag: the henvendelse as a workspace. A sticky header says who and what (CaseHeader); tabs move
 * between the sections (workspace/case-sections.tsx), the selected one in the URL. Sections are read
 * first: "Rediger" (or R) opens that part of the shared case form, Escape or "Annullér" leaves it
 * (asking when there are edits), Ctrl+S saves. Leaving the section or the page with edits asks first
 * (the router's leave guard); the edits are never dropped silently.
 *
 * Saving keeps the optimistic concurrency: the version the form was loaded from travels as
 * expectedVersion, and on a conflict the adviser's edits stay in the form; reloading the newer
 * version is their choice. Closing the henvendelse (the status Afsluttet, or "Luk sagen") first asks
 * the backend what is still open and lists it (ClosingPanel); "Luk alligevel" acknowledges each item.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { CaseDetail, CaseInput } from '../../../../shared/domain/case';
import type { HistoryEntry } from '../../../../shared/domain/case-list';
import type { OpenItem } from '../../../../shared/domain/case-workspace';
import { formatDanishDate, formatDanishDateTime } from '../../../../shared/domain/dates';
import { ApiError, errorMessage, send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { setLeaveGuard, UNSAVED_CHANGES_QUESTION } from '../../app/router';
import { Page } from '../../components/Page';
import { draftFromDetail, toCaseInput, type CaseDraft } from './case-draft';
import { CaseForm } from './CaseForm';
import { CASE_SECTIONS, sectionFor } from './workspace/case-sections';
import { CaseHeader } from './workspace/CaseHeader';
import { CaseTabs, panelDomId, tabDomId } from './workspace/CaseTabs';
import { ClosingPanel } from './workspace/ClosingPanel';
import { focusWhenPresent } from './workspace/focus-when-present';

type Load = { state: 'loading' } | { state: 'error'; message: string; notFound: boolean } | { state: 'ready'; detail: CaseDetail };

/** The closing check's answer, waiting for the adviser: the input to save once they confirm. */
type Closing = Readonly<{ input: CaseInput; items: ReadonlyArray<OpenItem>; error: string | null; busy: boolean }>;

const same = (a: CaseDraft | null, b: CaseDraft | null) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Typing in a field: R is a letter there, not "Rediger". */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement
    || (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type));
}

export function CaseScreen({ id, section: sectionSlug = null }: Readonly<{ id: number; section?: string | null }>) {
  const { settings, today } = useAppData();
  const section = sectionFor(sectionSlug);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [draft, setDraft] = useState<CaseDraft | null>(null);
  // The form as last loaded or saved; the draft differing from it means unsaved edits.
  const [baseline, setBaseline] = useState<CaseDraft | null>(null);
  // The section whose part of the form is open for editing; null: every section reads.
  const [editing, setEditing] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<string | null>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [closing, setClosing] = useState<Closing | null>(null);
  // Bumped when something recorded on the case changed, so the header and the overview fetch again.
  const [refresh, setRefresh] = useState(0);
  // Bumped when the adviser discards their edits for the newest version: the form starts afresh.
  const [reloads, setReloads] = useState(0);
  // The version shown and whether the form has unsaved edits, read when the history is fetched again.
  const shown = useRef<{ version: number; dirty: boolean }>({ version: -1, dirty: false });
  const editButton = useRef<HTMLButtonElement>(null);
  const stopFocus = useRef<() => void>(() => undefined);

  const showDetail = useCallback((detail: CaseDetail) => {
    setLoad({ state: 'ready', detail });
    const fresh = draftFromDetail(detail);
    setDraft(fresh);
    setBaseline(fresh);
  }, []);

  const loadCase = useCallback(async () => {
    try {
      showDetail(await send('cases:open', { id }));
      setRevealed(null);
      setConflict(false);
    } catch (e) {
      setLoad({ state: 'error', message: errorMessage(e), notFound: e instanceof ApiError && e.code === 'not_found' });
    }
  }, [id, showDetail]);

  const loadHistory = useCallback(async () => {
    try {
      const [entries, fresh] = await Promise.all([send('cases:history', { id }), send('cases:get', { id })]);
      setHistory(entries);
      setHistoryError(null);
      setRefresh((n) => n + 1);
      if (fresh.version !== shown.current.version && !shown.current.dirty) {
        // A request moved the status, or an answer set a klagepunkt's "Forvaltningen erkendte fejl":
        // a form without edits shows it at once; one with edits keeps them and meets the conflict on saving.
        showDetail(fresh);
        return;
      }
      // A request, henstilling or deadline added on the page moves "senest ændret" with the history.
      // Only that: the version the form saves against, and the form itself, stay as they are.
      setLoad((l) => (l.state === 'ready' && l.detail.id === fresh.id ? { ...l, detail: { ...l.detail, updatedAt: fresh.updatedAt } } : l));
    } catch (e) {
      setHistoryError(errorMessage(e));
    }
  }, [id, showDetail]);

  useEffect(() => {
    setLoad({ state: 'loading' });
    void loadCase();
    void loadHistory();
  }, [loadCase, loadHistory]);

  // Another section chosen (the router has already asked when there were edits): the editor closes
  // and its edits go, as the adviser confirmed; a closing check still open goes with it.
  const lastSection = useRef(section.slug);
  useEffect(() => {
    if (lastSection.current === section.slug) return;
    lastSection.current = section.slug;
    setEditing(null);
    setDraft(baseline);
  }, [section.slug, baseline]);

  useEffect(() => () => stopFocus.current(), []);

  // Unsaved edits (the form differs from the version last loaded or saved) make leaving ask first –
  // another page, and another section of this one. Registered again after each route change, which clears it.
  useEffect(() => {
    if (load.state === 'ready') shown.current.version = load.detail.version;
  }, [load]);
  useEffect(() => {
    if (baseline === null || draft === null) return undefined;
    shown.current.dirty = !same(draft, baseline);
    setLeaveGuard(() => !same(draft, baseline));
    return () => setLeaveGuard(null);
  }, [baseline, draft, section.slug]);

  if (load.state === 'loading' || (load.state === 'ready' && (draft === null || baseline === null))) {
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
  const current = draft as CaseDraft;
  const dirty = !same(current, baseline);
  const isEditing = editing === section.slug && section.editPart !== undefined;

  async function update(input: CaseInput, acknowledged: ReadonlyArray<string> | undefined) {
    const updated = await send('cases:update', { id, expectedVersion: detail.version, input, ...(acknowledged ? { acknowledged: [...acknowledged] } : {}) });
    showDetail(updated);
    setRevealed(null);
    setConflict(false);
    setClosing(null);
    setEditing(null);
    setNotice(`Ændringerne er gemt ${formatDanishDateTime(updated.updatedAt)}.`);
    void loadHistory();
    // The editor is gone; focus goes back to where editing started (or the panel, after "Luk sagen").
    requestAnimationFrame(() => (editButton.current ?? document.getElementById(panelDomId(section.slug)))?.focus());
  }

  async function save(input: CaseInput) {
    setNotice(null);
    try {
      if (input.status === 'afsluttet' && detail.status !== 'afsluttet') {
        // Closing: what is still open is shown first, judged on the klagepunkter as the form holds them.
        const { items } = await send('cases:closing-check', { id, points: input.points.map((p) => ({ outcome: p.outcome, rules: p.rules ?? [] })) });
        if (items.length > 0) { setClosing({ input, items, error: null, busy: false }); return; }
      }
      await update(input, undefined);
    } catch (e) {
      // A newer version is told once, in the box below with its way out; thrown on, the form's error
      // summary would repeat it. A conflict about a field (a taken sagsnr) goes to that field.
      if (e instanceof ApiError && e.code === 'conflict' && Object.keys(e.fields).length === 0) { setConflict(true); return; }
      throw e;
    }
  }

  async function confirmClosing(c: Closing) {
    setClosing({ ...c, busy: true, error: null });
    try {
      await update(c.input, c.items.map((i) => i.key));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict' && Object.keys(e.fields).length === 0) { setClosing(null); setConflict(true); return; }
      setClosing({ ...c, busy: false, error: errorMessage(e) });
    }
  }

  /** "Luk sagen" in the header: the stored henvendelse with the status Afsluttet from today. */
  async function startClosing() {
    setNotice(null);
    const { input, errors } = toCaseInput({ ...draftFromDetail(detail), status: 'afsluttet', closedOnText: formatDanishDate(today) }, settings, today);
    const problems = Object.values(errors);
    try {
      const { items } = await send('cases:closing-check', { id });
      setClosing({ input, items, busy: false, error: problems.length > 0 ? `Henvendelsen kan ikke lukkes, før den er rettet: ${problems.join(' ')}` : null });
    } catch (e) {
      setNotice(null);
      setClosing({ input, items: [], busy: false, error: errorMessage(e) });
    }
  }

  function startEditing() {
    if (section.editPart === undefined) return;
    setNotice(null);
    setEditing(section.slug);
    // The first field of the part the adviser opened.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`#${panelDomId(section.slug)} form input, #${panelDomId(section.slug)} form select, #${panelDomId(section.slug)} form textarea`)?.focus());
  }

  function cancelEditing() {
    if (dirty && !window.confirm(UNSAVED_CHANGES_QUESTION)) return;
    setDraft(baseline);
    setEditing(null);
    requestAnimationFrame(() => editButton.current?.focus());
  }

  function onPanelKeyDown(e: ReactKeyboardEvent<HTMLDivElement>) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (!isEditing && section.editPart !== undefined && (e.key === 'r' || e.key === 'R') && !inTextField(e.target)) {
      e.preventDefault();
      startEditing();
    } else if (isEditing && e.key === 'Escape') {
      e.preventDefault();
      cancelEditing();
    }
  }

  const tabs = CASE_SECTIONS.map((s) => ({ slug: s.slug, label: s.label }));
  const context = { detail, settings, refresh, onChanged: () => void loadHistory(), history: { entries: history, error: historyError } };
  return (
    <Page title={`Henvendelse ${detail.sagsnr}`} wide>
      {/* R and Escape work from the tabs too: Alt+Shift+digit leaves focus on the chosen tab. */}
      <div className="case-top" onKeyDown={onPanelKeyDown}>
        <CaseHeader detail={detail} settings={settings} refresh={refresh} actions={{
          revealed,
          onReveal: async () => { setRevealed((await send('cases:reveal-cpr', { id })).cpr); void loadHistory(); },
          onHide: () => setRevealed(null),
          onFollowStatus: async () => {
            const updated = await send('cases:status-follow', { id, expectedVersion: detail.version });
            showDetail(updated);
            setNotice('Status følger nu sagen.');
            void loadHistory();
          },
          onClose: () => void startClosing(),
          busy: editing !== null,
          announceKlagefrist: section.slug !== 'anmodninger',
        }} />
        <CaseTabs caseId={id} tabs={tabs} selected={section.slug} />
      </div>
      <p className="page-meta">
        Oprettet {formatDanishDateTime(detail.createdAt)} · senest ændret {formatDanishDateTime(detail.updatedAt)}
      </p>
      <div role="status" className="status-line">{notice ? <span className="alert alert--success">{notice}</span> : null}</div>
      {conflict ? (
        <div className="alert alert--warning" role="alert">
          <p>Henvendelsen er ændret et andet sted, siden du åbnede den. Dine ændringer står stadig i formularen.</p>
          <button type="button" className="button button--secondary" onClick={() => { setReloads((n) => n + 1); setEditing(null); void loadCase().then(loadHistory); }}>
            Hent den nyeste version (kasserer dine ændringer)
          </button>
        </div>
      ) : null}
      {closing ? (
        <ClosingPanel caseId={id} items={closing.items} busy={closing.busy} error={closing.error}
          onConfirm={() => void confirmClosing(closing)}
          onCancel={() => setClosing(null)}
          onGo={(item) => {
            setClosing(null);
            stopFocus.current();
            stopFocus.current = focusWhenPresent(item.elementId);
          }} />
      ) : null}
      <div role="tabpanel" id={panelDomId(section.slug)} aria-labelledby={tabDomId(section.slug)} tabIndex={0} className="case-panel" onKeyDown={onPanelKeyDown}>
        {section.editPart !== undefined && !isEditing ? (
          <div className="section-toolbar">
            <button ref={editButton} type="button" className="button button--secondary button--small" onClick={startEditing} aria-keyshortcuts="R">
              Rediger <kbd aria-hidden="true">R</kbd>
            </button>
          </div>
        ) : null}
        {isEditing && section.editPart !== undefined ? (
          <CaseForm
            // Not keyed by version: after a failed save the Gem button keeps focus instead of being replaced.
            key={`${detail.id}-${reloads}-${section.slug}`}
            mode="edit"
            part={section.editPart}
            draft={current}
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
            actions={<button type="button" className="button button--secondary" onClick={cancelEditing} aria-keyshortcuts="Escape">Annullér <kbd aria-hidden="true">Esc</kbd></button>}
          />
        ) : section.render(context)}
      </div>
    </Page>
  );
}
