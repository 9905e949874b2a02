/**
 * The app shell: skip link, header with the municipality, the navigation and who is acting, the
 * banner when the database file is damaged (IntegrityBanner), the routed screen in <main> behind an error boundary, and the global shortcuts (Alt+1…9 and Alt+0 between
 * screens, Ctrl+N for a new henvendelse). Until the adviser has said who they are, <main> shows the
 * start screen (features/actor/ActorChooser) instead; switching later shows it in the same place,
 * so the state held here survives it. State that must outlive a screen — the case list's filters,
 * the intake draft (with its klagefrist notice) and the report's period and filters (shared by
 * Statistik and Årsberetning, kept across a drill-down) — is held here.
 */
import { useCallback, useEffect, useRef, useState, type SetStateAction } from 'react';
import { FristerScreen } from '../features/deadlines/FristerScreen';
import { emptyNoticeDraft, type NoticeDraft } from '../features/deadlines/notice-draft';
import { CaseListScreen } from '../features/cases/CaseListScreen';
import { CaseScreen } from '../features/cases/CaseScreen';
import { IntakeScreen } from '../features/cases/IntakeScreen';
import { emptyDraft, type CaseDraft } from '../features/cases/case-draft';
import { initialCaseListState, type CaseListState } from '../features/cases/case-list-state';
import { ImportScreen } from '../features/import/ImportScreen';
import { AarsberetningScreen } from '../features/report/AarsberetningScreen';
import { StatistikScreen } from '../features/report/StatistikScreen';
import { reportExporter } from '../features/report/report-exporter';
import { initialReportScreenState, type ReportScreenState } from '../features/report/report-period';
import { RecommendationsScreen } from '../features/recommendations/RecommendationsScreen';
import { RuleScreen } from '../features/rules/RuleScreen';
import { RulesScreen } from '../features/rules/RulesScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { ProtectionScreen } from '../features/protection/ProtectionScreen';
import { ActorChooser } from '../features/actor/ActorChooser';
import { ActorControl } from '../features/actor/ActorControl';
import { ActorProvider, useActor } from '../features/actor/ActorProvider';
import { Page } from '../components/Page';
import { AppDataProvider, useAppData } from './AppDataProvider';
import { AuditBanner } from './AuditBanner';
import { ErrorBoundary } from './ErrorBoundary';
import { IntegrityBanner } from './IntegrityBanner';
import { navigate, parseRoute, routeHref, useHash, type Route } from './router';

type NavItem = Readonly<{ route: Route; label: string; shortcut: string; matches: (r: Route) => boolean }>;

const NAV: ReadonlyArray<NavItem> = [
  { route: { name: 'list' }, label: 'Sager', shortcut: 'Alt+1', matches: (r) => r.name === 'list' || r.name === 'case' },
  { route: { name: 'new' }, label: 'Ny henvendelse', shortcut: 'Alt+2', matches: (r) => r.name === 'new' },
  { route: { name: 'import' }, label: 'Import/eksport', shortcut: 'Alt+3', matches: (r) => r.name === 'import' },
  { route: { name: 'settings' }, label: 'Indstillinger', shortcut: 'Alt+4', matches: (r) => r.name === 'settings' },
  { route: { name: 'rules' }, label: 'Regler', shortcut: 'Alt+5', matches: (r) => r.name === 'rules' || r.name === 'rule' },
  { route: { name: 'recommendations' }, label: 'Henstillinger', shortcut: 'Alt+6', matches: (r) => r.name === 'recommendations' },
  { route: { name: 'deadlines' }, label: 'Frister', shortcut: 'Alt+7', matches: (r) => r.name === 'deadlines' },
  { route: { name: 'statistics' }, label: 'Statistik', shortcut: 'Alt+8', matches: (r) => r.name === 'statistics' },
  { route: { name: 'annual-report' }, label: 'Årsberetning', shortcut: 'Alt+9', matches: (r) => r.name === 'annual-report' },
  { route: { name: 'protection' }, label: 'Databeskyttelse', shortcut: 'Alt+0', matches: (r) => r.name === 'protection' },
];

export function App() {
  return (
    <AppDataProvider>
      <ActorProvider>
        <Shell />
      </ActorProvider>
    </AppDataProvider>
  );
}

