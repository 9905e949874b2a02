/**
 * "Anmodninger til forvaltningen" on the case page: each request the adviser has sent (redegørelse,
 * akter, udtalelse) with its deadline, state and actions, and a form to record a new one. Saves on
 * its own, outside the case form, like the henstillinger.
 */
import { openItemElementId } from '../../../../shared/domain/case-workspace';
import { useEffect, useRef, useState } from 'react';
import type { Point } from '../../../../shared/domain/case';
import { formatDanishDate } from '../../../../shared/domain/dates';
import type { RequestView } from '../../../../shared/domain/deadline-tracking';
import { send } from '../../api/client';
import { useCaseList } from '../../api/use-case-list';
import { useAppData } from '../../app/AppDataProvider';
import { RequestForm } from './RequestForm';
import { RequestItem } from './RequestItem';
import type { RequestAction } from './RequestActionForm';
import { useDeadlineSettings } from './use-deadline-settings';

const DONE: Readonly<Record<RequestAction, (r: RequestView) => string>> = {
  remind: (r) => `Rykker ${r.nextReminderLevel - 1} er registreret.`,
  extend: (r) => `Fristen er forlænget til ${formatDanishDate(r.dueOn)}.`,
  pause: (r) => `Pausen er registreret. Fristen er nu ${formatDanishDate(r.dueOn)}.`,
  answer: () => 'Svaret er registreret.',
  close: () => 'Anmodningen er lukket uden svar.',
};

export function RequestsSection({ caseId, points, version, onChanged }: Readonly<{
  caseId: number;
  points: ReadonlyArray<Point>;
  version: number;
  /** Called after a change, so the case history can be fetched again. */
  onChanged?: () => void;
}>) {
  const { settings, today } = useAppData();
  const deadlineSettings = useDeadlineSettings();
  const { items, setItems, error, reload } = useCaseList('requests:for-case', caseId, version);
  const [adding, setAdding] = useState(false);
  const [active, setActive] = useState<{ id: number; action: RequestAction } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);


  // Focus returns to "Registrér anmodning" once the form has gone (after the render that removes it).
  const focusAdd = useRef(false);
  useEffect(() => {
    if (!focusAdd.current || adding) return;
    focusAdd.current = false;
    addButton.current?.focus();
  });
  function closeForm() {
    focusAdd.current = true;
    setAdding(false);
  }

  return (
    <section className="form-section" aria-labelledby="requests-title">
      <h2 id="requests-title" ref={heading} tabIndex={-1}>Anmodninger til forvaltningen</h2>
      <div role="status" className="feedback">{notice ? <p className="alert alert--success">{notice}</p> : null}</div>
      {error ? <p role="alert" className="alert alert--error">{error}</p> : null}
      {items === null && !error ? <p className="muted">Henter anmodninger …</p> : null}
      {items !== null && items.length === 0 ? <p className="muted">Der er ikke sendt anmodninger til forvaltningen.</p> : null}
      {items !== null && items.length > 0 ? (
        <ul className="entry-list" aria-label="Anmodninger">
          {items.map((r) => (
            // The id and tabIndex let the closing check's link take the adviser here (case-workspace.ts).
            <li key={r.id} id={openItemElementId.request(r.id)} tabIndex={-1} className="entry">
              <RequestItem
                request={r}
                points={points}
                settings={settings}
                today={today}
                active={active?.id === r.id ? active.action : null}
                onAction={(a) => { setNotice(null); setActive(a === null ? null : { id: r.id, action: a }); }}
                onDone={(updated, action) => {
                  setItems((list) => (list ?? []).map((x) => (x.id === updated.id ? updated : x)));
                  setActive(null);
                  setNotice(DONE[action](updated));
                  heading.current?.focus();
                  onChanged?.();
                }}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {adding ? (
        <RequestForm
          caseId={caseId} points={points} settings={settings} deadlineSettings={deadlineSettings} today={today}
          onSave={async (input) => {
            const created = await send('requests:create', { input });
            await reload();
            closeForm();
            setNotice(`Anmodningen er registreret med frist ${formatDanishDate(created.dueOn)}.`);
            onChanged?.();
          }}
          onCancel={closeForm}
        />
      ) : (
        <button ref={addButton} type="button" className="button button--secondary" onClick={() => { setNotice(null); setAdding(true); }}>
          Registrér anmodning
        </button>
      )}
    </section>
  );
}
