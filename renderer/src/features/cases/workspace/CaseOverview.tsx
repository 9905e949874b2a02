/**
 * Overblik: the whole henvendelse on one screen, read-only – the facts of the henvendelse, each
 * klagepunkt with its outcome and rules, the requests still open with their due dates and state, the
 * deadlines (the citizen's klagefrist, statutory deadlines on the klagepunkter, the adviser's own
 * target) and the henstillinger with their follow-up. Each block links to the section where it is
 * changed, so the adviser reads here and edits there.
 */
import { useEffect, useState } from 'react';
import type { CaseDetail } from '../../../../../shared/domain/case';
import { formatDanishDate } from '../../../../../shared/domain/dates';
import type { CaseDeadline, Klagefrist, PointDeadline, RequestView } from '../../../../../shared/domain/deadline-tracking';
import { keptClass, keptLabel } from '../../deadlines/point-deadline-text';
import { recordEntries, type RecordEntry } from '../../records/records-list';
import type { CaseDocument, JournalNote } from '../../../../../shared/domain/records';
import { RequestKind } from '../../../../../shared/domain/deadline-tracking';
import { RecommendationStatus, type Recommendation } from '../../../../../shared/domain/recommendation';
import type { Settings } from '../../../../../shared/domain/settings';
import { CaseType, Channel, DocumentDirection, JournalKind, Outcome } from '../../../../../shared/domain/vocab';
import { errorMessage, send } from '../../../api/client';
import { routeHref } from '../../../app/router';
import { DeadlineStateBadge } from '../../deadlines/DeadlineStateBadge';
import { useRuleCatalog } from '../../rules/use-rules';
import { forvaltningName } from './case-names';
import { PointRulesList } from './PointsView';

type Loaded = Readonly<{
  requests: RequestView[];
  pointDeadlines: PointDeadline[];
  klagefrist: Klagefrist | null;
  target: CaseDeadline | null;
  recommendations: Recommendation[];
  documents: CaseDocument[];
  notes: JournalNote[];
}>;

/** How many of the newest akter and notes Overblik lists. */
const LATEST_RECORDS = 3;

function recordLine(e: RecordEntry): string {
  if (e.kind === 'document') return `${formatDanishDate(e.doc.documentDate)} · ${DocumentDirection.label(e.doc.direction)} akt · ${e.doc.title}`;
  const text = e.note.text.replace(/\s+/g, ' ').trim();
  return `${formatDanishDate(e.note.notedOn)} · ${JournalKind.label(e.note.kind)} · ${text.length > 90 ? `${text.slice(0, 90)} …` : text}`;
}

function SectionLink({ caseId, section, children }: Readonly<{ caseId: number; section: string; children: string }>) {
  return <a className="overview-link" href={routeHref({ name: 'case', id: caseId, section })}>{children}</a>;
}

