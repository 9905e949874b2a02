/**
 * The case page's header, sticky above the sections: who and what (sagsnr, the citizen with the CPR
 * masked until "Vis CPR-nummer", type, status and whether the adviser set it or it follows the case,
 * the adviser), the next deadline as the case list's "Næste frist" with its state, and the citizen's
 * klagefrist in the banner's words – announced when it is near or passed. "Luk sagen" starts the
 * closing check. Long names wrap inside their cell rather than pushing the header wider.
 */
import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../../../../shared/domain/case';
import type { CaseNextDeadline } from '../../../../../shared/domain/case-workspace';
import { formatDanishDate } from '../../../../../shared/domain/dates';
import type { Klagefrist } from '../../../../../shared/domain/deadline-tracking';
import type { Settings } from '../../../../../shared/domain/settings';
import { CaseStatus, CaseType } from '../../../../../shared/domain/vocab';
import { errorMessage, send } from '../../../api/client';
import { DeadlineStateBadge } from '../../deadlines/DeadlineStateBadge';
import { isPassed, isUrgent } from '../../deadlines/deadline-text';
import { klagefristSentences } from '../../deadlines/klagefrist-text';
import { NEXT_KIND } from '../CaseGrid';
import { adviserName } from './case-names';


export type HeaderActions = Readonly<{
  revealed: string | null;
  onReveal: () => Promise<void>;
  onHide: () => void;
  onFollowStatus: () => Promise<void>;
  onClose: () => void;
  /** While a section is being edited, the header's changes wait (they would meet the editor's version). */
  busy: boolean;
  /**
   * Announce a near or passed klagefrist (role="alert"); off where the section below shows the
   * klagefrist's own banner, which announces it already – one alert, not two.
   */
  announceKlagefrist: boolean;
}>;

export function CaseHeader({ detail: d, settings, refresh, actions: a }: Readonly<{ detail: CaseDetail; settings: Settings; refresh: number; actions: HeaderActions }>) {
  const [next, setNext] = useState<CaseNextDeadline | null>(null);
  const [klagefrist, setKlagefrist] = useState<Klagefrist | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    Promise.all([send('cases:next-deadline', { id: d.id }), send('klagefrist:get', { caseId: d.id })]).then(
      ([n, k]) => { if (live) { setNext(n.next); setKlagefrist(k.klagefrist); setError(null); } },
      (e: unknown) => { if (live) setError(errorMessage(e)); },
    );
    return () => { live = false; };
  }, [d.id, d.version, refresh]);

  async function act(f: () => Promise<void>) {
    setError(null);
    try { await f(); } catch (e) { setError(errorMessage(e)); }
  }

  const closed = d.status === 'afsluttet';
  const k = klagefrist !== null && !closed ? klagefrist : null;
  const sentences = k ? klagefristSentences(k) : null;
  return (
    <div className="case-header" role="region" aria-label="Sagens hoved">
      <dl className="case-header-facts">
        <div><dt>Sagsnr.</dt><dd className="sagsnr">{d.sagsnr}</dd></div>
        <div className="case-header-citizen">
          <dt>Borger</dt>
          <dd>
            <span className="case-header-name">{d.citizen.name.trim() === '' ? 'Navn ikke oplyst' : d.citizen.name}</span>
            {/* While a part of the form is open, its CPR field holds "Vis CPR-nummer"; one button is enough. */}
            {d.citizen.cprMasked !== null ? (
              <>
                {' '}<span className="nowrap">{a.revealed ?? d.citizen.cprMasked}</span>{' '}
                {a.busy ? null : a.revealed === null
                  ? <button type="button" className="link-button" onClick={() => void act(a.onReveal)}>Vis CPR-nummer</button>
                  : <button type="button" className="link-button" onClick={a.onHide}>Skjul CPR-nummer</button>}
              </>
            ) : null}
          </dd>
        </div>
        <div><dt>Type</dt><dd>{CaseType.label(d.type)}</dd></div>
        <div>
          <dt>Status</dt>
          <dd>
            <span className={`badge badge--${d.status}`}>{CaseStatus.label(d.status)}</span>{' '}
            <span className="muted">{d.statusManual ? 'sat af rådgiveren' : 'følger sagen'}</span>
            {d.statusManual && !closed ? (
              <>{' '}<button type="button" className="link-button" disabled={a.busy} onClick={() => void act(a.onFollowStatus)}
                title="Status bliver Afventer forvaltningen, mens en anmodning er åben">Lad status følge sagen</button></>
            ) : null}
          </dd>
        </div>
        <div><dt>Rådgiver</dt><dd>{adviserName(settings, d.adviserId)}</dd></div>
        <div>
          <dt>Næste frist</dt>
          <dd>
            {next === null ? <span className="muted">Ingen åbne frister</span> : (
              <><span className="nowrap">{formatDanishDate(next.dueOn)}</span> {NEXT_KIND[next.kind]} <DeadlineStateBadge state={next.state} /></>
            )}
          </dd>
        </div>
      </dl>
      <div className="case-header-actions">
        {closed ? null : <button type="button" className="button button--secondary button--small" disabled={a.busy} onClick={a.onClose}>Luk sagen</button>}
      </div>
      {k && sentences ? (
        <p className={`case-header-klagefrist alert ${isPassed(k.state) ? 'alert--error' : isUrgent(k.state) ? 'alert--warning' : 'alert--info'}`}
          role={isUrgent(k.state) && a.announceKlagefrist ? 'alert' : undefined}>
          <strong>{sentences.main}</strong> <DeadlineStateBadge state={k.state} />
          {sentences.caveat ? <><br />{sentences.caveat}</> : null}
        </p>
      ) : null}
      {error ? <p role="alert" className="alert alert--error">{error}</p> : null}
    </div>
  );
}
