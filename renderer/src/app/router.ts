/**
 * A hash router of our own: the app is loaded from files (app://, preview) where only the hash can
 * change without a reload, and a handful of routes do not justify a dependency.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  /** `report`: the drill-down token (`#/sager?rapport=…`, features/report/report-link.ts): only the cases behind one number. */
  | { name: 'list'; report?: string | null }
  /** `section`: the case page's section (`#/sager/12/klagepunkter`); null: the first (Overblik). */
  | { name: 'case'; id: number; section?: string | null }
  | { name: 'new' }
  | { name: 'import' }
  | { name: 'settings' }
  | { name: 'rules' }
  | { name: 'rule'; id: string }
  | { name: 'recommendations' }
  | { name: 'deadlines' }
  | { name: 'statistics' }
  | { name: 'annual-report' }
  /** Databeskyttelse: the audit trail, indsigt, retention and backups. */
  | { name: 'protection' }
  | { name: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/sager';
  if (path === '/sager') return { name: 'list' };
  // The token is base64url, so it never needs decoding from the hash.
  const drill = /^\/sager\?rapport=([A-Za-z0-9_-]{1,8000})$/.exec(path);
  if (drill?.[1]) return { name: 'list', report: drill[1] };
  if (path === '/statistik') return { name: 'statistics' };
  if (path === '/aarsberetning') return { name: 'annual-report' };
  if (path === '/databeskyttelse') return { name: 'protection' };
  if (path === '/ny') return { name: 'new' };
  if (path === '/import') return { name: 'import' };
  if (path === '/indstillinger') return { name: 'settings' };
  if (path === '/regler') return { name: 'rules' };
  if (path === '/henstillinger') return { name: 'recommendations' };
  if (path === '/frister') return { name: 'deadlines' };
  // Rule ids are slugs (RuleIdSchema), so they never need encoding in the hash.
  const r = /^\/regler\/([a-z0-9][a-z0-9-]{1,79})$/.exec(path);
  if (r?.[1]) return { name: 'rule', id: r[1] };
  // The section is a slug; which slugs exist is the case page's business (features/cases/case-sections.tsx).
  const m = /^\/sager\/(\d{1,12})(?:\/([a-z][a-z-]{0,39}))?$/.exec(path);
  if (m) {
    const id = Number(m[1]);
    if (Number.isSafeInteger(id) && id > 0) return { name: 'case', id, section: m[2] ?? null };
  }
  return { name: 'not-found', path };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'list': return route.report ? `#/sager?rapport=${route.report}` : '#/sager';
    case 'case': return route.section === null || route.section === undefined ? `#/sager/${route.id}` : `#/sager/${route.id}/${route.section}`;
    case 'new': return '#/ny';
    case 'import': return '#/import';
    case 'settings': return '#/indstillinger';
    case 'rules': return '#/regler';
    case 'rule': return `#/regler/${route.id}`;
    case 'recommendations': return '#/henstillinger';
    case 'deadlines': return '#/frister';
    case 'statistics': return '#/statistik';
    case 'annual-report': return '#/aarsberetning';
    case 'protection': return '#/databeskyttelse';
    case 'not-found': return `#${route.path}`;
  }
}

export function navigate(route: Route): void {
  const href = routeHref(route);
  if (window.location.hash !== href) window.location.hash = href;
}

/**
 * Leaving a screen with unsaved edits asks first ("nothing the adviser typed is lost"). The screen
 * registers a guard that says whether it has unsaved changes; this listener is added when the
 * module loads, before React subscribes below, so a refused navigation is undone before any
 * screen re-renders.
 */
let leaveGuard: (() => boolean) | null = null;
let currentHash = window.location.hash;

export const UNSAVED_CHANGES_QUESTION = 'Du har ændringer, der ikke er gemt. Vil du forlade siden og kassere dem?';

/** Register (or clear, with null) the check for unsaved changes on the current screen. */
export function setLeaveGuard(hasUnsavedChanges: (() => boolean) | null): void {
  leaveGuard = hasUnsavedChanges;
}

window.addEventListener('hashchange', () => {
  if (window.location.hash === currentHash) return;
  if (leaveGuard?.() && !window.confirm(UNSAVED_CHANGES_QUESTION)) {
    window.location.hash = currentHash;
    return;
  }
  leaveGuard = null;
  currentHash = window.location.hash;
});

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current hash; components re-render when it changes. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
