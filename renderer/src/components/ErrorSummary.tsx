/**
 * The error summary at the top of a form (DKFDS/GOV.UK pattern): announced with role="alert", focused
 * after a failed save, and each message is a button that moves focus to the field it is about.
 * Buttons rather than #links, because the hash is the router's.
 */
import type { Ref } from 'react';

export function ErrorSummary({ ref, message, errors, focusTargetFor }: Readonly<{
  ref?: Ref<HTMLDivElement>;
  message: string | null;
  errors: Readonly<Record<string, string>>;
  focusTargetFor: (path: string) => string;
}>) {
  if (message === null) return null;
  const entries = Object.entries(errors);
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary-title">{message}</h2>
      {entries.length > 0 ? (
        <ul className="error-summary-list">
          {entries.map(([path, text]) => (
            <li key={path}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  const el = document.getElementById(focusTargetFor(path));
                  el?.focus();
                  el?.scrollIntoView?.({ block: 'center' });
                }}
              >
                {text}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