function Shell() {
  const { settings, today } = useAppData();
  const { adviser, choosing } = useActor();
  const adviserId = adviser?.id ?? null;
  const hash = useHash();
  const route = parseRoute(hash);
  const [listState, setListState] = useState<CaseListState>(initialCaseListState);
  const [reportState, setReportState] = useState<ReportScreenState>(initialReportScreenState);
  // A new henvendelse is the chosen adviser's by default.
  const [draft, setDraftState] = useState<CaseDraft>(() => emptyDraft(today, adviserId));
  const setDraft = useCallback((d: SetStateAction<CaseDraft>) => setDraftState(d), []);
  const [notice, setNoticeState] = useState<NoticeDraft>(emptyNoticeDraft);
  const setNotice = useCallback((n: NoticeDraft) => setNoticeState(n), []);
  const resetDraft = useCallback(() => {
    setDraftState(emptyDraft(today, adviserId));
    setNoticeState(emptyNoticeDraft());
  }, [today, adviserId]);
  // Chosen (or switched) after the draft was made: a draft still on the previous default follows;
  // one where the adviser picked someone else keeps that choice.
  const draftDefault = useRef(adviserId);
  useEffect(() => {
    const previous = draftDefault.current;
    draftDefault.current = adviserId;
    if (previous !== adviserId) setDraftState((d) => (d.adviserId === previous ? { ...d, adviserId } : d));
  }, [adviserId]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      // Alt+Shift+digit is the case page's sections (CaseTabs), not the navigation.
      if (e.altKey && !e.shiftKey && !e.ctrlKey && !e.metaKey) {
        // e.code, because Alt+digit produces other characters on some keyboard layouts.
        const n = /^Digit([0-9])$/.exec(e.code)?.[1] ?? (/^[0-9]$/.test(e.key) ? e.key : undefined);
        // Alt+0 is the tenth item, as on the keyboard's number row.
        const item = n ? NAV[n === '0' ? 9 : Number(n) - 1] : undefined;
        if (item) { e.preventDefault(); navigate(item.route); }
      } else if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === 'n' || e.key === 'N')) {
        e.preventDefault();
        navigate({ name: 'new' });
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <>
      <a className="skip-link" href="#indhold" onClick={(e) => { e.preventDefault(); document.getElementById('indhold')?.focus(); }}>
        Gå til indhold
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <p className="app-brand">
            <span className="app-name">Ombud</span>
            <span className="app-municipality">{settings.municipalityName || 'Kommunenavn ikke angivet'}</span>
          </p>
          {adviser === null ? null : <nav aria-label="Hovedmenu" className="app-nav">
            <ul>
              {NAV.map((item) => (
                <li key={item.label}>
                  <a href={routeHref(item.route)} aria-current={item.matches(route) ? 'page' : undefined} aria-keyshortcuts={item.shortcut}>
                    {item.label}
                    <kbd aria-hidden="true">{item.shortcut}</kbd>
                  </a>
                </li>
              ))}
            </ul>
          </nav>}
          <ActorControl />
        </div>
      </header>
      <IntegrityBanner />
      <main id="indhold" tabIndex={-1} className="app-main">
        <AuditBanner />
        {choosing ? (
          <ActorChooser />
        ) : (
          // Keyed by the screen, not the whole hash: moving between a case's sections keeps its state.
          <ErrorBoundary key={route.name === 'case' ? `case-${route.id}` : hash}>
            <Screen route={route} listState={listState} setListState={setListState} draft={draft} setDraft={setDraft} resetDraft={resetDraft}
              notice={notice} setNotice={setNotice} reportState={reportState} setReportState={setReportState} />
          </ErrorBoundary>
        )}
      </main>
    </>
  );
}

function Screen({ route, listState, setListState, draft, setDraft, resetDraft, notice, setNotice, reportState, setReportState }: Readonly<{
  route: Route;
  listState: CaseListState;
  setListState: (s: SetStateAction<CaseListState>) => void;
  draft: CaseDraft;
  setDraft: (d: SetStateAction<CaseDraft>) => void;
  resetDraft: () => void;
  notice: NoticeDraft;
  setNotice: (n: NoticeDraft) => void;
  reportState: ReportScreenState;
  setReportState: (s: SetStateAction<ReportScreenState>) => void;
}>) {
  switch (route.name) {
    case 'list': return <CaseListScreen state={listState} setState={setListState} report={route.report ?? null} />;
    case 'case': return <CaseScreen key={route.id} id={route.id} section={route.section ?? null} />;
    case 'new': return <IntakeScreen draft={draft} onDraftChange={setDraft} notice={notice} onNoticeChange={setNotice} onCreated={resetDraft} onDiscard={resetDraft} />;
    case 'import': return <ImportScreen />;
    case 'settings': return <SettingsScreen />;
    case 'rules': return <RulesScreen />;
    case 'rule': return <RuleScreen key={route.id} id={route.id} />;
    case 'recommendations': return <RecommendationsScreen />;
    case 'deadlines': return <FristerScreen />;
    case 'statistics': return <StatistikScreen state={reportState} setState={setReportState} />;
    case 'annual-report': return <AarsberetningScreen state={reportState} setState={setReportState} exporter={reportExporter(reportState)} />;
    case 'protection': return <ProtectionScreen />;
    case 'not-found':
      return (
        <Page title="Siden findes ikke">
          <p>Adressen {route.path} svarer ikke til et skærmbillede i Ombud.</p>
          <p><a href="#/sager">Gå til sagslisten</a></p>
        </Page>
      );
  }
}
