/**
 * Revisionsspor: the whole audit log (who read or changed what, and when), filtered by period,
 * adviser, action and sagsnr, a page at a time, with the chain's status from the start-up
 * verification, exportable as CSV or JSON (the export is itself recorded).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { AUDIT_PAGE_SIZE, NO_AUDIT_FILTER, type AuditFilter, type AuditPage, type AuditStatus } from '../../../../shared/domain/audit';
import { formatDanishDateTime } from '../../../../shared/domain/dates';
import { errorMessage, send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { DateField, dateFieldError, parseDateField } from '../../components/DateField';
import { SelectField, TextField } from '../../components/Field';
import { downloadFile } from '../import/read-file';

export function auditStatusText(status: AuditStatus | null): string {
  if (status === null || status.state === 'checking') return 'Revisionssporet kontrolleres …';
  if (status.state === 'ok') return `Revisionssporet er helt: alle ${status.rows.toLocaleString('da-DK')} rækker er kontrolleret ${formatDanishDateTime(status.checkedAt)}.`;
  const read = status.acknowledgedBy === null ? '' : ` Advarslen er læst af ${status.acknowledgedBy}.`;
  return `Revisionssporet er brudt (første brudte række: ${status.firstBrokenId}). ${status.reason}${read}`;
}

type Texts = { from: string; to: string; actor: string; action: string; sagsnr: string };
const EMPTY: Texts = { from: '', to: '', actor: '', action: '', sagsnr: '' };

export function AuditSection() {
  const { today } = useAppData();
  const [texts, setTexts] = useState<Texts>(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>(NO_AUDIT_FILTER);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [status, setStatus] = useState<AuditStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async (f: AuditFilter, at: number) => {
    try {
      const [p, s] = await Promise.all([send('audit:list', { filter: f, offset: at }), send('audit:status', {})]);
      setPage(p);
      setStatus(s);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);

  useEffect(() => { void load(filter, offset); }, [load, filter, offset]);

  const fromError = dateFieldError(texts.from);
  const toError = dateFieldError(texts.to);

  function apply(e: FormEvent) {
    e.preventDefault();
    if (fromError !== undefined || toError !== undefined) return;
    const date = (t: string) => { const d = parseDateField(t); return d === 'invalid' ? null : d; };
    const text = (t: string) => (t.trim() === '' ? null : t.trim());
    setOffset(0);
    setFilter({ from: date(texts.from), to: date(texts.to), actor: text(texts.actor), action: text(texts.action), sagsnr: text(texts.sagsnr) });
  }

  async function exportAs(format: 'csv' | 'json') {
    setNotice(null);
    try {
      const out = await send('audit:export', { filter, format });
      downloadFile(out.fileName, out.mediaType, out.contentBase64);
      setNotice(`Filen ${out.fileName} er dannet og gemmes i din mappe til overførsler. Eksporten er noteret i revisionssporet.`);
      void load(filter, offset);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  const set = (k: keyof Texts) => (v: string) => setTexts((t) => ({ ...t, [k]: v }));
  const total = page?.total ?? 0;
  const last = Math.min(offset + AUDIT_PAGE_SIZE, total);

  return (
    <section id="revisionsspor" tabIndex={-1} className="form-section" aria-labelledby="revisionsspor-title">
      <h2 id="revisionsspor-title">Revisionsspor</h2>
      <p className="muted">
        Hver ændring, hver åbnet sag, hvert vist CPR-nummer, hver åbnet akt og hver eksport noteres med hvem og hvornår.
        Rækkerne er kædet sammen med kontrolsummer, så en række, der er ændret, fjernet eller indsat uden om Ombud, opdages.
      </p>
      <p role="status" className={status?.state === 'broken' ? 'alert alert--error' : undefined} data-testid="audit-status">{auditStatusText(status)}</p>
      <form onSubmit={apply} noValidate className="filters" aria-label="Afgræns revisionssporet">
        <DateField id="audit-from" label="Fra dato" value={texts.from} onChange={set('from')} error={fromError} today={today} />
        <DateField id="audit-to" label="Til dato" value={texts.to} onChange={set('to')} error={toError} today={today} />
        <SelectField id="audit-actor" label="Rådgiver" value={texts.actor} onChange={set('actor')}
          options={[{ value: '', label: 'Alle' }, ...(page?.actors ?? []).map((a) => ({ value: a, label: a }))]} />
        <SelectField id="audit-action" label="Hændelse" value={texts.action} onChange={set('action')}
          options={[{ value: '', label: 'Alle' }, ...(page?.actions ?? []).map((a) => ({ value: a, label: a }))]} />
        <TextField id="audit-sagsnr" label="Sagsnr." value={texts.sagsnr} onChange={set('sagsnr')} maxLength={60} width="s" />
        <button type="submit" className="button button--secondary">Vis</button>
      </form>
      {error === null ? null : <p role="alert" className="alert alert--error">{error}</p>}
      {notice === null ? null : <p role="status">{notice}</p>}
      <p aria-live="polite">{total === 0 ? 'Ingen rækker.' : `Række ${offset + 1}–${last} af ${total.toLocaleString('da-DK')}, nyeste først.`}</p>
      {page === null || page.rows.length === 0 ? null : (
        <div className="table-wrap">
          <table className="table" aria-labelledby="revisionsspor-title">
            <thead>
              <tr><th scope="col">Nr.</th><th scope="col">Tidspunkt</th><th scope="col">Rådgiver</th><th scope="col">Hændelse</th><th scope="col">Sagsnr.</th><th scope="col">Ændringer</th></tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.id}</td>
                  <td>{formatDanishDateTime(r.at)}</td>
                  <td>{r.actor}</td>
                  <td>{r.action}</td>
                  <td>{r.sagsnr ?? ''}</td>
                  <td>
                    {r.changes.map((c, i) => <div key={i}>{c.field === '' ? '' : `${c.field}: `}{c.before === '' ? c.after : `${c.before} → ${c.after}`}</div>)}
                    {r.redactedBy === null ? null : <div className="muted">Anonymiseret efter opbevaringsfristen</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - AUDIT_PAGE_SIZE))}>Nyere</button>
        <button type="button" className="button button--secondary" disabled={last >= total} onClick={() => setOffset(offset + AUDIT_PAGE_SIZE)}>Ældre</button>
        <button type="button" className="button button--secondary" onClick={() => void exportAs('csv')}>Eksportér som CSV</button>
        <button type="button" className="button button--secondary" onClick={() => void exportAs('json')}>Eksportér som JSON</button>
      </div>
    </section>
  );
}
