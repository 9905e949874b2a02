/**
 * The case page's sections as WAI-ARIA tabs: ←/→ move to the previous/next tab and select it,
 * Home/End the first/last; Alt+Shift+1…9 select a tab from anywhere on the case page. Selecting goes
 * through the URL (#/sager/12/klagepunkter), so back/forward and reload keep the section and the
 * router's unsaved-edits guard asks before an editor with changes is left.
 */
import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { navigate } from '../../../app/router';

export type TabItem = Readonly<{ slug: string; label: string }>;

export const tabDomId = (slug: string) => `case-tab-${slug}`;
export const panelDomId = (slug: string) => `case-panel-${slug}`;
/** "Alt+Shift+3" for the third tab; beyond nine there is no digit left. */
export const tabShortcut = (index: number): string | null => (index < 9 ? `Alt+Shift+${index + 1}` : null);

export function CaseTabs({ caseId, tabs, selected }: Readonly<{ caseId: number; tabs: ReadonlyArray<TabItem>; selected: string }>) {
  const list = useRef<HTMLDivElement>(null);
  const go = (slug: string) => navigate({ name: 'case', id: caseId, section: slug });

  // The shortcut works wherever focus is on the case page; e.code, as Alt+Shift+digit types other characters on some layouts.
  const tabsRef = useRef(tabs);
  tabsRef.current = tabs;
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return;
      const n = /^Digit([1-9])$/.exec(e.code)?.[1];
      const tab = n ? tabsRef.current[Number(n) - 1] : undefined;
      if (!tab) return;
      e.preventDefault();
      go(tab.slug);
      // After the route change, focus follows to the tab, so the arrows work straight away.
      requestAnimationFrame(() => document.getElementById(tabDomId(tab.slug))?.focus());
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [caseId]);

  function onKeyDown(e: ReactKeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.slug === selected);
    let target: number | null = null;
    if (e.key === 'ArrowRight') target = (index + 1) % tabs.length;
    else if (e.key === 'ArrowLeft') target = (index - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') target = 0;
    else if (e.key === 'End') target = tabs.length - 1;
    if (target === null) return;
    e.preventDefault();
    const tab = tabs[target];
    if (!tab) return;
    go(tab.slug);
    document.getElementById(tabDomId(tab.slug))?.focus();
  }

  return (
    <div ref={list} role="tablist" aria-label="Sagens dele" className="case-tabs" onKeyDown={onKeyDown}>
      {tabs.map((t, i) => {
        const on = t.slug === selected;
        const shortcut = tabShortcut(i);
        return (
          <button
            key={t.slug}
            type="button"
            role="tab"
            id={tabDomId(t.slug)}
            aria-selected={on}
            // Only the shown panel exists; pointing at one that does not would be an invalid reference.
            aria-controls={on ? panelDomId(t.slug) : undefined}
            tabIndex={on ? 0 : -1}
            aria-keyshortcuts={shortcut ?? undefined}
            title={shortcut ?? undefined}
            className={on ? 'case-tab is-selected' : 'case-tab'}
            onClick={() => go(t.slug)}
          >
            {t.label}
          </button>
        );
      })}
    </div>
  );
}
