/**
 * "Anmodninger til forvaltningen" on the case page: each request the adviser has sent (redegørelse,
 * akter, udtalelse) with its deadline, state and actions, and a form to record a new one. Saves on
 * its own, outside the case form, like the henstillinger. Each request has its letters: the
 * anmodningsbrev, and the rykkerbrev once a rykker is recorded or the deadline has passed
 * (CaseLetterPanel; sending files the letter as an akt).
 */
import { openItemElementId } from '../../../../shared/domain/case-workspace';
import { useEffect, useRef, useState } from 'react';
import type { Point } from '../../../../shared/domain/case';
import { formatDanishDate } from '../../../../shared/domain/dates';
import { RequestKind, type RequestView } from '../../../../shared/domain/deadline-tracking';
import type { CaseLetterKind } from '../../../../shared/letters/case-letter-source';
import { send } from '../../api/client';
import { useCaseList } from '../../api/use-case-list';
import { useAppData } from '../../app/AppDataProvider';
import { CaseLetterPanel } from '../letters/CaseLetterPanel';
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

/** A rykker is written while the request is open and either a rykker is recorded or the deadline has passed. */
function mayRemind(r: RequestView): boolean {
  const open = r.answeredOn === null && r.closedOn === null;
  return open && (r.events.some((e) => e.kind === 'rykker') || r.state === 'overskredet' || r.state === 'laenge_overskredet');
}

const LETTER_NAMES: Readonly<Record<Exclude<CaseLetterKind, 'kvittering'>, string>> = { anmodning: 'Anmodningsbrev', rykker: 'Rykkerbrev' };

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
  const [letter, setLetter] = useState<{ requestId: number; kind: 'anmodning' | 'rykker' } | null>(null);
  // The button that opened a letter gets focus back when the letter is closed without sending.
  const letterOpener = useRef<HTMLButtonElement | null>(null);
  const focusOpener = useRef(false);
  useEffect(() => {
    if (!focusOpener.current || letter !== null) return;
    focusOpener.current = false;
    letterOpener.current?.focus();
  });

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
              <div className="entry-actions request-letters">
                {(['anmodning', 'rykker'] as const).filter((k) => k === 'anmodning' || mayRemind(r)).map((k) => (
                  <button key={k} type="button" className="button button--secondary button--small"
                    aria-expanded={letter?.requestId === r.id && letter.kind === k}
                    aria-label={`${LETTER_NAMES[k]} – ${RequestKind.label(r.kind).toLowerCase()} fra ${r.forvaltning}`}
                    onClick={(e) => { letterOpener.current = e.currentTarget; setNotice(null); setLetter({ requestId: r.id, kind: k }); }}>
                    {LETTER_NAMES[k]}
                  </button>
                ))}
              </div>
              {letter?.requestId === r.id ? (
                <CaseLetterPanel
                  key={letter.kind}
                  input={{ caseId, kind: letter.kind, requestId: r.id }}
                  title={`${LETTER_NAMES[letter.kind]} til ${r.forvaltning}`}
                  level={4}
                  onClose={() => { focusOpener.current = true; setLetter(null); }}
                  onSent={(doc) => {
                    setLetter(null);
                    setNotice(`Brevet er sendt og gemt som akten «${doc.title}» under Akter og journal.`);
                    heading.current?.focus();
                    onChanged?.();
                  }}
                />
              ) : null}
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
