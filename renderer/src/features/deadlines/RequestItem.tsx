/**
 * One request in "Anmodninger til forvaltningen": what was asked of whom and when, the due date with
 * its Beregning, the state, what has happened since (rykkere, forlængelser, pauser), the frozen
 * verdict once answered or closed, and the actions while it is open.
 */
import type { Point } from '../../../../shared/domain/case';
import { formatDanishDate, type IsoDate } from '../../../../shared/domain/dates';
import { RequestKind, type RequestView } from '../../../../shared/domain/deadline-tracking';
import type { Settings } from '../../../../shared/domain/settings';
import { DeadlineStateBadge } from './DeadlineStateBadge';
import { specShort, verdictText } from './deadline-text';
import { Explanation } from './Explanation';
import { ACTION_TITLES, RequestActionForm, type RequestAction } from './RequestActionForm';

function eventText(e: RequestView['events'][number]): string {
  const reason = e.reason.trim() === '' ? '' : ` – ${e.reason}`;
  if (e.kind === 'rykker') return `Rykker ${e.level ?? ''} sendt ${formatDanishDate(e.onDate)}${reason}`;
  if (e.kind === 'pause') return `Pause ${formatDanishDate(e.onDate)}–${formatDanishDate(e.pauseTo)}${reason}`;
  const to = e.newDue ? `til ${formatDanishDate(e.newDue)}` : e.add ? `med ${specShort(e.add)}` : '';
  const from = e.oldDue ? ` (var ${formatDanishDate(e.oldDue)})` : '';
  return `Fristen forlænget ${to}${from} den ${formatDanishDate(e.onDate)}${reason}`;
}

const ACTIONS: ReadonlyArray<RequestAction> = ['remind', 'extend', 'pause', 'answer', 'close'];

export function RequestItem({ request: r, points, settings, today, active, onAction, onDone }: Readonly<{
  request: RequestView;
  points: ReadonlyArray<Point>;
  settings: Pick<Settings, 'forvaltninger' | 'municipalityName'>;
  today: IsoDate;
  /** The action whose form is open on this request, if any. */
  active: RequestAction | null;
  onAction: (a: RequestAction | null) => void;
  onDone: (updated: RequestView, action: RequestAction) => void;
}>) {
  const kind = RequestKind.label(r.kind);
  const open = r.answeredOn === null && r.closedOn === null;
  const about = `${kind.toLowerCase()} fra ${r.forvaltning}`;
  const verdict = verdictText(r);
  const reminders = r.events.filter((e) => e.kind === 'rykker').length;
  return (
    <article className="request" aria-labelledby={`req-${r.id}-title`}>
      <h3 id={`req-${r.id}-title`} className="request-title">
        {kind} · {r.forvaltning} <DeadlineStateBadge state={r.state} />
      </h3>
      <div className="request-facts">
        <span>Sendt {formatDanishDate(r.sentOn)}</span>
        <span>Frist <strong>{formatDanishDate(r.dueOn)}</strong> ({r.explicitDue === null ? specShort(r.spec) : 'fast dato'})</span>
        {r.pointIds.length > 0 ? (
          <span>Angår {r.pointIds.map((pid) => `klagepunkt ${(points.find((p) => p.id === pid)?.position ?? '?')}`).join(', ')}</span>
        ) : null}
        {reminders > 0 ? <span>{reminders === 1 ? '1 rykker sendt' : `${reminders} rykkere sendt`}</span> : null}
        <Explanation explanation={r.explanation} about={about} />
      </div>
      {verdict ? <p className="request-verdict"><strong>{verdict}</strong>{r.answeredOn ? ` · svar modtaget ${formatDanishDate(r.answeredOn)}` : ''}{r.closedOn ? ` · lukket ${formatDanishDate(r.closedOn)}` : ''}</p> : null}
      {r.note.trim() !== '' ? <p className="prewrap muted">{r.note}</p> : null}
      {r.answerSummary !== '' ? (
        <div className="request-answer">
          <h4 className="request-answer-title">Forvaltningens svar</h4>
          <p className="prewrap">{r.answerSummary}</p>
        </div>
      ) : null}
      {r.events.length > 0 ? (
        <ul className="request-events" aria-label={`Forløb for ${about}`}>
          {r.events.map((e) => <li key={e.id}>{eventText(e)}</li>)}
        </ul>
      ) : null}
      {open && active === null ? (
        <div className="entry-actions">
          {ACTIONS.map((a) => (
            <button key={a} type="button" className="button button--secondary button--small" onClick={() => onAction(a)}
              aria-label={`${a === 'remind' ? `Send rykker ${r.nextReminderLevel}` : ACTION_TITLES[a]} – ${about}`}>
              {a === 'remind' ? `Send rykker ${r.nextReminderLevel}` : ACTION_TITLES[a]}
            </button>
          ))}
        </div>
      ) : null}
      {open && active !== null ? (
        <RequestActionForm action={active} request={r} points={points} settings={settings} today={today} onDone={(u) => onDone(u, active)} onCancel={() => onAction(null)} />
      ) : null}
    </article>
  );
}