export function CaseOverview({ detail, settings, refresh }: Readonly<{ detail: CaseDetail; settings: Settings; refresh: number }>) {
  const { rules } = useRuleCatalog();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const caseId = detail.id;

  useEffect(() => {
    let live = true;
    Promise.all([
      send('requests:for-case', { caseId }),
      send('point-deadlines:for-case', { caseId }),
      send('klagefrist:get', { caseId }),
      send('recommendations:for-case', { caseId }),
      send('documents:list', { caseId }),
      send('journal:list', { caseId }),
    ]).then(
      ([requests, pointDeadlines, k, recommendations, documents, notes]) => {
        if (live) setLoaded({ requests, pointDeadlines, klagefrist: k.klagefrist, target: k.target, recommendations, documents, notes });
      },
      (e: unknown) => { if (live) setError(errorMessage(e)); },
    );
    return () => { live = false; };
  }, [caseId, detail.version, refresh]);

  const openRequests = (loaded?.requests ?? []).filter((r) => r.answeredOn === null && r.closedOn === null);
  const runningDeadlines = (loaded?.pointDeadlines ?? []).filter((d) => d.metOn === null);
  // The newest first: the paper file's order reversed.
  const latest = loaded === null ? [] : recordEntries(loaded.documents, loaded.notes, { show: 'alle', direction: 'alle', hits: null }).reverse().slice(0, LATEST_RECORDS);
  return (
    <div className="overview">
      {error ? <p role="alert" className="alert alert--error">{error}</p> : null}
      <section className="overview-block" aria-labelledby="ov-henvendelse">
        <h2 id="ov-henvendelse">Henvendelsen</h2>
        <dl className="facts">
          <div><dt>Modtaget</dt><dd>{formatDanishDate(detail.receivedOn)}{detail.channel ? ` · ${Channel.label(detail.channel)}` : ''}</dd></div>
          <div><dt>Type</dt><dd>{CaseType.label(detail.type)}</dd></div>
          <div><dt>Resumé</dt><dd>{detail.summary.trim() === '' ? <span className="muted">Intet resumé</span> : detail.summary}</dd></div>
        </dl>
        <SectionLink caseId={caseId} section="henvendelsen">Se og ret henvendelsen</SectionLink>
      </section>

      <section className="overview-block" aria-labelledby="ov-punkter">
        <h2 id="ov-punkter">Klagepunkter</h2>
        {detail.points.length === 0 ? <p className="muted">Ingen klagepunkter.</p> : (
          <ol className="overview-list">
            {detail.points.map((p, i) => (
              <li key={p.id}>
                <p className="overview-item-title">
                  Klagepunkt {i + 1} – {forvaltningName(settings, p.forvaltningId)}:{' '}
                  {p.outcome === null ? <span className="muted">intet udfald endnu</span> : <strong>{Outcome.label(p.outcome)}</strong>}
                </p>
                <PointRulesList point={p} rules={rules} />
              </li>
            ))}
          </ol>
        )}
        <SectionLink caseId={caseId} section="klagepunkter">Gå til klagepunkterne</SectionLink>
      </section>

      <section className="overview-block" aria-labelledby="ov-frister">
        <h2 id="ov-frister">Anmodninger og frister</h2>
        {loaded === null && error === null ? <p className="muted" role="status">Henter frister …</p> : null}
        {loaded !== null ? (
          <ul className="overview-list">
            <li>
              Borgerens klagefrist:{' '}
              {loaded.klagefrist ? <><strong>{formatDanishDate(loaded.klagefrist.dueOn)}</strong> <DeadlineStateBadge state={loaded.klagefrist.state} /></> : <span className="muted">ingen registreret</span>}
            </li>
            {runningDeadlines.map((d) => (
              <li key={`d${d.id}`}>Klagepunkt {d.pointPosition}: {d.ruleLabel} – frist <strong>{formatDanishDate(d.dueOn)}</strong> <span className={keptClass(d)}>{keptLabel(d)}</span></li>
            ))}
            {openRequests.map((r) => (
              <li key={`r${r.id}`}>
                {RequestKind.label(r.kind)} fra {r.forvaltning} – svarfrist <strong>{formatDanishDate(r.dueOn)}</strong> <DeadlineStateBadge state={r.state} />
              </li>
            ))}
            {openRequests.length === 0 ? <li className="muted">Ingen åbne anmodninger til forvaltningen.</li> : null}
            <li>
              Eget mål for afslutning:{' '}
              {loaded.target ? <><strong>{formatDanishDate(loaded.target.dueOn)}</strong> <DeadlineStateBadge state={loaded.target.state} /></> : <span className="muted">intet</span>}
            </li>
          </ul>
        ) : null}
        <SectionLink caseId={caseId} section="anmodninger">Gå til anmodninger og frister</SectionLink>
      </section>

      <section className="overview-block" aria-labelledby="ov-henstillinger">
        <h2 id="ov-henstillinger">Henstillinger</h2>
        {loaded !== null && loaded.recommendations.length === 0 ? <p className="muted">Der er ikke givet henstillinger.</p> : null}
        {loaded !== null && loaded.recommendations.length > 0 ? (
          <ul className="overview-list">
            {loaded.recommendations.map((h) => (
              <li key={h.id}>
                <span className="overview-excerpt">{h.text}</span>{' '}
                <span className={`badge badge--${h.status}`}>{RecommendationStatus.label(h.status)}</span>
                {h.status === 'afventer' && h.followUpOn !== null ? <> · opfølgning {formatDanishDate(h.followUpOn)}</> : null}
              </li>
            ))}
          </ul>
        ) : null}
        <SectionLink caseId={caseId} section="henstillinger">Gå til henstillingerne</SectionLink>
      </section>

      <section className="overview-block" aria-labelledby="ov-akter">
        <h2 id="ov-akter">Akter og journal</h2>
        {loaded !== null ? (
          <p>{loaded.documents.length === 1 ? '1 akt' : `${loaded.documents.length} akter`} · {loaded.notes.length === 1 ? '1 notat' : `${loaded.notes.length} notater`}</p>
        ) : null}
        {latest.length > 0 ? (
          <ul className="overview-list" aria-label="Seneste akter og notater">
            {latest.map((e) => <li key={e.kind === 'document' ? `a${e.doc.id}` : `n${e.note.id}`} className="overview-excerpt">{recordLine(e)}</li>)}
          </ul>
        ) : null}
        <SectionLink caseId={caseId} section="akter">Gå til akter og journal</SectionLink>
      </section>
    </div>
  );
}
