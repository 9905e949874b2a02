/**
 * "Frister for henvendelsen" on the case page: the citizen's klagefrist (from how and when the
 * decision was notified, its klagevejledning and what the frist rests on; saved on its own with
 * `klagefrist:set`, downloadable as an .ics calendar file) and the adviser's own target for closing
 * the henvendelse. Read first: the klagefrist (or that none is registered) is shown, and "Registrér
 * klagefrist" / "Ret klagefrist" opens the form; saving or "Annullér" closes it again.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { CaseDeadline, Klagefrist } from '../../../../shared/domain/deadline-tracking';
import { formatDanishDate } from '../../../../shared/domain/dates';
import { ApiError, errorMessage, send } from '../../api/client';
import { useAppData } from '../../app/AppDataProvider';
import { downloadFile } from '../import/read-file';
import { DeadlineStateBadge } from './DeadlineStateBadge';
import { Explanation } from './Explanation';
import { KlagefristBanner } from './KlagefristBanner';
import { NoticeFields } from './NoticeFields';
import { emptyNoticeDraft, isNoticeEmpty, noticeDraftFrom, toNotice, type NoticeDraft } from './notice-draft';

type Loaded = { klagefrist: Klagefrist | null; target: CaseDeadline | null; stored: boolean };

export function KlagefristSection({ caseId, version, onChanged }: Readonly<{ caseId: number; version: number; onChanged?: () => void }>) {
  const { today } = useAppData();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<NoticeDraft>(emptyNoticeDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  const reload = useCallback(async () => {
    try {
      const got = await send('klagefrist:get', { caseId });
      setLoaded({ klagefrist: got.klagefrist, target: got.target, stored: got.notice !== null });
      setDraft(noticeDraftFrom(got.notice));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [caseId]);
  useEffect(() => { void reload(); }, [reload, version]);

  async function save(e: FormEvent) {
    e.preventDefault();
    setNotice(null);
    setError(null);
    const { notice: n, errors: found } = toNotice(draft, today);
    if (n === null && !isNoticeEmpty(draft)) { setErrors(found); setError('Klagefristen er ikke gemt. Ret de markerede felter.'); return; }
    setErrors({});
    try {
      await send('klagefrist:set', { caseId, notice: n });
      setEditing(false);
      await reload();
      setNotice(n === null ? 'Klagefristen er fjernet.' : 'Klagefristen er gemt.');
      onChanged?.();
    } catch (err) {
      setErrors(err instanceof ApiError ? { ...err.fields } : {});
      setError(errorMessage(err));
    }
  }

  /** Leaves the form; what was typed gives way to what is stored. */
  function cancel() {
    setEditing(false);
    setErrors({});
    setError(null);
    void reload();
  }

  async function downloadIcs() {
    setError(null);
    try {
      const file = await send('klagefrist:ics', { caseId });
      downloadFile(file.fileName, file.mimeType, file.contentBase64);
      setNotice(`Kalenderfilen ${file.fileName} er hentet.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const target = loaded?.target ?? null;
  return (
    <section className="form-section case-deadlines" aria-labelledby="case-deadlines-title">
      <h2 id="case-deadlines-title">Frister for henvendelsen</h2>
      {loaded?.klagefrist ? <KlagefristBanner klagefrist={loaded.klagefrist} /> : null}
      {loaded !== null && !loaded.klagefrist ? (
        <p className="muted">{loaded.stored ? 'Afgørelsen har ingen lovbestemt klagefrist.' : 'Der er ikke registreret en afgørelse med klagefrist.'}</p>
      ) : null}
      {editing ? (
        <form onSubmit={(e) => void save(e)} noValidate aria-label="Borgerens klagefrist">
          <NoticeFields idPrefix="case-klagefrist" value={draft} onChange={setDraft} errors={errors} today={today} />
          <div className="button-row">
            <button type="submit" className="button button--secondary button--small">Gem klagefrist</button>
            <button type="button" className="button button--secondary button--small" onClick={cancel}>Annullér</button>
          </div>
        </form>
      ) : loaded !== null ? (
        <div className="button-row">
          <button type="button" className="button button--secondary button--small" onClick={() => { setNotice(null); setEditing(true); }}>
            {loaded.stored ? 'Ret klagefrist' : 'Registrér klagefrist'}
          </button>
          {loaded.klagefrist ? (
            <button type="button" className="button button--secondary button--small" onClick={() => void downloadIcs()}>Hent som kalenderfil (.ics)</button>
          ) : null}
        </div>
      ) : null}
      <div role="status" className="feedback">{notice ? <p className="alert alert--success">{notice}</p> : null}</div>
      {error ? <p role="alert" className="alert alert--error">{error}</p> : null}
      {target ? (
        <div className="target-line">
          <span>Eget mål for afslutning: <strong>{formatDanishDate(target.dueOn)}</strong></span> <DeadlineStateBadge state={target.state} />
          <Explanation explanation={target.explanation} about="eget mål for afslutning" />
        </div>
      ) : null}
    </section>
  );
}
