/**
 * Indsigt (GDPR art. 15): search by CPR number and/or name, see each henvendelse that matched and
 * why, untick a namesake, and save the citizen's copy as JSON (all data and the akter's files) or as
 * the letter (PDF). Each save is recorded in the history of the henvendelser it carries.
 */
import { useState, type FormEvent } from 'react';
import { formatDanishDate } from '../../../../shared/domain/dates';
import type { InsightMatch, InsightQuery } from '../../../../shared/gdpr/insight';
import { INSIGHT_LIMITS } from '../../../../shared/gdpr/insight';
import { ApiError, errorMessage, send } from '../../api/client';
import { TextField } from '../../components/Field';
import { downloadFile } from '../import/read-file';
import { SectionFeedback } from '../settings/SectionFeedback';

export function InsightSection() {
  const [cpr, setCpr] = useState('');
  const [name, setName] = useState('');
  const [query, setQuery] = useState<InsightQuery | null>(null);
  const [matches, setMatches] = useState<InsightMatch[] | null>(null);
  const [kept, setKept] = useState<ReadonlySet<number>>(new Set());
  const [fields, setFields] = useState<Readonly<Record<string, string>>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function fail(e: unknown) {
    const f = e instanceof ApiError ? e.fields : {};
    setFields(f);
    setError(Object.values(f).length > 0 ? Object.values(f).join(' ') : errorMessage(e));
  }

  async function search(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setNotice(null); setError(null); setFields({});
    const q: InsightQuery = { cpr: cpr.trim() === '' ? null : cpr.trim(), name: name.trim() === '' ? null : name.trim() };
    setBusy(true);
    try {
      const found = await send('gdpr:search', q);
      setQuery(q);
      setMatches(found);
      setKept(new Set(found.map((m) => m.caseId)));
    } catch (err) {
      setMatches(null);
      fail(err);
    } finally {
      setBusy(false);
    }
  }

  async function save(format: 'json' | 'pdf') {
    if (busy || query === null || kept.size === 0) return;
    setNotice(null); setError(null);
    setBusy(true);
    try {
      const file = await send(format === 'json' ? 'gdpr:insight-json' : 'gdpr:insight-pdf', { query, caseIds: [...kept] });
      downloadFile(file.fileName, file.mediaType, file.contentBase64);
      setNotice(`Indsigten (${format === 'json' ? 'JSON' : 'PDF'}) med ${kept.size} henvendelse${kept.size === 1 ? '' : 'r'} er gemt som «${file.fileName}». Udleveringen er skrevet i historikken.`);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  }

  function toggle(caseId: number, on: boolean) {
    const next = new Set(kept);
    if (on) next.add(caseId); else next.delete(caseId);
    setKept(next);
  }

  return (
    <section id="indsigt" className="form-section" tabIndex={-1} aria-labelledby="indsigt-title">
      <h2 id="indsigt-title">Indsigt</h2>
      <p className="muted">Find alt, hvad Ombud har om en person (databeskyttelsesforordningens artikel 15), på CPR-nummer og/eller navn. Fjern fluebenet ved en navnebror, før du gemmer.</p>
      <form onSubmit={(e) => void search(e)} noValidate className="add-form" aria-label="Søg efter person">
        <TextField id="insight-cpr" label="CPR-nummer" value={cpr} width="s" maxLength={INSIGHT_LIMITS.cpr} inputMode="numeric" error={fields.cpr} onChange={setCpr} />
        <TextField id="insight-name" label="Navn" value={name} width="m" maxLength={INSIGHT_LIMITS.name} error={fields.name} onChange={setName}
          after={<button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>Søg</button>} />
      </form>
      {matches === null ? null : matches.length === 0 ? <p>Ingen henvendelser passer til søgningen.</p> : (
        <>
          <h3 id="insight-matches">Fundne henvendelser ({matches.length})</h3>
          <div className="table-wrap">
            <table className="table" aria-labelledby="insight-matches">
              <thead><tr><th scope="col">Med</th><th scope="col">Sagsnr.</th><th scope="col">Modtaget</th><th scope="col">Afsluttet</th><th scope="col">Borger</th><th scope="col">Fundet på</th></tr></thead>
              <tbody>
                {matches.map((m) => (
                  <tr key={m.caseId}>
                    <td>
                      <input type="checkbox" id={`insight-keep-${m.caseId}`} checked={kept.has(m.caseId)} onChange={(e) => toggle(m.caseId, e.target.checked)}
                        aria-label={`Medtag ${m.sagsnr}`} />
                    </td>
                    <td>{m.sagsnr}</td>
                    <td>{formatDanishDate(m.receivedOn)}</td>
                    <td>{m.closedOn === null ? 'Åben' : formatDanishDate(m.closedOn)}</td>
                    <td>{m.citizenName}</td>
                    <td>{m.reasons.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="button-row">
            <button type="button" className="button" aria-disabled={busy || kept.size === 0 || undefined} onClick={() => void save('json')}>Gem indsigt som JSON</button>
            <button type="button" className="button button--secondary" aria-disabled={busy || kept.size === 0 || undefined} onClick={() => void save('pdf')}>Gem brev som PDF</button>
          </div>
        </>
      )}
      <SectionFeedback notice={notice} error={error} />
    </section>
  );
}
