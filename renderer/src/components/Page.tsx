/**
 * Frame of every screen: sets document.title and renders the h1. On a route change focus moves to
 * the h1 (unless the screen focuses a field itself), so a screen reader announces the new screen
 * and Tab continues from the top of it.
 */
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';

export function usePageTitle(title: string): void {
  // A layout effect: the title changes in the same commit as the h1, never a moment after it.
  useLayoutEffect(() => {
    document.title = `${title} – Ombud`;
  }, [title]);
}

export function Page({ title, focusHeading = true, actions, children, wide }: Readonly<{
  title: string;
  focusHeading?: boolean;
  actions?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}>) {
  usePageTitle(title);
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) h1.current?.focus({ preventScroll: true });
    // Only on mount: a screen that re-renders must not pull focus away from the adviser.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return (
    <div className={wide ? 'page page--wide' : 'page'}>
      <div className="page-header">
        <h1 ref={h1} tabIndex={-1}>{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}
